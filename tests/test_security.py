"""Security: safe XML, escaped outputs, contained file names, no network unless asked.

The threats: a feed or page that expands entities without bound or reads
local files through external entities; article text that becomes markup in
SSML, HTML or Markdown; a title that makes a per-story file land outside its
folder; and any network access the user did not ask for.
"""

from __future__ import annotations

import builtins
import json
import re
import socket
import subprocess
import sys
import time
import xml.dom.minidom
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsbrief
from newsbrief import (
    Article,
    Briefing,
    Digest,
    InputFormatError,
    NewsbriefError,
    ReadError,
)
from newsbrief.ingest import read, read_all
from newsbrief.render import FORMATS, render
from newsbrief.speech.speaker import MAX_FILENAME_CHARS, safe_filename

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Laughs</title><description>Storm hits the coast. &lol9;</description></item>
</channel></rss>"""

EXTERNAL_ENTITY_FEED = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Leak</title><description>Storm hits the coast. &xxe;</description></item>
</channel></rss>"""

EXTERNAL_DTD_FEED = """<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file:///etc/passwd">
<rss version="2.0"><channel><title>Wire</title>
<item><title>Leak</title><description>Storm hits the coast of Marlow on Monday.</description>
</item></channel></rss>"""

XXE_HTML = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">
 <!ENTITY lol "lollollollollollollollollollol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<html><head><title>Storm closes Halden bridge</title></head><body><article>
<h1>Storm closes Halden bridge</h1>
<p>A storm closed the Halden bridge on Monday, the regional council said. &xxe; &lol1;</p>
<p>Engineers will inspect the bridge on Tuesday before it reopens to traffic.</p>
<svg xmlns="http://www.w3.org/2000/svg"><!DOCTYPE svg [<!ENTITY s SYSTEM "file:///etc/passwd">]>
<text>&s;</text><image href="file:///etc/passwd"/></svg>
</article></body></html>"""

PAYLOADS = (
    '</speak><audio src="https://evil.example/x.mp3"/><speak>',
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click here](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "<!-- comment --> ]]> <![CDATA[x]]>",
    "&lt;script&gt; &#60;b&#62; &amp;",
    '<break time="100000ms"/><prosody rate="x-slow">',
    "# Heading\n\n- item\n\n1. one\n\n> quote\n\n| a | b |",
)

SSML_ELEMENTS = {"speak", "p", "s", "break", "mark"}


def _hostile_article() -> Article:
    body = "\n\n".join(
        f'Council leader Petra Vance said the harbour would reopen on Monday. "{payload} '
        f'is not acceptable," she told reporters in Marlow. {payload} Engineers agreed.'
        for payload in PAYLOADS
    )
    return Article.from_text(
        body,
        title="<script>alert('headline')</script> ]]> </speak> [x](javascript:y)",
        source="<b>Wire</b>",
        url="javascript:alert(1)",
    )


# -- XML and HTML parsing -----------------------------------------------------


def test_feed_with_a_billion_laughs_entity_is_refused_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(InputFormatError, match="entities"):
        list(read_all(BILLION_LAUGHS.encode(), format="feed"))
    assert time.perf_counter() - start < 2


def test_feed_with_an_external_entity_is_refused() -> None:
    with pytest.raises(InputFormatError, match="entities"):
        list(read_all(EXTERNAL_ENTITY_FEED.encode(), format="feed"))


@pytest.mark.parametrize("parser", ["feedparser", "stdlib"])
def test_feed_naming_an_external_dtd_never_reads_it(
    parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if parser == "stdlib":
        _hide_module(monkeypatch, "feedparser")
    opened: list[str] = []
    real_open = builtins.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    try:
        articles = list(read_all(EXTERNAL_DTD_FEED.encode(), format="feed"))
    except NewsbriefError:
        articles = []
    assert "/etc/passwd" not in opened
    for article in articles:
        assert "root:" not in article.body


@pytest.mark.parametrize("parser", ["trafilatura", "stdlib"])
def test_html_with_external_entities_and_svg_never_reads_local_files(
    parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if parser == "stdlib":
        _hide_module(monkeypatch, "trafilatura")
    article = read(XXE_HTML.encode(), format="html")
    assert "bridge" in article.body
    assert "root:" not in article.body
    # Entities are never expanded: the text stays short.
    assert "lollollol" not in article.body
    assert len(article.body) < 1000


def _hide_module(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``import name`` fail, as when the optional extra is not installed."""
    real_import = builtins.__import__

    def fake_import(module: str, *args: Any, **kwargs: Any) -> Any:
        if module == name or module.startswith(name + "."):
            raise ImportError(f"no {name} (hidden by the test)")
        return real_import(module, *args, **kwargs)

    monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


# -- escaping in every renderer -----------------------------------------------


