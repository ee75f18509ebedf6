#!/usr/bin/env python3
"""Speed and memory of newsbrief against its peers, in one run, as one table.

Run from a checkout with the ``bench`` extra installed (``pip install -e '.[bench]'``)
and the evaluation data in ``../shared/data`` next to the repository::

    python benchmarks/speed.py                 # full run (several minutes)
    python benchmarks/speed.py --quick         # 100 articles per set, small series
    python benchmarks/speed.py --limit 500     # first 500 articles of each set
    python benchmarks/speed.py --plot docs/quality-vs-speed.png --json benchmarks/results/speed.json

It measures the checkout it sits in. To measure the mypyc-compiled build,
compile that checkout in place first (``NEWSBRIEF_USE_MYPYC=1 python setup.py
build_ext --inplace``; ``git clean -fX newsbrief`` undoes it); the table's
footer says which build ran.

What it measures, each stage in its own subprocess on one core (BLAS threads
pinned to 1) so that peak memory (``ru_maxrss``) belongs to that stage alone:

* newsbrief (a) parse + segment (``Article.from_dict``), (b) + summary
  (``article.summary(sentences=k)``), (c) full briefing
  (``article.briefing().to_dict()``: entities, quotes, dates, summary) on the
  BBC News Summary and CNN/DailyMail dev sets;
* peers on the same articles: pySBD segmentation, sumy TextRank and LexRank,
  newspaper4k's summariser (k = the reference's sentence count on BBC, 3 on CNN/DM);
* ROUGE-1 (F, stemmed) of every summariser on BBC dev, for the quality/speed plot;
* a scaling series (one article repeated 1, 4, 16, 64 times, full briefing);
* ``import newsbrief`` time over a bare interpreter (median of N runs);
* ``newsbrief.batch`` JSON Lines briefing with 1 worker (in-process) and 2 workers;
* a digest of 10,000 articles (BBC + CNN/DM dev, repeated as needed).

Throughput is articles per second over the whole set after a short warm-up;
newsbrief stages take the best of ``--repeat`` passes, peers (50-200 times
slower) the best of ``--peer-repeat`` passes (default one, for time; a best of
several is the fairer comparison, as a single pass carries the machine's noise).
newsbrief's per-input memos are emptied before each pass (see
``_peers.clear_memos``): every pass sees its articles for the first time.

The two ratios with targets, (a) to pySBD and (b) to TextRank on BBC, are
also measured side by side in one process (``paired`` in the JSON): both
run on the same chunk of 20 articles, in alternating order, chunk after chunk,
and the ratio of their CPU times is taken per pass (median of ``--repeat``
passes). A slow spell of the host then slows both alike; stages timed minutes
apart, as in the separate rows, can differ by a third on a shared machine.
The targets are judged on the paired ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

import _peers  # noqa: E402

from newsbrief._build import MYPYC_MODULES, compiled_modules  # noqa: E402

DATASETS = {
    "bbc": _peers.DATA_DIR / "bbc_news_summary" / "dev.jsonl",
    "cnn": _peers.DATA_DIR / "cnn_dailymail" / "dev.jsonl",
}
DATASET_NAMES = {"bbc": "BBC dev", "cnn": "CNN/DM dev"}

#: name -> (label, is newsbrief, makes summaries)
STAGES: dict[str, tuple[str, bool, bool]] = {
    "segment": ("newsbrief (a) parse + segment", True, False),
    "summary": ("newsbrief (b) + summary", True, True),
    "brief": ("newsbrief (c) full briefing", True, False),
    "pysbd": ("pySBD segmentation", False, False),
    "textrank": ("sumy TextRank", False, True),
    "lexrank": ("sumy LexRank", False, True),
    "newspaper": ("newspaper4k summariser", False, True),
}
#: newsbrief stage -> the peer it is compared with
COMPARED = {"segment": ("pysbd",), "summary": ("textrank", "lexrank", "newspaper")}
SHORT = {"pysbd": "pySBD", "textrank": "TextRank", "lexrank": "LexRank", "newspaper": "newspaper4k"}
SCALING = (1, 4, 16, 64)
#: (newsbrief stage, peer) timed side by side on BBC dev (see paired_main), with the target ratio
PAIRED = {("segment", "pysbd"): 40.0, ("summary", "textrank"): 25.0}
#: articles per chunk in paired_main: each side runs a few ms to a few tenths of a second
PAIRED_CHUNK = 20

Record = dict[str, Any]
Runner = Callable[[Record, int], "list[str] | None"]


# -- stage workers (run in subprocesses) ---------------------------------------------


def _peak_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _k_of(record: Record, dataset: str) -> int:
    if dataset == "cnn":
        return 3
    return max(1, sum(1 for line in str(record.get("summary", "")).split("\n") if line.strip()))


def _runner(stage: str) -> Runner:
    if stage in ("segment", "summary", "brief"):
        from newsbrief import Article

        if stage == "segment":

            def run_segment(record: Record, _k: int) -> list[str] | None:
                Article.from_dict(record)
                return None

            return run_segment
        if stage == "summary":

            def run_summary(record: Record, k: int) -> list[str] | None:
                return [s.text for s in Article.from_dict(record).summary(sentences=k).sentences]

            return run_summary

        def run_brief(record: Record, _k: int) -> list[str] | None:
            Article.from_dict(record).briefing().to_dict()
            return None

        return run_brief
    if stage == "pysbd":
        segment = _peers.pysbd_segmenter()

        def run_pysbd(record: Record, _k: int) -> list[str] | None:
            segment(record["text"])
            return None

        return run_pysbd
    if stage in ("textrank", "lexrank"):
        summarize = _peers.sumy_summarizer(stage)
        return lambda record, k: summarize(record["text"], k)
    if stage == "newspaper":
        summarize_np = _peers.newspaper_summarizer()
        return lambda record, k: summarize_np(record.get("title") or "", record["text"], k)
    raise SystemExit(f"unknown stage {stage}")


def _rouge1(outputs: list[list[str]], records: list[Record]) -> float:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    scores = [
        scorer.score(record["summary"], "\n".join(out))["rouge1"].fmeasure
        for out, record in zip(outputs, records, strict=True)
    ]
    return 100 * statistics.fmean(scores)


def _records(dataset: str, limit: int | None) -> tuple[list[Record], list[int]]:
    """The data set's first ``limit`` records and each one's summary length k."""
    records = _peers.load_jsonl(DATASETS[dataset], limit)
    return records, [_k_of(r, dataset) for r in records]


def _warm_up(runners: Sequence[Runner], records: list[Record], ks: list[int]) -> None:
    """Five articles through each runner: lazy imports and data loads, outside the timing."""
    for record, k in list(zip(records, ks, strict=True))[:5]:
        for run in runners:
            run(record, k)


def stage_main(
    stage: str, dataset: str, limit: int | None, repeat: int, peer_repeat: int = 1
) -> dict[str, Any]:
    """Time one stage on one data set in this process."""
    records, ks = _records(dataset, limit)
    run = _runner(stage)
    _warm_up([run], records, ks)
    base = _peak_mb()
    passes = repeat if STAGES[stage][1] else peer_repeat
    times = []
    outputs: list[list[str] | None] = []
    walls = []
    for _ in range(passes):
        _peers.clear_memos()  # every pass sees the articles for the first time
        start, cpu = time.perf_counter(), time.process_time()
        outputs = [run(r, k) for r, k in zip(records, ks, strict=True)]
        times.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - start)
    best = min(times)
    result: dict[str, Any] = {
        "articles": len(records),
        "seconds": best,
        "wall_seconds": min(walls),
        "rate": len(records) / best,
        "peak_mb": _peak_mb(),
        "base_mb": base,
    }
    if STAGES[stage][2] and dataset == "bbc":
        result["rouge1"] = _rouge1([o or [] for o in outputs], records)
    return result


def paired_main(ours: str, peer: str, limit: int | None, passes: int) -> dict[str, Any]:
    """newsbrief's ``ours`` stage and ``peer`` on BBC dev, chunk by chunk in one process.

    Each chunk of :data:`PAIRED_CHUNK` articles runs through both, the one
    that goes first alternating from chunk to chunk and pass to pass; a
    pass's ratio is the peer's CPU time over newsbrief's.
    """
    records, ks = _records("bbc", limit)
    runners = (_runner(ours), _runner(peer))
    _warm_up(runners, records, ks)
    ratios = []
    for number in range(passes):
        _peers.clear_memos()
        seconds = [0.0, 0.0]
        for chunk_number, at in enumerate(range(0, len(records), PAIRED_CHUNK)):
            end = at + PAIRED_CHUNK
            chunk = list(zip(records[at:end], ks[at:end], strict=True))
            order = (0, 1) if (chunk_number + number) % 2 == 0 else (1, 0)
            for side in order:
                run = runners[side]
                start = time.process_time()
                for record, k in chunk:
                    run(record, k)
                seconds[side] += time.process_time() - start
        ratios.append(seconds[1] / seconds[0])
    return {
        "articles": len(records),
        "passes": passes,
        "ratios": ratios,
        "ratio": statistics.median(ratios),
    }


def scaling_main(repeat: int) -> dict[str, Any]:
    """Full briefing of one article whose body is repeated 1, 4, 16, 64 times."""
    from newsbrief import Article

    records = _peers.load_jsonl(DATASETS["bbc"], 200)
    # A typical article: the median length of the first 200.
    record = sorted(records, key=lambda r: len(r["text"]))[len(records) // 2]
    rows = []
    for times in SCALING:
        body = "\n\n".join([record["text"]] * times)
        text = f"{record['title']}\n\n{body}"
        Article.from_text(text).briefing().to_dict()  # warm-up
        runs = max(3, repeat * 64 // times)
        best = float("inf")
        sentences = 0
        for _ in range(runs):
            _peers.clear_memos()
            start = time.process_time()
            article = Article.from_text(text)
            article.briefing().to_dict()
            best = min(best, time.process_time() - start)
            sentences = len(article.sentences)
        rows.append({"repeats": times, "seconds": best, "sentences": sentences})
    return {"article": record["id"], "rows": rows, "peak_mb": _peak_mb()}


def _jsonl_lines(limit: int | None) -> list[str]:
    lines: list[str] = []
    for path in DATASETS.values():
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if limit is not None and number >= limit:
                    break
                lines.append(line)
    return lines


def batch_main(limit: int | None, passes: int) -> dict[str, Any]:
    """``batch.process_jsonl_text`` briefing of BBC + CNN/DM dev, 1 worker vs 2.

    The two modes alternate ``passes`` times and each keeps its best pass, so
    that a burst of load from other processes does not decide the ratio.
    """
    from newsbrief import batch

    lines = _jsonl_lines(limit)
    # Warm-up in this process: the pool's forked workers inherit loaded data.
    list(batch.process_jsonl_text(lines[:5], task="brief", workers=1))

    def cpu_now() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    out: dict[str, Any] = {}
    for _ in range(passes):
        for workers in (1, 2):
            _peers.clear_memos()  # forked workers would inherit warm memos too
            start, cpu = time.perf_counter(), cpu_now()
            stats = batch.JsonlStats()
            count = sum(
                1
                for _ in batch.process_jsonl_text(lines, task="brief", workers=workers, stats=stats)
            )
            seconds = time.perf_counter() - start
            cpu_seconds = cpu_now() - cpu
            best = out.get(str(workers))
            if best is None or cpu_seconds < best["cpu_seconds"]:
                out[str(workers)] = {
                    "articles": count,
                    "errors": stats.errors,
                    "seconds": seconds,
                    "cpu_seconds": cpu_seconds,
                    "rate": count / seconds,
                    "load": os.getloadavg()[0],
                }
    out["1"]["peak_mb"] = out["2"]["peak_mb"] = _peak_mb()
    out["2"]["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def digest_main(count: int) -> dict[str, Any]:
    """A 5-minute digest of ``count`` articles (BBC + CNN/DM dev, repeated as needed)."""
    from newsbrief import Article
    from newsbrief.digest import Digest

    lines = _jsonl_lines(None)
    base = _peak_mb()

    def articles() -> Iterator[Article]:
        for number in range(count):
            yield Article.from_dict(json.loads(lines[number % len(lines)]))

    start, cpu = time.perf_counter(), time.process_time()
    digest = Digest.from_articles(articles(), minutes=5)
    digest.to_dict()
    wall = time.perf_counter() - start
    return {
        "articles": count,
        "seconds": time.process_time() - cpu,
        "wall_seconds": wall,
        "stories": len(digest.stories),
        "peak_mb": _peak_mb(),
        "base_mb": base,
    }


# -- the orchestrating process -------------------------------------------------------


def _child(args: list[str], timeout: float) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    try:
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": last[:160]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def import_time(runs: int) -> dict[str, Any]:
    """Median cost of ``import newsbrief`` over a bare interpreter, in ms.

    Measured as the child process's CPU time (user + system), which a busy
    machine does not inflate the way it inflates wall time; the median wall
    times are kept too.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))

    def once(code: str) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        return cpu, wall

    once("import newsbrief")  # warm the bytecode cache
    bare, loaded = [], []
    for _ in range(runs):
        bare.append(once("pass"))
        loaded.append(once("import newsbrief"))

    def median(values: list[tuple[float, float]], i: int) -> float:
        return 1000 * statistics.median(v[i] for v in values)

    return {
        "bare_ms": median(bare, 0),
        "import_ms": median(loaded, 0),
        "over_ms": median(loaded, 0) - median(bare, 0),
        "bare_wall_ms": median(bare, 1),
        "import_wall_ms": median(loaded, 1),
        "runs": runs,
    }


