"""Renderers: a briefing, digest or summary as text, Markdown, JSON, HTML, SSML or script.

Each format is a small callable in its own module; :func:`render` picks one by
name::

    from newsbrief.render import render
    print(render(article.briefing(), "markdown"))

Renderers read the JSON dict contract (``obj.to_dict()``), so a
:class:`~newsbrief.briefing.Briefing`, a digest, a
:class:`~newsbrief.summarize.Summary` (its sentences), an
:class:`~newsbrief.model.Article` (briefed with default options) or such a
dict all render. The ``script`` format is plain text for a speech engine; a
speech backend uses :func:`script_parts` to get it in parts with pauses.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable

from newsbrief.errors import UnknownNameError
from newsbrief.render.script import ScriptPart, estimate_parts_seconds, script_parts
from newsbrief.render.spoken import speakable

__all__ = [
    "FORMATS",
    "ScriptPart",
    "estimate_parts_seconds",
    "get_renderer",
    "render",
    "script_parts",
    "speakable",
]

#: The output formats :func:`render` knows.
FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html", "ssml", "script")
_ALIASES = {"md": "markdown", "txt": "text", "speech": "script"}


def get_renderer(format: str) -> Callable[[object], str]:
    """Return the renderer for a format name (see :data:`FORMATS`).

    Raises:
        UnknownNameError: ``format`` is not a known format.
    """
    name = _ALIASES.get(format, format) if isinstance(format, str) else format
    if name == "text":
        from newsbrief.render.text import render_text

        return render_text
    if name == "markdown":
        from newsbrief.render.markdown import render_markdown

        return render_markdown
    if name == "json":
        from newsbrief.render.jsonfmt import render_json

        return render_json
    if name == "html":
        from newsbrief.render.html import render_html

        return render_html
    if name == "ssml":
        from newsbrief.render.ssml import render_ssml

        return render_ssml
    if name == "script":
        from newsbrief.render.script import render_script

        return render_script
    raise UnknownNameError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


def render(obj: object, format: str = "text") -> str:
    """Render a Briefing, Digest, Summary or Article in ``format``.

    Args:
        obj: What to render.
        format: One of :data:`FORMATS` ("text", "markdown", "json", "html",
            "ssml", "script").

    Returns:
        The rendered document, ending with a newline.

    Raises:
        UnknownNameError: ``format`` is not a known format.
        TypeError: ``obj`` cannot be rendered.
    """
    return get_renderer(format)(obj)


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`render`.

    ``newsbrief.render`` is both this package and the function users call
    (``newsbrief.render(briefing, "markdown")``). Importing any submodule binds
    the package to ``newsbrief.render``, so the package itself must be callable.
    """

    def __call__(self, obj: object, format: str = "text") -> str:
        return render(obj, format)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        # Pickled by name, like a function: batch and Dask workers receive it.
        return (importlib.import_module, (self.__name__,))


sys.modules[__name__].__class__ = _CallableModule
