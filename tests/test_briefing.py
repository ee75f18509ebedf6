"""Tests of newsbrief.briefing: what goes into a briefing, budgets, the dict contract."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import wave
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import Article, BudgetError
from newsbrief.briefing import Briefing, build_briefing
from newsbrief.render import render, script_parts
from newsbrief.render.script import estimate_parts_seconds
from newsbrief.timing import script_features

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "wire-story.txt"

# An invented wire story of the seed's kind: people with roles, attributed
# direct and reported quotes, scare quotes, dates, background.
STORY = """Valdoren and Ostmark agree to reopen border crossings by June, foreign ministry says

Valdoren Foreign Minister Amara Kessel will meet her Ostmark counterpart Piet Varro in \
Lindenhall in May to sign a deal reopening the border, the foreign ministry said on Monday, \
the first talks between the two governments since the crossings were shut in 2019.

Kessel said the agreement would let 40,000 people a day cross again. "This is the day families \
on both sides have waited five years for," she told reporters in the capital.

Varro, a former judge who became Ostmark's foreign minister last year, said his government \
wanted "a fresh start" and would drop visa fees for students.

The border was closed after a dispute over fishing rights in the Selva estuary, which both \
countries claim. Trade between them has fallen by half since then.

Opposition leader Marten Holm called the deal "a surrender" and said parliament should vote on \
it. "We will not let the government sign away our waters," Holm said.

