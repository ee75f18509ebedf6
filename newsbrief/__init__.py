"""newsbrief: turn news articles into accurate, listenable briefings.

Quick use::

    import newsbrief

    article = newsbrief.read("story.txt")
    print(article.summary(seconds=30))
    print(newsbrief.render(article.briefing(), "markdown"))

Importing newsbrief is cheap: analysis, renderers and speech load on first use.
"""

from __future__ import annotations

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

__version__ = "0.1.0"

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
]
