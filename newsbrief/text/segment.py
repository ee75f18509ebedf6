"""Paragraph and sentence segmentation for news English.

Pure Python and linear in the input. A paragraph is a block of text between
blank lines. Inside a paragraph a few cheap checks first cut the boundaries
that depend on layout: list items on their own lines ("- ...", "1. ..."),
bullets ("•"), inline numbered lists whose markers count up ("1.) ... 2.)
..."), and single line breaks that are clearly intended (after a colon, after
a short heading-like line, or where the next word would have fitted on the
line, so the text was not merely wrapped). Then every terminal mark (``.``,
``!``, ``?``, ellipses) followed by optional closing quotes or brackets and by
whitespace is a candidate, found with ``str.find``, and a small decision
procedure keeps the real ones by looking at the word before and the word
after:

* a lower-case next word continues the sentence ("Yahoo! in", "Co. at",
  ``"Why?" she asked``); so does a dash;
* titles (Mr., Dr., Gov., Sen., St., Prof., ...) and ``e.g.``/``i.e.`` never
  end one ("on Elm St. The house" aside);
* abbreviations taking a number (No. 10, p. 55, Jan. 5) do not end one before
  a digit;
* abbreviations that may end a sentence (U.S., Inc., Co., Jr., initials like
  Jonas E. Smith) end one only when a typical sentence opener follows ("in the
  U.S. The company" but "the U.S. Senate");
* times (5 a.m., 6 P.M.) end a sentence before a capitalised word unless it is
  a time zone or a weekday, or the time is the opening phrase ("At 5 a.m. Mr.
  Smith ...");
* a quoted question followed by a named attribution stays whole ('"Why?"
  Velt asked.');
* ellipses, list markers ("1.", "a)", "2.)") and bracketed elisions
  ("[...]") have their own rules.

All offsets index the original text exactly; sentences are stripped of
surrounding whitespace, never empty and never cross a blank line.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

from newsbrief import model
from newsbrief.model import Paragraph, Sentence

__all__ = ["segment", "split_paragraphs", "split_sentences"]

# --------------------------------------------------------------------------
# Patterns

#: A blank line: a run of whitespace holding at least two newlines (or a
#: Unicode paragraph separator).
_PARAGRAPH_BREAK: Final = re.compile(r"(?:\n[^\S\n]*\n|\u2029)\s*")
_NON_SPACE: Final = re.compile(r"\S")

_OPENERS: Final = "\"'“‘«‹([{"
_CLOSERS: Final = "\"'”’»›)]}"
#: Unambiguous bullet characters: they start a new item even mid-line.
_BULLETS: Final = "•⁃‣◦▪●■►➢"

#: Terminal marks. Candidates are found with ``str.find`` (much faster than a
#: regular expression with a character class): a run of marks, then closing
#: quotes/brackets, then whitespace or the end of the segment.
_MARKS: Final = ".!?…‽"
_ASCII_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SPACED_ELLIPSIS: Final = re.compile(r"(?: \.){2,}")
_WORD_TAIL: Final = re.compile(r"\w*")
#: An attribution after a quoted question or exclamation: '"Why?" Smith asked.'
_ATTRIBUTION: Final = re.compile(
    r"(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:said|says|asked|asks|added|adds|replied|replies|"
    r"shouted|shouts|wrote|writes|exclaimed|cried|yelled|wondered|continued|explained|"
    r"insisted|recalled|tweeted)(?=[.,!?]|\s*$)"
)
_INLINE_BULLET: Final = re.compile(r"(?<=\s)[" + _BULLETS + r"]")
#: A list marker opening a line: a bullet or dash, or "1." / "2)" / "a)" / "(iv)".
_LINE_MARKER: Final = re.compile(
    r"(?:[-*+–—·" + _BULLETS + r"]|\(?\d{1,3}\.?\)|\d{1,3}\.|\(?[a-z][.)]|\(?[A-Z]\)"
    r"|\([ivxIVX]{1,4}\))(?:\s|\Z)"
)
#: A numbered-list marker at the start of a segment, optionally after a bullet.
_LEAD_MARKER: Final = re.compile(
    r"[" + _BULLETS + r"*\-–]?\s*(?:(\d{1,3})|([a-z])|([A-Z])(?=\)))(\.\)|\)|\.)\s"
)
_INLINE_MARKER: Final = re.compile(r"(?<=\s)(?:(\d{1,3})|([a-z])|([A-Z])(?=\)))(\.\)|\)|\.)(?=\s)")
#: Dotted initialisms: U.S, E.U, J.R.R, a.m, Ph.D (the final period excluded).
_DOTTED: Final = re.compile(r"[A-Za-z]{1,2}(?:\.[A-Za-z]{1,2})+")
_ROMAN: Final = re.compile(r"[ivx]{1,4}|[IVX]{1,4}")

# --------------------------------------------------------------------------
# Word lists (lower case, without the final period)

#: Abbreviations that precede a name or a word and so never end a sentence.
_NEVER_END: Final = frozenset(
    (
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gov", "govs", "sen", "sens",
        "rep", "reps", "gen", "col", "lt", "capt", "cpt", "sgt", "cpl", "pte", "pvt", "cmdr",
        "cdr", "adm", "maj", "brig", "lieut", "supt", "insp", "det", "cllr", "ald", "atty",
        "rev", "revd", "hon", "pres", "fr", "sra", "srta", "st", "mt", "ft", "pt", "e.g", "i.e",
        "eg", "ie", "vs", "v", "viz", "cf",
    )
)
#: Latin abbreviations of _NEVER_END, which are written in lower case.
_LATIN: Final = frozenset(("e.g", "i.e", "eg", "ie", "vs", "v", "viz", "cf"))
#: Abbreviations that do not end a sentence when a number follows (No. 10).
_BEFORE_NUMBER: Final = frozenset(
    (
        "no", "nos", "nr", "n°", "nº", "p", "pp", "para", "paras", "vol", "vols", "fig", "figs",
        "ch", "chap", "sec", "sect", "art", "arts", "op", "tel", "ext", "ex", "approx", "ca",
        "c", "circa", "rs", "ver", "pg", "pgs", "pl", "est", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    )
)
#: Abbreviations that may end a sentence: they end one only before a typical
#: sentence opener ("Pitt, Briggs & Co. It closed" but "Co. Chief Executive").
_MAY_END: Final = frozenset(
    (
        "inc", "co", "corp", "ltd", "plc", "llc", "llp", "lp", "bros", "cos", "pty", "jr", "sr",
        "esq", "ave", "blvd", "rd", "dept", "univ", "assn", "govt", "natl", "intl", "est",
    )
)
# Kinds of abbreviation, as bit flags: one dictionary lookup per candidate.
_K_TITLE: Final = 1
_K_NUMBER: Final = 2
_K_MAY_END: Final = 4
_K_LATIN: Final = 8
_K_TIME: Final = 16
_K_ERA: Final = 32


def _kinds() -> MappingProxyType[str, int]:
    kinds: dict[str, int] = {}
    for words, flag in (
        (_NEVER_END - _LATIN, _K_TITLE),
        (_LATIN, _K_LATIN),
        (_BEFORE_NUMBER, _K_NUMBER),
        (_MAY_END, _K_MAY_END),
        (frozenset(("a.m", "p.m")), _K_TIME),
        (frozenset(("b.c", "b.c.e", "c.e")), _K_ERA),
    ):
        for word in words:
            kinds[word] = kinds.get(word, 0) | flag
    return MappingProxyType(kinds)


#: Every abbreviation (lower case, without its final period) with its kinds.
_KIND: Final = _kinds()
#: Capitalised words that typically open a sentence (function words).
OPENER_WORDS: Final = frozenset(
    (
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
        "Those", "There", "Here", "His", "Her", "Its", "Their", "Our", "My", "Your", "But",
        "And", "Or", "So", "Yet", "However", "Meanwhile", "Also", "Still", "Then", "Now",
        "Today", "Yesterday", "Tomorrow", "Last", "Next", "Earlier", "Later", "Instead",
        "Indeed", "Although", "Though", "While", "When", "Where", "What", "Why", "How", "Who",
        "Whom", "Whose", "Which", "If", "As", "After", "Before", "Since", "Because", "Despite",
        "In", "On", "At", "By", "For", "From", "With", "Without", "Under", "Over", "Among",
        "According", "During", "Until", "Unlike", "Like", "Some", "Many", "Most", "All", "Each",
        "Every", "Both", "Several", "Such", "Other", "Another", "Any", "Few", "No", "Not",
        "Nor", "None", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Could", "Will",
        "Would", "Should", "Shall", "May", "Might", "Must", "Has", "Have", "Had", "Let",
        "Please", "Thus", "Therefore", "Furthermore", "Moreover", "Nevertheless", "Otherwise",
        "Overall", "Only", "Even", "Just", "Once", "First", "Finally", "Mr", "Mrs", "Ms",
        "Miss", "More", "Less", "Much", "Besides", "Either", "Neither", "Whether", "Within",
        "Throughout", "Amid", "Against",
        # Plural nouns that open news sentences ("... Brightwater Inc. Shares rose").
        "Shares", "Officials", "Analysts", "Investors", "Prosecutors",
        "Authorities", "Critics", "Experts", "Residents", "Witnesses", "Researchers",
    )
)
#: Capitalised words that often follow a clock time mid-sentence (5 p.m. GMT).
AFTER_TIME: Final = frozenset(
    (
        "GMT", "BST", "UTC", "CET", "CEST", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST",
        "MDT", "PT", "PST", "PDT", "AEST", "AEDT", "IST", "JST", "Eastern", "Central",
        "Mountain", "Pacific", "Atlantic", "Local", "Greenwich", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed",
        "Thu", "Thurs", "Fri", "Sat", "Sun", "Jan", "January", "Feb", "February", "Mar",
        "March", "Apr", "April", "May", "Jun", "June", "Jul", "July", "Aug", "August", "Sep",
        "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December",
    )
)
#: Prepositions that open a short time phrase ("At 5 a.m. Mr. Smith left").
TIME_PREPOSITIONS: Final = frozenset(
    (
        "at", "by", "around", "about", "until", "till", "before", "after", "from", "since",
        "shortly", "just", "on", "between",
    )
)
#: Words a wrapped line may end with: the sentence obviously goes on.
_CONTINUATION_WORDS: Final = frozenset(
    (
        "the", "a", "an", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with",
        "from", "as", "that", "than",
    )
)
_SHORT_LINE: Final = 40
#: Words after which a number is a quantity, not an inline list marker.
_COUNT_WORDS: Final = frozenset(
    (
        "to", "by", "of", "from", "than", "at", "and", "or", "vs", "v", "under", "over",
        "about", "around", "nearly", "almost", "only", "just", "no", "no.", "number", "page",
        "top", "the", "was", "is", "were", "are", "be", "been", "with", "in", "on",
    )
)


# --------------------------------------------------------------------------
# Paragraphs


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the paragraphs of ``text`` as ``(start, end)`` offsets.

    Paragraphs are separated by blank lines (lines holding only whitespace).
    Each span is stripped of surrounding whitespace and never empty, so
    ``text[start:end]`` is the paragraph exactly.

    Args:
        text: Any text.

    Returns:
        The paragraph spans in order.
    """
    spans: list[tuple[int, int]] = []
    if "\u2029" in text:
        pos = 0
        for match in _PARAGRAPH_BREAK.finditer(text):
            _add_stripped(text, pos, match.start(), spans)
            pos = match.end()
        _add_stripped(text, pos, len(text), spans)
        return spans
    # str.find is much faster than a regular expression here.
    length = len(text)
    pos = 0
    newline = text.find("\n")
    while newline != -1:
        j = newline + 1
        while j < length and text[j] != "\n" and text[j].isspace():
            j += 1
        if j < length and text[j] == "\n":
            _add_stripped(text, pos, newline, spans)
            pos = j
            newline = text.find("\n", j + 1)
        else:
            newline = text.find("\n", j)
    _add_stripped(text, pos, length, spans)
    return spans


