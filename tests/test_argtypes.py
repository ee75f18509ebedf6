"""The command line's shared argument types."""

from __future__ import annotations

import argparse

import pytest

from newsbrief._argtypes import bounded_float, fraction, positive_float, positive_int


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (positive_int, "3", 3),
        (positive_float, "2.5", 2.5),
        (fraction, "0", 0.0),
        (fraction, "1", 1.0),
    ],
)
def test_valid_values_are_parsed(parse: object, text: str, expected: float) -> None:
    assert parse(text) == expected  # type: ignore[operator]


@pytest.mark.parametrize(
    ("parse", "text", "message"),
    [
        (positive_int, "0", "at least 1"),
        (positive_int, "2.5", "not a whole number"),
        (positive_float, "-1", "positive"),
        (positive_float, "inf", "positive"),
        (positive_float, "nan", "positive"),
        (positive_float, "ten", "not a number"),
        (fraction, "1.5", "between 0 and 1"),
    ],
)
def test_invalid_values_name_the_problem(parse: object, text: str, message: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=message):
        parse(text)  # type: ignore[operator]


def test_bounded_float_names_its_range_and_unit() -> None:
    assert bounded_float("175", 80, 450, "words per minute") == 175.0
    with pytest.raises(argparse.ArgumentTypeError, match="between 80 and 450 words per minute"):
        bounded_float("500", 80, 450, "words per minute")
