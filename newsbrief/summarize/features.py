"""Per-article preparation shared by every summary method.

Summaries must keep up with thousands of articles per second, so the body is
tokenised once with C-level byte operations: it is encoded to ASCII (every
other character becomes one ``?``, so character offsets are kept), mapped
through a 256-byte table (letters lower-cased, everything else a space) and
sliced per sentence; ``split`` and a set difference with the stopwords give
each sentence's content terms. A second table marks capitals and digits, so
name and number density are two ``count`` calls per sentence. Everything is
linear in the article's length and cached on the article.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import attrs

from newsbrief.model import Article

__all__ = [
    "FEATURE_NAMES",
    "STOPWORDS",
    "Doc",
    "Layout",
    "centroid",
    "content_terms",
    "coverage",
    "features",
    "layout",
    "prepare",
]

_TERM_TABLE = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256)
)
# Capitals -> "U", digits -> "D", anything else -> space.
_SHAPE_TABLE = bytes(85 if 65 <= c <= 90 else 68 if 48 <= c <= 57 else 32 for c in range(256))
_CAPTION = re.compile(
    r"\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file photo"
    r"|second left|second right|far left|far right|front|back)\b",
    re.IGNORECASE,
)
# Words that make a sentence lean on the one before it when they open it.
_DEPENDENT_START = re.compile(
    r"[\"“‘']?(?:But|However|And|Yet|So|Also|Still|Instead|Nevertheless|Nonetheless|Moreover"
    r"|Furthermore|Therefore|Thus|Hence|Meanwhile|Besides|Otherwise|Then|Or|Nor|Indeed"
    r"|He|She|They|It|His|Her|Their|Its|Him|Them|This|That|These|Those|Such|Both|Neither"
    r"|The (?:move|decision|deal|plan|announcement|news|comments?|remarks?|statement))\b"
)

_STOPWORDS_RAW = """
a about above after again against all almost along already also although am among an and
another any anyone anything are aren around as at back be became because become been before
being below between both but by can cannot could couldn d did didn do does doesn doing don
done down during each either else enough even ever every few for from further get gets got
had hadn has hasn have haven having he her here hers herself him himself his how however i
if in into is isn it its itself just least less let like ll m made make many may me might
more most much must my myself neither no nor not now of off often on once one only or other
others our ours ourselves out over own per quite rather re really s said same say says see
seen several shall she should shouldn since so some still such t than that the their theirs
them themselves then there these they this those though through thus to too toward towards
under until up upon us ve very via was wasn way we well were weren what whatever when where
whether which while who whom whose why will with within without won would wouldn yet you
your yours yourself yourselves mr mrs ms told according year years new also
"""

#: Function words ignored by every similarity (as ASCII bytes, like the terms).
STOPWORDS: frozenset[bytes] = frozenset(w.encode("ascii") for w in _STOPWORDS_RAW.split())

#: Names of the features :func:`features` computes, in order.
FEATURE_NAMES: tuple[str, ...] = (
    "first",
    "inverse_position",
    "relative_position",
    "paragraph_first",
    "log_words",
    "short",
    "coverage",
    "coverage_rank",
    "centroid",
    "headline",
    "numbers",
    "capitalised",
    "quote",
    "dependent",
    "caption",
    "question",
    "bias",
)


@attrs.frozen(slots=True)
class Layout:
    """The shape of an article's sentences, as selection needs it.

    Attributes:
        words: Per sentence, its number of whitespace-separated words.
        groups: Runs of sentence indices that must be kept or dropped together
            (a quotation spanning several sentences), in document order.
        dependent: Per sentence, whether it opens with a word that needs the
            previous sentence ("But", "However", "He said"...).
    """

    words: tuple[int, ...]
    groups: tuple[tuple[int, ...], ...]
    dependent: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.words)


@attrs.frozen(slots=True)
class Doc:
    """The content terms of an article's sentences.

    Attributes:
        terms: Per sentence, its distinct content terms (lower-case ASCII
            bytes, no stopwords).
        frequency: For each term, the number of sentences containing it.
        headline: The headline's content terms.
        capitals: Per sentence, its number of capital letters.
        digits: Per sentence, its number of digits.
    """

    terms: tuple[frozenset[bytes], ...]
    frequency: Counter[bytes]
    headline: frozenset[bytes]
    capitals: tuple[int, ...]
    digits: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.terms)


def content_terms(text: str) -> frozenset[bytes]:
    """The distinct content terms of ``text`` (lower-case ASCII words, no stopwords)."""
    return frozenset(text.encode("ascii", "replace").translate(_TERM_TABLE).split()) - STOPWORDS


def _quote_groups(article: Article) -> tuple[tuple[int, ...], ...]:
    groups: list[tuple[int, ...]] = []
    current: list[int] = []
    open_quote = False
    previous_paragraph = -1
    for sentence in article.sentences:
        text = sentence.text
        if sentence.paragraph != previous_paragraph:
            # Quotes continued into a new paragraph reopen with a quotation mark.
            open_quote = False
            previous_paragraph = sentence.paragraph
        if not open_quote and current:
            groups.append(tuple(current))
            current = []
        current.append(sentence.index)
        if text.count('"') % 2:
            open_quote = not open_quote
        balance = text.count("“") - text.count("”")
        if balance:
            open_quote = balance > 0
    if current:
        groups.append(tuple(current))
    return tuple(groups)


def _build_layout(article: Article) -> Layout:
    match = _DEPENDENT_START.match
    return Layout(
        words=tuple(len(s.text.split()) for s in article.sentences),
        groups=_quote_groups(article),
        dependent=tuple(s.index > 0 and match(s.text) is not None for s in article.sentences),
    )


def layout(article: Article) -> Layout:
    """The article's :class:`Layout`, computed once and cached on the article."""
    return article.cached("summary:layout", lambda: _build_layout(article))


