"""How a briefing is composed: the work of :func:`newsbrief.briefing.build_briefing`.

It picks the lede, key points, quotes, background, people, names and dates
from an article's sentence scores and analysis, and trims them to a time or
word budget by measuring the speech script.

Why it is not in :mod:`newsbrief.briefing`: the optional mypyc build
(:mod:`newsbrief._build`) compiles this module, and mypyc cannot compile the
attrs classes with converters that module defines (:class:`Briefing` and the
rest). The result types stay there, interpreted; this module only calls them.
It imports :mod:`newsbrief.briefing`, which imports it back only inside
``build_briefing``: no import cycle.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

import attrs

from newsbrief.briefing import READING_WPM, TIME_SAFETY, BriefDate, Briefing, BriefQuote, Person
from newsbrief.errors import BudgetError
from newsbrief.model import Article, EntityKind, Quote, Sentence, Span
from newsbrief.render.script import _script_lines, say_sentence
from newsbrief.render.spoken import speakable
from newsbrief.summarize import Budget, sentence_scores
from newsbrief.timing import (
    DEFAULT_WPM,
    PAUSE_SECONDS,
    ScriptFeatures,
    script_features,
    script_seconds,
)

#: A direct quote shorter than this (in words) is a fragment or scare quote
#: ("thorough", a "special military operation"), not something said.
MIN_QUOTE_WORDS = 4
_MAX_KEY_POINTS = 20
_EARLY = 3
_MIN_POINT_WORDS = 6
_SIMILAR = 0.6

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "from",
        "this",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "its",
        "his",
        "her",
        "their",
        "they",
        "them",
        "been",
        "but",
        "not",
        "who",
        "which",
        "what",
        "when",
        "where",
        "while",
        "into",
        "than",
        "then",
        "also",
        "over",
        "after",
        "before",
        "about",
        "more",
        "most",
        "some",
        "such",
        "only",
        "other",
        "there",
        "these",
        "those",
        "being",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "does",
        "our",
        "out",
        "off",
        "all",
        "any",
        "per",
        "via",
        "him",
        "she",
        "he",
        "it",
    ]
)
_DEPENDENT_START = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "but",
        "and",
        "yet",
        "so",
        "also",
        "however",
        "meanwhile",
        "instead",
        "still",
        "such",
        "there",
    ]
)
# Each opens with a letter (see _PAST_CUES_AFTER) and has no "|" outside brackets.
_PAST_CUE_ALTERNATIVES = (
    "since", "ago", "earlier", "previously", "last (?:year|month|week|time)", "days? before",
    "weeks? before", "months? before", "years? before", "before that", "after", "had",
    "has been", "have been", "began", "started", "first", "history", "triggered", "following",
    "because", "due to", r"in (?:1[0-9]|20)\d\d",
)
_PAST_CUE_WORDS = "(?:" + "|".join(_PAST_CUE_ALTERNATIVES) + r")\b"
_PAST_CUES = re.compile(r"\b" + _PAST_CUE_WORDS, re.IGNORECASE)


def _by_first_letter(alternatives: Sequence[str]) -> str:
    """The alternation of ``alternatives`` grouped by first letter, same matches.

    Alternatives opening with different letters never match at one position
    and the order within a letter is kept, so the matches are the same; the
    regex engine tries alternatives one after the other, and one per letter
    fails sooner than all of them.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(
        letter + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
        for letter, rests in groups.items()
    ) + r")\b"


_PAST_CUE_WORDS_BY_LETTER = _by_first_letter(_PAST_CUE_ALTERNATIVES)
# The same matches but the one at the start of the text, each found with the
# non-word character before it (as the opening \b requires: every cue opens
# with a letter): a pattern that opens with a character class is scanned from
# one such character to the next, whereas a pattern opening with \b is tried
# at every position. Matches never overlap: a cue ends with a word character.
_PAST_CUES_AFTER = re.compile(r"\W" + _PAST_CUE_WORDS_BY_LETTER, re.IGNORECASE)
_PAST_CUE_AT_START = re.compile(_PAST_CUE_WORDS_BY_LETTER, re.IGNORECASE)
# For lowered ASCII text: the same without IGNORECASE (case-insensitive
# matching is several times slower; for ASCII it finds the same matches).
_PAST_CUES_AFTER_LOWER = re.compile(r"[^0-9_a-z]" + _PAST_CUE_WORDS_BY_LETTER)
_PAST_CUE_AT_START_LOWER = re.compile(_PAST_CUE_WORDS_BY_LETTER)