def _add_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if end > start:
        out.append((start, end))


# --------------------------------------------------------------------------
# Hard cuts inside a paragraph (lines, bullets, inline numbered lists)


def _line_break_splits(prev: str, nxt: str, width: int, listy: bool) -> bool:
    """Whether a single newline between two stripped lines ends a sentence.

    Only the cases the sentence rules cannot see are decided here; when this
    returns False the newline is treated as a space and the ordinary rules
    still apply (so "in the U.S.\\nThe company" is still cut).

    Args:
        prev: The line before the newline, stripped.
        nxt: The line after it, stripped.
        width: The longest line of the paragraph, an estimate of the width
            the text was wrapped at.
        listy: Whether every line of the paragraph (three or more) starts
            with a capital, a digit or a quotation mark, as list items and
            verse do and wrapped prose almost never does.
    """
    if not prev or not nxt:
        return True  # a whitespace-only line: a paragraph break
    if _LINE_MARKER.match(nxt):
        return True  # the next line is a list item
    first = nxt[0]
    if first.islower():
        return False  # a wrapped line going on
    if _LINE_MARKER.match(prev):
        return True  # a list item ends with its line
    last = prev[-1]
    if last == ":":
        return True  # introduces a list or a quotation
    if last in ",;-–—&/(" or last in _OPENERS or last in _MARKS:
        return False  # runs on, or ends like a sentence: the sentence rules decide
    if last in _CLOSERS and prev.rstrip(_CLOSERS)[-1:] in _MARKS:
        return False  # ends like a sentence: 'he said "no."'
    if prev.rsplit(None, 1)[-1].lower() in _CONTINUATION_WORDS:
        return False  # visibly runs on: "Visiting the"
    # A short line followed by a capitalised one is a heading, a list item or
    # an address line. So is any line the next word would have fitted on:
    # text wrapped at a width only breaks where the next word does not fit.
    next_word = len(nxt.split(None, 1)[0])
    return listy or len(prev) <= _SHORT_LINE or len(prev) + 1 + next_word <= width


