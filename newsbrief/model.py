"""The typed, immutable model of a news article.

An :class:`Article` holds a headline and a body; the body is cut into
:class:`Paragraph` and :class:`Sentence` objects whose character offsets point
into ``article.body`` (``article.body[s.start:s.end] == s.text``). Analysis
(entities, quotes, dates) is computed lazily, once per article, and cached on
the instance; the cache never takes part in equality, hashing or ``to_dict``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from newsbrief.errors import InputTooLargeError, InvalidArticleError

if TYPE_CHECKING:  # pragma: no cover - imports for annotations only
    from newsbrief.briefing import Briefing
    from newsbrief.summarize import Summary
    from newsbrief.text.analysis import Analysis

__all__ = [
    "Article",
    "DateMention",
    "Entity",
    "EntityKind",
    "Paragraph",
    "Quote",
    "Sentence",
    "Span",
]

_T = TypeVar("_T")

#: A first line longer than this is body text, not a headline.
MAX_HEADLINE_CHARS = 200
#: Longest article text accepted (characters). News articles are far shorter
#: (a long feature is ~50,000); every stage is linear, and at this size the
#: whole pipeline (analysis, summary, briefing, rendering) takes ~2 s of CPU,
#: so the limit bounds time and memory (docs/robustness.md).
MAX_ARTICLE_CHARS = 1_000_000
_SENTENCE_END = (".", "!", "?", ".\"", ".”", "?\"", "?”", "!\"", "!”", ".'", ".’")


# Named converters per element type: mypy's attrs plugin cannot type a generic one.
def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _sentences(value: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(value)


def _paragraphs(value: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(value)


def _check_offsets(kind: str, start: int, end: int, index: int = 0, other: int = 0) -> None:
    # One combined check in __attrs_post_init__ instead of a validator per
    # field: spans and sentences are built by the thousand for every article.
    if not 0 <= start <= end or index < 0 or other < 0:
        raise InvalidArticleError(
            f"{kind} offsets must satisfy 0 <= start <= end and indexes must be >= 0, "
            f"got start={start}, end={end}"
        )


@attrs.frozen(slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a text."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        _check_offsets("span", self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies entirely within this span."""
        return self.start <= other.start and other.end <= self.end


@attrs.frozen(slots=True)
class Sentence:
    """One sentence of an article body.

    Attributes:
        text: The sentence, exactly as in the body.
        start: Offset of its first character in ``article.body``.
        end: Offset just past its last character.
        index: Its position among all the article's sentences (0-based).
        paragraph: The index of the paragraph it belongs to.
    """

    text: str
    start: int
    end: int
    index: int
    paragraph: int

    def __attrs_post_init__(self) -> None:
        _check_offsets("sentence", self.start, self.end, self.index, self.paragraph)

    @property
    def span(self) -> Span:
        """The sentence's offsets as a :class:`Span`."""
        return Span(self.start, self.end)

    def __str__(self) -> str:
        return self.text


@attrs.frozen(slots=True)
class Paragraph:
    """One paragraph of an article body, with its sentences."""

    text: str
    start: int
    end: int
    index: int
    sentences: tuple[Sentence, ...] = attrs.field(converter=_sentences)

    def __attrs_post_init__(self) -> None:
        _check_offsets("paragraph", self.start, self.end, self.index)

    @property
    def span(self) -> Span:
        """The paragraph's offsets as a :class:`Span`."""
        return Span(self.start, self.end)

    def __str__(self) -> str:
        return self.text


# Segmentation builds sentences by the thousand from offsets it computed itself
# (ordered, never negative), so it fills the slots directly instead of going
# through the checking constructors (newsbrief.text.segment, compiled in the
# mypyc build, uses these setters); objects built by users are still checked.
_SET_TEXT = Sentence.__dict__["text"].__set__
_SET_START = Sentence.__dict__["start"].__set__
_SET_END = Sentence.__dict__["end"].__set__
_SET_INDEX = Sentence.__dict__["index"].__set__
_SET_PARAGRAPH = Sentence.__dict__["paragraph"].__set__
_SET_P_TEXT = Paragraph.__dict__["text"].__set__
_SET_P_START = Paragraph.__dict__["start"].__set__
_SET_P_END = Paragraph.__dict__["end"].__set__
_SET_P_INDEX = Paragraph.__dict__["index"].__set__
_SET_P_SENTENCES = Paragraph.__dict__["sentences"].__set__