def _past_cues(text: str) -> int:
    """How many times the pattern _PAST_CUES matches in ``text``."""
    if text.isascii():
        text = text.lower()
        at_start, after = _PAST_CUE_AT_START_LOWER, _PAST_CUES_AFTER_LOWER
    else:
        at_start, after = _PAST_CUE_AT_START, _PAST_CUES_AFTER
    first = at_start.match(text)
    if first is None:
        return len(after.findall(text))
    # The matches after the first one end, as findall would find them.
    return 1 + len(after.findall(text, first.end()))


_CUE = re.compile(
    r"\b(?:said|says|saying|warned|warns|added|adds|argued|argues|stated|insisted|claimed"
    r"|told [A-Z]?[a-z]+|believes|thinks)\b(?:\s+that)?\s+"
)


def _positive(name: str, value: object, *, integer: bool = False) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BudgetError(f"{name} must be a number, not {type(value).__name__}")
    if integer and not float(value).is_integer():
        raise BudgetError(f"{name} must be a whole number, got {value}")
    if not math.isfinite(value) or value <= 0:
        raise BudgetError(f"{name} must be positive, got {value}")
    return float(value)


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BudgetError(f"{name} must be a whole number >= 0, got {value!r}")
    return value


def _tokens(text: str) -> frozenset[str]:
    """Lowered words of ``text`` (see _WORD), without stopwords and words under three letters."""
    runs = _runs(text, _RUNS)
    if runs is None:
        return _regex_tokens(text)
    return _run_tokens(runs)


def _runs(text: str, table: bytes) -> str | None:
    """The runs of ``text`` that :func:`_run_tokens` reads, or None when it holds U+0001.

    A word of _WORD is a run of ASCII letters, apostrophes and hyphens from
    its first letter on, lowered: lower-casing the UTF-8 bytes lowers the
    ASCII letters only, and one byte translation makes every other byte
    (those of non-ASCII characters included) a space. The curly apostrophe,
    part of a word too, goes through as U+0001 (no regex).
    """
    if "\x01" in text:
        return None
    if "’" in text:
        text = text.replace("’", "\x01")
    return text.encode().lower().translate(table).decode()


def _regex_tokens(text: str) -> frozenset[str]:
    """:func:`_tokens` by the regex _WORD (for the rare text holding U+0001)."""
    found = {w.lower() for w in _WORD.findall(text)}
    found -= _STOPWORDS
    odd = [w for w in found if len(w) < 3 or "'" in w or "’" in w or w.endswith("-")]
    if odd:
        found.difference_update(odd)
        found.update(c for c in map(_clean_word, odd) if len(c) > 2)
        found -= _STOPWORDS
    return frozenset(found)


def _run_tokens(runs: str) -> frozenset[str]:
    """:func:`_tokens` of the runs :func:`_runs` made of a text."""
    if "'" not in runs and "-" not in runs and "\x01" not in runs:
        # Every run is a word as it is (most sentences): one set, no copy.
        return frozenset(runs.split()) - _SHORT_OR_STOPWORD
    found = set(runs.split())
    # The runs holding an apostrophe or a hyphen, found from those
    # characters (a few) rather than by looking at every word.
    odd = set()
    for char in "'-\x01":
        index = runs.find(char)
        while index != -1:
            start = runs.rfind(" ", 0, index) + 1
            end = runs.find(" ", index)
            if end == -1:
                end = len(runs)
            odd.add(runs[start:end])
            index = runs.find(char, end)
    found.difference_update(odd)
    for run in odd:
        word = run.lstrip("'-\x01")
        if "\x01" in word:
            word = word.replace("\x01", "’")
        if "'" in word or "-" in word or "’" in word:
            word = _clean_word(word)
        if len(word) > 2:
            found.add(word)
    return frozenset(found) - _SHORT_OR_STOPWORD


def _sentence_tokens(sentences: Sequence[Sentence]) -> tuple[frozenset[str], ...]:
    """:func:`_tokens` of each sentence: one translation for all of them."""
    texts = [s.text for s in sentences]
    joined = "\x00".join(texts)
    runs = _runs(joined, _RUNS_KEEP_NUL) if texts else None
    if runs is None or joined.count("\x00") != len(texts) - 1:
        return tuple(map(_tokens, texts))
    return tuple(map(_run_tokens, runs.split("\x00")))


