"""Per-article preparation shared by every summary method.

Summaries must keep up with thousands of articles per second, so the body is
tokenised once with C-level byte operations: it is encoded to ASCII (every
other character becomes one ``?``, so character offsets are kept), mapped
through a 256-byte table (letters lower-cased, everything else a space) and
sliced per sentence; ``split`` and a set difference with the stopwords give
each sentence's content terms. Everything is linear in the article's length
and cached on the article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain, filterfalse

import attrs

from newsbrief.model import Article

__all__ = [
    "FEATURE_NAMES",
    "STOPWORDS",
    "Doc",
    "Layout",
    "centroid",
    "content_terms",
    "feature_columns",
    "features",
    "layout",
    "prepare",
]

_TERM_TABLE = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256)
)
_QUOTE_MARKS = frozenset("\"“‘'")
_OPENING_QUOTES = frozenset('"“')
_TAIL = " .,;:!?)’'"
# A reporting verb after the last quotation mark: the quotation has ended.
_ATTRIBUTION_END = re.compile(
    r"\b(?:said|says|added|noted|told|warned|explained|insisted|argued|stated|according to)"
    r"\b[^\"“”]*$"
)
#: A quotation longer than this many sentences is assumed to be a stray mark.
MAX_QUOTE_SENTENCES = 4
# Words that make a sentence lean on the one before it when they open it.
_DEPENDENT_START = re.compile(
    r"[\"“‘']?(?:But|However|And|Yet|So|Also|Still|Instead|Nevertheless|Nonetheless|Moreover"
    r"|Furthermore|Therefore|Thus|Hence|Meanwhile|Besides|Otherwise|Then|Or|Nor|Indeed"
    r"|He|She|They|It|His|Her|Their|Its|Him|Them|This|That|These|Those|Such|Both|Neither"
    r"|The (?:move|decision|deal|plan|announcement|news|comments?|remarks?|statement))\b"
)
# Every character str.split() splits on, except " " and "\n" (a test checks the list).
_ODD_SPACES = (
    "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
    "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008",
    "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
)  # fmt: skip
_ASCII_ODD_SPACES = tuple(c for c in _ODD_SPACES if c.isascii())

# The classic English stopword list (as in NLTK): deliberately short, so that
# reporting verbs ("said") and news staples ("year", "new") count as content.
_STOPWORDS_RAW = """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing a an the and
but if or because as until while of at by for with about against between into through during
before after above below to from up down in out on off over under again further then once here
there when where why how all any both each few more most other some such no nor not only own same
so than too very s t can will just don should now d ll m o re ve y ain aren couldn didn doesn
hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn
"""

#: Function words ignored by every similarity (as ASCII bytes, like the terms).
STOPWORDS: frozenset[bytes] = frozenset(w.encode("ascii") for w in _STOPWORDS_RAW.split())

#: Names of the features :func:`features` computes, in order. (Coverage
#: scores and ranks, headline overlap, name and number density, paragraph
#: openings, captions and questions were dropped for speed: relearnt without
#: them, the ``default`` method kept its ROUGE, the cosine degree centrality
#: and the recurring-term signals carrying the content; see
#: ``scripts/learn_weights.py``.)
FEATURE_NAMES: tuple[str, ...] = (
    "first",
    "inverse_position",
    "relative_position",
    "last",
    "log_words",
    "log_terms",
    "short",
    "centroid",
    "centroid_rank",
    "quote",
    "quote_start",
    "attribution",
    "dependent",
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
        reach: Per sentence, the sum of its terms' frequencies (see
            :attr:`frequency`).
        recurring: Per sentence, how many of its terms other sentences share.
        tallies: Per sentence, how often each content term occurs in it, or
            None when none occurs twice (its counts are all 1).
        shared: Per sentence, its terms that other sentences contain too.
    """

    terms: tuple[frozenset[bytes], ...]
    reach: tuple[int, ...]
    recurring: tuple[int, ...]
    tallies: tuple[Counter[bytes] | None, ...]
    shared: tuple[frozenset[bytes], ...]

    @property
    def frequency(self) -> Counter[bytes]:
        """For each term, the number of sentences containing it (counted on each access:
        the summary methods need only :attr:`reach` and :attr:`shared`)."""
        return Counter(chain.from_iterable(self.terms))

    def __len__(self) -> int:
        return len(self.terms)


