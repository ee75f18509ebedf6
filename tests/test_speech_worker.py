"""The pyttsx3 worker's defences, driven by a scripted fake pyttsx3 module.

A fake backend reproduces each measured failure of pyttsx3 on demand (a
marker word in the text picks it), so these tests run everywhere, without
eSpeak NG, and deterministically: files written after ``runAndWait``
returns, empty or silent output, a segfault, a hang, stdout noise.
"""

from __future__ import annotations

import os
import re
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsbrief.errors import SpeechBackendError, SpeechError, SpeechTimeoutError
from newsbrief.speech import Pyttsx3Engine, Speaker, rms

FAKE_BACKEND = r'''
import array, math, os, signal, sys, threading, time, wave

class _Voice:
    def __init__(self, id, name, languages):
        self.id, self.name, self.languages, self.gender = id, name, languages, "Male"

class Engine:
    def __init__(self):
        self.callbacks = {}
        self.props = {"rate": 200, "volume": 1.0, "voice": "gmw/en"}
        self.job = None
        self.attempts = {}

    def connect(self, topic, cb):
        self.callbacks.setdefault(topic, []).append(cb)

    def _notify(self, topic, **kw):
        for cb in self.callbacks.get(topic, []):
            cb(**kw)

    def setProperty(self, name, value):
        self.props[name] = value

    def getProperty(self, name):
        if name == "voices":
            return [_Voice("gmw/en", "English (Great Britain)", ["en-gb"]),
                    _Voice("gmw/de", "German", ["de"])]
        return self.props[name]

    def save_to_file(self, text, path):
        assert text
        log = os.environ.get("FAKE_PYTTSX3_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as f:
                f.write(repr(text) + "\n")
        self.job = (text, path)

    def say(self, text):
        self.job = (text, None)

    def _write(self, text, path):
        words = [w for w in text.split() if not w.startswith("\x01")]
        key = " ".join(words)
        self.attempts[key] = self.attempts.get(key, 0) + 1
        rate = int(self.props["rate"])
        frames = int(len(words) * 60 / rate * 22050)
        level = 0 if "SILENT" in text else 8000
        if "EMPTY" in text or ("FLAKY" in text and self.attempts[key] == 1):
            frames = 0
        stuck = os.environ.get("FAKE_PYTTSX3_STUCK")
        if "STUCK" in text and stuck:
            # The first process to meet this text stays stuck (no audio on
            # any attempt); the flag file lets a later process work.
            if not os.path.exists(stuck):
                open(stuck, "w").close()
                self.stuck = True
            if getattr(self, "stuck", False):
                frames = 0
        data = array.array("h", (int(level * math.sin(i / 5)) for i in range(frames)))
        with wave.open(path, "wb") as w:
            w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
            w.writeframes(data.tobytes())
        print(f"Audio saved to {path}")
        os.write(1, b"C-level noise\n")

    def runAndWait(self):
        text, path = self.job
        self.job = None
        if "SEGV" in text:
            os.kill(os.getpid(), signal.SIGSEGV)
        if "HANG" in text:
            return  # never finishes
        def finish():
            if path is not None:
                self._write(text, path)
            self._notify("finished-utterance", name=None, completed=True)
        if "LATE" in text:
            # Like the first runAndWait of a process: return before the file exists.
            threading.Timer(0.3, finish).start()
        else:
            finish()

def init(*args, **kwargs):
    return Engine()
'''


@pytest.fixture()
def fake_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Pyttsx3Engine]:
    folder = tmp_path / "backend"
    folder.mkdir()
    (folder / "fake_pyttsx3_scripted.py").write_text(FAKE_BACKEND)
    monkeypatch.syspath_prepend(str(folder))

    class Scripted(Pyttsx3Engine):
        module_name = "fake_pyttsx3_scripted"

    with Scripted(timeout=1.0) as engine:
        yield engine


def _out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir(exist_ok=True)
    return folder


def test_waits_for_files_written_after_run_and_wait_returns(
    fake_engine: Pyttsx3Engine, tmp_path: Path
) -> None:
    result = Speaker(engine=fake_engine).save(
        "The LATE ferry left the harbour at noon.", _out(tmp_path) / "late.wav"
    )
    assert result.duration_seconds > 2.0
    assert rms(result.path) > 1000


def test_empty_chunk_is_retried_then_accepted(fake_engine: Pyttsx3Engine, tmp_path: Path) -> None:
    result = Speaker(engine=fake_engine).save(
        "The FLAKY bridge reopened on Monday morning.", _out(tmp_path) / "flaky.wav"
    )
    assert result.duration_seconds > 2.0