def _line_cuts(text: str, start: int, end: int, cuts: list[int]) -> None:
    """Append the offsets of the newlines in ``text[start:end]`` that end sentences."""
    lines: list[tuple[int, str]] = []
    line_start = start
    while True:
        newline = text.find("\n", line_start, end)
        stop = end if newline == -1 else newline
        lines.append((line_start, text[line_start:stop].strip()))
        if newline == -1:
            break
        line_start = newline + 1
    width = max(len(line) for _, line in lines)
    texts = [line for _, line in lines if line]
    listy = len(texts) >= 3 and all(
        line[0].isupper() or line[0].isdigit() or line[0] in _OPENERS for line in texts
    )
    prev = ""
    for line_start, line in lines:
        if line:
            if prev and _line_break_splits(prev, line, width, listy):
                cuts.append(line_start)
            prev = line
        elif prev:
            cuts.append(line_start)  # a whitespace-only line
            prev = ""


def _list_cuts(text: str, start: int, end: int, cuts: list[int]) -> None:
    """Append cuts before inline items of a list opening at ``start``.

    "1.) The first item 2.) The second item" is a list only because the
    markers count up in the same style; a lone "2." mid-sentence is not.
    """
    lead = _LEAD_MARKER.match(text, start, end)
    if lead is None:
        return
    digits, lower, upper, style = lead.groups()
    expected = _marker_value(digits, lower, upper) + 1
    kind = 0 if digits else 1 if lower else 2
    for match in _INLINE_MARKER.finditer(text, lead.end(), end):
        m_digits, m_lower, m_upper, m_style = match.groups()
        m_kind = 0 if m_digits else 1 if m_lower else 2
        if (
            m_style == style
            and m_kind == kind
            and _marker_value(m_digits, m_lower, m_upper) == expected
            and not _counts_before(text, start, match.start())
        ):
            cuts.append(match.start())
            expected += 1