def content_terms(text: str) -> frozenset[bytes]:
    """The distinct content terms of ``text`` (lower-case ASCII words, no stopwords)."""
    return frozenset(text.encode("ascii", "replace").translate(_TERM_TABLE).split()) - STOPWORDS


def _quote_groups(article: Article) -> tuple[tuple[int, ...], ...]:
    """Runs of sentences inside one quotation (singletons elsewhere).

    Quotation marks in real copy are often unbalanced, so a quotation also
    ends at the end of its paragraph, when the next sentence opens a new one,
    when a reporting verb follows the quoted words ('..., the minister said.')
    and after :data:`MAX_QUOTE_SENTENCES` sentences.
    """
    body = article.body
    if '"' not in body and "“" not in body and "”" not in body:
        return tuple([(s.index,) for s in article.sentences])
    groups: list[tuple[int, ...]] = []
    current: list[int] = []
    open_quote = False
    previous_paragraph = -1
    for sentence in article.sentences:
        text = sentence.text
        if not open_quote and '"' not in text and "“" not in text and "”" not in text:
            # Outside a quotation a sentence without marks is a group of its
            # own and opens none (the paragraph matters only to open quotes).
            if current:
                groups.append(tuple(current))
                current = []
            groups.append((sentence.index,))
            continue
        if sentence.paragraph != previous_paragraph:
            # Quotes continued into a new paragraph reopen with a quotation mark.
            open_quote = False
            previous_paragraph = sentence.paragraph
        if open_quote and text[:1] in _OPENING_QUOTES:
            open_quote = False  # a new quotation starts: the last one ended unmarked
        if not open_quote and current:
            groups.append(tuple(current))
            current = []
        current.append(sentence.index)
        if text.count('"') % 2:
            if open_quote:
                open_quote = False
            else:
                # A lone closing mark after the words ('...a luxury."') ends a
                # quotation that began earlier; any other odd mark opens one.
                last = text.rfind('"')
                open_quote = not (
                    last > 0 and not text[last - 1].isspace() and not text[last + 1 :].strip(_TAIL)
                )
        balance = text.count("“") - text.count("”")
        if balance:
            open_quote = balance > 0
        if open_quote and (
            len(current) >= MAX_QUOTE_SENTENCES or _ATTRIBUTION_END.search(text) is not None
        ):
            open_quote = False
    if current:
        groups.append(tuple(current))
    return tuple(groups)


def _word_counts(article: Article) -> tuple[int, ...]:
    """Per sentence, ``len(text.split())``."""
    texts = [s.text for s in article.sentences]
    body = article.body
    # (isascii() is a flag lookup: an ASCII body can hold only the ASCII odd spaces.)
    odd = _ASCII_ODD_SPACES if body.isascii() else _ODD_SPACES
    if "  " in body or any(map(body.__contains__, odd)):
        return tuple([len(t.split()) for t in texts])
    # Spaces only, single ones: a text that does not start or end with one
    # (segmentation strips sentences) has one more word than it has spaces.
    return tuple(
        [
            t.count(" ") + 1 if t and t[0] != " " != t[-1] and "\n" not in t else len(t.split())
            for t in texts
        ]
    )


def _build_layout(article: Article) -> Layout:
    match = _DEPENDENT_START.match
    return Layout(
        words=_word_counts(article),
        groups=_quote_groups(article),
        dependent=tuple([s.index > 0 and match(s.text) is not None for s in article.sentences]),
    )


def layout(article: Article) -> Layout:
    """The article's :class:`Layout`, computed once and cached on the article."""
    return article.cached("summary:layout", lambda: _build_layout(article))


