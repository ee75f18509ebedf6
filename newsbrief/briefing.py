"""Briefings: what an editor would hand you about one article.

:func:`build_briefing` (or :meth:`newsbrief.Article.briefing`) picks, from the
article's sentence scores (:mod:`newsbrief.summarize`) and its analysis
(:mod:`newsbrief.text.analysis`): the lede, three to five distinct key points,
the people with their roles, organisations and places, the most informative
attributed quotes, background sentences and dates. With a time or word budget
it measures the speech script it would produce (numbers spelled out, quotes
introduced) and trims background, then quotes, then key points until the
script fits.

``Briefing.to_dict()`` is the JSON contract the renderers, the command line
and acceptance checks read.

The selection itself lives in :mod:`newsbrief._compose`, which the optional
compiled build compiles; this module keeps the result types, whose attrs
converters the compiler cannot handle.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from newsbrief.timing import DEFAULT_WPM

if TYPE_CHECKING:  # pragma: no cover - imports for annotations only
    from newsbrief.model import Article

__all__ = [
    "READING_WPM",
    "TIME_SAFETY",
    "BriefDate",
    "BriefQuote",
    "Briefing",
    "Person",
    "build_briefing",
]

#: Silent reading speed used for ``reading_seconds``.
READING_WPM = 230.0
#: A time budget is filled to this share only: real eSpeak NG audio runs up to
#: about 4% longer than the estimate (see scripts/calibrate_timing.py), and a
#: 45-second briefing must not last 46.
TIME_SAFETY = 0.95


@attrs.frozen(slots=True)
class Person:
    """A person the article names, with the role it gives them ("CIA Director")."""

    name: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"name", "role"}`` (role None when the article gives none)."""
        return {"name": self.name, "role": self.role}


@attrs.frozen(slots=True)
class BriefQuote:
    """Words attributed to a named speaker.

    Attributes:
        speaker: Who said them, as the article names them.
        text: The words, without quotation marks.
        direct: True for a verbatim quotation, False for reported speech.
        cue: The reporting verb ("said"), when known.
    """

    speaker: str
    text: str
    direct: bool = True
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"speaker", "text", "direct", "cue"}``."""
        return {"speaker": self.speaker, "text": self.text, "direct": self.direct, "cue": self.cue}


def _to_date(value: Any) -> Any:
    import datetime as dt

    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@attrs.frozen(slots=True)
class BriefDate:
    """A time expression of the article and the date it resolves to, if any.

    Attributes:
        text: The expression as written ("February 2022").
        date: The date it resolves to (the first day of the month or year when
            only those are known), or None.
        granularity: "day", "month", "year", "decade" or None.
    """

    text: str
    date: Any = attrs.field(default=None, converter=_to_date)
    granularity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"text", "date", "granularity"}``; date in ISO 8601, None when unresolved."""
        return {
            "text": self.text,
            "date": None if self.date is None else self.date.isoformat(),
            "granularity": self.granularity,
        }


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(map(str, value))


def _only(kind: type, value: Any) -> tuple[Any, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f"expected {kind.__name__}, got {type(item).__name__}")
    return items


def _people_tuple(value: Any) -> tuple[Person, ...]:
    return _only(Person, value)


def _quotes_tuple(value: Any) -> tuple[BriefQuote, ...]:
    return _only(BriefQuote, value)


def _dates_tuple(value: Any) -> tuple[BriefDate, ...]:
    return _only(BriefDate, value)


