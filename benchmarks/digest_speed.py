"""Digest speed, memory and duplicate detection on the evaluation data.

Run from the repository root::

    python3 benchmarks/digest_speed.py            # both runs
    python3 benchmarks/digest_speed.py --bbc      # BBC dev only
    python3 benchmarks/digest_speed.py --large --count 10000

1. BBC dev (1,712 articles) with ``minutes=5``: wall time (reading and
   parsing the JSON Lines included), exact and near duplicates merged, stories
   found, listening seconds against the budget, and the merged groups that are
   not exact repeats.
2. 10,000 articles (BBC dev and CNN/DailyMail dev together, repeated as
   needed, streamed from the files, never held in a list) in a fresh
   subprocess: wall time and peak resident memory (``ru_maxrss``).

Targets (issues 5 and 7): BBC dev under 10 s; 10,000 articles under 30 s
with peak memory under 500 MB. The machine is shared, so run it twice.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT.parent / "shared" / "data"
BBC = DATA_DIR / "bbc_news_summary" / "dev.jsonl"
CNN = DATA_DIR / "cnn_dailymail" / "dev.jsonl"

sys.path.insert(0, str(ROOT))

from newsbrief.digest import Digest, find_duplicates  # noqa: E402
from newsbrief.model import Article  # noqa: E402


def stream(path: Path) -> Iterator[Article]:
    """Articles of a dev JSON Lines file, one at a time."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            category = record.get("category")
            yield Article.from_text(
                record["text"],
                title=record.get("title") or "",
                id=record["id"],
                metadata={"category": category} if category else None,
            )


def run_bbc(minutes: float) -> dict[str, object]:
    """Digest BBC dev and report time, duplicates and the budget.

    Parsing alone (reading the file and ``Article.from_text``) is timed in
    the same run as the reference the digest's cost is compared with.
    """
    start, cpu = time.perf_counter(), time.process_time()
    articles = list(stream(BBC))
    parse = time.perf_counter() - start, time.process_time() - cpu
    groups = find_duplicates(articles).groups
    normalised = [" ".join(a.body.lower().split()) for a in articles]
    multi = [g for g in groups if len(g) > 1]
    exact_groups = [g for g in multi if len({normalised[i] for i in g}) == 1]
    near_groups = [
        [str(articles[i].id) for i in g] for g in multi if len({normalised[i] for i in g}) > 1
    ]
    del articles, normalised
    start, cpu = time.perf_counter(), time.process_time()
    digest = Digest.from_articles(stream(BBC), minutes=minutes)
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    return {
        "run": "bbc-dev",
        "articles": digest.articles_read,
        "seconds": round(elapsed[0], 2),
        "cpu_seconds": round(elapsed[1], 2),
        "parse_only_cpu_seconds": round(parse[1], 2),
        "cpu_ratio_to_parse": round(elapsed[1] / parse[1], 2),
        "exact_duplicates": digest.exact_duplicates,
        "near_duplicates": digest.duplicates_merged - digest.exact_duplicates,
        "exact_groups": len(exact_groups),
        "groups_with_near_duplicates": len(near_groups),
        "stories_found": digest.stories_found,
        "stories": len(digest.stories),
        "listening_seconds": round(digest.listening_seconds, 1),
        "budget_seconds": digest.budget_seconds,
        "near_duplicate_groups": near_groups,
    }


def large_articles(count: int) -> Iterator[Article]:
    """``count`` articles: BBC dev then CNN/DM dev, over and over."""

    def once() -> Iterator[Article]:
        yield from stream(BBC)
        yield from stream(CNN)

    return itertools.islice(itertools.chain.from_iterable(once() for _ in itertools.count()), count)


def run_large(count: int, minutes: float) -> dict[str, object]:
    """Digest ``count`` streamed articles; report time and peak memory of this process."""
    start, cpu = time.perf_counter(), time.process_time()
    digest = Digest.from_articles(large_articles(count), minutes=minutes)
    elapsed = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "run": f"large-{count}",
        "articles": digest.articles_read,
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "peak_rss_mb": round(peak_kib / 1024, 1),
        "exact_duplicates": digest.exact_duplicates,
        "near_duplicates": digest.duplicates_merged - digest.exact_duplicates,
        "stories_found": digest.stories_found,
        "stories": len(digest.stories),
        "listening_seconds": round(digest.listening_seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", action="store_true", help="only the BBC dev run")
    parser.add_argument("--large", action="store_true", help="only the large run (in-process)")
    parser.add_argument("--count", type=int, default=10_000, help="articles in the large run")
    parser.add_argument("--minutes", type=float, default=5.0)
    args = parser.parse_args()
    if args.large:
        print(json.dumps(run_large(args.count, args.minutes)))
        return 0
    result = run_bbc(args.minutes)
    near = result.pop("near_duplicate_groups")
    print(json.dumps(result))
    for ids in near:  # type: ignore[attr-defined]
        print("  near-duplicate group:", ", ".join(ids))
    if args.bbc:
        return 0
    # A fresh process, so that its peak memory is the digest's alone.
    child = subprocess.run(
        [
            sys.executable,
            __file__,
            "--large",
            "--count",
            str(args.count),
            "--minutes",
            str(args.minutes),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    print(child.stdout.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
