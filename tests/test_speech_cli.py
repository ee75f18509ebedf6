"""``newsbrief speak`` and ``newsbrief voices``."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest

from newsbrief.cli import main
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
