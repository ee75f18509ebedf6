"""The pyttsx3 worker process: one pyttsx3 engine, driven over a pipe.

This file is run as a script in a fresh interpreter (``python -I -S
_worker.py CONFIG``) by :class:`newsbrief.speech.pyttsx3_engine.Pyttsx3Engine`.
It imports only the standard library and pyttsx3 (never newsbrief), so the
worker starts in a few tens of milliseconds, and a crash or hang of the
engine (segfault in eSpeak NG, lost events) cannot take the user's program
down.

Protocol: one JSON object per line. Requests arrive on stdin; replies go to
the pipe that was fd 1 when the process started. fd 1 itself is pointed at
``/dev/null`` before pyttsx3 is imported, because the eSpeak driver prints
``Audio saved to ...`` on every save and shells out to ``aplay`` for
playback; none of that may reach the user's stdout.

Every utterance follows the measured recipe (see the pyttsx3 notes in the
repository's docs): properties set right before each utterance and tracked
here (``getProperty('rate')`` is unreliable), exactly one ``save_to_file`` or
``say`` per ``runAndWait``, then wait for the ``finished-utterance`` event and
for ``IsPlaying()`` to drop to 0, then check the file holds non-silent audio;
an empty or silent result is retried.
"""

from __future__ import annotations

import array
import contextlib
import json
import operator
import os
import signal
import sys
import threading
import time
import wave
from typing import Any

#: Replies sent before the engine is up.
_READY = "ready"
#: How often the completion wait polls the driver.
_POLL_SECONDS = 0.001
#: Attempts per chunk before giving up (an empty WAV happens about once in
#: a few hundred utterances with pyttsx3 2.99).
_ATTEMPTS = 3
#: Samples whose absolute value stays below this are silence.
_SILENCE_LEVEL = 64
#: Samples looked at for the silence check.
_RMS_SAMPLES = 4000
_ESPEAK_MISSING = "apt-get install libespeak-ng1"


class _ChunkError(Exception):
    """A chunk failed in a way a retry may fix."""


class _TimeoutError(Exception):
    """A wait ran out of time: the engine is stuck; the worker must go."""


