"""Speech: turn briefings, digests, summaries and text into verified audio.

:class:`Speaker` is the front (``say``, ``save`` with chapters and per-story
files); :class:`Pyttsx3Engine` runs pyttsx3 (eSpeak NG) in worker processes so
that its crashes, hangs and stdout noise never reach the caller;
:class:`SpeechEngine` is the interface any engine implements (see
:class:`newsbrief.testing.FakeSpeechEngine` for tests). pyttsx3 itself is
imported only inside the worker process, and only when speech is used.
"""

from __future__ import annotations

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
