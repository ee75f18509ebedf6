"""Extractive summaries within a budget of sentences, words, a share or seconds.

Use :func:`summarize` (or :meth:`newsbrief.Article.summary`)::

    summary = summarize(article, seconds=30)
    print(summary)              # the chosen sentences
    summary.scores              # every sentence's score, to see why

Methods (``method=``): ``default`` (a learnt scorer for news, see
``scripts/learn_weights.py``), ``lead``, ``textrank`` and ``centroid``; see
:func:`available_methods`. All are deterministic, offline and linear in the
article's length.
"""

from __future__ import annotations

from newsbrief.model import Article
from newsbrief.summarize.budget import Budget
from newsbrief.summarize.features import layout, prepare
from newsbrief.summarize.methods import Summarizer, available_methods, get_method, scores_for
from newsbrief.summarize.result import Summary
from newsbrief.summarize.select import select

__all__ = ["Budget", "Summarizer", "Summary", "available_methods", "sentence_scores", "summarize"]


def summarize(
    article: Article,
    *,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    seconds: float | None = None,
    method: str = "default",
    wpm: float | None = None,
) -> Summary:
    """Choose the sentences of ``article`` that matter most within one budget.

    Give exactly one of ``sentences``, ``words``, ``ratio`` or ``seconds``.
    The summary never exceeds a ``words`` or ``seconds`` budget: when not even
    the shortest sentence fits, it is empty and :attr:`Summary.note` says so.
    A quotation spread over several sentences is kept whole or left out, and a
    summary does not open with a sentence that needs a dropped antecedent
    ("But...", "He said...").

    Args:
        article: The article to summarise.
        sentences: At most this many sentences.
        words: At most this many words.
        ratio: This fraction of the article's sentences (rounded, at least one).
        seconds: At most this long read aloud at ``wpm``.
        method: A name from :func:`available_methods`.
        wpm: Speaking rate in words per minute (default
            :data:`newsbrief.timing.DEFAULT_WPM`).

    Returns:
        The :class:`Summary`: chosen sentences in document order and every
        sentence's score.

    Raises:
        BudgetError: no budget, several budgets, or an out-of-range value.
        UnknownNameError: ``method`` is not a known method.
    """
    budget = Budget(sentences=sentences, words=words, ratio=ratio, seconds=seconds, wpm=wpm)
    chosen_method = get_method(method)
    plan = scores_for(article, chosen_method, budget)
    scores = plan.scores
    selection = select(
        layout(article),
        prepare(article) if plan.redundancy else None,
        scores,
        budget,
        plan.redundancy,
        plan.keep_margin,
    )
    all_sentences = article.sentences
    return Summary(
        sentences=tuple([all_sentences[i] for i in selection.indices]),
        scores=scores,
        method=chosen_method.name,
        budget=budget,
        note=selection.note,
        fits=selection.fits,
    )


def sentence_scores(
    article: Article, budget: Budget, *, method: str = "default"
) -> tuple[float, ...]:
    """Every sentence's score, as :func:`summarize` gives it for the same budget and method.

    For callers that rank sentences themselves (a briefing picks its lede and
    key points from them): the scores alone, without choosing a summary.
    The ``default`` method weighs its models by the budget, so the budget is
    needed here too.

    Args:
        article: The article.
        budget: The :class:`Budget` a summary would have (``Budget(sentences=1)``).
        method: A name from :func:`available_methods`.

    Returns:
        One score per sentence of ``article``, in document order: equal to the
        ``scores`` of the summary with that budget and method.

    Raises:
        UnknownNameError: ``method`` is not a known method.
    """
    return tuple(scores_for(article, get_method(method), budget).scores)
