"""HTML rendering: a clean, self-contained page (inline CSS, no scripts).

Every piece of text is escaped; the only links are the article's own ``http``
or ``https`` address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import Any

from newsbrief.render._view import (
    as_view,
    dates_of,
    field_text,
    heading_of,
    is_digest,
    minutes_and_seconds,
    people_of,
    quotes_of,
    stories_of,
    text_list,
)

__all__ = ["render_html"]

_CSS = """
:root { color-scheme: light dark; }
body { font: 17px/1.55 Georgia, "Times New Roman", serif; max-width: 42rem;
  margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e8e8e8; background: #161616; }
  .meta, .timing, figcaption { color: #a0a0a0; } blockquote { border-color: #555; } }
h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
h3 { font-size: 1rem; text-transform: uppercase; letter-spacing: .05em; margin-top: 1.6rem; }
.meta, .timing { color: #666; font-size: .9rem; }
.lede { font-size: 1.15rem; font-weight: 600; }
blockquote { margin: .8rem 0; padding-left: 1rem; border-left: 3px solid #ccc; }
blockquote p { margin: 0; }
figcaption { color: #555; font-size: .9rem; }
article + article { border-top: 1px solid #ddd; margin-top: 2rem; }
dl.people dt { font-weight: 600; } dl.people dd { margin: 0 0 .4rem 0; }
"""

_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def _e(text: str) -> str:
    return escape(text, quote=True)


def render_html(obj: object) -> str:
    """Render a Briefing, Digest or Summary as a complete HTML page."""
    view = as_view(obj)
    if is_digest(view):
        title = field_text(view, "title") or "Digest"
        body = [f"<header><h1>{_e(title)}</h1>"]
        intro = field_text(view, "intro")
        if intro:
            body.append(f'<p class="lede">{_e(intro)}</p>')
        body.append("</header>")
        for _transition, story in stories_of(view):
            body += _article({**story, "headline": heading_of(story)}, level=2)
        outro = field_text(view, "outro")
        if outro:
            body.append(f"<footer><p>{_e(outro)}</p>")
            total = minutes_and_seconds(view.get("listening_seconds"))
            if total:
                body.append(f'<p class="timing">Listening time: {_e(total)}</p>')
            body.append("</footer>")
    else:
        title = field_text(view, "headline") or "Briefing"
        body = _article(view, level=1)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _list(title: str, items: list[str], level: int) -> list[str]:
    if not items:
        return []
    return [
        f"<h{level + 1}>{_e(title)}</h{level + 1}>",
        "<ul>",
        *(f"<li>{_e(item)}</li>" for item in items),
        "</ul>",
    ]


def _article(view: Mapping[str, Any], *, level: int) -> list[str]:
    out = ["<article>"]
    headline = field_text(view, "headline")
    if headline:
        out.append(f"<h{level}>{_e(headline)}</h{level}>")
    meta = [_e(field_text(view, k)) for k in ("source", "published")]
    meta = [m for m in meta if m]
    url = field_text(view, "url")
    if url:
        if _SAFE_URL.match(url):
            meta.append(f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>')
        else:
            meta.append(_e(url))
    if meta:
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    lede = field_text(view, "lede")
    if lede:
        out.append(f'<p class="lede">{_e(lede)}</p>')
    key_points = text_list(view.get("key_points"))
    if not lede and not key_points:
        out += [f"<p>{_e(s)}</p>" for s in text_list(view.get("summary"))]
    out += _list("Key points", key_points, level)
    people = people_of(view)
    if people:
        out += [f"<h{level + 1}>People</h{level + 1}>", '<dl class="people">']
        for name, role in people:
            out.append(f"<dt>{_e(name)}</dt>" + (f"<dd>{_e(role)}</dd>" if role else ""))
        out.append("</dl>")
    for key, title in (("organizations", "Organizations"), ("places", "Places")):
        names = text_list(view.get(key))
        if names:
            out.append(f"<p><strong>{title}:</strong> {_e(', '.join(names))}</p>")
    quotes = quotes_of(view)
    if quotes:
        out.append(f"<h{level + 1}>Quotes</h{level + 1}>")
        for speaker, text, direct in quotes:
            words = f"“{_e(text)}”" if direct else _e(text)
            out.append(
                f"<figure><blockquote><p>{words}</p></blockquote>"
                f"<figcaption>— {_e(speaker)}</figcaption></figure>"
            )
    out += _list("Background", text_list(view.get("context")), level)
    dates = dates_of(view)
    if dates:
        items = [
            f'<time datetime="{_e(date)}">{_e(text)}</time>' if date else _e(text)
            for text, date in dates
        ]
        out.append("<p><strong>Dates:</strong> " + "; ".join(items) + "</p>")
    sources = text_list(view.get("sources"))
    if sources:
        out.append(f'<p class="meta">Sources: {_e(", ".join(sources))}</p>')
    timing = []
    reading = minutes_and_seconds(view.get("reading_seconds"))
    if reading:
        timing.append(f"{reading} to read the article")
    listening = minutes_and_seconds(view.get("listening_seconds"))
    if listening:
        timing.append(f"{listening} to listen to this briefing")
    if timing:
        out.append(f'<p class="timing">{_e("; ".join(timing))}</p>')
    out.append("</article>")
    return out
