"""Tests for newsbrief.summarize.features: the column-wise features equal a per-sentence oracle."""

from __future__ import annotations

import functools
import math
import operator
import sys
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.model import Article
from newsbrief.summarize.centrality import centrality_columns
from newsbrief.summarize.features import (
    _ATTRIBUTION_END,
    _ODD_SPACES,
    _OPENING_QUOTES,
    _QUOTE_MARKS,
    _TAIL,
    _TERM_TABLE,
    FEATURE_NAMES,
    MAX_QUOTE_SENTENCES,
    STOPWORDS,
    Doc,
    Layout,
    centroid,
    feature_columns,
    features,
    layout,
    prepare,
)
from newsbrief.summarize.signals import SIGNAL_NAMES, logistic_scores, model_rows, signal_columns

STORIES = [
    "\n\n".join(
        [
            "Ferry operator cuts winter crossings to the Varn islands",
            "The Skerrow Line will run 14 ferries a week to the Varn islands this winter, down "
            "from 22, the company said on Monday. Islanders called the cut a blow to 3,400 "
            "residents.",
            '"We were told nothing," said Ada Mirren, who runs a bakery in Holm. "How are we meant '
            'to get flour?" She said deliveries already came late.',
            "The company blamed fuel costs. It said the timetable would be reviewed in April.",
            "Harbour master Olav Brenn (pictured left) said the pier needed repairs anyway. "
            'Why now? "it was always going to happen," one fisherman told us.',
        ]
    ),
    # No headline, no quotation marks, one paragraph.
    "A small town in the hills held its first book fair on Saturday. About 300 people came. "
    "Organisers said they would hold another in 2027. But the weather may decide.",
    # One sentence.
    "Headline only story\n\nThe only sentence of this story.",
    # Repeated sentences: ties in every rank.
    "Same\n\nThe vote passed. The vote passed. The vote passed.",
]


def _ranks(values: list[float]) -> list[float]:
    n = len(values)
    if n < 2:
        return [1.0] * n
    order = sorted(range(n), key=values.__getitem__, reverse=True)
    ranks = [0.0] * n
    step = 1.0 / (n - 1)
    for rank, i in enumerate(order):
        ranks[i] = 1.0 - rank * step
    return ranks


def _scaled(values: list[float]) -> list[float]:
    top = max(values)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _oracle(article: Article, shape: Layout, doc: Doc) -> list[tuple[float, ...]]:
    """The features computed one sentence at a time, as the first implementation did."""
    sentences = article.sentences
    n = len(sentences)
    terms = doc.terms
    central = centroid(doc)
    rows = []
    for i, sentence in enumerate(sentences):
        text = sentence.text
        words = shape.words[i] or 1
        rows.append(
            (
                1.0 if i == 0 else 0.0,
                1.0 / (i + 1),
                i / n,
                1.0 if i == n - 1 and i > 0 else 0.0,
                math.log(words),
                math.log(len(terms[i]) + 1),
                1.0 if words < 8 else 0.0,
                _scaled(central)[i],
                _ranks(central)[i],
                1.0 if ('"' in text or "“" in text or "”" in text) else 0.0,
                1.0 if text[:1] in _QUOTE_MARKS else 0.0,
                1.0 if (" said" in text or " says" in text or " told" in text) else 0.0,
                1.0 if shape.dependent[i] else 0.0,
                1.0,
            )
        )
    return rows


@pytest.mark.parametrize("text", STORIES)
def test_features_equal_the_per_sentence_oracle_exactly(text: str) -> None:
    article = Article.from_text(text)
    shape, doc = layout(article), prepare(article)
    assert features(article, shape, doc) == _oracle(article, shape, doc)


@pytest.mark.parametrize("text", STORIES)
def test_feature_columns_hold_one_column_per_name(text: str) -> None:
    article = Article.from_text(text)
    columns = feature_columns(article, layout(article), prepare(article))
    assert len(columns) == len(FEATURE_NAMES)
    assert all(len(column) == len(article.sentences) for column in columns)


def test_features_of_an_article_without_sentences_are_empty() -> None:
    article = Article.from_text("Just a headline\n\n")
    assert features(article, layout(article), prepare(article)) == []
    assert feature_columns(article, layout(article), prepare(article)) == [
        [] for _ in FEATURE_NAMES
    ]


def test_sentences_without_quotation_marks_are_groups_of_one() -> None:
    article = Article.from_text(STORIES[1])
    assert layout(article).groups == tuple((i,) for i in range(len(article.sentences)))


def test_a_quotation_over_two_sentences_is_one_group() -> None:
    article = Article.from_text(
        'Mayor\n\nThe mayor spoke. "We will rebuild. It will take years," she said. Then she left.'
    )
    assert layout(article).groups == ((0,), (1, 2), (3,))


@pytest.mark.parametrize("text", STORIES)
def test_doc_reach_and_recurring_agree_with_the_term_sets(text: str) -> None:
    doc = prepare(Article.from_text(text))
    for i, terms in enumerate(doc.terms):
        others = set().union(*(t for j, t in enumerate(doc.terms) if j != i))
        assert doc.reach[i] == sum(doc.frequency[t] for t in terms)
        assert doc.recurring[i] == len(terms & others)
        assert doc.shared[i] == terms & others


def test_doc_tallies_count_terms_only_where_a_content_term_repeats() -> None:
    article = Article.from_text(
        "Port budget\n\nThe port board met on Monday. "
        "Rates rose, rates fell, and the board of the port sighed."
    )
    doc = prepare(article)
    assert doc.tallies[0] is None  # "the" repeats nowhere; no content term twice
    tally = doc.tallies[1]
    assert tally is not None
    assert tally[b"rates"] == 2
    assert set(tally) == doc.terms[1]


