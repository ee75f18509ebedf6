"""Tests for newsbrief.ingest: reading articles from every kind of input."""

from __future__ import annotations

import builtins
import io
import json
import logging
import math
import os
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsbrief
from newsbrief import ingest
from newsbrief.errors import (
    InputFormatError,
    InputTooLargeError,
    InvalidArticleError,
    NewsbriefError,
    ReadError,
    UnknownNameError,
)
from newsbrief.ingest.html import html_to_text
from newsbrief.ingest.text import markdown_to_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STORY = "Storm closes Selwick port\n\nHeavy rain fell on Tuesday, officials said. Ships waited.\n"


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# -- what a source is ------------------------------------------------------------


def test_text_with_newline_is_read_as_text() -> None:
    article = ingest.read(STORY)
    assert article.headline == "Storm closes Selwick port"
    assert article.body.startswith("Heavy rain fell on Tuesday")


def test_single_line_text_without_file_is_text() -> None:
    article = ingest.read("Heavy rain fell on Tuesday, officials said.")
    assert article.body == "Heavy rain fell on Tuesday, officials said."


def test_str_naming_existing_file_reads_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "story", STORY)
    assert ingest.read(str(path)).headline == "Storm closes Selwick port"


def test_pathlike_reads_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt", STORY)
    assert ingest.read(path).headline == "Storm closes Selwick port"


def test_missing_file_name_is_read_error_not_text() -> None:
    with pytest.raises(ReadError) as info:
        ingest.read("no-such-story.txt")
    assert info.value.where == "no-such-story.txt"
    assert "no such file" in str(info.value)
    assert isinstance(info.value, OSError)


def test_missing_path_object_is_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        ingest.read(tmp_path / "missing")


def test_binary_file_object_is_read() -> None:
    article = ingest.read(io.BytesIO(STORY.encode()))
    assert article.headline == "Storm closes Selwick port"


def test_text_file_object_is_read_and_named() -> None:
    stream = io.StringIO(STORY)
    stream.name = "wire.txt"
    assert ingest.read(stream).headline == "Storm closes Selwick port"


def test_bytes_are_content() -> None:
    assert ingest.read(STORY.encode()).headline == "Storm closes Selwick port"


def test_unsupported_source_type_is_invalid_article_error() -> None:
    with pytest.raises(InvalidArticleError, match="cannot read from a int"):
        ingest.read(42)  # type: ignore[arg-type]


def test_url_is_refused_without_allow_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    with pytest.raises(ReadError, match="allow_network=True"):
        ingest.read("https://example.org/story.html")


def test_url_is_fetched_with_allow_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib.request

    class Response(io.BytesIO):
        headers: ClassVar[dict[str, str]] = {"Content-Type": "text/plain; charset=utf-8"}

        def __enter__(self) -> Response:
            return self

        def __exit__(self, *exc: object) -> None:
            self.close()

    calls: list[str] = []

    def fake_urlopen(request: Any, timeout: float) -> Response:
        calls.append(request.full_url)
        return Response(STORY.encode())

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    article = ingest.read("https://example.org/story", allow_network=True)
    assert calls == ["https://example.org/story"]
    assert article.headline == "Storm closes Selwick port"


def test_unknown_format_name_is_unknown_name_error() -> None:
    with pytest.raises(UnknownNameError, match="unknown input format 'pdf'"):
        ingest.read(STORY, format="pdf")


# -- plain text and decoding ------------------------------------------------------


def test_utf8_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.txt", b"\xef\xbb\xbfHeadline here\r\n\r\nBody one.\r\nMore.\r\n")
    article = ingest.read(path)
    assert article.headline == "Headline here"
    assert article.body == "Body one.\nMore."
    assert article.metadata == {"file": str(path)}


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.txt", STORY.encode("utf-16"))
    assert ingest.read(path).headline == "Storm closes Selwick port"


