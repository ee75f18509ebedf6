"""Reading articles from files, file objects, text, directories and feeds.

:func:`read` returns the one article an input holds; :func:`read_all` yields
every article of an input that holds several (a JSON list, JSON Lines, a
directory, a feed); :func:`read_records` does the same but turns per-article
failures into :class:`Record` objects instead of raising, for batch work.

What ``source`` may be:

* an :class:`os.PathLike` (e.g. :class:`pathlib.Path`): always a path, to a
  file or a directory;
* ``bytes``: the content itself;
* a file object, text or binary (``name`` is used in messages when it has one);
* a ``str``: text when it contains a line break; otherwise an ``http(s)://``
  URL; otherwise a path when a file or directory of that name exists or it
  looks like a file name (no spaces, a supported extension: a missing
  ``story.txt`` is a :class:`~newsbrief.ReadError`, not a one-line article);
  otherwise text. Wrap ambiguous text in :class:`io.StringIO` to force it.

Formats (``format=``, else guessed from the extension, else from the content):

* ``"text"``: UTF-8 with or without BOM, any line endings; UTF-16 with a BOM;
  other bytes are decoded as cp1252/Latin-1 with a logged warning; data with
  NUL bytes or control characters is refused as binary.
* ``"markdown"`` (``.md``): headline from a leading ``# ...``; markup removed
  (see :mod:`newsbrief.ingest.text`).
* ``"json"``: one article object, a list of them, or ``{"articles": [...]}``;
  ``"jsonl"`` (``.jsonl``, ``.ndjson``): one object per line, blank lines
  skipped, streamed. Fields are described in :mod:`newsbrief.ingest.jsonfmt`.
* ``"html"`` (``.html``, ``.htm``): the page's main text and metadata, with
  trafilatura from the ``html`` extra when installed
  (:mod:`newsbrief.ingest.html`).
* ``"feed"`` (``.xml``, ``.rss``, ``.atom``): RSS or Atom entries, with
  feedparser from the ``feeds`` extra when installed; documents declaring XML
  entities are refused (:mod:`newsbrief.ingest.feeds`).
* a directory: every file with a supported extension inside it (recursively,
  hidden files and folders skipped), in sorted path order.

Limits: an input file (or a JSON Lines line) larger than
:data:`MAX_INPUT_BYTES` (64 MiB) is refused with
:class:`~newsbrief.InputTooLargeError` before it is read; one article's text
is limited to :data:`newsbrief.model.MAX_ARTICLE_CHARS` characters.
Nothing is fetched from the network unless ``source`` is an ``http(s)`` URL
*and* ``allow_network=True`` is passed.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import IO, Literal, TypeAlias

import attrs

from newsbrief.errors import InputFormatError, InvalidArticleError, NewsbriefError
from newsbrief.ingest._source import Input, decode, resolve
from newsbrief.model import Article

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MAX_INPUT_BYTES",
    "Record",
    "Source",
    "detect_format",
    "read",
    "read_all",
    "read_records",
]

logger = logging.getLogger(__name__)

#: The largest input file (or JSON Lines line) read, in bytes.
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: The format names :func:`read` accepts.
FORMATS = ("text", "markdown", "json", "jsonl", "html", "feed")

#: File extensions and the format they mean.
EXTENSIONS: Mapping[str, str] = MappingProxyType({
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
})

#: What :func:`read` accepts as ``source``.
Source: TypeAlias = "str | os.PathLike[str] | bytes | IO[str] | IO[bytes]"

_Errors = Literal["raise", "skip"]


@attrs.frozen(slots=True)
class Record:
    """One article of an input, or why it could not be read.

    Attributes:
        where: The input it comes from (a path, ``<stdin>``, ``<text>``).
        line: The line it starts on (JSON, JSON Lines) or the entry number
            (feeds), when known.
        article: The article, or None when reading it failed.
        error: Why it failed, or None.
    """

    where: str
    line: int | None = None
    article: Article | None = None
    error: NewsbriefError | None = None

    @property
    def ok(self) -> bool:
        """True when the article was read."""
        return self.error is None


def detect_format(name: str, head: str) -> str:
    """Guess the format of an input from its name and its first few kilobytes.

    The extension decides when it is known; otherwise the content does: ``[``
    starts JSON, ``{`` JSON Lines (or JSON when the first line is not a whole
    object), ``<`` HTML or a feed, a leading ``# `` heading or ``---`` front
    matter Markdown, and anything else is plain text.
    """
    suffix = name[name.rfind(".") :].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    start = head.lstrip("\ufeff \t\r\n")
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        first, newline, _ = start.partition("\n")
        if not newline:
            return "jsonl"  # one object on one line: both readings agree
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl"
    if start.startswith("<"):
        from newsbrief.ingest.feeds import looks_like_feed

        lower = start[:4096].lower()
        if looks_like_feed(start[:4096]) and "<html" not in lower:
            return "feed"
        return "html"
    if start.startswith(("# ", "---\n", "---\r\n")):
        return "markdown"
    return "text"


def read(
    source: Source,
    *,
    format: str | None = None,
    encoding: str | None = None,
    allow_network: bool = False,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Article:
    """Read the one article an input holds.

    Args:
        source: A path, file object, bytes or text (see the module docstring
            for how a ``str`` is told apart).
        format: One of :data:`FORMATS`; guessed when None.
        encoding: The text encoding; detected when None.
        allow_network: Allow fetching ``source`` when it is an http(s) URL.
        max_bytes: Refuse inputs larger than this.

    Returns:
        The article.

    Raises:
        ReadError: the path does not exist or cannot be read, or ``source``
            is a URL and ``allow_network`` is False.
        InputTooLargeError: the input is past a size limit.
        InputFormatError: the input is malformed for its format, holds no
            article or more than one (use :func:`read_all`).
        InvalidArticleError: the article is empty, binary or has a bad field.
        UnknownNameError: ``format`` is not one of :data:`FORMATS`.

    Example:
        >>> import newsbrief
        >>> article = newsbrief.read("Storm closes ports\\n\\nHeavy rain fell on Tuesday.")
        >>> article.headline
        'Storm closes ports'
    """
    records = read_records(
        source, format=format, encoding=encoding, allow_network=allow_network,
        max_bytes=max_bytes,
    )
    first = next(records, None)
    if first is None:
        raise InputFormatError("holds no article", where=_name_of(source))
    if first.error is not None:
        raise first.error
    second = next(records, None)
    records.close()
    if second is not None:
        raise InputFormatError(
            "holds more than one article; use newsbrief.read_all() to read them all",
            where=first.where,
        )
    assert first.article is not None
    return first.article


def read_all(
    source: Source,
    *,
    format: str | None = None,
    encoding: str | None = None,
    allow_network: bool = False,
    max_bytes: int = MAX_INPUT_BYTES,
    errors: _Errors = "raise",
) -> Iterator[Article]:
    """Yield every article of an input, lazily and in order.

    Takes the same arguments as :func:`read`, plus:

    Args:
        errors: "raise" to stop at the first bad article (the default), or
            "skip" to log a warning for each bad article and go on.

    Raises:
        NewsbriefError: as :func:`read` (with ``errors="raise"``).
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    for record in read_records(
        source, format=format, encoding=encoding, allow_network=allow_network,
        max_bytes=max_bytes,
    ):
        if record.error is not None:
            if errors == "raise":
                raise record.error
            logger.warning("skipped: %s", record.error)
            continue
        assert record.article is not None
        yield record.article


def read_records(
    source: Source,
    *,
    format: str | None = None,
    encoding: str | None = None,
    allow_network: bool = False,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Generator[Record, None, None]:
    """Yield a :class:`Record` for every article of an input, never raising for bad input.

    A bad article (a JSON Lines line, a list item, a file of a directory)
    gives an error record and reading goes on; an input that cannot be read
    at all gives a single error record.

    Raises:
        UnknownNameError: ``format`` is not one of :data:`FORMATS`.
    """
    if format is not None and format not in FORMATS:
        from newsbrief.errors import UnknownNameError

        raise UnknownNameError(
            f"unknown input format {format!r}; choose from {', '.join(FORMATS)}"
        )
    try:
        item = resolve(source, allow_network=allow_network, max_bytes=max_bytes)
    except NewsbriefError as exc:
        yield Record(_name_of(source), error=exc)
        return
    if item.path is not None and item.path.is_dir():
        yield from _directory_records(item.path, format, encoding, max_bytes)
        return
    yield from _records(item, format, encoding, max_bytes)


def _name_of(source: object) -> str:
    if isinstance(source, os.PathLike):
        return str(os.fspath(source))
    if isinstance(source, str) and "\n" not in source and len(source) < 300:
        return source
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<input>"


def _directory_records(
    root: Path, format: str | None, encoding: str | None, max_bytes: int
) -> Iterator[Record]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in files:
            if not file.startswith(".") and Path(file).suffix.lower() in EXTENSIONS:
                found.append(Path(folder, file))
    found.sort(key=lambda p: p.relative_to(root).parts)
    if not found:
        yield Record(
            str(root),
            error=InputFormatError("the folder holds no article files", where=str(root)),
        )
        return
    for path in found:
        yield from _records(Input(str(path), path=path), format, encoding, max_bytes)


def _records(
    item: Input, format: str | None, encoding: str | None, max_bytes: int
) -> Iterator[Record]:
    where = item.name
    try:
        fmt = format or detect_format(item.suffix or where, item.head())
        if fmt == "jsonl":
            yield from _jsonl_records(item, encoding, max_bytes)
            return
        if fmt == "feed":
            from newsbrief.ingest.feeds import iter_feed

            raw = item.read_raw(max_bytes)
            data = raw.encode("utf-8") if isinstance(raw, str) else raw
            for number, article in iter_feed(data, where):
                yield Record(where, number, article)
            return
        text = item.read_text(max_bytes, encoding)
        if fmt == "json":
            yield from _json_records(text, where)
            return
        if not text.strip():
            raise InvalidArticleError("is empty", where=where)
        if "\x00" in text:
            raise InvalidArticleError("contains NUL bytes (binary data?)", where=where)
        yield Record(where, None, _parse_single(fmt, text, item))
    except NewsbriefError as exc:
        yield Record(where, exc.line, error=_placed(exc, where))


def _parse_single(fmt: str, text: str, item: Input) -> Article:
    name = None if item.url is not None else item.name
    if fmt == "markdown":
        from newsbrief.ingest.text import parse_markdown

        return parse_markdown(text, name=name)
    if fmt == "html":
        from newsbrief.ingest.html import parse_html

        return parse_html(text, name=item.name, url=item.url)
    from newsbrief.ingest.text import parse_text

    return parse_text(text, name=name)


def _placed(exc: NewsbriefError, where: str) -> NewsbriefError:
    """The error with ``where`` filled in when it has no place yet."""
    if exc.where is not None:
        return exc
    placed = type(exc)(exc.message, where=where, line=exc.line)
    placed.__cause__ = exc.__cause__
    return placed


def _json_records(text: str, where: str) -> Iterator[Record]:
    from newsbrief.ingest.jsonfmt import article_from_mapping, iter_json

    if not text.strip():
        raise InvalidArticleError("is empty", where=where)
    for line, value in iter_json(text, where):
        try:
            yield Record(where, line, article_from_mapping(value, where=where, line=line))
        except NewsbriefError as exc:
            yield Record(where, line, error=_placed(exc, where))


def _jsonl_records(item: Input, encoding: str | None, max_bytes: int) -> Iterator[Record]:
    from newsbrief.ingest.jsonfmt import article_from_mapping, parse_json_line

    where = item.name
    seen = False
    for number, raw in item.lines(max_bytes):
        if not raw.strip():
            continue
        seen = True
        try:
            line = (
                raw
                if isinstance(raw, str)
                else decode(raw, where, encoding, line=number, check_binary=False)
            )
            value = parse_json_line(line, where, number)
            article = article_from_mapping(value, where=where, line=number)
        except NewsbriefError as exc:
            yield Record(where, number, error=_placed(exc, where))
            continue
        yield Record(where, number, article)
    if not seen:
        raise InvalidArticleError("is empty", where=where)

