"""Digests: many articles, one briefing that fits a time budget.

:meth:`Digest.from_articles` reads any iterable of articles once, keeping only
a compact signature of each, and

1. merges duplicates: exact repeats (same body once case and spacing are
   normalised), near-duplicates (revised or lightly edited copies: MinHash of
   word 3-shingles with LSH banding, then an estimated Jaccard check) and the
   same event told by several sources (the content words of headline and
   lead, and the names and numbers, found by prefix-filtered similarity joins
   and checked by exact Jaccard); groups are formed with union-find, so
   nothing is compared all against all;
2. orders the stories by importance: coverage (distinct sources and distinct
   texts merged), recency, position in the input and substance;
3. shares the time budget between as many stories as fit (more time for the
   important ones, a minimum for each) and builds a briefing only for the
   stories it keeps, from each story's most complete article;
4. adds an intro ("Your briefing for Tuesday, 27 November: five stories."),
   transitions and an outro, and checks that the whole digest, spoken at the
   configured rate, fits the budget.

All hashing is deterministic (CRC-32, BLAKE2b and fixed multipliers, never
Python's salted ``hash``), so the same input gives the same digest. See
``docs/digest.md`` for the thresholds, how they were tuned and the figures.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import itertools
import logging
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from newsbrief.errors import BudgetError, InvalidArticleError, NewsbriefError
from newsbrief.model import Article, _strings
from newsbrief.timing import DEFAULT_WPM, estimate_seconds

if TYPE_CHECKING:  # pragma: no cover - imports for annotations only
    from newsbrief.briefing import Briefing

__all__ = ["Digest", "DuplicateGroups", "Story", "find_duplicates"]

logger = logging.getLogger(__name__)

#: Estimated word-3-shingle Jaccard at or above which two articles are one story.
SHINGLE_THRESHOLD = 0.45
#: Jaccard of the headline-and-lead content words at or above which two
#: articles report the same event (tuned on BBC dev pairs and invented rewrites).
LEAD_THRESHOLD = 0.5
#: Two sources rewording one event share fewer lead words but the same names
#: and numbers: they merge when the mean of lead and name Jaccard reaches
#: EVENT_THRESHOLD and the lead Jaccard is at least LEAD_FLOOR.
EVENT_THRESHOLD = 0.5
LEAD_FLOOR = 0.3
#: Similar leads merge only if the names agree a little too: templated
#: articles ("Ahead of this weekend's fixtures...") share an intro, not the
#: teams and people. Leads this alike merge whatever the names.
NAMES_FLOOR = 0.15
SAME_LEAD = 0.8
#: Two bodies that open with this many words in common, word for word, share a
#: house template ("Ahead of this weekend's fixtures, ...") or are copies of
#: one text: the lead rules then judge the words after the shared opening,
#: which must reach LEAD_THRESHOLD on their own (copies also merge on shingles).
TEMPLATE_WORDS = 20
#: Default length of a digest, in minutes.
DEFAULT_MINUTES = 5.0
#: Time a story gets on average; the number of stories is budget / this.
STORY_SECONDS = 30.0
#: The average for short digests (a sixth of the budget, but at least this).
SHORT_STORY_SECONDS = 20.0
#: No story gets less than this.
MIN_STORY_SECONDS = 15.0
#: No story gets more than this, however few stories there are.
MAX_STORY_SECONDS = 120.0

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MASK = (1 << 30) - 1
_MULT = (0x2545F491, 0x3C6EF373, 0x1B873593)  # odd 30-bit multipliers
#: MinHash signature length (one-permutation hashing: one bin per value).
_BINS = 128
_BIN_SHIFT = 30 - 7  # the top 7 of 30 bits choose one of the 128 bins
#: Only the first words are shingled: enough to tell copies and revisions apart.
_SHINGLE_WORDS = 300
#: LSH bands of this many bins each (42 bands of 3: P(candidate) 0.98 at J=0.45).
_ROWS = 3
#: Words of the body that count as the lead.
_LEAD_WORDS = 60
#: Words of the body kept, in order, to find an opening two articles share.
_OPENING_WORDS = 100
#: The hash a stop word gets in an opening (the CRC-32 of "").
_BLANK = zlib.crc32(b"") >> 2
#: Names and numbers are collected from this many words of the body.
_NAME_WORDS = 300
#: Content words are cut to this many characters: a cheap stemmer
#: (council/councillors, approve/approved).
_STEM = 6
#: Candidate pairs must share this many words of their prefixes.
_SHARED = 2
#: In the similarity joins, an article is paired with at most this many
#: following articles that share a word (bounds the cost of common words).
_WINDOW = 16

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our out over own same she should
    so some such than that the their them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your
    said says say told according year years new one two three first last week month day today
    yesterday mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)
_NUMBER_WORDS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: A section name that reads well in "Now to sport.": a word or two, letters only.
_SECTION = re.compile(r"[a-z]{2,20}(?: [a-z]{2,20})?")
_TRANSITIONS = ("Next.", "In other news.", "Also today.", "Meanwhile.")


# -- public types ----------------------------------------------------------


def _articles(values: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(values)


def _stories(values: Iterable[Story]) -> tuple[Story, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Story:
    """One story of a digest: a briefing and the articles merged into it.

    Attributes:
        briefing: The briefing of the story's representative article.
        sources: Ids (or headlines, or sources, when an article has no id) of
            every article merged into the story, representative first.
        transition: The line said before the story ("Next."); may be "".
        articles: The representative article (only it is kept, to bound memory).
        rank: The story's 0-based position in the digest.
        duplicates: How many articles beyond the representative were merged.
        publishers: The distinct ``source`` values (publishers, feeds) of
            the merged articles, representative's first.
    """

    briefing: Briefing
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    transition: str = ""
    articles: tuple[Article, ...] = attrs.field(default=(), converter=_articles)
    rank: int = 0
    duplicates: int = 0
    publishers: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def title(self) -> str:
        """The story's title for chapters and headings: its headline, or its first words."""
        headline = self.briefing.headline.strip()
        if headline:
            return headline
        lede = self.briefing.lede.strip()
        if lede:
            words = lede.split()
            return " ".join(words[:10]) + ("..." if len(words) > 10 else "")
        return f"Story {self.rank + 1}"

    def to_dict(self) -> dict[str, Any]:
        """The briefing's dict plus ``sources``, ``publishers``, ``transition``,
        ``rank``, ``duplicates`` and ``title``."""
        data = self.briefing.to_dict()
        data["sources"] = list(self.sources)
        data["publishers"] = list(self.publishers)
        data["transition"] = self.transition
        data["rank"] = self.rank
        data["duplicates"] = self.duplicates
        data["title"] = self.title
        return data


