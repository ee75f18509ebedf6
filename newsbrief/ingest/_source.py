"""Turning a ``source`` (path, file object, bytes, text or URL) into text.

Internal to :mod:`newsbrief.ingest`: it resolves what ``source`` is, enforces
the size limit before reading everything, and decodes bytes (UTF-8 with or
without BOM, UTF-16 with BOM, then cp1252/Latin-1 with a warning).
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsbrief.errors import InputTooLargeError, InvalidArticleError, ReadError

logger = logging.getLogger(__name__)

#: Bytes read to detect the format of a stream.
HEAD_BYTES = 8192
#: A text string longer than this cannot be a path.
_MAX_PATH_CHARS = 4096
_URL = re.compile(r"(?i)^https?://\S+$")
_FILE_LIKE = re.compile(
    r"(?i)^\S+\.(txt|text|md|markdown|json|jsonl|ndjson|html?|xhtml|xml|rss|atom|rdf)$"
)
# Control characters that never occur in text (tab, newlines and form feed do).
_BINARY_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


class Input:
    """One input: where it comes from and how to get its content.

    Exactly one of ``path``, ``stream`` or ``data`` is set.
    """

    __slots__ = ("_head", "data", "name", "path", "stream", "suffix", "url")

    def __init__(
        self,
        name: str,
        *,
        path: Path | None = None,
        stream: IO[Any] | None = None,
        data: str | bytes | None = None,
        url: str | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.stream = stream
        self.data = data
        self.url = url
        self.suffix = path.suffix.lower() if path is not None else _suffix_of(name)
        self._head: str | bytes | None = None

    def head(self) -> str:
        """The first few kilobytes, decoded leniently, for format detection."""
        if self._head is None:
            if self.data is not None:
                self._head = self.data[:HEAD_BYTES]
            elif self.path is not None:
                try:
                    with self.path.open("rb") as fh:
                        self._head = fh.read(HEAD_BYTES)
                except OSError as exc:
                    raise _read_error(self.name, exc) from None
            else:
                assert self.stream is not None
                try:
                    self._head = self.stream.read(HEAD_BYTES)
                except OSError as exc:
                    raise _read_error(self.name, exc) from None
                except UnicodeDecodeError as exc:
                    raise InvalidArticleError(
                        f"cannot decode input: {exc}", where=self.name
                    ) from None
                if self._head is None:  # non-blocking stream with nothing ready
                    self._head = b""
        head = self._head
        if isinstance(head, bytes):
            return _sniff_decode(head)
        return head

    def read_text(self, max_bytes: int, encoding: str | None = None) -> str:
        """All of the content as text, refusing more than ``max_bytes``."""
        raw = self.read_raw(max_bytes)
        if isinstance(raw, str):
            return raw
        return decode(raw, self.name, encoding)

    def read_raw(self, max_bytes: int) -> str | bytes:
        if self.data is not None:
            if len(self.data) > max_bytes:
                raise _too_large(self.name, max_bytes)
            return self.data
        if self.path is not None:
            try:
                size = self.path.stat().st_size
                if size > max_bytes:
                    raise _too_large(self.name, max_bytes)
                with self.path.open("rb") as fh:
                    raw: str | bytes = fh.read(max_bytes + 1)
            except OSError as exc:
                raise _read_error(self.name, exc) from None
        else:
            assert self.stream is not None
            self.head()
            prefix = self._head
            assert prefix is not None
            try:
                rest = self.stream.read(max_bytes + 1 - len(prefix))
            except OSError as exc:
                raise _read_error(self.name, exc) from None
            except UnicodeDecodeError as exc:
                raise InvalidArticleError(f"cannot decode input: {exc}", where=self.name) from None
            raw = _join(prefix, rest)
        if len(raw) > max_bytes:
            raise _too_large(self.name, max_bytes)
        return raw

    def lines(self, max_bytes: int) -> Iterator[tuple[int, str | bytes]]:
        """Yield ``(line_number, line)`` pairs, streaming; each line at most ``max_bytes``.

        Lines are bytes (undecoded, a leading UTF-8 BOM removed) unless the
        input is text already.
        """
        if isinstance(self.data, str):
            for number, line in enumerate(io.StringIO(self.data, newline=None), start=1):
                if len(line) > max_bytes:
                    raise _too_large(self.name, max_bytes, line=number)
                yield number, line
            return
        if self.data is not None:
            yield from self._stream_lines(io.BytesIO(self.data), max_bytes)
            return
        if self.path is not None:
            try:
                fh = self.path.open("rb")
            except OSError as exc:
                raise _read_error(self.name, exc) from None
            with fh:
                yield from self._stream_lines(fh, max_bytes)
            return
        assert self.stream is not None
        self.head()
        assert self._head is not None
        yield from self._stream_lines(_Prefixed(self._head, self.stream), max_bytes)

    def _stream_lines(
        self, fh: IO[Any] | _Prefixed, max_bytes: int
    ) -> Iterator[tuple[int, str | bytes]]:
        number = 0
        while True:
            try:
                line = fh.readline(max_bytes + 1)
            except OSError as exc:
                raise _read_error(self.name, exc) from None
            except UnicodeDecodeError as exc:
                raise InvalidArticleError(
                    f"cannot decode input: {exc}", where=self.name, line=number + 1
                ) from None
            if not line:
                return
            number += 1
            if len(line) > max_bytes:
                raise _too_large(self.name, max_bytes, line=number)
            if number == 1 and isinstance(line, bytes) and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            yield number, line


class _Prefixed:
    """A stream with some already-read bytes (or text) put back in front."""

    def __init__(self, prefix: str | bytes, stream: IO[Any]) -> None:
        self._prefix = prefix
        self._stream = stream

    def readline(self, limit: int = -1) -> str | bytes:
        prefix = self._prefix
        if not prefix:
            line: str | bytes = self._stream.readline(limit)
            return line
        newline = "\n" if isinstance(prefix, str) else b"\n"
        cut = prefix.find(newline)  # type: ignore[arg-type]
        if cut >= 0 and (limit < 0 or cut < limit):
            self._prefix = prefix[cut + 1 :]
            return prefix[: cut + 1]
        if 0 <= limit <= len(prefix):
            self._prefix = prefix[limit:]
            return prefix[:limit]
        self._prefix = prefix[:0]
        rest = self._stream.readline(limit - len(prefix) if limit >= 0 else -1)
        return _join(prefix, rest)


def _join(prefix: str | bytes, rest: object) -> str | bytes:
    if not rest:
        return prefix
    if isinstance(prefix, str) and isinstance(rest, str):
        return prefix + rest
    if isinstance(prefix, bytes) and isinstance(rest, bytes | bytearray):
        return prefix + bytes(rest)
    raise InvalidArticleError("the stream mixes text and bytes")


def _suffix_of(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


def resolve(source: object, *, allow_network: bool = False, max_bytes: int) -> Input:
    """Work out what ``source`` is (see :func:`newsbrief.ingest.read` for the rules)."""
    if isinstance(source, os.PathLike):
        path = Path(os.fspath(source))
        return _path_input(path)
    if isinstance(source, bytes | bytearray | memoryview):
        return Input("<bytes>", data=bytes(source))
    if isinstance(source, str):
        if "\n" in source or "\r" in source or len(source) > _MAX_PATH_CHARS:
            return Input("<text>", data=source)
        stripped = source.strip()
        if _URL.match(stripped):
            if not allow_network:
                raise ReadError(
                    "is a URL; newsbrief fetches nothing from the network unless asked "
                    "(pass allow_network=True, or --allow-network on the command line)",
                    where=stripped,
                )
            return _fetch(stripped, max_bytes)
        if stripped and "\x00" not in source:
            path = Path(source)
            try:
                exists = path.exists()
            except (OSError, ValueError):
                exists = False
            if exists or _FILE_LIKE.match(stripped):
                return _path_input(path)
        return Input("<text>", data=source)
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        label = name if isinstance(name, str) and name else "<stream>"
        return Input(label, stream=source)  # type: ignore[arg-type]
    raise InvalidArticleError(
        f"cannot read from a {type(source).__name__}: pass a path, a file object, bytes or text"
    )


def _path_input(path: Path) -> Input:
    name = str(path)
    try:
        exists = path.exists()
        if exists and not path.is_file() and not path.is_dir():
            # FIFOs and devices are read as streams (e.g. /dev/stdin).
            return Input(name, stream=path.open("rb"))
    except OSError as exc:
        raise _read_error(name, exc) from None
    if not exists:
        raise ReadError("no such file or directory", where=name)
    return Input(name, path=path)


def _fetch(url: str, max_bytes: int) -> Input:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "newsbrief"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read(max_bytes + 1)
            content_type = str(response.headers.get("Content-Type", "")).lower()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ReadError(f"cannot fetch: {exc}", where=url) from None
    if len(data) > max_bytes:
        raise _too_large(url, max_bytes)
    name = url
    if "html" in content_type:
        name = url + "#.html"
    elif "xml" in content_type or "rss" in content_type or "atom" in content_type:
        name = url + "#.xml"
    elif "json" in content_type:
        name = url + "#.json"
    result = Input(url, data=data, url=url)
    result.suffix = _suffix_of(name)
    return result


def _read_error(name: str, exc: OSError) -> ReadError:
    reason = exc.strerror or str(exc) or type(exc).__name__
    error = ReadError(f"cannot read: {reason[:1].lower()}{reason[1:]}", where=name)
    error.errno = exc.errno
    return error


def _too_large(name: str, max_bytes: int, *, line: int | None = None) -> InputTooLargeError:
    what = "line" if line is not None else "input"
    return InputTooLargeError(
        f"{what} is larger than the limit of {max_bytes:,} bytes", where=name, line=line
    )


def _sniff_decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def decode(
    data: bytes,
    name: str,
    encoding: str | None = None,
    *,
    line: int | None = None,
    check_binary: bool = True,
) -> str:
    """Decode bytes of text.

    UTF-8 (BOM optional) first, UTF-16 when it has a BOM; data with NUL bytes
    or other control characters is refused as binary; anything else that is
    not UTF-8 is decoded as cp1252 (Latin-1 for the five bytes cp1252 leaves
    undefined) with a logged warning.

    ``check_binary=False`` skips the scan for control characters in valid
    UTF-8 (JSON parsing refuses them anyway).

    Raises:
        InvalidArticleError: the data is binary or not in ``encoding``.
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InvalidArticleError(
                f"cannot decode as {encoding}: {exc}", where=name, line=line
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InvalidArticleError(f"invalid UTF-16: {exc}", where=name, line=line) from None
    if b"\x00" in data:
        raise InvalidArticleError("contains NUL bytes (binary data?)", where=name, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Binary files are full of control bytes; legacy-encoded text is not.
        if _BINARY_BYTES.search(data[:HEAD_BYTES]):
            raise InvalidArticleError(
                "is binary data, not text", where=name, line=line
            ) from None
        try:
            text = data.decode("cp1252")
            encoding_used = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding_used = "Latin-1"
        place = name if line is None else f"{name}, line {line}"
        logger.warning("%s: not valid UTF-8; decoded as %s", place, encoding_used)
        return text
    if check_binary and _BINARY_BYTES.search(data[:HEAD_BYTES]) and _mostly_control(data):
        raise InvalidArticleError("is binary data, not text", where=name, line=line)
    return text


def _mostly_control(data: bytes) -> bool:
    sample = data[:HEAD_BYTES]
    return len(_BINARY_BYTES.findall(sample)) * 20 > len(sample)
