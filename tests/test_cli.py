"""Tests for the newsbrief command line (newsbrief.cli and python -m newsbrief)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsbrief import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
STORY = EXAMPLES / "finance-minister.txt"


def run(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_process(
    *argv: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "newsbrief", *argv],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
    )


# -- summary ---------------------------------------------------------------------


def test_summary_text_prints_headline_and_chosen_sentences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "summary", str(STORY), "--sentences", "2")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Finance Minister Lena Marsh unveils $11.1bn plan to rebuild Eastmoor rail links"
    )
    assert lines[1] == ""
    body = STORY.read_text(encoding="utf-8")
    chosen = " ".join(lines[2:])
    assert 20 < len(chosen.split()) < 120
    for part in lines[2:]:
        assert part in body.replace("\n\n", " ")


def test_summary_json_is_parseable_and_respects_budget(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "summary", str(STORY), "--words", "60", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["headline"].startswith("Finance Minister Lena Marsh")
    assert isinstance(data["summary"], list) and data["summary"]
    assert sum(len(s.split()) for s in data["summary"]) <= 60


def test_summary_markdown_has_heading_and_bullets(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "summary", str(STORY), "--format", "markdown")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("# Finance Minister Lena Marsh unveils")
    assert [line for line in lines[2:] if line] and all(
        line.startswith("- ") for line in lines[2:] if line
    )


@pytest.mark.parametrize(
    "budget", [["--sentences", "1"], ["--ratio", "0.5"], ["--seconds", "20"], ["--words", "30"]]
)
def test_summary_accepts_each_budget(
    capsys: pytest.CaptureFixture[str], budget: list[str]
) -> None:
    status, out, err = run(capsys, "summary", str(STORY), *budget)
    assert status == 0, err
    assert out.startswith("Finance Minister")


def test_summary_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(STORY.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = run(capsys, "summary", "-", "--sentences", "1")
    assert status == 0
    assert out.startswith("Finance Minister Lena Marsh")


def test_summary_of_several_articles_as_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "summary", str(EXAMPLES / "news.jsonl"), "--format", "json")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 5
    assert records[0]["id"] == "courier-0412"


def test_summary_writes_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    status, out, _ = run(capsys, "summary", str(STORY), "-o", str(target))
    assert (status, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("Finance Minister")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_output_into_missing_folder_is_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "summary", str(STORY), "-o", str(tmp_path / "no" / "out.txt"))
    assert status == 1
    assert err.startswith("newsbrief: error: ") and "out.txt" in err
    assert err.count("\n") == 1


# -- brief --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", cli.BRIEF_FORMATS)
def test_brief_prints_every_format(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    status, out, err = run(capsys, "brief", str(STORY), "--format", fmt)
    assert status == 0, err
    assert out.strip()
    if fmt == "json":
        data = json.loads(out)
        assert data["headline"].startswith("Finance Minister Lena Marsh")
        assert isinstance(data["summary"], list)
        assert {"name": "Lena Marsh", "role": "Finance Minister"} in data["people"]
    elif fmt == "ssml":
        import xml.etree.ElementTree as ET

        assert ET.fromstring(out).tag.endswith("speak")
    elif fmt == "html":
        assert out.lstrip().lower().startswith("<!doctype html")
    elif fmt == "markdown":
        assert out.startswith("# Finance Minister Lena Marsh")
    elif fmt == "script":
        assert "$" not in out and "%" not in out and "<" not in out
    else:
        assert out.startswith("Finance Minister Lena Marsh")


def test_brief_json_with_seconds_budget(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "brief", str(STORY), "--seconds", "30", "--format", "json")
    assert status == 0
    assert json.loads(out)["lede"]


# -- errors and exit codes -------------------------------------------------------------


def test_missing_file_is_exit_1_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "summary", "no-such-story.txt")
    assert (status, out) == (1, "")
    assert err == "newsbrief: error: no-such-story.txt: no such file or directory\n"


def test_empty_file_is_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    status, _, err = run(capsys, "brief", str(path))
    assert status == 1
    assert err == f"newsbrief: error: {path}: is empty\n"


def test_bad_json_is_exit_1_naming_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Fine."}\n{oops\n', encoding="utf-8")
    status, _, err = run(capsys, "summary", str(path))
    assert status == 1
    assert err.startswith(f"newsbrief: error: {path}, line 2: invalid JSON")


def test_url_without_allow_network_is_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "summary", "https://example.org/story")
    assert status == 1
    assert "--allow-network" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["summary", str(STORY), "--bogus"],
        ["summary", str(STORY), "--sentences", "0"],
        ["summary", str(STORY), "--sentences", "2", "--words", "5"],
        ["brief", str(STORY), "--format", "pdf"],
        ["frobnicate"],
        [],
    ],
)
def test_bad_usage_is_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert "usage:" in err


def test_no_input_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "summary")
    assert status == 2
    assert "give an input PATH" in err


def test_unknown_method_is_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "summary", str(STORY), "--method", "magic")
    assert status == 1
    assert err.startswith("newsbrief: error: ") and "magic" in err


def test_version_and_help_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("newsbrief ")
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for command in cli.COMMANDS:
        assert command.name in out


def test_keyboard_interrupt_is_exit_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(args: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_read_articles", interrupted)
    status, _, err = run(capsys, "summary", str(STORY))
    assert status == 130
    assert err == "newsbrief: interrupted\n"


def test_commands_are_registered_once_with_unique_names() -> None:
    names = [command.name for command in cli.COMMANDS]
    assert len(names) == len(set(names))
    assert {"summary", "brief"} <= set(names)


# -- batch mode ---------------------------------------------------------------------------


def test_jsonl_batch_writes_one_record_per_line_and_error_records(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "in.jsonl"
    lines = (EXAMPLES / "news.jsonl").read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join([lines[0], "{not json", '{"title": "x", "text": 5}', lines[2]]) + "\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "summary", "--jsonl", str(path), "--workers", "1")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 4
    assert "error" not in records[0] and "error" not in records[3]
    assert records[1]["line"] == 2 and "error" in records[1]
    assert records[2]["line"] == 3 and "error" in records[2]
    assert status == 1
    assert "2 of 4 articles failed" in err


def test_jsonl_batch_brief_all_ok_is_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "brief", "--jsonl", str(EXAMPLES / "news.jsonl"), "--workers", "1",
        "--seconds", "30",
    )
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 5
    assert all(record.get("headline") for record in records)


def test_jsonl_with_input_path_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "summary", str(STORY), "--jsonl", str(EXAMPLES / "news.jsonl"))
    assert status == 2
    assert "not both" in err


def test_progress_bar_draws_counts() -> None:
    stream = io.StringIO()
    show = cli._progress_bar(stream)
    show(5, 10)
    show(7, None)
    assert stream.getvalue() == "\r[" + "#" * 15 + "-" * 15 + "] 5/10\r7 articles"


# -- as a process -----------------------------------------------------------------------------


def test_python_m_newsbrief_summary_from_stdin() -> None:
    result = run_process("summary", "-", "--sentences", "1", stdin=STORY.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").startswith("Finance Minister Lena Marsh")
    assert result.stderr == b""


def test_process_bad_input_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02 binary")
    result = run_process("brief", str(path))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert err.startswith("newsbrief: error: ") and err.count("\n") == 1


def test_process_unknown_flag_is_exit_2() -> None:
    result = run_process("summary", str(STORY), "--no-such-flag")
    assert result.returncode == 2
    assert b"unrecognized arguments: --no-such-flag" in result.stderr


def test_process_closed_pipe_is_clean() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "summary", str(EXAMPLES / "news.jsonl"),
         "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert b"Traceback" not in err
    assert proc.returncode in (0, 141)


def default_sigint() -> None:
    """Ctrl-C as in a terminal: a test run started in the background by a
    shell (``pytest &``) ignores SIGINT, and a child would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_process_sigint_is_exit_130() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "summary", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=default_sigint,
    )
    # Wait until it blocks reading stdin (the kernel names the wait), so the
    # signal lands in the running command, not in interpreter start-up.
    wchan = Path(f"/proc/{proc.pid}/wchan")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if wchan.exists() and "pipe" in wchan.read_text():
            break
        time.sleep(0.05)
    else:
        time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode(errors="replace")
    assert b"Traceback" not in err