def test_chunk_a_stuck_worker_cannot_voice_is_redone_by_a_new_worker(
    fake_engine: Pyttsx3Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "texts.log"
    monkeypatch.setenv("FAKE_PYTTSX3_STUCK", str(tmp_path / "stuck.flag"))
    monkeypatch.setenv("FAKE_PYTTSX3_LOG", str(log))
    first = fake_engine.pids
    result = Speaker(engine=fake_engine).save(
        "The STUCK lock gates were opened on Friday.", _out(tmp_path) / "stuck.wav"
    )
    assert result.duration_seconds > 2.0
    assert rms(result.path) > 1000
    # Three attempts in the stuck worker, one in its replacement.
    assert len([line for line in log.read_text().splitlines() if "STUCK" in line]) == 4
    assert fake_engine.pids and fake_engine.pids != first


@pytest.mark.parametrize(("marker", "problem"), [("EMPTY", "frames"), ("SILENT", "silent")])
def test_chunk_without_audio_is_an_error_and_leaves_no_file(
    fake_engine: Pyttsx3Engine, tmp_path: Path, marker: str, problem: str
) -> None:
    out = _out(tmp_path)
    with pytest.raises(SpeechError, match=problem):
        Speaker(engine=fake_engine).save(f"The {marker} council met on Tuesday.", out / "x.wav")
    assert list(out.iterdir()) == []


def test_segfault_in_the_engine_is_contained(fake_engine: Pyttsx3Engine, tmp_path: Path) -> None:
    out = _out(tmp_path)
    speaker = Speaker(engine=fake_engine)
    with pytest.raises(SpeechError, match="SIGSEGV"):
        speaker.save("The SEGV report was published.", out / "crash.wav")
    assert list(out.iterdir()) == []
    # The caller lives on, and the next call gets a new worker.
    assert speaker.save("The report was published.", out / "ok.wav").duration_seconds > 1.0


def test_hang_ends_in_a_timeout_naming_the_wait(
    fake_engine: Pyttsx3Engine, tmp_path: Path
) -> None:
    out = _out(tmp_path)
    with pytest.raises(SpeechTimeoutError, match="finished-utterance"):
        Speaker(engine=fake_engine).save("The HANG vote was close.", out / "hang.wav")
    assert list(out.iterdir()) == []
    assert Speaker(engine=fake_engine).save("It passed.", out / "ok.wav").frames > 0


def test_backend_stdout_noise_is_swallowed(
    fake_engine: Pyttsx3Engine, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    Speaker(engine=fake_engine).save("The museum reopened.", _out(tmp_path) / "a.wav")
    Speaker(engine=fake_engine).say("The museum reopened.")
    out, _ = capfd.readouterr()
    assert out == ""


def test_rate_reaches_every_utterance(fake_engine: Pyttsx3Engine, tmp_path: Path) -> None:
    text = "The tram line to the university will open in the spring of next year."
    slow = Speaker(engine=fake_engine, rate=100).save(text, _out(tmp_path) / "slow.wav")
    fast = Speaker(engine=fake_engine, rate=300).save(text, _out(tmp_path) / "fast.wav")
    assert slow.duration_seconds / fast.duration_seconds == pytest.approx(3.0, rel=0.05)


def test_embedded_commands_carry_rate_and_volume_in_band(
    fake_engine: Pyttsx3Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # eSpeak NG drops some setProperty('rate') changes, so the text the
    # backend receives starts with embedded commands (Ctrl-A, value, letter):
    # speed 250, amplitude 50; the caller's own control characters are gone.
    log = tmp_path / "received.txt"
    monkeypatch.setenv("FAKE_PYTTSX3_LOG", str(log))
    speaker = Speaker(engine=fake_engine, rate=250, volume=0.5)
    path = _out(tmp_path) / "a.wav"
    speaker.save("The mayor\x01 spoke.", path)
    assert log.read_text().splitlines() == [repr("\x01250S\x0150A The mayor spoke.")]
    with wave.open(str(path), "rb") as w:
        assert w.getnframes() == int(3 * 60 / 250 * 22050)


def test_worker_traceback_is_named_when_it_dies_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "fake_pyttsx3_broken.py").write_text(
        "import os, sys\nsys.stderr.write('BrokenBackend: cannot load voices\\n')\n"
        "sys.stderr.flush()\nos._exit(7)\n"
    )
    monkeypatch.syspath_prepend(str(folder))

    class Broken(Pyttsx3Engine):
        module_name = "fake_pyttsx3_broken"

    with Broken() as engine, pytest.raises(SpeechBackendError) as info:
        engine.voices()
    message = str(info.value)
    assert "exited with code 7" in message and "BrokenBackend" in message
    assert re.search(r"pid \d+", message)


def test_worker_processes_end_with_the_engine(fake_engine: Pyttsx3Engine) -> None:
    fake_engine.voices()
    pids = fake_engine.pids
    assert pids
    fake_engine.close()
    for pid in pids:
        with pytest.raises(OSError):
            os.kill(pid, 0)
    with pytest.raises(SpeechError, match="closed"):
        fake_engine.voices()