def _build(article: Article) -> Doc:
    sentences = article.sentences
    # ASCII with one "?" per other character keeps offsets, so slices line up.
    raw = article.body.encode("ascii", "replace")
    folded = raw.translate(_TERM_TABLE)
    shape = raw.translate(_SHAPE_TABLE)
    stop = STOPWORDS
    terms = tuple(frozenset(folded[s.start : s.end].split()) - stop for s in sentences)
    frequency: Counter[bytes] = Counter()
    for term_set in terms:
        frequency.update(term_set)
    shapes = [shape[s.start : s.end] for s in sentences]
    return Doc(
        terms=terms,
        frequency=frequency,
        headline=content_terms(article.headline) if article.headline else frozenset(),
        capitals=tuple(s.count(b"U") for s in shapes),
        digits=tuple(s.count(b"D") for s in shapes),
    )


def prepare(article: Article) -> Doc:
    """The article's :class:`Doc`, computed once and cached on the article."""
    return article.cached("summary:doc", lambda: _build(article))


def coverage(doc: Doc) -> list[float]:
    """How much of the rest of the article each sentence's terms reach.

    The sum over a sentence's terms of the number of *other* sentences that
    use them (a linear-time form of the total word overlap with every other
    sentence), damped by the log of its length so long sentences do not win
    on length alone.
    """
    frequency = doc.frequency.__getitem__
    log = math.log
    return [(sum(map(frequency, terms)) - len(terms)) / log(len(terms) + 2) for terms in doc.terms]


def centroid(doc: Doc) -> list[float]:
    """Cosine between each sentence's term set and the article's term-frequency vector."""
    frequency = doc.frequency
    norm = math.sqrt(sum(v * v for v in frequency.values())) or 1.0
    get = frequency.__getitem__
    sqrt = math.sqrt
    return [
        sum(map(get, terms)) / (sqrt(len(terms)) * norm) if terms else 0.0 for terms in doc.terms
    ]


def _ranks(values: list[float]) -> list[float]:
    """1.0 for the highest value, falling linearly to 0.0 for the lowest."""
    n = len(values)
    if n < 2:
        return [1.0] * n
    order = sorted(range(n), key=values.__getitem__, reverse=True)
    ranks = [0.0] * n
    step = 1.0 / (n - 1)
    for rank, i in enumerate(order):
        ranks[i] = 1.0 - rank * step
    return ranks


def features(article: Article, shape: Layout, doc: Doc) -> list[tuple[float, ...]]:
    """One feature vector per sentence, in the order of :data:`FEATURE_NAMES`."""
    sentences = article.sentences
    n = len(sentences)
    if n == 0:
        return []
    cover = coverage(doc)
    top = max(cover)
    cover_scaled = [c / top for c in cover] if top > 0 else [0.0] * n
    cover_rank = _ranks(cover)
    central = centroid(doc)
    top = max(central)
    if top > 0:
        central = [c / top for c in central]
    headline = doc.headline
    headline_size = float(len(headline) or 1)
    log = math.log
    caption = _CAPTION.search
    words_of = shape.words
    dependent = shape.dependent
    terms = doc.terms
    capitals = doc.capitals
    digits = doc.digits
    rows: list[tuple[float, ...]] = []
    previous_paragraph = 0
    for i, sentence in enumerate(sentences):
        text = sentence.text
        words = words_of[i] or 1
        paragraph_first = sentence.paragraph != previous_paragraph
        previous_paragraph = sentence.paragraph
        rows.append(
            (
                1.0 if i == 0 else 0.0,
                1.0 / (i + 1),
                i / n,
                1.0 if paragraph_first else 0.0,
                log(words),
                1.0 if words < 8 else 0.0,
                cover_scaled[i],
                cover_rank[i],
                central[i],
                len(terms[i] & headline) / headline_size,
                min(1.0, digits[i] / words),
                min(1.0, max(0, capitals[i] - 1) / words),
                1.0 if ('"' in text or "“" in text or "”" in text) else 0.0,
                1.0 if dependent[i] else 0.0,
                1.0 if "(" in text and caption(text) is not None else 0.0,
                1.0 if text.rstrip("\"'”’) ").endswith("?") else 0.0,
                1.0,
            )
        )
    return rows
