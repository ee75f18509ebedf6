"""Tests for the article model (newsbrief.model): headlines, spans, validation, round trips."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import Article, Paragraph, Sentence, Span
from newsbrief.errors import InputTooLargeError, InvalidArticleError
from newsbrief.model import MAX_ARTICLE_CHARS, MAX_HEADLINE_CHARS, split_headline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# Evaluation data lives next to the repository, never inside it.
BBC_DEV = ROOT.parent / "shared" / "data" / "bbc_news_summary" / "dev.jsonl"


def assert_spans_tile(article: Article) -> None:
    """Paragraphs and sentences point exactly into the body and cover all of its text."""
    body = article.body
    position = 0
    index = 0
    for p_index, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == p_index
        assert body[paragraph.start : paragraph.end] == paragraph.text
        assert body[position : paragraph.start].strip() == ""
        inner = paragraph.start
        for sentence in paragraph.sentences:
            assert sentence.text
            assert body[sentence.start : sentence.end] == sentence.text
            assert sentence.paragraph == p_index
            assert sentence.index == index
            assert body[inner : sentence.start].strip() == ""
            inner = sentence.end
            index += 1
        assert body[inner : paragraph.end].strip() == ""
        position = paragraph.end
    assert body[position:].strip() == ""
    assert article.sentences == tuple(s for p in article.paragraphs for s in p.sentences)


def round_trip(article: Article) -> Article:
    return Article.from_dict(json.loads(json.dumps(article.to_dict())))


# -- headline rules ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "headline", "body"),
    [
        ("Port reopens\n\nShips sailed.", "Port reopens", "Ships sailed."),
        ("  Port   reopens  \n \nShips sailed.", "Port reopens", "Ships sailed."),
        ("Port reopens\r\n\r\nShips sailed.", "Port reopens", "Ships sailed."),
        ("\n\nPort reopens\n\nShips sailed.", "Port reopens", "Ships sailed."),
        ("Port reopens\n\n", "Port reopens", ""),
        ("Ships sailed on Tuesday.\n\nMore text.", "", "Ships sailed on Tuesday.\n\nMore text."),
        ('He said "yes."\n\nMore.', "", 'He said "yes."\n\nMore.'),
        ("Is it over?\n\nMore.", "", "Is it over?\n\nMore."),
        ("Port reopens\nShips sailed.", "", "Port reopens\nShips sailed."),
        ("Port reopens", "", "Port reopens"),
        ("Port reopens: what next for Selwick\n\nText.", "Port reopens: what next for Selwick",
         "Text."),
    ],
)
def test_headline_detection(text: str, headline: str, body: str) -> None:
    article = Article.from_text(text)
    assert (article.headline, article.body) == (headline, body)


def test_headline_longer_than_limit_is_body() -> None:
    long_line = "word " * (MAX_HEADLINE_CHARS // 5 + 1)
    article = Article.from_text(long_line.strip() + "\n\nMore text.")
    assert article.headline == ""
    assert article.body.startswith("word word")


def test_headline_at_limit_is_headline() -> None:
    line = "x" * MAX_HEADLINE_CHARS
    assert Article.from_text(line + "\n\nBody.").headline == line


def test_title_given_makes_all_text_body() -> None:
    text = "Port reopens\n\nShips sailed."
    article = Article.from_text(text, title="")
    assert (article.headline, article.body) == ("", text)
    article = Article.from_text(text, title="  A  given\ntitle ")
    assert (article.headline, article.body) == ("A given title", text)


def test_split_headline_is_the_rule_from_text_uses() -> None:
    assert split_headline("Port reopens\n\nShips sailed.") == ("Port reopens", "Ships sailed.")
    assert split_headline("Ships sailed.") == ("", "Ships sailed.")


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_article_is_invalid(text: str) -> None:
    with pytest.raises(InvalidArticleError, match="empty"):
        Article.from_text(text)


def test_nul_bytes_are_invalid() -> None:
    with pytest.raises(InvalidArticleError, match="NUL"):
        Article.from_text("Head\n\nBody\x00.")


def test_non_string_text_is_invalid() -> None:
    with pytest.raises(InvalidArticleError, match="must be a string, not bytes"):
        Article.from_text(b"bytes")  # type: ignore[arg-type]


def test_text_past_limit_is_too_large() -> None:
    with pytest.raises(InputTooLargeError, match="limit"):
        Article.from_text("a" * (MAX_ARTICLE_CHARS + 1))


def test_bad_published_is_invalid() -> None:
    with pytest.raises(InvalidArticleError, match="ISO 8601"):
        Article.from_text("Body.", published="last Tuesday")


def test_bad_field_types_are_invalid() -> None:
    with pytest.raises(InvalidArticleError, match="source must be a string"):
        Article.from_text("Body.", source=["x"])  # type: ignore[arg-type]
    with pytest.raises(InvalidArticleError, match="metadata must be a mapping"):
        Article.from_text("Body.", metadata=[("a", 1)])  # type: ignore[arg-type]


def test_span_rejects_end_before_start() -> None:
    with pytest.raises(InvalidArticleError):
        Span(5, 2)
    with pytest.raises(InvalidArticleError):
        Span(-1, 2)


def test_span_helpers() -> None:
    span = Span(2, 5)
    assert len(span) == 3
    assert span.of("abcdefg") == "cde"
    assert span.overlaps(Span(4, 9)) and not span.overlaps(Span(5, 9))
    assert span.contains(Span(3, 5)) and not span.contains(Span(1, 3))


def test_model_types_are_frozen_and_tuples() -> None:
    article = Article.from_text("Port reopens\n\nShips sailed. Trade resumed.\n\nMore news.")
    assert isinstance(article.paragraphs, tuple)
    assert all(isinstance(p, Paragraph) and isinstance(p.sentences, tuple)
               for p in article.paragraphs)
    assert all(isinstance(s, Sentence) for s in article.sentences)
    with pytest.raises(AttributeError):
        article.headline = "changed"  # type: ignore[misc]


def test_segmented_sentences_and_paragraphs_equal_checked_ones_and_stay_frozen() -> None:
    article = Article.from_text("Port reopens\n\nShips sailed. Trade resumed.\n\nMore news.")
    for s in article.sentences:
        checked = Sentence(s.text, s.start, s.end, s.index, s.paragraph)
        assert type(s) is Sentence and s == checked and hash(s) == hash(checked)
        assert repr(s) == repr(checked)
    for p in article.paragraphs:
        again = Paragraph(p.text, p.start, p.end, p.index, list(p.sentences))
        assert type(p) is Paragraph and p == again and hash(p) == hash(again)
        assert isinstance(p.sentences, tuple)
    assert [(s.index, s.paragraph) for s in article.sentences] == [(0, 0), (1, 0), (2, 1)]
    with pytest.raises(AttributeError):
        article.sentences[0].start = 3  # type: ignore[misc]


def test_sentences_built_by_users_are_still_checked() -> None:
    with pytest.raises(InvalidArticleError):
        Sentence("Ships sailed.", -1, 12, 0, 0)
    with pytest.raises(InvalidArticleError):
        Sentence("Ships sailed.", 0, 13, -1, 0)
    with pytest.raises(InvalidArticleError):
        Paragraph("Ships sailed.", 5, 2, 0, ())


# -- spans ------------------------------------------------------------------------------------


def test_spans_are_exact_for_a_wire_story() -> None:
    article = Article.from_text(
        "Minister resigns\n\nFinance Minister Lena Marsh resigned on Tuesday. "
        '"I am proud," she said.\n\nDr. Noor Haddad, of the U.S. office, said it cost $11.1bn.'
    )
    assert_spans_tile(article)
    assert [s.text for s in article.sentences] == [
        "Finance Minister Lena Marsh resigned on Tuesday.",
        '"I am proud," she said.',
        "Dr. Noor Haddad, of the U.S. office, said it cost $11.1bn.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EXAMPLES.glob("*.txt"))
)
def test_spans_exact_and_round_trip_for_text_examples(name: str) -> None:
    article = Article.from_text((EXAMPLES / name).read_text(encoding="utf-8"))
    assert article.headline
    assert_spans_tile(article)
    assert round_trip(article) == article


@pytest.mark.skipif(not BBC_DEV.exists(), reason="evaluation data not present")
def test_contract_holds_for_all_of_bbc_dev() -> None:
    count = 0
    with BBC_DEV.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            article = Article.from_text(record["text"], title=record["title"])
            assert_spans_tile(article)
            assert round_trip(article) == article
            count += 1
    assert count > 1000


# -- dicts and JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["\ufeff\ufeffShips sailed.", "Port reopens\n\n\ufeffShips sailed.", " \ufeffShips sailed."],
)
def test_byte_order_marks_never_reach_the_body(text: str) -> None:
    article = Article.from_text(text)
    assert article.body == "Ships sailed."
    assert round_trip(article) == article


def test_to_dict_is_json_ready_and_exact() -> None:
    article = Article.from_text(
        "Port reopens\n\nShips sailed.",
        source="Halden Courier",
        url="https://example.org/1",
        published=dt.datetime(2024, 4, 11, 16, 5, tzinfo=dt.timezone.utc),
        id="c-1",
        metadata={"section": "business", "tags": ["port", "strike"]},
    )
    data = article.to_dict()
    assert data == {
        "id": "c-1",
        "headline": "Port reopens",
        "body": "Ships sailed.",
        "source": "Halden Courier",
        "url": "https://example.org/1",
        "published": "2024-04-11T16:05:00+00:00",
        "language": "en",
        "metadata": {"section": "business", "tags": ["port", "strike"]},
    }
    assert json.loads(json.dumps(data)) == data
    assert round_trip(article) == article


@pytest.mark.parametrize(
    "published",
    [
        dt.date(2024, 3, 5),
        dt.datetime(2024, 3, 5, 9, 30),
        dt.datetime(2024, 3, 5, 9, 30, 15, 250000, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    ],
)
def test_published_round_trips_as_iso_8601(published: dt.date) -> None:
    article = Article.from_text("Body text.", published=published)
    assert article.to_dict()["published"] == published.isoformat()
    again = round_trip(article)
    assert again.published == published
    assert type(again.published) is type(published)


def test_published_iso_strings_are_parsed() -> None:
    assert Article.from_text("Body.", published="2024-03-05").published == dt.date(2024, 3, 5)
    assert Article.from_text("Body.", published="2024-03-05T10:00:00Z").published == (
        dt.datetime(2024, 3, 5, 10, tzinfo=dt.timezone.utc)
    )


def test_from_dict_accepts_title_and_text_and_keeps_other_keys() -> None:
    article = Article.from_dict(
        {"title": "Rates held", "text": "The bank held rates.", "category": "economy"}
    )
    assert (article.headline, article.body) == ("Rates held", "The bank held rates.")
    assert article.metadata == {"category": "economy"}


def test_from_dict_without_body_is_invalid() -> None:
    with pytest.raises(InvalidArticleError, match="'body' or 'text'"):
        Article.from_dict({"title": "Only a title"})


def test_cached_computes_once_and_is_not_part_of_equality() -> None:
    article = Article.from_text("Body text.")
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return 42

    assert article.cached("answer", compute) == 42
    assert article.cached("answer", compute) == 42
    assert calls == [1]
    assert article == Article.from_text("Body text.")
    assert "answer" not in json.dumps(article.to_dict())


def test_text_property_joins_headline_and_body() -> None:
    assert Article.from_text("Head\n\nBody.").text == "Head\n\nBody."
    assert Article.from_text("Body.").text == "Body."


# -- properties ---------------------------------------------------------------------------------

_words = st.text(
    alphabet=st.sampled_from(list("abcdefgh XYZ.,!?\"'“”’()$%0123456789\n\r\t-—…")), max_size=400
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), _words))
def test_any_text_gives_an_article_or_invalid_article_error(text: str) -> None:
    try:
        article = Article.from_text(text)
    except InvalidArticleError:
        return
    assert_spans_tile(article)
    assert round_trip(article) == article


@settings(max_examples=200, deadline=None)
@given(
    _words,
    st.one_of(st.none(), st.text(max_size=40)),
    st.dictionaries(
        st.text(max_size=8).filter(
            lambda k: k not in {"headline", "title", "body", "text", "id", "source", "url",
                                "published", "language", "metadata"}
        ),
        st.one_of(st.integers(), st.text(max_size=10), st.booleans(), st.none()),
        max_size=3,
    ),
    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_to_dict_from_dict_round_trip_is_exact_through_json(
    text: str, title: str | None, metadata: dict[str, object], published: str | None
) -> None:
    try:
        article = Article.from_text(text, title=title, metadata=metadata, published=published,
                                    source="Halden Courier", id="x-1")
    except InvalidArticleError:
        return
    data = article.to_dict()
    assert json.loads(json.dumps(data)) == data
    again = round_trip(article)
    assert again == article
    assert again.to_dict() == data



def test_from_dict_accepts_rfc_2822_published_dates_like_the_readers() -> None:
    article = Article.from_dict(
        {"title": "T", "text": "Body here.", "published": "Tue, 27 Nov 2026 09:00:00 +0000"}
    )
    assert article.published is not None
    assert article.published.isoformat() == "2026-11-27T09:00:00+00:00"