def _counts_before(text: str, start: int, marker: int) -> bool:
    """Whether the word before ``marker`` makes it a quantity ("voted 7 to 2. The")."""
    word_start = _previous_word_start(text, start, marker)
    if word_start < 0:
        return False
    word = text[word_start:marker].strip().lower()
    return word in _COUNT_WORDS


def _marker_value(digits: str | None, lower: str | None, upper: str | None) -> int:
    if digits:
        return int(digits)
    return ord(lower or upper or "a")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at the hard boundaries; return the pieces."""
    cuts: list[int] = []
    if text.find("\n", start, end) != -1:
        _line_cuts(text, start, end, cuts)
    for match in _INLINE_BULLET.finditer(text, start, end):
        cuts.append(match.start())
    if cuts:
        cuts = sorted(set(cuts))
    bounds = [start, *cuts, end]
    pieces: list[tuple[int, int]] = []
    for i in range(len(bounds) - 1):
        lo, hi = bounds[i], bounds[i + 1]
        first = _NON_SPACE.search(text, lo, hi)
        if first is None:
            continue
        lo = first.start()
        if _may_open_list(text, lo, hi):
            sub: list[int] = []
            _list_cuts(text, lo, hi, sub)
            if sub:
                edges = [lo, *sub, hi]
                pieces.extend((edges[j], edges[j + 1]) for j in range(len(edges) - 1))
                continue
        pieces.append((lo, hi))
    return pieces


def _may_open_list(text: str, start: int, end: int) -> bool:
    """A cheap test before ``_LEAD_MARKER``: does ``text[start]`` look like "1." or "a)"?"""
    char = text[start]
    if char.isdigit() or char in _BULLETS or char in "*-–":
        return True
    return char.isalpha() and start + 1 < end and text[start + 1] in ".)"


def _has_bullet(text: str, start: int, end: int) -> bool:
    if start == 0 and end == len(text):
        # The whole text (a body): "in" parses no arguments, unlike find.
        return any(bullet in text for bullet in _BULLETS)
    # (str.find called as a method: the compiled build makes it a direct C call.)
    return any(text.find(bullet, start, end) != -1 for bullet in _BULLETS)


# --------------------------------------------------------------------------
# Sentences


def _is_marker(word: str) -> bool:
    """Whether ``word`` (before a period) is a list marker: 1, 12, a, B, iv."""
    if word.isdigit():
        return len(word) <= 3
    if len(word) == 1:
        return word.isalpha()
    return _ROMAN.fullmatch(word) is not None


def _only_bullets(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds nothing but whitespace and bullets."""
    return not text[start:end].strip().strip(_BULLETS + "*-–").strip()


