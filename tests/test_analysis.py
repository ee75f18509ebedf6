"""End-to-end analysis of an invented wire story with the seed story's challenges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.errors import InvalidArticleError
from newsbrief.model import Article, EntityKind
from newsbrief.text.analysis import Analysis, analyze

STORY = """Kenya’s Daniel Okafor and Lindqvist to meet in Lisbon in May, says ministry

Kenyan President Daniel Okafor will meet Sweden’s Astrid Lindqvist for talks in Lisbon in May, \
the Foreign Ministry said on Monday, Okafor’s first trip abroad since the Atlantic Maritime \
Tribunal (AMT) opened an inquiry into his government.

Maria Vasquez, a longtime Okafor ally and the director of Kenya’s National Security Council, \
said Kenya and Sweden should deepen their trade ties.

She was quoted by the Reuters news agency as saying that the talks in Lisbon would be “frank and \
thorough”, at a meeting in Nairobi with Sweden’s top diplomat, Erik Sandberg.

Days before that visit, the AMT ordered an audit of shipping contracts signed early last year.

“We will not be lectured,” Okafor said. “Our partners know where we stand.”

The two leaders announced a ‘no strings’ partnership in March 2023, a month after the \
Baltic Shipping Summit.

Earlier this year, IMF Director Paul Henning said Kenya was becoming more dependent on loans and \
was even at risk of becoming a “client state” in time.
"""


@pytest.fixture(scope="module")
def story() -> Article:
    return Article.from_text(STORY, published="2024-02-14")


def _by_name(article: Article) -> dict[str, object]:
    return {e.name: e for e in article.entities}


def test_people_get_full_names_and_roles(story: Article) -> None:
    people = {e.name: e for e in story.entities if e.kind is EntityKind.PERSON}
    assert people["Daniel Okafor"].role == "Kenyan President"
    assert "Okafor" in people["Daniel Okafor"].aliases
    assert people["Paul Henning"].role == "IMF Director"
    assert people["Maria Vasquez"].role == "director of Kenya’s National Security Council"
    assert people["Erik Sandberg"].role == "Sweden’s top diplomat"
    assert "Astrid Lindqvist" in people


def test_places_and_organisations_are_not_people(story: Article) -> None:
    kinds = {e.name: e.kind for e in story.entities}
    assert kinds["Lisbon"] is EntityKind.PLACE
    assert kinds["Kenya"] is EntityKind.PLACE
    assert kinds["Nairobi"] is EntityKind.PLACE
    assert kinds["Reuters"] is EntityKind.ORGANIZATION
    assert kinds["Foreign Ministry"] is EntityKind.ORGANIZATION
    assert kinds["IMF"] is EntityKind.ORGANIZATION
    assert kinds["Baltic Shipping Summit"] is EntityKind.OTHER
    for word in ("Days", "Earlier", "Kenyan", "May", "Monday", "She", "The"):
        assert word not in kinds


def test_acronym_joins_its_expansion(story: Article) -> None:
    tribunal = next(e for e in story.entities if e.name == "Atlantic Maritime Tribunal")
    assert tribunal.kind is EntityKind.ORGANIZATION
    assert "AMT" in tribunal.aliases
    assert len(tribunal.mentions) == 3


def test_possessive_mention_covers_the_name_only(story: Article) -> None:
    okafor = next(e for e in story.entities if e.name == "Daniel Okafor")
    texts = {m.of(story.body) for m in okafor.mentions}
    assert texts == {"Daniel Okafor", "Okafor"}
    assert len(okafor.mentions) == 4


def test_headline_mentions_are_offsets_into_the_headline(story: Article) -> None:
    okafor = next(e for e in story.entities if e.name == "Daniel Okafor")
    assert [m.of(story.headline) for m in okafor.headline_mentions] == ["Daniel Okafor"]
    lindqvist = next(e for e in story.entities if e.name == "Astrid Lindqvist")
    assert [m.of(story.headline) for m in lindqvist.headline_mentions] == ["Lindqvist"]


def test_direct_quotes_have_the_right_speakers(story: Article) -> None:
    direct = {q.text: q.speaker for q in story.quotes if q.direct}
    assert direct["frank and thorough"] == "Maria Vasquez"  # "She was quoted ... as saying"
    assert direct["We will not be lectured,"] == "Daniel Okafor"
    assert direct["Our partners know where we stand."] == "Daniel Okafor"
    assert direct["client state"] == "Paul Henning"


def test_scare_quotes_are_not_quotes(story: Article) -> None:
    assert all(q.text != "no strings" for q in story.quotes)


def test_reported_speech_is_indirect_with_speaker(story: Article) -> None:
    indirect = [q for q in story.quotes if not q.direct]
    speakers = {q.speaker for q in indirect}
    assert "Foreign Ministry" in speakers
    vasquez = next(q for q in indirect if q.speaker == "Maria Vasquez")
    assert vasquez.text.startswith("Kenya and Sweden should deepen")
    assert vasquez.cue == "said"


def test_dates_resolve_against_publication(story: Article) -> None:
    dates = {d.text: (d.date, d.granularity) for d in story.dates}
    assert dates["on Monday"] == (dt.date(2024, 2, 12), "day")
    assert dates["in May"] == (dt.date(2024, 5, 1), "month")
    assert dates["early last year"] == (dt.date(2023, 1, 1), "year")
    assert dates["March 2023"] == (dt.date(2023, 3, 1), "month")
    assert dates["this year"] == (dt.date(2024, 1, 1), "year")


def test_analysis_is_cached_and_deterministic(story: Article) -> None:
    assert story.analysis is story.analysis
    again = analyze(Article.from_text(STORY, published="2024-02-14"))
    assert isinstance(again, Analysis)
    assert again == story.analysis


def test_analysis_to_dict_is_json_ready(story: Article) -> None:
    data = story.analysis.to_dict()
    assert set(data) == {"entities", "quotes", "dates"}
    assert isinstance(data["entities"], list) and data["entities"]


_SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "wire-story.txt"


@pytest.mark.skipif(not _SEED.exists(), reason="shared seed story not present")
def test_seed_story_people_roles_and_speakers() -> None:
    article = Article.from_text(_SEED.read_text(encoding="utf-8"))
    kinds = {e.name: e for e in article.entities}
    assert kinds["Vladimir Putin"].role == "Russian President"
    assert kinds["William Burns"].role == "CIA Director"
    assert kinds["Wang Yi"].role == "China’s top diplomat"
    assert kinds["Nikolai Patrushev"].role == "secretary of Russia’s Security Council"
    assert kinds["Kim Jong Un"].kind is EntityKind.PERSON
    for name in ("Kremlin", "Interfax", "International Criminal Court"):
        assert kinds[name].kind is EntityKind.ORGANIZATION
    for name in ("Beijing", "Moscow", "China", "Ukraine"):
        assert kinds[name].kind is EntityKind.PLACE
    speakers = {q.text: q.speaker for q in article.quotes if q.direct}
    assert speakers["thorough"] == "Nikolai Patrushev"
    assert speakers["economic colony"] == "William Burns"
    assert speakers["special military operation"] == "Kremlin"
    assert "no limits" not in speakers


_PIECES = [*"abcXYZ .,;:'\"“”‘’\n-()0123456789", "Putin", " said ", "President ", "ICC",
           "Mr ", "he said", "\n\n“", "in May ", "last year", "Bank of ", "(AMT)"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_analyze_never_raises_and_spans_match(text: str) -> None:
    if not text.strip():
        return
    article = Article.from_text(text, title="", published="2024-01-01")
    result = analyze(article)
    body = article.body
    for entity in result.entities:
        for m in entity.mentions:
            assert 0 <= m.start <= m.end <= len(body)
            assert m.of(body).strip() == m.of(body)
    for quote in result.quotes:
        assert 0 <= quote.span.start <= quote.span.end <= len(body)
        assert quote.span.of(body) == quote.text
    for date in result.dates:
        assert date.span.of(body) == date.text


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_analyze_never_raises_on_arbitrary_text(text: str) -> None:
    try:
        article = Article.from_text(text, title="")
    except InvalidArticleError:
        return  # empty, NUL bytes: refused before analysis
    result = analyze(article)
    for entity in result.entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(article.body)
    for quote in result.quotes:
        assert quote.span.of(article.body) == quote.text
    for date in result.dates:
        assert date.span.of(article.body) == date.text