Analysts at the Institute for Northern Studies said the talks could also revive plans for a \
rail link first proposed in the 1990s.
"""


@pytest.fixture(scope="module")
def story() -> Article:
    return Article.from_text(STORY)


@pytest.fixture(scope="module")
def seed() -> Article:
    if not SEED.exists():
        pytest.skip("seed story not available")
    return Article.from_text(SEED.read_text(encoding="utf-8"))


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


# -- the seed story -----------------------------------------------------------------


def test_seed_lede_says_who_meets_whom_where_and_when(seed: Article) -> None:
    lede = seed.briefing().lede
    for needle in ("Putin", "Xi Jinping", "Beijing", "October"):
        assert needle in lede


def test_seed_people_have_the_roles_the_article_gives(seed: Article) -> None:
    people = {p.name: p.role for p in seed.briefing().people}
    assert people["Vladimir Putin"] == "Russian President"
    assert "Security Council" in (people["Nikolai Patrushev"] or "")
    assert people["William Burns"] == "CIA Director"
    assert "top diplomat" in (people["Wang Yi"] or "")


def test_seed_people_are_ordered_by_importance(seed: Article) -> None:
    names = [p.name for p in seed.briefing().people]
    assert names[:2] == ["Vladimir Putin", "Xi Jinping"]


def test_seed_quotes_have_their_speakers(seed: Article) -> None:
    quotes = seed.briefing().quotes
    assert quotes
    by_speaker = {q.speaker: _normal(q.text) for q in quotes}
    assert "economic colony" in by_speaker["William Burns"]
    assert "deepen cooperation" in by_speaker["Nikolai Patrushev"]
    for quote in quotes:
        assert quote.speaker
        assert len(quote.text.split()) >= 4, "no fragments or scare quotes"


def test_seed_briefing_gives_the_context_of_the_warrant(seed: Article) -> None:
    briefing = seed.briefing()
    told = _normal(" ".join([briefing.lede, *briefing.key_points, *briefing.context]))
    assert "warrant" in _normal(briefing.lede)
    assert "children" in _normal(briefing.lede) and "ukraine" in _normal(briefing.lede)
    assert "international criminal court" in told


def test_seed_places_and_organizations(seed: Article) -> None:
    briefing = seed.briefing()
    assert {"Beijing", "Moscow", "China", "Russia"} <= set(briefing.places)
    assert "Kremlin" in briefing.organizations
    assert "International Criminal Court" in briefing.organizations


def test_seed_dates_are_resolved_when_absolute(seed: Article) -> None:
    dates = {d.text: d.date for d in seed.briefing().dates}
    assert dates["February 2022"] is not None and dates["February 2022"].year == 2022
    assert "in October" in dates


# -- an invented story ----------------------------------------------------------------


def test_lede_is_the_opening_news_sentence(story: Article) -> None:
    briefing = story.briefing()
    assert briefing.lede.startswith("Valdoren Foreign Minister Amara Kessel will meet")


def test_key_points_are_three_to_five_and_distinct(story: Article) -> None:
    briefing = story.briefing()
    assert 3 <= len(briefing.key_points) <= 5
    assert briefing.lede not in briefing.key_points
    assert len(set(briefing.key_points)) == len(briefing.key_points)


def test_key_points_follow_document_order(story: Article) -> None:
    briefing = story.briefing()
    positions = [story.body.index(point) for point in briefing.key_points]
    assert positions == sorted(positions)


def test_key_points_respect_the_requested_number(story: Article) -> None:
    assert len(story.briefing(key_points=3).key_points) == 3
    assert story.briefing(key_points=0).key_points == ()


def test_summary_is_lede_and_key_points_in_order(story: Article) -> None:
    briefing = story.briefing()
    assert set(briefing.summary) == {briefing.lede, *briefing.key_points}
    positions = [story.body.index(s) for s in briefing.summary]
    assert positions == sorted(positions)


def test_people_come_with_roles(story: Article) -> None:
    people = {p.name: p.role for p in story.briefing().people}
    assert "Amara Kessel" in people
    assert "Piet Varro" in people
    assert "Marten Holm" in people
    assert "Foreign Minister" in (people["Amara Kessel"] or "")


def test_quotes_are_attributed_to_the_right_speakers(story: Article) -> None:
    quotes = story.briefing(max_quotes=5).quotes
    by_text = {_normal(q.text): q.speaker for q in quotes}
    holm = [t for t in by_text if "sign away our waters" in t]
    assert holm and by_text[holm[0]] == "Marten Holm"
    kessel = [t for t in by_text if "families" in t]
    assert kessel and by_text[kessel[0]] == "Amara Kessel"


def test_direct_quotes_come_first(story: Article) -> None:
    quotes = story.briefing(max_quotes=5).quotes
    flags = [q.direct for q in quotes]
    assert flags == sorted(flags, reverse=True)


def test_no_quote_is_unattributed_or_a_scare_quote(story: Article) -> None:
    for quote in story.briefing(max_quotes=10).quotes:
        assert quote.speaker.strip()
        assert _normal(quote.text) not in {"a surrender", "a fresh start"}


def test_max_quotes_is_respected(story: Article) -> None:
    assert len(story.briefing(max_quotes=1).quotes) == 1
    assert story.briefing(max_quotes=0).quotes == ()


def test_context_is_background_not_already_used(story: Article) -> None:
    briefing = story.briefing()
    assert briefing.context
    for sentence in briefing.context:
        assert sentence not in briefing.key_points and sentence != briefing.lede
    assert any("closed" in c or "since" in c or "1990s" in c for c in briefing.context)


def test_reading_and_listening_times(story: Article) -> None:
    briefing = story.briefing()
    assert briefing.word_count == story.word_count
    assert briefing.reading_seconds == pytest.approx(story.word_count * 60 / 230, abs=0.1)
    parts = script_parts(briefing)
    assert briefing.listening_seconds == pytest.approx(estimate_parts_seconds(parts), abs=0.1)


def test_briefing_is_deterministic() -> None:
    assert Article.from_text(STORY).briefing() == Article.from_text(STORY).briefing()


def test_metadata_is_carried_over() -> None:
    article = Article.from_text(
        STORY, source="Valdoren Wire", url="https://example.com/a", published="2026-11-24"
    )
    briefing = article.briefing()
    assert briefing.source == "Valdoren Wire"
    assert briefing.url == "https://example.com/a"
    assert briefing.published == "2026-11-24"


# -- budgets ---------------------------------------------------------------------------


@pytest.mark.parametrize("seconds", [15, 20, 30, 45, 60, 90])
def test_time_budget_holds_for_the_speech_script(story: Article, seconds: int) -> None:
    briefing = story.briefing(seconds=seconds)
    assert briefing.listening_seconds <= seconds
    assert estimate_parts_seconds(script_parts(briefing)) <= seconds + 0.05


def test_seed_fits_forty_five_seconds(seed: Article) -> None:
    briefing = seed.briefing(seconds=45)
    assert 0 < briefing.listening_seconds <= 45
    assert briefing.lede and "Beijing" in briefing.lede


def test_trimming_drops_background_before_key_points(story: Article) -> None:
    full = story.briefing()
    trimmed = story.briefing(seconds=full.listening_seconds - 1)
    assert len(trimmed.context) < len(full.context)
    assert trimmed.key_points == full.key_points


def test_a_slower_rate_fits_less(story: Article) -> None:
    fast = story.briefing(seconds=40, wpm=220)
    slow = story.briefing(seconds=40, wpm=130)
    assert len(slow.summary) + len(slow.quotes) <= len(fast.summary) + len(fast.quotes)
    assert slow.listening_seconds <= 40 and slow.wpm == 130


def test_word_budget_counts_the_spoken_words(story: Article) -> None:
    briefing = story.briefing(words=60)
    spoken = sum(script_features(p.text).words for p in script_parts(briefing))
    assert spoken <= 60


def test_a_budget_too_small_for_the_lede_keeps_the_headline(story: Article) -> None:
    briefing = story.briefing(seconds=8)
    assert briefing.listening_seconds <= 8
    assert briefing.headline


def test_a_budget_too_small_for_the_headline_is_an_error(story: Article) -> None:
    with pytest.raises(BudgetError, match="headline"):
        story.briefing(seconds=1)


@pytest.mark.parametrize(
    "options",
    [
        {"seconds": 0},
        {"seconds": -5},
        {"seconds": math.nan},
        {"seconds": math.inf},
        {"seconds": "45"},
        {"words": 0},
        {"words": 10.5},
        {"seconds": 30, "words": 50},
        {"wpm": 0},
        {"key_points": -1},
        {"max_quotes": -1},
    ],
)
def test_bad_budgets_are_budget_errors(story: Article, options: dict[str, object]) -> None:
    with pytest.raises(BudgetError):
        build_briefing(story, **options)  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=5, max_value=200))
def test_any_time_budget_holds_or_is_refused(seconds: float) -> None:
    article = Article.from_text(STORY)
    try:
        briefing = article.briefing(seconds=seconds)
    except BudgetError:
        return
    assert briefing.listening_seconds <= seconds


# -- the dict contract -------------------------------------------------------------------


def test_to_dict_keys_and_types(story: Article) -> None:
    data = story.briefing().to_dict()
    assert isinstance(data["headline"], str)
    assert isinstance(data["lede"], str)
    for key in ("summary", "key_points", "context"):
        assert all(isinstance(s, str) for s in data[key])
    assert all(set(p) >= {"name", "role"} for p in data["people"])
    assert all(set(o) == {"name"} for o in data["organizations"])
    assert all(set(p) == {"name"} for p in data["places"])
    assert all(set(q) >= {"speaker", "text"} for q in data["quotes"])
    assert all("text" in d and "date" in d for d in data["dates"])
    for key in ("listening_seconds", "reading_seconds"):
        assert isinstance(data[key], float)
    assert isinstance(data["word_count"], int)
    for key in ("source", "published", "url"):
        assert key in data


def test_to_dict_is_json_serialisable_and_round_trips(story: Article) -> None:
    briefing = Article.from_text(STORY, published="2026-11-24").briefing()
    data = json.loads(json.dumps(briefing.to_dict()))
    assert Briefing.from_dict(data) == briefing


def test_from_dict_refuses_garbage() -> None:
    from newsbrief import InvalidArticleError

    with pytest.raises(InvalidArticleError):
        Briefing.from_dict({"people": [{"role": "no name"}]})
    with pytest.raises(InvalidArticleError):
        Briefing.from_dict([1, 2])  # type: ignore[arg-type]


def test_briefing_renders_itself(story: Article) -> None:
    briefing = story.briefing()
    assert briefing.render("markdown") == render(briefing, "markdown")
    assert briefing.script() == render(briefing, "script")


# -- real audio ---------------------------------------------------------------------------


@pytest.mark.speech
@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
@pytest.mark.parametrize("wpm", [150, 175, 220])
def test_listening_seconds_match_espeak_within_fifteen_percent(
    story: Article, tmp_path: Path, wpm: int
) -> None:
    briefing = story.briefing(wpm=wpm)
    out = tmp_path / "briefing.wav"
    subprocess.run(
        ["espeak-ng", "-s", str(wpm), "-w", str(out), "--stdin"],
        input=briefing.script().encode("utf-8"),
        check=True,
        capture_output=True,
        timeout=60,
    )
    with wave.open(str(out)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    assert seconds == pytest.approx(briefing.listening_seconds, rel=0.15)


# -- any news-like text -------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "The", "minister", "said", "Mr.", "Smith", "Gov.", "U.S.", "CIA", "NATO", "(ICC)",
        "$11.1bn", "£3m", "€2.5", "billion", "3.5%", "1962", "2024", "March", "3,", "on",
        "Tuesday", "“We", "will", "win,”", "he", "told", "reporters.", '"no', 'limits"',
        "‘scare’", "-", "—", "&", "/", "10:30", "a.m.", "21st", "1,200", "people", "in",
        "Beijing.", "Putin", "Xi", "would", "meet", "after", "since", "last", "year.", "\n\n",
        "<b>", "*", "#", "@", "example.com", "½", "-5", "2010-2015", "No.", "10",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, min_size=3, max_size=80).map(" ".join))
def test_any_news_like_text_briefs_and_renders_cleanly(text: str) -> None:
    from newsbrief import InvalidArticleError

    try:
        article = Article.from_text("Headline of the day\n\n" + text)
    except InvalidArticleError:
        return
    briefing = article.briefing()
    assert briefing.lede == "" or briefing.lede in article.body
    for fmt in ("text", "markdown", "json", "html", "ssml", "script"):
        assert render(briefing, fmt).strip()
    script = briefing.script()
    assert not any(ch.isdigit() for ch in script)
    assert not set(script) & set('<>*#_[]$£€%&/@+=~|\\{}"“”')
    try:
        budgeted = article.briefing(seconds=20)
    except BudgetError:
        return
    assert budgeted.listening_seconds <= 20


def test_a_common_noun_is_not_a_person_and_speaks_in_lower_case() -> None:
    article = Article.from_text(
        "Dockers vote to end strike\n\n"
        "Dock workers at Port Halden voted to end their strike on Thursday, their union said.\n\n"
        "Union said 82% of its 2,300 members voted for the deal in a ballot that closed.\n\n"
        '"Our members held firm and won a fair deal," said union leader Marta Quill.'
    )
    briefing = article.briefing(max_quotes=5)
    assert "Union" not in [p.name for p in briefing.people]
    assert "Union" not in [q.speaker for q in briefing.quotes]


def test_a_second_briefing_of_an_article_speaks_no_text_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsbrief._compose as compose  # where the briefing looks speakable up

    calls: list[str] = []
    real = compose.speakable

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(compose, "speakable", counting)
    article = Article.from_text(STORY)
    first = article.briefing()
    spoken_once = len(calls)
    assert spoken_once > 0
    again = article.briefing()
    trimmed = article.briefing(seconds=first.listening_seconds / 2)
    assert len(calls) == spoken_once
    assert again == first
    assert trimmed == Article.from_text(STORY).briefing(seconds=first.listening_seconds / 2)


_TOKEN_PIECES = [*"aZq '-’é£\x00\x01.,", "’s", "'s", "--", "İ", "K", "the", "He"]
_TOKEN_TEXT = st.lists(st.sampled_from(_TOKEN_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TOKEN_TEXT)
def test_token_sets_by_byte_translation_equal_the_regex_words(text: str) -> None:
    from newsbrief._compose import _regex_tokens, _tokens

    assert _tokens(text) == _regex_tokens(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TOKEN_TEXT, max_size=5))
def test_sentence_token_sets_equal_each_sentences_tokens(texts: list[str]) -> None:
    from newsbrief._compose import _sentence_tokens, _tokens
    from newsbrief.model import Sentence

    sentences = [Sentence(t, 0, len(t), i, 0) for i, t in enumerate(texts)]
    assert _sentence_tokens(sentences) == tuple(_tokens(t) for t in texts)


def test_curly_apostrophes_and_pound_signs_keep_their_words() -> None:
    from newsbrief._compose import _tokens

    assert _tokens("Don’t pay £5m for O’Neill’s café, it’s well-known") == {
        "don’t",
        "pay",
        "o’neill",
        "caf",
        "well-known",
    }


_CUE_PIECES = ["days before that", "last year", "Since", "since", "ago", "x", " ", "-", "_", "é",
               "ſince", "in 1999", "in 20011", "HAD", "had", "n't", "first", "1", "’", "before",
               "that", "Weeks Before", "due to", "has been"]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=10).map("".join))
def test_past_cues_counts_what_the_cue_pattern_finds(text: str) -> None:
    from newsbrief._compose import _PAST_CUES, _past_cues

    assert _past_cues(text) == len(_PAST_CUES.findall(text))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_TOKEN_PIECES, ",", ";", ":", " ", "\t", "\x1c", "\u2009"]), max_size=30
    ).map("".join)
)
def test_quote_texts_stripped_of_spaces_and_commas_keep_their_tokens(text: str) -> None:
    # _quotes keeps a quote's token set for its stripped text.
    from newsbrief._compose import _tokens

    assert _tokens(text.strip().rstrip(",;:").strip()) == _tokens(text)


_SCRIPT_PIECES = [*"aZ '.,;:!?\"-_0\t\x00\x7fé’", "..", "?!", ". ", "it's", "'s", " '", "C-I-A"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_SCRIPT_PIECES), max_size=20).map("".join))
def test_script_features_of_ascii_text_equal_the_regex_counts(text: str) -> None:
    # The ASCII path counts bytes by class; the general path (any text) uses
    # these patterns.
    from newsbrief import timing

    stops = len(timing._STOP.findall(text))
    if text.strip() and not text.rstrip().endswith((".", "!", "?")):
        stops += 1
    expected = (
        len(timing._NOT_LETTER.sub("", text)),
        len(timing._WORD.findall(text)),
        stops,
        text.count(",") + text.count(";") + text.count(":"),
    )
    assert tuple(script_features(text)) == expected


def test_a_sentence_a_chosen_quote_holds_is_no_key_point() -> None:
    text = (
        "Quake kills 140\n\n"
        "Rescue teams dug through collapsed blocks in Halden on Wednesday after a quake killed "
        "140 people and left thousands without shelter.\n\n"
        '"We are still in the golden hours," said Kemal Arslan-Doruk, head of the rescue '
        'division. "Every minute counts. We have heard voices under the rubble in at least six '
        'buildings."\n\n'
        "The regional governor said schools would stay closed until Monday while engineers "
        "inspected them.\n\n"
        "Aid agencies said tents and blankets were arriving by road from the capital.\n"
    )
    briefing = Article.from_text(text).briefing()
    said = " ".join(q.text for q in briefing.quotes)
    assert "We have heard voices" in said
    assert not any("We have heard voices" in point for point in briefing.key_points)
