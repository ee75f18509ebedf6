"""Helpers for testing code that uses newsbrief, without a speech backend.

:class:`FakeSpeechEngine` stands in for :class:`newsbrief.speech.Pyttsx3Engine`:
it writes real, valid WAV files (22,050 Hz, mono, 16-bit, silent) as long as
the text would take to say at the requested rate (see
:func:`newsbrief.timing.estimate_seconds`), and records every call::

    from newsbrief.speech import Speaker
    from newsbrief.testing import FakeSpeechEngine

    engine = FakeSpeechEngine()
    result = Speaker(engine=engine).save("Hello there. Goodbye.", tmp_path / "out.wav")
    assert engine.texts == ("Hello there. Goodbye.",)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import attrs

from newsbrief.errors import SpeechError
from newsbrief.speech.engine import Voice
from newsbrief.speech.wav import FRAME_RATE, write_silent_wav
from newsbrief.timing import DEFAULT_WPM, estimate_seconds

__all__ = ["DEFAULT_FAKE_VOICES", "FakeCall", "FakeSpeechEngine"]

#: The voices a :class:`FakeSpeechEngine` offers unless told otherwise
#: (ids as eSpeak NG names them).
DEFAULT_FAKE_VOICES: tuple[Voice, ...] = (
    Voice("gmw/en", "English (Great Britain)", ("en-gb",), "male"),
    Voice("gmw/en-us", "English (America)", ("en-us",), "male"),
    Voice("gmw/de", "German", ("de",), "male"),
    Voice("roa/fr", "French", ("fr-fr",), "male"),
    Voice("roa/es", "Spanish (Spain)", ("es",), "male"),
    Voice("zle/ru", "Russian", ("ru",), "male"),
)


@attrs.frozen(slots=True)
class FakeCall:
    """One call made to a :class:`FakeSpeechEngine`.

    Attributes:
        op: "synthesize" or "say".
        text: The text given.
        voice: The voice id given (None: default).
        rate: Words per minute.
        volume: 0.0 to 1.0.
        seconds: The length of audio produced (or that would be played).
        path: The file written ("synthesize" only).
    """

    op: str
    text: str
    voice: str | None
    rate: float
    volume: float
    seconds: float
    path: Path | None = None


class FakeSpeechEngine:
    """A speech engine for tests: silent but valid WAV files of the right length.

    Thread-safe. Implements :class:`newsbrief.speech.SpeechEngine`.

    Args:
        voices: The voices to offer (default :data:`DEFAULT_FAKE_VOICES`).
        frame_rate: Frames per second of the files written.
        fail_after: Raise :class:`~newsbrief.SpeechError` on the call after
            this many successful ones (to test error handling); None never fails.
    """

    def __init__(
        self,
        *,
        voices: Sequence[Voice] = DEFAULT_FAKE_VOICES,
        frame_rate: int = FRAME_RATE,
        fail_after: int | None = None,
    ) -> None:
        self._voices = tuple(voices)
        self.frame_rate = frame_rate
        self.fail_after = fail_after
        self._calls: list[FakeCall] = []
        self._lock = threading.Lock()
        self.closed = False

    def __repr__(self) -> str:
        return f"FakeSpeechEngine(calls={len(self._calls)}, closed={self.closed})"

    @property
    def calls(self) -> tuple[FakeCall, ...]:
        """Every call so far, in order."""
        with self._lock:
            return tuple(self._calls)

    @property
    def texts(self) -> tuple[str, ...]:
        """The texts of every call so far."""
        return tuple(call.text for call in self.calls)

    def reset(self) -> None:
        """Forget the recorded calls."""
        with self._lock:
            self._calls.clear()

    def voices(self) -> tuple[Voice, ...]:
        """The fake voices."""
        return self._voices

    def _record(self, call: FakeCall) -> None:
        with self._lock:
            if self.closed:
                raise SpeechError("the fake speech engine is closed")
            if self.fail_after is not None and len(self._calls) >= self.fail_after:
                raise SpeechError(f"fake failure after {self.fail_after} calls")
            self._calls.append(call)

    @staticmethod
    def _check(text: str, rate: float, volume: float) -> float:
        if not text or not text.strip():
            raise ValueError("there is nothing to say: the text is empty")
        if rate <= 0 or not 0.0 <= volume <= 1.0:
            raise ValueError(f"bad rate {rate} or volume {volume}")
        return estimate_seconds(len(text.split()), rate)

    def synthesize(
        self,
        text: str,
        path: str | os.PathLike[str],
        *,
        voice: str | None = None,
        rate: float = DEFAULT_WPM,
        volume: float = 1.0,
    ) -> None:
        """Write a silent WAV file as long as ``text`` takes to say at ``rate``."""
        seconds = self._check(text, rate, volume)
        self._record(FakeCall("synthesize", text, voice, rate, volume, seconds, Path(path)))
        write_silent_wav(path, seconds, frame_rate=self.frame_rate)

    def say(
        self,
        text: str,
        *,
        voice: str | None = None,
        rate: float = DEFAULT_WPM,
        volume: float = 1.0,
    ) -> None:
        """Record the call (nothing is played)."""
        seconds = self._check(text, rate, volume)
        self._record(FakeCall("say", text, voice, rate, volume, seconds))

    def close(self) -> None:
        """Mark the engine closed; later calls raise SpeechError."""
        with self._lock:
            self.closed = True