def test_latin1_falls_back_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _write(tmp_path / "s.txt", "Café owners protest\n\nThe café closed.".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="newsbrief.ingest"):
        article = ingest.read(path)
    assert article.headline == "Café owners protest"
    assert "not valid UTF-8" in caplog.text
    assert str(path) in caplog.text


def test_cp1252_quotes_are_decoded(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.txt", "\u201cWe won,\u201d she said.".encode("cp1252"))
    assert ingest.read(path).body == "\u201cWe won,\u201d she said."


def test_explicit_encoding_is_used(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.txt", "Zürich vote\n\nVoters in Zürich said yes.".encode("latin-1"))
    assert ingest.read(path, encoding="latin-1").headline == "Zürich vote"


def test_wrong_explicit_encoding_is_invalid_article_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.txt", b"\xff\xfe\xfd bad")
    with pytest.raises(InvalidArticleError, match="cannot decode as utf-8"):
        ingest.read(path, encoding="utf-8")


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.txt", b"Headline\n\nBody\x00with NUL.")
    with pytest.raises(InvalidArticleError, match="NUL bytes") as info:
        ingest.read(path)
    assert info.value.where == str(path)


def test_binary_data_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "image.txt", bytes(range(1, 256)) * 8)
    with pytest.raises(InvalidArticleError, match="binary"):
        ingest.read(path)


def test_empty_file_is_invalid_article_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.txt", b"")
    with pytest.raises(InvalidArticleError, match="is empty") as info:
        ingest.read(path)
    assert info.value.where == str(path)


def test_whitespace_only_input_is_invalid_article_error() -> None:
    with pytest.raises(InvalidArticleError, match="is empty"):
        ingest.read(" \n\t\n  \r\n")


def test_only_a_headline_gives_an_article_without_body() -> None:
    article = ingest.read("Storm closes Selwick port\n\n")
    assert article.headline == "Storm closes Selwick port"
    assert article.body == ""
    assert article.sentences == ()


def test_file_past_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "big.txt", b"word " * 1000)
    opened: list[object] = []
    real_open = Path.open

    def watch_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watch_open)
    with pytest.raises(InputTooLargeError, match="larger than the limit of 100 bytes"):
        ingest.read(path, format="text", max_bytes=100)
    assert opened == []


def test_stream_past_the_size_limit_is_refused() -> None:
    with pytest.raises(InputTooLargeError):
        ingest.read(io.BytesIO(b"word " * 1000), max_bytes=100)


def test_50_mb_text_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        line = b"The minister said the plan would work and cost little money. " * 100 + b"\n\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    start = time.perf_counter()
    with pytest.raises(InputTooLargeError):
        ingest.read(path)
    assert time.perf_counter() - start < 5


def test_default_limit_is_documented() -> None:
    assert ingest.MAX_INPUT_BYTES == 64 * 1024 * 1024
    assert "64 MiB" in (ingest.__doc__ or "")


# -- Markdown ----------------------------------------------------------------------


def test_markdown_headline_and_markup_are_stripped() -> None:
    headline, text = markdown_to_text(
        "# Big *news* today\n\nSome **bold** and _em_ text with [a link](http://x.org) "
        "and ![an image](a.png).\nA wrapped line.\n\n## Background\n\nMore `code` here.\n"
    )
    assert headline == "Big news today"
    assert text == (
        "Some bold and em text with a link and. A wrapped line.\n\nBackground\n\nMore code here."
    )


def test_markdown_list_items_stay_one_per_line() -> None:
    _, text = markdown_to_text("Demands:\n\n* pay\n+ hours\n- safety\n\n1. first\n2. second\n")
    assert text == "Demands:\n\n- pay\n- hours\n- safety\n\n1. first\n2. second"


def test_markdown_setext_heading_blockquote_fence_and_rule() -> None:
    headline, text = markdown_to_text(
        "Port reopens\n============\n\n> \"We are back,\" she said.\n\n---\n\n"
        "```\nraw *text*\n```\n"
    )
    assert headline == "Port reopens"
    assert text == '"We are back," she said.\n\nraw *text*'