def _boundary(
    text: str, pos: int, m_start: int, run_end: int, m_end: int, end: int, spaced: bool
) -> int:
    """Decide a candidate: return where the sentence ends, or -1 if it goes on.

    Args:
        text: The whole text.
        pos: Where the current sentence starts.
        m_start: Where the candidate's terminal marks start.
        run_end: Where they end (closing quotes and brackets follow).
        m_end: Where the candidate ends (whitespace or ``end`` follows).
        end: The end of the current segment.
        spaced: Whether the marks are a spaced ellipsis (". . .").
    """
    # (The commonest case, "... word. The", is decided in _scan, before any call.)
    # The next word: skip the whitespace, then any opening quotes/brackets.
    k = m_end + 1
    while k < end and text[k].isspace():
        k += 1
    if k >= end:
        return m_end  # nothing follows in this segment
    first = text[k]
    opener = first
    openers = False
    if first in _OPENERS:
        j = k + 1
        while j < end and text[j] in _OPENERS:
            j += 1
        if j < end and not text[j].isspace():
            openers = True
            k = j
            first = text[j]
    elif first in "-–—":
        # A dash goes on with the sentence ("(naturally!) - recreated", "Awesome!'
        # - Ana Velt"), but "... on Monday. - Keep your phone" starts an item.
        j = k + 1
        while j < end and text[j] in "-–— \t":
            j += 1
        if m_end > run_end or j >= end or text[j].islower():
            return -1
        if _is_dateline(text, pos, m_start):
            return -1  # "NEWPORT, Va. - In a tradition ..."
        return m_end
    # A lower-case next word continues the sentence ("eBay", "iPod" and a
    # bracketed "(btw ...)" do not count as lower case).
    lower_word = first.islower() and not _has_upper(text, k, end)
    lower_next = lower_word and not openers
    # The word before the marks. Any whitespace separates words; all of it
    # but " " is unprintable, so isprintable() spots the rare no-break space
    # or newline inside. (The cost is the word's length, not the sentence's.)
    tok = text.rfind(" ", pos, m_start) + 1
    if tok < pos:
        tok = pos
    word = text[tok:m_start]
    if not word.isprintable():
        tok = m_start
        while tok > pos and not text[tok - 1].isspace():
            tok -= 1
        word = text[tok:m_start]

    if spaced:
        if lower_next:
            return -1
        if tok == m_start:
            # " . . . " mid-sentence; " . . . ." is an ellipsis and a full stop.
            return -1 if text.count(".", m_start, run_end) == 3 else m_end
        # "compounds. . . . The": the period ends it, the ellipsis opens the next.
        return m_start + 1

    if run_end - m_start > 1 or text[m_start] != ".":
        run = text[m_start:run_end]
        if "?" in run or "!" in run or "‽" in run:
            if lower_next:
                return -1  # '"Why?" she asked', "Yahoo! in"
            if m_end > run_end and not openers and _ATTRIBUTION.match(text, k, end):
                return -1  # '"Why?" Smith asked.'
            return m_end
        # An ellipsis: "...", "....", "…".
        if lower_next:
            return -1
        if tok == m_start:
            # "really ... I mean": a pause, unless a full stop is added.
            return m_end if len(run) >= 4 else -1
        if text[m_start - 1] in "[(":
            return -1  # "[...]" marks an elision
        return m_end

    # A single period.
    closers = m_end > run_end
    if word and word[0] in _OPENERS:
        word = word.lstrip(_OPENERS)
    if (
        tok - pos <= 4
        and word
        and len(word) <= 6
        and (not closers or text[run_end] == ")")
    ):
        bare = word.lstrip(_BULLETS)
        if _is_marker(bare) and _only_bullets(text, pos, m_start - len(bare)):
            return -1  # "1. The first item", "2.) The second item"
    if lower_next:
        return -1
    if closers or not word:
        return m_end  # '"Stop." He left.' / "(He left.) Then"
    if opener == "(" and _is_dateline(text, pos, m_start):
        return -1  # "KARSBY, Va. (AP) - The port ..."

    # Abbreviations are written "Dr", "dr" or "U.S"; all-capital words like
    # "FT" or "MS" are acronyms, which end sentences like any word.
    kind = _KIND.get(word.lower(), 0) if word.islower() or word.istitle() else 0
    if first.isdigit() and not openers:
        return -1 if kind & (_K_NUMBER | _K_TITLE | _K_LATIN) else m_end  # "No. 10", "p. 55"
    if kind & _K_LATIN or (kind & _K_TITLE and word[0].isupper()):
        if (
            word == "St"
            and _after_capital_word(text, pos, tok)
            and _word_at(text, k, end) in OPENER_WORDS
        ):
            return m_end  # "on Elm St. The house" (but "in St. Aldric", "Elm St. Station")
        return -1  # "Dr. Marsh", "e.g. Paris" (but "10 ft. An hour later")
    if kind & _K_ERA:
        return m_end  # "in the 13th century B.C. ISIS fighters": eras end sentences
    if kind & _K_TIME:
        return _after_time(text, pos, tok, _word_at(text, k, end), m_end)
    if len(word) == 1:
        if word == "I" and _after_lower_word(text, pos, tok):
            return m_end  # "you and I. Did you ..." (but "Albert I. Jones")
        if not word.isupper():
            return m_end
    elif not kind & _K_MAY_END and ("." not in word or _DOTTED.fullmatch(word) is None):
        return m_end  # an ordinary word
    # An initial or an abbreviation that may end a sentence.
    if openers and not lower_word and opener not in "([{":
        return m_end  # 'the U.S. "We ...' (but "Brightwater Inc. (BWI) shares")
    return m_end if _word_at(text, k, end) in OPENER_WORDS else -1


