"""Which modules the optional compiled build turns into C extensions.

``NEWSBRIEF_USE_MYPYC=1 pip install .`` compiles these modules with mypyc
(see ``setup.py``); they are the analysis, summary, briefing-composition and
speech-text hot paths, all plain typed functions. Everything else (the attrs result types with
converters, I/O, the CLI) stays Python in either build. The outputs of the two
builds are identical; ``tests/test_build.py`` checks it.
"""

from __future__ import annotations

import importlib
import importlib.machinery

MYPYC_MODULES = (
    "newsbrief._compose",
    "newsbrief.render.numwords",
    "newsbrief.render.spoken",
    "newsbrief.summarize.centrality",
    "newsbrief.summarize.features",
    "newsbrief.summarize.select",
    "newsbrief.summarize.signals",
    "newsbrief.text.analysis",
    "newsbrief.text.dates",
    "newsbrief.text.entities",
    "newsbrief.text.knowledge",
    "newsbrief.text.quotes",
    "newsbrief.text.roles",
    "newsbrief.text.segment",
    "newsbrief.text.tokens",
    "newsbrief.timing",
)


def compiled_modules() -> tuple[str, ...]:
    """The modules of :data:`MYPYC_MODULES` that were loaded from C extensions.

    Empty for the default pure-Python install. Importing the modules is the
    only way to know which file Python picks, so this loads the analysis.
    """
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return tuple(
        name
        for name in MYPYC_MODULES
        if (getattr(importlib.import_module(name), "__file__", None) or "").endswith(suffixes)
    )
