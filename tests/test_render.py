"""Tests of the renderers: every format on every example, escaping, SSML well-formedness."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import Article, UnknownNameError
from newsbrief.briefing import BriefDate, Briefing, BriefQuote, Person
from newsbrief.render import FORMATS, ScriptPart, render, script_parts
from newsbrief.render.markdown import escape_markdown
from newsbrief.render.script import estimate_parts_seconds, join_parts
from newsbrief.timing import PAUSE_SECONDS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "seed" / "wire-story.txt"

# What a listener must never hear: markup, symbols read out, digits.
SCRIPT_BANNED = re.compile(r"[0-9<>*#_\[\]$£€%&/@+=~|\\{}\"“”^`]")

INVENTED = """Harbour workers strike in Port Selwyn over 3.5% pay offer, union says

Dock workers at Port Selwyn walked out on Monday after rejecting a 3.5% pay offer, halting \
traffic at the country's second-busiest harbour, the Maritime Workers Union (MWU) said.

Union leader Tomas Varga said the offer was "an insult to people who kept the port open through \
the floods of 2021". He said members would stay out until the Port Authority returned to talks.

Port Authority chief executive Ines Hallworth said the strike would cost about £3m a day & put \
1,200 jobs at risk. "We have made a fair offer and our door remains open," Hallworth said.

The dispute began in March, when the authority froze wages for the second year running after \
losses of $11.1bn since 2019.

