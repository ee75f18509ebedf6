"""Coverage-guided fuzz targets for newsbrief's readers and analysis (atheris).

Each target feeds arbitrary bytes to a public entry point. The only exceptions
allowed out are :class:`newsbrief.NewsbriefError` subclasses; anything else
(an unexpected exception, a hang, a crash) is a bug. Run with::

    python fuzz/fuzz_targets.py readers -atheris_runs=200000
    python fuzz/fuzz_targets.py analysis -max_total_time=300

Crashes found become regression tests in ``tests/test_robustness.py``.
"""

from __future__ import annotations

import logging
import sys
import xml.dom.minidom
from collections.abc import Callable
from pathlib import Path

import atheris

# Run from a checkout without installing: the repository root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports(include=["newsbrief"]):
    import newsbrief
    from newsbrief import ingest
    from newsbrief.render import FORMATS, render

READER_FORMATS = ("text", "markdown", "json", "jsonl", "html", "feed")


def check_article(article: newsbrief.Article) -> None:
    """Exercise the analysis and every renderer on one article and check invariants."""
    body = article.body
    for sentence in article.sentences:
        if body[sentence.start : sentence.end] != sentence.text or not sentence.text:
            raise AssertionError(f"bad sentence span {sentence!r}")
    for entity in article.entities:
        for span in entity.mentions:
            if not 0 <= span.start <= span.end <= len(body):
                raise AssertionError(f"mention outside the body: {entity!r}")
    for quote in article.quotes:
        if not 0 <= quote.span.start <= quote.span.end <= len(body):
            raise AssertionError(f"quote outside the body: {quote!r}")
    article.dates  # noqa: B018 - computing them is the check
    summary = article.summary(words=60)
    if summary.word_count > 60:
        raise AssertionError("summary overran its word budget")
    briefing = article.briefing(seconds=30)
    for fmt in FORMATS:
        out = render(briefing, fmt)
        if fmt == "ssml":
            xml.dom.minidom.parseString(out)
    if newsbrief.Article.from_dict(article.to_dict()) != article:
        raise AssertionError("to_dict/from_dict round trip is not exact")


def readers(data: bytes) -> None:
    """Any bytes in any input format: articles or a NewsbriefError."""
    if not data:
        return
    fmt = READER_FORMATS[data[0] % len(READER_FORMATS)]
    try:
        for index, article in enumerate(ingest.read_all(data[1:], format=fmt)):
            if index < 2:
                check_article(article)
    except newsbrief.NewsbriefError:
        pass


def analysis(data: bytes) -> None:
    """Any text as an article: analysis, summary, briefing and renderers hold up."""
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    try:
        article = newsbrief.Article.from_text(text)
    except newsbrief.InvalidArticleError:
        return
    check_article(article)


TARGETS: dict[str, Callable[[bytes], None]] = {"readers": readers, "analysis": analysis}


def main() -> None:
    # Readers log a warning for every Latin-1 fallback; keep the fuzzer's output readable.
    logging.disable(logging.WARNING)
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(TARGETS)} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
