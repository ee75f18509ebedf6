"""Time expressions and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.text.dates import find_dates

PUB = dt.date(2024, 3, 14)  # a Thursday


def _one(text: str, published: dt.date | None = PUB) -> tuple[str, dt.date | None, str | None]:
    (d,) = find_dates(text, published)
    return d.text, d.date, d.granularity


def test_weekday_resolves_to_most_recent_on_or_before() -> None:
    assert _one("The talks ended on Tuesday.") == ("on Tuesday", dt.date(2024, 3, 12), "day")
    assert _one("It rained on Thursday.") == ("on Thursday", PUB, "day")


def test_weekday_in_future_clause_looks_ahead() -> None:
    assert _one("They will meet on Monday.") == ("on Monday", dt.date(2024, 3, 18), "day")


def test_month_forms() -> None:
    assert _one("They met in October.") == ("in October", dt.date(2024, 10, 1), "month")
    assert _one("Sales fell last October.") == ("last October", dt.date(2023, 10, 1), "month")
    assert _one("It began in February 2022.")[1:] == (dt.date(2022, 2, 1), "month")


def test_day_forms() -> None:
    assert _one("It opened on 3 March 2024.")[1:] == (dt.date(2024, 3, 3), "day")
    assert _one("It opened March 3.")[1:] == (dt.date(2024, 3, 3), "day")
    assert _one("It opened on March 3, 2021.")[1:] == (dt.date(2021, 3, 3), "day")
    assert _one("LONDON 1996-08-30") == ("1996-08-30", dt.date(1996, 8, 30), "day")


def test_relative_years_and_deixis() -> None:
    assert _one("It grew early last year.") == ("early last year", dt.date(2023, 1, 1), "year")
    assert _one("Earlier this year it fell.")[1:] == (dt.date(2024, 1, 1), "year")
    assert _one("He left yesterday.") == ("yesterday", dt.date(2024, 3, 13), "day")


def test_bare_years_and_decades() -> None:
    assert _one("The 1962 crisis.") == ("1962", dt.date(1962, 1, 1), "year")
    assert _one("In the 1990s prices rose.")[1:] == (dt.date(1990, 1, 1), "decade")


def test_numbers_that_are_not_years() -> None:
    assert find_dates("It cost $2010 and 1,962 people came; 2010.5 units.", PUB) == ()


def test_may_as_a_verb_is_not_a_month() -> None:
    assert find_dates("They may go in march.", PUB) == ()


def test_without_publication_date_relative_dates_are_unresolved() -> None:
    assert _one("It happened last year.", None) == ("last year", None, "year")
    assert _one("It happened in 1962.", None)[1] == dt.date(1962, 1, 1)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.dates(min_value=dt.date(1900, 1, 1)))
def test_find_dates_never_raises_and_spans_match(text: str, published: dt.date) -> None:
    for d in find_dates(text, published):
        assert d.span.of(text) == d.text


def test_month_modifier_is_read_back_across_spaces_and_hyphens() -> None:
    # "through" is the longest modifier: the look-back must reach its start.
    assert _one("Talks run through October.")[0] == "through October"
    assert _one("The vote is due in\nOctober.")[0] == "in\nOctober"
    assert _one("It opens in mid - October.")[0] == "in mid - October"
    assert _one("Prices rose in early  October.")[0] == "in early  October"


def test_weekday_modifier_before_weekday() -> None:
    assert _one("The shop has been shut since Tuesday.")[0] == "since Tuesday"
    assert _one("The shop opens before Tuesday.")[0] == "before Tuesday"
    assert _one("The shop opened Tuesday.")[0] == "Tuesday"


def test_relative_unit_needs_a_relative_word() -> None:
    assert _one("It grew 5% in the past  year.")[0] == "past  year"
    assert find_dates("It grew 5% a year.", PUB) == ()


def test_runs_of_digits_that_no_date_has_are_not_dates() -> None:
    text = "A 12345-strong crowd, 100 people, 20% more, 21 units and 19990 votes."
    assert find_dates(text, PUB) == ()
    assert _one("It opened on the 5th of March.")[1:] == (dt.date(2024, 3, 5), "day")


def test_a_day_written_with_digits_beyond_ascii_is_read() -> None:
    # \d matches any decimal digit and int() reads them: "1٣" is 13.
    assert _one("It opened on 1٣ March.")[1:] == (dt.date(2024, 3, 13), "day")
