"""Regression tests for bugs found by fuzzing and property testing (docs/robustness.md).

Each test names the bug it pins down; the minimal failing input is inlined.
"""

from __future__ import annotations

import json
import time
import xml.dom.minidom

import pytest

from newsbrief import Article, Briefing, InputFormatError, InvalidArticleError
from newsbrief.ingest import read_all
from newsbrief.render import FORMATS, render

LAUGHS = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>T</title><item><title>Laughs</title>
<description>Storm hits the coast. &lol3;</description></item></channel></rss>"""


def test_bug_briefing_from_dict_with_infinite_word_count_raised_overflow_error() -> None:
    # json.loads accepts Infinity and NaN; int(inf) raised a bare OverflowError.
    data = json.loads('{"headline": "H", "lede": "L", "word_count": Infinity}')
    with pytest.raises(InvalidArticleError, match="finite"):
        Briefing.from_dict(data)


@pytest.mark.parametrize("field", ["listening_seconds", "reading_seconds", "wpm"])
def test_bug_briefing_with_nan_seconds_crashed_every_text_renderer(field: str) -> None:
    # A NaN listening time reached the renderers, which raised ValueError in int().
    data = json.loads(f'{{"headline": "H", "lede": "L", "{field}": NaN}}')
    with pytest.raises(InvalidArticleError, match="finite"):
        Briefing.from_dict(data)


@pytest.mark.parametrize(
    "data",
    [
        {"headline": "H", "lede": "L", "people": [{"name": "Ann Lee", "role": 5}]},
        {"headline": "H", "lede": "L", "quotes": [{"speaker": "A", "text": "t", "cue": 7}]},
        {"headline": "H", "lede": "L", "source": 5},
        {"headline": "H", "lede": "L", "dates": [{"text": "May", "granularity": 3}]},
    ],
)
def test_bug_briefing_from_dict_accepted_numbers_for_text_fields(data: dict[str, object]) -> None:
    with pytest.raises(InvalidArticleError, match="string or null"):
        Briefing.from_dict(data)


def test_bug_blank_quote_speaker_crashed_the_script_renderer() -> None:
    # 'speaker.rsplit(None, 1)[-1]' raised IndexError for a speaker of spaces.
    briefing = Briefing.from_dict(
        {"headline": "", "lede": "L", "quotes": [{"speaker": " ", "text": "0", "direct": True}]}
    )
    for fmt in FORMATS:
        out = render(briefing, fmt)
        if fmt == "ssml":
            xml.dom.minidom.parseString(out)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_bug_entity_declarations_in_utf16_feeds_slipped_past_the_safety_check(
    encoding: str,
) -> None:
    # The '<!ENTITY' check looked at raw bytes only, so a UTF-16 feed hid its
    # declarations from it (feedparser happened not to expand them).
    data = LAUGHS.replace('encoding="{encoding}"', f'encoding="{encoding.upper()}"').encode(
        encoding
    )
    with pytest.raises(InputFormatError, match="entities"):
        list(read_all(data, format="feed"))


def test_bug_quadratic_quote_and_briefing_scans_on_long_articles() -> None:
    # find_quotes rebuilt the sentence-start list per quote, and the briefing
    # scanned every sentence per quote and every date per sentence: a 1 MB
    # article took ~11 s in those two stages alone. 400 quotes must be quick.
    paragraph = (
        'Council leader Petra Vance said on Monday, May 4, 2020: "We will rebuild the harbour '
        'wall before winter." Engineers warned that the cost had doubled since 2018.'
    )
    article = Article.from_text("\n\n".join([paragraph] * 400), title="Harbour wall")
    start = time.perf_counter()
    assert len(article.quotes) >= 400
    briefing = article.briefing(seconds=40)
    assert briefing.quotes
    assert time.perf_counter() - start < 15


def test_bug_common_noun_check_searched_the_whole_body_once_per_person() -> None:
    # _common_noun ran a regex over the whole body for every one-word person
    # and speaker: 1,500 of them in 145 KB took 4.4 s of briefing (0.2 s now).
    syllables = ["ka", "lo", "mi", "ra", "ten", "vor", "sel", "dan", "bri", "gus", "hal", "nor"]

    def word(i: int) -> str:
        out = ""
        for _ in range(4):
            out += syllables[i % 12]
            i //= 12
        return out.capitalize()

    paragraphs = [
        f'Councillor {word(i * 7 + 1)} said that "the {i} plan was wrong." '
        f"{word(i * 7 + 3)} told reporters in Marlow."
        for i in range(1500)
    ]
    article = Article.from_text("\n\n".join(paragraphs), title="Councillors split")
    article.analysis  # noqa: B018 - timed separately, below
    assert sum(" " not in entity.name for entity in article.entities) > 1000
    start = time.process_time()
    briefing = article.briefing(seconds=40)
    assert time.process_time() - start < 2
    assert briefing.people


def test_bug_quote_attribution_scanned_a_whole_unpunctuated_text_per_quote() -> None:
    # With no sentence ends the whole text is one sentence, and attribution
    # scanned it from its start for every quotation: 5,000 quotes in 120 KB
    # took ~8 s (hours at the article limit). Attribution now looks at most
    # 2,000 characters around each quotation.
    text = " ".join(f'"Word {i} said the man' for i in range(5000))
    article = Article.from_text(text, title="Quotes")
    start = time.process_time()
    article.entities  # noqa: B018 - entities and quotes are computed together
    article.briefing(seconds=30)
    assert time.process_time() - start < 3


@pytest.mark.parametrize("separator", [" ", "\t"])
def test_bug_a_text_that_is_one_long_capitalised_run_raised_recursion_error(
    separator: str,
) -> None:
    # Splitting a capitalised run into names recursed once per word: a text
    # in Title Case without punctuation raised RecursionError.
    text = separator.join(f"The Big Red Council Of Marlow{i % 50} Said" for i in range(2000))
    article = Article.from_text(text + ".", title="Title Case")
    briefing = article.briefing(seconds=30)
    for fmt in FORMATS:
        render(briefing, fmt)


def test_bug_lower_case_check_scanned_the_body_once_per_capitalised_word() -> None:
    # The entity finder asked "is this word also written in lower case?" with
    # a scan of the whole body per distinct capitalised word: 30,000 one-word
    # paragraphs took ~8 s of analysis (about 1.5 s now).
    article = Article.from_text("\n\n".join(f"Word{i}" for i in range(30_000)), title="Words")
    start = time.process_time()
    article.analysis  # noqa: B018 - the stage being timed
    assert time.process_time() - start < 4
