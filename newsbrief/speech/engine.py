"""The speech-engine interface and voice selection.

An engine turns plain text into a WAV file and lists its voices; anything
with these methods can drive a :class:`~newsbrief.speech.Speaker` (see
:class:`~newsbrief.speech.Pyttsx3Engine` and, for tests,
:class:`newsbrief.testing.FakeSpeechEngine`).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import attrs

from newsbrief.errors import UnknownNameError

__all__ = [
    "BatchSpeechEngine",
    "SpeechEngine",
    "Voice",
    "find_voice",
    "voice_for_language",
]


def _str_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if value is None:
        return ()
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


@attrs.frozen(slots=True)
class Voice:
    """A voice an engine offers.

    Attributes:
        id: The engine's identifier ("gmw/en-us").
        name: A readable name ("English (America)").
        languages: BCP 47 codes it speaks, lower case ("en-us").
        gender: "male", "female" or None when unknown.
    """

    id: str
    name: str = ""
    languages: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    gender: str | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "id": self.id,
            "name": self.name,
            "languages": list(self.languages),
            "gender": self.gender,
        }


@runtime_checkable
class SpeechEngine(Protocol):
    """What a :class:`~newsbrief.speech.Speaker` needs from a speech engine.

    Implementations receive plain text that is already clean and short (at
    most a few thousand characters); they must be safe to call from one
    thread at a time (the speaker serialises calls per engine).
    """

    def voices(self) -> tuple[Voice, ...]:
        """The voices the engine offers."""
        ...

    def synthesize(
        self,
        text: str,
        path: str | os.PathLike[str],
        *,
        voice: str | None = None,
        rate: float = 175.0,
        volume: float = 1.0,
    ) -> None:
        """Write ``text`` spoken as a PCM WAV file at ``path``.

        Args:
            text: Non-empty plain text.
            path: Where to write the WAV file (a temporary path; the speaker
                checks, joins and moves the audio).
            voice: A voice id from :meth:`voices`, or None for the default.
            rate: Words per minute.
            volume: 0.0 to 1.0.
        """
        ...

    def say(
        self, text: str, *, voice: str | None = None, rate: float = 175.0, volume: float = 1.0
    ) -> None:
        """Speak ``text`` through the sound output; return when done."""
        ...

    def close(self) -> None:
        """Release the engine's resources (processes, devices)."""
        ...


@runtime_checkable
class BatchSpeechEngine(SpeechEngine, Protocol):
    """An engine that synthesises many chunks in one call (faster, in parallel)."""

    def synthesize_many(
        self,
        texts: Sequence[str],
        paths: Sequence[str | os.PathLike[str]],
        *,
        voice: str | None = None,
        rate: float = 175.0,
        volume: float = 1.0,
        on_done: Callable[[int], None] | None = None,
    ) -> None:
        """Write ``texts[i]`` to ``paths[i]``; call ``on_done(i)`` as each finishes."""
        ...


def _norm(text: str) -> str:
    return text.strip().lower().replace("_", "-")


def voice_for_language(voices: Sequence[Voice], language: str) -> Voice | None:
    """The best voice for a BCP 47 language code, or None.

    Preference: a voice whose languages include the code exactly; then one
    whose id ends with the code ("gmw/en" for "en"); then one for a regional
    variant ("en-gb" for "en"); then one for the base language ("de" for
    "de-at"). Ties keep the engine's order.
    """
    code = _norm(language)
    if not code:
        return None
    base = code.split("-")[0]
    tests: tuple[Callable[[Voice], bool], ...] = (
        lambda v: code in (_norm(x) for x in v.languages),
        lambda v: _norm(v.id).rsplit("/", 1)[-1] == code,
        lambda v: any(_norm(x).startswith(code + "-") for x in v.languages),
        lambda v: base in (_norm(x) for x in v.languages)
        or _norm(v.id).rsplit("/", 1)[-1] == base,
        lambda v: any(_norm(x).split("-")[0] == base for x in v.languages),
    )
    for test in tests:
        for voice in voices:
            if test(voice):
                return voice
    return None


def find_voice(voices: Sequence[Voice], spec: str) -> Voice:
    """Find a voice by id, name or language code (case-insensitive).

    Raises:
        UnknownNameError: No voice matches; the message lists close matches.
    """
    wanted = _norm(spec)
    for voice in voices:
        if _norm(voice.id) == wanted:
            return voice
    for voice in voices:
        if _norm(voice.name) == wanted:
            return voice
    by_language = voice_for_language(voices, spec) if wanted else None
    if by_language is not None and "/" not in wanted:
        return by_language
    names = sorted({v.id for v in voices} | {v.name for v in voices})
    close = difflib.get_close_matches(spec, names, n=5, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(wanted, [_norm(n) for n in names], n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownNameError(
        f"unknown voice {spec!r}{hint} (`newsbrief voices` lists all {len(voices)})"
    )
