"""Sentence scorers: ``lead``, ``textrank``, ``centroid`` and the learned ``default``.

A scorer maps an article to one score per sentence; selection under a budget
(:mod:`newsbrief.summarize.select`) is shared by all of them.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Protocol, runtime_checkable

import attrs

from newsbrief.errors import UnknownNameError
from newsbrief.model import Article
from newsbrief.summarize.features import (
    FEATURE_NAMES,
    Doc,
    centroid,
    features,
    layout,
    prepare,
)

__all__ = [
    "METHODS",
    "TEXTRANK_WINDOW",
    "Method",
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


@runtime_checkable
class Summarizer(Protocol):
    """Anything that scores an article's sentences: higher is more summary-worthy."""

    def __call__(self, article: Article) -> tuple[float, ...]:
        """Return one score per sentence of ``article``, in document order."""
        ...


@attrs.frozen(slots=True)
class Weights:
    """A linear sentence scorer learnt by ``scripts/learn_weights.py``.

    Attributes:
        weights: One weight per name in :data:`FEATURE_NAMES`.
        redundancy: How strongly selection penalises repeating chosen terms (MMR).
        provenance: Where the weights come from (data, folds, scores).
    """

    weights: tuple[float, ...]
    redundancy: float
    provenance: Mapping[str, object] = attrs.field(factory=dict)


@functools.cache
def load_weights() -> Weights:
    """The ``default`` method's weights, read once from the package data."""
    raw = json.loads(
        resources.files("newsbrief.summarize").joinpath("data/weights.json").read_text("utf-8")
    )
    by_name = dict(zip(raw["features"], raw["weights"], strict=True))
    return Weights(
        weights=tuple(float(by_name.get(name, 0.0)) for name in FEATURE_NAMES),
        redundancy=float(raw.get("redundancy", 0.0)),
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


def default(article: Article) -> tuple[float, ...]:
    """The learnt scorer: a logistic model over position, coverage and content features.

    Features (see :data:`~newsbrief.summarize.features.FEATURE_NAMES`): position,
    paragraph starts, length, how much of the article a sentence's terms cover,
    centroid similarity, headline overlap, number and name density, quotes,
    openings that need context, photo captions and questions.
    """
    weights = load_weights().weights
    mul = operator.mul
    exp = math.exp
    scores = []
    for row in features(article, layout(article), prepare(article)):
        z = sum(map(mul, weights, row))
        scores.append(1.0 / (1.0 + exp(-max(-60.0, min(60.0, z)))))
    return tuple(scores)


@attrs.frozen(slots=True)
class Method:
    """A named summary method: a scorer and how selection treats redundancy.

    Attributes:
        name: The public name (``method=`` argument).
        scorer: Scores the sentences of an article.
        description: One line for help texts.
        redundancy: MMR weight: how much a candidate's score drops per share
            of its terms already in the summary (0 = plain top-scoring).
    """

    name: str
    scorer: Summarizer
    description: str
    redundancy: float = 0.0


def _default_redundancy() -> float:
    return load_weights().redundancy


#: The registered methods by name (read-only).
METHODS: Mapping[str, Method] = MappingProxyType(
    {
        "default": Method(
            "default",
            default,
            "learnt news scorer: position, coverage, headline, names and numbers, with MMR",
            redundancy=-1.0,  # resolved from the weights file on use
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
    if method.redundancy < 0:
        return attrs.evolve(method, redundancy=_default_redundancy())
    return method


def scores_for(article: Article, method: Method) -> tuple[float, ...]:
    """The method's sentence scores for ``article``, computed once per article."""
    return article.cached(f"summary:scores:{method.name}", lambda: method.scorer(article))
