"""What renderers read: a briefing or digest as its JSON-ready dict.

Every renderer works from the dict contract, so anything that produces it
renders: a :class:`~newsbrief.briefing.Briefing`, a digest (any object whose
``to_dict()`` has a ``stories`` list of briefing dicts), a plain mapping of
either, an :class:`~newsbrief.model.Article` (briefed with default options) or
a :class:`~newsbrief.summarize.Summary` (its sentences become a bare briefing
with only a ``summary``).

Digest dicts hold ``stories`` (briefing dicts, each optionally with a
``transition`` line said before it and ``sources``), and optionally ``title``,
``date``, ``intro``, ``transitions`` (one line per story, when stories carry
none), ``outro`` and ``listening_seconds``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "Renderable",
    "as_view",
    "dates_of",
    "field_text",
    "is_digest",
    "minutes_and_seconds",
    "people_of",
    "quotes_of",
    "stories_of",
    "text_list",
]


@runtime_checkable
class Renderable(Protocol):
    """Anything with the briefing or digest dict contract."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict the renderers read."""
        ...  # pragma: no cover - protocol


def as_view(obj: object) -> dict[str, Any]:
    """Return the dict a renderer reads for ``obj``.

    Raises:
        TypeError: ``obj`` is none of the supported kinds.
    """
    from newsbrief.model import Article

    if isinstance(obj, Article):
        return obj.briefing().to_dict()
    if isinstance(obj, Mapping):
        return dict(obj)
    sentences = getattr(obj, "sentences", None)
    if sentences is not None and hasattr(obj, "scores"):
        return {"headline": "", "summary": [str(getattr(s, "text", s)) for s in sentences]}
    if isinstance(obj, Renderable):
        data = obj.to_dict()
        if not isinstance(data, Mapping):
            raise TypeError(f"{type(obj).__name__}.to_dict() did not return a mapping")
        return dict(data)
    raise TypeError(
        f"cannot render {type(obj).__name__}: expected a Briefing, a Digest, a Summary, "
        "an Article or a mapping"
    )


def is_digest(view: Mapping[str, Any]) -> bool:
    """Whether a view is a digest (it has a list of stories)."""
    return isinstance(view.get("stories"), Sequence) and not isinstance(view.get("stories"), str)


def stories_of(view: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The ``(transition, story)`` pairs of a digest view, in order."""
    stories = [dict(s) for s in view.get("stories") or () if isinstance(s, Mapping)]
    transitions = view.get("transitions")
    out = []
    for index, story in enumerate(stories):
        line = story.get("transition")
        if not line and isinstance(transitions, Sequence) and index < len(transitions):
            line = transitions[index]
        out.append((str(line or ""), story))
    return out


def text_list(value: object, key: str = "name") -> list[str]:
    """Strings of a view field that holds strings or dicts with ``key``."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    out = []
    for item in value:
        if isinstance(item, Mapping):
            text = item.get(key)
            if text:
                out.append(str(text))
        elif item:
            out.append(str(item))
    return out


def field_text(view: Mapping[str, Any], key: str) -> str:
    """A string field of a view ("" when absent or null)."""
    value = view.get(key)
    return "" if value is None else str(value)


def heading_of(story: Mapping[str, Any]) -> str:
    """A digest story's heading: its headline, or its title (the lede's first words)."""
    return field_text(story, "headline") or field_text(story, "title")


def people_of(view: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(name, role)`` pairs of a view's ``people`` (role "" when unknown)."""
    out = []
    for item in view.get("people") or ():
        if isinstance(item, Mapping) and item.get("name"):
            out.append((str(item["name"]), str(item.get("role") or "")))
        elif isinstance(item, str) and item:
            out.append((item, ""))
    return out


def quotes_of(view: Mapping[str, Any]) -> list[tuple[str, str, bool]]:
    """``(speaker, text, direct)`` triples of a view's ``quotes``."""
    out = []
    for item in view.get("quotes") or ():
        if isinstance(item, Mapping) and item.get("text"):
            out.append(
                (str(item.get("speaker") or ""), str(item["text"]), bool(item.get("direct", True)))
            )
    return out


def dates_of(view: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(text, iso_date)`` pairs of a view's ``dates`` (date "" when unresolved)."""
    out = []
    for item in view.get("dates") or ():
        if isinstance(item, Mapping) and item.get("text"):
            date = str(item.get("date") or "")
            # Show only what is known: "1962", not "1962-01-01".
            keep = _DATE_LENGTH.get(str(item.get("granularity")), len(date))
            text = str(item["text"])
            shown = date[:keep] + ("s" if item.get("granularity") == "decade" and date else "")
            out.append((text, "" if shown in text else shown))
    return out


_DATE_LENGTH = {"year": 4, "decade": 4, "month": 7}


def minutes_and_seconds(seconds: object) -> str:
    """``"1 min 5 s"`` for a number of seconds ("" when not a number)."""
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
        return ""
    total = round(seconds)
    minutes, rest = divmod(total, 60)
    if minutes:
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    return f"{rest} s"