@pytest.mark.parametrize("text", STORIES)
def test_recurring_signal_equals_its_set_definition(text: str) -> None:
    article = Article.from_text(text)
    doc = prepare(article)
    columns = dict(zip(SIGNAL_NAMES, signal_columns(article, layout(article), doc), strict=True))
    terms = doc.terms
    singles = {t for t, count in doc.frequency.items() if count == 1}
    assert columns["recurring_share"] == [len(ts - singles) / (len(ts) or 1) for ts in terms]


# Text made of words, quotation marks, sentence ends and every kind of space.
_PIECES = st.sampled_from(
    ["The", "port", "said", "rates", "Rates", "rose", "and", "the", "£600m", "U.S.", ".", ". ",
     "? ", ", ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\x1c", '"', "“",
     "”", "' ", " said.", "He", "But"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


def test_odd_spaces_are_every_separator_of_split_but_space_and_newline() -> None:
    separators = (chr(c) for c in range(sys.maxunicode + 1))
    assert tuple(c for c in separators if c.isspace() and c not in " \n") == _ODD_SPACES


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_layout_words_equal_the_split_words(text: str) -> None:
    article = Article.from_text("Headline\n\n" + text)
    assert layout(article).words == tuple(len(s.text.split()) for s in article.sentences)


def test_layout_words_of_unstripped_sentences_built_by_hand_equal_the_split_words() -> None:
    article = Article.from_text("Headline\n\nOne two. Three four five.")
    first, second = article.sentences
    sentences = (
        attrs.evolve(first, text=" One two. "),
        attrs.evolve(second, text=""),
    )
    paragraph = attrs.evolve(article.paragraphs[0], sentences=sentences)
    odd = attrs.evolve(article, paragraphs=(paragraph,))
    assert layout(odd).words == (2, 0)


def _reference_groups(article: Article) -> tuple[tuple[int, ...], ...]:
    """Quote groups as the first implementation found them: every sentence through one loop."""
    groups: list[tuple[int, ...]] = []
    current: list[int] = []
    open_quote = False
    previous_paragraph = -1
    for sentence in article.sentences:
        text = sentence.text
        if sentence.paragraph != previous_paragraph:
            open_quote = False
            previous_paragraph = sentence.paragraph
        if open_quote and text[:1] in _OPENING_QUOTES:
            open_quote = False
        if not open_quote and current:
            groups.append(tuple(current))
            current = []
        current.append(sentence.index)
        if text.count('"') % 2:
            if open_quote:
                open_quote = False
            else:
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


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_quote_groups_equal_the_reference_loop(text: str) -> None:
    article = Article.from_text("Headline\n\n" + text)
    assert layout(article).groups == _reference_groups(article)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_doc_terms_and_tallies_equal_their_definitions(text: str) -> None:
    article = Article.from_text("Headline\n\n" + text)
    doc = prepare(article)
    folded = article.body.encode("ascii", "replace").translate(_TERM_TABLE)
    for sentence, terms, tally in zip(article.sentences, doc.terms, doc.tallies, strict=True):
        content = [w for w in folded[sentence.start : sentence.end].split() if w not in STOPWORDS]
        assert terms == frozenset(content)
        counts = Counter(content)
        assert tally == (counts if max(counts.values(), default=1) > 1 else None)
    for i, terms in enumerate(doc.terms):
        others = set().union(*(t for j, t in enumerate(doc.terms) if j != i))
        assert doc.shared[i] == terms & others
        assert doc.reach[i] == sum(doc.frequency[t] for t in terms)


def _zipped_columns(article: Article) -> list[tuple[float, ...]]:
    shape, doc = layout(article), prepare(article)
    columns = (
        feature_columns(article, shape, doc)
        + signal_columns(article, shape, doc)
        + centrality_columns(article, doc)
    )
    return list(zip(*columns, strict=True))


@pytest.mark.parametrize("text", [*STORIES, "One line only", "Just a headline\n\n"])
def test_model_rows_equal_the_zipped_columns_exactly(text: str) -> None:
    article = Article.from_text(text)
    rows = model_rows(article, layout(article), prepare(article))
    assert rows == _zipped_columns(article)
    assert all(type(value) is float for row in rows for value in row)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_model_rows_of_any_text_equal_the_zipped_columns_exactly(text: str) -> None:
    article = Article.from_text("Headline\n\n" + text)
    assert model_rows(article, layout(article), prepare(article)) == _zipped_columns(article)


def _logistic_in_order(weights: tuple[float, ...], row: tuple[float, ...]) -> float:
    # The products added left to right from 0.0 (what sum() did up to 3.11).
    z = functools.reduce(operator.add, map(operator.mul, weights, row), 0.0)
    if not -60.0 <= z <= 60.0:
        z = max(-60.0, min(60.0, z))
    return 1.0 / (1.0 + math.exp(-z))


_FINITE = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 30).flatmap(
    lambda n: st.tuples(
        st.tuples(*[_FINITE] * n), st.lists(st.tuples(*[_FINITE] * n), max_size=5)
    )
))
def test_logistic_scores_add_the_products_in_order_on_every_python(
    case: tuple[tuple[float, ...], list[tuple[float, ...]]],
) -> None:
    weights, rows = case
    assert logistic_scores(rows, weights) == tuple(_logistic_in_order(weights, r) for r in rows)


def test_logistic_scores_clamp_overflow_and_nan() -> None:
    scores = logistic_scores([(1e300,), (-1e300,), (math.nan,)], (10.0,))
    assert scores == (1.0 / (1.0 + math.exp(-60.0)), 1.0 / (1.0 + math.exp(60.0)),
                      1.0 / (1.0 + math.exp(-60.0)))
