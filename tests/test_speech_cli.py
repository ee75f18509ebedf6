"""``newsbrief speak`` and ``newsbrief voices``."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest

from newsbrief.cli import main
from tests.test_cli import default_sigint
from tests.test_speech import STORY, needs_backend


@pytest.fixture()
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@needs_backend
def test_speak_writes_a_wav_file(
    story_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "briefing.wav"
    assert main(["speak", str(story_file), "--out", str(out), "--rate", "220"]) == 0
    with wave.open(str(out), "rb") as w:
        assert w.getnframes() / w.getframerate() > 10
    printed = capsys.readouterr().out
    assert printed.startswith(f"wrote {out} (") and "Audio saved" not in printed


@needs_backend
def test_speak_with_chapters_writes_sidecars(story_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.wav"
    assert main(["speak", str(story_file), "--out", str(out), "--chapters"]) == 0
    chapters = json.loads((tmp_path / "b.chapters.json").read_text())
    assert chapters["file"] == "b.wav" and chapters["chapters"]
    assert (tmp_path / "b.cue").read_text().startswith("REM")


@needs_backend
def test_voices_lists_english_voices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voices", "--language", "en", "--format", "json"]) == 0
    voices = json.loads(capsys.readouterr().out)
    assert voices and all(any(x.startswith("en") for x in v["languages"]) for v in voices)


def test_speak_into_a_missing_folder_fails_cleanly(
    story_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["speak", str(story_file), "--out", str(tmp_path / "no" / "x.wav")])
    assert status == 1
    assert "folder does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--rate", "5"], ["--volume", "2"], ["--seconds", "-1"]])
def test_speak_rejects_bad_options(story_file: Path, option: list[str]) -> None:
    assert main(["speak", str(story_file), *option]) == 2


def test_chapters_need_an_output_file(
    story_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["speak", str(story_file), "--chapters"]) == 1
    assert "--out" in capsys.readouterr().err


@needs_backend
def test_ctrl_c_during_synthesis_exits_130_and_leaves_no_file(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    stories = tmp_path / "stories"
    stories.mkdir()
    for i in range(30):  # thirty briefings in a row: long enough to interrupt
        (stories / f"{i:02d}.txt").write_text(STORY, encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, TMPDIR=str(temp))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "speak", str(stories), "--out", str(out / "x.wav")],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )
    deadline = time.monotonic() + 60
    # Interrupt once the first chunks exist: synthesis is under way.
    while time.monotonic() < deadline and not list(temp.glob("newsbrief-speech-*/*.wav")):
        time.sleep(0.02)
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert "wrote" not in stdout
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    assert list(out.iterdir()) == []
    assert list(temp.iterdir()) == []