def _is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a dateline such as "KARSBY, Va" (at most 60
    characters: capitals, a comma, a short word)."""
    if end - start > 60:
        return False
    place, comma, state = text[start:end].rpartition(",")
    place = place.strip()
    return bool(comma) and place == place.upper() and len(state.strip()) <= 6


def _word_at(text: str, start: int, end: int) -> str:
    """The word starting at ``start`` (its first character, then word characters)."""
    match = _WORD_TAIL.match(text, start + 1, end)
    return text[start : match.end() if match else start + 1]


def _has_upper(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start`` has a capital after its first letter ("eBay")."""
    word = _word_at(text, start, end)
    return word != word.lower()


def _previous_word_start(text: str, pos: int, tok: int) -> int:
    """Offset of the first character of the word before offset ``tok``, or -1."""
    end = tok
    while end > pos and text[end - 1].isspace():
        end -= 1
    if end == pos:
        return -1
    start = end - 1
    while start > pos and not text[start - 1].isspace():
        start -= 1
    return start


def _after_lower_word(text: str, pos: int, tok: int) -> bool:
    """Whether the word before offset ``tok`` starts with a lower-case letter."""
    start = _previous_word_start(text, pos, tok)
    return start >= 0 and text[start].islower()


def _after_capital_word(text: str, pos: int, tok: int) -> bool:
    """Whether the word before offset ``tok`` starts with a capital letter."""
    start = _previous_word_start(text, pos, tok)
    return start >= 0 and text[start].isupper()


