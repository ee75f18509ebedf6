"""Time expressions and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import Article
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
    # A past clause: the October before publication (was 2024-10, a date
    # after the story that reported it).
    assert _one("They met in October.") == ("in October", dt.date(2023, 10, 1), "month")
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


# -- months, days and weekdays without a year: the tense of their clause ------


def _dates(text: str, published: dt.date) -> list[tuple[str, dt.date | None]]:
    return [(d.text, d.date) for d in find_dates(text, published)]


def test_month_in_a_past_clause_is_the_most_recent_one() -> None:
    pub = dt.date(2026, 1, 2)
    assert _one("Carraway pleaded guilty in October.", pub)[1] == dt.date(2025, 10, 1)
    assert _one("She testified in November.", pub)[1] == dt.date(2025, 11, 1)
    assert _one("The plant closed in January.", pub)[1] == dt.date(2026, 1, 1)
    # The other way: a future clause looks ahead.
    assert _one("The plant will reopen in October.", pub)[1] == dt.date(2026, 10, 1)


def test_month_followed_by_last_next_or_this_year_takes_that_year() -> None:
    pub = dt.date(2026, 3, 10)
    assert _dates("He was elected in November last year.", pub)[0] == (
        "in November", dt.date(2025, 11, 1)
    )
    assert _dates("The new mayor will be sworn in on Jan. 1 next year.", pub)[0] == (
        "Jan. 1", dt.date(2027, 1, 1)
    )
    assert _dates("Prices fell in February of this year.", pub)[0][1] == dt.date(2026, 2, 1)


def test_month_day_in_a_past_clause_is_on_or_before_publication() -> None:
    pub = dt.date(2026, 3, 10)
    assert _one("The quarter ended Dec. 31.", pub)[1] == dt.date(2025, 12, 31)
    assert _one("The offer closed March 3.", pub)[1] == dt.date(2026, 3, 3)
    # The other way: the same date in a future clause.
    assert _one("The quarter will end Dec. 31.", pub)[1] == dt.date(2026, 12, 31)


def test_month_day_in_a_future_clause_is_on_or_after_publication() -> None:
    pub = dt.date(2025, 12, 30)
    assert _one("The clinic will open every day until Jan. 10.", pub)[1] == dt.date(2026, 1, 10)
    assert _one("Schools go back on Jan. 6.", pub)[1] == dt.date(2026, 1, 6)
    assert _one("The sides meet again on Feb. 21.", dt.date(2025, 11, 5))[1] == dt.date(
        2026, 2, 21
    )
    # The other way: a past clause looks back.
    assert _one("Schools went back on Jan. 6.", pub)[1] == dt.date(2025, 1, 6)


def test_month_without_a_tense_cue_is_the_nearest_occurrence() -> None:
    pub = dt.date(2026, 3, 10)
    assert _one("Figures for December.", pub)[1] == dt.date(2025, 12, 1)
    assert _one("Figures for June.", pub)[1] == dt.date(2026, 6, 1)
    assert _one("Figures for Dec. 31.", pub)[1] == dt.date(2025, 12, 31)
    # Six months either way: the publication year.
    assert _one("Figures for September.", pub)[1] == dt.date(2026, 9, 1)


def test_weekday_in_a_present_tense_timetable_is_ahead() -> None:
    wed = dt.date(2025, 11, 5)
    assert _one("Redford travel to Pellham City on Saturday.", wed)[1] == dt.date(2025, 11, 8)
    tue = dt.date(2026, 3, 10)
    assert _one("The talks resume Monday.", tue)[1] == dt.date(2026, 3, 16)
    assert _one("The board meets this Thursday.", tue)[1] == dt.date(2026, 3, 12)
    assert _one("The minister is travelling to Rome on Friday.", tue)[1] == dt.date(2026, 3, 13)
    # The other way: the past tense of the same sentences.
    assert _one("Redford travelled to Pellham City on Saturday.", wed)[1] == dt.date(2025, 11, 1)
    assert _one("The talks resumed Monday.", tue)[1] == dt.date(2026, 3, 9)
    assert _one("The board met this Thursday.", tue)[1] == dt.date(2026, 3, 5)


def test_weekday_with_a_week_after_it_is_in_that_week() -> None:
    tue = dt.date(2026, 3, 10)
    assert _dates("On Tuesday next week the council votes.", tue)[0] == (
        "On Tuesday", dt.date(2026, 3, 17)
    )
    assert _dates("The council voted on Tuesday last week.", tue)[0][1] == dt.date(2026, 3, 3)
    assert _dates("The council votes on Friday this week.", tue)[0][1] == dt.date(2026, 3, 13)


def test_weekday_after_until_by_from_or_a_modal_is_ahead() -> None:
    tue = dt.date(2025, 9, 9)
    assert _one("Some homes could be without power until Thursday.", tue)[1] == dt.date(
        2025, 9, 11
    )
    assert _one("The river could peak on Thursday morning.", tue)[1] == dt.date(2025, 9, 11)
    assert _one(
        "The ferry company cancelled all sailings until at least 6 p.m. on Wednesday.", tue
    )[1] == dt.date(2025, 9, 10)
    assert _one("Drier conditions are expected from Saturday.", tue)[1] == dt.date(2025, 9, 13)
    assert _one("He said a decision was expected by Friday.", dt.date(2025, 12, 30))[1] == (
        dt.date(2026, 1, 2)
    )
    # The other way: past clauses, with and without those words.
    assert _one("The river peaked on Thursday morning.", tue)[1] == dt.date(2025, 9, 4)
    assert _one("The shop has been shut since Saturday.", tue)[1] == dt.date(2025, 9, 6)
    assert _one("But by Wednesday, the actor had quit.", tue)[1] == dt.date(2025, 9, 3)


def test_a_quotation_does_not_set_the_tense_of_its_reporting_clause() -> None:
    tue = dt.date(2026, 3, 10)
    text = (
        '"Whatever happens tonight, this city will need to come together," '
        "Whitfield said on Monday."
    )
    assert _dates(text, tue)[1] == ("on Monday", dt.date(2026, 3, 9))
    text = "'We are scheduled to have talks next week,' the manager said on Friday."
    assert _dates(text, tue)[-1] == ("on Friday", dt.date(2026, 3, 6))
    # The other way: inside the quotation, its own tense counts.
    assert _one('"We will meet on Monday," Whitfield said.', tue)[1] == dt.date(2026, 3, 16)


def test_previous_year_counts_back_from_the_period_just_named() -> None:
    pub = dt.date(2026, 3, 14)
    text = "It reported net income of $612 million for 2025, up 4% from the previous year."
    assert _dates(text, pub) == [
        ("2025", dt.date(2025, 1, 1)),
        ("previous year", dt.date(2024, 1, 1)),
    ]
    text = "Sales were $4bn in June 2021, up from the previous month."
    assert _dates(text, pub)[1][1] == dt.date(2021, 5, 1)
    # The other way: with no period named in the sentence, or only an
    # event's date, "the previous year" counts from publication.
    assert _one("Sales rose 4% from the previous year.", pub)[1] == dt.date(2025, 1, 1)
    text = "The firm, founded in 1990, said sales rose 4% from the previous year."
    assert _dates(text, pub)[1][1] == dt.date(2025, 1, 1)
    text = "Net income was $612m for 2025. Sales fell from the previous year."
    assert _dates(text, pub)[1][1] == dt.date(2025, 1, 1)


def test_infinitive_after_a_past_verb_takes_no_tense_from_it() -> None:
    pub = dt.date(2026, 1, 2)
    text = "Finch ordered Carraway to report to the prison by 9 a.m. on Jan. 16."
    assert _one(text, pub)[1] == dt.date(2026, 1, 16)  # the nearest Jan. 16
    tue = dt.date(2026, 3, 10)
    text = "Police asked him to go with them on Wednesday, Fairfax reported."
    assert _one(text, tue)[1] == dt.date(2026, 3, 4)
    # The other way: after a word that looks ahead, the infinitive does too.
    assert _one("Robinson is expected to announce his team on Monday.", tue)[1] == dt.date(
        2026, 3, 16
    )
    assert _one("The WTO is to end the agreement on 31 December.", tue)[1] == dt.date(2026, 12, 31)


def test_passive_and_perfect_participles_defer_to_their_auxiliary() -> None:
    tue = dt.date(2026, 3, 10)
    assert _one("The match will be played on Saturday.", tue)[1] == dt.date(2026, 3, 14)
    assert _one("The man was arrested on Saturday.", tue)[1] == dt.date(2026, 3, 7)
    # A present perfect takes no date of its own: the nearest 1 July.
    assert _one("Coldplay have announced a concert in Glasgow on 1 July.", tue)[1] == dt.date(
        2026, 7, 1
    )


def test_possessive_weekday_ignores_the_clause_before_its_commas() -> None:
    sat = dt.date(2026, 3, 14)
    text = (
        "Shareholders will receive $42.50 per share, a premium of 31.4% to "
        "Thursday's closing price."
    )
    assert _one(text, sat)[1] == dt.date(2026, 3, 12)
    # The other way: a cue within its commas still counts.
    tue = dt.date(2026, 3, 10)
    assert _one("Isco is expected to replace Benzema for Saturday's clash.", tue)[1] == dt.date(
        2026, 3, 14
    )
    text = "By Monday's close, the exchange was down 2.1%."
    assert _one(text, tue)[1] == dt.date(2026, 3, 9)


def test_bracketed_asides_and_idioms_are_no_tense_cues() -> None:
    tue = dt.date(2026, 3, 10)
    text = "The World Trade Organisation (WTO) will end the agreement on 31 December."
    assert _one(text, tue)[1] == dt.date(2026, 12, 31)
    assert _one("The road was closed due to flooding on Monday.", tue)[1] == dt.date(2026, 3, 9)
    # "can" here is a noun, no modal.
    text = "They were filmed lighting it with an aerosol can and a lighter on April 3."
    assert _one(text, dt.date(2025, 12, 30))[1] == dt.date(2025, 4, 3)
    pub = dt.date(2026, 1, 15)
    assert _one("The US created fewer jobs than expected in December.", pub)[1] == dt.date(
        2025, 12, 1
    )


def test_article_dates_resolve_against_its_published_date() -> None:
    article = Article.from_dict(
        {"headline": "", "body": "Carraway pleaded guilty in October.", "published": "2026-01-02"}
    )
    assert [(d.text, d.date) for d in article.dates] == [("in October", dt.date(2025, 10, 1))]


_WORDS = (
    "said", "will", "was", "is", "to", "meet", "the", "talks", "resume", "on", "in", "until",
    "by", "from", "last", "next", "this", "week", "year", "Monday", "Friday's", "October",
    "Dec.", "31", "Jan.", "6", "expected", "due", "has", "been", "played", "had", "not", "and",
    ",", ".", ";", '"', "'", "“", "”", "(", ")", "-", "—", "\n", "previous", "for", "2025",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=40),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
)
def test_resolved_weekdays_and_months_stay_near_publication(
    words: list[str], published: dt.date
) -> None:
    text = " ".join(words)
    for d in find_dates(text, published):
        assert d.span.of(text) == d.text
        if d.date is None or "2025" in d.text or d.granularity not in ("day", "month"):
            continue  # explicit years; weeks and years counted from publication
        # A weekday is within the week named or the next; a month resolves to
        # its first day, so "last October" on 2 October is a year and a day
        # back, and "January last year" in December nearly two years.
        limit = 13 if d.text.endswith(("Monday", "Friday")) else 366 + 31
        if "year" in text[d.span.end : d.span.end + 12]:
            limit += 366
        assert abs((d.date - published).days) <= limit, (text, d)


# -- findings of the October 2024 wire-story review ---------------------------


def test_present_of_be_due_to_a_verb_looks_ahead() -> None:
    wed = dt.date(2024, 10, 16)
    assert _one("Marlow is due to brief the committee on Monday.", wed)[1] == dt.date(2024, 10, 21)
    # A plan given up says nothing; "due to" before a noun is "because of".
    text = "The ferry had been due to sail on Monday but the storm kept it in port."
    assert _one(text, wed)[1] == dt.date(2024, 10, 14)
    assert _one("The match was cancelled due to rain on Monday.", wed)[1] == dt.date(2024, 10, 14)


def test_continue_before_a_weekday_is_a_timetable() -> None:
    wed = dt.date(2024, 10, 16)
    text = "The hearings continue on Saturday with two more witnesses."
    assert _one(text, wed)[1] == dt.date(2024, 10, 19)
    # The other way: "continue to" is a state, and a caption's present after the date.
    assert _one("Prices continue to climb on Saturday.", wed)[1] == dt.date(2024, 10, 12)
    text = "Firefighters stand outside the house on Saturday as the inquiry continues."
    assert _one(text, wed)[1] == dt.date(2024, 10, 12)


def test_a_timetable_verb_after_has_is_a_present_perfect() -> None:
    wed = dt.date(2024, 10, 16)
    # "come" would otherwise look ahead (2025-04): the nearest April.
    assert _one('"Unemployment has come down to 4% in April," Lund said.', wed)[1] == dt.date(
        2024, 4, 1
    )


def test_followed_by_takes_the_tense_of_the_clause_it_follows() -> None:
    wed = dt.date(2024, 10, 16)
    text = "The first hearing is due on Nov. 4, followed by a ruling in December."
    assert _dates(text, wed)[1] == ("in December", dt.date(2024, 12, 1))
    # The other way: active "followed" is a past verb.
    assert _one("Reporters followed the convoy in December.", wed)[1] == dt.date(2023, 12, 1)


def test_a_coordinated_clause_after_a_comma_does_not_lend_its_tense() -> None:
    wed = dt.date(2024, 10, 16)
    text = "The nurses have called walkouts on Oct. 28 and Nov. 5, and said more could follow."
    assert [d for _, d in _dates(text, wed)] == [dt.date(2024, 10, 28), dt.date(2024, 11, 5)]
    # The other way: a verb read back across ", and" still counts.
    text = "Rain will spread north, and peak on Thursday."
    assert _one(text, wed)[1] == dt.date(2024, 10, 17)


def test_last_this_and_next_spring_summer_autumn_resolve_to_a_year() -> None:
    oct16 = dt.date(2024, 10, 16)
    assert _one("Tickets go on sale next summer.", oct16)[1:] == (dt.date(2025, 1, 1), "year")
    assert _one("The bridge closed last summer.", oct16)[1] == dt.date(2024, 1, 1)
    assert _one("The bridge closed last autumn.", oct16)[1] == dt.date(2023, 1, 1)
    assert _one("The bridge reopens this spring.", oct16)[1] == dt.date(2024, 1, 1)
    jan = dt.date(2025, 1, 20)
    assert _one("Tickets go on sale next summer.", jan)[1] == dt.date(2025, 1, 1)
    # Winters span two years; "the next summer" is a story's, not publication's.
    assert _one("It froze last winter.", oct16)[1] is None
    assert _one("He left the next summer.", oct16)[1] is None


def test_a_deadline_names_a_time_still_to_come() -> None:
    thu = dt.date(2024, 2, 8)
    text = "The council gave the owners a deadline of 5 p.m. on Sunday."
    assert _one(text, thu)[1] == dt.date(2024, 2, 11)
    # The other way: a past verb nearer the date.
    assert _one("The deadline expired on Sunday.", thu)[1] == dt.date(2024, 2, 4)


def test_a_condition_in_the_present_is_about_the_future() -> None:
    sat = dt.date(2024, 11, 16)
    text = 'She said the clinic could reopen "if the generator arrives on Monday."'
    assert _one(text, sat)[1] == dt.date(2024, 11, 18)
    assert _one("The deal collapses if the board rejects it on Monday.", sat)[1] == dt.date(
        2024, 11, 18
    )
    # The other way: a past condition, and a possessive with a time of its own.
    assert _one("If the board met on Monday, nobody told us.", sat)[1] == dt.date(2024, 11, 11)
    text = "Sales fell if Monday's figures are left out."
    assert _one(text, sat)[1] == dt.date(2024, 11, 11)


def test_a_range_of_days_is_one_mention_from_its_first_day() -> None:
    tue = dt.date(2024, 6, 11)
    assert _one("Leaders meet in Vilnius on July 9-10.", tue) == (
        "July 9-10", dt.date(2024, 7, 9), "day"
    )
    text = "The festival will run from 3–8 May."
    assert _one(text, tue)[:2] == ("3–8 May", dt.date(2025, 5, 3))
    # A range that ends after publication is not past; a range that runs
    # backwards is no range ("won in May 2-1").
    assert _one("The magazine is on sale June 10-16.", tue)[1] == dt.date(2024, 6, 10)
    assert find_dates("They won in May 2-1.", tue) == ()
