"""Sentence segmentation speed on the BBC dev set, against pySBD in the same run.

Usage (from the repository root)::

    python3 benchmarks/segment_speed.py [--limit N] [--rounds R] [--data PATH]

Reads ``../shared/data/bbc_news_summary/dev.jsonl`` (relative to the
repository root), builds every article with ``Article.from_text(text,
title=title)`` and checks the segmentation contract on each (sentence offsets
exact, no empty or unstripped sentence, no sentence across a blank line,
lossless ``to_dict``/``from_dict`` round trip). Then it times
``newsbrief.text.segment.segment`` on the article bodies and pySBD
(``Segmenter(language="en", clean=False, char_span=False)``) on the same
bodies, interleaving the two chunk by chunk so that both see the same machine
load, and prints articles per second and the ratio. Exits with status 1 if the
contract is broken on any article.

Times are process CPU seconds (``time.process_time``), which the other
processes of a busy shared machine disturb far less than wall-clock time.
newsbrief is timed ``--rounds`` times per chunk (the median counts); pySBD,
about a hundred times slower, once.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "bbc_news_summary" / "dev.jsonl"
sys.path.insert(0, str(ROOT))

from newsbrief.model import Article  # noqa: E402
from newsbrief.text.segment import segment  # noqa: E402

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def load(path: Path, limit: int | None) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def check_contract(rows: list[dict[str, str]]) -> tuple[list[Article], int, list[str]]:
    """Build the articles and return them, the sentence count and any violations."""
    articles = []
    problems = []
    sentences = 0
    for row in rows:
        article = Article.from_text(row["text"], title=row.get("title", ""))
        articles.append(article)
        body = article.body
        for s in article.sentences:
            sentences += 1
            if not s.text or s.text != s.text.strip():
                problems.append(f"{row.get('id')}: empty or unstripped sentence {s.text!r}")
            if body[s.start : s.end] != s.text:
                problems.append(f"{row.get('id')}: sentence {s.index} offsets are not exact")
            if _BLANK_LINE.search(s.text):
                problems.append(f"{row.get('id')}: sentence {s.index} crosses a blank line")
        if Article.from_dict(json.loads(json.dumps(article.to_dict()))) != article:
            problems.append(f"{row.get('id')}: to_dict/from_dict round trip is lossy")
    return articles, sentences, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSONL file of articles")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--rounds", type=int, default=5, help="newsbrief timing rounds per chunk")
    parser.add_argument("--chunk", type=int, default=100, help="articles per interleaved chunk")
    args = parser.parse_args(argv)

    if not args.data.is_file():
        print(f"no data at {args.data} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    rows = load(args.data, args.limit)
    start = time.process_time()
    articles, n_sentences, problems = check_contract(rows)
    build_seconds = time.process_time() - start
    bodies = [a.body for a in articles]

    import pysbd  # type: ignore[import-untyped]

    peer = pysbd.Segmenter(language="en", clean=False, char_span=False)
    ours_seconds = 0.0
    peer_seconds = 0.0
    for lo in range(0, len(bodies), args.chunk):
        chunk = bodies[lo : lo + args.chunk]
        rounds = []
        for _ in range(max(1, args.rounds)):
            t0 = time.process_time()
            for body in chunk:
                segment(body)
            rounds.append(time.process_time() - t0)
        ours_seconds += statistics.median(rounds)
        t0 = time.process_time()
        for body in chunk:
            peer.segment(body)
        peer_seconds += time.process_time() - t0

    n = len(bodies)
    ours_rate = n / ours_seconds if ours_seconds else float("inf")
    peer_rate = n / peer_seconds if peer_seconds else float("inf")
    print(f"articles: {n}  sentences (newsbrief): {n_sentences}")
    print(f"{'segmenter':<34}{'articles per CPU-second':>24}")
    print(f"{'newsbrief segment()':<34}{ours_rate:>24,.0f}")
    print(f"{'newsbrief Article.from_text + checks':<34}{n / build_seconds:>24,.0f}")
    print(f"{'pysbd ' + getattr(pysbd, '__version__', ''):<34}{peer_rate:>24,.0f}")
    print(f"ratio newsbrief / pysbd: {ours_rate / peer_rate:.1f}x")
    if problems:
        print(f"contract: {len(problems)} violations")
        for problem in problems[:20]:
            print("  " + problem)
        return 1
    print("contract: spans exact, no empty sentence, no blank line inside, round trip lossless")
    return 0


if __name__ == "__main__":
    sys.exit(main())