def _fmt_rate(result: dict[str, Any] | None) -> str:
    if not result:
        return "-"
    if "error" in result:
        return "error"
    return f"{result['rate']:,.0f}/s"


def _fmt_mb(*results: dict[str, Any] | None) -> str:
    peaks = [r["peak_mb"] for r in results if r and "peak_mb" in r]
    return f"{max(peaks):,.0f}" if peaks else "-"


def _ratio(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float | None:
    if not a or not b or "rate" not in a or "rate" not in b:
        return None
    return float(a["rate"]) / float(b["rate"])


def _errors_note(result: dict[str, Any]) -> str:
    return f"; {result['errors']} error records" if result.get("errors") else ""


def _mark(ok: bool | None) -> str:
    return "-" if ok is None else ("yes" if ok else "NO")


def build_rows(results: dict[str, Any]) -> list[list[str]]:
    """The table: measurement, BBC, CNN/DM, peak MB, ROUGE-1, ratio/notes, target, met."""
    stages = results["stages"]
    rows: list[list[str]] = []
    for stage, (label, _nb, summarises) in STAGES.items():
        bbc, cnn = stages.get(stage, {}).get("bbc"), stages.get(stage, {}).get("cnn")
        r1 = f"{bbc['rouge1']:.1f}" if bbc and "rouge1" in bbc else "-"
        note, target, met = "", "", None
        if stage in COMPARED:
            parts = []
            for peer in COMPARED[stage]:
                peer_stage = stages.get(peer, {})
                ratios = [_ratio(stages[stage].get(d), peer_stage.get(d)) for d in ("bbc", "cnn")]
                shown = "/".join("-" if x is None else f"{x:.0f}x" for x in ratios)
                parts.append(f"{shown} {SHORT[peer]}")
            peer = COMPARED[stage][0]
            wanted = PAIRED[(stage, peer)]
            target = f">= {wanted:.0f}x {SHORT[peer]}" + (" (BBC)" if stage == "summary" else "")
            paired = results.get("paired", {}).get(f"{stage}:{peer}")
            if paired and "ratio" in paired:
                # The side-by-side ratio decides (see paired_main).
                ratio = paired["ratio"]
                passes = ", ".join(f"{x:.1f}" for x in paired["ratios"])
                parts.insert(0, f"side by side {ratio:.1f}x {SHORT[peer]} (passes {passes})")
            else:
                ratio = _ratio(stages[stage].get("bbc"), stages.get(peer, {}).get("bbc"))
            note = "; ".join(parts)
            met = None if ratio is None else ratio >= wanted
        if stage == "brief":
            target = ">= 1,000/s"
            rates = [r["rate"] for r in (bbc, cnn) if r and "rate" in r]
            met = None if not rates else min(rates) >= 1000
        if not summarises and not stages.get(stage):
            continue
        rows.append(
            [label, _fmt_rate(bbc), _fmt_rate(cnn), _fmt_mb(bbc, cnn), r1, note, target, _mark(met)]
        )

    batch1, batch2 = results.get("batch", {}).get("1"), results.get("batch", {}).get("2")
    if batch1 and batch2 and "cpu_seconds" in batch1 and "cpu_seconds" in batch2:
        # On 2 idle cores the 2-worker run takes at least (parent + workers CPU) / 2;
        # the machine is shared, so wall times are reported but not judged.
        cpu_rate1 = batch1["articles"] / batch1["cpu_seconds"]
        cpu_rate2 = 2 * batch2["articles"] / batch2["cpu_seconds"]
        projected = cpu_rate2 / cpu_rate1
        wall = batch2["rate"] / batch1["rate"]
        load = max(batch1.get("load", 0.0), batch2.get("load", 0.0))
        rows.append(
            [
                "batch brief, 1 worker (in-process)",
                f"{cpu_rate1:,.0f}/s",
                "(both sets)",
                f"{batch1['peak_mb']:,.0f}",
                "-",
                f"wall {batch1['rate']:,.0f}/s" + _errors_note(batch1),
                "",
                "",
            ]
        )
        rows.append(
            [
                "batch brief, 2 workers",
                f"{cpu_rate2:,.0f}/s",
                "(both sets)",
                f"{batch2['peak_mb']:,.0f} + {batch2['worker_peak_mb']:,.0f}/worker",
                "-",
                f"{projected:.2f}x 1 worker on 2 idle cores (CPU); wall {batch2['rate']:,.0f}/s = "
                f"{wall:.2f}x at load {load:.1f}" + _errors_note(batch2),
                ">= 1.8x 1 worker",
                _mark(projected >= 1.8),
            ]
        )
    elif batch1 or batch2:
        for label, res in (("batch, 1 worker", batch1), ("batch, 2 workers", batch2)):
            rows.append([label, _fmt_rate(res), "", "", "-", (res or {}).get("error", ""), "", "-"])

    scaling = results.get("scaling")
    if scaling and "rows" in scaling:
        first = scaling["rows"][0]
        for row in scaling["rows"]:
            factor = row["seconds"] / first["seconds"]
            per = 1e6 * row["seconds"] / max(1, row["sentences"])
            last = row["repeats"] == SCALING[-1]
            rows.append(
                [
                    f"scaling: article x{row['repeats']} ({row['sentences']} sentences)",
                    f"{1000 * row['seconds']:.1f} ms",
                    "",
                    f"{scaling['peak_mb']:,.0f}" if last else "",
                    "-",
                    f"{per:.0f} us/sentence; {factor:.1f}x one",
                    "<= 96x one" if last else "",
                    _mark(factor <= 96) if last else "",
                ]
            )
    elif scaling:
        rows.append(["scaling series", "error", "", "", "-", scaling.get("error", ""), "", "-"])

    imp = results.get("import")
    if imp:
        rows.append(
            [
                "import newsbrief (median)",
                f"{imp['over_ms']:.0f} ms over bare",
                "",
                "",
                "-",
                f"CPU {imp['import_ms']:.0f} ms vs {imp['bare_ms']:.0f} ms bare (wall "
                f"{imp['import_wall_ms']:.0f} vs {imp['bare_wall_ms']:.0f}), {imp['runs']} runs",
                "< 100 ms",
                _mark(imp["over_ms"] < 100),
            ]
        )

    dig = results.get("digest")
    if dig and "seconds" in dig:
        ok = dig["seconds"] < 30 and dig["peak_mb"] < 500
        rows.append(
            [
                f"digest of {dig['articles']:,} articles (5 min)",
                f"{dig['seconds']:.1f} s",
                "(both sets)",
                f"{dig['peak_mb']:,.0f}",
                "-",
                f"{dig['stories']} stories; {dig['articles'] / dig['seconds']:,.0f} articles/s",
                "< 30 s, < 500 MB",
                _mark(ok if dig["articles"] >= 10_000 else None),
            ]
        )
    elif dig:
        rows.append(["digest", "error", "", "", "-", dig.get("error", ""), "", "-"])
    return rows


def format_table(rows: list[list[str]]) -> str:
    header = [
        "measurement",
        "BBC dev",
        "CNN/DM dev",
        "peak MB",
        "R1 BBC",
        "ratio / notes",
        "target",
        "met",
    ]
    table = [header, *rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in table
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def plot(results: dict[str, Any], path: Path) -> None:
    """Quality (ROUGE-1 on BBC dev) against speed (articles/s, log scale)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    points = []
    for stage, (label, nb, summarises) in STAGES.items():
        bbc = results["stages"].get(stage, {}).get("bbc")
        if summarises and bbc and "rouge1" in bbc:
            name = "newsbrief" if nb else label
            points.append((name, bbc["rate"], bbc["rouge1"], nb))
    if not points:
        return
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    for name, rate, r1, nb in points:
        ax.scatter(
            [rate], [r1], s=90 if nb else 60, color="tab:red" if nb else "tab:blue", zorder=3
        )
        ax.annotate(name, (rate, r1), textcoords="offset points", xytext=(8, 4), fontsize=9)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    ax.set_xlabel("articles per second, one core (parse + segment + summary; log scale)")
    ax.set_ylabel("ROUGE-1 F (BBC News Summary dev)")
    ax.set_title("Summary quality against speed, same run")
    ax.grid(True, which="both", alpha=0.3)
    rates = [p[1] for p in points]
    ax.set_xlim(min(rates) / 2, max(rates) * 4)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per data set")
    parser.add_argument("--quick", action="store_true", help="100 articles, short series")
    parser.add_argument("--repeat", type=int, default=3, help="passes per newsbrief stage")
    parser.add_argument(
        "--peer-repeat", type=int, default=1, help="passes per peer (best taken; default 1)"
    )
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--plot", type=Path, default=None, help="write the quality/speed PNG here")
    parser.add_argument("--skip-peers", action="store_true", help="newsbrief stages only")
    parser.add_argument("--digest-articles", type=int, default=None)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--dataset", help=argparse.SUPPRESS)
    parser.add_argument(
        "--batch-limit", type=int, default=500, help="articles per set in the batch run"
    )
    args = parser.parse_args(argv)

    limit = 100 if args.quick and args.limit is None else args.limit
    repeat = 1 if args.quick else args.repeat
    if args.stage:  # a child process: one measurement, printed as JSON
        if args.stage == "scaling":
            out = scaling_main(repeat)
        elif args.stage == "batch":
            out = batch_main(limit, repeat)
        elif args.stage == "digest":
            out = digest_main(args.digest_articles or 10_000)
        elif args.stage == "paired":
            ours, peer = args.dataset.split(":")
            out = paired_main(ours, peer, limit, repeat)
        else:
            out = stage_main(args.stage, args.dataset, limit, repeat, args.peer_repeat)
        print(json.dumps(out))
        return 0

    missing = [str(p) for p in DATASETS.values() if not p.exists()]
    if missing:
        print(f"missing data: {', '.join(missing)} (expected ../shared/data)", file=sys.stderr)
        return 2
    common = ["--repeat", str(repeat), "--peer-repeat", str(args.peer_repeat)] + (
        ["--limit", str(limit)] if limit else []
    )
    results: dict[str, Any] = {
        "limit": limit,
        "repeat": repeat,
        "peer_repeat": args.peer_repeat,
        "python": sys.version.split()[0],
        "compiled_modules": len(compiled_modules()),
        "peers": _peers.peer_versions(),
        "stages": {},
    }
    started = time.perf_counter()
    for stage, (label, nb, _summ) in STAGES.items():
        if args.skip_peers and not nb:
            continue
        for dataset in DATASETS:
            print(f"... {label} on {DATASET_NAMES[dataset]}", file=sys.stderr, flush=True)
            results["stages"].setdefault(stage, {})[dataset] = _child(
                ["--stage", stage, "--dataset", dataset, *common], timeout=1800
            )
    if not args.skip_peers:
        for ours, peer in PAIRED:
            label = f"{ours} and {SHORT[peer]} side by side on BBC dev"
            print(f"... {label}", file=sys.stderr, flush=True)
            results.setdefault("paired", {})[f"{ours}:{peer}"] = _child(
                ["--stage", "paired", "--dataset", f"{ours}:{peer}", *common], timeout=1800
            )
    print("... scaling series", file=sys.stderr, flush=True)
    results["scaling"] = _child(["--stage", "scaling", *common], timeout=600)
    batch_limit = limit if limit is not None else args.batch_limit
    print(f"... batch, 1 and 2 workers ({batch_limit} per set)", file=sys.stderr, flush=True)
    results["batch"] = _child(
        ["--stage", "batch", "--repeat", str(max(2, repeat)), "--limit", str(batch_limit)],
        timeout=1800,
    )
    print("... import time", file=sys.stderr, flush=True)
    results["import"] = import_time(5 if args.quick else 21)
    digest_n = args.digest_articles or (2_000 if args.quick else 10_000)
    print(f"... digest of {digest_n} articles", file=sys.stderr, flush=True)
    results["digest"] = _child(
        ["--stage", "digest", "--digest-articles", str(digest_n)], timeout=600
    )
    results["wall_seconds"] = time.perf_counter() - started

    print(format_table(build_rows(results)))
    peers = ", ".join(f"{k} {v}" for k, v in results["peers"].items())
    build = (
        f"mypyc-compiled ({results['compiled_modules']} of {len(MYPYC_MODULES)} hot modules)"
        if results["compiled_modules"] else "pure Python"
    )
    peer_passes = "one pass" if args.peer_repeat == 1 else f"best of {args.peer_repeat} passes"
    print(
        f"\nnewsbrief {build}; Python {results['python']}; {peers}; "
        f"articles per set: {limit or 'all'}; "
        f"newsbrief best of {repeat} passes, peers {peer_passes}; run took "
        f"{results['wall_seconds']:.0f} s."
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    if args.plot:
        plot(results, args.plot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
