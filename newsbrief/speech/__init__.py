"""Speech: turn briefings, digests, summaries and text into verified audio.

:class:`Speaker` is the front (``say``, ``save`` with chapters and per-story
files); :class:`Pyttsx3Engine` runs pyttsx3 (eSpeak NG) in worker processes so
that its crashes, hangs and stdout noise never reach the caller;
:class:`SpeechEngine` is the interface any engine implements (see
:class:`newsbrief.testing.FakeSpeechEngine` for tests). pyttsx3 itself is
imported only inside the worker process, and only when speech is used; the
names below load on first access.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from newsbrief.speech.engine import BatchSpeechEngine, SpeechEngine, Voice
    from newsbrief.speech.pyttsx3_engine import Pyttsx3Engine
    from newsbrief.speech.script import PAUSES, Part, Plan, clean_for_speech
    from newsbrief.speech.speaker import Chapter, Speaker, SpeechResult, safe_filename
    from newsbrief.speech.wav import PAUSE_SECONDS, WavInfo, read_info, rms

__all__ = [
    "PAUSES",
    "PAUSE_SECONDS",
    "BatchSpeechEngine",
    "Chapter",
    "Part",
    "Plan",
    "Pyttsx3Engine",
    "Speaker",
    "SpeechEngine",
    "SpeechResult",
    "Voice",
    "WavInfo",
    "clean_for_speech",
    "read_info",
    "rms",
    "safe_filename",
]

_WHERE = {
    "BatchSpeechEngine": "engine",
    "SpeechEngine": "engine",
    "Voice": "engine",
    "Pyttsx3Engine": "pyttsx3_engine",
    "PAUSES": "script",
    "Part": "script",
    "Plan": "script",
    "clean_for_speech": "script",
    "Chapter": "speaker",
    "Speaker": "speaker",
    "SpeechResult": "speaker",
    "safe_filename": "speaker",
    "PAUSE_SECONDS": "wav",
    "WavInfo": "wav",
    "read_info": "wav",
    "rms": "wav",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'newsbrief.speech' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"newsbrief.speech.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
