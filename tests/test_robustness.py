"""The bad-input catalogue and the load cases of docs/robustness.md.

Cases already owned by a module's own tests (readers, speech, WAV writing,
CLI) are listed in docs/robustness.md with their test names; this file holds
the cases that cut across modules: pathological article texts run through the
whole pipeline (analysis, summary, briefing, every renderer) in bounded time,
linear growth with input size, and concurrent use from threads.
"""

from __future__ import annotations

import time
import xml.dom.minidom
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsbrief import Article, InputTooLargeError, InvalidArticleError
from newsbrief.model import MAX_ARTICLE_CHARS
from newsbrief.render import FORMATS, render

WORDS = [
    "the", "regional", "council", "said", "that", "water",
    "prices", "would", "rise", "again", "next", "spring",
]  # fmt: skip

STORY = """Coastal towns brace for record tides as Marlow council orders evacuations

Residents of three coastal towns in the Marlow district were told to leave their homes on \
Thursday as forecasters warned of the highest tides in 40 years.

Council leader Petra Vance said the order covered about 4,200 households. "We would rather be \
criticised for acting too early than for acting too late," she said.

The Environment Agency said sea defences built in 1998 were "not designed for this". Its chief \
engineer, Amos Kettering, told reporters that repairs would cost at least $12.5m.

Emergency shelters opened in Halden and Brookfield, according to the Red Cross.
"""


def pipeline(article: Article) -> dict[str, str]:
    """Run every stage on ``article`` and return the rendered briefing by format."""
    for sentence in article.sentences:
        assert article.body[sentence.start : sentence.end] == sentence.text
    article.entities  # noqa: B018 - each stage must run
    article.quotes  # noqa: B018
    article.dates  # noqa: B018
    summary = article.summary(words=60)
    assert summary.word_count <= 60
    briefing = article.briefing(seconds=40)
    assert briefing.listening_seconds <= 40
    outputs = {fmt: render(briefing, fmt) for fmt in FORMATS}
    xml.dom.minidom.parseString(outputs["ssml"])
    return outputs


def timed(function: object, *args: object) -> float:
    start = time.perf_counter()
    function(*args)  # type: ignore[operator]
    return time.perf_counter() - start


def test_single_200000_character_sentence_completes_within_budget() -> None:
    text = " ".join(WORDS[i % len(WORDS)] for i in range(40_000))[:200_000] + "."
    article = Article.from_text(text, title="One very long sentence")
    assert len(article.sentences) == 1
    assert timed(pipeline, article) < 20
    # The only sentence is far over a 60-word budget: the summary says so.
    summary = article.summary(words=60)
    assert summary.sentences == ()
    assert summary.note


def test_text_without_any_punctuation_is_summarised() -> None:
    text = "\n\n".join(" ".join(WORDS * 8) for _ in range(12))
    article = Article.from_text(text, title="")
    assert len(article.sentences) == 12
    outputs = pipeline(article)
    assert outputs["text"].strip()


def test_all_capitals_story_is_read_without_inventing_entities() -> None:
    article = Article.from_text(STORY.upper())
    outputs = pipeline(article)
    assert outputs["script"].strip()
    names = {entity.name.lower() for entity in article.entities}
    # Ordinary words shouted in capitals are not names.
    assert not names & {"the", "residents", "council", "homes", "said", "we"}
    assert len(article.entities) <= 20


def test_text_past_the_size_limit_is_refused_quickly() -> None:
    text = "word " * (MAX_ARTICLE_CHARS // 5 + 1)
    start = time.perf_counter()
    with pytest.raises(InputTooLargeError, match="limit"):
        Article.from_text(text)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("text", ["", " \n\t\n ", "\ufeff"])
def test_empty_or_blank_text_is_invalid(text: str) -> None:
    with pytest.raises(InvalidArticleError, match="empty"):
        Article.from_text(text)


def test_headline_only_article_runs_through_the_pipeline() -> None:
    article = Article.from_text("", title="Storm closes Halden bridge")
    assert article.sentences == ()
    outputs = pipeline(article)
    assert "Storm closes Halden bridge" in outputs["text"]


def test_full_pipeline_time_grows_linearly_with_article_length() -> None:
    headline, _, body = STORY.partition("\n\n")

    def build(repeats: int) -> Article:
        return Article.from_text("\n\n".join([body] * repeats), title=headline)

    # Warm caches (knowledge lists, regexes) before timing.
    pipeline(build(1))
    small = min(timed(pipeline, build(8)) for _ in range(3))
    large = min(timed(pipeline, build(64)) for _ in range(2))
    # 8x the text may take at most 12x the time (1.5x slack for noise).
    assert large <= 12 * small, (small, large)


def test_threads_give_the_same_results_as_serial_calls() -> None:
    texts = [STORY.replace("Marlow", name) for name in ("Marlow", "Kessel", "Oban", "Tarn")]

    def work(text: str) -> tuple[object, ...]:
        article = Article.from_text(text)
        return (
            article.summary(sentences=3).text,
            article.briefing(seconds=30).to_dict(),
            article.briefing(words=80).to_dict(),
        )

    serial = [work(text) for text in texts * 4]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(work, texts * 4))
    assert threaded == serial


def test_threads_sharing_one_article_compute_identical_results() -> None:
    article = Article.from_text(STORY)
    expected_summary = Article.from_text(STORY).summary(words=50).text
    expected_briefing = Article.from_text(STORY).briefing(seconds=30).to_dict()

    def work(_: int) -> tuple[str, object]:
        return article.summary(words=50).text, article.briefing(seconds=30).to_dict()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(32)))
    assert all(result == (expected_summary, expected_briefing) for result in results)
