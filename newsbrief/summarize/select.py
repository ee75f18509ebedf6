"""Choosing sentences under a budget: whole quotes, less repetition, a readable start.

Selection works on *groups* of sentences (a quotation spread over several
sentences is one group, chosen whole or not at all). Groups are taken greedily
by score, less a maximal-marginal-relevance penalty for terms the summary
already covers; because that penalty only grows as the summary grows, a lazy
priority queue re-scores only the candidates that reach the top, keeping the
cost close to linear. Finally, when the summary would open with a sentence
that leans on a dropped one ("But...", "He said..."), either the antecedent is
added (making room by dropping the weakest groups) or the dependent sentence is
replaced by the next best, whichever keeps the higher total score.
"""

from __future__ import annotations

import heapq
import operator
from collections.abc import Sequence
from itertools import repeat

import attrs

from newsbrief.summarize.budget import Budget
from newsbrief.summarize.features import Doc, Layout
from newsbrief.timing import estimate_seconds

__all__ = ["KEEP_MARGIN", "Selection", "select"]

_MAX_REPAIRS = 6
#: Default repair margin: a repair brings the antecedent (the reader gets the
#: context) unless dropping the dependent sentence instead gives a summary
#: whose scores sum to more than this much above it (the ``default`` method
#: learns its own margins).
KEEP_MARGIN = 0.1
_MAX_EVALUATIONS = 3


@attrs.frozen(slots=True)
class Selection:
    """Chosen sentence indices (sorted) and, when nothing fits, why."""

    indices: tuple[int, ...]
    note: str | None = None
    fits: bool = True


@attrs.frozen(slots=True)
class _Limits:
    sentences: int | None
    words: int | None

    def allows(self, sentences: int, words: int) -> bool:
        if self.sentences is not None and sentences > self.sentences:
            return False
        return self.words is None or words <= self.words


def _word_limit(budget: Budget) -> int | None:
    limit = budget.word_limit
    if limit is not None and budget.seconds is not None:
        # Guard the float round trip: the estimate must never exceed the budget.
        while limit > 0 and estimate_seconds(limit, budget.wpm) > budget.seconds:
            limit -= 1
    return limit


def _greedy(
    shape: Layout,
    doc: Doc | None,
    group_scores: list[float],
    limits: _Limits,
    redundancy: float,
    banned: frozenset[int],
    chosen: set[int],
) -> None:
    """Add groups to ``chosen`` by penalised score while the limits allow."""
    groups = shape.groups
    sentence_words = shape.words
    used_sentences = used_words = 0
    if chosen:
        used_sentences = sum(len(groups[g]) for g in chosen)
        used_words = sum(sentence_words[i] for g in chosen for i in groups[g])
    covered: set[bytes] = set()
    group_terms: Sequence[frozenset[bytes]] = ()
    if doc is None:
        redundancy = 0.0
    else:
        terms = doc.terms
        # Every group a single sentence (no quotation spans two): its terms are the sentence's.
        group_terms = (
            terms
            if len(groups) == len(terms)
            else [
                terms[group[0]]
                if len(group) == 1
                else frozenset().union(*(terms[i] for i in group))
                for group in groups
            ]
        )
        for g in chosen:
            covered |= group_terms[g]
    if chosen or banned:
        heap = [
            (-group_scores[g], g, 0)
            for g in range(len(groups))
            if g not in chosen and g not in banned
        ]
    else:  # the first call: every group, the entries built by C-level iterators
        heap = list(zip(map(operator.neg, group_scores), range(len(groups)), repeat(0)))
    heapq.heapify(heap)
    # The limits and heap functions as locals, and _Limits.allows written out:
    # this loop runs for every summary.
    max_sentences = limits.sentences
    max_words = limits.words
    heappop = heapq.heappop
    while heap:
        if max_sentences is not None and used_sentences >= max_sentences:
            break
        _, g, evaluations = heappop(heap)
        group = groups[g]
        size = len(group)
        words = sentence_words[group[0]] if size == 1 else sum(sentence_words[i] for i in group)
        if (max_sentences is not None and used_sentences + size > max_sentences) or (
            max_words is not None and used_words + words > max_words
        ):
            continue
        # Lazy MMR: the penalty only grows, so a stale value is an upper bound;
        # re-score a candidate when it reaches the top, at most a few times so
        # that near-duplicate articles cannot make selection quadratic.
        if redundancy and covered and evaluations < _MAX_EVALUATIONS:
            candidate = group_terms[g]
            overlap = len(candidate & covered) / len(candidate) if candidate else 0.0
            value = group_scores[g] - redundancy * overlap
            if heap and -value > heap[0][0]:
                heapq.heappush(heap, (-value, g, evaluations + 1))
                continue
        chosen.add(g)
        used_sentences += size
        used_words += words
        if redundancy:
            covered |= group_terms[g]


