"""setuptools' build backend, plus mypy when a compiled wheel is asked for.

``NEWSBRIEF_USE_MYPYC=1`` makes ``setup.py`` compile the hot modules with
mypyc, which ships with mypy; every other build needs setuptools only.
"""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the backend's other hooks)


def get_requires_for_build_wheel(config_settings=None):  # type: ignore[no-untyped-def]
    if os.environ.get("NEWSBRIEF_USE_MYPYC") == "1":
        # Not setuptools' hook: it runs setup.py, which needs mypyc already.
        # mypyc type-checks the modules it compiles, so the types of their
        # dependency must be there too.
        return ["mypy>=1.10", "attrs>=23.1"]
    return _setuptools.get_requires_for_build_wheel(config_settings)
