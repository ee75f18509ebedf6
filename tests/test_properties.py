"""Property tests on the public entry points, across modules.

Module tests already hold the single-stage properties (segmentation tiling in
test_segment, budgets per method in test_summarize, SSML for any text in
test_render, readers on any text in test_ingest). These check the contract
end to end, from raw text or raw data to every output, with generators that
mix news-like sentences with markup-injection payloads and arbitrary Unicode.
"""

from __future__ import annotations

import json
import math
import xml.dom.minidom
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief import (
    Article,
    Briefing,
    Digest,
    InvalidArticleError,
    NewsbriefError,
    Summary,
)
from newsbrief.ingest import FORMATS as READ_FORMATS
from newsbrief.ingest import read_all
from newsbrief.render import FORMATS, render
from newsbrief.summarize import available_methods

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

#: Text that would become markup if a renderer forgot to escape it.
PAYLOADS = (
    '</speak><audio src="x"/>',
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "<!-- hidden",
    "]]>",
    "&amp; &lt; &#0; &bogus;",
    "*bold* _it_ `code` # Heading",
    '<break time="10s"/>',
    "\"quoted\" 'single' “curly”",
)

_WORD = st.sampled_from(
    ["the", "council", "said", "Marlow", "Petra", "Vance", "harbour", "water", "prices", "rose",
     "4.5%", "on", "Monday", "in", "2019", "$12m", "Dr.", "U.S.", "strike", "police", "told",
     "reporters", "January"]
)  # fmt: skip
_SENTENCE = st.lists(_WORD, min_size=1, max_size=14).map(
    lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + "."
)
_QUOTE = st.tuples(_SENTENCE, _WORD).map(lambda p: f'"{p[0]}" {p[1].capitalize()} said.')
_PIECE = st.one_of(_SENTENCE, _SENTENCE, _QUOTE, st.sampled_from(PAYLOADS), st.text(max_size=30))
_PARAGRAPH = st.lists(_PIECE, min_size=1, max_size=5).map(" ".join)
_NEWSLIKE = st.lists(_PARAGRAPH, min_size=1, max_size=8).map("\n\n".join)
_ANY_TEXT = st.one_of(_NEWSLIKE, st.text(max_size=300))


def _article_or_none(text: str, title: str | None = None) -> Article | None:
    try:
        return Article.from_text(text, title=title)
    except InvalidArticleError:
        return None


def _check_outputs(outputs: dict[str, str]) -> None:
    xml.dom.minidom.parseString(outputs["ssml"])  # well-formed, whatever the text
    for payload in ("<script", "<audio", "<!--", "<break"):
        assert payload not in outputs["html"].lower().replace("<!doctype", "")
    assert json.loads(outputs["json"])


# -- articles -----------------------------------------------------------------


@SETTINGS
@given(_ANY_TEXT)
def test_any_text_gives_an_article_whose_sentences_tile_its_body(text: str) -> None:
    article = _article_or_none(text)
    if article is None:
        return
    body = article.body
    position = 0
    for index, sentence in enumerate(article.sentences):
        assert sentence.index == index
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= position
        # Only whitespace lies between consecutive sentences.
        assert not body[position : sentence.start].strip()
        position = sentence.end
    assert not body[position:].strip()
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


@SETTINGS
@given(_ANY_TEXT, st.one_of(st.none(), st.text(max_size=60)))
def test_article_json_round_trip_is_exact(text: str, title: str | None) -> None:
    article = _article_or_none(text, title)
    if article is None:
        return
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again == article
    assert again.to_dict() == article.to_dict()


# -- summaries ----------------------------------------------------------------

_BUDGET = st.one_of(
    st.integers(min_value=1, max_value=12).map(lambda n: {"sentences": n}),
    st.integers(min_value=1, max_value=200).map(lambda n: {"words": n}),
    st.floats(min_value=0.01, max_value=1.0).map(lambda r: {"ratio": r}),
    st.floats(min_value=0.5, max_value=90.0).map(lambda s: {"seconds": s}),
)


def _within_budget(summary: Summary, article: Article, budget: dict[str, Any]) -> bool:
    ((kind, value),) = budget.items()
    value = float(value)
    count = len(summary.sentences)
    if kind == "sentences":
        return count <= value
    if kind == "ratio":
        return count <= max(1, math.floor(value * len(article.sentences) + 0.5))
    if kind == "words":
        return summary.word_count <= value
    return summary.seconds <= value


@SETTINGS
@given(_NEWSLIKE, _BUDGET, st.sampled_from(available_methods()))
def test_summaries_are_ordered_subsets_of_the_sentences_within_every_budget_kind(
    text: str, budget: dict[str, Any], method: str
) -> None:
    article = _article_or_none(text)
    if article is None:
        return
    summary = article.summary(method=method, **budget)
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(set(indices))
    assert all(article.sentences[s.index] == s for s in summary.sentences)
    assert _within_budget(summary, article, budget)
    assert summary.sentences or summary.note is not None or not article.sentences