def _clean_word(word: str) -> str:
    return word.removesuffix("’s").removesuffix("'s").strip("'’-")


# Bytes of lowered UTF-8 text: what words are made of stays (U+0001 stands for
# the curly apostrophe), the rest is a space.
_RUNS = bytes(c if c in b"abcdefghijklmnopqrstuvwxyz'-\x01" else 32 for c in range(256))
# The same, keeping NUL: it separates the sentences translated together.
_RUNS_KEEP_NUL = b"\x00" + _RUNS[1:]
_SHORT_OR_STOPWORD = _STOPWORDS | frozenset(
    "".join(chars)
    for size in (1, 2)
    for chars in itertools.product("abcdefghijklmnopqrstuvwxyz'-", repeat=size)
)


def _similar_to_any(tokens: frozenset[str], others: Sequence[frozenset[str]]) -> bool:
    """Whether ``tokens`` shares :data:`_SIMILAR` of the smaller set with one of ``others``."""
    if not tokens:
        return False
    size = len(tokens)
    for other in others:
        if other and len(tokens & other) / min(size, len(other)) >= _SIMILAR:
            return True
    return False


def _inside_any(tokens: frozenset[str], others: Sequence[frozenset[str]]) -> bool:
    """Whether :data:`_SIMILAR` of ``tokens`` lie in one of ``others`` (a
    sentence a quote holds, not a quoted phrase a sentence holds)."""
    return bool(tokens) and any(len(tokens & other) >= _SIMILAR * len(tokens) for other in others)


def _words(text: str) -> int:
    return len(text.split())


def _is_dependent(text: str) -> bool:
    """Whether a sentence leans on the one before it ("He said...", a bare quotation)."""
    first = text.lstrip("\"'“‘(").split(None, 1)
    if bool(first) and first[0].lower().strip(",") in _DEPENDENT_START:
        return True
    return _is_bare_quote(text.strip())


def _is_bare_quote(stripped: str) -> bool:
    """A quotation with no speaker in a stripped sentence: the listener cannot tell who speaks."""
    return (
        stripped[:1] in _OPEN_QUOTES
        and stripped.rstrip(".!?")[-1:] in _CLOSE_QUOTES
        and _REPORTED.search(stripped) is None
    )


def _is_fragment(stripped: str) -> bool:
    """A list item, a heading or a clause (stripped): not a sentence to read out on its own."""
    if (
        not stripped
        or stripped[0] in "-*•·–—>"
        or (stripped[0].isdigit() and stripped[1:2] in ".)")
    ):
        return True
    return stripped.rstrip("\"'”’)]")[-1:] not in (".", "!", "?")


def _has_quotation(text: str) -> bool:
    if '"' not in text and "“" not in text:
        return False
    return any(len(m.group(1).split()) >= MIN_QUOTE_WORDS for m in _QUOTATION.finditer(text))


