"""Plain-text and Markdown articles.

Plain text is taken as it is (the headline rule of
:meth:`newsbrief.Article.from_text` applies). Markdown is turned into plain
text first: a leading ``# Heading`` (or a setext heading) is the headline,
simple ``key: value`` front matter between ``---`` lines fills the article's
fields, emphasis and code marks are removed, links keep their text, images
are dropped, list items stay one per line, and soft-wrapped lines of a
paragraph are joined.
"""

from __future__ import annotations

import re
from typing import Any

from newsbrief.model import Article

__all__ = ["markdown_to_text", "parse_markdown", "parse_text"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_LINE = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^[ ]{0,3}(```+|~~~+)")
_BULLET = re.compile(r"^([ \t]*)[*+-][ \t]+")
_ORDERED = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+")
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
# Inner spans exclude their own delimiters (and are bounded), so pathological
# input (a line of 100,000 "[" or "*") stays linear instead of quadratic.
_IMAGE = re.compile(r"[ \t]*!\[[^\[\]\n]{0,500}\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,200}\])")
_LINK = re.compile(
    r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)|\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,200}\]"
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,500})?/?>")
_CODE = re.compile(r"(`{1,3})([^`\n]{1,300}?)\1")
_STRONG = re.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*|__(?=\S)([^_\n]{1,300}?)(?<=\S)__")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)([^~\n]{1,300}?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def parse_text(text: str, *, name: str | None = None) -> Article:
    """Build an article from plain text (``name`` is kept as ``metadata["file"]``)."""
    return Article.from_text(text, metadata=_file_metadata(name))


def parse_markdown(text: str, *, name: str | None = None) -> Article:
    """Build an article from Markdown (see the module docstring for the rules)."""
    fields, body_md = _split_front_matter(text)
    headline, plain = markdown_to_text(body_md)
    title = fields.pop("title", None) or fields.pop("headline", None) or headline
    metadata = _file_metadata(name)
    metadata.update(fields)
    published = metadata.pop("published", None) or metadata.pop("date", None)
    return Article.from_text(
        plain,
        title=title,
        source=_pop_str(metadata, "source"),
        url=_pop_str(metadata, "url"),
        id=_pop_str(metadata, "id"),
        published=published,
        metadata=metadata,
    )


def _pop_str(metadata: dict[str, Any], key: str) -> str | None:
    value = metadata.pop(key, None)
    return value if isinstance(value, str) and value else None


def _file_metadata(name: str | None) -> dict[str, Any]:
    return {} if name is None or name.startswith("<") else {"file": name}


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    fields: dict[str, Any] = {}
    for line in match.group(1).split("\n"):
        kv = _FRONT_LINE.match(line)
        if kv is None:
            continue
        key, value = kv.group(1).lower(), kv.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value:
            fields[key] = value
    return fields, text[match.end() :]


def markdown_to_text(markdown: str) -> tuple[str | None, str]:
    """Turn Markdown into plain text.

    Returns:
        ``(headline, text)``: the headline is the first heading when it comes
        before any other text, else None; ``text`` has one paragraph per block
        (separated by blank lines) and one line per list item.
    """
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headline: str | None = None
    blocks: list[list[str]] = []
    current: list[str] = []
    seen_text = False
    in_fence = False

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(current)
            current = []

    i = 0
    while i < len(lines):
        raw = lines[i]
        i += 1
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                current.append(_inline(raw.strip(), code=True))
            continue
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if not line.strip():
            flush()
            continue
        atx = _ATX.match(line)
        setext = (
            i < len(lines)
            and not current
            and _SETEXT.match(lines[i]) is not None
            and not _RULE.match(line)
            and not _BULLET.match(line)
        )
        if atx or setext:
            heading = _inline(atx.group(2) if atx else line.strip())
            if setext:
                i += 1
            flush()
            if headline is None and not seen_text:
                headline = heading
                seen_text = True
            elif heading:
                blocks.append([heading])
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            flush()
            continue
        bullet = _BULLET.match(line)
        ordered = _ORDERED.match(line)
        if bullet:
            item = "- " + _inline(line[bullet.end() :].strip())
            current.append(item)
        elif ordered:
            current.append(_inline(line.strip()))
        elif current and _is_item(current[-1]) and raw[:1] in " \t":
            current[-1] += " " + _inline(line.strip())
        elif current and not _is_item(current[-1]):
            # A soft-wrapped line continues the paragraph.
            current[-1] += " " + _inline(line.strip())
        else:
            current.append(_inline(line.strip()))
        seen_text = True
    flush()
    paragraphs = ["\n".join(part for part in block if part) for block in blocks]
    text = "\n\n".join(p for p in paragraphs if p.strip())
    return headline, text


def _is_item(line: str) -> bool:
    return line.startswith("- ") or _ORDERED.match(line) is not None


def _inline(text: str, *, code: bool = False) -> str:
    if code:
        return text
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())
