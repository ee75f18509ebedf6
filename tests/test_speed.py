"""Performance properties that must hold whatever the machine: no repeated work, no quadratic steps.

Timings use process CPU time (the test machine is shared) and compare runs
of the same code against each other, never against a fixed number of seconds.
"""

from __future__ import annotations

import gc
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsbrief.text.analysis as analysis_module
import newsbrief.text.entities as entities_module
from newsbrief import Article

STORY = """Harbour board backs Velmont ferry plan after long dispute

The Velmont harbour board approved a new ferry link to Oster Island on Tuesday, \
ending a dispute that has run since March 2021.

Board chair Marta Quell said the vote was "a fair deal for both shores". \
Opponents, led by councillor Idris Fenn, had argued the plan would cost $14.5m more than planned.

The first crossings are expected on 3 June, Ms. Quell told reporters. \
Mr. Fenn said he would keep pressing for an independent review of the contract.

The Oster Island Ferry Company, which will run the service, said it had ordered two \
vessels from a yard in Brennick. "We are ready," its chief executive, Paulo Andrade, said.
"""


def _cpu(func: Callable[[], Any], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        # A full collection first: otherwise one triggered inside a run walks
        # the whole test session's heap, and large runs trigger more of them.
        gc.collect()
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return best


def test_analysis_runs_once_per_article_whatever_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real = analysis_module.analyze

    def counting(article: Article) -> Any:
        calls.append(1)
        return real(article)

    monkeypatch.setattr(analysis_module, "analyze", counting)
    article = Article.from_text(STORY, published="2026-03-10")
    article.briefing()
    article.briefing(seconds=20)
    article.summary(sentences=2)
    _ = (article.entities, article.quotes, article.dates, article.analysis)
    article.briefing().to_dict()
    assert len(calls) == 1


def test_a_new_article_is_analysed_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = analysis_module.analyze

    def counting(article: Article) -> Any:
        calls.append(1)
        return real(article)

    monkeypatch.setattr(analysis_module, "analyze", counting)
    Article.from_text(STORY).briefing()
    Article.from_text(STORY).briefing()
    assert len(calls) == 2


def test_benchmarks_empty_the_memos_but_keep_the_loaded_data() -> None:
    # benchmarks/_peers.clear_memos runs before every timed pass, so that a
    # pass measures unseen articles; it must find the memos it is meant for.
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "_peers.py"
    spec = importlib.util.spec_from_file_location("_bench_peers", path)
    assert spec is not None and spec.loader is not None
    peers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(peers)
    Article.from_text(STORY).briefing()
    assert entities_module._run_info.cache_info().currsize > 0
    assert peers.clear_memos() >= 4
    assert entities_module._run_info.cache_info().currsize == 0
    assert entities_module._run_candidates.cache_info().currsize == 0
    # Load-once data (functools.cache of a function without arguments) stays.
    assert entities_module.knowledge.cache_info().currsize == 1


def _repeated(times: int) -> str:
    headline, _, body = STORY.partition("\n\n")
    return headline + "\n\n" + "\n\n".join([body.strip()] * times)


def test_briefing_time_grows_linearly_with_article_length() -> None:
    # Repeating the body 8 times more must cost well under 8 x 1.5 as much:
    # a quadratic step (all pairs of sentences, of mentions...) would cost 64x.
    small, large = _repeated(4), _repeated(32)
    Article.from_text(large).briefing()  # warm-up: lazy imports and data
    t_small = _cpu(lambda: Article.from_text(small).briefing().to_dict(), runs=5)
    t_large = _cpu(lambda: Article.from_text(large).briefing().to_dict(), runs=3)
    assert t_large <= 12 * t_small, (t_small, t_large)


def test_segmentation_time_grows_linearly_with_text_length() -> None:
    small, large = _repeated(8), _repeated(128)
    t_small = _cpu(lambda: Article.from_text(small), runs=5)
    t_large = _cpu(lambda: Article.from_text(large), runs=3)
    assert t_large <= 24 * t_small, (t_small, t_large)