_OPEN_QUOTES = frozenset("\"“‘'")
_CLOSE_QUOTES = frozenset("\"”’'")
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|added|adds|according|asked|warned|wrote|insisted|argued)\b"
)
_QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def compose(
    article: Article,
    *,
    seconds: object,
    words: object,
    wpm: object,
    key_points: object,
    max_quotes: object,
    max_context: object,
    max_people: Any,
    max_names: Any,
    max_dates: Any,
    method: Any,
) -> Briefing:
    """:func:`newsbrief.briefing.build_briefing` (see there for the arguments).

    The arguments are typed as loosely as that function checks them: compiled
    code would reject a value of another type with a TypeError of its own
    before the checks here could raise theirs.
    """
    limit_seconds = _positive("seconds", seconds)
    limit_words = _positive("words", words, integer=True)
    if limit_seconds is not None and limit_words is not None:
        raise BudgetError("give seconds or words, not both")
    rate = _positive("wpm", wpm) or DEFAULT_WPM
    want_points = _count("key_points", key_points)
    want_quotes = _count("max_quotes", max_quotes)
    want_context = _count("max_context", max_context)

    sentences = article.sentences
    # The sentence scores only: summarize() would also select a summary.
    scores = _scores(article, method) if sentences else ()
    facts = _facts(article)
    best_ledes = _best_ledes(sentences, scores, facts)
    lede = best_ledes[0] if best_ledes else None

    def lede_candidates() -> list[Sentence]:
        # Only a budget too small for the chosen lede asks for the others.
        return _lede_candidates(sentences, scores, facts, best_ledes)

    token_sets = article.cached("briefing.tokens", lambda: _sentence_tokens(article.sentences))
    # Token sets of quote texts: _quotes makes them, _context asks again.
    quote_tokens: dict[str, frozenset[str]] = {}
    quotes = _quotes(article, lede, want_quotes, token_sets, quote_tokens)
    # Background is chosen before the key points, as an editor would: a
    # sentence explaining the past belongs under "context", not among what
    # happened, unless the article is too short to fill three key points.
    opening = [lede] if lede is not None else []
    context = _context(
        article, scores, opening, quotes, want_context, token_sets, quote_tokens
    )
    # A key point that a chosen quote holds would be heard twice.
    said = [quote_tokens[q.text] for q in quotes if q.direct and q.text in quote_tokens]
    points = _key_points(
        sentences, scores, lede, want_points, token_sets, facts, exclude=context, said=said
    )
    if len(points) < min(3, want_points):
        points = _key_points(sentences, scores, lede, want_points, token_sets, facts, said=said)
        context = [c for c in context if c not in points]

    published = article.published.isoformat() if article.published is not None else None
    word_count = article.word_count  # a split of the whole body: once
    # The fields that do not depend on the selection: the Briefing is made
    # once, at the end (its converters check every field).
    base: dict[str, Any] = dict(
        headline=article.headline,
        people=_people(article, max_people),
        organizations=_names(article, EntityKind.ORGANIZATION, max_names),
        places=_names(article, EntityKind.PLACE, max_names),
        dates=_dates(article, max_dates),
        source=article.source,
        published=published,
        url=article.url,
        word_count=word_count,
        reading_seconds=round(word_count * 60.0 / READING_WPM, 1),
        wpm=rate,
    )
    return _fit(
        base,
        lede,
        lede_candidates,
        points,
        quotes,
        context,
        scores,
        limit_seconds,
        limit_words,
        article.cached("briefing.speech", _speech),
    )


def _scores(article: Article, method: str) -> tuple[float, ...]:
    """The scores ``article.summary(sentences=1, method=method).scores`` holds."""
    return sentence_scores(article, Budget(sentences=1), method=method)


def _by_index(sentence: Sentence) -> int:
    return sentence.index


def _texts(
    lede: Sentence | None, points: Sequence[Sentence], context: Sequence[Sentence]
) -> tuple[str, list[str], list[str], list[str]]:
    """Lede, key points, summary and context texts of a selection, as a briefing holds them."""
    ordered = sorted(points, key=_by_index)
    summary = sorted(ordered if lede is None else [lede, *ordered], key=_by_index)
    return (
        "" if lede is None else lede.text,
        [s.text for s in ordered],
        [s.text for s in summary],
        [s.text for s in sorted(context, key=_by_index)],
    )


def _assemble(
    base: Mapping[str, Any],
    lede: Sentence | None,
    points: Sequence[Sentence],
    quotes: Sequence[BriefQuote],
    context: Sequence[Sentence],
    listening_seconds: float,
) -> Briefing:
    lede_text, key_points, summary, context_texts = _texts(lede, points, context)
    return Briefing(
        **base,
        lede=lede_text,
        key_points=key_points,
        summary=summary,
        quotes=quotes,
        context=context_texts,
        listening_seconds=listening_seconds,
    )


class _Speech(NamedTuple):
    """What an article's texts sound like, kept per article (Article.cached).

    A briefing measures its speech script: each text is spoken and each
    script line counted once per article, however many trimming steps,
    budgets or briefings ask again.
    """

    spoken: dict[str, str]  # speakable() of a text
    said: dict[str, str]  # say_sentence() of a sentence
    features: dict[str, tuple[ScriptFeatures, bool]]  # a line's features, and whether it is blank


def _speech() -> _Speech:
    return _Speech({}, {}, {})