@attrs.frozen(slots=True)
class DuplicateGroups:
    """The result of duplicate detection over a sequence of articles.

    Attributes:
        groups: Each group is a tuple of input positions, in input order; every
            input position is in exactly one group; groups are ordered by their
            first position.
        exact_duplicates: Articles that repeat an earlier body exactly.
        near_duplicates: Further articles merged as the same story.
    """

    groups: tuple[tuple[int, ...], ...]
    exact_duplicates: int
    near_duplicates: int

    @property
    def merged(self) -> int:
        """Articles folded into another article's story."""
        return self.exact_duplicates + self.near_duplicates


@attrs.frozen(slots=True)
class Digest:
    """A spoken-length-bounded briefing of many articles.

    Build one with :meth:`from_articles`; render it with
    ``newsbrief.render(digest, fmt)`` like a briefing.

    Attributes:
        title: The digest's title ("News briefing").
        date: The date the digest is for, if known.
        intro: The opening line ("Your briefing for Tuesday, 27 November: five stories.").
        stories: The stories, most important first.
        outro: The closing line.
        duplicates_merged: Input articles folded into another article's story.
        exact_duplicates: Of those, exact repeats.
        articles_read: Number of input articles.
        stories_found: Distinct stories among the input (before the budget).
        budget_seconds: The time budget the digest fits.
        wpm: The speaking rate used for every estimate.
        listening_seconds: Estimated speaking time of the whole digest: its
            speech script (intro, transitions, stories, outro and the pauses
            between them), estimated like a briefing's. Computed when omitted.
    """

    title: str
    date: _dt.date | None
    intro: str
    stories: tuple[Story, ...] = attrs.field(converter=_stories)
    outro: str = ""
    duplicates_merged: int = 0
    exact_duplicates: int = 0
    articles_read: int = 0
    stories_found: int = 0
    budget_seconds: float = DEFAULT_MINUTES * 60.0
    wpm: float = DEFAULT_WPM
    listening_seconds: float = attrs.field(
        default=attrs.Factory(lambda self: _spoken_length(self), takes_self=True)
    )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``title``, ``date``, ``intro``, ``stories`` (briefing
        dicts with ``sources``), ``outro``, ``listening_seconds``,
        ``duplicates_merged`` and counts."""
        return {
            "title": self.title,
            "date": None if self.date is None else self.date.isoformat(),
            "intro": self.intro,
            "stories": [story.to_dict() for story in self.stories],
            "outro": self.outro,
            "listening_seconds": round(self.listening_seconds, 2),
            "budget_seconds": self.budget_seconds,
            "wpm": self.wpm,
            "duplicates_merged": self.duplicates_merged,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.duplicates_merged - self.exact_duplicates,
            "articles_read": self.articles_read,
            "stories_found": self.stories_found,
        }

    @classmethod
    def from_articles(
        cls,
        articles: Iterable[Article],
        *,
        minutes: float | None = None,
        seconds: float | None = None,
        wpm: float | None = None,
        date: _dt.date | str | None = None,
        title: str | None = None,
        max_stories: int | None = None,
        story_seconds: float | None = None,
    ) -> Digest:
        """Merge, rank and brief ``articles`` within a time budget.

        Args:
            articles: Any iterable of articles; it is read once. Only compact
                signatures are kept for each article; the chosen stories are
                briefed from the sequence itself when ``articles`` is one, or
                from each article's kept text (not its segmentation or
                analysis) when it is a one-shot iterator.
            minutes: The budget in minutes (default 5).
            seconds: The budget in seconds (instead of ``minutes``).
            wpm: Speaking rate in words per minute (default
                :data:`newsbrief.timing.DEFAULT_WPM`).
            date: The day the digest is for (a date or ISO string); default the
                latest publication date among the articles.
            title: The digest's title (default "News briefing, 24 November
                2026", or "News briefing" when the date is unknown).
            max_stories: At most this many stories.
            story_seconds: The average time a story gets; the number of stories
                is the budget divided by it. Default: a sixth of the budget,
                between 20 and 30 seconds (short digests tell more, shorter
                stories).

        Raises:
            BudgetError: The budget is missing, doubled, out of range or too
                short for even one story.
            InvalidArticleError: An item is not an :class:`~newsbrief.Article`.
        """
        budget = _budget(minutes, seconds)
        rate = _rate(wpm)
        day = _to_date(date)
        if max_stories is not None and (isinstance(max_stories, bool) or max_stories < 1):
            raise BudgetError(f"max_stories must be at least 1, got {max_stories!r}")
        if story_seconds is None:
            story_seconds = min(STORY_SECONDS, max(SHORT_STORY_SECONDS, budget / 6))
        if isinstance(story_seconds, bool) or not (
            isinstance(story_seconds, (int, float)) and story_seconds >= MIN_STORY_SECONDS
        ):
            raise BudgetError(
                f"story_seconds must be at least {MIN_STORY_SECONDS:g}, got {story_seconds!r}"
            )
        index = _Index(source=articles if isinstance(articles, Sequence) else None)
        for article in articles:
            index.add(article)
        dups = index.groups()
        if day is None:
            day = index.latest
        ranked = _rank(index, dups.groups)
        stories = _choose(index, ranked, budget, rate, day, max_stories, float(story_seconds))
        return cls(
            title=title if title is not None else _title(day),
            date=day,
            intro=_intro(day, len(stories)),
            stories=stories,
            outro=_outro(len(stories), len(ranked)),
            duplicates_merged=dups.merged,
            exact_duplicates=dups.exact_duplicates,
            articles_read=len(index),
            stories_found=len(ranked),
            budget_seconds=budget,
            wpm=rate,
        )


def find_duplicates(articles: Iterable[Article]) -> DuplicateGroups:
    """Group ``articles`` into stories: exact repeats, near-duplicates, same events.

    The same method :meth:`Digest.from_articles` uses, without the briefing.
    Linear in the number of articles apart from the candidate pairs that
    MinHash-LSH and the rare-word index propose.
    """
    index = _Index(keep_text=False)
    for article in articles:
        index.add(article)
    return index.groups()


# -- signatures ------------------------------------------------------------


@attrs.frozen(slots=True)
class _Kept:
    """What is kept of an article to rebuild it later (the strings are shared, not copied)."""

    headline: str
    body: str
    id: str | None
    source: str | None
    url: str | None
    published: _dt.datetime | _dt.date | None
    language: str
    metadata: dict[str, Any]

    def article(self) -> Article:
        return Article.from_text(
            self.body,
            title=self.headline,
            source=self.source,
            url=self.url,
            published=self.published,
            id=self.id,
            language=self.language,
            metadata=self.metadata,
        )


class _UnionFind:
    """Disjoint sets over 0..n-1 with path halving; the smaller index is the root."""

    __slots__ = ("parent",)

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


class _Index:
    """Compact per-article features, collected in one pass over the input.

    Plain class, not attrs: it is a private, growing accumulator that lives
    for one call only.
    """

    def __init__(self, *, keep_text: bool = True, source: Sequence[Article] | None = None) -> None:
        # A sequence is already in memory: its articles are taken from it
        # again when briefed. From a one-shot iterator only the text is kept.
        self.source = source
        self.keep_text = keep_text and source is None
        self.kept: list[_Kept] = []
        self.words: list[int] = []
        self.sources: list[str | None] = []
        self.labels: list[str] = []
        self.published: list[_dt.date | None] = []
        self.first_of_exact: list[int] = []  # index of the first article with the same body
        self.signatures: dict[int, tuple[int, ...]] = {}  # only for first-of-exact articles
        self.leads: dict[int, frozenset[int]] = {}
        self.names: dict[int, frozenset[int]] = {}
        # Cut content words (0 for a stop word), in order: shared openings.
        self.openings: dict[int, tuple[int, ...]] = {}
        self.latest: _dt.date | None = None
        self._exact: dict[bytes, int] = {}
        self._vocab: dict[str, int] = {}  # word -> CRC-32, shared by all articles of the run

    def __len__(self) -> int:
        return len(self.words)

    def add(self, article: Article) -> None:
        if not isinstance(article, Article):
            raise InvalidArticleError(
                f"a digest needs Article objects, got {type(article).__name__}"
                f" at position {len(self.words)}"
            )
        position = len(self.words)
        body = article.body
        tokens = body.split()
        self.words.append(len(tokens))
        self.sources.append(article.source)
        self.labels.append(_label(article, position))
        published = _day_of(article.published)
        self.published.append(published)
        if published is not None and (self.latest is None or published > self.latest):
            self.latest = published
        if self.keep_text:
            self.kept.append(
                _Kept(
                    article.headline,
                    article.body,
                    article.id,
                    article.source,
                    article.url,
                    article.published,
                    article.language,
                    article.metadata,
                )
            )
        # Exact repeats: the same body once case and spacing are normalised.
        key = hashlib.blake2b(" ".join(tokens).lower().encode(), digest_size=16).digest()
        first = self._exact.setdefault(key, position)
        self.first_of_exact.append(first)
        if first != position:
            return  # an exact repeat: the first copy's signatures stand for it
        # Only the start of a long article is looked at: it tells copies,
        # revisions and rewrites apart as well as the whole does.
        raw = _WORD.findall(" ".join(tokens[:_SHINGLE_WORDS]))
        headline = _WORD.findall(article.headline.lower())
        body_words = " ".join(raw).lower().split()
        words = headline + body_words
        self.signatures[position] = _minhash(self._hashes(words[:_SHINGLE_WORDS]))
        lead = [w[:_STEM] for w in words[: len(headline) + _LEAD_WORDS] if _content(w)]
        self.leads[position] = frozenset(self._hashes(lead))
        cut = [w[:_STEM] if _content(w) else "" for w in body_words[:_OPENING_WORDS]]
        self.openings[position] = tuple(self._hashes(cut))
        # Names and numbers: capitalised words (a few sentence starts too) and digits.
        names = " ".join(w for w in raw[:_NAME_WORDS] if w[0].isupper() or w[0].isdigit())
        self.names[position] = frozenset(
            self._hashes(sorted(set(names.lower().split()) - _STOPWORDS))
        )

    def _hashes(self, words: list[str]) -> list[int]:
        vocab = self._vocab
        for word in set(words).difference(vocab):
            vocab[word] = zlib.crc32(word.encode()) >> 2
        return list(map(vocab.__getitem__, words))

    def article(self, position: int) -> Article:
        if self.source is not None:
            return self.source[position]
        return self.kept[position].article()

    def groups(self) -> DuplicateGroups:
        size = len(self.words)
        union = _UnionFind(size)
        for position, first in enumerate(self.first_of_exact):
            if first != position:
                union.union(first, position)
        exact = sum(1 for p, f in enumerate(self.first_of_exact) if p != f)
        for a, b in self._shingle_pairs():
            union.union(a, b)
        for a, b in self._lead_pairs():
            union.union(a, b)
        members: dict[int, list[int]] = defaultdict(list)
        for position in range(size):
            members[union.find(position)].append(position)
        groups = tuple(tuple(m) for _, m in sorted(members.items()))
        return DuplicateGroups(
            groups=groups, exact_duplicates=exact, near_duplicates=size - exact - len(groups)
        )

    def _shingle_pairs(self) -> Iterator[tuple[int, int]]:
        """Pairs whose estimated 3-shingle Jaccard reaches the threshold (LSH candidates)."""
        seen: set[tuple[int, int]] = set()
        signatures = self.signatures
        for band in range(0, _BINS - _ROWS + 1, _ROWS):
            buckets: dict[tuple[int, ...], list[int]] = defaultdict(list)
            for position, signature in signatures.items():
                buckets[signature[band : band + _ROWS]].append(position)
            for bucket in buckets.values():
                if len(bucket) < 2:
                    continue
                for i, a in enumerate(bucket):
                    sa = signatures[a]
                    # A chain through a big bucket (one story, many copies)
                    # instead of all its pairs; union-find closes the chain.
                    for b in bucket[i + 1 : i + 1 + _WINDOW]:
                        if (a, b) in seen:
                            continue
                        seen.add((a, b))
                        same = sum(map(int.__eq__, sa, signatures[b]))
                        if same >= SHINGLE_THRESHOLD * _BINS:
                            yield a, b

    def _lead_pairs(self) -> Iterator[tuple[int, int]]:
        """Pairs that report the same event: similar leads, or similar names and leads.

        Either rule needs a Jaccard of at least 0.5 on the lead words or on
        the names (the mean of the two reaches 0.5 only if one does), so the
        candidates come from two prefix-filtered similarity joins at 0.5.
        """
        leads, names, openings = self.leads, self.names, self.openings
        candidates = {*_candidates(leads, LEAD_THRESHOLD), *_candidates(names, EVENT_THRESHOLD)}
        for a, b in sorted(candidates):
            lead = _jaccard(leads[a], leads[b])
            if lead < LEAD_FLOOR:
                continue
            shared = _shared_opening(openings[a], openings[b])
            if shared >= TEMPLATE_WORDS:
                # A template's words say nothing of the event: what follows does.
                after_a = frozenset(openings[a][shared : shared + _LEAD_WORDS]) - {_BLANK}
                after_b = frozenset(openings[b][shared : shared + _LEAD_WORDS]) - {_BLANK}
                if _jaccard(after_a, after_b) >= LEAD_THRESHOLD:
                    yield a, b
                continue
            named = _jaccard(names[a], names[b])
            # Without names on one side (all lower case), the leads decide alone.
            names_agree = named >= NAMES_FLOOR or not (names[a] and names[b])
            if (
                lead >= SAME_LEAD
                or (lead >= LEAD_THRESHOLD and names_agree)
                or (lead + named) / 2 >= EVENT_THRESHOLD
            ):
                yield a, b


def _candidates(sets: dict[int, frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """Pairs of ``sets`` that may reach Jaccard ``threshold``: a prefix-filtered join.

    With the words of every set ordered rarest first, two sets of Jaccard at
    least ``t`` share ``o >= t * n`` words, and then the first
    ``n - ceil(t * n) + k`` words of each share at least ``k`` of them
    (Chaudhuri et al., 2006; here k = 2), so only those prefixes are indexed
    and only pairs meeting twice there are candidates.
    """
    frequency = Counter(itertools.chain.from_iterable(sets.values()))
    # One global order, rarest first (ties by the word's hash): the prefix
    # lemma needs every set ordered the same way.
    rank = {word: i for i, word in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    order = rank.__getitem__
    postings: dict[int, list[int]] = defaultdict(list)
    sizes: dict[int, int] = {}
    for position, words in sets.items():
        size = len(words)
        if size >= _SHARED:
            sizes[position] = size
            prefix = size - math.ceil(threshold * size) + _SHARED
            for word in sorted(words, key=order)[:prefix]:
                postings[word].append(position)
    met: dict[tuple[int, int], int] = defaultdict(int)
    for docs in postings.values():
        if len(docs) < 2:
            continue
        for i, a in enumerate(docs):
            low = threshold * sizes[a]
            high = sizes[a] / threshold
            # Each article meets the next _WINDOW sharing the word: all pairs of
            # a short list, and a chain through a long one (a story many
            # sources cover), which union-find closes, without L^2 pairs.
            for b in docs[i + 1 : i + 1 + _WINDOW]:
                # Length filter: Jaccard <= min/max of the sizes.
                if low <= sizes[b] <= high:
                    met[a, b] += 1
    return [pair for pair, count in met.items() if count >= _SHARED]


def _shared_opening(a: Sequence[int], b: Sequence[int]) -> int:
    """How many words ``a`` and ``b`` have in common from their first on."""
    for i, (x, y) in enumerate(zip(a, b)):  # noqa: B905 - the shorter one ends it
        if x != y:
            return i
    return min(len(a), len(b))


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def _content(word: str) -> bool:
    return word not in _STOPWORDS and (len(word) > 2 or word.isdigit())


def _minhash(hashes: list[int]) -> tuple[int, ...]:
    """One-permutation MinHash of the word 3-shingles, densified so no bin is empty.

    ``hashes`` are 30-bit word hashes; shingle hashes stay within 30 bits so
    Python compares and sorts them as single-digit integers (fast).
    """
    k1, k2, k3 = _MULT
    if len(hashes) < 3:
        hashes = [*hashes, 0, 0, 0][:3]
    values = sorted(
        {
            (((a * k1) ^ b) * k2 ^ c) * k3 & _MASK
            for a, b, c in zip(hashes, hashes[1:], hashes[2:])  # noqa: B905
        },
        reverse=True,
    )
    # Later (smaller) values overwrite earlier ones: each bin keeps its minimum.
    bins = dict(zip([v >> _BIN_SHIFT for v in values], values, strict=True))
    signature = [bins.get(i, -1) for i in range(_BINS)]
    if len(bins) < _BINS:
        # Densify: an empty bin borrows the value of the next non-empty bin to
        # its right (circularly), mixed with the distance, so that similar
        # sets keep similar signatures (Shrivastava and Li, 2014). One walk
        # right to left, twice round the ring, carries the nearest value.
        nearest, distance = -1, 0
        for i in range(2 * _BINS - 1, -1, -1):
            value = bins.get(i % _BINS)
            if value is not None:
                nearest, distance = value, 0
            else:
                distance += 1
                if i < _BINS and nearest != -1:
                    signature[i] = (nearest * k3 + distance) & _MASK | (1 << 30)
    return tuple(signature)


# -- ranking ---------------------------------------------------------------


@attrs.frozen(slots=True)
class _Ranked:
    members: tuple[int, ...]
    representative: int
    score: float


def _rank(index: _Index, groups: Sequence[tuple[int, ...]]) -> list[_Ranked]:
    """Order groups by importance: coverage, recency, position, substance."""
    total = max(len(index), 1)
    latest = index.latest
    ranked: list[_Ranked] = []
    for members in groups:
        texts = {index.first_of_exact[m] for m in members}
        sources = {index.sources[m] for m in members if index.sources[m]}
        repeats = len(members) - len(texts)
        coverage = max(len(sources), 1) + 0.5 * (len(texts) - 1) + 0.25 * repeats
        days = [index.published[m] for m in members if index.published[m] is not None]
        if latest is not None and days:
            age = (latest - max(d for d in days if d is not None)).days
            recency = 1.0 / (1.0 + max(age, 0))
        else:
            recency = 0.5
        position = 1.0 - members[0] / total
        substance = min(1.0, max(index.words[m] for m in members) / 200.0)
        score = coverage + 0.6 * recency + 0.4 * position + 0.3 * substance
        # The representative: the most complete text, then the earliest.
        representative = min(
            members,
            key=lambda m: (-index.words[m], index.published[m] or _dt.date.max, m),
        )
        ranked.append(_Ranked(members, representative, score))
    ranked.sort(key=lambda r: (-r.score, r.members[0]))
    return ranked


# -- budget ----------------------------------------------------------------


def _budget(minutes: float | None, seconds: float | None) -> float:
    if minutes is not None and seconds is not None:
        raise BudgetError("give the digest budget in minutes or in seconds, not both")
    if minutes is None and seconds is None:
        minutes = DEFAULT_MINUTES
    name, value = ("minutes", minutes) if minutes is not None else ("seconds", seconds)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BudgetError(f"{name} must be a number, not {value!r}")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise BudgetError(f"{name} must be a positive number, got {value!r}")
    total = number * 60.0 if name == "minutes" else number
    if total > 24 * 3600:
        raise BudgetError(f"a digest lasts at most 24 hours, got {value!r} {name}")
    return total


def _rate(wpm: float | None) -> float:
    if wpm is None:
        return DEFAULT_WPM
    if isinstance(wpm, bool) or not isinstance(wpm, (int, float)) or not 20 <= wpm <= 1000:
        raise BudgetError(f"wpm must be a number in [20, 1000], got {wpm!r}")
    return float(wpm)


def _spoken_seconds(text: str, wpm: float) -> float:
    if not text:
        return 0.0
    return estimate_seconds(len(text.split()), wpm)


def _total_seconds(intro: str, outro: str, stories: Sequence[Story], wpm: float) -> float:
    """Speaking time of a digest made of these parts (see :func:`_spoken_length`)."""
    view = {
        "intro": intro,
        "stories": [story.to_dict() for story in stories],
        "outro": outro,
    }
    from newsbrief.render.script import estimate_parts_seconds, script_parts

    return estimate_parts_seconds(script_parts(view), wpm)


def _spoken_length(digest: Digest) -> float:
    """The digest's speaking time: its speech script, estimated as a briefing's is."""
    return _total_seconds(digest.intro, digest.outro, digest.stories, digest.wpm)


def _choose(
    index: _Index,
    ranked: Sequence[_Ranked],
    budget: float,
    wpm: float,
    day: _dt.date | None,
    max_stories: int | None,
    story_seconds: float,
) -> tuple[Story, ...]:
    """Pick as many stories as the budget holds and brief only those."""
    limit = len(ranked) if max_stories is None else min(max_stories, len(ranked))
    if limit == 0:
        return ()
    # Framing with the longest count word, so it never grows after the choice.
    framing = _spoken_seconds(_intro(day, 77), wpm) + _spoken_seconds(_outro(77, 99), wpm)
    # A transition line and the longer pause after a story in a digest.
    transition = _spoken_seconds("In other news.", wpm) + 1.5
    available = budget - framing
    if available < MIN_STORY_SECONDS + transition:
        raise BudgetError(
            f"a budget of {budget:g} s is too short for a digest: it needs at least"
            f" {math.ceil(framing + transition + MIN_STORY_SECONDS)} s"
        )
    count = max(1, min(limit, int(available // (story_seconds + transition))))
    chosen: list[Story] = []
    used = 0.0
    position = 0  # next ranked group to try
    while position < len(ranked) and len(chosen) < limit:
        left = available - used
        slots = max(1, min(count - len(chosen), limit - len(chosen)))
        if len(chosen) >= count:
            # Briefings came out shorter than their shares: fill the time left.
            if left < MIN_STORY_SECONDS + transition:
                break
            slots = 1
        share = _share(ranked, position, slots, left - slots * transition)
        if share < MIN_STORY_SECONDS:
            break
        group = ranked[position]
        position += 1
        share = min(share, MAX_STORY_SECONDS)
        story = _story(index, group, share, wpm, len(chosen))
        if story is None:
            continue
        # Briefings grow a sentence at a time: one that came out well short of
        # its share may take one more sentence from the time of the stories
        # after it, as long as they keep their minimum.
        most = min(MAX_STORY_SECONDS, left - slots * transition - (slots - 1) * MIN_STORY_SECONDS)
        if story.briefing.listening_seconds < 0.75 * share and most > 1.1 * share:
            longer = _story(index, group, min(most, 1.5 * share), wpm, len(chosen))
            if longer is not None and longer.briefing.listening_seconds <= most:
                story = longer
        used += story.briefing.listening_seconds + transition
        chosen.append(story)
    stories = _with_transitions(index, ranked, chosen)
    # Guarantee the fit: drop the least important stories while it does not hold.
    while stories and (
        _total_seconds(_intro(day, len(stories)), _outro(len(stories), len(ranked)), stories, wpm)
        > budget
    ):
        stories = _with_transitions(index, ranked, stories[:-1])
    return tuple(stories)


def _share(ranked: Sequence[_Ranked], position: int, slots: int, left: float) -> float:
    """The next story's share of ``left`` seconds split over ``slots`` stories by importance."""
    upcoming = ranked[position : position + slots]
    if not upcoming or left <= 0:
        return 0.0
    weights = [1.0 + min(r.score, 4.0) / 4.0 for r in upcoming]
    spare = left - MIN_STORY_SECONDS * len(upcoming)
    if spare <= 0:
        return left / len(upcoming)
    return MIN_STORY_SECONDS + spare * weights[0] / sum(weights)


