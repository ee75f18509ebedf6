"""Tests that the README stays accurate: set-up commands, CLI lines, paths."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from newsbrief import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match is not None, f"README has no '## {title}' section"
    return match.group(1)


def _sh_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_quick_start_has_exactly_two_one_line_commands() -> None:
    blocks = _sh_blocks(_section("Quick start"))
    assert len(blocks) == 2
    assert all("\n" not in block for block in blocks)


def test_quick_start_main_command_runs_the_quickstart_example() -> None:
    main_job = _sh_blocks(_section("Quick start"))[0]
    assert main_job.startswith("apt-get update && apt-get install -y espeak-ng python3-venv")
    assert main_job.endswith(".venv/bin/python examples/quickstart.py")
    assert (ROOT / "examples" / "quickstart.py").is_file()


def test_quick_start_test_command_is_what_ci_runs() -> None:
    ci_last_line = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert _sh_blocks(_section("Quick start"))[1] == ci_last_line.strip()


def _cli_lines() -> list[list[str]]:
    lines = []
    for block in _sh_blocks(_section("Command line")):
        for line in block.splitlines():
            command = line.split("|")[-1].split(">")[0].strip()
            if command.startswith("newsbrief "):
                lines.append(shlex.split(command)[1:])
    return lines


@pytest.mark.parametrize("argv", _cli_lines(), ids=" ".join)
def test_readme_cli_lines_parse(argv: list[str]) -> None:
    args = cli.build_parser().parse_args(argv)
    assert args.command == argv[0]


def test_paths_named_in_readme_exist() -> None:
    named = set(re.findall(r"\b((?:examples|newsbrief|tests|benchmarks)/[\w./-]+\.\w+)", README))
    assert named
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []


def test_limits_in_readme_match_the_code() -> None:
    from newsbrief import ingest, model

    limits = _section("Limits")
    assert f"{ingest.MAX_INPUT_BYTES // (1024 * 1024)} MiB" in limits
    assert f"{model.MAX_ARTICLE_CHARS:,} characters" in limits
    assert f"at most {model.MAX_HEADLINE_CHARS} characters" in limits


def test_readme_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsbrief.speech
    from newsbrief.testing import FakeSpeechEngine

    real_speaker = newsbrief.speech.Speaker

    def fake_speaker(*args: Any, **kwargs: Any) -> Any:
        # The example as written, with a silent engine instead of eSpeak NG.
        kwargs["engine"] = FakeSpeechEngine()
        return real_speaker(*args, **kwargs)

    match = re.search(r"## Python\n\n```python\n(.*?)```", README, re.S)
    assert match is not None
    monkeypatch.setattr(newsbrief.speech, "Speaker", fake_speaker)
    (tmp_path / "examples").symlink_to(ROOT / "examples")  # paths as in a checkout
    monkeypatch.chdir(tmp_path)
    exec(compile(match.group(1), "README.md", "exec"), {"__name__": "readme_example"})
    out = capsys.readouterr().out
    assert "Lena Marsh - Finance Minister" in out
    assert (tmp_path / "briefing.wav").stat().st_size > 1000