def _fit(
    base: Mapping[str, Any],
    lede: Sentence | None,
    lede_candidates: Callable[[], Sequence[Sentence]],
    points: list[Sentence],
    quotes: list[BriefQuote],
    context: list[Sentence],
    scores: Sequence[float],
    limit_seconds: float | None,
    limit_words: float | None,
    speech: _Speech,
) -> Briefing:
    wpm, headline = base["wpm"], base["headline"].strip()
    spoken, said, counted = speech

    def speak(text: str) -> str:
        value = spoken.get(text)
        if value is None:
            value = spoken[text] = speakable(text)
        return value

    def say(text: str) -> str:
        value = said.get(text)
        if value is None:
            value = said[text] = say_sentence(text, speak)
        return value

    def time_of(text: str) -> tuple[float, int]:
        known = counted.get(text)
        if known is None:
            known = counted[text] = (script_features(text), not text.strip())
        features, blank = known
        return (0.0 if blank else script_seconds(features, wpm)), features.words

    # The script's lines are read from only these fields, as its renderer
    # reads them from the briefing's dict (a name once, the last role).
    people = {p.name: p.role or "" for p in base["people"] if p.name}

    def measure(
        lede: Sentence | None,
        points: Sequence[Sentence],
        quotes: Sequence[BriefQuote],
        context: Sequence[Sentence],
    ) -> tuple[float, int]:
        lede_text, key_points, summary, context_texts = _texts(lede, points, context)
        # As the renderer reads a briefing's dict: empty texts are left out.
        lines = _script_lines(
            headline,
            lede_text,
            [t for t in key_points if t],
            [t for t in summary if t],
            [t for t in context_texts if t],
            people,
            [(q.speaker, q.text, q.direct) for q in quotes if q.text],
            speak=speak,
            say=say,
        )
        total_seconds = sum(PAUSE_SECONDS[pause] for _text, pause in lines[:-1])
        total_words = 0
        for text, _pause in lines:
            part_seconds, part_words = time_of(text)
            total_seconds += part_seconds
            total_words += part_words
        return total_seconds, total_words

    def fits(cost: tuple[float, int]) -> bool:
        if limit_seconds is not None and cost[0] > limit_seconds * TIME_SAFETY:
            return False
        return limit_words is None or cost[1] <= limit_words

    points = sorted(points, key=lambda s: -scores[s.index])
    while True:
        cost = measure(lede, points, quotes, context)
        if fits(cost):
            return _assemble(base, lede, points, quotes, context, round(cost[0], 1))
        if context or quotes or points:
            # Drop as many sentences as surely must go (each saves at least
            # its own speaking time), then measure again; a quote may not be
            # spoken at all (a key point may say it), so it goes alone.
            over_seconds = (
                cost[0] - limit_seconds * TIME_SAFETY if limit_seconds is not None else 0.0
            )
            over_words = cost[1] - limit_words if limit_words is not None else 0.0
            while context or quotes or points:
                if context:
                    saved = time_of(say(context[-1].text))
                    context = context[:-1]
                elif quotes:
                    quotes = quotes[:-1]
                    break
                else:
                    saved = time_of(say(points[-1].text))
                    points = points[:-1]
                over_seconds -= saved[0]
                over_words -= saved[1]
                if over_seconds <= 0 and over_words <= 0:
                    break
            continue
        if lede is None:
            need = f"{cost[0]:.1f} s" if limit_seconds is not None else f"{cost[1]} words"
            raise BudgetError(f"the budget is too small even for the headline ({need})")
        lede = _shorter_lede(lede, lede_candidates(), measure, fits)
        if lede is not None:
            return _assemble(base, lede, (), (), (), round(measure(lede, (), (), ())[0], 1))


def _shorter_lede(
    lede: Sentence,
    candidates: Sequence[Sentence],
    measure: Callable[..., tuple[float, int]],
    fits: Callable[[tuple[float, int]], bool],
) -> Sentence | None:
    for candidate in candidates:
        if candidate is not lede and fits(measure(candidate, (), (), ())):
            return candidate
    return None


_OPENING_QUOTES = ('"', "“", "‘", "'")


def _lede_candidates(
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    facts: Sequence[_Facts],
    best: Sequence[Sentence],
) -> list[Sentence]:
    """Sentences that can open the briefing, best first: ``best`` (see
    :func:`_best_ledes`), then the others that do not lean on what precedes
    them, highest-scoring first."""
    in_best = {s.index for s in best}  # one article's sentences differ in index
    rest = sorted(
        (s for s in sentences if s.index not in in_best and not facts[s.index].dependent),
        key=lambda s: (-scores[s.index], s.index),
    )
    return [*best, *rest]


