"""Tests for the public API of the newsbrief package: exports, lazy imports, import time."""

from __future__ import annotations

import importlib
import inspect
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

import newsbrief

ROOT = Path(__file__).resolve().parent.parent

#: Names of submodules' ``__all__`` that must be importable from ``newsbrief``
#: itself ("*" means every name of that module's ``__all__``).
TOP_LEVEL_FROM = {
    "newsbrief.errors": "*",
    "newsbrief.model": "*",
    "newsbrief.ingest": ("read", "read_all"),
    "newsbrief.text.analysis": "*",
    "newsbrief.summarize": ("Budget", "Summary"),
    "newsbrief.briefing": ("BriefDate", "BriefQuote", "Briefing", "Person", "build_briefing"),
    "newsbrief.render": ("FORMATS", "ScriptPart", "script_parts", "speakable"),
    "newsbrief.digest": ("Digest", "Story"),
    "newsbrief.speech": (
        "Chapter",
        "Pyttsx3Engine",
        "Speaker",
        "SpeechEngine",
        "SpeechResult",
        "Voice",
    ),
}

#: Optional or heavy packages that ``import newsbrief`` must not load (``email``
#: pulls in ``socket`` and ``calendar``: a fifth of the import time).
HEAVY = ("pyttsx3", "trafilatura", "feedparser", "defusedxml", "num2words", "lxml", "dask",
         "distributed", "numpy", "hypothesis", "email", "socket")


def test_every_name_in_all_exists() -> None:
    missing = [name for name in newsbrief.__all__ if not hasattr(newsbrief, name)]
    assert missing == []


def test_all_is_sorted_and_unique() -> None:
    assert list(newsbrief.__all__) == sorted(set(newsbrief.__all__))


@pytest.mark.parametrize("module_name", sorted(TOP_LEVEL_FROM))
def test_public_names_of_core_modules_are_exported(module_name: str) -> None:
    module = importlib.import_module(module_name)
    wanted = TOP_LEVEL_FROM[module_name]
    names = tuple(module.__all__) if wanted == "*" else wanted
    for name in names:
        assert name in newsbrief.__all__, f"{module_name}.{name} is not in newsbrief.__all__"
        assert getattr(newsbrief, name) is getattr(module, name)


def test_exported_callables_and_classes_have_docstrings() -> None:
    undocumented = [
        name
        for name in newsbrief.__all__
        if inspect.isclass(getattr(newsbrief, name)) or inspect.isfunction(getattr(newsbrief, name))
        if not inspect.getdoc(getattr(newsbrief, name))
    ]
    assert undocumented == []


def test_exported_objects_are_defined_inside_newsbrief() -> None:
    foreign = []
    for name in newsbrief.__all__:
        value = getattr(newsbrief, name)
        module = getattr(value, "__module__", None)
        if (inspect.isclass(value) or inspect.isfunction(value)) and not str(module).startswith(
            "newsbrief"
        ):
            foreign.append(name)
    assert foreign == []


def test_submodule_all_lists_exist() -> None:
    for module_name in ("newsbrief.errors", "newsbrief.model", "newsbrief.ingest",
                        "newsbrief.cli"):
        module = importlib.import_module(module_name)
        for name in module.__all__:
            assert hasattr(module, name), f"{module_name}.__all__ names missing {name}"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_import_newsbrief_does_not_load_heavy_packages() -> None:
    result = _python(
        "import sys, newsbrief\n"
        f"heavy = {HEAVY!r}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_newsbrief_uses_the_checkout() -> None:
    result = _python("import newsbrief; print(newsbrief.__file__)")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).resolve() == ROOT / "newsbrief" / "__init__.py"


def _cost(code: str) -> float:
    """CPU seconds (user + system) a fresh interpreter spends running ``code``.

    CPU time rather than wall-clock time, so that other work on a busy
    machine does not count against the import.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def test_import_costs_under_100_ms_over_a_bare_interpreter() -> None:
    _cost("import newsbrief")  # warm the file system cache and the bytecode
    bare, loaded = [], []
    for _ in range(9):
        bare.append(_cost("pass"))
        loaded.append(_cost("import newsbrief"))
    overhead = statistics.median(loaded) - statistics.median(bare)
    assert overhead < 0.100, f"import newsbrief costs {overhead * 1000:.0f} ms"


def test_render_is_exported_as_the_callable_renderers_package() -> None:
    import newsbrief.render as render_package

    assert newsbrief.render is render_package
    article = newsbrief.Article.from_text("Bridge reopens\n\nThe Halden bridge reopened on Monday.")
    assert newsbrief.render(article.summary(sentences=1), "text").strip()
    assert "render" in newsbrief.__all__
