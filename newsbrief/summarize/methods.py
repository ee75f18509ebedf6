"""Sentence scorers: ``lead``, ``textrank``, ``centroid`` and the learned ``default``.

A scorer maps an article to one score per sentence; selection under a budget
(:mod:`newsbrief.summarize.select`) is shared by all of them.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Protocol, runtime_checkable

import attrs

from newsbrief.errors import UnknownNameError
from newsbrief.model import Article
from newsbrief.summarize.budget import Budget
from newsbrief.summarize.centrality import CENTRALITY_NAMES
from newsbrief.summarize.features import (
    FEATURE_NAMES,
    Doc,
    centroid,
    layout,
    prepare,
)
from newsbrief.summarize.select import KEEP_MARGIN
from newsbrief.summarize.signals import SIGNAL_NAMES, logistic_scores, model_rows

__all__ = [
    "METHODS",
    "MODEL_FEATURES",
    "TEXTRANK_WINDOW",
    "Method",
    "Plan",
    "Summarizer",
    "Weights",
    "available_methods",
    "get_method",
    "load_weights",
]

#: TextRank links each sentence to at most this many neighbours on each side,
#: so its cost grows linearly with article length (a full graph for articles of
#: up to ``2 * TEXTRANK_WINDOW + 1`` sentences, which covers most news).
TEXTRANK_WINDOW = 6
_DAMPING = 0.85
# A fixed number of power iterations: damping shrinks the error by 0.85 per step
# (0.85**30 < 1%, plenty to order sentences), and a fixed count keeps the cost
# proportional to the number of edges.
_ITERATIONS = 30

#: The inputs of the ``default`` method's models: the shared features, the
#: extra signals of :mod:`newsbrief.summarize.signals`, then the cosine degree
#: centrality of :mod:`newsbrief.summarize.centrality`.
MODEL_FEATURES: tuple[str, ...] = FEATURE_NAMES + SIGNAL_NAMES + CENTRALITY_NAMES


@runtime_checkable
class Summarizer(Protocol):
    """Anything that scores an article's sentences: higher is more summary-worthy."""

    def __call__(self, article: Article) -> tuple[float, ...]:
        """Return one score per sentence of ``article``, in document order."""
        ...


@attrs.frozen(slots=True)
class Weights:
    """The ``default`` method's two linear models, learnt by ``scripts/learn_weights.py``.

    Attributes:
        lede: Weights (one per name in :data:`MODEL_FEATURES`) of the model for
            short summaries, trained to find what news highlights say (the
            lede, without its repetitions).
        coverage: Weights of the model for long summaries, trained to pick the
            sentences editors keep when condensing a story to about 40%.
        lede_redundancy: MMR weight used with the lede model.
        coverage_redundancy: MMR weight used with the coverage model.
        lede_margin: How much total score a summary made with the lede model
            may give up to keep a dependent opening with its antecedent rather
            than replace it (see :func:`newsbrief.summarize.select.select`).
        coverage_margin: Likewise with the coverage model.
        short: Up to this many sentences (or the words of as many average
            sentences), a summary uses the lede model alone.
        long: From this many on, the coverage model alone; in between, a
            linear blend of the two.
        short_fraction: Likewise for the share of the article's sentences
            kept: up to this fraction, the lede model alone...
        long_fraction: ...and the coverage model from this fraction on. The
            coverage model counts only as much as both rules allow.
        provenance: Where the weights come from (data, folds, scores).
    """

    lede: tuple[float, ...]
    coverage: tuple[float, ...]
    lede_redundancy: float
    coverage_redundancy: float
    short: float
    long: float
    short_fraction: float = 0.0
    long_fraction: float = 0.0
    lede_margin: float = KEEP_MARGIN
    coverage_margin: float = KEEP_MARGIN
    provenance: Mapping[str, object] = attrs.field(factory=dict)

    def share(self, size: float, fraction: float = 1.0) -> float:
        """How much the coverage model counts (0..1).

        Args:
            size: The summary's length in sentences.
            fraction: That length as a share of the article's sentences.
        """
        return min(
            _ramp(size, self.short, self.long),
            _ramp(fraction, self.short_fraction, self.long_fraction),
        )


def _ramp(value: float, low: float, high: float) -> float:
    if value <= low:
        return 0.0
    if value >= high:
        return 1.0
    return (value - low) / (high - low)


def _vector(raw: Mapping[str, object], names: Sequence[str]) -> tuple[float, ...]:
    by_name = dict(zip(names, raw["weights"], strict=True))  # type: ignore[call-overload]
    return tuple(float(by_name.get(name, 0.0)) for name in MODEL_FEATURES)


