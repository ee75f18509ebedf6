"""SSML rendering: the speech script as Speech Synthesis Markup Language 1.1.

Built from :func:`~newsbrief.render.script.script_parts`, so SSML and the
plain speech script say the same words: each section is a ``<p>`` of ``<s>``
sentences, followed by a ``<break>`` as long as
:data:`newsbrief.timing.PAUSE_SECONDS` asks; the first part of each story
carries a ``<mark>`` for chapter navigation. All text is escaped and stripped
of characters XML cannot hold, so the output is well-formed for any input.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from newsbrief.render.script import ScriptPart, script_parts
from newsbrief.timing import PAUSE_SECONDS

__all__ = ["render_ssml", "ssml_from_parts"]

# Characters XML 1.0 does not allow, even escaped.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(text: str) -> str:
    return escape(_XML_INVALID.sub(" ", text), {'"': "&quot;", "'": "&apos;"})


def ssml_from_parts(parts: tuple[ScriptPart, ...], *, language: str = "en") -> str:
    """Wrap script parts in a ``<speak>`` document."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" '
        f'xml:lang="{_text(language)}">',
    ]
    paragraph: list[str] = []
    chapter = 0
    for index, part in enumerate(parts):
        if part.title is not None:
            chapter += 1
            paragraph.append(f'<mark name="chapter-{chapter}"/>')
        paragraph.append(f"<s>{_text(part.text)}</s>")
        if part.pause != "sentence":
            lines.append("<p>" + "".join(paragraph) + "</p>")
            paragraph = []
            milliseconds = round(PAUSE_SECONDS[part.pause] * 1000)
            if milliseconds and index < len(parts) - 1:
                lines.append(f'<break time="{milliseconds}ms"/>')
    if paragraph:
        lines.append("<p>" + "".join(paragraph) + "</p>")
    lines.append("</speak>")
    return "\n".join(lines) + "\n"


def render_ssml(obj: object) -> str:
    """Render a Briefing, Digest or Summary as an SSML document."""
    return ssml_from_parts(script_parts(obj))