def test_markdown_snake_case_words_keep_underscores() -> None:
    _, text = markdown_to_text("The file_name_here and 2*3*4 stay.")
    assert text == "The file_name_here and 2*3*4 stay."


def test_markdown_front_matter_fills_fields(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "s.md",
        "---\ntitle: Rates held\nsource: Eastmoor Wire\ndate: 2024-04-11\n"
        "author: A. Writer\n---\n\n"
        "The bank held rates at 3.5% on Thursday.\n",
    )
    article = ingest.read(path)
    assert article.headline == "Rates held"
    assert article.source == "Eastmoor Wire"
    assert str(article.published) == "2024-04-11"
    assert article.metadata["author"] == "A. Writer"


def test_markdown_example_reads_with_headline() -> None:
    article = ingest.read(EXAMPLES / "harbour-strike.md")
    assert article.headline == "Port Halden dock workers vote to end nine-day strike"
    assert "**" not in article.body and "](" not in article.body and "![" not in article.body
    assert "- hire 150 more crane operators by June;" in article.body.split("\n")


def test_markdown_detected_by_content() -> None:
    assert ingest.read("# Port reopens\n\nShips *sailed* again.").headline == "Port reopens"


def test_markdown_pathological_line_is_fast() -> None:
    start = time.perf_counter()
    markdown_to_text("[" * 100_000 + "\n" + "*a " * 50_000 + "\n" + "_" * 100_000)
    assert time.perf_counter() - start < 2


# -- JSON and JSON Lines -----------------------------------------------------------


def test_json_object_with_all_fields() -> None:
    data = {
        "id": 17,
        "title": "Rates held",
        "text": "The bank held rates. Markets rose.",
        "source": "Eastmoor Wire",
        "url": "https://example.org/17",
        "published": "2024-04-11T12:00:00Z",
        "section": "economy",
        "metadata": {"author": "B. Writer"},
    }
    article = ingest.read(json.dumps(data), format="json")
    assert article.id == "17"
    assert article.headline == "Rates held"
    assert article.body == "The bank held rates. Markets rose."
    assert article.source == "Eastmoor Wire"
    assert article.url == "https://example.org/17"
    assert article.published is not None and article.published.isoformat() == (
        "2024-04-11T12:00:00+00:00"
    )
    assert article.metadata == {"author": "B. Writer", "section": "economy"}


def test_json_headline_and_body_aliases() -> None:
    article = ingest.read('{"headline": "H", "body": "Some text."}', format="json")
    assert (article.headline, article.body) == ("H", "Some text.")


def test_json_rfc2822_date_is_accepted() -> None:
    article = ingest.read(
        '{"text": "Some text.", "published": "Thu, 11 Apr 2024 12:00:00 +0000"}', format="json"
    )
    assert article.published is not None and article.published.isoformat().startswith(
        "2024-04-11T12:00:00"
    )


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"title": "T"}', "no 'text' or 'body' field"),
        ('{"text": 5}', "field 'text' must be a string, not a number"),
        ('{"text": "  "}', "field 'text' is empty"),
        ('{"text": "x.", "title": ["a"]}', "field 'title' must be a string, not a list"),
        ('{"text": "x.", "url": 3.5}', "field 'url' must be a string, not a number"),
        ('{"text": "x.", "id": true}', "field 'id' must be a string, not a boolean"),
        ('{"text": "x.", "metadata": [1]}', "field 'metadata' must be an object"),
        ('{"text": "x.", "published": "yesterday"}', "field 'published' is not an ISO 8601"),
        ('{"text": "x.", "published": 2024}', "field 'published' must be a date string"),
    ],
)
def test_json_wrong_field_names_the_field(document: str, message: str) -> None:
    with pytest.raises(InvalidArticleError, match=message) as info:
        ingest.read(document, format="json")
    assert info.value.line == 1


