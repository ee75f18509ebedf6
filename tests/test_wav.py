"""WAV reading, joining and atomic writing (standard library only)."""

from __future__ import annotations

import array
import errno
import math
import os
import wave
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.errors import OutputError, SpeechError
from newsbrief.speech.wav import (
    FRAME_RATE,
    PAUSE_SECONDS,
    AtomicFile,
    AtomicWaveWriter,
    read_info,
    rms,
    write_silent_wav,
)


def _tone(path: Path, seconds: float, amplitude: int = 8000, rate: int = FRAME_RATE) -> Path:
    count = int(seconds * rate)
    samples = array.array(
        "h", (int(amplitude * math.sin(2 * math.pi * 440 * i / rate)) for i in range(count))
    )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_read_info_reports_format_and_duration(tmp_path: Path) -> None:
    info = read_info(_tone(tmp_path / "a.wav", 0.5))
    assert (info.channels, info.sample_width, info.frame_rate) == (1, 2, FRAME_RATE)
    assert info.frames == FRAME_RATE // 2
    assert info.duration_seconds == pytest.approx(0.5)


def test_read_info_of_a_non_wav_file_is_a_speech_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not a wave file")
    with pytest.raises(SpeechError, match=r"bad\.wav"):
        read_info(bad)


def test_rms_tells_a_tone_from_silence(tmp_path: Path) -> None:
    tone = rms(_tone(tmp_path / "tone.wav", 0.2, amplitude=8000))
    assert tone == pytest.approx(8000 / math.sqrt(2), rel=0.02)
    silent = write_silent_wav(tmp_path / "silent.wav", 0.2)
    assert rms(silent) == 0.0
    assert rms(tmp_path / "tone.wav", max_samples=100) == pytest.approx(tone, rel=0.1)


def test_silent_wav_has_the_requested_length(tmp_path: Path) -> None:
    info = read_info(write_silent_wav(tmp_path / "s.wav", 1.25))
    assert info.frames == round(1.25 * FRAME_RATE)
    assert _leftovers(tmp_path) == ["s.wav"]


def test_join_with_pauses_adds_exact_silence(tmp_path: Path) -> None:
    a = _tone(tmp_path / "a.wav", 0.3)
    b = _tone(tmp_path / "b.wav", 0.2)
    with AtomicWaveWriter(tmp_path / "out.wav") as out:
        out.copy_from(a)
        out.write_silence(PAUSE_SECONDS["story"])
        out.copy_from(b)
        out.commit()
    info = read_info(tmp_path / "out.wav")
    expected = round(0.3 * FRAME_RATE) + round(PAUSE_SECONDS["story"] * FRAME_RATE) + round(
        0.2 * FRAME_RATE
    )
    assert info.frames == expected


def test_pauses_grow_from_sentence_to_story() -> None:
    assert PAUSE_SECONDS["sentence"] < PAUSE_SECONDS["section"] < PAUSE_SECONDS["story"]


def test_joining_another_format_is_refused(tmp_path: Path) -> None:
    other = _tone(tmp_path / "other.wav", 0.1, rate=16000)
    with AtomicWaveWriter(tmp_path / "out.wav") as out, pytest.raises(SpeechError, match="format"):
        out.copy_from(other)
    assert _leftovers(tmp_path) == ["other.wav"]


def test_uncommitted_writer_leaves_nothing(tmp_path: Path) -> None:
    with AtomicWaveWriter(tmp_path / "out.wav") as out:
        out.write_silence(0.1)
    assert _leftovers(tmp_path) == []


def test_keyboard_interrupt_while_writing_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), AtomicWaveWriter(tmp_path / "out.wav") as out:
        out.write_silence(0.1)
        raise KeyboardInterrupt
    assert _leftovers(tmp_path) == []


def test_commit_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.wav"
    target.write_bytes(b"old")
    write_silent_wav(target, 0.1)
    assert read_info(target).frames == round(0.1 * FRAME_RATE)
    assert _leftovers(tmp_path) == ["out.wav"]


def test_missing_folder_is_an_output_error_naming_the_path(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.wav"
    with pytest.raises(OutputError, match="missing"):
        write_silent_wav(target, 0.1)


def test_read_only_folder_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root ignores permissions: refuse like a read-only mount
            from newsbrief import _atomic

            def refuse(*args: object, **kwargs: object) -> None:
                raise PermissionError(errno.EROFS, "Read-only file system")

            # The temporary file is made by the module's open().
            monkeypatch.setattr(_atomic, "open", refuse, raising=False)
        with pytest.raises(OutputError, match="ro"):
            write_silent_wav(folder / "out.wav", 0.1)
    finally:
        folder.chmod(0o700)
    assert _leftovers(folder) == []


def test_full_disk_is_an_output_error_and_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = wave.Wave_write.writeframesraw

    def fill_up(self: wave.Wave_write, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, data)

    monkeypatch.setattr(wave.Wave_write, "writeframesraw", fill_up)
    with pytest.raises(OutputError, match="No space left"):
        write_silent_wav(tmp_path / "out.wav", 10.0)
    assert _leftovers(tmp_path) == []


def test_atomic_file_gets_an_ordinary_mode(tmp_path: Path) -> None:
    with AtomicFile(tmp_path / "x.json") as f:
        f.write(b"{}")
        f.commit()
    assert (tmp_path / "x.json").stat().st_mode & 0o777 == 0o644


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(min_value=0.0, max_value=0.05), min_size=1, max_size=5))
def test_silence_lengths_add_up(
    tmp_path_factory: pytest.TempPathFactory, pauses: list[float]
) -> None:
    folder = tmp_path_factory.mktemp("join")
    with AtomicWaveWriter(folder / "out.wav") as out:
        for pause in pauses:
            out.write_silence(pause)
        info = out.verify()
        out.commit()
    assert info.frames == sum(round(p * FRAME_RATE) for p in pauses)
    assert read_info(folder / "out.wav").frames == info.frames
