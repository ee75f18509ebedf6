"""Markdown rendering (CommonMark): headings, bullet lists, block quotes.

All article text is escaped, so a ``*``, ``_``, ``[``, ``<`` or ``#`` in a
story is shown as written and never turns into emphasis, a link or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!{}])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Escape ``text`` so Markdown shows it literally (one line, spaces collapsed)."""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        if marker[0].isdigit():
            # "1962. A year..." would start an ordered list: escape the dot.
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[: match.start(2)] + "\\" + text[match.start(2) :]
    return text


def render_markdown(obj: object) -> str:
    """Render a Briefing, Digest or Summary as Markdown."""
    view = as_view(obj)
    if not is_digest(view):
        return "\n".join(_briefing(view, level=1)).rstrip() + "\n"
    lines: list[str] = []
    title = field_text(view, "title") or "Digest"
    lines += [f"# {escape_markdown(title)}", ""]
    intro = field_text(view, "intro")
    if intro:
        lines += [escape_markdown(intro), ""]
    for _transition, story in stories_of(view):
        lines += _briefing({**story, "headline": heading_of(story)}, level=2)
        sources = text_list(story.get("sources"))
        if sources:
            lines += ["*Sources:* " + ", ".join(escape_markdown(s) for s in sources), ""]
    outro = field_text(view, "outro")
    if outro:
        lines += [escape_markdown(outro), ""]
    total = minutes_and_seconds(view.get("listening_seconds"))
    if total:
        lines.append(f"*Listening time: {total}*")
    return "\n".join(lines).rstrip() + "\n"


def _list(title: str, items: list[str], level: int) -> list[str]:
    if not items:
        return []
    return [f"{'#' * (level + 1)} {title}", "", *(f"- {item}" for item in items), ""]


def _briefing(view: Mapping[str, Any], *, level: int) -> list[str]:
    lines: list[str] = []
    headline = field_text(view, "headline")
    if headline:
        lines += [f"{'#' * level} {escape_markdown(headline)}", ""]
    meta = [escape_markdown(field_text(view, k)) for k in ("source", "published")]
    meta = [m for m in meta if m]
    url = field_text(view, "url")
    if url:
        meta.append(f"<{url}>" if _is_plain_url(url) else escape_markdown(url))
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    lede = field_text(view, "lede")
    if lede:
        lines += [f"**{escape_markdown(lede)}**", ""]
    key_points = text_list(view.get("key_points"))
    if not lede and not key_points:
        summary = text_list(view.get("summary"))
        if summary:
            lines += [" ".join(escape_markdown(s) for s in summary), ""]
    lines += _list("Key points", [escape_markdown(k) for k in key_points], level)
    people = [
        f"**{escape_markdown(name)}**" + (f", {escape_markdown(role)}" if role else "")
        for name, role in people_of(view)
    ]
    lines += _list("People", people, level)
    for key, title in (("organizations", "Organizations"), ("places", "Places")):
        names = text_list(view.get(key))
        if names:
            lines += [f"**{title}:** " + ", ".join(escape_markdown(n) for n in names), ""]
    quotes = quotes_of(view)
    if quotes:
        lines += [f"{'#' * (level + 1)} Quotes", ""]
        for speaker, text, direct in quotes:
            words = f"“{escape_markdown(text)}”" if direct else escape_markdown(text)
            lines += [f"> {words}", f"> — {escape_markdown(speaker)}", ""]
    lines += _list(
        "Background", [escape_markdown(c) for c in text_list(view.get("context"))], level
    )
    dates = [
        escape_markdown(text) + (f" ({date})" if date else "") for text, date in dates_of(view)
    ]
    if dates:
        lines += ["**Dates:** " + "; ".join(dates), ""]
    timing = []
    reading = minutes_and_seconds(view.get("reading_seconds"))
    if reading:
        timing.append(f"{reading} to read the article")
    listening = minutes_and_seconds(view.get("listening_seconds"))
    if listening:
        timing.append(f"{listening} to listen to this briefing")
    if timing:
        lines += ["*" + "; ".join(timing) + "*", ""]
    return lines


_SAFE_URL = re.compile(r"^https?://[^\s<>`\\]+$")


def _is_plain_url(url: str) -> bool:
    return bool(_SAFE_URL.match(url))