@pytest.mark.parametrize("document", ["42", '"text"', "null", "true"])
def test_json_of_wrong_shape_is_input_format_error(document: str) -> None:
    with pytest.raises(InputFormatError, match="expected a JSON object or a list"):
        ingest.read(document, format="json")


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", '{\n  "title": "T",\n  "text": "x."\n  "url": 1\n}')
    with pytest.raises(InputFormatError, match="invalid JSON") as info:
        ingest.read(path)
    assert (info.value.where, info.value.line) == (str(path), 4)


def test_json_list_items_carry_their_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.json",
        '[\n  {"title": "A", "text": "One."},\n  {"title": "B",\n   "text": 3}\n]\n',
    )
    records = list(ingest.read_records(path))
    assert records[0].ok and records[0].article is not None
    assert records[0].article.headline == "A"
    assert records[1].error is not None
    assert (records[1].error.where, records[1].error.line) == (str(path), 3)


def test_json_articles_key_is_a_list() -> None:
    doc = '{"articles": [{"text": "One."}, {"text": "Two."}]}'
    assert [a.body for a in ingest.read_all(doc, format="json")] == ["One.", "Two."]


def test_json_deeply_nested_is_input_format_error() -> None:
    with pytest.raises(InputFormatError, match="nested too deeply"):
        ingest.read("[" * 100_000 + "]" * 100_000, format="json")


def test_read_refuses_several_articles() -> None:
    with pytest.raises(InputFormatError, match="more than one article"):
        ingest.read('[{"text": "One."}, {"text": "Two."}]')


def test_json_list_empty_holds_no_article() -> None:
    with pytest.raises(InputFormatError, match="holds no article"):
        ingest.read("[]")


def test_jsonl_reads_every_line_and_skips_blank_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": "One."}\n\n  \n{"text": "Two."}\n')
    assert [a.body for a in ingest.read_all(path)] == ["One.", "Two."]


def test_jsonl_bad_line_is_input_format_error_with_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": "One."}\n{"text": \n{"text": "Three."}\n')
    with pytest.raises(InputFormatError) as info:
        list(ingest.read_all(path))
    assert (info.value.where, info.value.line) == (str(path), 2)
    assert str(info.value).startswith(f"{path}, line 2: invalid JSON")


def test_jsonl_skip_mode_goes_on_after_bad_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": "One."}\n[1]\n{"text": "Three."}\n')
    with caplog.at_level(logging.WARNING, logger="newsbrief.ingest"):
        bodies = [a.body for a in ingest.read_all(path, errors="skip")]
    assert bodies == ["One.", "Three."]
    assert "line 2" in caplog.text


