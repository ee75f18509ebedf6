"""Time expressions: "in October", "on Tuesday", "3 March 2024", "last year", "1962".

Two regular expressions find the expressions (longest form first), tried
only where one can start (found with ``str.find``); each is resolved to a
calendar date relative to the article's publication date when that is
known. Resolution follows the rule an editor applies to wire copy: a weekday
or a month without a year is read by the tense and cues of its own clause.

* The clause is the text around the expression up to the nearest sentence
  end, semicolon, colon, dash or quotation mark (bracketed asides are
  skipped), so a quotation never sets the tense of the reporting clause
  around it, nor it the quotation's. The cue nearest the expression
  decides, read first within the commas (and "and", "but", "after"...)
  around it, back then a few words ahead, then in the rest of the clause;
  a possessive ("Thursday's closing price") qualifies a noun, and the
  clause before its commas does not count. Cues (``data/tense_words.tsv``):
  past auxiliaries and verbs ("was", "said", words in -ed), "last", "ago",
  "earlier", "since" say past; modals ("will", "could"), "until", "next",
  "expected", "is due to", "plans to", "a deadline of", present-tense
  timetable verbs ("the talks resume", "the council meets", "is meeting")
  and a present-tense condition ("if we get the money on Monday") say
  future. A passive or perfect participle defers to its auxiliary ("will be
  played"; "has announced", "has come" say nothing; nor does ", followed
  by"), and an infinitive looks ahead of the verb governing it: after a
  past one ("ordered her to report on Jan. 16", "had been due to open") it
  says nothing. Read ahead beyond the commas, ", and" or ", but" ends the
  clause (another verb's: "strikes on Oct. 29, and said ...").
* Weekdays: "last"/"next" Tuesday are the one before/after publication,
  "Tuesday next week" the Tuesday of that week; a future clause ("until
  Tuesday", "will meet on Tuesday") looks ahead to the next one on or after
  publication, as do "this", "by" and "from" Tuesday in a clause with no
  cue; otherwise (a past clause, or no cue: news reports what happened) the
  most recent one on or before it.
* Months and month/days without a year: "in November last year" and
  "last"/"next"/"this October" say the year; a past clause takes the most
  recent occurrence on or before publication, a future clause the next on
  or after it, and with no cue the nearest occurrence (the publication year
  on a tie).
* A range of days ("July 9-10", "3-8 May") is one mention dated by its
  first day; in a future clause it is ahead unless it ended before
  publication.
* "last/this/next spring|summer|autumn" resolve to the year they fall in
  (granularity "year"): the last one is over, the next one comes after
  "this" one. Winters span two years and weeks have no date: unresolved.
* "last/this/next year|month" count from the publication date, except that
  "the previous year/month" counts back from an explicit period named just
  before it in the same sentence ("for 2025, up 4% from the previous year"
  is 2024); "yesterday", "today", "tomorrow" count from publication.
* Explicit dates need no publication date.

Months and years resolve to their first day; ``granularity`` says which part
of the date is meaningful ("day", "month", "year" or "decade").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Final

from newsbrief.model import DateMention
from newsbrief.text.knowledge import knowledge
from newsbrief.text.tokens import new_date_mention as _date_mention
from newsbrief.text.tokens import new_span as _span

__all__ = ["find_dates"]

_MONTHS: Final = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAYS: Final = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR: Final = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# Two patterns, tried only at candidate starts (see _candidates): expressions
# that start with a digit, and those that start with a word (month, weekday,
# "last", "yesterday"). Modifiers before a match ("in", "on", "early", "the")
# are read back in Python.
_NUMERIC: Final = re.compile(
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))"
    rf"|(?P<dmy>(?P<d1>{_DAY})(?:[-–](?P<e1>{_DAY}))?\s+(?:of\s+)?(?P<m1>{_MONTH})"
    rf"(?:,?\s+(?P<y1>{_YEAR}))?)"
    rf"|(?P<decade>(?P<dec>1[5-9]\d0|20[0-9]0)['’]?s)"
    rf"|(?P<year>(?P<y4>{_YEAR}))"
)
_WORDY: Final = re.compile(
    rf"(?P<mdy>(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:[-–](?P<e2>{_DAY}))?"
    rf"(?:,?\s+(?P<y2>{_YEAR}))?)(?![\d:])"
    rf"|(?P<my>(?P<m3>{_MONTH})(?:\s+of)?,?\s+(?P<y3>{_YEAR}))"
    rf"|(?P<rmonth>(?P<m4>{_MONTH}))"
    rf"|(?P<wday>(?P<w>{_WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?)"
    r"|(?P<rel>(?P<rdir>last|this|next|past|previous|coming|Last|This|Next|Past|Previous"
    r"|Coming)\s+(?P<unit>year|month|week|decade|spring|summer|autumn|fall|winter))"
    r"|(?P<deixis>yesterday|today|tomorrow|tonight|Yesterday|Today|Tomorrow|Tonight)"
)
# Anchor-first scan: str.find for a few literals is far cheaper than any
# regex scan over the body, so candidate starts are collected with it and the
# full patterns are tried only there. Every expression starts with a digit
# that begins a run of digits, a month name (its first three letters), a
# weekday or deixis word (found through "day" and two other stems), or a
# relative word before a unit (found through the unit).
# Month stems are found through their capitals: str.find of one character
# skips in C (memchr), far faster than a regular expression's scan, and the
# capitals J, F, O, N and D are rare enough that testing each hit in Python
# costs little. M, A and S open many words ("Mr", "A", "She"): for them the
# stems themselves are searched (a slower scan, but hardly a hit to test).
_MONTH_STEMS: Final = frozenset(
    ("Jan", "Feb", "Mar", "May", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
)
_MONTH_NEEDLES: Final = ("J", "F", "O", "N", "D", "Mar", "May", "Apr", "Aug", "Sep")
_DAY_STEMS: Final = (  # what may stand before "day", by its length
    (2, frozenset(("to", "To"))),
    (3, frozenset(("Mon", "Fri", "Sun"))),
    (4, frozenset(("Tues",))),
    (5, frozenset(("Thurs", "Satur"))),
    (6, frozenset(("Wednes", "yester", "Yester"))),
)
_UNITS: Final = ("year", "month", "week", "decade", "spring", "summer", "autumn", "fall", "winter")
_REL_WORDS: Final = ("last", "this", "next", "past", "previous", "coming")
_REL_BEFORE: Final = re.compile(
    "(?:" + "|".join([*_REL_WORDS, *(w.capitalize() for w in _REL_WORDS)]) + ")$"
)
# The last two letters of the words _REL_BEFORE matches (it is case-sensitive):
# a unit after any other word needs no search.
_REL_ENDS: Final = frozenset(w[-2:] for w in _REL_WORDS)
_RANGE_DASHES: Final = "-–"  # "9-10 July", "July 9–10"
_ORDINAL_ENDS: Final = frozenset(("st", "nd", "rd", "th"))
_DIGITS: Final = frozenset("0123456789")


def _run_start(body: str, end: int) -> int:
    """Start of the run of ASCII digits that ends at ``end`` (``end`` when none)."""
    i = end
    while i > 0 and body[i - 1] in _DIGITS:
        i -= 1
    return i


def _day_before(body: str, at: int, out: set[int]) -> None:
    """Add the start of a day number ("5", "5th") that ends at ``at``, and of
    the first day of a range that ends there ("3-5")."""
    if body[at - 2 : at] in _ORDINAL_ENDS:
        start = _run_start(body, at - 2)
        if start < at - 2:
            out.add(start)
    start = _run_start(body, at)
    if start < at:
        out.add(start)
        if start > 1 and body[start - 1] in _RANGE_DASHES:
            first = _run_start(body, start - 1)
            if first < start - 1:
                out.add(first)


def _skip_space_back(body: str, at: int) -> int:
    while at > 0 and body[at - 1].isspace():
        at -= 1
    return at


def _candidates(body: str) -> tuple[list[int], list[int]]:
    """Starts of digit runs and of words where a date expression may begin.

    A superset of the starts where ``_NUMERIC`` (at a digit run's start) or
    ``_WORDY`` can match; the patterns decide.
    """
    numeric: set[int] = set()
    words: set[int] = set()
    for digit in "12":  # years, ISO dates, decades and days 1x/2x start so
        i = body.find(digit)
        while i >= 0:
            if i == 0 or body[i - 1] not in _DIGITS:
                numeric.add(i)
            i = body.find(digit, i + 1)
    for needle in _MONTH_NEEDLES:
        i = body.find(needle)
        while i >= 0:
            if body[i : i + 3] in _MONTH_STEMS:
                words.add(i)
                # "5 March", "5th of March": the day before the month (a day
                # of any first digit; the ones starting 1 or 2 are found already).
                j = _skip_space_back(body, i)
                if j < i:
                    _day_before(body, j, numeric)
                    if body[j - 2 : j] == "of" and j > 2 and body[j - 3].isspace():
                        _day_before(body, _skip_space_back(body, j - 2), numeric)
            i = body.find(needle, i + 1)
    i = body.find("day")
    while i >= 0:
        for size, stems in _DAY_STEMS:
            if i >= size and body[i - size : i] in stems:
                words.add(i - size)
        i = body.find("day", i + 1)
    for stem in ("omorrow", "onight"):
        i = body.find(stem)
        while i >= 0:
            if i and body[i - 1] in "tT":
                words.add(i - 1)
            i = body.find(stem, i + 1)
    for unit in _UNITS:
        i = body.find(unit)
        while i >= 0:
            j = _skip_space_back(body, i)
            if j < i and body[j - 2 : j] in _REL_ENDS:
                rel = _REL_BEFORE.search(body, max(0, j - 8), j)
                if rel is not None:
                    words.add(rel.start())
            i = body.find(unit, i + 1)
    return sorted(numeric), sorted(words)


# Words before a month ("last March", "in mid-May") and a weekday ("on
# Monday"): first those that give a direction (the ``dir`` group).
_MONTH_DIRS: Final = ("last", "next", "early", "late", "mid", "this")
_MONTH_OTHERS: Final = ("in", "on", "since", "until", "by", "from", "before", "after", "during",
                        "through", "of")
_WEEKDAY_DIRS: Final = ("last", "next", "this")
_WEEKDAY_OTHERS: Final = ("on", "since", "by", "until", "from", "before", "after")


def _modifiers(dirs: tuple[str, ...], others: tuple[str, ...], space: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:\b(?:(?P<dir>{'|'.join(dirs)})|{'|'.join(others)}){space})$", re.IGNORECASE
    )


_BEFORE_MONTH: Final = _modifiers(_MONTH_DIRS, _MONTH_OTHERS, r"[\s-]+")
_BEFORE_WEEKDAY: Final = _modifiers(_WEEKDAY_DIRS, _WEEKDAY_OTHERS, r"\s+")
# Last two letters (lower case) of the modifiers of _BEFORE_MONTH and
# _BEFORE_WEEKDAY: before most months and weekdays stands another word.
_BEFORE_MONTH_ENDS: Final = frozenset(w[-2:] for w in _MONTH_DIRS + _MONTH_OTHERS)
_BEFORE_WEEKDAY_ENDS: Final = frozenset(w[-2:] for w in _WEEKDAY_DIRS + _WEEKDAY_OTHERS)


def _modifier_before(
    rx: re.Pattern[str], ends: frozenset[str], hyphen: bool, body: str, lo: int, start: int
) -> re.Match[str] | None:
    """``rx.search(body, lo, start)`` for _BEFORE_MONTH (``hyphen``) or
    _BEFORE_WEEKDAY, searched only when it can match.

    Both match a modifier word (at most seven letters) and the run of spaces
    (and hyphens) that ends at ``start``: the word ends where that run
    begins, so it needs at least one such character, one of ``ends`` as its
    last two letters, and no search further back than seven characters.
    """
    j = start
    while j > lo and (body[j - 1].isspace() or (hyphen and body[j - 1] == "-")):
        j -= 1
    if j == start or j <= lo:
        return None
    two = body[j - 2 : j]
    # Under IGNORECASE some non-ASCII letters match ASCII ones (the long s):
    # only ASCII letters are tested here.
    if two.isascii() and two.lower() not in ends:
        return None
    return rx.search(body, max(lo, j - 7), start)


_BEFORE_YEAR: Final = re.compile(
    r"(?:\b(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)"
    r"[\s-]*)$",
    re.IGNORECASE,
)
_BEFORE_DECADE: Final = re.compile(r"\b[Tt]he\s+$")
_WEEKDAY_BEFORE: Final = re.compile(rf"\b{_WEEKDAY},?\s+$")
_NUMBER_AROUND: Final = re.compile(r"[\d,.]$")


_BEFORE_YEAR_ENDS: Final = frozenset(("ly", "te", "id", "of"))  # early, late, mid, the end of


def _before_year(body: str, lo: int, start: int) -> re.Match[str] | None:
    """``_BEFORE_YEAR.search(body, lo, start)``, skipped when the word before
    ``start`` cannot be one of its modifiers (most years have none)."""
    j = start
    while j > lo and (body[j - 1] == "-" or body[j - 1].isspace()):
        j -= 1
    if body[j - 2 : j].lower() not in _BEFORE_YEAR_ENDS:
        return None
    return _BEFORE_YEAR.search(body, lo, start)


def find_dates(
    body: str, published: dt.date | dt.datetime | None = None
) -> tuple[DateMention, ...]:
    """Find time expressions in ``body``, resolved against ``published``.

    Args:
        body: The text to search.
        published: The publication date (a datetime counts by its date), or
            None; relative expressions then get ``date=None``.

    Returns:
        Date mentions in document order.
    """
    pub = published.date() if isinstance(published, dt.datetime) else published
    found: list[tuple[int, int, re.Match[str], str]] = []
    numeric, words = _candidates(body)
    for start in numeric:
        if start and (body[start - 1].isalnum() or body[start - 1] in "-_$£€#.,"):
            continue
        m = _NUMERIC.match(body, start)
        if m is None:
            continue
        end = m.end()
        if end < len(body) and (body[end].isalnum() or body[end] in "-/%"):
            continue
        kind = m.lastgroup  # the branch that matched
        if kind == "dmy" and _backward_range(m.group("d1"), m.group("e1")):
            continue
        if kind == "year" and body[end : end + 1] in ",." and body[end + 1 : end + 2].isdigit():
            continue  # "2010.5", "1962,000"
        lo = max(0, start - 24)
        back = None
        if kind == "dmy":
            back = _WEEKDAY_BEFORE.search(body, lo, start)
        elif kind == "decade":
            back = _BEFORE_DECADE.search(body, lo, start)
        elif kind == "year":
            back = _before_year(body, lo, start)
        found.append((back.start() if back else start, end, m, ""))
    for start in words:
        if start and (body[start - 1].isalnum() or body[start - 1] in "-_"):
            continue
        m = _WORDY.match(body, start)
        if m is None:
            continue
        end = m.end()
        if end < len(body) and (body[end].isalnum() or body[end] in "-"):
            continue
        lo = max(0, start - 24)
        modifier = ""  # the word before a month or weekday, lower case
        kind = m.lastgroup
        if kind == "mdy" and _backward_range(m.group("d2"), m.group("e2")):
            continue  # "in May 2-1": a score
        if kind == "rmonth" or kind == "wday":
            if kind == "rmonth":
                back = _modifier_before(_BEFORE_MONTH, _BEFORE_MONTH_ENDS, True, body, lo, start)
            else:
                back = _modifier_before(
                    _BEFORE_WEEKDAY, _BEFORE_WEEKDAY_ENDS, False, body, lo, start
                )
            if back is not None:
                modifier = back.group(0).split()[0].rstrip("-").lower()
                start = back.start()
                if modifier in ("early", "late", "mid"):
                    inner = _modifier_before(
                        _BEFORE_MONTH, _BEFORE_MONTH_ENDS, True, body, max(0, start - 24), start
                    )
                    if inner is not None and not inner.group("dir"):
                        start = inner.start()
            elif kind == "rmonth" and m.group("m4") in ("May", "March"):
                continue  # "Theresa May", "March" as a verb
        elif kind == "rel" or kind == "my":
            back = _before_year(body, lo, start)
            if back is not None:
                start = back.start()
        found.append((start, end, m, modifier))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[DateMention] = []
    last_end = -1
    # The last mention when it named a period ("for 2025"), for "the previous
    # year" after it; looked for only when the body has "previous".
    counts_back = "revious" in body
    period: tuple[int, dt.date, str] | None = None
    for start, end, m, modifier in found:
        if start < last_end:
            continue
        last_end = end
        date, granularity = _resolve(m, body, pub, modifier)
        if counts_back:
            if period is not None and m.lastgroup == "rel":
                date = _before_period(m, body, period) or date
            period = None
            if date is not None and granularity is not None and _names_period(m, body, start):
                period = (end, date, granularity)
        out.append(_date_mention(body[start:end], _span(start, end), date, granularity))
    return tuple(out)


def _backward_range(first: str, last: str | None) -> bool:
    """Whether a day range ("9-10") ends no later than it starts ("2-1"): no range."""
    return last is not None and _day(last) <= _day(first)


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _shift_month(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _resolve(
    m: re.Match[str], body: str, pub: dt.date | None, modifier: str
) -> tuple[dt.date | None, str | None]:
    kind = m.lastgroup  # the outer group of the branch that matched
    group = m.group
    if kind == "year":  # the commonest kind: tested first
        return _safe(int(group("y4")), 1, 1), "year"
    if kind == "iso":
        return _safe(int(group("iy")), int(group("im")), int(group("id"))), "day"
    if kind == "dmy" or kind == "mdy":
        first = kind == "dmy"
        month = _month(group("m1") if first else group("m2"))
        day = _day(group("d1") if first else group("d2"))
        year_text = group("y1") if first else group("y2")
        if year_text:
            return _safe(int(year_text), month, day), "day"
        if pub is None:
            return None, "day"
        # A range ("July 9-10") that ends on or after publication is not past.
        last = group("e1" if first else "e2")
        year = _year_of(body, m.start(), m.end(), pub, month, day, "", _day(last) if last else day)
        return _safe(year, month, day), "day"
    if kind == "my":
        return _safe(int(group("y3")), _month(group("m3")), 1), "month"
    if kind == "rel":
        unit = group("unit").lower()
        step = _STEPS[group("rdir").lower()]
        if unit == "year":
            return (None if pub is None else _safe(pub.year + step, 1, 1)), "year"
        if unit == "month":
            return (None if pub is None else _shift_month(pub, step)), "month"
        if unit == "decade":
            if pub is None:
                return None, "decade"
            return _safe(pub.year // 10 * 10 + 10 * step, 1, 1), "decade"
        if pub is None or unit not in _SEASON_STARTS or _ARTICLE_BEFORE.search(
            body, max(0, m.start() - 5), m.start()
        ):
            # Weeks and winters: no single calendar date or year; "the next
            # summer", "a previous summer": a story's time, not publication's.
            return None, None
        return _safe(_season_year(pub, _SEASON_STARTS[unit], step), 1, 1), "year"
    if kind == "rmonth":
        if pub is None:
            return None, "month"
        month = _month(group("m4"))
        year = _year_of(body, m.start(), m.end(), pub, month, 0, modifier, 0)
        return _safe(year, month, 1), "month"
    if kind == "wday":
        if pub is None:
            return None, "day"
        return _weekday(body, m, pub, modifier), "day"
    if kind == "deixis":
        if pub is None:
            return None, "day"
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[group("deixis").lower()]
        return pub + dt.timedelta(days=offset), "day"
    return _safe(int(group("dec")), 1, 1), "decade"


# The month a season starts in (northern meteorological seasons). Winter,
# which spans two years, has no year to resolve to.
_SEASON_STARTS: Final = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}


_ARTICLE_BEFORE: Final = re.compile(r"\b(?:the|a|The|A)\s+$")


def _season_year(pub: dt.date, start: int, step: int) -> int:
    """The year of "last" (``step`` -1), "this" (0) or "next" (1) spring,
    summer or autumn: the last one is over; the next one is after "this"
    one, the publication year's, unless that is more than three months off
    ("next summer" said in January)."""
    if step < 0:
        return pub.year if pub.month >= start + 3 else pub.year - 1
    if step > 0:
        return pub.year if start - pub.month > 3 else pub.year + 1
    return pub.year


# -- weekdays and months without a year: the clause's tense -----------------

# Words before a weekday that look ahead when the clause has no tense.
_AHEAD_WORDS: Final = frozenset(("this", "by", "from"))
_STEPS: Final = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
# "in November last year", "Tuesday next week": the year or week said after.
_YEAR_AFTER: Final = re.compile(
    r",?\s+(?:of\s+|earlier\s+|later\s+)?(last|this|next)\s+year\b", re.IGNORECASE
)
_WEEK_AFTER: Final = re.compile(r",?\s+(last|this|next)\s+week\b", re.IGNORECASE)
# Days of a leap year before each month: where a month/day falls in any year.
_DAYS_BEFORE: Final = (0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335)


def _year_of(
    body: str, start: int, end: int, pub: dt.date, month: int, day: int, modifier: str,
    last_day: int,
) -> int:
    """The year of a month (``day`` 0) or a month/day written without one
    (``last_day``: the day a range ends, else ``day``)."""
    said = _YEAR_AFTER.match(body, end)
    if said is not None:
        return pub.year + _STEPS[said.group(1).lower()]
    here = (pub.month, pub.day if day else 0)
    there = (month, day)
    if modifier == "last":
        return pub.year if there < here else pub.year - 1
    if modifier == "next":
        return pub.year if there > here else pub.year + 1
    if modifier == "this":
        return pub.year
    tense = _clause_tense(body, start, end)
    if tense == _PAST:  # the most recent occurrence on or before publication
        return pub.year if there <= here else pub.year - 1
    if tense == _FUTURE:  # the next one on or after it (or that ends so)
        return pub.year if (month, last_day) >= here else pub.year + 1
    return _nearest_year(pub, month, day)


def _nearest_year(pub: dt.date, month: int, day: int) -> int:
    """The year that puts a month (``day`` 0) or month/day nearest publication.

    Within six months either way; the publication year on a tie.
    """
    if day:
        ahead = _DAYS_BEFORE[month - 1] + day - _DAYS_BEFORE[pub.month - 1] - pub.day
        length = 366
    else:
        ahead = month - pub.month
        length = 12
    # In the publication year the date is |ahead| away; in the year before
    # (after) it, when later (earlier) in the year, length - |ahead|.
    if 2 * abs(ahead) <= length:
        return pub.year
    return pub.year - 1 if ahead > 0 else pub.year + 1


def _weekday(body: str, m: re.Match[str], pub: dt.date, modifier: str) -> dt.date:
    """The date of a weekday (see the module docstring for the rules)."""
    wd = _WEEKDAYS[m.group("w").lower()]
    week = _WEEK_AFTER.match(body, m.end())
    if week is not None:  # "Tuesday next week": the Tuesday of the week named
        return pub + dt.timedelta(days=wd - pub.weekday() + 7 * _STEPS[week.group(1).lower()])
    back = (pub.weekday() - wd) % 7  # days since the most recent such day
    ahead = (wd - pub.weekday()) % 7  # days to the next one
    if modifier == "last":
        return pub - dt.timedelta(days=back or 7)
    if modifier == "next":
        return pub + dt.timedelta(days=ahead or 7)
    tense = _clause_tense(body, m.start(), m.end())
    if tense == _UNKNOWN and modifier in _AHEAD_WORDS:
        tense = _FUTURE  # "this Tuesday", "by Tuesday": still to come unless the clause says not
    if tense == _FUTURE:
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


# -- the tense of a clause --------------------------------------------------

_PAST: Final = -1
_UNKNOWN: Final = 0
_FUTURE: Final = 1
_OWN_TIME: Final = 2  # an infinitive's: only a future cue further away counts
#: How far (characters) each side of an expression its clause is read.
_CLAUSE_REACH: Final = 200
#: How many tokens after an expression are read for a cue: the verb after a
#: fronted time ("On Monday, the company said") comes soon; further on, a
#: verb is a relative clause's ("a June 30 deadline for ... they managed").
_AHEAD_REACH: Final = 8
_TOKEN: Final = re.compile(
    r"[A-Za-z][\w'’\-]*"  # a word ("didn't", "long-awaited")
    r"|\d+(?:[.,:]\d+)*"  # a number: a full stop inside ends no sentence
    r"|[.!?]+"
    r"|(?<=[,.!?])['’]|(?<![^\s(\[])['‘’]"  # a single quotation mark, not an apostrophe
    r"|[,;:()\[\]\"“”‘—–\n]|(?<=\s)--?(?=\s)"  # marks; a dash set off by spaces
)
# Marks that always end a clause, even inside brackets (a subset of _CLAUSE_MARKS).
_WINDOW_MARKS: Final = ("\n", '"', "“", "”", "—")
# What ends a clause besides commas and sentence ends (tokens of _TOKEN).
_CLAUSE_MARKS: Final = frozenset(";:()[]\"“”‘’'—–-\n")
# After "next" or "last", a time of its own ("next season"), not the clause's tense.
_TIME_UNITS: Final = frozenset(
    ("year", "month", "week", "weekend", "decade", "season", "spring", "summer", "autumn",
     "fall", "winter")
)
# Kinds of tense_words.tsv that are verbs: after "due to", it means "is to".
_VERB_KINDS: Final = frozenset(("scheduled", "verb", "be", "perfect"))
# What joins a deadline to its time ("a deadline of Sunday", "the deadline
# for bids on May 1").
_DEADLINE_LINKS: Final = frozenset(("of", "on", "for", "by", "at"))
# Kinds of tense_words.tsv that start a clause.
_CONJUNCTIONS: Final = frozenset(("conjunction", "coordinator", "condition"))
# Past forms of "be": "was due to address" is a plan, as "is due to".
_WAS: Final = frozenset(("was", "were"))
# Words that are names when capitalised ("Theresa May", "Will Smith").
_NAMES: Final = frozenset(("may", "will", "rose"))


def _clause_tense(body: str, start: int, end: int) -> int:
    """Whether the clause of the expression ``body[start:end]`` is about the
    past (_PAST) or the future (_FUTURE), or says neither (_UNKNOWN).

    The cue nearest the expression wins (see the module docstring): first
    within the commas around it, back then ahead, then in the rest of its
    clause. A possessive ("Thursday's closing price") qualifies a noun, not
    the verb before it: the clause before its commas does not count.
    """
    words = knowledge().tense_words
    # The clause never crosses these marks: the window is cut at them with
    # str.rfind/find (C scans) before the tokens are read.
    lo = max(0, start - _CLAUSE_REACH)
    hi = min(len(body), end + _CLAUSE_REACH)
    for mark in _WINDOW_MARKS:
        lo = max(lo, body.rfind(mark, lo, start) + 1)
        at = body.find(mark, end, hi)
        if at >= 0:
            hi = at
    tokens = _TOKEN.findall(body, lo, start)
    if body.find("(", lo, start) >= 0 or body.find("[", lo, start) >= 0:
        tokens = _unbracketed(tokens)
    k = len(tokens)
    tokens.append(body[start:end])
    ahead = k + 1  # the tokens after the expression are read when needed
    # Read outwards, a token at a time (most cues are a few words away):
    # back, then ahead, within the commas; then back (unless the expression
    # is a possessive) and ahead to the clause's ends.
    possessive = body.startswith("'s", end) or body.startswith("’s", end)
    back = k - 1
    forth = k + 1
    # An infinitive looks ahead from its governing verb: a future one
    # carries over ("will have to do our best to make it on Thursday"), a
    # past one says nothing ("ordered her to report on Jan. 16").
    infinitive = False
    conditional = False  # the clause within the commas opens with "if"
    for phase in range(4):
        if phase == 2 and possessive:
            continue
        if phase == 1:
            after = _TOKEN.findall(body, end, hi)
            if body.find("(", end, hi) >= 0 or body.find("[", end, hi) >= 0:
                after = _unbracketed(after)
            tokens.extend(after)
            ahead = min(len(tokens), k + 1 + _AHEAD_REACH)
        comma = phase < 2
        step = -1 if phase % 2 == 0 else 1
        i = back if step < 0 else forth
        while (i >= 0 if step < 0 else i < ahead) and not _ends_clause(
            tokens, i, words, comma, step > 0
        ):
            cue = _cue(tokens, i, k, words)
            if cue == _FUTURE:
                return _FUTURE
            if cue == _PAST:
                return _UNKNOWN if infinitive else _PAST
            if cue == _OWN_TIME:
                infinitive = True
            i += step
        if step < 0:
            back = i
            # Not "if December's data are excluded": a possessive's noun has
            # a time of its own.
            if phase == 0 and i >= 0 and not possessive and (
                words.get(tokens[i].lower()) == "condition"
            ):
                conditional = True
        else:
            forth = i
            if conditional:
                # "if we get the money on Monday": a condition in the present
                # tense is about the future.
                return _FUTURE
    return _UNKNOWN


def _unbracketed(tokens: list[str]) -> list[str]:
    """``tokens`` without the bracketed asides they close ("The World Trade
    Organisation (WTO) is to end ..."): the clause reads on across them. A
    bracket left open or closed alone (the expression's own) stays, a clause
    end."""
    out: list[str] = []
    opened: list[int] = []
    for token in tokens:
        if token == "(" or token == "[":
            opened.append(len(out))
        elif (token == ")" or token == "]") and opened:
            del out[opened.pop():]
            continue
        out.append(token)
    return out


def _ends_clause(
    tokens: list[str], i: int, words: Mapping[str, str], comma: bool, ahead: bool = False
) -> bool:
    """Whether ``tokens[i]`` ends a clause (a comma or a conjunction only when
    ``comma``; "and" or "but" after a comma also when read ``ahead``)."""
    token = tokens[i]
    first = token[0]
    if first.isalpha():
        # "and", "but", "while": a clause of its own, as after a comma. Read
        # ahead beyond the commas, ", and" starts another verb's clause
        # ("has announced strikes on Oct. 29, and said it would ballot"); read
        # back, the verb before it is often the date's ("rain will increase,
        # and peak on Thursday").
        if comma:
            return words.get(token.lower()) in _CONJUNCTIONS
        return ahead and tokens[i - 1] == "," and words.get(token.lower()) == "coordinator"
    if first.isdigit():
        return False
    if first == ",":
        return comma
    if first == ".":
        # "p.m. on", "Mr. Smith", "Dec. 31": a full stop after an initial or
        # an abbreviation, or before a lower-case word or a number, is no end.
        prev = tokens[i - 1] if i else ""
        if (len(prev) == 1 and prev.isalpha()) or words.get(prev.lower()) == "abbreviation":
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        return not nxt or not (nxt[0].islower() or nxt[0].isdigit() or nxt[0] == ",")
    return first in "!?" or first in _CLAUSE_MARKS


def _word_before(tokens: list[str], i: int, words: Mapping[str, str]) -> str:
    """The word before ``tokens[i]`` (lower case), skipping adverbs ("did not meet")."""
    j = i - 1
    while j >= 0:
        word = tokens[j].lower().replace("’", "'")
        if words.get(word) != "adverb":
            return word
        j -= 1
    return ""


def _word_at(tokens: list[str], i: int) -> str:
    """``tokens[i]`` in lower case, or "" past the end."""
    return tokens[i].lower() if i < len(tokens) else ""


def _infinitive(tokens: list[str], i: int, k: int, words: Mapping[str, str]) -> int:
    """The cue of "to" at ``tokens[i]``, before the expression at ``tokens[k]``.

    An infinitive's time is after its governing verb's, which says nothing
    of publication ("ordered her to report on Jan. 16", "asked him to go on
    Wednesday"): _OWN_TIME, unless that word looks ahead ("expected to",
    "plans to", "is to", "has to"). "to" before a noun ("taken to hospital")
    or after the expression is no cue.
    """
    nxt = tokens[i + 1] if i + 1 < k else ""
    if not nxt or not nxt[0].islower():
        return _UNKNOWN
    kind = words.get(nxt.lower(), "")
    if kind == "determiner" or kind == "noun" or nxt.endswith("'s"):
        return _UNKNOWN
    before = _word_before(tokens, i, words)
    if before == "due":
        if not _due_to_verb(tokens, i - 1, words):
            return _UNKNOWN  # "closed due to flooding": because of
        if _had_been(tokens, i - 1, words):
            # "had been due to open on Friday but ...": a plan given up,
            # whose day may be past or still ahead.
            return _OWN_TIME
    governing = words.get(before, "")
    if governing == "future" or governing == "future_to" or governing == "present_be":
        return _FUTURE
    if before == "has" or before == "have":
        return _FUTURE  # "has to leave"
    if before == "had":
        return _PAST
    return _OWN_TIME


def _due_to_verb(tokens: list[str], i: int, words: Mapping[str, str]) -> bool:
    """Whether "due to" at ``tokens[i]`` governs a verb ("is due to address
    parliament", "due to report"), not a noun ("closed due to flooding").

    After a form of "be", any word but a determiner, a noun or one in -ing
    is a verb (nearly always, in news); elsewhere only the verbs the word
    list names.
    """
    after = tokens[i + 2] if i + 2 < len(tokens) else ""
    kind = words.get(after.lower(), "")
    if kind in _VERB_KINDS:
        return True
    if not after[:1].islower() or kind or after.endswith("ing") or after.endswith("'s"):
        return False
    be = words.get(_word_before(tokens, i, words), "")
    return be == "present_be" or be == "be" or _word_before(tokens, i, words) in _WAS


def _had_been(tokens: list[str], i: int, words: Mapping[str, str]) -> bool:
    """Whether "had been" stands before ``tokens[i]`` (adverbs skipped)."""
    j = i - 1
    while j >= 0 and words.get(tokens[j].lower()) == "adverb":
        j -= 1
    return j > 0 and tokens[j].lower() == "been" and _word_before(tokens, j, words) == "had"


def _before_verb(tokens: list[str], i: int, words: Mapping[str, str]) -> bool:
    """Whether the modal ``tokens[i]`` is one: a verb follows it ("could
    peak", "will not"), where a noun's ("an aerosol can and a lighter", "the
    will of the people") does not."""
    if i + 1 >= len(tokens) or not tokens[i + 1][0].islower():
        return False
    after = words.get(tokens[i + 1], "")
    return after != "determiner" and after not in _CONJUNCTIONS and (
        words.get(_word_before(tokens, i, words)) != "determiner"
    )


def _cue(tokens: list[str], i: int, k: int, words: Mapping[str, str]) -> int:
    """The tense ``tokens[i]`` gives the clause of the expression at ``tokens[k]``."""
    token = tokens[i]
    if not token[0].isalpha():
        return _UNKNOWN
    word = token.lower().replace("’", "'")
    if word == "to":
        return _infinitive(tokens, i, k, words)
    kind = words.get(word, "")
    if kind == "modal":
        if token[0].isupper() and word in _NAMES:
            return _UNKNOWN
        return _FUTURE if _before_verb(tokens, i, words) else _UNKNOWN
    if kind == "past" or kind == "future":
        if token[0].isupper() and word in _NAMES:
            return _UNKNOWN
        if _word_at(tokens, i + 1) in _TIME_UNITS:
            return _UNKNOWN  # "next season", "last week": a time of their own
        if kind == "past":
            before = words.get(_word_before(tokens, i, words), "")
            if before == "perfect" or before == "be" or before == "present_be":
                # "has won": a present perfect takes no date; "to be held": a
                # passive, whose auxiliary decides.
                return _UNKNOWN
            return _PAST
        if word == "due" and _word_at(tokens, i + 1) == "to":
            # "due to start": future; "closed due to flooding": because of.
            if not _due_to_verb(tokens, i, words):
                return _UNKNOWN
            return _OWN_TIME if _had_been(tokens, i, words) else _FUTURE
        before_word = _word_before(tokens, i, words)
        if before_word == "than" or before_word == "as":
            return _UNKNOWN  # "rose more than expected", "as planned"
        if before_word == "had":
            return _PAST  # "had planned to hold it on Feb. 22": a plan given up
        return _FUTURE
    if not token[0].islower() and not (
        # "Asked on Thursday, he said": a participle opening a sentence.
        kind == "" and (i == 0 or _ends_clause(tokens, i - 1, words, False))
    ):
        return _UNKNOWN  # a name, not a verb
    if kind == "future_to":
        return _FUTURE if _word_at(tokens, i + 1) == "to" else _UNKNOWN
    if kind == "deadline":
        # "gave them a deadline of 11:59 p.m. on Sunday": a time still to
        # come, unless a verb nearer the date says otherwise ("the deadline
        # passed on Thursday").
        return _FUTURE if i < k and _word_at(tokens, i + 1) in _DEADLINE_LINKS else _UNKNOWN
    if kind == "future_of":
        return _FUTURE if _word_at(tokens, i + 1) == "of" else _UNKNOWN
    if kind == "onset":
        return _FUTURE if i == k - 1 else _UNKNOWN
    if kind == "ongoing":
        if i > k or _word_at(tokens, i + 1) == "to":
            # "saw the economy continue to expand", "on Monday as an inquiry
            # continues": a state going on, no timetable.
            return _UNKNOWN
        kind = "scheduled"
    if kind == "scheduled":
        prev = _word_before(tokens, i, words)
        before = words.get(prev, "")
        if before == "determiner" or prev.endswith("'s"):
            return _UNKNOWN  # a noun: "his visit on Monday"
        if prev == "to" or before == "perfect":
            # An infinitive: "to" decides (see _infinitive); a participle
            # ("has come down"): a present perfect takes no date.
            return _UNKNOWN
        # "did not meet on Monday"; else the present of a timetable ("the
        # talks resume Monday") or a verb after a modal ("will meet").
        return _PAST if before == "past" else _FUTURE
    if kind == "present_be":
        if i == k - 1 or (i == k - 2 and tokens[k - 1] == "on") or _word_at(tokens, i + 1) == "to":
            return _FUTURE  # "the vote is on Tuesday", "is to meet"
        return _UNKNOWN
    if word.endswith("'ll"):
        return _FUTURE
    if kind == "sequence":
        if _word_at(tokens, i + 1) == "by":
            return _UNKNOWN  # "..., followed by forecasts in December": the clause's tense
        kind = ""
    if kind == "" and len(word) > 3 and word.endswith("ed") and "-" not in word:
        prev = _word_before(tokens, i, words)
        before = words.get(prev, "")
        if before == "determiner" or before == "be" or before == "present_be" or (
            before == "perfect" or prev.endswith("'s") or prev.endswith("'ve")
        ):
            # An adjective ("the revised plan"), a passive participle whose
            # auxiliary decides ("will be played", "was arrested") or a
            # present perfect, which takes no date ("have announced a concert
            # on 1 July").
            return _UNKNOWN
        return _PAST
    if len(word) > 4 and word.endswith("ing"):
        prev = _word_before(tokens, i, words)
        if i < k and words.get(prev) == "present_be":
            return _FUTURE  # "is travelling to Rome on Monday"
        if prev == "was" or prev == "were":
            return _PAST
    return _UNKNOWN


# -- "the previous year" after an explicit period ---------------------------

# "for 2025", "in fiscal 2025", "during June 2021": a period an article
# reports on, after which "the previous year" counts back from it.
_PERIOD_BEFORE: Final = re.compile(
    r"(?:(?P<word>[\w'’\-]+)\s+)?\b(?:for|in|during|of)\s+(?:fiscal\s+)?$", re.IGNORECASE
)
_SENTENCE_END: Final = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z]|\n")
#: The furthest (characters) "the previous year" may stand from its period.
_PERIOD_REACH: Final = 150


def _names_period(m: re.Match[str], body: str, start: int) -> bool:
    """Whether the year or month-and-year ``m`` names a reported period.

    "for 2025", "in 2025" and "in June 2021" do; "founded in 1990" and
    "born in 1990" name an event's date, not a period figures are given for.
    """
    kind = m.lastgroup
    if kind != "year" and kind != "my":
        return False
    before = _PERIOD_BEFORE.search(body, max(0, start - 40), start)
    if before is None:
        return False
    word = (before.group("word") or "").lower()
    return not (word.endswith("ed") or knowledge().tense_words.get(word) == "past"
                or word == "born")


def _before_period(
    m: re.Match[str], body: str, period: tuple[int, dt.date, str]
) -> dt.date | None:
    """"the previous year" (month) counted from the period just named, in
    the same sentence ("for 2025, up 4% from the previous year": 2024)."""
    end, date, granularity = period
    unit = m.group("unit").lower()
    if m.group("rdir").lower() != "previous" or m.start() - end > _PERIOD_REACH:
        return None
    if not (unit == "year" or (unit == "month" and granularity == "month")):
        return None  # a month counts back from a month, a year from either
    if _SENTENCE_END.search(body, end, m.start()) is not None:
        return None
    return _safe(date.year - 1, 1, 1) if unit == "year" else _shift_month(date, -1)
