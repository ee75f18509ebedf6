"""Build script: pure Python by default, mypyc-compiled hot paths on request.

``NEWSBRIEF_USE_MYPYC=1 pip install .`` compiles the modules listed in
``newsbrief/_build.py`` with mypyc (it needs a C compiler and the Python
headers, e.g. ``apt-get install gcc python3-dev``). Editable installs always
stay pure Python: a compiled module would shadow edits to its source.
Everything else about the package is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

from setuptools import setup


def _mypyc_modules() -> list[str]:
    # Read the list without importing the package (its dependencies may not
    # be installed in the build environment).
    tree = ast.parse(Path("newsbrief", "_build.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MYPYC_MODULES":
            return [str(Path(*name.split("."))) + ".py" for name in ast.literal_eval(node.value)]
    raise RuntimeError("newsbrief/_build.py defines no MYPYC_MODULES")


ext_modules = []
if os.environ.get("NEWSBRIEF_USE_MYPYC") == "1" and "editable_wheel" not in sys.argv:
    from mypyc.build import mypycify

    ext_modules = mypycify(_mypyc_modules(), opt_level="3")

setup(ext_modules=ext_modules)
