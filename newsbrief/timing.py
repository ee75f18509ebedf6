"""Speaking-time estimates shared by summaries, briefings, digests and speech.

The estimate is calibrated against eSpeak NG through pyttsx3: its effective
words per minute track the ``rate`` property closely (rate 200 -> about 204
wpm), and each sentence adds a short pause.
"""

from __future__ import annotations

__all__ = ["DEFAULT_WPM", "estimate_seconds", "words_for_seconds"]

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
