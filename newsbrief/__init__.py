"""newsbrief: turn news articles into accurate, listenable briefings.

Quick use::

    import newsbrief

    article = newsbrief.read("story.txt")
    print(article.summary(seconds=30))
    print(newsbrief.render(article.briefing(), "markdown"))

Importing newsbrief is cheap: analysis, renderers and speech load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsbrief.errors import (
    BudgetError,
    InputFormatError,
    InputTooLargeError,
    InvalidArticleError,
    NewsbriefError,
    OutputError,
    ReadError,
    SpeechBackendError,
    SpeechError,
    SpeechTimeoutError,
    UnknownNameError,
)
from newsbrief.model import (
    Article,
    DateMention,
    Entity,
    EntityKind,
    Paragraph,
    Quote,
    Sentence,
    Span,
)

if TYPE_CHECKING:
    from newsbrief.briefing import BriefDate, Briefing, BriefQuote, Person, build_briefing
    from newsbrief.digest import Digest, Story
    from newsbrief.ingest import read, read_all
    from newsbrief.render import FORMATS, ScriptPart, render, script_parts, speakable
    from newsbrief.speech import (
        Chapter,
        Pyttsx3Engine,
        Speaker,
        SpeechEngine,
        SpeechResult,
        Voice,
    )
    from newsbrief.summarize import Budget, Summary
    from newsbrief.text.analysis import Analysis, analyze

__version__ = "0.1.0"

# Loaded on first use, so that ``import newsbrief`` stays cheap. ``render`` is
# the callable ``newsbrief.render`` package itself (``newsbrief.render(obj,
# "markdown")``); summaries are reached through ``Article.summary``.
_LAZY = {
    "Analysis": "newsbrief.text.analysis",
    "BriefDate": "newsbrief.briefing",
    "BriefQuote": "newsbrief.briefing",
    "Briefing": "newsbrief.briefing",
    "Budget": "newsbrief.summarize",
    "Chapter": "newsbrief.speech",
    "Digest": "newsbrief.digest",
    "FORMATS": "newsbrief.render",
    "Person": "newsbrief.briefing",
    "Pyttsx3Engine": "newsbrief.speech",
    "ScriptPart": "newsbrief.render",
    "Speaker": "newsbrief.speech",
    "SpeechEngine": "newsbrief.speech",
    "SpeechResult": "newsbrief.speech",
    "Story": "newsbrief.digest",
    "Summary": "newsbrief.summarize",
    "Voice": "newsbrief.speech",
    "analyze": "newsbrief.text.analysis",
    "build_briefing": "newsbrief.briefing",
    "read": "newsbrief.ingest",
    "read_all": "newsbrief.ingest",
    "render": "newsbrief.render",
    "script_parts": "newsbrief.render",
    "speakable": "newsbrief.render",
}

__all__ = [
    "Analysis",
    "Article",
    "BriefDate",
    "BriefQuote",
    "Briefing",
    "Budget",
    "BudgetError",
    "Chapter",
    "DateMention",
    "Digest",
    "Entity",
    "EntityKind",
    "FORMATS",
    "InputFormatError",
    "InputTooLargeError",
    "InvalidArticleError",
    "NewsbriefError",
    "OutputError",
    "Paragraph",
    "Person",
    "Pyttsx3Engine",
    "Quote",
    "ReadError",
    "ScriptPart",
    "Sentence",
    "Span",
    "Speaker",
    "SpeechBackendError",
    "SpeechEngine",
    "SpeechError",
    "SpeechResult",
    "SpeechTimeoutError",
    "Story",
    "Summary",
    "UnknownNameError",
    "Voice",
    "__version__",
    "analyze",
    "build_briefing",
    "read",
    "read_all",
    "render",
    "script_parts",
    "speakable",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsbrief' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    # The submodule import may have bound a package attribute of the same
    # name; the exported object wins.
    globals()[name] = value
    return value
