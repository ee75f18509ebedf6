"""newsbrief.batch: process pools, streaming, order, progress and per-input errors."""

from __future__ import annotations

import json
import operator
import os
import signal
import time
from collections.abc import Iterator

import pytest

from newsbrief import Article, UnknownNameError, batch

HEADLINE = operator.attrgetter("headline")


def _article(n: int) -> dict[str, str]:
    return {
        "id": f"a{n}",
        "title": f"Council approves budget number {n}",
        "text": (
            f"The Harwick council approved budget {n} on Tuesday. Mayor Elin Darrow said "
            f'"we kept our promise" after the vote.\n\nThe plan adds {n} buses by March.'
        ),
    }


def _lines(count: int) -> list[str]:
    return [json.dumps(_article(n)) for n in range(count)]


def test_results_come_back_in_input_order_with_two_workers() -> None:
    items = _lines(50)
    results = list(batch.map_articles(HEADLINE, items, workers=2, chunksize=3))
    assert [r.index for r in results] == list(range(50))
    assert [r.value for r in results] == [f"Council approves budget number {n}" for n in range(50)]
    assert all(r.ok for r in results)


def test_pool_and_in_process_runs_give_equal_results() -> None:
    items = [*_lines(20), "not json", {"title": "x"}]
    func = operator.attrgetter("sentences")
    pooled = list(batch.map_articles(func, items, workers=2, chunksize=4))
    local = list(batch.map_articles(func, items, workers=1, chunksize=4))
    assert pooled == local
    assert len(pooled[0].value or ()) == 3


def test_accepts_articles_dicts_and_json_lines() -> None:
    data = _article(7)
    items = [Article.from_dict(data), data, json.dumps(data), json.dumps(data).encode()]
    values = [r.value for r in batch.map_articles(HEADLINE, items, workers=1)]
    assert values == [data["title"]] * 4


def test_bad_inputs_give_error_results_and_the_run_goes_on() -> None:
    items = ["{broken", "[1, 2]", {"title": "no body"}, 42, _article(1)]
    results = list(batch.map_articles(HEADLINE, items, workers=2, chunksize=1))
    assert [r.error.type if r.error else None for r in results] == [
        "InputFormatError",
        "InputFormatError",
        "InvalidArticleError",
        "InvalidArticleError",
        None,
    ]
    assert results[0].value is None
    assert "not valid JSON" in (results[0].error.message if results[0].error else "")
    assert results[4].value == _article(1)["title"]


def _explode(article: Article) -> int:
    if "3" in article.headline:
        raise KeyError("boom")
    return len(article.sentences)


def test_an_exception_in_the_function_is_recorded_per_input() -> None:
    results = list(batch.map_articles(_explode, _lines(6), workers=2, chunksize=2))
    assert [r.ok for r in results] == [True, True, True, False, True, True]
    assert results[3].error == batch.BatchError("KeyError", "'boom'")


def test_progress_reports_start_each_chunk_and_total() -> None:
    calls: list[tuple[int, int | None]] = []
    list(
        batch.map_articles(
            HEADLINE, _lines(10), workers=1, chunksize=4, progress=lambda d, t: calls.append((d, t))
        )
    )
    assert calls == [(0, 10), (4, 10), (8, 10), (10, 10)]


def test_progress_total_is_none_for_an_iterator_input() -> None:
    calls: list[tuple[int, int | None]] = []
    items = iter(_lines(5))
    list(
        batch.map_articles(
            HEADLINE, items, workers=2, chunksize=2, progress=lambda d, t: calls.append((d, t))
        )
    )
    assert calls[0] == (0, None)
    assert calls[-1] == (5, None)


def test_input_is_consumed_lazily_with_a_bounded_window() -> None:
    pulled = 0

    def source() -> Iterator[str]:
        nonlocal pulled
        for line in _lines(400):
            pulled += 1
            yield line

    results = batch.map_articles(HEADLINE, source(), workers=2, chunksize=5)
    first = next(results)
    assert first.index == 0
    # 2 workers x 2 chunks in flight x 5 items, plus at most the chunk being read.
    assert pulled <= 25
    results.close()


def test_stopping_early_does_not_wait_for_the_whole_input() -> None:
    start = time.perf_counter()
    results = batch.map_articles(HEADLINE, _lines(20_000), workers=2, chunksize=10)
    assert next(results).ok
    results.close()
    assert time.perf_counter() - start < 10


def test_in_process_run_needs_no_pickling() -> None:
    results = batch.map_articles(lambda a: a.headline.upper(), _lines(3), workers=1)
    assert [r.value for r in results] == [f"COUNCIL APPROVES BUDGET NUMBER {n}" for n in range(3)]


def test_pool_works_with_the_spawn_start_method() -> None:
    results = list(
        batch.map_articles(HEADLINE, _lines(12), workers=2, chunksize=3, start_method="spawn")
    )
    assert [r.value for r in results] == [f"Council approves budget number {n}" for n in range(12)]


@pytest.mark.parametrize("workers", [0, -1, 1.5, True])
def test_bad_worker_counts_are_refused_before_any_work(workers: object) -> None:
    with pytest.raises(ValueError, match="workers"):
        batch.map_articles(HEADLINE, _lines(3), workers=workers)  # type: ignore[arg-type]


def test_bad_chunksize_is_refused() -> None:
    with pytest.raises(ValueError, match="chunksize"):
        batch.map_articles(HEADLINE, _lines(3), chunksize=0)


def test_default_workers_is_at_least_one() -> None:
    assert batch.default_workers() >= 1


def test_process_jsonl_unknown_task_is_refused_up_front() -> None:
    with pytest.raises(UnknownNameError, match="translate"):
        batch.process_jsonl([], task="translate")


