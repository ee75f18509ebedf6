"""Entities, quotes and dates of an article, in one call.

``analyze(article)`` is what :attr:`newsbrief.model.Article.analysis` returns
(cached per article). The pieces are also usable on plain text:
:func:`~newsbrief.text.entities.find_entities`,
:func:`~newsbrief.text.quotes.find_quotes` and
:func:`~newsbrief.text.dates.find_dates`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from newsbrief.model import DateMention, Entity, Quote
from newsbrief.text.dates import find_dates
from newsbrief.text.entities import find_entities
from newsbrief.text.quotes import find_quotes

if TYPE_CHECKING:  # pragma: no cover
    from newsbrief.model import Article

__all__ = ["Analysis", "analyze"]


@attrs.frozen(slots=True)
class Analysis:
    """What an article says about who, what was said, and when.

    Attributes:
        entities: People, organisations and places, most mentioned first.
        quotes: Direct and reported speech, in document order.
        dates: Time expressions, in document order.
    """

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict of the analysis."""
        return {
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
        }


def analyze(article: Article) -> Analysis:
    """Find the entities, quotes and dates of ``article``.

    Offsets in the results point into ``article.body`` (headline mentions of
    entities into ``article.headline``). Prefer ``article.analysis``, which
    caches the result.

    Args:
        article: The article to analyse.

    Returns:
        The article's :class:`Analysis`.
    """
    body = article.body
    sentences = article.sentences
    entities = find_entities(
        body, article.headline, sentence_starts=[s.start for s in sentences]
    )
    quotes = find_quotes(body, entities, sentences)
    dates = find_dates(body, article.published)
    return Analysis(entities=entities, quotes=quotes, dates=dates)