def _best_ledes(
    sentences: Sequence[Sentence], scores: Sequence[float], facts: Sequence[_Facts]
) -> list[Sentence]:
    """The early sentences that can open the briefing, best first: early, substantial."""
    if not sentences:
        return []
    early = [s for s in sentences[:_EARLY] if facts[s.index].point]
    early = [s for s in early if not facts[s.index].dependent] or early or list(sentences[:1])
    # News is written as an inverted pyramid: the first substantial sentence
    # says what happened. Scores only demote an opening that is a quotation or
    # a question (a feature-style opening), or one the scorer finds far weaker.
    top = max(scores[s.index] for s in early)

    def rank(s: Sentence) -> tuple[bool, int]:
        text = s.text.lstrip()
        featurish = text.startswith(_OPENING_QUOTES) or text.rstrip().endswith("?")
        weak = scores[s.index] < 0.5 * top
        return (featurish or weak, s.index)

    return sorted(early, key=rank)


def _key_points(
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    lede: Sentence | None,
    count: int,
    token_sets: Sequence[frozenset[str]],
    facts: Sequence[_Facts],
    exclude: Sequence[Sentence] = (),
    said: Sequence[frozenset[str]] = (),
) -> list[Sentence]:
    if count == 0 or not sentences:
        return []
    chosen: list[Sentence] = []
    seen = [token_sets[lede.index]] if lede is not None else []
    excluded = {s.index for s in exclude}
    ranked = sorted(
        (
            s
            for s in sentences
            if s is not lede and s.index not in excluded and facts[s.index].point
        ),
        key=lambda s: (-scores[s.index], s.index),
    )
    limit = min(count, _MAX_KEY_POINTS)
    taken: set[int] = set()  # the chosen sentences' indices (Sentence equality is slower)
    # Self-contained sentences first; a sentence opening with "He" or "But"
    # only when there are not enough others.
    for allow_dependent in (False, True):
        for sentence in ranked:
            if len(chosen) >= limit:
                return chosen
            index = sentence.index
            if index in taken or (facts[index].dependent and not allow_dependent):
                continue
            tokens = token_sets[index]
            if _similar_to_any(tokens, seen) or _inside_any(tokens, said):
                continue
            chosen.append(sentence)
            taken.add(index)
            seen.append(tokens)
        if len(chosen) >= 3:
            break
    return chosen


class _Facts(NamedTuple):
    """What the selection asks of each sentence, once per article (a tuple: made per sentence)."""

    point: bool  # long enough and a whole sentence: may be a key point
    dependent: bool
    quotation: bool


def _facts(article: Article) -> tuple[_Facts, ...]:
    def compute() -> tuple[_Facts, ...]:
        return tuple(_sentence_facts(s.text) for s in article.sentences)

    facts: tuple[_Facts, ...] = article.cached("briefing.facts", compute)
    return facts


def _sentence_facts(text: str) -> _Facts:
    """_Facts of one sentence: what _is_fragment, _is_dependent and _has_quotation say."""
    # At most _MIN_POINT_WORDS + 1 pieces: enough to tell, no list of all words.
    long_enough = len(text.split(None, _MIN_POINT_WORDS)) >= _MIN_POINT_WORDS
    point = long_enough and not _is_fragment(text.strip())
    return _Facts(point, _is_dependent(text), _has_quotation(text))


def _kind_of(article: Article) -> dict[str, EntityKind]:
    return {e.name: e.kind for e in article.entities}


def _reported_clause(article: Article, quote: Quote) -> Quote | None:
    """Widen a quoted fragment to the reported clause around it.

    In "Burns said Russia was at risk of becoming its “economic colony”", the
    fragment alone says little; the words after the reporting verb do.
    """
    if quote.speaker_span is None or quote.speaker_span.end > quote.span.start:
        return None
    sentence = _sentence_at(article, quote.span.start)
    if sentence is None or quote.speaker_span.start < sentence.start:
        return None
    between = article.body[quote.speaker_span.end : quote.span.start]
    cues = list(_CUE.finditer(between))
    if not cues:
        return None
    start = quote.speaker_span.end + cues[-1].end()
    end = sentence.end
    # Stop at a comma after the fragment: what follows is the reporter's
    # ("..., at a meeting in Moscow"), not the speaker's.
    comma = article.body.find(",", quote.span.end, end)
    if comma != -1:
        end = comma
    text = article.body[start:end].rstrip(" .,!?\"”’'")
    if article.body[start + len(text) : start + len(text) + 1] in {"”", '"', "’", "'"}:
        text += article.body[start + len(text)]
    if _words(text) < MIN_QUOTE_WORDS:
        return None
    cue = cues[-1].group().split()[0]
    return attrs.evolve(
        quote, text=text, cue=cue, direct=False, span=Span(start, start + len(text))
    )


