"""The budget a summary must fit: sentences, words, a share of the article, or seconds."""

from __future__ import annotations

import math
from typing import Any

import attrs

from newsbrief.errors import BudgetError
from newsbrief.timing import DEFAULT_WPM, words_for_seconds

__all__ = ["MAX_SECONDS", "MAX_SENTENCES", "MAX_WORDS", "MAX_WPM", "MIN_WPM", "Budget"]

#: Upper limits; anything larger is a mistake (or an attack), not a budget.
MAX_SENTENCES = 1_000_000
MAX_WORDS = 10_000_000
MAX_SECONDS = 10_000_000.0
#: Plausible speaking rates in words per minute (speech engines accept 80-500).
MIN_WPM = 20.0
MAX_WPM = 1_000.0


def _count(name: str, value: object, limit: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise BudgetError(f"{name} must be a whole number, not {value!r}")
    if value < 1:
        raise BudgetError(f"{name} must be at least 1, got {value}")
    if value > limit:
        raise BudgetError(f"{name} must be at most {limit:,}, got {value:,}")
    return value


def _real(name: str, value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BudgetError(f"{name} must be a number, not {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise BudgetError(f"{name} must be a finite number, got {value!r}")
    return number


def _sentences(value: object) -> int | None:
    return _count("sentences", value, MAX_SENTENCES)


def _words(value: object) -> int | None:
    return _count("words", value, MAX_WORDS)


def _ratio(value: object) -> float | None:
    number = _real("ratio", value)
    if number is not None and not 0.0 < number <= 1.0:
        raise BudgetError(f"ratio must be a fraction in (0, 1], got {value!r}")
    return number


def _seconds(value: object) -> float | None:
    number = _real("seconds", value)
    if number is not None and not 0.0 < number <= MAX_SECONDS:
        raise BudgetError(f"seconds must be in (0, {MAX_SECONDS:,.0f}], got {value!r}")
    return number


def _wpm(value: object) -> float:
    if value is None:
        return DEFAULT_WPM
    number = _real("wpm", value)
    assert number is not None  # None handled above
    if not MIN_WPM <= number <= MAX_WPM:
        raise BudgetError(
            f"wpm (speaking rate in words per minute) must be in [{MIN_WPM:g}, {MAX_WPM:g}],"
            f" got {value!r}"
        )
    return number


@attrs.frozen(slots=True)
class Budget:
    """How much of an article a summary may keep: exactly one limit.

    Attributes:
        sentences: At most this many sentences.
        words: At most this many words (whitespace-separated, as in
            :attr:`newsbrief.Article.word_count`).
        ratio: This fraction of the article's *sentences*, rounded to the
            nearest whole sentence and at least one.
        seconds: At most this long when read aloud at ``wpm``
            (see :mod:`newsbrief.timing`).
        wpm: Speaking rate used for ``seconds`` and for the summary's time
            estimate; defaults to :data:`newsbrief.timing.DEFAULT_WPM`.

    Raises:
        BudgetError: no limit or several limits are given, or a value is not
            a positive number in its range.
    """

    sentences: int | None = attrs.field(default=None, converter=_sentences)
    words: int | None = attrs.field(default=None, converter=_words)
    ratio: float | None = attrs.field(default=None, converter=_ratio)
    seconds: float | None = attrs.field(default=None, converter=_seconds)
    wpm: float = attrs.field(default=None, converter=_wpm)

    def __attrs_post_init__(self) -> None:
        limits = (self.sentences, self.words, self.ratio, self.seconds)
        if limits.count(None) == 3:
            return  # exactly one limit (the common case, checked without names)
        given = [
            name
            for name in ("sentences", "words", "ratio", "seconds")
            if getattr(self, name) is not None
        ]
        if not given:
            raise BudgetError(
                "give exactly one budget: sentences=, words=, ratio= or seconds= (none given)"
            )
        if len(given) > 1:
            raise BudgetError(
                "give exactly one budget: sentences=, words=, ratio= or seconds= "
                f"(got {', '.join(given)})"
            )

    @property
    def kind(self) -> str:
        """Which limit this is: "sentences", "words", "ratio" or "seconds"."""
        if self.sentences is not None:
            return "sentences"
        if self.words is not None:
            return "words"
        if self.ratio is not None:
            return "ratio"
        return "seconds"

    @property
    def word_limit(self) -> int | None:
        """The most words allowed (for ``words`` and ``seconds`` budgets), else None."""
        if self.words is not None:
            return self.words
        if self.seconds is not None:
            return words_for_seconds(self.seconds, self.wpm)
        return None

    def sentence_limit(self, count: int) -> int | None:
        """The most sentences allowed out of ``count`` (``sentences``/``ratio``), else None."""
        if self.sentences is not None:
            return self.sentences
        if self.ratio is not None:
            return max(1, math.floor(self.ratio * count + 0.5))
        return None

    def describe(self) -> str:
        """A short human description ("3 sentences", "30 seconds at 175 wpm")."""
        if self.sentences is not None:
            return f"{self.sentences} sentence{'s' if self.sentences != 1 else ''}"
        if self.words is not None:
            return f"{self.words} word{'s' if self.words != 1 else ''}"
        if self.ratio is not None:
            return f"{self.ratio:.0%} of the sentences"
        return f"{self.seconds:g} seconds at {self.wpm:g} wpm"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the one limit given, and the speaking rate."""
        return {self.kind: getattr(self, self.kind), "wpm": self.wpm}