def _first_needs_context(shape: Layout, chosen: set[int]) -> int | None:
    """The group of the summary's first sentence if it leans on an unchosen one."""
    if not chosen:
        return None
    first_group = min(chosen)
    first = shape.groups[first_group][0]
    if shape.dependent[first] and first > 0:
        return first_group
    return None


def _repair(
    shape: Layout,
    doc: Doc | None,
    group_scores: list[float],
    limits: _Limits,
    redundancy: float,
    chosen: set[int],
    keep_margin: float,
) -> set[int]:
    banned: set[int] = set()
    for _ in range(_MAX_REPAIRS):
        dependent = _first_needs_context(shape, chosen)
        if dependent is None:
            return chosen
        antecedent = dependent - 1
        candidate = set(chosen) | {antecedent}
        # Make room by dropping the weakest other groups, if that is enough.
        droppable = sorted(
            (g for g in candidate if g not in (dependent, antecedent)),
            key=lambda g: (group_scores[g], -g),
        )
        while droppable and not _fits(shape, candidate, limits):
            candidate.discard(droppable.pop(0))
        # The alternative: drop the dependent group and refill from the rest.
        banned.add(dependent)
        without = set(chosen) - {dependent}
        _greedy(shape, doc, group_scores, limits, redundancy, frozenset(banned), without)
        if _fits(shape, candidate, limits) and _total(
            shape, group_scores, candidate
        ) + keep_margin >= _total(shape, group_scores, without):
            banned.discard(dependent)
            chosen = candidate
        else:
            chosen = without
    return chosen


def _total(shape: Layout, group_scores: list[float], chosen: set[int]) -> float:
    groups = shape.groups
    return sum(group_scores[g] * len(groups[g]) for g in chosen)


def _fits(shape: Layout, chosen: set[int], limits: _Limits) -> bool:
    groups = shape.groups
    sentences = sum(len(groups[g]) for g in chosen)
    words = sum(shape.words[i] for g in chosen for i in groups[g])
    return limits.allows(sentences, words)


def select(
    shape: Layout,
    doc: Doc | None,
    scores: tuple[float, ...],
    budget: Budget,
    redundancy: float = 0.0,
    keep_margin: float = KEEP_MARGIN,
) -> Selection:
    """Choose sentences for ``budget`` from their ``scores``.

    Args:
        shape: The article's sentence lengths, quote groups and openings.
        doc: The article's content terms, needed only when ``redundancy`` > 0.
        scores: One score per sentence (higher is better).
        budget: The limit to respect; never exceeded.
        redundancy: MMR penalty weight (0 disables it).
        keep_margin: When the summary would open with a sentence that needs a
            dropped antecedent, the antecedent is brought in (dropping the
            weakest groups to make room) unless replacing the dependent
            sentence yields a total score more than this much higher.

    Returns:
        The chosen sentence indices in document order, with a note when the
        article is empty or not even one sentence (or whole quote) fits.
    """
    n = len(shape)
    if n == 0:
        return Selection((), note="the article has no sentences to summarise")
    limits = _Limits(budget.sentence_limit(n), _word_limit(budget))
    groups = shape.groups
    if limits.allows(n, sum(shape.words)):
        return Selection(tuple(range(n)))
    # A quotation's score is its sentences' mean weighted by their words: the
    # share of its words expected to be summary-worthy (+0.06 ROUGE-1 on BBC).
    words = shape.words
    group_scores = (
        list(scores)  # every group a single sentence
        if len(groups) == n
        else [
            scores[group[0]]
            if len(group) == 1
            else sum(scores[i] * (words[i] or 1) for i in group) / sum(words[i] or 1 for i in group)
            for group in groups
        ]
    )
    chosen: set[int] = set()
    _greedy(shape, doc, group_scores, limits, redundancy, frozenset(), chosen)
    if not chosen:
        shortest = min(sum(shape.words[i] for i in group) for group in groups)
        return Selection(
            (),
            note=(
                f"not even the shortest sentence ({shortest} words, about "
                f"{estimate_seconds(shortest, budget.wpm):.1f} s) fits the budget of "
                f"{budget.describe()}; the summary is empty rather than over budget"
            ),
            fits=False,
        )
    chosen = _repair(shape, doc, group_scores, limits, redundancy, chosen, keep_margin)
    if len(groups) == n:  # every group a single sentence: group g is sentence g
        return Selection(tuple(sorted(chosen)))
    if len(chosen) == 1:
        return Selection(groups[next(iter(chosen))])
    return Selection(tuple(sorted(i for g in chosen for i in groups[g])))