def _send(out: Any, message: dict[str, Any]) -> None:
    out.write(json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n")
    out.flush()


def _wav_stats(path: str) -> tuple[int, int, int, int, float]:
    """Return (channels, sample width, frame rate, frames, rms of a sample)."""
    with wave.open(path, "rb") as w:
        channels, width, rate, frames = (
            w.getnchannels(),
            w.getsampwidth(),
            w.getframerate(),
            w.getnframes(),
        )
        data = w.readframes(frames)
    if width != 2 or not data:
        return channels, width, rate, frames, 0.0
    samples = array.array("h")
    samples.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    # A strided sample is plenty to tell speech from silence and keeps the
    # check cheap for long chunks.
    step = max(1, len(samples) // _RMS_SAMPLES)
    picked = samples[::step]
    total = sum(map(operator.mul, picked, picked))
    rms = (total / len(picked)) ** 0.5 if picked else 0.0
    return channels, width, rate, frames, rms


class _QuickTime:
    """The ``time`` module with sleeps capped at 1 ms.

    pyttsx3's eSpeak run loop sleeps 10 ms between checks, so every
    utterance ends up to 10 ms after eSpeak NG finished; over hundreds of
    chunks that is a tenth of the wall time (measured), for no CPU saved.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(min(seconds, 0.001))


def _shorten_driver_sleep() -> None:
    driver = sys.modules.get("pyttsx3.drivers.espeak")
    if driver is not None and getattr(driver, "time", None) is time:
        setattr(driver, "time", _QuickTime())  # noqa: B010 - a module attribute


class _Engine:
    """One pyttsx3 engine with the waits and checks pyttsx3 needs."""

    def __init__(self, module_name: str) -> None:
        import importlib

        self.pyttsx3 = importlib.import_module(module_name)
        # Keep a strong reference for the life of the process: pyttsx3 keeps
        # engines in a weak dictionary, and an engine collected mid-synthesis
        # truncates its file.
        self.engine = self.pyttsx3.init()
        _shorten_driver_sleep()
        try:
            espeak = importlib.import_module(f"{module_name}.drivers._espeak")
            self.is_playing: Any = espeak.IsPlaying
        except ImportError:
            self.is_playing = lambda: 0
        # Only eSpeak NG understands embedded commands.
        self.embedded_commands = "espeak" in str(getattr(self.engine, "driver_name", "espeak"))
        self.finished = 0
        self.errors: list[str] = []
        self.cond = threading.Condition()
        self.engine.connect("finished-utterance", self._on_finished)
        self.engine.connect("error", self._on_error)

    def _on_finished(self, name: object = None, completed: object = True) -> None:
        with self.cond:
            self.finished += 1
            self.cond.notify_all()

    def _on_error(self, name: object = None, exception: object = None) -> None:
        with self.cond:
            self.errors.append(repr(exception))

    def voices(self) -> list[dict[str, Any]]:
        result = []
        for v in self.engine.getProperty("voices"):
            languages = []
            for lang in getattr(v, "languages", None) or ():
                if isinstance(lang, bytes):
                    lang = lang.decode("utf-8", "replace")
                languages.append(str(lang).strip("\x00 ").lower())
            gender = getattr(v, "gender", None)
            result.append(
                {
                    "id": str(v.id),
                    "name": str(getattr(v, "name", "") or v.id),
                    "languages": [x for x in languages if x],
                    "gender": None if gender is None else str(gender).lower(),
                }
            )
        return result

    def _configure(self, request: dict[str, Any]) -> str:
        """Set voice, rate and volume for the next utterance; return its text.

        Every property is set before every utterance (the driver's getters
        cannot be trusted to tell which value is active). eSpeak NG still
        drops a rate change now and then (in its asynchronous mode the first
        parameter command after an utterance can be lost, measured: 4 of 5
        changes ignored), so rate and volume also travel in-band, as eSpeak
        NG embedded commands (Ctrl-A, value, letter) at the start of the
        text, which apply to exactly this utterance. The text itself never
        holds control characters (the caller removes them).
        """
        voice = request.get("voice")
        if voice:
            self.engine.setProperty("voice", voice)
        rate = int(request["rate"])
        volume = float(request["volume"])
        self.engine.setProperty("rate", rate)
        self.engine.setProperty("volume", volume)
        text = str(request["text"])
        if self.embedded_commands:
            amplitude = max(0, min(200, round(volume * 100)))
            text = f"\x01{rate}S\x01{amplitude}A {text}"
        return text

    def _run(self, deadline: float) -> None:
        before = self.finished
        del self.errors[:]
        self.engine.runAndWait()
        with self.cond:
            # runAndWait can return before the utterance even started.
            while self.finished == before:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise _TimeoutError("no finished-utterance event from pyttsx3")
                self.cond.wait(min(remaining, 0.05))
        while self.is_playing():
            if time.monotonic() > deadline:
                raise _TimeoutError("eSpeak NG still busy (IsPlaying) after the utterance ended")
            time.sleep(_POLL_SECONDS)
        if self.errors:
            raise _ChunkError("pyttsx3 reported " + "; ".join(self.errors))

    def save(self, request: dict[str, Any]) -> dict[str, Any]:
        path = request["path"]
        deadline = time.monotonic() + float(request["timeout"])
        min_frames = int(request.get("min_frames", 1))
        problem = ""
        for attempt in range(1, _ATTEMPTS + 1):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)  # noqa: PTH108 - plain str paths, stdlib only
            self.engine.save_to_file(self._configure(request), path)
            try:
                self._run(deadline)
                # The driver writes the file from its callback thread just
                # before the event; wait briefly for it to appear.
                while not os.path.exists(path):  # noqa: PTH110
                    if time.monotonic() > deadline:
                        raise _ChunkError("the engine reported success but wrote no file")
                    time.sleep(_POLL_SECONDS)
                channels, width, rate, frames, rms = _wav_stats(path)
            except (_ChunkError, wave.Error, EOFError) as exc:
                problem = str(exc) or type(exc).__name__
                continue
            if frames < max(1, min_frames):
                problem = f"only {frames} frames of audio (expected at least {min_frames})"
                continue
            if rms < _SILENCE_LEVEL:
                problem = f"the audio is silent (rms {rms:.1f})"
                continue
            return {
                "ok": True,
                "frames": frames,
                "rate": rate,
                "channels": channels,
                "width": width,
                "rms": rms,
                "attempts": attempt,
            }
        return {"ok": False, "kind": "chunk", "message": f"{problem} after {_ATTEMPTS} attempts"}

    def say(self, request: dict[str, Any]) -> dict[str, Any]:
        deadline = time.monotonic() + float(request["timeout"])
        # A say() after a save_to_file() would overwrite the last saved file
        # (the driver keeps its target): forget it first.
        driver = getattr(getattr(self.engine, "proxy", None), "_driver", None)
        if driver is not None and hasattr(driver, "_save_file"):
            driver._save_file = None
        self.engine.say(self._configure(request))
        try:
            self._run(deadline)
        except _ChunkError as exc:
            return {"ok": False, "kind": "chunk", "message": str(exc)}
        return {"ok": True}


def _serve(config: dict[str, Any], out: Any) -> int:
    try:
        engine = _Engine(str(config.get("module") or "pyttsx3"))
    except ImportError as exc:
        _send(out, {"ready": False, "kind": "import", "message": str(exc)})
        return 3
    except (RuntimeError, OSError, ValueError) as exc:
        text = str(exc)
        kind = "espeak" if ("espeak" in text.lower() or isinstance(exc, OSError)) else "init"
        _send(out, {"ready": False, "kind": kind, "message": f"{type(exc).__name__}: {text}"})
        return 4
    _send(out, {"ready": True, "pid": os.getpid()})
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            return 0
        try:
            request = json.loads(line)
            op = request["op"]
            if op == "exit":
                return 0
            if op == "voices":
                reply: dict[str, Any] = {"ok": True, "voices": engine.voices()}
            elif op == "save":
                reply = engine.save(request)
            elif op == "say":
                reply = engine.say(request)
            else:
                reply = {"ok": False, "kind": "protocol", "message": f"unknown op {op!r}"}
        except _TimeoutError as exc:
            _send(out, {"ok": False, "kind": "timeout", "message": str(exc), "id": None})
            return 5
        except Exception as exc:  # the reply names it; the parent raises SpeechError
            reply = {"ok": False, "kind": "error", "message": f"{type(exc).__name__}: {exc}"}
        reply["id"] = request.get("id") if isinstance(request, dict) else None
        _send(out, reply)


def main(argv: list[str]) -> int:
    """Run the worker; ``argv[1]`` is a JSON config (``path``, ``module``)."""
    config = json.loads(argv[1]) if len(argv) > 1 else {}
    # Ctrl-C in a terminal reaches the whole process group; the parent
    # decides what an interruption means and stops this worker itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for entry in reversed(config.get("path") or []):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    # Replies go to the original stdout pipe; fd 1 becomes /dev/null so that
    # nothing printed by pyttsx3, eSpeak NG or aplay reaches the user.
    reply_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - lives as long as the process
    out = os.fdopen(reply_fd, "wb", buffering=0)
    try:
        return _serve(config, out)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