def _sentence_at(article: Article, offset: int) -> Sentence | None:
    """The sentence holding ``offset``, by bisection (a scan per quote was quadratic)."""
    starts = article.cached(
        "briefing.sentence_starts", lambda: tuple(s.start for s in article.sentences)
    )
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return None
    sentence = article.sentences[index]
    return sentence if offset < sentence.end else None


def _span_order(span: Span) -> tuple[int, int]:
    """The order of spans (attrs compares the fields as a tuple, far more slowly)."""
    return (span.start, span.end)


def _overlaps_any(taken: list[Span], span: Span) -> bool:
    """Whether ``span`` overlaps one of ``taken``: disjoint spans sorted by start.

    Disjoint spans sorted by start are sorted by end too, so only the last
    one starting before ``span`` ends can overlap it.
    """
    index = bisect.bisect_left(taken, span.end, key=lambda t: t.start) - 1
    return index >= 0 and taken[index].overlaps(span)


def _quotes(
    article: Article,
    lede: Sentence | None,
    count: int,
    token_sets: Sequence[frozenset[str]],
    quote_tokens: dict[str, frozenset[str]],
) -> list[BriefQuote]:
    """The quotes of the briefing; ``quote_tokens`` keeps the token sets of
    their texts (and of the candidates') by text."""
    if count == 0:
        return []
    kinds = _kind_of(article)
    lede_tokens = (token_sets[lede.index],) if lede is not None else (frozenset(),)
    # Each candidate with its rank, worked out as it is found (no key
    # function for the sort to call back).
    candidates: list[tuple[tuple[int, int, int, int], Quote]] = []
    taken: list[Span] = []  # the candidates' spans, sorted
    for quote in article.quotes:
        if not quote.speaker or not quote.text.strip():
            continue  # never unattributed
        words = _words(quote.text)
        if quote.direct and words < MIN_QUOTE_WORDS:
            wider = _reported_clause(article, quote)
            if wider is None:
                continue  # a fragment or scare quote
            quote = wider
            words = _words(quote.text)
        if words < MIN_QUOTE_WORDS:
            continue
        if _similar_to_any(_memo_tokens(quote_tokens, quote.text), lede_tokens):
            continue  # the lede already says it, attribution included
        if _overlaps_any(taken, quote.span):
            continue
        bisect.insort(taken, quote.span, key=_span_order)
        kind = kinds.get(quote.speaker or "")
        speaker_rank = 0 if kind is EntityKind.PERSON else 1 if kind is not None else 2
        informative = min(words, 40)
        if _is_dependent(quote.text):
            informative //= 2
        rank = (0 if quote.direct else 1, speaker_rank, -informative, quote.span.start)
        candidates.append((rank, quote))
    candidates.sort(key=itemgetter(0))
    ranked = [quote for _rank, quote in candidates]
    chosen: list[Quote] = []
    # One quote per speaker first, so more voices are heard.
    for first_round in (True, False):
        for quote in ranked:
            if len(chosen) >= count:
                break
            if any(quote is q for q in chosen):  # candidates' spans differ: none are equal
                continue
            if first_round and any(q.speaker == quote.speaker for q in chosen):
                continue
            chosen.append(quote)
    chosen.sort(key=lambda q: (not q.direct, q.span.start))
    out = []
    for q in chosen:
        text = q.text.strip().rstrip(",;:").strip()
        # Spaces and ",;:" are no part of a word: the words, and tokens, stay.
        quote_tokens[text] = _memo_tokens(quote_tokens, q.text)
        out.append(BriefQuote(_speaker(article, q.speaker or ""), text, q.direct, q.cue))
    return out


def _memo_tokens(memo: dict[str, frozenset[str]], text: str) -> frozenset[str]:
    """:func:`_tokens` of ``text``, kept in ``memo``."""
    tokens = memo.get(text)
    if tokens is None:
        tokens = memo[text] = _tokens(text)
    return tokens