def test_ssml_of_hostile_text_is_well_formed_with_only_our_elements() -> None:
    briefing = _hostile_article().briefing(seconds=120)
    ssml = render(briefing, "ssml")
    document = xml.dom.minidom.parseString(ssml)
    names = {element.tagName for element in document.getElementsByTagName("*")}
    assert names <= SSML_ELEMENTS
    breaks = [int(b.getAttribute("time").removesuffix("ms")) for b in
              document.getElementsByTagName("break")]
    assert all(b <= 5000 for b in breaks)  # no injected 100-second pause


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _html_tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def test_html_of_hostile_text_has_no_injected_elements_or_links() -> None:
    html = render(_hostile_article().briefing(seconds=120), "html")
    found = _html_tags(html)
    assert not found.tags & {"script", "img", "audio", "break", "prosody", "b", "iframe"}
    assert not any(name.startswith("on") for name, _ in found.attributes)
    assert not any((value or "").lower().startswith("javascript") for _, value in found.attributes)
    assert not found.comments
    assert "&lt;script&gt;" in html


def test_markdown_of_hostile_text_has_no_links_html_or_structure() -> None:
    markdown = render(_hostile_article().briefing(seconds=120), "markdown")
    assert not re.search(r"(?<!\\)\]\(javascript", markdown)
    assert not re.search(r"(?<!\\)<(?:script|img)", markdown)  # \< is a literal "<"
    assert not re.search(r"(?<!\\)\[[^\]\\]*(?<!\\)\]\(", markdown)  # no unescaped [x](y)
    for line in markdown.splitlines():
        assert not line.startswith(("# Heading", "| a", "> quote"))


def test_text_and_script_of_hostile_text_keep_no_control_markup() -> None:
    briefing = _hostile_article().briefing(seconds=120)
    script = render(briefing, "script")
    assert "<" not in script and ">" not in script  # the speech engine parses SSML-ish tags
    assert json.loads(render(briefing, "json"))["headline"].startswith("<script>")


def test_digest_of_hostile_articles_escapes_in_every_format() -> None:
    digest = Digest.from_articles([_hostile_article()], minutes=2)
    outputs = {fmt: render(digest, fmt) for fmt in FORMATS}
    xml.dom.minidom.parseString(outputs["ssml"])
    assert "script" not in _html_tags(outputs["html"]).tags
    assert not re.search(r"(?<!\\)\]\(javascript", outputs["markdown"])


# -- file names ---------------------------------------------------------------

HOSTILE_TITLES = [
    "../../etc/passwd", "/etc/passwd", "..", ".", "...", "....//....//x", "a/../../b",
    "C:\\Windows\\system32", "\\\\server\\share", "x\x00y", "\x00", "CON", "nul.txt",
    "COM1", "lpt9.wav", "AUX .", " . . ", "~", "$HOME", "\u202egpj.exe", "\ud800",
    "．．／．．／etc", "x" * 10_000, "😀" * 200, "",
]  # fmt: skip


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_file_names_from_hostile_titles_stay_in_the_folder(title: str, tmp_path: Path) -> None:
    name = safe_filename(title)
    _check_name(name, tmp_path)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_file_names_from_any_title_stay_in_the_folder(title: str) -> None:
    name = safe_filename(title)
    assert name and len(name) <= MAX_FILENAME_CHARS
    assert len(name.encode("utf-8")) <= 255
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith((".", " ")) and name not in {".", ".."}
    assert name.split(".", 1)[0].strip().upper() not in {"CON", "PRN", "AUX", "NUL", "COM1"}


def _check_name(name: str, folder: Path) -> None:
    assert name and not name.startswith(".")
    assert len(name.encode("utf-8")) <= 255
    path = folder / f"01 {name}.wav"
    assert path.resolve().parent == folder.resolve()
    path.write_bytes(b"RIFF")  # the name is usable on this file system
    assert [p.name for p in folder.iterdir()] == [path.name]


# -- no network unless asked --------------------------------------------------


def test_reading_a_url_without_allow_network_is_refused() -> None:
    for url in ("https://example.org/story.html", "http://127.0.0.1:9/feed.xml"):
        with pytest.raises(ReadError, match="allow_network"):
            read(url)


def test_cli_refuses_a_url_without_allow_network() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief", "brief", "https://example.org/story.html"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "network" in result.stderr
    assert "Traceback" not in result.stderr


class NetworkUsedError(AssertionError):
    """Raised by the patched socket functions: any use fails the test."""


def _no_network(*_args: object, **_kwargs: object) -> Any:
    raise NetworkUsedError("newsbrief tried to use the network")


def test_whole_pipeline_on_every_example_makes_no_network_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)
    articles: list[Article] = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in {".txt", ".md", ".json", ".jsonl", ".html", ".xml"}:
            articles.extend(read_all(path))
    articles.append(read(XXE_HTML.encode(), format="html"))
    articles.append(
        read(EXTERNAL_DTD_FEED.encode(), format="feed")
    )
    assert len(articles) >= 6
    for article in articles:
        article.summary(seconds=20)
        briefing = article.briefing(seconds=30)
        for fmt in FORMATS:
            render(briefing, fmt)
        Briefing.from_dict(briefing.to_dict())
    digest = newsbrief.Digest.from_articles(articles, minutes=3)
    for fmt in FORMATS:
        render(digest, fmt)
