"""A short smoke run of the atheris fuzz targets (long runs stay outside CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "fuzz" / "fuzz_targets.py"

try:
    import atheris  # noqa: F401
except ImportError:  # pragma: no cover - atheris is in the test extra
    if os.environ.get("CI"):
        raise
    pytest.skip("atheris is not installed", allow_module_level=True)


@pytest.mark.parametrize("target", ["readers", "analysis", "briefing_json", "cli"])
def test_fuzz_target_survives_a_short_run_seeded_with_the_examples(
    target: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for example in sorted((ROOT / "examples").iterdir()):
        if example.suffix in {".txt", ".md", ".jsonl", ".json", ".xml", ".html"}:
            shutil.copy(example, corpus / example.name)
    result = subprocess.run(
        [sys.executable, str(HARNESS), target, str(corpus), "-atheris_runs=200", "-max_len=4096"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 200 " in result.stderr
