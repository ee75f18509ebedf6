"""The optional mypyc-compiled build: which modules it covers, and that it
gives exactly the outputs of the pure-Python package.

Building the wheel compiles C for about two minutes, so that test runs in CI
(``CI`` set) or when ``NEWSBRIEF_TEST_COMPILED=1``; elsewhere it skips.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief._build import MYPYC_MODULES, compiled_modules

REPO = Path(__file__).resolve().parent.parent


def test_compiled_modules_are_sorted_and_exist() -> None:
    assert list(MYPYC_MODULES) == sorted(set(MYPYC_MODULES))
    for name in MYPYC_MODULES:
        assert importlib.util.find_spec(name) is not None, name


def test_source_tree_runs_as_pure_python() -> None:
    # The tests import the source tree; a stray compiled module would shadow
    # its .py file and hide edits.
    assert compiled_modules() == (), "compiled modules in the tree: git clean -fX newsbrief"


def _wanted() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("NEWSBRIEF_TEST_COMPILED") == "1"


@pytest.mark.skipif(not _wanted(), reason="builds C for minutes: CI or NEWSBRIEF_TEST_COMPILED=1")
def test_compiled_wheel_gives_the_same_outputs(tmp_path: Path) -> None:
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.fail("a C compiler is needed (apt-get install gcc python3-dev)")
    env = {**os.environ, "NEWSBRIEF_USE_MYPYC": "1", "PYTHONHASHSEED": "0"}
    # Build from a copy of what the sdist holds, as a fresh install would: the
    # checkout's build/ and .mypy_cache/ could stand in for what is missing.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    for name in ("_build_backend", "newsbrief"):
        shutil.copytree(REPO / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    # ...and with a fresh virtual environment's pip, which has none of the
    # runtime dependencies that mypyc needs the types of.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    build = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path / "wheel"), str(source)],
        env={k: v for k, v in env.items() if k != "PYTHONPATH"},
        capture_output=True, text=True, timeout=1800,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = (tmp_path / "wheel").glob("newsbrief-*.whl")
    assert "none-any" not in wheel.name  # a platform wheel: C extensions inside
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(wheel)],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert install.returncode == 0, install.stderr[-3000:]

    def run(path: Path) -> list[str]:
        # Started from tmp_path so that only PYTHONPATH decides which
        # newsbrief is imported.
        proc = subprocess.run(
            [sys.executable, str(REPO / "tests" / "build_outputs.py"), str(REPO)],
            env={**env, "PYTHONPATH": str(path)}, cwd=tmp_path, capture_output=True,
            text=True, timeout=600,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        return proc.stdout.splitlines()

    pure, compiled = run(REPO), run(target)
    assert json.loads(pure[0]) == {"compiled": []}
    assert json.loads(compiled[0]) == {"compiled": list(MYPYC_MODULES)}
    assert len(pure) > 1000
    differing = [i for i, (a, b) in enumerate(zip(pure[1:], compiled[1:], strict=True)) if a != b]
    assert not differing, f"{len(differing)} texts differ, first: {pure[differing[0] + 1][:500]}"