@functools.cache
def load_weights() -> Weights:
    """The ``default`` method's weights, read once from the package data."""
    raw = json.loads(
        resources.files("newsbrief.summarize").joinpath("data/weights.json").read_text("utf-8")
    )
    names = raw["features"]
    models = raw["models"]
    return Weights(
        lede=_vector(models["lede"], names),
        coverage=_vector(models["coverage"], names),
        lede_redundancy=float(models["lede"].get("redundancy", 0.0)),
        coverage_redundancy=float(models["coverage"].get("redundancy", 0.0)),
        short=float(raw["blend"]["short"]),
        long=float(raw["blend"]["long"]),
        short_fraction=float(raw["blend"].get("short_fraction", 0.0)),
        long_fraction=float(raw["blend"].get("long_fraction", 0.0)),
        lede_margin=float(models["lede"].get("repair_margin", KEEP_MARGIN)),
        coverage_margin=float(models["coverage"].get("repair_margin", KEEP_MARGIN)),
        provenance=MappingProxyType(dict(raw.get("provenance", {}))),
    )


def lead(article: Article) -> tuple[float, ...]:
    """Earlier is better: the classic news baseline (score ``1 - i/n``)."""
    n = len(article.sentences)
    return tuple(1.0 - i / n for i in range(n))


def _textrank_scores(doc: Doc) -> tuple[float, ...]:
    terms = doc.terms
    n = len(terms)
    if n == 0:
        return ()
    logs = [math.log(len(t) + 1.0) for t in terms]
    neighbours: list[list[int]] = [[] for _ in range(n)]
    weights: list[list[float]] = [[] for _ in range(n)]
    for i in range(n):
        ti = terms[i]
        if not ti:
            continue
        for j in range(i + 1, min(n, i + TEXTRANK_WINDOW + 1)):
            shared = len(ti & terms[j])
            if shared:
                weight = shared / (logs[i] + logs[j])
                neighbours[i].append(j)
                weights[i].append(weight)
                neighbours[j].append(i)
                weights[j].append(weight)
    # Rank flows from i to j in proportion to w(i, j) / (total weight of i);
    # the graph is symmetric, so i's incoming edges are its own edge list.
    totals = [sum(w) or 1.0 for w in weights]
    incoming = [
        [w / totals[j] for j, w in zip(neighbours[i], weights[i], strict=True)] for i in range(n)
    ]
    rank = [1.0 / n] * n
    base = (1.0 - _DAMPING) / n
    mul = operator.mul
    for _ in range(_ITERATIONS):
        get = rank.__getitem__
        new = [
            base + _DAMPING * sum(map(mul, map(get, neighbours[i]), incoming[i])) for i in range(n)
        ]
        # Sentences without edges leak rank; spread it evenly to stay normalised.
        leak = (1.0 - sum(new)) / n
        if leak:
            new = [v + leak for v in new]
        rank = new
    return tuple(rank)


def textrank(article: Article) -> tuple[float, ...]:
    """TextRank: PageRank over a sentence graph weighted by shared content terms.

    Edges join sentences at most :data:`TEXTRANK_WINDOW` apart, with weight
    ``shared / (log(|a| + 1) + log(|b| + 1))`` (Mihalcea & Tarau 2004).
    """
    return _textrank_scores(prepare(article))


def centroid_method(article: Article) -> tuple[float, ...]:
    """Cosine similarity of each sentence to the article's term-frequency centroid."""
    return tuple(centroid(prepare(article)))


def model_features(article: Article) -> list[tuple[float, ...]]:
    """Per sentence, the values of :data:`MODEL_FEATURES` (cached per article)."""
    return article.cached("summary:model-features", lambda: _model_features(article))


def _model_features(article: Article) -> list[tuple[float, ...]]:
    return model_rows(article, layout(article), prepare(article))


def _model(article: Article, model: str) -> tuple[float, ...]:
    weights = load_weights()
    return logistic_scores(
        model_features(article), weights.lede if model == "lede" else weights.coverage
    )


def model_scores(article: Article, model: str) -> tuple[float, ...]:
    """The ``"lede"`` or ``"coverage"`` model's probability per sentence (cached per article)."""
    return article.cached(f"summary:scores:default:{model}", lambda: _model(article, model))


