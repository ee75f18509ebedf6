"""The robustness documentation names only tests that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = re.compile(r"tests/(test_\w+)\.py::(test_\w+)")


def test_every_test_named_in_robustness_md_exists() -> None:
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    references = set(REFERENCE.findall(doc))
    assert len(references) >= 60
    missing = []
    for module, name in sorted(references):
        path = ROOT / "tests" / f"{module}.py"
        source = path.read_text(encoding="utf-8") if path.exists() else ""
        if not re.search(rf"^def {name}\(", source, re.MULTILINE):
            missing.append(f"tests/{module}.py::{name}")
    assert not missing, missing


def test_robustness_md_covers_every_catalogue_case_of_the_issue() -> None:
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8").lower()
    for case in (
        "empty file", "whitespace only", "only a headline", "binary data and nul bytes",
        "invalid utf-8", "a 50 mb text", "200,000-character", "no punctuation", "all capitals",
        "html with scripts and styles", "html nested 100,000 deep", "billion-laughs",
        "json of the wrong shape", "unknown cli flags", "unreadable input path",
        "missing folder", "read-only folder", "full disk", "ctrl-c",
    ):  # fmt: skip
        assert case in doc, case
