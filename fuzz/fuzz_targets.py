"""Coverage-guided fuzz targets for newsbrief's readers and analysis (atheris).

Each target feeds arbitrary bytes to a public entry point. The only exceptions
allowed out are :class:`newsbrief.NewsbriefError` subclasses; anything else
(an unexpected exception, a hang, a crash) is a bug. Run with::

    python fuzz/fuzz_targets.py readers CORPUS_DIR -max_total_time=300
    python fuzz/fuzz_targets.py analysis CORPUS_DIR -max_total_time=300
    python fuzz/fuzz_targets.py briefing_json CORPUS_DIR -max_total_time=300
    python fuzz/fuzz_targets.py cli CORPUS_DIR -max_total_time=300

See fuzz/README.md. Crashes found become regression tests in
``tests/test_robustness_regressions.py``.
"""

from __future__ import annotations

import io
import json
import logging
import socket
import sys
import xml.dom.minidom
from collections.abc import Callable
from pathlib import Path

import atheris

# Run from a checkout without installing: the repository root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports(include=["newsbrief"]):
    import newsbrief
    from newsbrief import cli as newsbrief_cli
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
    try:
        briefing = article.briefing(seconds=30)
    except newsbrief.BudgetError:
        # Documented: a headline that alone takes longer to say than the
        # budget ("+" is read "plus"). Without a budget it must still work.
        briefing = article.briefing()
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


_BRIEFING_FIELDS = (
    "headline", "lede", "summary", "key_points", "people", "organizations", "places", "quotes",
    "context", "dates", "source", "published", "url", "word_count", "reading_seconds",
    "listening_seconds", "wpm",
)  # fmt: skip


def briefing_json(data: bytes) -> None:
    """Any JSON as a briefing dict: a Briefing or a NewsbriefError; it renders in every format."""
    try:
        value = json.loads(data.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return
    if isinstance(value, list):
        # Lists of values become dicts of the briefing's fields, so that the
        # fuzzer reaches the renderers quickly.
        value = dict(zip(_BRIEFING_FIELDS, value, strict=False))
    try:
        briefing = newsbrief.Briefing.from_dict(value)
    except newsbrief.NewsbriefError:
        return
    for fmt in FORMATS:
        out = render(briefing, fmt)
        if fmt == "ssml":
            xml.dom.minidom.parseString(out)
    if newsbrief.Briefing.from_dict(json.loads(json.dumps(briefing.to_dict()))) != briefing:
        raise AssertionError("briefing JSON round trip is not exact")


_CLI_COMMANDS = ("summary", "brief", "digest")
_CLI_FLAGS = (
    "--seconds", "--words", "--sentences", "--ratio", "--minutes", "--method", "--format",
    "--input-format", "--encoding", "--wpm", "--max-stories", "--title", "--date", "-h",
    "--version", "--bogus", "-x", "--", "-",
)  # fmt: skip
_CLI_VALUES = (
    "30", "5", "1", "0", "-1", "0.5", "1e308", "nan", "inf", "text", "markdown", "json", "html",
    "ssml", "script", "jsonl", "feed", "lead", "textrank", "centroid", "default", "utf-16",
    "latin-1", "2024-02-29", "2024-13-01", "",
)  # fmt: skip


def cli(data: bytes) -> None:
    """Any argument list for summary/brief/digest with any stdin: an exit status, no traceback.

    Arguments that write files, fetch URLs or start worker processes are not
    generated; the article comes from stdin.
    """
    provider = atheris.FuzzedDataProvider(data)
    argv = [_CLI_COMMANDS[provider.ConsumeIntInRange(0, len(_CLI_COMMANDS) - 1)]]
    for _ in range(provider.ConsumeIntInRange(0, 4)):
        argv.append(_CLI_FLAGS[provider.ConsumeIntInRange(0, len(_CLI_FLAGS) - 1)])
        choice = provider.ConsumeIntInRange(0, len(_CLI_VALUES))
        if choice < len(_CLI_VALUES):
            argv.append(_CLI_VALUES[choice])
        else:
            argv.append(provider.ConsumeUnicodeNoSurrogates(12))
    argv.append("-")
    stdin = provider.ConsumeBytes(provider.remaining_bytes())
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors="surrogateescape")
    sys.stdout, sys.stderr = out, err
    try:
        status = newsbrief_cli.main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    if not isinstance(status, int) or "Traceback" in err.getvalue():
        raise AssertionError(f"cli {argv!r} -> {status!r}: {err.getvalue()[-500:]}")


def _no_network(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("network access during fuzzing")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "readers": readers,
    "analysis": analysis,
    "briefing_json": briefing_json,
    "cli": cli,
}


def main() -> None:
    # Readers log a warning for every Latin-1 fallback; keep the fuzzer's output readable.
    logging.disable(logging.WARNING)
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(TARGETS)} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    # Nothing here may touch the network: any attempt is a crash.
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