def _blend(article: Article, share: float) -> tuple[float, ...]:
    if share <= 0.0:
        return model_scores(article, "lede")
    if share >= 1.0:
        return model_scores(article, "coverage")
    keep = 1.0 - share
    lede_scores = model_scores(article, "lede")
    coverage_scores = model_scores(article, "coverage")
    return tuple(keep * a + share * b for a, b in zip(lede_scores, coverage_scores, strict=True))


def default(article: Article) -> tuple[float, ...]:
    """The learnt scorer, budget-free: the mean of its lede and coverage models.

    Both are logistic models over :data:`MODEL_FEATURES`: the features in
    :data:`~newsbrief.summarize.features.FEATURE_NAMES` (position, length,
    centroid similarity, quotes and attribution, openings that need
    context), the signals in
    :data:`~newsbrief.summarize.signals.SIGNAL_NAMES` (finer position,
    recurring terms, caption labels) and the cosine degree centrality of
    :mod:`~newsbrief.summarize.centrality`. :func:`default_for_budget` weighs
    them by the summary's length and its share of the article.
    """
    return _blend(article, 0.5)


@attrs.frozen(slots=True)
class Plan:
    """What selection needs from a method for one article and budget.

    Attributes:
        scores: One score per sentence (higher is better).
        redundancy: MMR weight (0 = plain top-scoring).
        keep_margin: Repair margin for a dependent opening (see
            :func:`newsbrief.summarize.select.select`).
    """

    scores: tuple[float, ...]
    redundancy: float = 0.0
    keep_margin: float = KEEP_MARGIN


def default_for_budget(article: Article, budget: Budget) -> Plan:
    """Scores, MMR weight and repair margin of the ``default`` method for ``budget``.

    Short summaries (up to ``Weights.short`` sentences, or the words of as
    many average sentences, or up to ``Weights.short_fraction`` of the
    article) use the lede model, long ones the coverage model, and sizes in
    between a linear blend.
    """
    weights = load_weights()
    n = len(article.sentences)
    if n == 0:
        return Plan((), 0.0)
    sentences = budget.sentence_limit(n)
    if sentences is not None:
        size = float(sentences)
    else:  # a word or time budget: in sentences of the article's average length
        average = max(1.0, sum(layout(article).words) / n)
        size = (budget.word_limit or 0) / average
    share = weights.share(size, size / n)
    keep = 1.0 - share
    return Plan(
        _blend(article, share),
        keep * weights.lede_redundancy + share * weights.coverage_redundancy,
        keep * weights.lede_margin + share * weights.coverage_margin,
    )


@attrs.frozen(slots=True)
class Method:
    """A named summary method: a scorer and how selection treats redundancy.

    Attributes:
        name: The public name (``method=`` argument).
        scorer: Scores the sentences of an article.
        description: One line for help texts.
        redundancy: MMR weight: how much a candidate's score drops per share
            of its terms already in the summary (0 = plain top-scoring).
        adapt: When set, gives a budget-specific :class:`Plan` (scores, MMR
            weight, repair margin) instead of ``scorer`` and ``redundancy``.
    """

    name: str
    scorer: Summarizer
    description: str
    redundancy: float = 0.0
    adapt: Callable[[Article, Budget], Plan] | None = None


#: The registered methods by name (read-only).
METHODS: Mapping[str, Method] = MappingProxyType(
    {
        "default": Method(
            "default",
            default,
            "learnt news scorer: the lede for short summaries, coverage for long ones, with MMR",
            adapt=default_for_budget,
        ),
        "lead": Method("lead", lead, "the first sentences (news lead)"),
        "textrank": Method(
            "textrank", textrank, "TextRank graph centrality over shared content terms"
        ),
        "centroid": Method(
            "centroid", centroid_method, "similarity to the article's term-frequency centroid"
        ),
    }
)


def available_methods() -> tuple[str, ...]:
    """Names accepted by ``method=``, ``"default"`` first."""
    return tuple(METHODS)


def get_method(name: str) -> Method:
    """The :class:`Method` called ``name``.

    Raises:
        UnknownNameError: no method has that name; the message lists the known ones.
    """
    try:
        method = METHODS[name]
    except (KeyError, TypeError):
        raise UnknownNameError(
            f"unknown summary method {name!r}; known methods: {', '.join(METHODS)}"
        ) from None
    return method


def scores_for(article: Article, method: Method, budget: Budget) -> Plan:
    """The method's :class:`Plan` for ``article`` and ``budget``.

    Budget-free scores are computed once per article and cached.
    """
    if method.adapt is not None:
        return method.adapt(article, budget)
    scores = article.cached(f"summary:scores:{method.name}", lambda: method.scorer(article))
    return Plan(scores, method.redundancy)
