"""What the speech engine is given: clean plain text, in chunks, with pauses.

A :class:`Plan` is built from a briefing, digest, summary, article or string:

1. the *speech script* (``newsbrief.render.script_parts``) gives the parts to
   say, each with the pause after it (``sentence``, ``section``, ``story``)
   and, for chapter marks, an optional title; a string is cut into
   sentences with :func:`newsbrief.text.segment.segment`;
2. each part is cleaned for the engine, which has no markup support: tags,
   control characters (NUL truncates eSpeak NG's input) and emoji are
   removed, entities decoded, white space collapsed;
3. consecutive sentences are grouped into chunks of about
   :data:`TARGET_CHARS` characters, never more than :data:`MAX_CHARS`
   characters or :data:`MAX_BYTES` UTF-8 bytes (one pyttsx3 call crashes the
   process past about 13,000 bytes, and its cost grows faster than the text);
   a section or story pause and a titled part always start a new chunk, so
   chapters start and pauses fall on chunk boundaries.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from newsbrief.errors import InvalidArticleError

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "PAUSES",
    "TARGET_CHARS",
    "Chunk",
    "Part",
    "Plan",
    "clean_for_speech",
    "plan",
    "script_parts_of",
]

#: Chunks are grouped up to about this many characters (fastest measured size).
TARGET_CHARS = 600
#: No chunk is longer than this many characters...
MAX_CHARS = 1500
#: ...or this many UTF-8 bytes (pyttsx3 crashes past about 13,000).
MAX_BYTES = 4000
#: Pause kinds, shortest first.
PAUSES = ("sentence", "section", "story")

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:_.-]*(?:\s[^<>]{0,1000})?/?>|<!--.*?-->", re.S)
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufe00-\ufe0f]"
)
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U0001f1e6-\U0001f1ff\u2600-\u27bf\u2b00-\u2bff\U000e0000-\U000e007f]"
)
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_CLAUSE_BREAK = re.compile(r"(?<=[,;:—–])\s+|\s+(?=[—–]\s)")
_TITLE_WORDS = 10


@attrs.frozen(slots=True)
class Part:
    """One piece of a speech script.

    Attributes:
        text: Plain text to say.
        pause: The pause after it: "sentence", "section" or "story".
        title: A chapter title when this part starts a chapter.
    """

    text: str
    pause: str = attrs.field(default="sentence", validator=attrs.validators.in_(PAUSES))
    title: str | None = None


@attrs.frozen(slots=True)
class Chunk:
    """Text for one engine call, the pause after it and its chapter.

    Attributes:
        text: Clean plain text, within the size limits.
        pause: The pause after the chunk.
        chapter: Index into :attr:`Plan.chapters`.
        words: Number of words.
    """

    text: str
    pause: str
    chapter: int
    words: int


@attrs.frozen(slots=True)
class Plan:
    """Everything a :class:`~newsbrief.speech.Speaker` needs to say an object.

    Attributes:
        chunks: The engine calls, in order.
        chapters: Chapter titles (at least one).
        title: A title for the whole (headline or digest title), may be "".
        language: The content's language (BCP 47), for the default voice.
        listening_seconds: The object's own estimate, when it has one.
    """

    chunks: tuple[Chunk, ...]
    chapters: tuple[str, ...]
    title: str = ""
    language: str = "en"
    listening_seconds: float | None = None

    @property
    def words(self) -> int:
        """Words in all chunks."""
        return sum(c.words for c in self.chunks)

    @property
    def text(self) -> str:
        """All the text to be said, one chunk a line."""
        return "\n".join(c.text for c in self.chunks)


def clean_for_speech(text: str) -> str:
    """Make text safe and plain for an engine without markup support.

    Decodes HTML entities, removes tags, comments, control characters (NUL
    included), zero-width characters and emoji, and collapses white space.
    """
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    text = _EMOJI.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def _text_parts(text: str) -> tuple[Part, ...]:
    from newsbrief.text.segment import segment

    parts: list[Part] = []
    for paragraph in segment(text.replace("\r\n", "\n").replace("\x00", " ").strip()):
        sentences = paragraph.sentences
        for i, sentence in enumerate(sentences):
            last = i == len(sentences) - 1
            parts.append(Part(sentence.text, "section" if last else "sentence"))
    return tuple(parts)


def _sentence_parts(sentences: Iterable[Any]) -> list[Part]:
    return [Part(str(getattr(s, "text", s))) for s in sentences]


def script_parts_of(obj: object) -> tuple[Part, ...]:
    """The speech-script parts of a briefing, digest, summary, article or string.

    A list or tuple of parts (objects with ``text`` and ``pause``) is taken
    as a ready-made script. Otherwise this uses
    ``newsbrief.render.script_parts`` when it supports ``obj``; strings (and
    objects it does not know) are cut into sentences here.

    Raises:
        TypeError: ``obj`` is none of the supported kinds.
    """
    if isinstance(obj, str):
        return _text_parts(obj)
    if isinstance(obj, (list, tuple)) and all(
        isinstance(getattr(p, "text", None), str) and hasattr(p, "pause") for p in obj
    ):
        # A ready-made script (Part or ScriptPart objects).
        return tuple(_as_part(p) for p in obj)
    parts = _rendered_parts(obj)
    if parts is not None:
        return parts
    from newsbrief.model import Article

    if isinstance(obj, Article):
        found: list[Part] = []
        if obj.headline:
            found.append(Part(obj.headline, "section", obj.headline))
        for paragraph in obj.paragraphs:
            found.extend(_sentence_parts(paragraph.sentences))
            if found:
                found[-1] = attrs.evolve(found[-1], pause="section")
        return tuple(found)
    sentences = getattr(obj, "sentences", None)
    if sentences is not None and not isinstance(sentences, (str, bytes)):
        return tuple(_sentence_parts(sentences))
    text = getattr(obj, "text", None)
    if isinstance(text, str):
        return _text_parts(text)
    raise TypeError(
        f"cannot speak a {type(obj).__name__}: give a Briefing, Digest, Summary, Article or str"
    )


def _rendered_parts(obj: object) -> tuple[Part, ...] | None:
    try:
        from newsbrief.render import script_parts  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    try:
        rendered = script_parts(obj)
    except (TypeError, NotImplementedError):
        return None
    return tuple(_as_part(item) for item in rendered)


def _as_part(item: object) -> Part:
    if isinstance(item, Part):
        return item
    pause = str(getattr(item, "pause", "sentence") or "sentence")
    title = getattr(item, "title", None)
    return Part(
        str(getattr(item, "text", item)),
        pause if pause in PAUSES else "section",
        None if title is None else str(title),
    )


def _split_long(text: str) -> list[str]:
    """Cut an over-long sentence at clause breaks, then spaces, then anywhere."""
    if _fits(text):
        return [text]
    pieces: list[str] = []
    for clause in _CLAUSE_BREAK.split(text):
        if _fits(clause):
            pieces.append(clause)
            continue
        words: list[str] = []
        for word in clause.split(" "):
            while not _fits(word):
                cut = _longest_prefix(word)
                pieces.extend([" ".join(words)] if words else [])
                words = []
                pieces.append(word[:cut])
                word = word[cut:]
            if words and not _fits(" ".join([*words, word])):
                pieces.append(" ".join(words))
                words = []
            words.append(word)
        if words:
            pieces.append(" ".join(words))
    return _regroup([p for p in pieces if p.strip()])


def _longest_prefix(word: str) -> int:
    cut = min(len(word), MAX_CHARS)
    while cut > 1 and len(word[:cut].encode("utf-8")) > MAX_BYTES:
        cut = cut * 3 // 4
    return max(cut, 1)


def _regroup(pieces: Sequence[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and len(out[-1]) + 1 + len(piece) <= TARGET_CHARS and _fits(out[-1] + " " + piece):
            out[-1] = out[-1] + " " + piece
        else:
            out.append(piece)
    return out


def _fits(text: str) -> bool:
    return len(text) <= MAX_CHARS and len(text.encode("utf-8")) <= MAX_BYTES


def _title_from(text: str) -> str:
    words = text.split()
    return " ".join(words[:_TITLE_WORDS]) + (" ..." if len(words) > _TITLE_WORDS else "")


def plan(obj: object, *, parts: Sequence[Part] | None = None) -> Plan:
    """Build the :class:`Plan` for ``obj`` (or for explicit ``parts``).

    Raises:
        InvalidArticleError: There is nothing to say.
        TypeError: ``obj`` is of an unsupported kind.
    """
    if parts is None:
        parts = script_parts_of(obj)
    chunks: list[Chunk] = []
    chapters: list[str] = []
    pending: list[str] = []
    pending_chars = 0
    pause_before = "story"

    def flush(pause: str) -> None:
        nonlocal pending_chars
        if pending:
            text = " ".join(pending)
            chunks.append(Chunk(text, pause, len(chapters) - 1, len(text.split())))
            pending.clear()
            pending_chars = 0

    for part in parts:
        text = clean_for_speech(part.text)
        if not text:
            # Keep the strongest pause of a dropped part.
            if pending and PAUSES.index(part.pause) > PAUSES.index("sentence"):
                flush(part.pause)
            if PAUSES.index(part.pause) > PAUSES.index(pause_before):
                pause_before = part.pause
            continue
        new_chapter = part.title is not None or pause_before == "story" or not chapters
        if new_chapter:
            flush(pause_before)
            if chunks and PAUSES.index(chunks[-1].pause) < PAUSES.index(pause_before):
                chunks[-1] = attrs.evolve(chunks[-1], pause=pause_before)
            title = clean_for_speech(part.title or "") or _title_from(text)
            chapters.append(title)
        if not _SENTENCE_END.search(text):
            # A heading or a list item: end it like a sentence so that the
            # engine pauses and the next sentence does not run into it.
            text += "."
        for piece in _split_long(text):
            if pending and pending_chars + 1 + len(piece) > TARGET_CHARS:
                flush("sentence")
            pending.append(piece)
            pending_chars += len(piece) + (1 if pending_chars else 0)
        if part.pause != "sentence":
            flush(part.pause)
        pause_before = part.pause
    flush("sentence")
    if not chunks:
        raise InvalidArticleError("there is nothing to say: the text is empty", where="<text>")
    title = ""
    for attr in ("headline", "title"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value.strip():
            title = clean_for_speech(value)
            break
    listening = getattr(obj, "listening_seconds", None)
    return Plan(
        chunks=tuple(chunks),
        chapters=tuple(chapters),
        title=title,
        language=_language_of(obj),
        listening_seconds=float(listening) if isinstance(listening, (int, float)) else None,
    )


def _language_of(obj: object) -> str:
    for holder in (obj, getattr(obj, "article", None), getattr(obj, "briefing", None)):
        value = getattr(holder, "language", None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    stories = getattr(obj, "stories", None)
    if stories:
        return _language_of(stories[0])
    articles = getattr(obj, "articles", None)
    if articles:
        return _language_of(articles[0])
    return "en"