@attrs.frozen(slots=True)
class Briefing:
    """A structured briefing of one article.

    Attributes:
        headline: The article's headline.
        lede: What happened, in one sentence of the article.
        summary: Lede and key points, in document order: the briefing as prose.
        key_points: Three to five further sentences (fewer when the article or
            the budget is short), distinct from the lede and each other, in
            document order.
        people: People named, most important first (most mentioned, then
            earliest), with the role the article gives them.
        organizations: Organisations named, most important first.
        places: Places named, most important first.
        quotes: The most informative attributed quotes: verbatim ones first.
            Unattributed words, fragments and scare quotes are left out.
        context: Background sentences: causes and earlier events.
        dates: Time expressions, in document order, resolved when possible.
        source: Where the article comes from.
        published: Publication date or time (ISO 8601), if known.
        url: The article's address, if known.
        word_count: Words in the article's body.
        reading_seconds: Time to read the article at :data:`READING_WPM`.
        listening_seconds: Time to listen to this briefing's speech script at
            ``wpm`` (estimated; see :func:`newsbrief.timing.estimate_script_seconds`).
        wpm: The speaking rate ``listening_seconds`` assumes.
    """

    headline: str
    lede: str
    summary: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    key_points: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_people_tuple)
    organizations: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    places: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    quotes: tuple[BriefQuote, ...] = attrs.field(default=(), converter=_quotes_tuple)
    context: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    dates: tuple[BriefDate, ...] = attrs.field(default=(), converter=_dates_tuple)
    source: str | None = None
    published: str | None = None
    url: str | None = None
    word_count: int = 0
    reading_seconds: float = 0.0
    listening_seconds: float = 0.0
    wpm: float = DEFAULT_WPM

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of a briefing (plain str, int, float, list, dict and None)."""
        return {
            "headline": self.headline,
            "lede": self.lede,
            "summary": list(self.summary),
            "key_points": list(self.key_points),
            "people": [p.to_dict() for p in self.people],
            "organizations": [{"name": n} for n in self.organizations],
            "places": [{"name": n} for n in self.places],
            "quotes": [q.to_dict() for q in self.quotes],
            "context": list(self.context),
            "dates": [d.to_dict() for d in self.dates],
            "source": self.source,
            "published": self.published,
            "url": self.url,
            "word_count": self.word_count,
            "reading_seconds": self.reading_seconds,
            "listening_seconds": self.listening_seconds,
            "wpm": self.wpm,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Briefing:
        """Rebuild a briefing from :meth:`to_dict` output.

        Raises:
            InvalidArticleError: ``data`` is not a briefing dict.
        """
        from newsbrief.errors import InvalidArticleError

        if not isinstance(data, Mapping):
            raise InvalidArticleError(f"a briefing must be an object, not {type(data).__name__}")
        try:
            return cls(
                headline=str(data.get("headline") or ""),
                lede=str(data.get("lede") or ""),
                summary=data.get("summary") or (),
                key_points=data.get("key_points") or (),
                people=[
                    Person(str(p["name"]), _optional_str(p.get("role")))
                    for p in data.get("people") or ()
                ],
                organizations=[_name(o) for o in data.get("organizations") or ()],
                places=[_name(p) for p in data.get("places") or ()],
                quotes=[
                    BriefQuote(
                        str(q.get("speaker") or ""),
                        str(q["text"]),
                        bool(q.get("direct", True)),
                        _optional_str(q.get("cue")),
                    )
                    for q in data.get("quotes") or ()
                ],
                context=data.get("context") or (),
                dates=[
                    BriefDate(str(d["text"]), d.get("date"), _optional_str(d.get("granularity")))
                    for d in data.get("dates") or ()
                ],
                source=_optional_str(data.get("source")),
                published=_optional_str(data.get("published")),
                url=_optional_str(data.get("url")),
                word_count=int(_finite(data.get("word_count") or 0)),
                reading_seconds=_finite(data.get("reading_seconds") or 0.0),
                listening_seconds=_finite(data.get("listening_seconds") or 0.0),
                wpm=_finite(data.get("wpm") or DEFAULT_WPM),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise InvalidArticleError(f"not a briefing dict: {error}") from None

    def render(self, format: str = "text") -> str:
        """Render the briefing (see :func:`newsbrief.render.render`)."""
        from newsbrief.render import render

        return render(self, format)

    def script(self) -> str:
        """The speech script: what :attr:`listening_seconds` measures."""
        return self.render("script")


def _optional_str(value: Any) -> str | None:
    """A text field of a briefing dict: a string or None (renderers rely on it)."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"expected a string or null, got {type(value).__name__}")


def _finite(value: Any) -> float:
    """A number of a briefing dict: finite and >= 0 (JSON allows NaN and Infinity)."""
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"expected a finite number >= 0, got {value!r}")
    return number


def _name(item: Any) -> str:
    return str(item["name"]) if isinstance(item, Mapping) else str(item)


def build_briefing(
    article: Article,
    *,
    seconds: float | None = None,
    words: int | None = None,
    wpm: float | None = None,
    key_points: int = 5,
    max_quotes: int = 3,
    max_context: int = 2,
    max_people: int = 10,
    max_names: int = 10,
    max_dates: int = 12,
    method: str = "default",
) -> Briefing:
    """Build the briefing of ``article``, within a time or word budget if given.

    Args:
        article: The article.
        seconds: The speech script must last at most this long at ``wpm``.
        words: The speech script must have at most this many words.
        wpm: Speaking rate (default :data:`newsbrief.timing.DEFAULT_WPM`).
        key_points: At most this many key points (three to five read best).
        max_quotes: At most this many quotes.
        max_context: At most this many background sentences.
        max_people: At most this many people.
        max_names: At most this many organisations, and as many places.
        max_dates: At most this many dates.
        method: The summary method whose sentence scores rank the sentences.

    Returns:
        The :class:`Briefing`. When a budget is too small for the lede, the
        lede is the best early sentence that fits, or "" when none does.

    Raises:
        BudgetError: both ``seconds`` and ``words``, a non-positive budget or
            rate, or a budget too small even for the headline.
        UnknownNameError: ``method`` is not a summary method.
    """
    from newsbrief._compose import compose

    return compose(
        article,
        seconds=seconds,
        words=words,
        wpm=wpm,
        key_points=key_points,
        max_quotes=max_quotes,
        max_context=max_context,
        max_people=max_people,
        max_names=max_names,
        max_dates=max_dates,
        method=method,
    )
