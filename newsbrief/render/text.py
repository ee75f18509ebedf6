"""Plain-text rendering: a briefing or digest for a terminal or an e-mail."""

from __future__ import annotations

import textwrap
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

__all__ = ["render_text"]

_WIDTH = 78


def render_text(obj: object) -> str:
    """Render a Briefing, Digest or Summary as plain text (wrapped at 78 columns)."""
    view = as_view(obj)
    if not is_digest(view):
        return "\n".join(_briefing(view)).rstrip() + "\n"
    lines: list[str] = []
    title = field_text(view, "title")
    if title:
        lines += [title, "=" * min(len(title), _WIDTH), ""]
    intro = field_text(view, "intro")
    if intro:
        lines += [*_wrap(intro), ""]
    for number, (_transition, story) in enumerate(stories_of(view), 1):
        lines += [f"[{number}] " + (heading_of(story) or "Untitled")]
        lines += _briefing(story, with_headline=False)
        sources = text_list(story.get("sources"))
        if sources:
            lines += [*_wrap("Sources: " + ", ".join(sources)), ""]
    outro = field_text(view, "outro")
    if outro:
        lines += [*_wrap(outro), ""]
    total = minutes_and_seconds(view.get("listening_seconds"))
    if total:
        lines.append(f"Listening time: {total}")
    return "\n".join(lines).rstrip() + "\n"


def _wrap(text: str, indent: str = "", hang: str = "") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width=_WIDTH,
        initial_indent=indent,
        subsequent_indent=hang or indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _bullets(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    lines = [f"{title}:"]
    for item in items:
        lines += _wrap(item, "  - ", "    ")
    return [*lines, ""]


def _briefing(view: Mapping[str, Any], *, with_headline: bool = True) -> list[str]:
    lines: list[str] = []
    headline = field_text(view, "headline")
    if with_headline and headline:
        lines += _wrap(headline)
        lines.append("=" * min(len(headline), _WIDTH))
    meta = [field_text(view, k) for k in ("source", "published", "url")]
    meta = [m for m in meta if m]
    if meta:
        lines += _wrap(" | ".join(meta))
    if lines:
        lines.append("")
    lede = field_text(view, "lede")
    if lede:
        lines += [*_wrap(lede), ""]
    key_points = text_list(view.get("key_points"))
    if not lede and not key_points:
        summary = text_list(view.get("summary"))
        if summary:
            lines += [*_wrap(" ".join(summary)), ""]
    lines += _bullets("Key points", key_points)
    people = [f"{name}, {role}" if role else name for name, role in people_of(view)]
    lines += _bullets("People", people)
    for key, title in (("organizations", "Organizations"), ("places", "Places")):
        names = text_list(view.get(key))
        if names:
            lines += [*_wrap(f"{title}: " + ", ".join(names)), ""]
    quotes = [
        (f"“{text}” ({speaker})" if direct else f"{speaker}: {text}")
        for speaker, text, direct in quotes_of(view)
    ]
    lines += _bullets("Quotes", quotes)
    lines += _bullets("Background", text_list(view.get("context")))
    dates = [f"{text} ({date})" if date else text for text, date in dates_of(view)]
    if dates:
        lines += [*_wrap("Dates: " + "; ".join(dates)), ""]
    timing = []
    reading = minutes_and_seconds(view.get("reading_seconds"))
    if reading:
        words = view.get("word_count")
        timing.append(
            f"article {words} words, {reading} to read" if words else f"{reading} to read"
        )
    listening = minutes_and_seconds(view.get("listening_seconds"))
    if listening:
        timing.append(f"briefing {listening} to listen")
    if timing:
        lines += [*_wrap("Time: " + "; ".join(timing)), ""]
    return lines
