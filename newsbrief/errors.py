"""The exceptions newsbrief raises.

Every error is a :class:`NewsbriefError` and also subclasses the builtin it
matches, so ``except ValueError`` keeps working for callers who do not know
about newsbrief::

    NewsbriefError(Exception)
    ├── InvalidArticleError(ValueError)      article text or fields are unusable
    │   ├── InputFormatError                 malformed JSON, JSON Lines, HTML, feed...
    │   └── InputTooLargeError               past a documented size limit
    ├── ReadError(OSError)                   an input path cannot be read
    ├── OutputError(OSError)                 an output file cannot be written
    ├── BudgetError(ValueError)              a summary/briefing budget is wrong
    ├── UnknownNameError(ValueError)         unknown method, format or voice name
    └── SpeechError(RuntimeError)            speech synthesis failed
        ├── SpeechBackendError               pyttsx3 or eSpeak NG missing/broken
        └── SpeechTimeoutError(TimeoutError) the engine did not finish in time

Errors carry the place they refer to (``where``: a file name, ``<stdin>`` or
``<text>``; ``line``: a 1-based line number) when there is one, and their
message names both.
"""

from __future__ import annotations

__all__ = [
    "BudgetError",
    "InputFormatError",
    "InputTooLargeError",
    "InvalidArticleError",
    "NewsbriefError",
    "OutputError",
    "ReadError",
    "SpeechBackendError",
    "SpeechError",
    "SpeechTimeoutError",
    "UnknownNameError",
]


class NewsbriefError(Exception):
    """Base class of every error newsbrief raises on purpose.

    Args:
        message: What went wrong, in one line.
        where: The input or output it concerns (a path, ``<stdin>``...), if any.
        line: The 1-based line number within ``where``, if known.
    """

    def __init__(self, message: str, *, where: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.where = where
        self.line = line
        super().__init__(self._format())

    def _format(self) -> str:
        if self.where is None:
            return self.message
        place = self.where if self.line is None else f"{self.where}, line {self.line}"
        return f"{place}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments do not survive the default exception pickling;
        # results of worker processes (batch, dask) must carry errors intact.
        return (_rebuild, (type(self), self.message, self.where, self.line))


def _rebuild(
    cls: type[NewsbriefError], message: str, where: str | None, line: int | None
) -> NewsbriefError:
    return cls(message, where=where, line=line)


class InvalidArticleError(NewsbriefError, ValueError):
    """The article (its text or its fields) cannot be used."""


class InputFormatError(InvalidArticleError):
    """An input is malformed for its format (JSON, JSON Lines, HTML, feed)."""


class InputTooLargeError(InvalidArticleError):
    """An input exceeds one of newsbrief's documented size limits."""


class ReadError(NewsbriefError, OSError):
    """An input path does not exist or cannot be read."""


class OutputError(NewsbriefError, OSError):
    """An output file cannot be written (missing or read-only folder, full disk)."""


class BudgetError(NewsbriefError, ValueError):
    """A budget is missing, ambiguous (several given) or out of range."""


class UnknownNameError(NewsbriefError, ValueError):
    """A name (summary method, output format, voice) is not known."""


class SpeechError(NewsbriefError, RuntimeError):
    """Speech synthesis failed; the message says at which step."""


class SpeechBackendError(SpeechError):
    """The speech backend (pyttsx3, eSpeak NG) is missing or broken.

    The message says exactly what to install.
    """


class SpeechTimeoutError(SpeechError, TimeoutError):
    """The speech engine did not answer within its time limit."""
