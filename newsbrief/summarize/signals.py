"""Extra per-sentence signals for the ``default`` method's models.

These complement :func:`newsbrief.summarize.features.features`: finer
position (news puts its lede in the first few sentences, and the second to
fifth carry it on), sentence-length bands, how many of a sentence's terms
recur elsewhere in the article, how much it shares with its neighbours (a
windowed centrality, linear in the article's length), and two kinds of
filler news copy carries: picture captions with a label ("Riot of colour:
...") and boilerplate ("Scroll down for video"). All cost O(n) or O(n * w)
with a small window ``w``.
"""

from __future__ import annotations

import math
import re

from newsbrief.model import Article
from newsbrief.summarize.features import Doc, Layout, _scaled

__all__ = ["LOCAL_WINDOW", "SIGNAL_NAMES", "signal_columns", "signals"]

#: Names of the signals :func:`signals` computes, in order.
SIGNAL_NAMES: tuple[str, ...] = (
    "second",
    "third",
    "fourth",
    "fifth",
    "log_position",
    "first_quarter",
    "caption_label",
    "boilerplate",
    "recurring_share",
    "recurring_per_word",
    "local",
    "words_under_10",
    "words_10_14",
    "words_15_19",
    "words_25_34",
    "words_35_up",
)

#: Neighbours on each side counted by the ``local`` signal.
LOCAL_WINDOW = 3

# A short capitalised label and a colon opening the sentence, as picture
# captions do ("Riot of colour: ..."); a reporting verb before the colon
# ("He said: ...") introduces a quotation instead.
_LABEL = re.compile(r"[\"'‘“]?[A-Z][\w'’-]*(?: [\w'’-]+){0,3}: ")
_REPORTING = re.compile(
    r"\b(?:said|says|added|adds|told|tells|explained|explains|wrote|writes|asked|asks"
    r"|tweeted|stated|states|continued|insisted|warned|replied|revealed|admitted|commented)\b",
    re.IGNORECASE,
)
_BOILERPLATE_PHRASES = (
    "scroll down",
    "click here",
    "watch the video",
    "for confidential support",
    "follow @",
    "sign up",
    "contributed to this report",
    "read more:",
)
_BOILERPLATE = re.compile("|".join(map(re.escape, _BOILERPLATE_PHRASES)), re.IGNORECASE)


def _local(doc: Doc) -> list[float]:
    """Terms shared with the sentences at most :data:`LOCAL_WINDOW` away, log-damped.

    Each pair's overlap is computed once, a whole offset at a time.
    """
    terms = doc.terms
    n = len(terms)
    shared = [0] * n
    intersection = frozenset.__and__
    for offset in range(1, min(LOCAL_WINDOW, n - 1) + 1):
        # overlaps[i] is |terms[i] & terms[i + offset]|: it counts for both.
        # Many pairs share nothing: only the others are added.
        for i, overlap in enumerate(map(len, map(intersection, terms, terms[offset:]))):
            if overlap:
                shared[i] += overlap
                shared[i + offset] += overlap
    log = math.log
    return _scaled([v / log(len(t) + 2) for v, t in zip(shared, terms, strict=True)])


def _ascii_lower(text: str) -> str:
    """``text.lower()`` as far as ASCII phrases can tell, much faster on non-ASCII text.

    Lower-cased as ASCII bytes, every other character becoming "?": of those,
    only the Kelvin sign lower-cases to an ASCII letter ("İ" gives "i" and a
    combining dot, which ends any match), so such a text takes ``str.lower()``.
    """
    if "\u212a" in text:
        return text.lower()
    return text.encode("ascii", "replace").lower().decode("ascii")


def _indicator(n: int, positions: list[int]) -> list[float]:
    column = [0.0] * n
    for i in positions:
        column[i] = 1.0
    return column


def _band(words: list[int], low: int, high: int) -> list[float]:
    return [1.0 if low <= w < high else 0.0 for w in words]


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
    # Boilerplate is rare: a few substring tests of the lower-cased body
    # (much cheaper than the case-blind regex) spare a search per sentence.
    body = _ascii_lower(article.body)
    boilerplate: list[int] = []
    if any(phrase in body for phrase in _BOILERPLATE_PHRASES):
        search = _BOILERPLATE.search
        boilerplate = [i for i, text in enumerate(texts) if search(text) is not None]
    quarter = min(n, math.ceil(0.25 * n))
    return [
        _indicator(n, [1] if n > 1 else []),
        _indicator(n, [2] if n > 2 else []),
        _indicator(n, [3] if n > 3 else []),
        _indicator(n, [4] if n > 4 else []),
        [log(i + 1) for i in range(n)],
        [1.0] * quarter + [0.0] * (n - quarter),
        _indicator(n, captions),
        _indicator(n, boilerplate),
        [r / (len(t) or 1) for r, t in zip(recurring, terms)],  # noqa: B905
        [r / w for r, w in zip(recurring, words)],  # noqa: B905
        _local(doc),
        [1.0 if w < 10 else 0.0 for w in words],
        _band(words, 10, 15),
        _band(words, 15, 20),
        _band(words, 25, 35),
        [1.0 if w >= 35 else 0.0 for w in words],
    ]


def signals(article: Article, shape: Layout, doc: Doc) -> list[tuple[float, ...]]:
    """One vector per sentence, in the order of :data:`SIGNAL_NAMES`."""
    return list(zip(*signal_columns(article, shape, doc), strict=False))
