"""RSS and Atom feed files.

Feeds are parsed from bytes that are already in memory: nothing is fetched,
not even a DTD. A feed that declares XML entities (``<!ENTITY``, the vehicle
of "billion laughs" and external-entity attacks) is refused before any parser
sees it. With the ``feeds`` extra (``pip install 'newsbrief[feeds]'``)
feedparser reads RSS 0.9x/1.0/2.0 and Atom, including malformed feeds;
without it a small standard-library reader handles well-formed RSS 2.0 and
Atom. Each entry with text becomes an :class:`~newsbrief.Article` (title,
text from its content or summary, link, date, id, and the feed's title as
``source``); entries without text are skipped with a logged warning.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import io
import logging
import re
from collections.abc import Iterator
from typing import Any

from newsbrief.errors import InputFormatError, InvalidArticleError
from newsbrief.ingest.html import html_to_text
from newsbrief.ingest.jsonfmt import parse_published as _parse_date
from newsbrief.model import Article

__all__ = ["iter_feed", "looks_like_feed"]

logger = logging.getLogger(__name__)

# "<!ENTITY" in every encoding an XML parser detects on its own (UTF-8 and
# other ASCII supersets, UTF-16 and UTF-32 of both byte orders): checking the
# raw bytes for ASCII only let a UTF-16 feed hide its declarations.
_ENTITY_DECL = re.compile(
    b"|".join(
        re.escape("<!ENTITY".encode(codec))
        for codec in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
    ),
    re.I,
)
_FEED_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")


def looks_like_feed(head: str) -> bool:
    """Whether the start of an XML document is an RSS or Atom feed."""
    return _FEED_ROOT.search(head) is not None


def _check_safe(data: bytes, where: str) -> None:
    if _ENTITY_DECL.search(data):
        raise InputFormatError(
            "the feed declares XML entities (<!ENTITY ...>); refused for safety", where=where
        )


def iter_feed(data: bytes, where: str) -> Iterator[tuple[int, Article]]:
    """Yield ``(entry_number, article)`` for each entry of a feed with text.

    Raises:
        InputFormatError: the data is not a feed, or declares XML entities.
    """
    _check_safe(data, where)
    try:
        import feedparser
    except ImportError:
        entries = _stdlib_entries(data, where)
    else:
        entries = _feedparser_entries(feedparser, data, where)
    count = 0
    for number, entry in enumerate(entries, start=1):
        text = html_to_text(entry["text"]) if entry["text"] else ""
        if not text.strip():
            logger.warning("%s: feed entry %d has no text; skipped", where, number)
            continue
        try:
            article = Article.from_text(
                text,
                title=html_to_text(entry["title"] or ""),
                id=entry["id"],
                url=entry["url"],
                source=entry["source"],
                published=entry["published"],
                metadata={"feed_entry": number},
            )
        except InvalidArticleError as exc:
            raise InvalidArticleError(f"feed entry {number}: {exc.message}", where=where) from None
        count += 1
        yield number, article
    if count == 0:
        raise InputFormatError("the feed has no entries with text", where=where)


_Entry = dict[str, Any]


def _feedparser_entries(feedparser: Any, data: bytes, where: str) -> list[_Entry]:
    try:
        parsed = feedparser.parse(
            io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False
        )
    except Exception as exc:  # feedparser is lenient; anything it raises means "not a feed"
        raise InputFormatError(f"not a readable RSS or Atom feed: {exc}", where=where) from None
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        raise InputFormatError(f"not a readable RSS or Atom feed{detail}", where=where)
    source = parsed.feed.get("title") or None
    entries: list[_Entry] = []
    for entry in parsed.entries:
        text = ""
        for content in entry.get("content") or ():
            if content.get("value"):
                text = content["value"]
                break
        if not text:
            text = entry.get("summary") or ""
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (
            None
            if when is None
            else _dt.datetime.fromtimestamp(calendar.timegm(when), tz=_dt.timezone.utc)
        )
        entries.append(
            {
                "title": entry.get("title") or "",
                "text": text,
                "url": entry.get("link") or None,
                "id": entry.get("id") or None,
                "source": source,
                "published": published,
            }
        )
    return entries


_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def _stdlib_entries(data: bytes, where: str) -> list[_Entry]:
    import xml.etree.ElementTree as ET

    # Safe here: entity declarations were refused above, and ElementTree's
    # expat parser never fetches external DTDs.
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputFormatError(
            f"not a well-formed feed: {exc} (install 'newsbrief[feeds]' for a lenient parser)",
            where=where,
            line=exc.position[0] if exc.position else None,
        ) from None

    def text_of(element: ET.Element | None) -> str:
        return "" if element is None else "".join(element.itertext()).strip()

    def date_of(raw: str) -> _dt.datetime | _dt.date | None:
        try:
            return _parse_date(raw or None, lambda message: InputFormatError(message, where=where))
        except InputFormatError:
            return None

    entries: list[_Entry] = []
    if root.tag == f"{_ATOM}feed":
        source = text_of(root.find(f"{_ATOM}title")) or None
        for item in root.iter(f"{_ATOM}entry"):
            link = item.find(f"{_ATOM}link")
            content = item.find(f"{_ATOM}content")
            if content is None:
                content = item.find(f"{_ATOM}summary")
            entries.append(
                {
                    "title": text_of(item.find(f"{_ATOM}title")),
                    "text": text_of(content),
                    "url": None if link is None else link.get("href"),
                    "id": text_of(item.find(f"{_ATOM}id")) or None,
                    "source": source,
                    "published": date_of(
                        text_of(item.find(f"{_ATOM}published"))
                        or text_of(item.find(f"{_ATOM}updated"))
                    ),
                }
            )
    elif root.tag == "rss" or root.tag.endswith("RDF"):
        channel = root.find("channel")
        source = text_of(channel.find("title")) if channel is not None else ""
        for item in root.iter():
            if not (item.tag == "item" or item.tag.endswith("}item")):
                continue
            content = item.find(_CONTENT)
            entries.append(
                {
                    "title": text_of(_child(item, "title")),
                    "text": text_of(content) or text_of(_child(item, "description")),
                    "url": text_of(_child(item, "link")) or None,
                    "id": text_of(item.find("guid")) or None,
                    "source": source or None,
                    "published": date_of(
                        text_of(item.find("pubDate")) or text_of(item.find(_DC_DATE))
                    ),
                }
            )
    if not entries:
        raise InputFormatError("not an RSS or Atom feed with entries", where=where)
    return entries


def _child(item: Any, name: str) -> Any:
    found = item.find(name)
    if found is None:
        for child in item:
            if child.tag.endswith("}" + name):
                return child
    return found