def _build(article: Article) -> Doc:
    sentences = article.sentences
    # ASCII with one "?" per other character keeps offsets, so slices line up.
    raw = article.body.encode("ascii", "replace")
    folded = raw.translate(_TERM_TABLE)
    is_stop = STOPWORDS.__contains__
    terms_list = []
    tallies: list[Counter[bytes] | None] = []
    # Which terms recur, found with set operations as the sentences go by
    # rather than by counting every term of every sentence: per sentence, the
    # terms an earlier sentence holds. A term in f sentences is in f - 1 of
    # these sets, so counting them gives f - 1 for the recurring terms only.
    seen: set[bytes] = set()
    earlier = []
    for s in sentences:
        content = list(filterfalse(is_stop, folded[s.start : s.end].split()))
        distinct = frozenset(content)
        terms_list.append(distinct)
        # Term counts matter only where a content term repeats (in most
        # sentences none does, and every count is 1).
        tallies.append(Counter(content) if len(distinct) < len(content) else None)
        earlier.append(seen.intersection(distinct))
        seen |= distinct
    terms = tuple(terms_list)
    extra: Counter[bytes] = Counter(chain.from_iterable(earlier))
    repeated = frozenset(extra)
    shared = tuple([ts & repeated for ts in terms])
    # A term of no other sentence adds 1 to the reach; a shared one adds 1 + (f - 1).
    more = extra.__getitem__
    return Doc(
        terms=terms,
        reach=tuple([len(ts) + sum(map(more, common)) for ts, common in zip(terms, shared)]),  # noqa: B905
        recurring=tuple(map(len, shared)),
        tallies=tuple(tallies),
        shared=shared,
    )


def prepare(article: Article) -> Doc:
    """The article's :class:`Doc`, computed once and cached on the article."""
    return article.cached("summary:doc", lambda: _build(article))


def centroid(doc: Doc) -> list[float]:
    """Cosine between each sentence's term set and the article's term-frequency vector."""
    # The squared norm of the frequency vector, sum(f * f) over the terms,
    # counts each term once per sentence holding it f times: sum(reach).
    norm = math.sqrt(sum(doc.reach)) or 1.0
    sqrt = math.sqrt
    return [
        r / (sqrt(len(terms)) * norm) if terms else 0.0
        for r, terms in zip(doc.reach, doc.terms, strict=True)
    ]


def _scaled(values: list[float]) -> list[float]:
    top = max(values)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _levels(n: int) -> list[float]:
    """Rank values for ``n >= 2`` items: 1.0 for the first, falling linearly to 0.0."""
    step = 1.0 / (n - 1)
    return [1.0 - rank * step for rank in range(n)]


def _ranked(values: list[float], levels: list[float]) -> list[float]:
    """Each value's level by rank, highest first (ties: earlier first)."""
    ranks = levels[:]
    for rank, i in enumerate(sorted(range(len(values)), key=values.__getitem__, reverse=True)):
        ranks[i] = levels[rank]
    return ranks


def feature_columns(article: Article, shape: Layout, doc: Doc) -> list[list[float]]:
    """The features of :func:`features` as columns: one list per name in :data:`FEATURE_NAMES`.

    Computed one feature at a time over the whole article (comprehensions
    and C-level ``map``), several times faster than a vector per sentence.
    """
    sentences = article.sentences
    n = len(sentences)
    if n == 0:
        return [[] for _ in FEATURE_NAMES]
    log = math.log
    words = [w or 1 for w in shape.words]
    texts = [s.text for s in sentences]
    central = centroid(doc)
    last = [0.0] * n
    if n > 1:
        last[-1] = 1.0
    return [
        [1.0] + [0.0] * (n - 1),
        [1.0 / (i + 1) for i in range(n)],
        [i / n for i in range(n)],
        last,
        list(map(log, words)),
        [log(len(ts) + 1) for ts in doc.terms],
        [1.0 if w < 8 else 0.0 for w in words],
        _scaled(central),
        _ranked(central, _levels(n)) if n > 1 else [1.0],
        [1.0 if '"' in t or "“" in t or "”" in t else 0.0 for t in texts],
        [1.0 if t[:1] in _QUOTE_MARKS else 0.0 for t in texts],
        [1.0 if " said" in t or " says" in t or " told" in t else 0.0 for t in texts],
        [1.0 if d else 0.0 for d in shape.dependent],
        [1.0] * n,
    ]


def features(article: Article, shape: Layout, doc: Doc) -> list[tuple[float, ...]]:
    """One feature vector per sentence, in the order of :data:`FEATURE_NAMES`."""
    return list(zip(*feature_columns(article, shape, doc), strict=False))