Transport Minister Oskar Lind urged both sides to meet at 10:30 a.m. on Wednesday.
"""


def _example_articles() -> list[tuple[str, Article]]:
    from newsbrief.ingest import read_all

    out: list[tuple[str, Article]] = []
    for path in sorted(EXAMPLES.glob("*")):
        if path.suffix in {".py"} or not path.is_file():
            continue
        for index, article in enumerate(read_all(path, errors="skip")):
            out.append((f"{path.name}#{index}", article))
    return out


def _all_articles() -> list[tuple[str, Article]]:
    articles = [("invented", Article.from_text(INVENTED))]
    if SEED.exists():
        articles.append(("seed", Article.from_text(SEED.read_text(encoding="utf-8"))))
    if EXAMPLES.is_dir():
        articles += _example_articles()
    return articles


ARTICLES = _all_articles()
IDS = [name for name, _ in ARTICLES]


@pytest.fixture(scope="module", params=range(len(ARTICLES)), ids=IDS)
def briefing(request: pytest.FixtureRequest) -> Briefing:
    return ARTICLES[request.param][1].briefing()


def test_examples_are_found() -> None:
    if not EXAMPLES.is_dir() or not any(EXAMPLES.glob("*.txt")):
        pytest.skip("no examples yet")
    assert len(ARTICLES) > 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_every_example(briefing: Briefing, fmt: str) -> None:
    out = render(briefing, fmt)
    assert out.endswith("\n")
    assert out.strip()


def test_script_of_every_example_is_plain_speech(briefing: Briefing) -> None:
    script = render(briefing, "script")
    assert SCRIPT_BANNED.search(script) is None, SCRIPT_BANNED.findall(script)
    for part in script_parts(briefing):
        assert part.text.strip()
        assert "\n" not in part.text


def test_script_introduces_quotes_with_their_speaker(briefing: Briefing) -> None:
    script = render(briefing, "script")
    for match in re.finditer(r"said, quote, (.*?), end quote\.", script):
        assert match.group(1).strip()
    assert script.count("quote, ") - script.count("end quote, ") == script.count("end quote")


def test_ssml_of_every_example_is_well_formed(briefing: Briefing) -> None:
    root = ET.fromstring(render(briefing, "ssml").encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2001/10/synthesis}speak"
    breaks = root.findall("{http://www.w3.org/2001/10/synthesis}break")
    assert breaks, "sections are separated by <break>"


def test_json_is_the_dict_contract(briefing: Briefing) -> None:
    assert json.loads(render(briefing, "json")) == briefing.to_dict()


def test_html_of_every_example_parses_and_has_a_title(briefing: Briefing) -> None:
    tags = _tags(render(briefing, "html"))
    assert "title" in tags and "style" in tags
    assert "script" not in tags


def test_text_and_markdown_show_the_lede_and_key_points(briefing: Briefing) -> None:
    text = render(briefing, "text")
    markdown = render(briefing, "markdown")
    for point in briefing.key_points:
        first_words = " ".join(point.split()[:3])
        assert first_words in " ".join(text.split())
        assert escape_markdown(first_words) in markdown


# -- escaping --------------------------------------------------------------------------

HOSTILE = 'A <script>alert("x")</script> & *bold* _u_ [l](http://e) # | ~ `c` \\ 1. \x01'


def _hostile_briefing(text: str) -> Briefing:
    return Briefing(
        headline=text,
        lede=text,
        summary=(text,),
        key_points=(text, text + " two"),
        people=(Person(text, text),),
        organizations=(text,),
        places=(text,),
        quotes=(BriefQuote(text, text, True, "said"), BriefQuote(text, text, False, "said")),
        context=(text,),
        dates=(BriefDate(text, "2024-03-05", "day"),),
        source=text,
        published="2024-03-05",
        url=text,
        word_count=3,
        reading_seconds=1.0,
        listening_seconds=2.0,
    )


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def _tags(html: str) -> list[str]:
    parser = _TagCollector()
    parser.feed(html)
    return parser.tags


_OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "article", "header", "footer", "h1",
    "h2", "h3", "p", "ul", "li", "dl", "dt", "dd", "strong", "figure", "blockquote",
    "figcaption", "time", "a",
}  # fmt: skip


def test_html_escapes_article_text() -> None:
    html = render(_hostile_briefing(HOSTILE), "html")
    assert "<script>" not in html
    assert set(_tags(html)) <= _OUR_TAGS
    assert "&lt;script&gt;" in html
    assert "<a " not in html  # the URL is not http(s): shown, never linked


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_html_never_lets_article_text_become_markup(text: str) -> None:
    html = render(_hostile_briefing(text), "html")
    assert set(_tags(html)) <= _OUR_TAGS


def _unescaped_specials(markdown: str) -> list[str]:
    found = []
    index = 0
    while index < len(markdown):
        char = markdown[index]
        if char == "\\":
            index += 2
            continue
        if char in "*_[]<>#|~&`!{}":
            found.append(char)
        index += 1
    return found


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_escape_markdown_leaves_no_active_character(text: str) -> None:
    escaped = escape_markdown(text)
    assert _unescaped_specials(escaped) == []
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split())


def test_markdown_escapes_markup_in_article_text() -> None:
    markdown = render(_hostile_briefing(HOSTILE), "markdown")
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown
    assert "\\*bold\\*" in markdown
    assert "\\[l\\](http://e)" in markdown


def test_markdown_escapes_a_leading_list_marker() -> None:
    assert escape_markdown("1962. A year") == "1962\\. A year"
    assert escape_markdown("- not a bullet") == "\\- not a bullet"


# -- SSML for any input ----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=40))
def test_ssml_is_well_formed_for_any_text(text: str, speaker: str) -> None:
    briefing = Briefing(
        headline=text,
        lede=text,
        key_points=(text,),
        quotes=(BriefQuote(speaker or "X", text, True),),
        context=(text,),
    )
    root = ET.fromstring(render(briefing, "ssml").encode("utf-8"))
    assert root.tag.endswith("speak")


def test_ssml_breaks_follow_the_pauses() -> None:
    briefing = Article.from_text(INVENTED).briefing()
    ssml = render(briefing, "ssml")
    milliseconds = round(PAUSE_SECONDS["section"] * 1000)
    assert f'<break time="{milliseconds}ms"/>' in ssml
    assert '<mark name="chapter-1"/>' in ssml


# -- summaries, digests, formats ---------------------------------------------------------


def test_a_summary_renders_as_its_sentences() -> None:
    article = Article.from_text(INVENTED)
    summary = article.summary(sentences=2)
    for fmt in FORMATS:
        out = render(summary, fmt)
        assert out.strip()
    text = render(summary, "text")
    for sentence in summary.sentences:
        assert " ".join(sentence.text.split()[:4]) in " ".join(text.split())


def test_an_article_renders_through_its_briefing() -> None:
    article = Article.from_text(INVENTED)
    assert render(article, "json") == render(article.briefing(), "json")


def _digest_dict() -> dict[str, object]:
    first = Article.from_text(INVENTED).briefing().to_dict()
    second = dict(first, headline="Second story", transition="In other news.")
    first["sources"] = ["a.txt", "b.txt"]
    return {
        "title": "Your briefing",
        "intro": "Your briefing for Tuesday, 27 November: two stories.",
        "stories": [first, second],
        "outro": "That's all for now.",
        "listening_seconds": 99.0,
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_digest_dict_renders_in_every_format(fmt: str) -> None:
    out = render(_digest_dict(), fmt)
    assert "Second story" in out or fmt in {"script", "ssml"}


def test_digest_script_marks_each_story_and_pauses_between_stories() -> None:
    parts = script_parts(_digest_dict())
    titles = [p.title for p in parts if p.title is not None]
    assert len(titles) == 2 and titles[1] == "Second story"
    assert [p.pause for p in parts].count("story") == 2
    assert parts[0].text.startswith("Your briefing for Tuesday, the twenty-seventh of November")
    script = render(_digest_dict(), "script")
    assert "In other news. Second story." in script
    assert SCRIPT_BANNED.search(script) is None


def test_unknown_format_is_an_unknown_name_error() -> None:
    with pytest.raises(UnknownNameError, match="pdf"):
        render(Article.from_text(INVENTED).briefing(), "pdf")


def test_rendering_an_unsupported_object_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        render(42, "text")


def test_script_part_rejects_unknown_pause() -> None:
    with pytest.raises(ValueError, match="pause"):
        ScriptPart("Hello.", "forever")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            '"We made a fair offer to everyone," Hallworth said.',
            "Hallworth said, quote, We made a fair offer to everyone, end quote.",
        ),
        (
            "“We will not back down on this,” said Tomas Varga.",
            "Tomas Varga said, quote, We will not back down on this, end quote.",
        ),
        (
            'Varga said the offer was "an insult to the people of the port".',
            "Varga said the offer was, quote, an insult to the people of the port, end quote.",
        ),
        ("He said the talks would be “thorough”.", "He said the talks would be thorough."),
        (
            "LONDON (Reuters) - Britain said on Monday it would act.",
            "Britain said on Monday it would act.",
        ),
        ("Port Halden — Dock workers voted on Thursday.", "Dock workers voted on Thursday."),
    ],
)
def test_script_sentences_frame_quotes_and_drop_datelines(written: str, spoken: str) -> None:
    parts = script_parts({"headline": "", "lede": written})
    assert parts[0].text == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "SAN JOSE, Calif., June 18 - The company said it would grow.",
            "The company said it would grow.",
        ),
        ("REDFORD, England, Nov 5 (AP) - Voters went out.", "Voters went out."),
        ("WASHINGTON, D.C., June 3 - The city voted.", "The city voted."),
        ("GREYSTONE, Sept 9 - Dock workers voted.", "Dock workers voted."),
        # A list of places before a dash is no dateline: the second part must be a date.
        (
            "Paris, London, Berlin - These cities grew.",
            "Paris, London, Berlin, These cities grew.",
        ),
    ],
)
def test_script_drops_datelines_with_a_region_and_a_date(written: str, spoken: str) -> None:
    parts = script_parts({"headline": "", "lede": written})
    assert parts[0].text == spoken


def test_script_is_its_parts_joined() -> None:
    briefing = Article.from_text(INVENTED).briefing()
    parts = script_parts(briefing)
    assert render(briefing, "script") == join_parts(parts)
    assert parts[0].title == briefing.headline
    assert estimate_parts_seconds(parts, 175) == pytest.approx(briefing.listening_seconds, abs=0.1)


def test_newsbrief_render_is_callable_even_after_its_submodules_are_imported() -> None:
    import newsbrief
    import newsbrief.render.script  # binds newsbrief.render to the package

    briefing = Article.from_text(INVENTED).briefing()
    assert newsbrief.render(briefing, "json") == render(briefing, "json")  # type: ignore[operator]


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        # The sentence splitter cuts a quotation of several sentences: each
        # piece has one mark, and its words are still announced.
        (
            'Asked if she would stay, the mayor answered: "I will.',
            "Asked if she would stay, the mayor answered, quote, I will, end quote.",
        ),
        ("We have nothing left to sell.”", "Quote, We have nothing left to sell, end quote."),
        (
            '"The pumps failed twice before the storm.',
            "Quote, The pumps failed twice before the storm, end quote.",
        ),
        (
            'Nobody told the drivers," said Ola Brenn.',
            "Ola Brenn said, quote, Nobody told the drivers, end quote.",
        ),
        # A lone mark whose side is unclear (inches, after a colon) is left alone.
        ('The pipe is 6" wide.', "The pipe is six wide."),
    ],
)
def test_script_announces_a_quotation_cut_by_the_sentence_start_or_end(
    written: str, spoken: str
) -> None:
    parts = script_parts({"headline": "", "lede": written})
    assert parts[0].text == spoken


def test_script_sentence_opening_with_a_quotation_opens_with_quote() -> None:
    written = '"We will rebuild the pier," said Capt. Ines Roa.'
    spoken = "Quote, We will rebuild the pier, end quote, said Captain Ines Roa."
    assert script_parts({"headline": "", "lede": written})[0].text == spoken
