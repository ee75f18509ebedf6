"""Argument types shared by the command-line modules (argparse ``type=`` callables).

Each parses one value and raises :class:`argparse.ArgumentTypeError` with a
message naming what was wrong, which argparse turns into a usage error (exit 2).
"""

from __future__ import annotations

import argparse
import math

__all__ = ["bounded_float", "fraction", "positive_float", "positive_int"]


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None


def positive_int(text: str) -> int:
    """A whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def positive_float(text: str) -> float:
    """A finite number greater than 0."""
    value = _float(text)
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def fraction(text: str) -> float:
    """A number from 0 to 1."""
    value = _float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text}")
    return value


def bounded_float(text: str, low: float, high: float, unit: str) -> float:
    """A number from ``low`` to ``high`` (``unit`` names it in the message)."""
    value = _float(text)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(
            f"must be between {low:.0f} and {high:.0f} {unit}, got {text}"
        )
    return value
