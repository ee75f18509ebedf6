"""Every result type and the public functions pickle, so work can run in other processes.

Batch pools, Dask and other cluster frameworks ship articles, results,
errors and functions between processes with pickle; each must come back equal.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import pytest

import newsbrief
from newsbrief import batch, errors
from newsbrief.model import (
    Article,
    DateMention,
    Entity,
    EntityKind,
    Paragraph,
    Quote,
    Sentence,
    Span,
)

STORY = """Harbour board backs Velmont ferry plan

The Velmont harbour board approved a new ferry link to Oster Island on Tuesday, \
ending a dispute that has run since March 2021.

Board chair Marta Quell said the vote was "a fair deal for both shores". \
Opponents, led by councillor Idris Fenn, had argued the plan would cost $14.5m more than planned.

The first crossings are expected on 3 June, Ms. Quell told reporters. \
Mr. Fenn said he would keep pressing for an independent review.
"""


def _article() -> Article:
    return Article.from_text(
        STORY,
        source="Velmont Gazette",
        url="https://example.org/ferry",
        published="2026-03-10",
        id="vg-1",
        metadata={"section": "local", "tags": ["transport"]},
    )


def _roundtrip(value: object, protocol: int = pickle.HIGHEST_PROTOCOL) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=protocol))


@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_article_pickles_equal_with_its_sentences_and_metadata(protocol: int) -> None:
    article = _article()
    copy = _roundtrip(article, protocol)
    assert copy == article
    assert copy.sentences == article.sentences
    assert copy.metadata == {"section": "local", "tags": ["transport"]}
    assert copy.published == dt.date(2026, 3, 10)


def test_article_copy_still_works_after_unpickling() -> None:
    copy = _roundtrip(_article())
    assert copy.cached("n", lambda: 41 + 1) == 42
    assert copy.to_dict() == _article().to_dict()


MODEL_VALUES: list[Callable[[], object]] = [
    lambda: Span(3, 9),
    lambda: Sentence("A short one.", 0, 12, 0, 0),
    lambda: Paragraph("A short one.", 0, 12, 0, (Sentence("A short one.", 0, 12, 0, 0),)),
    lambda: EntityKind.PERSON,
    lambda: Entity(
        "Marta Quell",
        EntityKind.PERSON,
        aliases=("Quell",),
        role="Board chair",
        mentions=(Span(1, 12), Span(40, 45)),
        headline_mentions=(Span(0, 5),),
    ),
    lambda: Quote(
        "a fair deal for both shores", "Marta Quell", "said", True, Span(5, 32), Span(0, 4)
    ),
    lambda: DateMention("3 June", Span(10, 16), dt.date(2026, 6, 3), "day"),
    lambda: batch.BatchError("InputFormatError", "not valid JSON"),
    lambda: batch.BatchResult(4, {"headline": "x"}, None),
    lambda: batch.BatchResult(5, None, batch.BatchError("KeyError", "'x'")),
]


@pytest.mark.parametrize("make", MODEL_VALUES, ids=lambda m: type(m()).__name__)
def test_model_and_batch_values_pickle_equal(make: Callable[[], object]) -> None:
    value = make()
    copy = _roundtrip(value)
    assert copy == value
    assert type(copy) is type(value)


ERROR_CLASSES = [
    errors.NewsbriefError,
    errors.InvalidArticleError,
    errors.InputFormatError,
    errors.InputTooLargeError,
    errors.ReadError,
    errors.OutputError,
    errors.BudgetError,
    errors.UnknownNameError,
    errors.SpeechError,
    errors.SpeechBackendError,
    errors.SpeechTimeoutError,
]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_errors_pickle_with_message_and_place(cls: type[errors.NewsbriefError]) -> None:
    err = cls("bad thing", where="in.jsonl", line=7)
    copy = _roundtrip(err)
    assert type(copy) is cls
    assert (copy.message, copy.where, copy.line, str(copy)) == (
        "bad thing",
        "in.jsonl",
        7,
        "in.jsonl, line 7: bad thing",
    )


PUBLIC_FUNCTIONS: list[object] = [
    Article.from_text,
    Article.from_dict,
    Article.to_dict,
    Article.summary,
    Article.briefing,
    batch.map_articles,
    batch.briefings,
    batch.summaries,
    batch.process_jsonl,
    batch.process_jsonl_text,
    batch.record,
    batch.to_article,
]


@pytest.mark.parametrize("func", PUBLIC_FUNCTIONS, ids=lambda f: getattr(f, "__qualname__", "?"))
def test_public_functions_pickle_by_reference(func: object) -> None:
    # Bound classmethods are rebuilt on each access, so compare equal rather than identical.
    assert _roundtrip(func) == func


def test_every_public_newsbrief_callable_pickles() -> None:
    names = [n for n in newsbrief.__all__ if callable(getattr(newsbrief, n))]
    assert names
    for name in names:
        obj = getattr(newsbrief, name)
        assert _roundtrip(obj) is obj, name


def test_batch_results_of_a_pool_equal_in_process_ones() -> None:
    lines = [STORY.replace("Velmont", f"Velmont{n}") for n in range(40)]
    items = [{"id": str(n), "text": text} for n, text in enumerate(lines)]
    func = Article.to_dict
    pooled = list(batch.map_articles(func, items, workers=2, chunksize=4))
    local = list(batch.map_articles(func, items, workers=1))
    assert pooled == local


def _results() -> dict[str, Callable[[], object]]:
    """Result types built through the public API, one fresh article each."""
    from newsbrief.digest import Digest

    def digest() -> object:
        other = Article.from_text(STORY.replace("Velmont", "Brennick"), id="bg-2")
        return Digest.from_articles([_article(), other], minutes=2)

    return {
        "Analysis": lambda: _article().analysis,
        "Entity": lambda: _article().entities[0],
        "Quote": lambda: _article().quotes[0],
        "DateMention": lambda: _article().dates[0],
        "Summary": lambda: _article().summary(sentences=2),
        "Summary(seconds)": lambda: _article().summary(seconds=20),
        "Briefing": lambda: _article().briefing(),
        "Briefing(seconds)": lambda: _article().briefing(seconds=30),
        "Digest": digest,
        "Story": lambda: digest().stories[0],  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize("name", sorted(_results()))
def test_result_types_pickle_equal(name: str) -> None:
    value = _results()[name]()
    copy = _roundtrip(value)
    assert copy == value
    assert type(copy) is type(value)
    if hasattr(value, "to_dict"):
        assert copy.to_dict() == value.to_dict()


def test_an_analysed_article_pickles_with_its_cache_equal() -> None:
    article = _article()
    article.briefing()
    copy = _roundtrip(article)
    assert copy == article
    assert copy.briefing() == article.briefing()
    assert copy.entities == article.entities