def test_jsonl_line_in_latin1_falls_back(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": "Café."}\n'.encode("latin-1"))
    assert ingest.read(path).body == "Café."


def test_jsonl_in_a_json_file_is_read_as_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", '{"text": "One."}\n{"text": "Two."}\n')
    assert [a.body for a in ingest.read_all(path)] == ["One.", "Two."]


def test_jsonl_from_binary_stream_streams_lines() -> None:
    lines = b"".join(
        json.dumps({"title": f"T{i}", "text": f"Body {i}."}).encode() + b"\n" for i in range(500)
    )
    articles = list(ingest.read_all(io.BytesIO(lines)))
    assert [a.headline for a in articles[:2]] == ["T0", "T1"]
    assert len(articles) == 500


def test_jsonl_line_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", '{"text": "One."}\n{"text": "' + "x" * 500 + '"}\n')
    records = list(ingest.read_records(path, max_bytes=100))
    assert records[0].ok
    assert isinstance(records[1].error, InputTooLargeError)
    assert records[1].error.line == 2


def test_bbc_style_record_keeps_extra_fields() -> None:
    line = json.dumps(
        {"id": "bbc/x/1", "title": "T", "text": "A. B.", "summary": "A.", "category": "x"}
    )
    article = ingest.read(line + "\n" + "\n", format="jsonl")
    assert article.metadata == {"summary": "A.", "category": "x"}
    assert article.to_dict()["metadata"] == {"summary": "A.", "category": "x"}


def test_examples_jsonl_has_several_sources() -> None:
    articles = list(ingest.read_all(EXAMPLES / "news.jsonl"))
    assert len(articles) >= 5
    assert {a.source for a in articles} >= {"Halden Courier", "Eastmoor Wire"}
    assert all(a.published is not None and a.id for a in articles)


# -- HTML ----------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Rates held | Eastmoor Wire</title>
<meta property="og:title" content="Central bank holds rates at 3.5%">
<meta property="article:published_time" content="2024-04-11T12:00:00+00:00">
<meta property="og:site_name" content="Eastmoor Wire">
<meta property="og:url" content="https://example.org/wire/88240">
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Central bank holds rates at 3.5%</h1>
<p>The Bank of Valdoren held its main interest rate at 3.5% on Thursday, saying inflation
was falling faster than expected in March, and that it saw no reason to act yet.</p>
<script>document.write("tracking pixel");</script>
<p>Governor Elise Varnum said prices rose 2.9% in the year to March. &quot;The direction is
clear,&quot; she said at a news conference in Valdoren on Thursday afternoon.</p>
</article><footer>Copyright Eastmoor Wire</footer></body></html>"""


def _check_page(article: newsbrief.Article) -> None:
    assert article.headline == "Central bank holds rates at 3.5%"
    assert article.body.startswith("The Bank of Valdoren held")
    assert '"The direction is clear," she said' in article.body
    for junk in ("tracking", "color", "Home", "Copyright", "<"):
        assert junk not in article.body
    assert article.published is not None and article.published.isoformat().startswith(
        "2024-04-11"
    )
    assert article.source == "Eastmoor Wire"
    assert article.url == "https://example.org/wire/88240"


def test_html_page_with_trafilatura(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    _check_page(ingest.read(_write(tmp_path / "page.html", PAGE)))


def test_html_page_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    _block_import(monkeypatch, "trafilatura")
    _check_page(ingest.read(PAGE))


def test_html_detected_by_content() -> None:
    article = ingest.read("<html><body><h1>Port reopens</h1><p>Ships sailed.</p></body></html>")
    assert article.headline == "Port reopens"


def test_html_nested_100000_deep_has_no_recursion_error() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "<p>Deep text. It survived.</p>"
    article = ingest.read(page + "</div>" * 100_000 + "</body></html>", format="html")
    assert article.body == "Deep text. It survived."


def test_html_without_text_is_invalid_article_error() -> None:
    with pytest.raises(InvalidArticleError, match="no article text"):
        ingest.read("<html><script>var a = 1;</script></html>", format="html")


def test_html_to_text_drops_scripts_and_styles_and_keeps_blocks() -> None:
    text = html_to_text(
        "<p>One &amp; two</p><script>x()</script><style>a{}</style><div>Three</div>"
    )
    assert text == "One & two\n\nThree"


def test_html_to_text_drops_hidden_and_boilerplate_elements() -> None:
    text = html_to_text(
        '<p>Kept one.</p><div class="share-buttons"><div><p>Share this</p></div></div>'
        '<p hidden>Hidden</p><span style="display: none">Invisible</span>'
        '<aside><div>Most read</div></aside><div id="related-stories">Related</div>'
        "<p>Kept two.</p>"
    )
    assert text == "Kept one.\n\nKept two."


def test_html_unclosed_tags_inside_skipped_elements_stay_linear() -> None:
    # Ten times the tags must cost about ten times the CPU (a quadratic walk
    # costs a hundred): a ratio, which a busy machine does not skew as it does
    # a wall-clock limit. Best of three runs of each size.
    def cpu_seconds(tags: int) -> float:
        page = "<nav>" + "<span>" * tags + "</nav><p>After.</p>"
        best = math.inf
        for _ in range(3):
            start = time.process_time()
            assert html_to_text(page) == "After."
            best = min(best, time.process_time() - start)
        return best

    small, large = cpu_seconds(10_000), cpu_seconds(100_000)
    assert large < 30 * max(small, 1e-3)


def test_html_example_without_trafilatura_drops_adverts(monkeypatch: pytest.MonkeyPatch) -> None:
    _block_import(monkeypatch, "trafilatura")
    article = ingest.read(EXAMPLES / "museum-reopens.html")
    assert article.headline == "Carrow museum reopens after £12m restoration"
    assert article.source == "Halden Courier"
    for junk in ("Advertisement", "Most read", "analytics", "All rights reserved", "Home"):
        assert junk not in article.body
    assert article.body.endswith("guided tours of the engine hall.")


def _block_import(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real_import = builtins.__import__

    def fake_import(module: str, *args: Any, **kwargs: Any) -> Any:
        if module == name or module.startswith(name + "."):
            raise ImportError(f"No module named {module!r}")
        return real_import(module, *args, **kwargs)

    monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


# -- feeds ----------------------------------------------------------------------------

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Halden Courier</title>
<entry><title>Cup final set</title><link href="https://example.org/c/1"/><id>c-1</id>
<published>2024-04-12T21:15:00Z</published>
<content type="html">&lt;p&gt;Valdoren Rovers reached the final.&lt;/p&gt;</content></entry>
<entry><title>Title only</title><id>c-2</id></entry>
</feed>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss version="2.0"><channel><title>x</title><item><title>&lol2;</title>
<description>&lol2;</description></item></channel></rss>"""


def test_rss_example_feed_is_read() -> None:
    articles = list(ingest.read_all(EXAMPLES / "wire-feed.xml"))
    assert [a.headline for a in articles] == [
        "Flood barrier at Selwick passes first winter test",
        "Valdoren airport to add night flights to Carrow",
    ]
    first = articles[0]
    assert first.source == "Eastmoor Wire"
    assert first.url == "https://example.org/wire/88120"
    assert first.id == "wire-88120"
    assert first.published is not None and first.published.isoformat() == (
        "2024-01-08T07:30:00+00:00"
    )
    assert first.body.split("\n\n")[1] == (
        '"It did exactly what it was built to do," said board chairman Alan Mwangi.'
    )


@pytest.mark.parametrize("with_feedparser", [True, False])
def test_atom_feed_skips_entries_without_text(
    with_feedparser: bool, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    if with_feedparser:
        pytest.importorskip("feedparser")
    else:
        _block_import(monkeypatch, "feedparser")
    with caplog.at_level(logging.WARNING, logger="newsbrief.ingest"):
        articles = list(ingest.read_all(ATOM.encode()))
    assert [(a.headline, a.body, a.id, a.source) for a in articles] == [
        ("Cup final set", "Valdoren Rovers reached the final.", "c-1", "Halden Courier")
    ]
    assert "entry 2 has no text" in caplog.text


@pytest.mark.parametrize("with_feedparser", [True, False])
def test_billion_laughs_feed_is_refused(
    with_feedparser: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not with_feedparser:
        _block_import(monkeypatch, "feedparser")
    start = time.perf_counter()
    with pytest.raises(InputFormatError, match="declares XML entities"):
        list(ingest.read_all(LAUGHS, format="feed"))
    assert time.perf_counter() - start < 1


def test_external_entity_feed_is_refused(tmp_path: Path) -> None:
    secret = _write(tmp_path / "secret.txt", "TOP SECRET")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>&x;</title><description>&x;</description></item>"
        "</channel></rss>"
    )
    with pytest.raises(InputFormatError, match="declares XML entities"):
        list(ingest.read_all(feed, format="feed"))


def test_not_a_feed_is_input_format_error() -> None:
    with pytest.raises(InputFormatError):
        list(ingest.read_all("<rss><channel></channel></rss>", format="feed"))


def test_feed_reading_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_connect(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", no_connect)
    feed = (
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        "<title>t</title><item><title>A</title><description>Body text.</description></item>"
        "</channel></rss>"
    )
    assert [a.body for a in ingest.read_all(feed, format="feed")] == ["Body text."]


# -- directories -------------------------------------------------------------------------


def test_directory_reads_supported_files_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "Second story\n\nText two.")
    _write(tmp_path / "a.md", "# First story\n\nText one.")
    _write(tmp_path / "c.jsonl", '{"text": "Three."}\n{"text": "Four."}\n')
    _write(tmp_path / "notes.pdf", b"%PDF")
    _write(tmp_path / ".hidden.txt", "Hidden\n\nNo.")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "d.txt", "Fifth story\n\nText five.")
    bodies = [a.body for a in ingest.read_all(tmp_path)]
    assert bodies == ["Text one.", "Text two.", "Three.", "Four.", "Text five."]


def test_directory_bad_file_gives_error_record_and_goes_on(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", b"")
    _write(tmp_path / "b.txt", "Good story\n\nFine text.")
    records = list(ingest.read_records(tmp_path))
    assert isinstance(records[0].error, InvalidArticleError)
    assert records[0].error.where == str(tmp_path / "a.txt")
    assert records[1].article is not None and records[1].article.body == "Fine text."


def test_empty_directory_is_input_format_error(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="no article files"):
        list(ingest.read_all(tmp_path))


def test_read_of_directory_with_several_files_refuses(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "One\n\nText.")
    _write(tmp_path / "b.txt", "Two\n\nText.")
    with pytest.raises(InputFormatError, match="more than one"):
        ingest.read(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read unreadable files")
def test_unreadable_file_is_read_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.txt", STORY)
    path.chmod(0)
    with pytest.raises(ReadError, match="cannot read"):
        ingest.read(path)


def test_unreadable_file_is_read_error_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "s.txt", STORY)

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(ReadError, match="cannot read: permission denied") as info:
        ingest.read(path)
    assert info.value.where == str(path)


# -- every example, and properties ------------------------------------------------------


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in ingest.EXTENSIONS)
)
def test_every_example_reads_with_exact_spans(name: str) -> None:
    articles = list(ingest.read_all(EXAMPLES / name))
    assert articles
    for article in articles:
        assert article.headline
        assert article.sentences
        for sentence in article.sentences:
            assert article.body[sentence.start : sentence.end] == sentence.text
        assert newsbrief.Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_detect_format_rules() -> None:
    assert ingest.detect_format("a.TXT", "{") == "text"
    assert ingest.detect_format("<stdin>", '[{"text": "x"}]') == "json"
    assert ingest.detect_format("<stdin>", '{"text": "x"}\n{"text": "y"}') == "jsonl"
    assert ingest.detect_format("<stdin>", '{\n  "text": "x"\n}') == "json"
    assert ingest.detect_format("<stdin>", "<?xml version='1.0'?><rss>") == "feed"
    assert ingest.detect_format("<stdin>", "<!doctype html><html>") == "html"
    assert ingest.detect_format("<stdin>", "---\ntitle: x\n---\n") == "markdown"
    assert ingest.detect_format("<stdin>", "Plain headline\n\nText.") == "text"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_article_or_a_newsbrief_error(data: bytes) -> None:
    try:
        records = list(ingest.read_records(data))
    except NewsbriefError as exc:  # pragma: no cover - read_records reports, never raises
        pytest.fail(f"read_records raised {exc!r}")
    for record in records:
        assert (record.article is None) != (record.error is None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(ingest.FORMATS))
def test_any_text_in_any_format_gives_an_article_or_a_newsbrief_error(
    text: str, fmt: str
) -> None:
    try:
        for article in ingest.read_all(io.StringIO(text), format=fmt):
            for sentence in article.sentences:
                assert article.body[sentence.start : sentence.end] == sentence.text
    except NewsbriefError:
        pass
