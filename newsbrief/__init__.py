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
    from newsbrief.ingest import read, read_all

__version__ = "0.1.0"

# Loaded on first use, so that ``import newsbrief`` stays cheap.
_LAZY = {
    "read": "newsbrief.ingest",
    "read_all": "newsbrief.ingest",
}

__all__ = [
    "Article",
    "BudgetError",
    "DateMention",
    "Entity",
    "EntityKind",
    "InputFormatError",
    "InputTooLargeError",
    "InvalidArticleError",
    "NewsbriefError",
    "OutputError",
    "Paragraph",
    "Quote",
    "ReadError",
    "Sentence",
    "Span",
    "SpeechBackendError",
    "SpeechError",
    "SpeechTimeoutError",
    "UnknownNameError",
    "__version__",
    "read",
    "read_all",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsbrief' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
