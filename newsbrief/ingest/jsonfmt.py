"""JSON and JSON Lines articles.

A JSON article is an object with ``title`` or ``headline`` (optional),
``text`` or ``body`` (required, a non-empty string) and optionally ``id``
(string or integer), ``source``, ``url``, ``published`` (ISO 8601 or RFC 2822
date), ``language`` and ``metadata`` (an object). Every other key is kept in
``Article.metadata``. A JSON document is one such object, a list of them, or
an object with an ``articles`` list; JSON Lines holds one object per line
(blank lines are skipped).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator, Mapping
from typing import Any

from newsbrief.errors import InputFormatError, InvalidArticleError
from newsbrief.model import Article, to_published

__all__ = ["article_from_mapping", "iter_json", "parse_json_line", "parse_published"]

_KNOWN = frozenset(
    {"headline", "title", "body", "text", "id", "source", "url", "published", "language",
     "metadata"}
)
_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\n\r"


def article_from_mapping(
    data: object, *, where: str | None = None, line: int | None = None
) -> Article:
    """Build an :class:`Article` from a decoded JSON object.

    Raises:
        InvalidArticleError: ``data`` is not an object, or a field is missing,
            empty or of the wrong type (the message names the field).
    """
    if not isinstance(data, Mapping):
        raise InvalidArticleError(
            f"an article must be a JSON object, not {_json_type(data)}", where=where, line=line
        )

    def fail(message: str) -> InvalidArticleError:
        return InvalidArticleError(message, where=where, line=line)

    metadata: dict[str, Any] = {}
    raw_meta = data.get("metadata")
    if raw_meta is not None:
        if not isinstance(raw_meta, Mapping):
            raise fail(f"field 'metadata' must be an object, not {_json_type(raw_meta)}")
        metadata.update(raw_meta)
    metadata.update((k, v) for k, v in data.items() if k not in _KNOWN)

    body_key = "body" if data.get("body") is not None else "text"
    body = data.get(body_key)
    if body is None:
        raise fail("article has no 'text' or 'body' field")
    if not isinstance(body, str):
        raise fail(f"field {body_key!r} must be a string, not {_json_type(body)}")
    if not body.strip():
        raise fail(f"field {body_key!r} is empty")
    other_body = "text" if body_key == "body" else "body"
    if other_body in data and data[other_body] != body:
        metadata[other_body] = data[other_body]

    title_key = "headline" if data.get("headline") is not None else "title"
    title = data.get(title_key)
    if title is None:
        title = ""
    if not isinstance(title, str):
        raise fail(f"field {title_key!r} must be a string, not {_json_type(title)}")
    other_title = "title" if title_key == "headline" else "headline"
    if data.get(other_title) not in (None, title):
        metadata[other_title] = data[other_title]

    fields: dict[str, str | None] = {}
    for key in ("id", "source", "url", "language"):
        value = data.get(key)
        if value is None or isinstance(value, str):
            fields[key] = value
        elif key == "id" and isinstance(value, int) and not isinstance(value, bool):
            fields[key] = str(value)
        else:
            raise fail(f"field {key!r} must be a string, not {_json_type(value)}")
    published = parse_published(data.get("published"), fail)
    try:
        return Article.from_text(
            body,
            title=title,
            id=fields["id"],
            source=fields["source"],
            url=fields["url"],
            published=published,
            language=fields["language"] or "en",
            metadata=metadata,
        )
    except InvalidArticleError as exc:
        if exc.where is None:
            raise fail(exc.message) from None
        raise


def parse_published(value: object, fail: Any) -> _dt.datetime | _dt.date | None:
    if value is not None and not isinstance(value, str):
        raise fail(f"field 'published' must be a date string, not {_json_type(value)}")
    try:
        return to_published(value)
    except InvalidArticleError:
        raise fail(f"field 'published' is not an ISO 8601 or RFC 2822 date: {value!r}") from None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _syntax_error(
    exc: json.JSONDecodeError, where: str, line: int | None = None
) -> InputFormatError:
    return InputFormatError(
        f"invalid JSON: {exc.msg} (column {exc.colno})",
        where=where,
        line=exc.lineno if line is None else line,
    )


def iter_json(text: str, where: str) -> Iterator[tuple[int, object]]:
    """Yield ``(line, value)`` for each article value of a JSON document.

    A list yields its items (with the line each starts on); an object with an
    ``articles`` list yields those; any other object yields itself.

    Raises:
        InputFormatError: the text is not valid JSON, or not an object or list.
    """
    start = _skip_ws(text, 0)
    if start < len(text) and text[start] == "[":
        yield from _iter_list(text, start, where)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text[start : start + 1] == "{":
            # JSON Lines in a file named .json: read it as such.
            for number, row in enumerate(text.split("\n"), start=1):
                if row.strip():
                    yield number, parse_json_line(row, where, number)
            return
        raise _syntax_error(exc, where) from None
    except RecursionError:
        raise InputFormatError("JSON is nested too deeply", where=where) from None
    line = text.count("\n", 0, start) + 1
    if isinstance(value, Mapping):
        articles = value.get("articles")
        if "text" not in value and "body" not in value and isinstance(articles, list):
            for item in articles:
                yield line, item
            return
        yield line, value
        return
    raise InputFormatError(
        f"expected a JSON object or a list of objects, not {_json_type(value)}", where=where,
        line=line,
    )


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _iter_list(text: str, pos: int, where: str) -> Iterator[tuple[int, object]]:
    # Decode item by item to know the line each article starts on.
    line = text.count("\n", 0, pos) + 1
    last = pos
    pos = _skip_ws(text, pos + 1)
    if pos < len(text) and text[pos] == "]":
        _expect_end(text, pos + 1, where)
        return
    while True:
        line += text.count("\n", last, pos)
        last = pos
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise _syntax_error(exc, where) from None
        except RecursionError:
            raise InputFormatError("JSON is nested too deeply", where=where, line=line) from None
        yield line, value
        pos = _skip_ws(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
            continue
        if pos < len(text) and text[pos] == "]":
            _expect_end(text, pos + 1, where)
            return
        line += text.count("\n", last, pos)
        raise InputFormatError("invalid JSON: expected ',' or ']' in the list", where=where,
                               line=line)


def _expect_end(text: str, pos: int, where: str) -> None:
    pos = _skip_ws(text, pos)
    if pos < len(text):
        raise InputFormatError(
            "invalid JSON: extra data after the list", where=where,
            line=text.count("\n", 0, pos) + 1,
        )


def parse_json_line(line: str, where: str, number: int) -> object:
    """Decode one JSON Lines line.

    Raises:
        InputFormatError: the line is not valid JSON (names ``where`` and the line).
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputFormatError(
            f"invalid JSON: {exc.msg} (column {exc.colno})", where=where, line=number
        ) from None
    except RecursionError:
        raise InputFormatError("JSON is nested too deeply", where=where, line=number) from None