class EntityKind(str, enum.Enum):
    """What a named entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Entity:
    """A person, organisation or place the article names.

    Attributes:
        name: The fullest form the article uses ("Vladimir Putin").
        kind: What it is.
        aliases: Other forms used for it ("Putin"), fullest first.
        role: The title or description the article gives it ("Russian
            President"), or None.
        mentions: Every mention in the body, short forms included.
        headline_mentions: Mentions in the headline (offsets into
            ``article.headline``).
    """

    name: str
    kind: EntityKind = attrs.field(converter=EntityKind)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    role: str | None = None
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    headline_mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the entity."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "aliases": list(self.aliases),
            "role": self.role,
            "mentions": [[m.start, m.end] for m in self.mentions],
            "headline_mentions": [[m.start, m.end] for m in self.headline_mentions],
        }


@attrs.frozen(slots=True)
class Quote:
    """Words the article attributes to a speaker.

    Attributes:
        text: The quoted words, without quotation marks.
        speaker: The canonical name of the speaker's entity, the article's own
            description ("a campaign source") when it names nobody, or None.
        cue: The reporting verb or phrase ("said", "according to").
        direct: True for words in quotation marks, False for reported speech.
        span: Offsets of the quoted words in ``article.body``.
        speaker_span: Offsets of the speaker's mention, when there is one.
    """

    text: str
    speaker: str | None
    cue: str | None
    direct: bool
    span: Span
    speaker_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the quote."""
        return {
            "speaker": self.speaker,
            "text": self.text,
            "cue": self.cue,
            "direct": self.direct,
            "span": [self.span.start, self.span.end],
            "speaker_span": None
            if self.speaker_span is None
            else [self.speaker_span.start, self.speaker_span.end],
        }


@attrs.frozen(slots=True)
class DateMention:
    """A time expression ("in October", "last year", "1962").

    Attributes:
        text: The expression as written.
        span: Its offsets in ``article.body``.
        date: The calendar date it resolves to (the first day of a month or
            year when only those are known), or None when it cannot be resolved.
        granularity: "day", "month", "year", "decade" or None.
    """

    text: str
    span: Span
    date: _dt.date | None = None
    granularity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the date mention."""
        return {
            "text": self.text,
            "span": [self.span.start, self.span.end],
            "date": None if self.date is None else self.date.isoformat(),
            "granularity": self.granularity,
        }


# The analysis builds spans, entities, quotes and date mentions from offsets it
# computed itself (0 <= start <= end) and from kinds that are EntityKind
# members, dozens per article; like segmentation it fills the slots directly
# (newsbrief.text.tokens.new_span and its siblings use these setters): attrs'
# frozen __init__ with its checks and converters costs about twice as much.
_SET_SPAN_START = Span.__dict__["start"].__set__
_SET_SPAN_END = Span.__dict__["end"].__set__
_SET_E_NAME = Entity.__dict__["name"].__set__
_SET_E_KIND = Entity.__dict__["kind"].__set__
_SET_E_ALIASES = Entity.__dict__["aliases"].__set__
_SET_E_ROLE = Entity.__dict__["role"].__set__
_SET_E_MENTIONS = Entity.__dict__["mentions"].__set__
_SET_E_HEADLINE = Entity.__dict__["headline_mentions"].__set__
_SET_Q_TEXT = Quote.__dict__["text"].__set__
_SET_Q_SPEAKER = Quote.__dict__["speaker"].__set__
_SET_Q_CUE = Quote.__dict__["cue"].__set__
_SET_Q_DIRECT = Quote.__dict__["direct"].__set__
_SET_Q_SPAN = Quote.__dict__["span"].__set__
_SET_Q_SPEAKER_SPAN = Quote.__dict__["speaker_span"].__set__
_SET_D_TEXT = DateMention.__dict__["text"].__set__
_SET_D_SPAN = DateMention.__dict__["span"].__set__
_SET_D_DATE = DateMention.__dict__["date"].__set__
_SET_D_GRANULARITY = DateMention.__dict__["granularity"].__set__


def to_published(value: object) -> _dt.datetime | _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            if len(text) == 10:
                return _dt.date.fromisoformat(text)
            return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        # Feeds and e-mail-style exports write RFC 2822 dates. Imported here:
        # email.utils pulls in socket and calendar, a fifth of import time.
        import email.utils

        try:
            return email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise InvalidArticleError(
                f"published is not an ISO 8601 or RFC 2822 date: {value!r}"
            ) from None
    raise InvalidArticleError(f"published must be a date, datetime or ISO string, not {value!r}")


def _to_metadata(value: Mapping[str, Any] | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidArticleError(f"metadata must be a mapping, not {type(value).__name__}")
    return dict(value)


def _id_text(value: object) -> str | None:
    # JSON inputs often number their articles: an integer id is kept as text.
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InvalidArticleError(f"id must be a string or an integer, not {type(value).__name__}")


def _check_str(_inst: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidArticleError(
            f"{attribute.name} must be a string, not {type(value).__name__}"
        )


def _check_optional_str(
    _inst: object, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidArticleError(
            f"{attribute.name} must be a string, not {type(value).__name__}"
        )


@attrs.frozen(slots=True)
class Article:
    """A news article: headline, body, its paragraphs and sentences.

    Build one with :meth:`from_text`, :meth:`from_dict` or
    :func:`newsbrief.read`. Entities, quotes and dates are analysed on first
    use and cached.

    Attributes:
        headline: The headline ("" when there is none).
        body: The article text without its headline.
        paragraphs: The body's paragraphs, each with its sentences.
        sentences: All sentences, in order (derived from ``paragraphs``).
        id: An identifier from the input, if any.
        source: Where the article comes from (a publisher, a file name).
        url: Its address, if known.
        published: When it was published, if known.
        language: Its language as a BCP 47 code ("en").
        metadata: Other fields of the input, kept as they were.
    """

    headline: str = attrs.field(validator=_check_str)
    body: str = attrs.field(validator=_check_str)
    paragraphs: tuple[Paragraph, ...] = attrs.field(converter=_paragraphs)
    id: str | None = attrs.field(default=None, converter=_id_text)
    source: str | None = attrs.field(default=None, validator=_check_optional_str)
    url: str | None = attrs.field(default=None, validator=_check_optional_str)
    published: _dt.datetime | _dt.date | None = attrs.field(
        default=None, converter=to_published
    )
    language: str = attrs.field(default="en", validator=_check_str)
    metadata: dict[str, Any] = attrs.field(factory=dict, converter=_to_metadata, hash=False)
    sentences: tuple[Sentence, ...] = attrs.field(init=False, repr=False, eq=False, hash=False)
    # Per-instance cache of derived results (analysis, scores). Derived state
    # only: excluded from equality, hashing, repr and to_dict.
    _cache: dict[str, Any] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        # (chain: one interpreted step per paragraph rather than per sentence.)
        object.__setattr__(
            self, "sentences", tuple(chain.from_iterable([p.sentences for p in self.paragraphs]))
        )

    # -- construction -----------------------------------------------------

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
        published: _dt.datetime | _dt.date | str | None = None,
        id: str | None = None,
        language: str = "en",
        metadata: Mapping[str, Any] | None = None,
    ) -> Article:
        """Build an article from plain text.

        With ``title=None`` the first block of ``text`` is taken as the
        headline when it looks like one: a single line before the first blank
        line, not ending like a sentence and at most
        :data:`MAX_HEADLINE_CHARS` long. When ``title`` is given (even ``""``)
        all of ``text`` is the body.

        Args:
            text: The article text. Line endings are normalised to ``\\n``.
            title: The headline, if known.
            source: Where the article comes from.
            url: The article's address.
            published: Publication date or datetime (or an ISO 8601 string).
            id: An identifier.
            language: BCP 47 language code.
            metadata: Other fields to keep with the article.

        Raises:
            InvalidArticleError: ``text`` is not a string, contains NUL bytes,
                or holds neither a headline nor a body.
            InputTooLargeError: ``text`` is longer than :data:`MAX_ARTICLE_CHARS`.
        """
        from newsbrief.text.segment import segment

        if not isinstance(text, str):
            raise InvalidArticleError(f"article text must be a string, not {type(text).__name__}")
        if title is not None and not isinstance(title, str):
            raise InvalidArticleError(f"title must be a string, not {type(title).__name__}")
        if len(text) > MAX_ARTICLE_CHARS:
            raise InputTooLargeError(
                f"article text has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}"
            )
        text = _normalise_text(text)
        if title is None:
            headline, body = split_headline(text)
        else:
            headline, body = " ".join(_normalise_text(title).split()), text.strip()
        if not headline and not body:
            raise InvalidArticleError("article is empty (no headline and no text)")
        paragraphs = segment(body)
        return cls(
            headline=headline,
            body=body,
            paragraphs=paragraphs,
            id=id,
            source=source,
            url=url,
            published=published,
            language=language,
            metadata=metadata,
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output (or a JSON article).

        Accepts ``headline`` or ``title`` and ``body`` or ``text``; the body is
        segmented again (segmentation is deterministic, so the round trip is
        exact).

        Raises:
            InvalidArticleError: a field is missing or of the wrong type.
        """
        if not isinstance(data, Mapping):
            raise InvalidArticleError(f"an article must be an object, not {type(data).__name__}")
        body = data.get("body", data.get("text"))
        if body is None:
            raise InvalidArticleError("article has no 'body' or 'text' field")
        headline = data.get("headline", data.get("title"))
        if headline is None:
            headline = ""
        metadata = dict(data.get("metadata") or {})
        metadata.update({k: v for k, v in data.items() if k not in _KNOWN_FIELDS})
        return cls.from_text(
            body,
            title=headline,
            source=data.get("source"),
            url=data.get("url"),
            published=data.get("published"),
            id=data.get("id"),
            language=data.get("language") or "en",
            metadata=metadata,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` turns it back into an equal article."""
        return {
            "id": self.id,
            "headline": self.headline,
            "body": self.body,
            "source": self.source,
            "url": self.url,
            "published": None if self.published is None else self.published.isoformat(),
            "language": self.language,
            "metadata": dict(self.metadata),
        }

    # -- derived views ----------------------------------------------------

    @property
    def text(self) -> str:
        """Headline and body, separated by a blank line (the body alone without a headline)."""
        return f"{self.headline}\n\n{self.body}" if self.headline else self.body

    @property
    def word_count(self) -> int:
        """Number of words in the body."""
        return len(self.body.split())

    def cached(self, key: str, compute: Callable[[], _T]) -> _T:
        """Return the cached value for ``key``, computing it once if absent.

        Used by the analysis and summarisers so that each derived result is
        computed once per article. Computation is deterministic, so two threads
        racing here at worst compute the same value twice.
        """
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            value = compute()
            return self._cache.setdefault(key, value)  # type: ignore[no-any-return]

    @property
    def analysis(self) -> Analysis:
        """Entities, quotes and dates of the article (computed once)."""
        from newsbrief.text.analysis import analyze

        return self.cached("analysis", lambda: analyze(self))

    @property
    def entities(self) -> tuple[Entity, ...]:
        """People, organisations and places the article names, most mentioned first."""
        return self.analysis.entities

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Direct and reported speech with speakers, in document order."""
        return self.analysis.quotes

    @property
    def dates(self) -> tuple[DateMention, ...]:
        """Time expressions in the body, in document order."""
        return self.analysis.dates

    def summary(
        self,
        *,
        sentences: int | None = None,
        words: int | None = None,
        ratio: float | None = None,
        seconds: float | None = None,
        method: str = "default",
        wpm: float | None = None,
    ) -> Summary:
        """Pick the sentences that matter within exactly one budget.

        See :func:`newsbrief.summarize.summarize` for details.
        """
        from newsbrief.summarize import summarize

        return summarize(
            self,
            sentences=sentences,
            words=words,
            ratio=ratio,
            seconds=seconds,
            method=method,
            wpm=wpm,
        )

    def briefing(self, **options: Any) -> Briefing:
        """Build a structured :class:`~newsbrief.briefing.Briefing` of the article.

        See :func:`newsbrief.briefing.build_briefing` for the options.
        """
        from newsbrief.briefing import build_briefing

        return build_briefing(self, **options)


#: The keys of an article dict that are fields; :meth:`Article.from_dict` keeps the others
#: as metadata.
_KNOWN_FIELDS = frozenset(
    ("headline", "title", "body", "text", "id", "source", "url", "published", "language",
     "metadata")
)  # fmt: skip


def _normalise_text(text: str) -> str:
    if "\x00" in text:
        raise InvalidArticleError("article text contains NUL bytes (binary data?)")
    if "\ufeff" in text:
        # Byte-order marks anywhere (concatenated files) are artefacts; keeping
        # one at the start of a body would break the to_dict/from_dict round trip.
        text = text.replace("\ufeff", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_headline(text: str) -> tuple[str, str]:
    """Split ``text`` into ``(headline, body)`` when its first block looks like a headline.

    The first block is a headline when it is a single line followed by a blank
    line (or the end of the text), does not end like a sentence and is at most
    :data:`MAX_HEADLINE_CHARS` long. Otherwise the headline is ``""``.
    """
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    # The headline must be followed by a blank line: a single newline means the
    # first line is just the start of a paragraph.
    if not sep:
        return "", stripped.strip()
    if rest.lstrip(" \t").startswith("\n"):
        candidate = first.strip()
        if (
            candidate
            and len(candidate) <= MAX_HEADLINE_CHARS
            and not candidate.endswith(_SENTENCE_END)
        ):
            return " ".join(candidate.split()), rest.strip()
    return "", stripped.strip()
