"""Time expressions: "in October", "on Tuesday", "3 March 2024", "last year", "1962".

Two regular expressions find the expressions (longest form first), tried
only where one can start (found with ``str.find``); each is resolved to a
calendar date relative to the article's publication date when that is
known. Resolution rules, kept simple and predictable:

* Weekdays are the most recent such day on or before publication, or the
  next one on or after it when the expression says "next" or the clause is
  in the future tense ("will meet on Tuesday").
* A month without a year is the one in the publication year, moved a year
  back ("last October") or forward ("next October") when the text says so.
* "last/this/next year|month" count from the publication date; "yesterday",
  "today", "tomorrow" likewise.
* Explicit dates need no publication date.

Months and years resolve to their first day; ``granularity`` says which part
of the date is meaningful ("day", "month", "year" or "decade").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from newsbrief.model import DateMention
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
    rf"|(?P<dmy>(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?)"
    rf"|(?P<decade>(?P<dec>1[5-9]\d0|20[0-9]0)['’]?s)"
    rf"|(?P<year>(?P<y4>{_YEAR}))"
)
_WORDY: Final = re.compile(
    rf"(?P<mdy>(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_YEAR}))?)(?![\d:])"
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
_ORDINAL_ENDS: Final = frozenset(("st", "nd", "rd", "th"))
_DIGITS: Final = frozenset("0123456789")


def _run_start(body: str, end: int) -> int:
    """Start of the run of ASCII digits that ends at ``end`` (``end`` when none)."""
    i = end
    while i > 0 and body[i - 1] in _DIGITS:
        i -= 1
    return i


def _day_before(body: str, at: int, out: set[int]) -> None:
    """Add the start of a day number ("5", "5th") that ends at ``at``."""
    if body[at - 2 : at] in _ORDINAL_ENDS:
        start = _run_start(body, at - 2)
        if start < at - 2:
            out.add(start)
    start = _run_start(body, at)
    if start < at:
        out.add(start)


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
_FUTURE: Final = re.compile(
    r"\b(?:will|would|shall|to\s+(?:meet|visit|hold|travel|attend)|is\s+due|"
    r"are\s+due|plans?\s+to|scheduled|set\s+to|next)\b[^.!?]{0,60}$",
    re.IGNORECASE,
)
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
    found: list[tuple[int, int, re.Match[str], str | None]] = []
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
        found.append((back.start() if back else start, end, m, None))
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
        direction: str | None = None
        kind = m.lastgroup
        if kind == "rmonth" or kind == "wday":
            if kind == "rmonth":
                back = _modifier_before(_BEFORE_MONTH, _BEFORE_MONTH_ENDS, True, body, lo, start)
            else:
                back = _modifier_before(
                    _BEFORE_WEEKDAY, _BEFORE_WEEKDAY_ENDS, False, body, lo, start
                )
            if back is not None:
                direction = back.group("dir")
                start = back.start()
                if direction and direction.lower() in ("early", "late", "mid"):
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
        found.append((start, end, m, direction))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[DateMention] = []
    last_end = -1
    for start, end, m, direction in found:
        if start < last_end:
            continue
        last_end = end
        date, granularity = _resolve(m, body, pub, direction)
        out.append(_date_mention(body[start:end], _span(start, end), date, granularity))
    return tuple(out)


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
    m: re.Match[str], body: str, pub: dt.date | None, direction: str | None
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
        return _safe(pub.year, month, day), "day"
    if kind == "my":
        return _safe(int(group("y3")), _month(group("m3")), 1), "month"
    if kind == "rel":
        unit = group("unit").lower()
        rdir = group("rdir").lower()
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rdir]
        if unit == "year":
            return (None if pub is None else _safe(pub.year + step, 1, 1)), "year"
        if unit == "month":
            return (None if pub is None else _shift_month(pub, step)), "month"
        if unit == "decade":
            if pub is None:
                return None, "decade"
            return _safe(pub.year // 10 * 10 + 10 * step, 1, 1), "decade"
        return None, None  # weeks and seasons: no single calendar date
    if kind == "rmonth":
        month = _month(group("m4"))
        if pub is None:
            return None, "month"
        year = pub.year
        mdir = (direction or "").lower()
        if mdir == "last":
            year = pub.year if month < pub.month else pub.year - 1
        elif mdir == "next":
            year = pub.year if month > pub.month else pub.year + 1
        return _safe(year, month, 1), "month"
    if kind == "wday":
        if pub is None:
            return None, "day"
        wd = _WEEKDAYS[group("w").lower()]
        wdir = (direction or "").lower()
        future = wdir == "next" or (
            wdir != "last" and _FUTURE.search(body, max(0, m.start() - 80), m.start()) is not None
        )
        if future:
            delta = (wd - pub.weekday()) % 7
            if wdir == "next" and delta == 0:
                delta = 7
            return pub + dt.timedelta(days=delta), "day"
        delta = (pub.weekday() - wd) % 7
        if wdir == "last" and delta == 0:
            delta = 7
        return pub - dt.timedelta(days=delta), "day"
    if kind == "deixis":
        if pub is None:
            return None, "day"
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[group("deixis").lower()]
        return pub + dt.timedelta(days=offset), "day"
    return _safe(int(group("dec")), 1, 1), "decade"
