"""The :class:`Summary` a summariser returns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from newsbrief.model import Sentence
from newsbrief.summarize.budget import Budget
from newsbrief.timing import estimate_seconds

__all__ = ["Summary"]


def _sentences(value: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(value)


def _scores(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class Summary:
    """The sentences chosen to summarise an article, with every sentence's score.

    Attributes:
        sentences: The chosen sentences, in document order.
        scores: One score per sentence of the article (not only the chosen
            ones), higher meaning more summary-worthy, so callers can see why a
            sentence was or was not picked. Comparable within one method only.
        method: The name of the method that scored the sentences.
        budget: The budget the summary was asked to fit.
        note: Why the summary is empty or shorter than asked, when that
            happens (the article has no sentences, or not even the shortest
            sentence fits the budget); None otherwise.
        fits: False when the article has sentences but none of them fits the
            budget (the summary is then empty rather than over budget).
    """

    sentences: tuple[Sentence, ...] = attrs.field(converter=_sentences)
    scores: tuple[float, ...] = attrs.field(converter=_scores)
    method: str
    budget: Budget
    note: str | None = None
    fits: bool = True

    @property
    def text(self) -> str:
        """The chosen sentences joined by spaces; a new line where the paragraph changes."""
        parts: list[str] = []
        previous: Sentence | None = None
        for sentence in self.sentences:
            if previous is not None:
                parts.append(" " if sentence.paragraph == previous.paragraph else "\n")
            parts.append(sentence.text)
            previous = sentence
        return "".join(parts)

    @property
    def word_count(self) -> int:
        """Number of whitespace-separated words in the summary."""
        return sum(len(s.text.split()) for s in self.sentences)

    @property
    def seconds(self) -> float:
        """Estimated time to read the summary aloud at the budget's speaking rate."""
        return estimate_seconds(self.word_count, self.budget.wpm)

    @property
    def indices(self) -> tuple[int, ...]:
        """Indices (in ``article.sentences``) of the chosen sentences."""
        return tuple(s.index for s in self.sentences)

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.sentences)

    def __bool__(self) -> bool:
        return bool(self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the summary, its budget and every sentence's score."""
        return {
            "method": self.method,
            "budget": self.budget.to_dict(),
            "text": self.text,
            "sentences": [
                {
                    "index": s.index,
                    "paragraph": s.paragraph,
                    "text": s.text,
                    "score": self.scores[s.index] if s.index < len(self.scores) else None,
                }
                for s in self.sentences
            ],
            "scores": [round(score, 6) for score in self.scores],
            "word_count": self.word_count,
            "seconds": round(self.seconds, 3),
            "fits": self.fits,
            "note": self.note,
        }