# -- briefings and renderers --------------------------------------------------


@SETTINGS
@given(_ANY_TEXT, st.sampled_from([{}, {"seconds": 20}, {"words": 40}, {"seconds": 90}]))
def test_briefings_of_any_text_render_in_every_format_and_round_trip(
    text: str, budget: dict[str, Any]
) -> None:
    article = _article_or_none(text, title="Council <b>votes</b> & </speak>")
    if article is None:
        return
    briefing = article.briefing(**budget)
    outputs = {fmt: render(briefing, fmt) for fmt in FORMATS}
    _check_outputs(outputs)
    assert Briefing.from_dict(json.loads(outputs["json"])) == briefing
    assert Briefing.from_dict(json.loads(json.dumps(briefing.to_dict()))) == briefing


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_FIELD = st.sampled_from(
    ["headline", "lede", "summary", "key_points", "people", "organizations", "places", "quotes",
     "context", "dates", "source", "published", "url", "word_count", "reading_seconds",
     "listening_seconds", "wpm"]
)  # fmt: skip


@SETTINGS
@given(st.dictionaries(_FIELD, _JSON, max_size=8) | _JSON)
def test_any_briefing_data_renders_or_is_refused_with_a_newsbrief_error(data: Any) -> None:
    try:
        briefing = Briefing.from_dict(data)
    except NewsbriefError:
        return
    _check_outputs({fmt: render(briefing, fmt) for fmt in FORMATS})


_TEXT_OR_PAYLOAD = st.one_of(st.text(max_size=40), st.sampled_from(PAYLOADS))
_WELL_TYPED = st.fixed_dictionaries(
    {
        "headline": _TEXT_OR_PAYLOAD,
        "lede": _TEXT_OR_PAYLOAD,
        "key_points": st.lists(_TEXT_OR_PAYLOAD, max_size=3),
        "people": st.lists(
            st.fixed_dictionaries(
                {"name": _TEXT_OR_PAYLOAD, "role": st.none() | _TEXT_OR_PAYLOAD}
            ),
            max_size=3,
        ),
        "places": st.lists(st.fixed_dictionaries({"name": _TEXT_OR_PAYLOAD}), max_size=2),
        "quotes": st.lists(
            st.fixed_dictionaries(
                {"speaker": _TEXT_OR_PAYLOAD, "text": _TEXT_OR_PAYLOAD, "direct": st.booleans(),
                 "cue": st.none() | _TEXT_OR_PAYLOAD}
            ),
            max_size=3,
        ),
        "context": st.lists(_TEXT_OR_PAYLOAD, max_size=2),
        "dates": st.lists(
            st.fixed_dictionaries(
                {"text": _TEXT_OR_PAYLOAD, "date": st.none() | st.dates().map(str),
                 "granularity": st.sampled_from([None, "day", "month", "year"])}
            ),
            max_size=2,
        ),
        "source": st.none() | _TEXT_OR_PAYLOAD,
        "url": st.none() | st.sampled_from(["https://example.org/a?b=1&c=<2>", "javascript:x"]),
        "word_count": st.integers(min_value=0, max_value=10**6),
        "listening_seconds": st.floats(min_value=0, max_value=1e5),
    }
)


@SETTINGS
@given(_WELL_TYPED)
def test_well_typed_briefing_data_always_renders_escaped_and_round_trips(
    data: dict[str, Any],
) -> None:
    briefing = Briefing.from_dict(data)
    outputs = {fmt: render(briefing, fmt) for fmt in FORMATS}
    _check_outputs(outputs)
    assert 'href="javascript:' not in outputs["html"]
    assert Briefing.from_dict(json.loads(json.dumps(briefing.to_dict()))) == briefing


# -- digests ------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEWSLIKE, min_size=1, max_size=4), st.floats(min_value=0.5, max_value=5))
def test_digests_of_any_articles_render_and_survive_json(texts: list[str], minutes: float) -> None:
    found = (_article_or_none(text, title=f"Story {i}") for i, text in enumerate(texts))
    articles = [article for article in found if article is not None]
    if not articles:
        return
    digest = Digest.from_articles(articles, minutes=minutes)
    data = digest.to_dict()
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    _check_outputs({fmt: render(digest, fmt) for fmt in FORMATS})


# -- readers ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", READ_FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), _NEWSLIKE.map(str.encode)))
def test_reading_any_bytes_in_every_format_gives_articles_or_a_newsbrief_error(
    fmt: str, data: bytes
) -> None:
    try:
        articles = list(read_all(data, format=fmt))
    except NewsbriefError:
        return
    assert articles
    assert all(isinstance(article, Article) for article in articles)