def _story(index: _Index, group: _Ranked, seconds: float, wpm: float, rank: int) -> Story | None:
    article = index.article(group.representative)
    try:
        briefing = article.briefing(seconds=seconds, wpm=wpm)
    except NewsbriefError as error:
        logger.warning("skipping story %s: %s", index.labels[group.representative], error)
        return None
    if briefing.listening_seconds <= 0:
        logger.info("skipping story %s: nothing to say", index.labels[group.representative])
        return None
    order = [group.representative, *(m for m in group.members if m != group.representative)]
    return Story(
        briefing=briefing,
        sources=_unique(index.labels[m] for m in order),
        articles=(article,),
        rank=rank,
        duplicates=len(group.members) - 1,
        publishers=_unique(p for p in (index.sources[m] for m in order) if p),
    )


def _with_transitions(
    index: _Index, ranked: Sequence[_Ranked], stories: Sequence[Story]
) -> list[Story]:
    """Give each story its rank and the line that leads into it (deterministic)."""
    del ranked  # the order is the stories' own
    out: list[Story] = []
    previous: str | None = None
    for rank, story in enumerate(stories):
        category = _category(index, story)
        if len(stories) == 1:
            line = ""
        elif rank == 0:
            line = "Our top story."
        elif rank == len(stories) - 1:
            line = "And finally."
        elif category is not None and category != previous:
            line = f"Now to {category}."
        else:
            line = _TRANSITIONS[(rank - 1) % len(_TRANSITIONS)]
        previous = category
        out.append(attrs.evolve(story, transition=line, rank=rank))
    return out


