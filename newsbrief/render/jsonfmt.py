"""JSON rendering: the briefing or digest dict contract, pretty-printed."""

from __future__ import annotations

import json

from newsbrief.render._view import as_view

__all__ = ["render_json"]


def render_json(obj: object) -> str:
    """Render ``obj.to_dict()`` as indented JSON (UTF-8 text, keys in contract order)."""
    return json.dumps(as_view(obj), ensure_ascii=False, indent=2, default=str) + "\n"
