#!/usr/bin/env python3
"""Brief a JSON Lines file of articles on a Dask cluster.

The code that runs on one core (``newsbrief.batch.records``) runs unchanged on
a cluster: the work is a module-level function, its inputs are text lines and
its outputs plain dicts, so Dask ships them between machines with pickle.

Usage (needs the ``dask`` extra: ``pip install 'newsbrief[dask]'``)::

    # a throw-away cluster of 2 local worker processes
    python examples/dask_briefings.py articles.jsonl > briefings.jsonl

    # an existing cluster (``dask scheduler`` + ``dask worker`` on each machine)
    python examples/dask_briefings.py articles.jsonl --scheduler tcp://10.0.0.5:8786

Each output line is ``article.briefing().to_dict()`` plus the input's ``id``,
or an error record ``{"id", "line", "error": {"type", "message"}}`` for a bad
line, in input order: the same records as ``newsbrief brief --jsonl``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsbrief import batch

#: Lines per Dask task: large enough that scheduling costs little next to the work.
PARTITION_LINES = 64


def brief_lines(
    lines: Iterable[str],
    client: Any,
    *,
    task: str = "brief",
    options: dict[str, Any] | None = None,
    where: str | None = None,
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """Brief (or summarise) JSON Lines on a Dask cluster, in input order.

    Args:
        lines: The input lines; blank ones are skipped, line numbers count them.
        client: A connected ``dask.distributed.Client``.
        task: "brief" or "summary".
        options: Keyword arguments for ``article.briefing()`` / ``article.summary()``.
        where: The input's name, for error messages.
        timeout: Seconds to wait for the whole computation (None: no limit).

    Returns:
        One output record per non-blank line.
    """
    import dask.bag as db

    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    if not numbered:
        return []
    partitions = max(1, -(-len(numbered) // PARTITION_LINES))
    bag = db.from_sequence(numbered, npartitions=partitions)
    # batch.records is the same per-chunk function the local process pool uses.
    results = bag.map_partitions(batch.records, task=task, options=options or {}, where=where)
    future = client.compute(results)
    records: list[dict[str, Any]] = future.result(timeout=timeout)
    return records


def local_cluster(workers: int = 2) -> Any:
    """A ``LocalCluster`` of single-threaded worker processes, quiet and without a dashboard."""
    from dask.distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Brief a JSON Lines file on a Dask cluster.")
    parser.add_argument("path", type=Path, help="JSON Lines file of articles")
    parser.add_argument("--scheduler", help="address of an existing scheduler")
    parser.add_argument("--workers", type=int, default=2, help="local workers (no --scheduler)")
    parser.add_argument("--seconds", type=float, default=None, help="briefing time budget")
    args = parser.parse_args(argv)

    from dask.distributed import Client

    options = {} if args.seconds is None else {"seconds": args.seconds}
    lines = args.path.read_text(encoding="utf-8").splitlines()
    cluster = None if args.scheduler else local_cluster(args.workers)
    with Client(args.scheduler or cluster) as client:
        for rec in brief_lines(lines, client, options=options, where=str(args.path)):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if cluster is not None:
        cluster.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