def test_process_jsonl_unknown_option_is_refused_up_front() -> None:
    with pytest.raises(UnknownNameError, match="colour"):
        batch.process_jsonl([], task="summary", options={"colour": "red"})


def test_process_jsonl_gives_one_error_record_per_bad_line_with_its_number() -> None:
    lines = ["\n", "{oops\n", "   \n", '{"id": "x9", "title": "t"}\n', "[]\n"]
    stats = batch.JsonlStats()
    out = list(batch.process_jsonl(lines, task="summary", workers=1, where="in.jsonl", stats=stats))
    assert [(r["id"], r["line"], r["error"]["type"]) for r in out] == [
        (None, 2, "InputFormatError"),
        ("x9", 4, "InvalidArticleError"),
        (None, 5, "InputFormatError"),
    ]
    assert all(batch.is_error(r) for r in out)
    assert out[0]["error"]["message"].startswith("in.jsonl, line 2: ")
    assert (stats.records, stats.errors) == (3, 3)


def test_process_jsonl_progress_counts_lines_including_blank_ones() -> None:
    calls: list[tuple[int, int | None]] = []
    lines = ["{x", "", "{y", "", ""]
    list(
        batch.process_jsonl(
            lines,
            task="summary",
            workers=1,
            chunksize=1,
            progress=lambda d, t: calls.append((d, t)),
        )
    )
    assert calls[0] == (0, 5)
    assert calls[-1] == (5, 5)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_record_never_raises_for_a_bad_input() -> None:
    rec = batch.record("not json at all", task="brief", line=3)
    assert rec == {
        "id": None,
        "line": 3,
        "error": {"type": "InputFormatError", "message": rec["error"]["message"]},
    }


def test_record_refuses_an_unknown_task() -> None:
    with pytest.raises(UnknownNameError):
        batch.record(_article(1), task="poem")


def test_briefings_equal_the_single_article_api_in_order() -> None:
    items = _lines(30)
    got = list(batch.briefings(items, workers=2, chunksize=4, seconds=30))
    expected = [Article.from_dict(json.loads(line)).briefing(seconds=30) for line in items]
    assert [r.value for r in got] == expected
    assert all(r.ok for r in got)


def test_summaries_equal_the_single_article_api() -> None:
    items = [_article(n) for n in range(6)]
    got = list(batch.summaries(items, workers=1, sentences=1))
    assert [r.value for r in got] == [Article.from_dict(d).summary(sentences=1) for d in items]


def test_process_jsonl_ok_records_are_to_dict_plus_the_input_id() -> None:
    lines = [json.dumps({**_article(1), "id": 17}), json.dumps(_article(2))]
    out = list(batch.process_jsonl(lines, task="brief", workers=1))
    first = Article.from_dict(json.loads(lines[0])).briefing().to_dict()
    assert out[0] == {**first, "id": 17}
    assert out[1]["id"] == "a2"
    assert not any(batch.is_error(r) for r in out)


def test_process_jsonl_text_lines_equal_the_dict_records() -> None:
    lines = [*_lines(70), "{bad", ""]
    text = list(batch.process_jsonl_text(lines, task="summary", workers=2, options={"words": 20}))
    dicts = list(batch.process_jsonl(lines, task="summary", workers=1, options={"words": 20}))
    assert [json.loads(t) for t in text] == dicts
    assert len(dicts) == 71
    assert batch.is_error(dicts[-1])


def test_a_bad_briefing_option_value_gives_error_records_not_a_crash() -> None:
    out = list(batch.process_jsonl(_lines(2), task="brief", workers=1, options={"seconds": -5}))
    assert [r["error"]["type"] for r in out] == ["BudgetError", "BudgetError"]


def _headline_or_die(article: Article) -> str:
    """Kill the worker process outright (as the OOM killer would) on a marked article."""
    if "KILL" in article.headline:
        os.kill(os.getpid(), signal.SIGKILL)
    return article.headline


def _with_killers(count: int, killers: set[int]) -> list[str]:
    lines = []
    for n in range(count):
        data = _article(n)
        if n in killers:
            data["title"] = f"KILL worker {n}"
        lines.append(json.dumps(data))
    return lines


def test_a_killed_worker_loses_only_its_input_and_the_run_goes_on() -> None:
    items = _with_killers(40, {5, 23})
    results = list(batch.map_articles(_headline_or_die, items, workers=2, chunksize=4))
    assert [r.index for r in results] == list(range(40))
    failed = [r.index for r in results if not r.ok]
    assert failed == [5, 23]
    assert all(r.error is not None and r.error.type == "BrokenProcessPool" for r in results[5:6])
    assert results[6].value == "Council approves budget number 6"
    assert [r.value for r in results if r.ok] == [
        f"Council approves budget number {n}" for n in range(40) if n not in {5, 23}
    ]


def test_a_killed_worker_in_process_jsonl_gives_one_error_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Forked workers inherit the patched method.
    monkeypatch.setattr(
        Article, "summary", lambda self, **options: _headline_or_die(self) and _Summary(self)
    )
    lines = _with_killers(12, {7})
    out = list(
        batch.process_jsonl(lines, task="summary", workers=2, chunksize=3, start_method="fork")
    )
    assert len(out) == 12
    assert [batch.is_error(rec) for rec in out] == [n == 7 for n in range(12)]
    assert out[7]["id"] == "a7" and out[7]["line"] == 8
    assert out[7]["error"]["type"] == "BrokenProcessPool"
    assert out[8] == {"headline": "Council approves budget number 8", "id": "a8"}


class _Summary:
    def __init__(self, article: Article) -> None:
        self.headline = article.headline

    def to_dict(self) -> dict[str, str]:
        return {"headline": self.headline}
