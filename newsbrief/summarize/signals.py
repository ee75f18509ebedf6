"""Extra per-sentence signals for the ``default`` method's models.

These complement :func:`newsbrief.summarize.features.features`: finer
position (news puts its lede in the first few sentences, and the second to
fifth carry it on), how many of a sentence's terms recur elsewhere in the
article, and picture captions with a label ("Riot of colour: ..."), a kind
of filler news copy carries. All cost O(n).
"""

from __future__ import annotations

import math
import re

from newsbrief.model import Article
from newsbrief.summarize.centrality import cosine_degree
from newsbrief.summarize.features import (
    _QUOTE_MARKS,
    Doc,
    Layout,
    _levels,
    _ranked,
    _scaled,
    centroid,
)

__all__ = ["SIGNAL_NAMES", "logistic_scores", "model_rows", "signal_columns", "signals"]

#: Names of the signals :func:`signals` computes, in order.
SIGNAL_NAMES: tuple[str, ...] = (
    "second",
    "third",
    "fourth",
    "fifth",
    "log_position",
    "first_quarter",
    "caption_label",
    "recurring_share",
    "recurring_per_word",
)

# A short capitalised label and a colon opening the sentence, as picture
# captions do ("Riot of colour: ..."); a reporting verb before the colon
# ("He said: ...") introduces a quotation instead.
_LABEL = re.compile(r"[\"'‘“]?[A-Z][\w'’-]*(?: [\w'’-]+){0,3}: ")
_REPORTING = re.compile(
    r"\b(?:said|says|added|adds|told|tells|explained|explains|wrote|writes|asked|asks"
    r"|tweeted|stated|states|continued|insisted|warned|replied|revealed|admitted|commented)\b",
    re.IGNORECASE,
)


def _captions(texts: list[str]) -> list[int]:
    """Indices of the sentences that open with a caption label."""
    label = _LABEL.match
    reporting = _REPORTING.search
    captions = []
    for i, text in enumerate(texts):
        if ": " in text:
            found = label(text)
            if found is not None and reporting(found.group()) is None:
                captions.append(i)
    return captions


def _indicator(n: int, positions: list[int]) -> list[float]:
    column = [0.0] * n
    for i in positions:
        column[i] = 1.0
    return column


def signal_columns(article: Article, shape: Layout, doc: Doc) -> list[list[float]]:
    """The signals of :func:`signals` as columns: one list per name in :data:`SIGNAL_NAMES`.

    Built a column at a time (C-level ``map``/``zip`` where possible): this
    runs for every summary.
    """
    sentences = article.sentences
    n = len(sentences)
    if n == 0:
        return [[] for _ in SIGNAL_NAMES]
    texts = [s.text for s in sentences]
    terms = doc.terms
    words = [w or 1 for w in shape.words]
    recurring = doc.recurring
    log = math.log
    captions = _captions(texts)
    quarter = min(n, math.ceil(0.25 * n))
    return [
        _indicator(n, [1] if n > 1 else []),
        _indicator(n, [2] if n > 2 else []),
        _indicator(n, [3] if n > 3 else []),
        _indicator(n, [4] if n > 4 else []),
        [log(i + 1) for i in range(n)],
        [1.0] * quarter + [0.0] * (n - quarter),
        _indicator(n, captions),
        [r / (len(t) or 1) for r, t in zip(recurring, terms)],  # noqa: B905
        [r / w for r, w in zip(recurring, words)],  # noqa: B905
    ]


def signals(article: Article, shape: Layout, doc: Doc) -> list[tuple[float, ...]]:
    """One vector per sentence, in the order of :data:`SIGNAL_NAMES`."""
    return list(zip(*signal_columns(article, shape, doc), strict=False))


def model_rows(article: Article, shape: Layout, doc: Doc) -> list[tuple[float, ...]]:
    """Per sentence, the ``default`` method's model inputs: the values of
    :func:`~newsbrief.summarize.features.feature_columns`, :func:`signal_columns`
    and :func:`~newsbrief.summarize.centrality.centrality_columns`, in that order.

    The same values (each computed by the same expression) as zipping those
    columns, built a row at a time: one pass over the sentences instead of 25
    column comprehensions and a zip, which is most of the summary's feature
    cost in the pure-Python build (tests check that both agree exactly).
    """
    sentences = article.sentences
    n = len(sentences)
    if n == 0:
        return []
    log = math.log
    texts = [s.text for s in sentences]
    central = centroid(doc)
    degree = cosine_degree(article, doc)
    if n > 1:
        levels = _levels(n)
        central_rank = _ranked(central, levels)
        degree_rank = _ranked(degree, levels)
    else:
        central_rank = degree_rank = [1.0]
    captions = set(_captions(texts))
    quarter = min(n, math.ceil(0.25 * n))
    last = n - 1 if n > 1 else -1
    rows: list[tuple[float, ...]] = []
    for i, (
        text,
        words,
        terms,
        dependent,
        recurring,
        central_value,
        central_level,
        degree_value,
        degree_level,
    ) in enumerate(
        zip(  # noqa: B905 (all of length n)
            texts,
            shape.words,
            doc.terms,
            shape.dependent,
            doc.recurring,
            _scaled(central),
            central_rank,
            _scaled(degree),
            degree_rank,
        )
    ):
        w = words or 1
        rows.append(
            (
                # feature_columns
                1.0 if i == 0 else 0.0,
                1.0 / (i + 1),
                i / n,
                1.0 if i == last else 0.0,
                log(w),
                log(len(terms) + 1),
                1.0 if w < 8 else 0.0,
                central_value,
                central_level,
                1.0 if '"' in text or "“" in text or "”" in text else 0.0,
                1.0 if text[:1] in _QUOTE_MARKS else 0.0,
                1.0 if " said" in text or " says" in text or " told" in text else 0.0,
                1.0 if dependent else 0.0,
                1.0,
                # signal_columns
                1.0 if i == 1 else 0.0,
                1.0 if i == 2 else 0.0,
                1.0 if i == 3 else 0.0,
                1.0 if i == 4 else 0.0,
                log(i + 1),
                1.0 if i < quarter else 0.0,
                1.0 if i in captions else 0.0,
                recurring / (len(terms) or 1),
                recurring / w,
                # centrality_columns
                degree_value,
                degree_level,
            )
        )
    return rows


def logistic_scores(rows: list[tuple[float, ...]], weights: tuple[float, ...]) -> tuple[float, ...]:
    """Per row of :func:`model_rows`, the logistic of its dot product with ``weights``.

    The products are added one by one from 0.0, as ``sum()`` adds floats up
    to Python 3.11 (3.12 compensates its rounding errors), so that the scores
    are the same on every Python version and in both builds; compiled, the
    loop runs on unboxed floats, without the float object per product that
    ``sum(map(operator.mul, ...))`` makes.
    """
    exp = math.exp
    scores = []
    for row in rows:
        z = 0.0
        for weight, value in zip(weights, row):  # noqa: B905 (both are one value per input)
            z += weight * value
        if not -60.0 <= z <= 60.0:  # no overflow in exp (and NaN becomes 60.0)
            z = max(-60.0, min(60.0, z))
        scores.append(1.0 / (1.0 + exp(-z)))  # the logistic, inlined: it runs per sentence
    return tuple(scores)