def _context(
    article: Article,
    scores: Sequence[float],
    used: Sequence[Sentence],
    quotes: Sequence[BriefQuote],
    count: int,
    token_sets: Sequence[frozenset[str]],
    quote_tokens: dict[str, frozenset[str]],
) -> list[Sentence]:
    """Background sentences; ``quote_tokens``: token sets of quote texts (see _quotes)."""
    sentences = article.sentences
    if count == 0 or not sentences:
        return []
    published = article.published
    day = published.date() if hasattr(published, "date") and published is not None else published
    past_dates = sorted(
        {
            mention.span.start
            for mention in article.dates
            if mention.date is not None and (day is None or mention.date < day)
        }
    )
    lede_tokens = token_sets[used[0].index] if used else frozenset()
    # Words the lede shares with few other sentences ("warrant", "children")
    # mark the sentences that explain it: only the lede's words are counted.
    frequency = Counter(itertools.chain.from_iterable(t & lede_tokens for t in token_sets))
    used_indices = {s.index for s in used}
    facts = _facts(article)
    ranked: list[tuple[float, Sentence]] = []
    for sentence in sentences:
        fact = facts[sentence.index]
        if (
            sentence.index in used_indices
            or not fact.point
            or fact.quotation  # what people said is not background
        ):
            continue
        cues = _past_cues(sentence.text)
        # Bisection, not a scan of every date per sentence (quadratic on long texts).
        cues += bisect.bisect_left(past_dates, sentence.end) - bisect.bisect_left(
            past_dates, sentence.start
        )
        if cues == 0:
            continue
        tokens = token_sets[sentence.index]
        explains = min(3.0, sum(1.0 / frequency[t] for t in tokens & lede_tokens))
        weight = min(cues, 3) + explains + scores[sentence.index]
        if fact.dependent:
            weight -= 1.0
        ranked.append((weight, sentence))
    if not ranked:
        return []
    ranked.sort(key=lambda item: (-item[0], item[1].index))
    seen = [token_sets[s.index] for s in used]
    seen += [_memo_tokens(quote_tokens, q.text) for q in quotes]
    chosen: list[Sentence] = []
    for _weight, sentence in ranked:
        if len(chosen) >= count:
            break
        tokens = token_sets[sentence.index]
        if _similar_to_any(tokens, seen):
            continue
        chosen.append(sentence)
        seen.append(tokens)
    return chosen


def _importance(entity: Any) -> tuple[int, int]:
    mentions = len(entity.mentions) + len(entity.headline_mentions)
    first = entity.mentions[0].start if entity.mentions else 1 << 30
    return (-mentions, first)


def _people(article: Article, limit: int) -> list[Person]:
    people = [
        e
        for e in article.entities
        if e.kind is EntityKind.PERSON and not _common_noun(article, e.name)
    ]
    people.sort(key=_importance)
    return [Person(e.name, e.role) for e in people[:limit]]


def _common_noun(article: Article, name: str) -> bool:
    """Whether a one-word name is a common noun the article also writes in lower case.

    "The union said..." can make "Union" look like a name; "the union" elsewhere
    in the text shows it is not one.
    """
    if " " in name or not name[:1].isupper() or name.isupper():
        return False
    return _has_word(article.body, name.lower())


def _is_word_char(char: str) -> bool:
    """Whether ``char`` (one character or "") is a regex word character (\\w)."""
    return char.isalnum() or char == "_"


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` between word boundaries, like ``\\bword\\b``.

    By str.find (fast) and a look at the characters around each occurrence:
    a boundary lies between a word character and a non-word one (or an end
    of the text). No pattern is compiled per name.
    """
    if not word:
        return False
    first, last = _is_word_char(word[0]), _is_word_char(word[-1])
    size = len(word)
    start = text.find(word)
    while start != -1:
        before = text[start - 1] if start else ""
        after = text[start + size : start + size + 1]
        if _is_word_char(before) != first and _is_word_char(after) != last:
            return True
        start = text.find(word, start + 1)
    return False


def _speaker(article: Article, speaker: str) -> str:
    return f"the {speaker.lower()}" if _common_noun(article, speaker) else speaker


def _names(article: Article, kind: EntityKind, limit: int) -> list[str]:
    entities = [e for e in article.entities if e.kind is kind]
    entities.sort(key=_importance)
    return [e.name for e in entities[:limit]]


def _dates(article: Article, limit: int) -> list[BriefDate]:
    out: list[BriefDate] = []
    seen: set[str] = set()
    for mention in article.dates:
        key = mention.text.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(BriefDate(mention.text, mention.date, mention.granularity))
        if len(out) >= limit:
            break
    return out
