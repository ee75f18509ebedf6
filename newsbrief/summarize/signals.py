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
from newsbrief.summarize.features import Doc, Layout

__all__ = ["SIGNAL_NAMES", "signal_columns", "signals"]

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
    label = _LABEL.match
    reporting = _REPORTING.search
    captions = []
    for i, text in enumerate(texts):
        if ": " in text:
            found = label(text)
            if found is not None and reporting(found.group()) is None:
                captions.append(i)
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
