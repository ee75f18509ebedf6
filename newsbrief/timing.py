"""Speaking-time estimates shared by summaries, briefings, digests and speech.

The estimate is calibrated against eSpeak NG through pyttsx3: its effective
words per minute track the ``rate`` property closely (rate 200 -> about 204
wpm), and each sentence adds a short pause.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "DEFAULT_WPM",
    "PAUSE_SECONDS",
    "ScriptFeatures",
    "estimate_script_seconds",
    "estimate_seconds",
    "script_features",
    "script_seconds",
    "words_for_seconds",
]

#: Default speaking rate in words per minute (also the default engine rate).
DEFAULT_WPM = 175.0


def estimate_seconds(words: int, wpm: float = DEFAULT_WPM) -> float:
    """Seconds needed to speak ``words`` words at ``wpm`` words per minute."""
    if wpm <= 0:
        raise ValueError(f"wpm must be positive, got {wpm}")
    return words * 60.0 / wpm


def words_for_seconds(seconds: float, wpm: float = DEFAULT_WPM) -> int:
    """How many words fit in ``seconds`` at ``wpm`` words per minute."""
    if wpm <= 0:
        raise ValueError(f"wpm must be positive, got {wpm}")
    return int(seconds * wpm / 60.0)


# -- speech scripts -------------------------------------------------------------
#
# Constants of estimate_script_seconds, fitted by scripts/calibrate_timing.py
# against espeak-ng audio (450 speech scripts of BBC dev articles, 1 to 10
# sentences, at rates 150, 175 and 220; mean error 2.2%, worst 7%): seconds at
# the reference rate per letter, per word, per sentence end and per comma,
# semicolon or colon. Letters predict better than words or syllables: eSpeak's
# "words per minute" are words of about five letters.
_REFERENCE_WPM = 175.0
_PER_LETTER = 0.0482
_PER_WORD = 0.0719
_PER_STOP = 0.322
_PER_COMMA = 0.2594

#: Silence after a script part (see ``newsbrief.render.ScriptPart.pause``), in
#: seconds, on top of the engine's own pause at a sentence end. A speech
#: backend that joins per-part audio inserts these; eSpeak itself pauses about
#: 0.25 s longer at a blank line than at a sentence end.
PAUSE_SECONDS = {"sentence": 0.0, "section": 0.5, "story": 1.0}

# Letters are counted as what is left when everything else is removed: one
# C-level pass, not a list of one-letter strings.
_NOT_LETTER = re.compile(r"[\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_STOP = re.compile(r"[.!?]+(?=\s|$)")


class ScriptFeatures(NamedTuple):
    """What the duration of a speech script depends on."""

    letters: int
    words: int
    stops: int
    commas: int


def script_features(text: str) -> ScriptFeatures:
    """Count letters, words, sentence ends and commas of a speech script.

    Hyphenated words count each part ("C-I-A" is three words: an engine says
    three letter names). The end of a text counts as a sentence end.
    """
    if text.isascii():
        data = text.encode()
        classes = data.translate(_ASCII_LETTER_CLASSES)
        # Printable ASCII has no control bytes (a C scan, no Unicode lookups).
        if b"\x00" not in classes:
            return _ascii_features(text, data, classes)
    commas = text.count(",") + text.count(";") + text.count(":")
    stops = len(_STOP.findall(text))
    if text.strip() and not text.rstrip().endswith((".", "!", "?")):
        stops += 1  # the engine stops at the end of the text all the same
    return ScriptFeatures(
        letters=len(_NOT_LETTER.sub("", text)),
        words=len(_WORD.findall(text)),
        stops=stops,
        commas=commas,
    )


def _ascii_features(text: str, data: bytes, classes: bytes) -> ScriptFeatures:
    """:func:`script_features` of printable ASCII text, counted in C.

    ``data`` is the text's bytes, ``classes`` their :data:`_ASCII_LETTER_CLASSES`.
    Its only white space is the space. Letters are ASCII letters; a word is a
    run of letters, and an apostrophe between two letters joins two runs into
    one word; a sentence end is a run of ``.!?`` before a space or at the end.
    """
    # Letters are "a", all else a space: a run of letters starts at the
    # text's start or after a space (counted, not split into a list).
    letters = classes.count(b"a")
    words = classes.count(b" a") + classes.startswith(b"a")
    if "'" in text:
        words -= len(_JOINING_APOSTROPHE.findall(text))
    # ",;:" are ",", ".!?" are "." and the space stays: one count each.
    marks = data.translate(_ASCII_MARK_CLASSES)
    stops = marks.count(b". ")
    if marks.endswith(b"."):
        stops += 1  # a stop before trailing spaces was counted above
    elif marks.rstrip(b" ") and not marks.rstrip(b" ").endswith(b"."):
        stops += 1  # the engine stops at the end of the text all the same
    return ScriptFeatures(letters, words, stops, marks.count(b","))


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Letters "a", control bytes NUL, all else a space.
_ASCII_LETTER_CLASSES = bytes(
    97 if c in _ASCII_LETTERS else 0 if c < 32 or c == 127 else 32 for c in range(256)
)
_ASCII_MARK_CLASSES = bytes(
    44 if c in b",;:" else 46 if c in b".!?" else 32 if c == 32 else 120 for c in range(256)
)
# An apostrophe with a letter on each side (it opens with the literal: fast).
_JOINING_APOSTROPHE = re.compile(r"'(?<=[A-Za-z]')(?=[A-Za-z])")


def script_seconds(features: ScriptFeatures, wpm: float = DEFAULT_WPM) -> float:
    """Seconds for a speech script with ``features`` at ``wpm``.

    The same estimate as :func:`estimate_script_seconds` for callers that
    already counted the features (a briefing measures each part once).

    Raises:
        ValueError: ``wpm`` is not positive.
    """
    if wpm <= 0:
        raise ValueError(f"wpm must be positive, got {wpm}")
    at_reference = (
        _PER_LETTER * features.letters
        + _PER_WORD * features.words
        + _PER_STOP * features.stops
        + _PER_COMMA * features.commas
    )
    return at_reference * _REFERENCE_WPM / wpm


def estimate_script_seconds(text: str, wpm: float = DEFAULT_WPM) -> float:
    """Seconds eSpeak NG needs to speak a speech script at ``wpm``.

    Unlike :func:`estimate_seconds`, which counts words only, this looks at
    the script itself: long words, sentence ends and commas all take time.
    Calibrated against espeak-ng audio (see ``scripts/calibrate_timing.py``);
    pauses between script parts (:data:`PAUSE_SECONDS`) are not included.

    Args:
        text: A speech script: plain words, numbers already spelled out.
        wpm: Speaking rate (the engine's rate setting).

    Raises:
        ValueError: ``wpm`` is not positive.
    """
    if wpm <= 0:
        raise ValueError(f"wpm must be positive, got {wpm}")
    if not text.strip():
        return 0.0
    return script_seconds(script_features(text), wpm)
