"""HTML article pages.

With the ``html`` extra installed (``pip install 'newsbrief[html]'``),
trafilatura extracts the main text and the page's metadata (title, date, URL,
site name). Without it, or when trafilatura finds nothing, a small extractor
built on the standard library's :mod:`html.parser` is used: it drops
``script``, ``style``, navigation, headers, footers and forms, and keeps one
paragraph per block element. That extractor is iterative, so pages nested
100,000 elements deep are handled without recursion.
"""

from __future__ import annotations

import datetime as _dt
import html
import logging
import re
from html.parser import HTMLParser
from typing import Any

from newsbrief.errors import InvalidArticleError
from newsbrief.model import Article

__all__ = ["html_to_text", "parse_html"]

logger = logging.getLogger(__name__)

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer",
     "aside", "form", "button", "select", "textarea", "iframe", "object", "canvas"}
)
_BLOCK = frozenset(
    {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
     "dd", "article", "section", "main", "blockquote", "pre", "table", "tr", "td", "th",
     "figure", "figcaption", "address", "body", "html", "title"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
_META_TITLE = ("og:title", "twitter:title", "title")
_META_DATE = ("article:published_time", "og:published_time", "date", "pubdate",
              "datepublished", "dc.date", "dcterms.date", "publish-date", "sailthru.date")
_META_SOURCE = ("og:site_name", "application-name", "publisher")
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[\s_-]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BOILERPLATE = frozenset(
    {"ad", "ads", "advert", "adverts", "advertisement", "promo", "share", "sharing", "social",
     "related", "newsletter", "cookie", "cookies", "subscribe", "sidebar", "comments",
     "breadcrumb", "breadcrumbs", "banner", "navigation", "menu", "complementary"}
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


class _Extractor(HTMLParser):
    """Collects visible text, one paragraph per block, and page metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip_stack: list[str] = []
        self.skip_counts: dict[str, int] = {}
        self.in_title = False
        self.in_h1 = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.h1_done = False
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def _flush(self) -> None:
        if self.current:
            text = _SPACE.sub(" ", "".join(self.current)).strip()
            if text:
                self.blocks.append(text)
            self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_stack:
            # Inside a skipped element: track nesting only, so that its end is found.
            if tag not in _VOID:
                self._push_skip(tag)
            return
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "")
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"].strip())
            return
        if tag == "link":
            values = {k.lower(): (v or "") for k, v in attrs}
            if values.get("rel", "").lower() == "canonical" and values.get("href"):
                self.canonical = values["href"].strip()
            return
        if tag == "title" and not self.title_parts:
            self.in_title = True
            return
        if tag in _SKIP or (tag not in _VOID and _is_boilerplate(attrs)):
            self._push_skip(tag)
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "h1" and not self.h1_done:
            self.in_h1 = True

    def _push_skip(self, tag: str) -> None:
        self.skip_stack.append(tag)
        self.skip_counts[tag] = self.skip_counts.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_stack or tag in _SKIP:  # <script/> and friends have no content
            return
        if tag in _BLOCK:
            self._flush()
        if tag in ("meta", "link"):
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            return
        if self.skip_stack:
            if self.skip_counts.get(tag):
                # Close the innermost open element of that name and any
                # unclosed ones inside it; counts keep this linear.
                while self.skip_stack:
                    popped = self.skip_stack.pop()
                    self.skip_counts[popped] -= 1
                    if popped == tag:
                        break
            return
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1_done = True
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_stack:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _is_boilerplate(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element is hidden, or is an advert, share bar, related links..."""
    # (HTMLParser gives attribute names in lower case.)
    for key, value in attrs:
        if key == "hidden" or (key == "aria-hidden" and (value or "").lower() == "true"):
            return True
        if not value:
            continue
        if key == "style" and _HIDDEN_STYLE.search(value):
            return True
        if key in ("class", "id", "role") and not _BOILERPLATE.isdisjoint(
            _TOKEN.split(value.lower())
        ):
            return True
    return False


def _extract(markup: str) -> _Extractor:
    parser = _Extractor()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError:  # html.parser's reaction to some malformed markup
        logger.warning("malformed HTML; keeping the text read before the error")
        parser._flush()
    return parser


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment, one paragraph per block element."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    return "\n\n".join(_extract(markup).blocks)


def parse_html(markup: str, *, name: str | None = None, url: str | None = None) -> Article:
    """Build an article from an HTML page.

    Raises:
        InvalidArticleError: the page has no text.
    """
    result = _with_trafilatura(markup, url)
    if result is None:
        result = _with_stdlib(markup)
    title, text, date, page_url, source = result
    if not text.strip():
        raise InvalidArticleError("the HTML page has no article text", where=name)
    metadata: dict[str, Any] = {}
    if name is not None and not name.startswith("<") and name != url:
        metadata["file"] = name
    published = _published(date, name)
    return Article.from_text(
        text,
        title=title or "",
        url=page_url or url,
        source=source,
        published=published,
        metadata=metadata,
    )


_Result = tuple[str | None, str, str | None, str | None, str | None]


def _with_trafilatura(markup: str, url: str | None) -> _Result | None:
    try:
        import trafilatura
    except ImportError:
        logger.info(
            "trafilatura is not installed; using the simple HTML extractor "
            "(pip install 'newsbrief[html]' for better results)"
        )
        return None
    try:
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # any failure of the third-party extractor: use ours
        logger.warning("trafilatura failed (%s); using the simple HTML extractor", exc)
        return None
    if doc is None:
        return None
    data: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    text = str(data.get("text") or "")
    if not text.strip():
        return None
    title = _clean(data.get("title"))
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    paragraphs = [line for line in lines if line]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return (
        title,
        "\n\n".join(paragraphs),
        _clean(data.get("date")),
        _clean(data.get("url")),
        _clean(data.get("sitename")),
    )


def _with_stdlib(markup: str) -> _Result:
    page = _extract(markup)
    meta = page.meta
    title = next((meta[k] for k in _META_TITLE if meta.get(k)), None)
    h1 = _clean(" ".join(page.h1_parts))
    if title is None:
        title = h1 or _clean(" ".join(page.title_parts))
    title = _clean(html.unescape(title)) if title else None
    blocks = page.blocks
    if blocks and (blocks[0] == title or blocks[0] == h1):
        blocks = blocks[1:]
    date = next((meta[k] for k in _META_DATE if meta.get(k)), None)
    url = meta.get("og:url") or page.canonical
    source = next((meta[k] for k in _META_SOURCE if meta.get(k)), None)
    return title, "\n\n".join(blocks), date, _clean(url), _clean(source)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", value).strip()
    return text or None


def _published(date: str | None, name: str | None) -> _dt.datetime | _dt.date | None:
    if date is None:
        return None
    text = date.strip()
    if _ISO_DATE.match(text):
        try:
            if len(text) == 10:
                return _dt.date.fromisoformat(text)
            return _dt.datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
        except ValueError:
            pass
    logger.debug("%s: ignoring unparsable page date %r", name, date)
    return None
