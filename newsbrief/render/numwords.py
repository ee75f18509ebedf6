"""English number words: cardinals, ordinals, years and decimals.

num2words (the ``numbers`` extra) is used when it is installed; otherwise a
pure-Python fallback gives the same words for integers, decimals, ordinals and
years. Commas that num2words puts between thousands groups are dropped: they
would make a speech engine pause in the middle of a number.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

__all__ = ["cardinal", "decimal", "digits", "ordinal", "year"]

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ("", "thousand", "million", "billion", "trillion", "quadrillion")
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
#: Integers from here on are read digit by digit (no one says "sextillion").
_MAX_NAMED = 10 ** (3 * len(_SCALES))


@functools.cache
def _library() -> Callable[..., Any] | None:
    """num2words, when installed (loaded once, lazily: it is an optional extra)."""
    try:
        from num2words import num2words
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return num2words  # type: ignore[no-any-return]


@functools.cache
def _below_thousand_words() -> tuple[str, ...]:
    """The words of 0 to 999 ("" for 0), made once: numbers are spelled out in every story."""
    return tuple(map(_spell_below_thousand, range(1000)))


def _spell_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        words.append(f"{_ONES[hundreds]} hundred")
    if rest:
        if rest < 20:
            tail = _ONES[rest]
        else:
            tens, ones = divmod(rest, 10)
            tail = _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
        words.append(tail)
    return " and ".join(words)


def fallback_cardinal(n: int) -> str:
    """Cardinal words for ``n`` without num2words (same words, no commas)."""
    if n < 0:
        return "minus " + fallback_cardinal(-n)
    if n == 0:
        return "zero"
    if n < 1000:
        return _below_thousand_words()[n]
    groups: list[tuple[int, int]] = []
    scale = 0
    while n:
        n, group = divmod(n, 1000)
        if group:
            groups.append((scale, group))
        scale += 1
    groups.reverse()
    words = _below_thousand_words()
    parts = [words[group] + (f" {_SCALES[scale]}" if scale else "") for scale, group in groups]
    # British usage, as num2words: "one thousand and one", but "one thousand one hundred".
    last_scale, last_group = groups[-1]
    if len(parts) > 1 and last_scale == 0 and last_group < 100:
        return " ".join(parts[:-1]) + " and " + parts[-1]
    return " ".join(parts)


def fallback_ordinal(n: int) -> str:
    """Ordinal words for ``n`` >= 0 without num2words."""
    words = fallback_cardinal(n)
    head, sep, last = words.rpartition(" ")
    pre, hyphen, unit = last.rpartition("-")
    if unit in _ORDINAL_WORDS:
        unit = _ORDINAL_WORDS[unit]
    elif unit.endswith("y"):
        unit = unit[:-1] + "ieth"
    else:
        unit += "th"
    return head + sep + pre + hyphen + unit


def fallback_year(n: int) -> str:
    """Year words ("nineteen sixty-two") without num2words."""
    if n < 0:
        return fallback_year(-n) + " BC"
    high, low = divmod(n, 100)
    if high == 0 or (high % 10 == 0 and low < 10) or high >= 100:
        return fallback_cardinal(n)
    if low == 0:
        tail = "hundred"
    elif low < 10:
        tail = f"oh-{_ONES[low]}"
    else:
        tail = fallback_cardinal(low)
    return f"{fallback_cardinal(high)} {tail}"


def digits(text: str) -> str:
    """Read a string of digits one by one ("007" -> "zero zero seven")."""
    if text.isascii() and text.isdigit():
        # ASCII digits only: each is a key of the table (no int() per digit).
        return " ".join(map(_DIGIT_WORDS.__getitem__, text))
    return " ".join(_ONES[int(c)] for c in text if c.isdigit())


_DIGIT_WORDS = {str(d): _ONES[d] for d in range(10)}


# num2words is correct but slow (about 30 times the fallback's time per
# number); news repeats its numbers (years, small counts), so its answers are
# kept in a bounded cache. Outputs never depend on the cache.
@functools.lru_cache(maxsize=4096)
def _library_words(n: int, to: str) -> str:
    lib = _library()
    if lib is None:  # pragma: no cover - callers check first
        raise LookupError("num2words is not installed")
    return str(lib(n, to=to)).replace(",", "")


# The fallbacks give num2words' words for every cardinal and ordinal below
# this (checked one by one) and every year below 10,000, about 30 times
# faster: the library is asked only about larger or negative numbers.
_FAST_BELOW = 200_000


def cardinal(n: int) -> str:
    """Cardinal words: 1200 -> "one thousand two hundred", -3 -> "minus three"."""
    if 0 < n < 1000:  # most numbers in news: the table fallback_cardinal reads too
        return _below_thousand_words()[n]
    if abs(n) >= _MAX_NAMED:
        return ("minus " if n < 0 else "") + digits(str(abs(n)))
    if 0 <= n < _FAST_BELOW or _library() is None:
        return fallback_cardinal(n)
    return _library_words(n, "cardinal")


def ordinal(n: int) -> str:
    """Ordinal words: 3 -> "third", 21 -> "twenty-first"."""
    if n < 0 or n >= _MAX_NAMED:
        return cardinal(n)
    if n < _FAST_BELOW or _library() is None:
        return fallback_ordinal(n)
    return _library_words(n, "ordinal")


def year(n: int) -> str:
    """Year words: 1962 -> "nineteen sixty-two", 2005 -> "two thousand and five"."""
    if n < 0 or n >= 10000:
        return cardinal(n)
    return fallback_year(n)


def decimal(text: str) -> str:
    """Words for a decimal written as digits: "11.1" -> "eleven point one".

    Thousands separators are allowed ("1,200.5"). Digits after the point are
    read one by one, as newsreaders do.
    """
    if text.isascii() and text.isdigit() and text[0] != "0":
        # A whole number without separators or a leading zero (most of them):
        # what the general path below gives, with fewer steps.
        return cardinal(int(text))
    text = text.replace(",", "")
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    whole, _, fraction = text.partition(".")
    if len(whole) > 1 and whole.startswith("0") and not fraction:
        words = digits(whole)  # codes and such: "007"
    else:
        words = cardinal(int(whole or "0"))
    if fraction:
        words += " point " + digits(fraction)
    return ("minus " if negative else "") + words