def _category(index: _Index, story: Story) -> str | None:
    """The story's section ("sport"), when its article names a short, plain one."""
    del index
    for article in story.articles:
        value = article.metadata.get("category")
        if isinstance(value, str):
            name = " ".join(value.split()).lower()
            if _SECTION.fullmatch(name):
                return name
    return None


# -- words -----------------------------------------------------------------


def number_words(value: int) -> str:
    """``value`` (0-999) in words, as said in a briefing ("twenty-one"); digits beyond."""
    if value < 0 or value > 999:
        return str(value)
    if value < 20:
        return _NUMBER_WORDS[value]
    if value < 100:
        tens, units = divmod(value, 10)
        return _TENS[tens] + (f"-{_NUMBER_WORDS[units]}" if units else "")
    hundreds, rest = divmod(value, 100)
    head = f"{_NUMBER_WORDS[hundreds]} hundred"
    return head if not rest else f"{head} and {number_words(rest)}"


def _stories_phrase(count: int) -> str:
    return f"{number_words(count)} {'story' if count == 1 else 'stories'}"


def _title(day: _dt.date | None) -> str:
    if day is None:
        return "News briefing"
    return f"News briefing, {day.day} {day.strftime('%B')} {day.year}"


def _intro(day: _dt.date | None, count: int) -> str:
    when = f" for {day.strftime('%A')}, {day.day} {day.strftime('%B')}" if day else ""
    return f"Your briefing{when}: {_stories_phrase(count)}."


def _outro(count: int, found: int) -> str:
    if count == 0:
        return "There is no news to report."
    more = found - count
    if more <= 0:
        return "That's all for now."
    if more < 100:
        rest = f"{number_words(more).capitalize()} more {'story' if more == 1 else 'stories'}"
    else:
        # Big counts are no use to a listener, and must not outgrow the
        # framing time set aside before the stories were chosen.
        rest = "Hundreds more stories" if more < 1000 else "Thousands more stories"
    return f"{rest} did not fit in this briefing. That's all for now."


def _unique(labels: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for label in labels:
        if label not in seen:
            seen.add(label)
            out.append(label)
    return tuple(out)


def _label(article: Article, position: int) -> str:
    for value in (article.id, article.headline, article.source):
        if value:
            return value
    return f"article {position + 1}"


def _day_of(value: _dt.datetime | _dt.date | None) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    return value


def _to_date(value: object) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise BudgetError(f"date must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise BudgetError(f"date must be a date or an ISO string, not {value!r}")
