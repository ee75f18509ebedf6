"""Print, as JSON lines, what newsbrief makes of a fixed corpus.

Run by ``tests/test_build.py`` once against the source tree and once against a
mypyc-compiled wheel: the two outputs must be byte-identical. The corpus is
every bundled example plus every sentence-like string in the analysis tests
(each alone and in shuffled groups), so the compiled code meets the same edge
cases the tests were written for. Usage: ``python build_outputs.py REPO``.
"""

from __future__ import annotations

import ast
import json
import random
import sys
from pathlib import Path

import newsbrief
from newsbrief._build import compiled_modules
from newsbrief.summarize import available_methods

_TEST_MODULES = ("test_quotes", "test_entities", "test_roles", "test_dates", "test_segment",
                 "test_summarize", "test_briefing", "test_spoken", "test_analysis")


def corpus(repo: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted((repo / "examples").iterdir()):
        if path.suffix in {".txt", ".md", ".html", ".jsonl", ".xml"}:
            texts.extend(a.text for a in newsbrief.read_all(path))
    strings: list[str] = []
    for name in _TEST_MODULES:
        tree = ast.parse((repo / "tests" / f"{name}.py").read_text(encoding="utf-8"))
        strings.extend(
            node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and " " in node.value and len(node.value) > 20
        )
    strings = sorted(set(strings))
    texts.extend(strings)
    rng = random.Random(7)
    for _ in range(300):
        texts.append("Headline\n\n" + "\n\n".join(rng.sample(strings, min(6, len(strings)))))
    return texts


def outputs(text: str) -> object:
    try:
        article = newsbrief.Article.from_text(text)
        briefing = article.briefing()
        return {
            "sentences": [s.text for s in article.sentences],
            "entities": [repr(e) for e in article.entities],
            "quotes": [repr(q) for q in article.quotes],
            "dates": [repr(d) for d in article.dates],
            "summary": [
                [repr(s) for s in article.summary(**budget, method=method).sentences]
                for method in available_methods()
                for budget in ({"sentences": 2}, {"words": 40}, {"seconds": 20.0})
            ],
            "briefing": briefing.to_dict(),
            "script": newsbrief.render(briefing, "script"),
            "ssml": newsbrief.render(briefing, "ssml"),
        }
    except newsbrief.NewsbriefError as exc:
        return f"{type(exc).__name__}: {exc}"


def main() -> None:
    repo = Path(sys.argv[1])
    out = sys.stdout
    out.write(json.dumps({"compiled": list(compiled_modules())}) + "\n")
    for text in corpus(repo):
        out.write(json.dumps(outputs(text), sort_keys=True, default=str) + "\n")


if __name__ == "__main__":
    main()