def _after_time(text: str, pos: int, tok: int, next_word: str, m_end: int) -> int:
    """Decide a period after "a.m."/"p.m." followed by a capitalised word."""
    if next_word in AFTER_TIME:
        return -1  # "5 p.m. GMT", "10 a.m. Friday"
    if tok - pos <= 40:
        before = text[pos:tok].split()
        if 0 < len(before) <= 3 and before[0].lstrip(_OPENERS).lower() in TIME_PREPOSITIONS:
            return -1  # "At 5 a.m. Mr. Smith went ..."
    return m_end


def _mark_positions(text: str, start: int, end: int) -> list[int]:
    """Offsets of all terminal marks in ``text[start:end]``, in order."""
    # On a copy of the range: "in" skips absent marks without parsing find's
    # arguments, and find needs no end.
    part = text[start:end]
    positions: list[int] = []
    kinds = 0
    for mark in _MARKS:
        if mark not in part:
            continue
        kinds += 1
        i = part.find(mark)
        while i != -1:
            positions.append(start + i)
            i = part.find(mark, i + 1)
    if kinds > 1:
        positions.sort()
    return positions


def _scan(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Split one segment (no hard cuts inside) into sentences."""
    pos = start
    skip = start
    for i in _mark_positions(text, start, end):
        if i < skip:
            continue  # inside a run already looked at
        j = i + 1
        if j + 1 < end and text[j] == " " and text[i] == "." and text[j + 1] in _ASCII_CAPITALS:
            # The commonest case, decided here as _boundary would decide it but
            # without the scans below and the call: "... word. The", where the
            # word (letters and digits, not an abbreviation) is past the
            # sentence's first few characters, so it cannot be a list marker.
            tok = text.rfind(" ", pos, i) + 1
            if tok - pos > 4:
                word = text[tok:i]
                if (
                    len(word) > 1
                    and word.isascii()
                    and word.isalnum()
                    and word.lower() not in _KIND
                ):
                    skip = j
                    while text[pos].isspace():
                        pos += 1
                    out.append((pos, j))
                    pos = j
                    continue
        while j < end and text[j] in _MARKS:
            j += 1
        spaced = False
        if j == i + 1 and text[i] == "." and text.startswith(" .", j):
            ellipsis = _SPACED_ELLIPSIS.match(text, j, end)
            if ellipsis is not None:
                j = ellipsis.end()
                spaced = True
        run_end = j
        while j < end and text[j] in _CLOSERS:
            j += 1
        skip = j
        if j < end and not text[j].isspace():
            continue  # "3.5", "U.S.-led", "Yahoo!'s": not a candidate
        stop = _boundary(text, pos, i, run_end, j, end, spaced)
        if stop > pos:
            # text[stop - 1] is a mark or a closer, so only the start needs stripping.
            while text[pos].isspace():
                pos += 1
            out.append((pos, stop))
            pos = stop
    _add_stripped(text, pos, end, out)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the sentences of ``text[start:end]`` as ``(start, end)`` offsets.

    Offsets index ``text`` itself. Each span is stripped of surrounding
    whitespace and never empty; spans are in order, do not overlap, cover
    every non-space character of the range and never cross a blank line.
    Inside a paragraph a single newline ends a sentence when the next line is
    a list item, the previous line is one, the previous line ends with a colon
    or is a short heading-like line; otherwise it counts as a space.

    Args:
        text: The text.
        start: Where to start (default: the beginning).
        end: Where to stop (default: the end of ``text``). Offsets outside
            ``0..len(text)`` are clamped to it; an empty range gives no
            sentences.

    Returns:
        The sentence spans in order.
    """
    length = len(text)
    if end is None or end > length:
        end = length
    start = max(start, 0)
    spans: list[tuple[int, int]] = []
    if start >= end:
        return spans
    bullets = _has_bullet(text, start, end)
    if text.find("\n", start, end) != -1 or text.find("\u2029", start, end) != -1:
        for p_start, p_end in split_paragraphs(text[start:end]):
            _split_paragraph(text, start + p_start, start + p_end, bullets, spans)
    else:
        _split_paragraph(text, start, end, bullets, spans)
    return spans


def _split_paragraph(
    text: str, start: int, end: int, bullets: bool, spans: list[tuple[int, int]]
) -> None:
    """Split a paragraph (no blank line inside) into sentences."""
    if not bullets and text.find("\n", start, end) == -1:
        first = start
        if text[first].isspace():
            match = _NON_SPACE.search(text, start, end)
            if match is None:
                return
            first = match.start()
        if not _may_open_list(text, first, end) or _LEAD_MARKER.match(text, first, end) is None:
            _scan(text, start, end, spans)
            return
    for lo, hi in _segments(text, start, end):
        _scan(text, lo, hi, spans)


def segment(body: str) -> tuple[Paragraph, ...]:
    """Cut ``body`` into paragraphs and sentences with exact offsets.

    Args:
        body: An article body.

    Returns:
        The paragraphs in order, each holding its sentences; sentence indexes
        run across the whole body.
    """
    bullets = _has_bullet(body, 0, len(body))
    parts = []
    for p_start, p_end in split_paragraphs(body):
        spans: list[tuple[int, int]] = []
        _split_paragraph(body, p_start, p_end, bullets, spans)
        parts.append((p_start, p_end, spans))
    return _segmented(body, parts)


# Sentences are built by the thousand from offsets computed above (ordered,
# never negative): the slots are filled directly (the model's setters) instead
# of through the checking constructors. Here rather than in the model because
# this module is compiled in the mypyc build: no interpreter loop per sentence.
_NEW: Final = object.__new__
_SET_TEXT: Final = model._SET_TEXT
_SET_START: Final = model._SET_START
_SET_END: Final = model._SET_END
_SET_INDEX: Final = model._SET_INDEX
_SET_PARAGRAPH: Final = model._SET_PARAGRAPH
_SET_P_TEXT: Final = model._SET_P_TEXT
_SET_P_START: Final = model._SET_P_START
_SET_P_END: Final = model._SET_P_END
_SET_P_INDEX: Final = model._SET_P_INDEX
_SET_P_SENTENCES: Final = model._SET_P_SENTENCES


def _segmented(
    body: str, parts: list[tuple[int, int, list[tuple[int, int]]]]
) -> tuple[Paragraph, ...]:
    """Paragraphs of ``body`` from ``(start, end, sentence spans)`` (valid, in order), unchecked."""
    paragraphs: list[Paragraph] = []
    index = 0
    for number, (p_start, p_end, spans) in enumerate(parts):
        sentences: list[Sentence] = []
        for start, end in spans:
            sentence: Sentence = _NEW(Sentence)
            _SET_TEXT(sentence, body[start:end])
            _SET_START(sentence, start)
            _SET_END(sentence, end)
            _SET_INDEX(sentence, index)
            _SET_PARAGRAPH(sentence, number)
            sentences.append(sentence)
            index += 1
        paragraph: Paragraph = _NEW(Paragraph)
        _SET_P_TEXT(paragraph, body[p_start:p_end])
        _SET_P_START(paragraph, p_start)
        _SET_P_END(paragraph, p_end)
        _SET_P_INDEX(paragraph, number)
        _SET_P_SENTENCES(paragraph, tuple(sentences))
        paragraphs.append(paragraph)
    return tuple(paragraphs)
