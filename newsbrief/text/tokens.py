"""Shared token-level helpers: capitalised runs, words and quick tests.

Everything here is regex-driven so that the per-character work happens in C;
Python only looks at candidate names (typically a tenth of the tokens).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Final

from newsbrief import model
from newsbrief.model import DateMention, Entity, EntityKind, Quote, Span

__all__ = [
    "CAP_RUN",
    "LOWER_WORD",
    "TOKEN",
    "alternation",
    "cap_runs",
    "clause_before",
    "is_acronym",
    "is_all_caps",
    "is_possessive",
    "lower_words",
    "new_date_mention",
    "new_entity",
    "new_quote",
    "new_span",
    "strip_possessive",
]

def alternation(words: Iterable[str]) -> str:
    """A regex matching the longest of ``words`` that fits, as a trie.

    Equivalent to ``"|".join(sorted(words, key=len, reverse=True))`` (escaped)
    but the engine reads one branch per character instead of trying every
    word in turn, which matters for lists of hundreds of words.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: longer words are tried first
            return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")" if trie else "(?!)"


_UP: Final = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŨŪŬŮŰŲŴŶŸŹŻŽ"
_LETTER: Final = r"[^\W\d_]"
# The rest of a capitalised word: word characters and "&", with an apostrophe,
# hyphen or full stop inside it (O'Brien, AT&T, Al-Ain). Written as an
# unrolled loop (runs of [\w&] between marks) rather than a repeated
# alternation, so that the engine reads each run of letters in one step.
_WORD_REST: Final = r"[\w&]*(?:['’\-.](?=\w)[\w&]*)*"
# The first token of a run: an acronym with dots (U.S.), an initial (J.), an
# abbreviation before a name (St. Louis) or a word starting with a capital,
# the capital letter they all open with factored out, so that the pattern
# starts with a character class (the engine then skips to capitals in C);
# each branch opens with a literal, which the engine checks before entering it.
_FIRST_TOKEN: Final = (
    rf"[{_UP}](?:\.(?:(?:[{_UP}]\.)+|(?=[ \t]+[{_UP}]))"
    rf"|t(?<=[SMFP]t)\.(?=[ \t]+[{_UP}])"
    rf"|{_WORD_REST})"
)
_PARTICLE: Final = alternation(
    ("al", "el", "bin", "ibn", "ben", "abu", "de", "van", "von", "d", "l")
)
# One capitalised token inside a run: a first token, or a particle-prefixed
# name (al-Assad).
_CAP_TOKEN: Final = (
    rf"(?:{_FIRST_TOKEN}"
    rf"|(?<=[ \t]){_PARTICLE}['’\-][{_UP}]\w*(?:['’\-](?=\w)\w*)*)"
)
# Written as a trie (see alternation): the engine tries them after every word of a run.
_JOIN: Final = alternation(
    ("of", "for", "and", "the", "on", "de", "du", "des", "del", "della", "di", "da", "dos", "van",
     "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "y", "&")
)
#: A run of capitalised tokens on one line, possibly joined by lower-case
#: connectors ("Bank of England", "Belt and Road Forum", "Ludwig van Beethoven").
CAP_RUN: Final = re.compile(rf"{_FIRST_TOKEN}(?:[ \t]+(?:{_JOIN}[ \t]+)*{_CAP_TOKEN})*(?!\w)")


def cap_runs(text: str) -> list[tuple[int, str]]:
    """Start and text of every match of :data:`CAP_RUN` in ``text``, in order.

    The same as ``CAP_RUN.finditer`` but cheaper: ``findall`` returns the
    runs in one call, without a match object and two method calls per run,
    and each run starts where its text next occurs after the previous run.
    (The pattern matches at every capital that no earlier match covers, as
    its first token can always end where its word does; so no capital, and
    no occurrence of the run, which opens with one, lies in between.)
    """
    out: list[tuple[int, str]] = []
    pos = 0
    runs: list[str] = CAP_RUN.findall(text)  # typed: the compiled build calls str primitives
    for run in runs:
        pos = text.find(run, pos)
        out.append((pos, run))
        pos += len(run)
    return out


#: Tokens inside a capitalised run (words, initials and acronyms with dots).
TOKEN: Final = re.compile(
    rf"(?:[{_UP}]\.){{2,}}|[{_UP}]\.(?=[ \t])|\w(?:[\w&]|['’\-.](?=\w))*['’]?|&"
)
LOWER_WORD: Final = re.compile(rf"(?<![\w'’\-])[a-zß-öø-ÿ]{_LETTER}*(?:['’\-]{_LETTER}+)*")
_POSSESSIVE: Final = re.compile(r"(?:['’]s|s['’]|['’])$")


def lower_words(text: str) -> frozenset[str]:
    """The set of words that occur in lower case in ``text``."""
    return frozenset(LOWER_WORD.findall(text))


def strip_possessive(word: str) -> str:
    """``Putin's`` -> ``Putin``; ``Jones'`` -> ``Jones``; other words unchanged."""
    match = _POSSESSIVE.search(word)
    if match is None:
        return word
    if match.group().startswith("s"):  # "Jones'" keeps its s
        return word[:-1]
    return word[: match.start()]


def is_possessive(word: str) -> bool:
    """Whether ``word`` ends in a possessive ('s, ’s, s')."""
    return word.endswith(("'s", "’s", "s'", "s’"))


def is_all_caps(word: str) -> bool:
    """Whether ``word`` has at least two letters, all upper case."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_CLAUSE_MARKS: Final = ",.;:()\n“”\""


def clause_before(text: str, end: int, reach: int = 80) -> tuple[int, list[str]]:
    """Where the clause that ends at ``end`` starts (after the last punctuation
    mark or line break, at most ``reach`` characters back), and its words."""
    lo = max(0, end - reach)
    seg = text[lo:end]
    cut = max(seg.rfind(c) for c in _CLAUSE_MARKS)
    return lo + cut + 1, seg[cut + 1 :].split()


def is_acronym(word: str) -> bool:
    """An all-caps word of 2-6 letters, optionally dotted (CIA, U.S., ICC)."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


# The analysis builds dozens of spans and results per article from values it
# checked itself, with the model's slot setters (see newsbrief.model). The
# builders live here, not in the model, because this module is compiled in the
# mypyc build: a call from compiled code into a Python function costs an
# interpreter frame, a call into a compiled one does not.
_NEW: Final = object.__new__
_SET_SPAN_START: Final = model._SET_SPAN_START
_SET_SPAN_END: Final = model._SET_SPAN_END
_SET_E_NAME: Final = model._SET_E_NAME
_SET_E_KIND: Final = model._SET_E_KIND
_SET_E_ALIASES: Final = model._SET_E_ALIASES
_SET_E_ROLE: Final = model._SET_E_ROLE
_SET_E_MENTIONS: Final = model._SET_E_MENTIONS
_SET_E_HEADLINE: Final = model._SET_E_HEADLINE
_SET_Q_TEXT: Final = model._SET_Q_TEXT
_SET_Q_SPEAKER: Final = model._SET_Q_SPEAKER
_SET_Q_CUE: Final = model._SET_Q_CUE
_SET_Q_DIRECT: Final = model._SET_Q_DIRECT
_SET_Q_SPAN: Final = model._SET_Q_SPAN
_SET_Q_SPEAKER_SPAN: Final = model._SET_Q_SPEAKER_SPAN
_SET_D_TEXT: Final = model._SET_D_TEXT
_SET_D_SPAN: Final = model._SET_D_SPAN
_SET_D_DATE: Final = model._SET_D_DATE
_SET_D_GRANULARITY: Final = model._SET_D_GRANULARITY


def new_span(start: int, end: int) -> Span:
    """``Span(start, end)`` for offsets known to be valid, unchecked."""
    span: Span = _NEW(Span)
    _SET_SPAN_START(span, start)
    _SET_SPAN_END(span, end)
    return span


def new_entity(
    name: str,
    kind: EntityKind,
    aliases: tuple[str, ...],
    role: str | None,
    mentions: tuple[Span, ...],
    headline: tuple[Span, ...],
) -> Entity:
    """``Entity(...)`` from values that need no conversion, unchecked."""
    entity: Entity = _NEW(Entity)
    _SET_E_NAME(entity, name)
    _SET_E_KIND(entity, kind)
    _SET_E_ALIASES(entity, aliases)
    _SET_E_ROLE(entity, role)
    _SET_E_MENTIONS(entity, mentions)
    _SET_E_HEADLINE(entity, headline)
    return entity


def new_quote(
    text: str, speaker: str | None, cue: str | None, direct: bool, span: Span,
    speaker_span: Span | None,
) -> Quote:
    """``Quote(...)`` from valid parts, unchecked."""
    quote: Quote = _NEW(Quote)
    _SET_Q_TEXT(quote, text)
    _SET_Q_SPEAKER(quote, speaker)
    _SET_Q_CUE(quote, cue)
    _SET_Q_DIRECT(quote, direct)
    _SET_Q_SPAN(quote, span)
    _SET_Q_SPEAKER_SPAN(quote, speaker_span)
    return quote


def new_date_mention(
    text: str, span: Span, date: dt.date | None, granularity: str | None
) -> DateMention:
    """``DateMention(...)`` from valid parts, unchecked."""
    mention: DateMention = _NEW(DateMention)
    _SET_D_TEXT(mention, text)
    _SET_D_SPAN(mention, span)
    _SET_D_DATE(mention, date)
    _SET_D_GRANULARITY(mention, granularity)
    return mention
