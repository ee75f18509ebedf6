"""Briefings on a Dask LocalCluster equal the single-process ones (the ``dask`` extra).

Skipped when dask.distributed is not installed, except in CI (``CI`` set),
where the ``dask`` extra is installed and the test must run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsbrief import batch

if not os.environ.get("CI"):
    pytest.importorskip("distributed")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_briefings.py"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_briefings_example", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _story(n: int) -> dict[str, Any]:
    town = ["Harwick", "Oster", "Velmont", "Durrow"][n % 4]
    return {
        "id": f"story-{n}",
        "title": f"{town} council backs plan number {n}",
        "text": (
            f"The {town} council approved plan {n} on Tuesday after a long debate. "
            f'Mayor Elin Darrow said the plan was "the right step for {town}".\n\n'
            f"Councillor Idris Fenn voted against it, saying it would cost $1.{n}m more. "
            f"Work is due to start in March {2020 + n % 7}."
        ),
    }


def _lines() -> list[str]:
    lines = [json.dumps(_story(n)) for n in range(40)]
    lines.insert(7, "{not json")
    lines.insert(12, "")
    lines.insert(20, json.dumps({"id": "empty", "title": "No body"}))
    return lines


def test_briefings_on_a_local_dask_cluster_equal_single_process_ones() -> None:
    from dask.distributed import Client

    example = _example()
    lines = _lines()
    expected = list(batch.process_jsonl(lines, task="brief", workers=1, where="in.jsonl"))
    cluster = example.local_cluster(2)
    try:
        with Client(cluster, timeout=60) as client:
            got = example.brief_lines(lines, client, where="in.jsonl", timeout=90)
            assert len(client.scheduler_info()["workers"]) == 2
    finally:
        cluster.close(timeout=30)
    assert got == expected
    assert len(got) == 42
    errors = [r for r in got if batch.is_error(r)]
    assert [(r["line"], r["error"]["type"]) for r in errors] == [
        (8, "InputFormatError"),
        (21, "InvalidArticleError"),
    ]
