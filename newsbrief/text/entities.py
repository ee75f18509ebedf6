"""Named entities: people, organisations and places, with roles and mentions.

A rule-based recogniser tuned for news English (no model, no downloads):

1. Capitalised runs are found with one regular expression
   (:data:`newsbrief.text.tokens.CAP_RUN`).
2. Each run is cut into candidate names: at possessives ("Russia's Security
   Council"), at connectors that do not belong to a name ("Putin and Xi"),
   around titles ("CIA Director William Burns" -> role + name) and at
   sentence-starting common words ("Days", "Earlier").
3. Candidates are classified from the built-in knowledge
   (:mod:`newsbrief.text.knowledge`): gazetteers of places and organisations,
   organisation and event keywords, given names, titles, and from context
   ("in X", "X said", a score after a team name).
4. Candidates are resolved document-wide: "Putin" joins "Vladimir Putin",
   "ICC" joins "International Criminal Court", an all-caps headline word
   joins the body entity it spells.
5. Roles come from titles before a name and appositives around it ("Nikolai
   Patrushev, ... the secretary of Russia's Security Council,";
   "China's top diplomat, Wang Yi"). A bare possessive ("China's Xi
   Jinping") names an affiliation, not a title: the role stays None rather
   than a guessed "leader", because a briefing must never voice a wrong title.

Wire tables and datelines get their own rules: a name before a score is a
team ("Liverpool 16 9 4 3", "BUFFALO AT SEATTLE"), so an organisation, unless
it is a country (national sides stay places); a name in brackets before a
minute is a scorer ("( Whelan 60 )"); a club in brackets after a player
("Brian Laudrup ( Rangers )") is an organisation; an all-caps word before a
date is a dateline place; a byline before a dateline is split off. Unknown
names take the kind their mentions' contexts vote for ("X said" anywhere
makes every "X" a person; "in X" a place); the rest are "other".

Demonyms ("Russian") and sentence-starting common words are never entities;
kinds come from general knowledge lists and rules, not from names seen in any
evaluation data.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from newsbrief.model import Entity, EntityKind, Span
from newsbrief.text.knowledge import Knowledge, knowledge
from newsbrief.text.roles import (
    QUOTATION_END,
    Draft,
    new_draft,
    refine,
    role_lexicon,
    strong_person,
)
from newsbrief.text.tokens import (
    cap_runs,
    clause_before,
    is_acronym,
    is_possessive,
    strip_possessive,
)
from newsbrief.text.tokens import new_span as _span

__all__ = ["find_entities", "person_gender"]

PERSON: Final = EntityKind.PERSON
ORG: Final = EntityKind.ORGANIZATION
PLACE: Final = EntityKind.PLACE
OTHER: Final = EntityKind.OTHER


# Contexts read from the text just before / after a candidate.
_PLACE_WORDS: Final = frozenset(
    ("in", "at", "from", "near", "into", "across", "outside", "inside", "toward", "towards",
     "throughout", "around", "via", "visit", "visited", "visiting")
)
_SPEECH_WORDS: Final = frozenset(("said", "says", "added", "told"))
_SPEECH_VERBS: Final = (
    "said", "says", "told", "added", "asked", "wrote", "warned", "argued", "explained", "insisted",
    "claimed", "replied", "admitted", "believes", "thinks", "noted", "stated", "announced",
    "denied", "confirmed",
)
_SPEECH_AFTER: Final = re.compile(
    r",?\s*(?:(?:has|had|have|was|is|also|then|later|previously|once|had)\s+)?"
    rf"(?:{'|'.join(_SPEECH_VERBS)})\b"
)
# A score or table row after a name: "Liverpool 16 9 4 3", "Coventry 1 ( Whelan 60 )".
_SCORE_AFTER: Final = re.compile(r"[ \t]+\d{1,3}(?=[ \t]*(?:$|[,;)(]|[ \t]\d|[ \t][A-Z]|\n))")
# A dateline: "VAIL , Colorado 1996-12-07", "LONDON 1996-08-30".
_DATELINE_AFTER: Final = re.compile(
    r"[ \t]*(?:\d{4}-\d\d-\d\d|,[ \t]*[A-Z][\w .]{0,30}?\d{4}-\d\d-\d\d)"
)
_VERSUS_AFTER: Final = re.compile(r"[ \t]+(?:AT|VS\.?|V\.?)[ \t]+[A-Z]")
_VERSUS_BEFORE: Final = re.compile(r"\b(?:AT|VS\.?|V\.?)[ \t]+$")
_BRACKETED: Final = re.compile(r"[ \t]*\)")
_PERSON_BEFORE_BRACKET: Final = re.compile(r"[A-Z][\w'’\-]+[ \t]+\([ \t]*$")
_ORG_CONTEXT_WORDS: Final = (
    "shares", "stock", "officials", "spokesman", "spokeswoman", "chairman", "executives", "board",
    "subsidiary", "unit", "plc", "management", "shareholders", "profit", "profits", "revenue",
    "sales",
)
# The first two letters of each of those words (all have three or more).
_ORG_CONTEXT_HEADS: Final = frozenset(w[:2] for w in _ORG_CONTEXT_WORDS)
_POSSESSIVE_ENDINGS: Final = frozenset(("'s", "’s"))
_ORG_CONTEXT_AFTER: Final = re.compile(rf"(?:['’]s)?[ \t]+(?:{'|'.join(_ORG_CONTEXT_WORDS)})\b")
_BLANK: Final = frozenset(" \t")
# Directions that end districts' names but rarely people's ("Kanye West", "Oliver North").
_DISTRICT_ENDS: Final = frozenset(("east", "south", "central"))
_DIRECTIONS: Final = frozenset(
    ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "upper", "lower")
)
_FORMER_WORDS: Final = (
    "former", "acting", "then", "late", "interim", "outgoing", "incoming", "deputy", "ex-",
    "retired", "veteran", "newly elected", "new",
)
_FORMER: Final = re.compile(rf"(?:\b(?:{'|'.join(_FORMER_WORDS)})\s+)+$", re.IGNORECASE)
_FORMER_ENDS: Final = tuple(w.rsplit(None, 1)[-1] for w in _FORMER_WORDS)
# "X, a close Putin ally and the secretary of Russia's Security Council," ...
# (up to 180 characters: a relative clause, trimmed later, may make it long:
# "a conductor who spent six decades reviving ... orchestra,")
_APPOSITIVE_AFTER: Final = re.compile(
    r",\s+((?:(?:a|an|the|who\s+is|who\s+was)\s+)?[^,.;:()\"“”]{3,180}?)(?=\s*(?:[,.;:)]|$))"
)
_PERSON_TITLES: Final = frozenset(
    {
        "president", "minister", "senator", "governor", "mayor", "chancellor", "premier",
        "judge", "ambassador", "director", "chairman", "secretary", "coach", "king", "queen",
        "prince", "pope", "prosecutor", "spokesman", "spokeswoman", "general", "colonel",
        "captain", "lieutenant", "admiral", "sergeant", "commander", "mp", "sheikh", "emir",
        "lieutenant-general", "major-general", "brigadier-general",
    }
)
# Titles one addresses an office holder by ("Mr President"): no surname.
_ADDRESSED_TITLES: Final = frozenset(
    ("president", "speaker", "chairman", "chairwoman", "chair", "secretary", "ambassador",
     "mayor", "minister", "prime", "justice", "deputy", "governor", "commissioner")
)
_NUMBER_WORDS: Final = frozenset(("One", "Two", "Three", "Four", "Five", "I", "II", "III", "IV"))
_NUMBER_FOLDED: Final = frozenset(w.casefold() for w in _NUMBER_WORDS)
_SENTENCE_BREAK: Final = frozenset(".!?\n\"“”:;•—–-([")


@attrs.define(slots=True)
class _Candidate:
    """A candidate name as cut from a capitalised run (offsets into the run)."""

    start: int
    end: int
    text: str
    kind: EntityKind | None
    role: str | None = None
    in_headline: bool = False
    weak: bool = False  # kind guessed from weak evidence only
    caps: bool = False  # written in a shouting (all-caps) context
    display: str | None = None  # the name to show when the text is all caps
    strong_person: bool = False  # a person by a given name or title, not by default
    role_at: int = -1  # start of the role, whose preceding words ("former") are read later


# A candidate at its place in a text: a list (cheaper to build than an
# object; _resolve and _table_context change its kind, weak and form) of
# the fields of _Candidate at these indices, offsets into the text, and of
# what is derived from its text once (the run cache holds them): its lookup
# key (lower case), number of words, whether it is an acronym, and its
# grouping form (the key; a country's name for its spellings; "team:" + key
# for a team named before a score).
_Cand = list[Any]
_START: Final = 0
_END: Final = 1
_TEXT: Final = 2
_KIND: Final = 3
_ROLE: Final = 4
_IN_HEADLINE: Final = 5
_WEAK: Final = 6
_CAPS: Final = 7
_DISPLAY: Final = 8
_STRONG: Final = 9
_KEY: Final = 10
_WORDS: Final = 11
_ACRONYM: Final = 12
_FORM: Final = 13


@functools.lru_cache(maxsize=1 << 12)
def person_gender(name: str) -> str:
    """Gender hint for a person's name from the given-names list: "m", "f" or "?"."""
    first = name.split()[0] if name.split() else ""
    return knowledge().given_names.get(first.lower(), "?")


def find_entities(
    body: str,
    headline: str = "",
    *,
    sentence_starts: Iterable[int] | None = None,
) -> tuple[Entity, ...]:
    """Find the people, organisations and places named in ``body``.

    Args:
        body: The article body.
        headline: The headline; its mentions go to ``Entity.headline_mentions``
            (offsets into ``headline``).
        sentence_starts: Offsets of sentence starts in ``body``, when known
            (capitalised common words there are not names).

    Returns:
        Entities, most mentioned first (ties in order of first mention).
    """
    kb = knowledge()
    # A story set in capitals is read like a shouted headline: known names only.
    body_caps = _mostly_capitals(body)
    lowers = _Lowers(body)
    starts = frozenset(sentence_starts) if sentence_starts is not None else frozenset()
    cands = _candidates(body, kb, lowers, starts, in_headline=False, shouting=body_caps)
    head_cands = (
        _candidates(headline, kb, lowers, _HEADLINE_STARTS, in_headline=True) if headline else []
    )
    # Roles and kinds read from the words around each name (newsbrief.text.roles).
    return refine(body, _resolve(body, cands, head_cands, kb), starts, headline)


_HEADLINE_STARTS: Final = frozenset({0})


# -- candidates -------------------------------------------------------------


def _candidates(
    text: str,
    kb: Knowledge,
    lowers: _Lowers,
    starts: frozenset[int],
    *,
    in_headline: bool,
    shouting: bool = False,
) -> list[_Cand]:
    out: list[_Cand] = []
    plain = not shouting and not in_headline  # the body of an ordinary story
    for run_start, run in cap_runs(text):
        if run_start and text[run_start - 1] in _GLUED:
            continue
        info = _run_info(run)
        if info is None:
            continue  # the commonest case: "The", "He", "But"
        # The only things a run's candidates depend on besides its own text:
        # whether its first word is an ordinary word here (a sentence
        # starter that also occurs in lower case), and the words before a
        # role ("former"), which are read below.
        first, common, protos = info
        first_common = (
            common is not False
            and not shouting
            and (run_start in starts or _after_break(text, run_start))
            and (common or first in lowers)
        )
        if first_common or not plain:
            protos = _run_candidates(run, first_common, shouting, in_headline)
        for (start, end, name, kind, role, role_at, weak, caps, display, strong, key, words,
             acro, form) in protos:
            if role_at >= 0:
                at = run_start + role_at
                before = _former_before(text, at)
                if before is not None:
                    role = text[before.start() : at + len(role or "")]
            out.append([run_start + start, run_start + end, name, kind, role, in_headline, weak,
                        caps, display, strong, key, words, acro, form])
    return out


def _former_before(text: str, at: int) -> re.Match[str] | None:
    """``_FORMER`` searched in the 40 characters before ``at`` ("former" in
    "former Finance Minister"), after a cheap test that an ASCII text ends
    there in one of its words and a blank (every match does)."""
    lo = max(0, at - 40)
    window = text[lo:at]
    if window.isascii():  # (IGNORECASE also matches a few non-ASCII letters)
        tail = window.rstrip()
        if len(tail) == len(window) or not tail.lower().endswith(_FORMER_ENDS):
            return None
    return _FORMER.search(text, lo, at)


#: Capitalised runs of more words than this are skipped (see _candidates).
_MAX_RUN_WORDS: Final = 80


# (start, end, text, kind, role, role start or -1, weak, caps, display,
# strong_person, key, words, acronym, form) of a candidate, offsets relative to its run.
_Proto = tuple[
    int, int, str, EntityKind | None, str | None, int, bool, bool, str | None, bool, str, int, bool,
    str,
]


@functools.lru_cache(maxsize=1 << 15)
def _run_info(run: str) -> tuple[str, bool | None, tuple[_Proto, ...]] | None:
    """What a run's candidates need besides its text, in one memoised lookup
    (keyed by the string alone, the cache's fastest path): None for a run
    that names nothing (a lone function word, or capitalised text too long
    to be a name), else its first word, whether that is an ordinary word
    when it opens a sentence (see :func:`_run_head`), and the run's
    candidates in the body of a story not set in capitals when it is not."""
    if run.count(" ") + run.count("\t") > _MAX_RUN_WORDS:
        # Capitalised text this long is not a name (a text in Title Case
        # or without punctuation); splitting it recurses once per word.
        return None
    head = _run_head(run)
    if head is None:
        return None
    return head[0], head[1], _run_candidates(run, False, False, False)


@functools.lru_cache(maxsize=1 << 15)
def _run_candidates(
    run: str, first_common: bool, shouting: bool, in_headline: bool
) -> tuple[_Proto, ...]:
    """The candidates of one capitalised run (a pure function of its text:
    names repeat within and across articles, so results are memoised)."""
    kb = knowledge()
    tokens: list[_Tok] = []
    pos = 0
    for part in run.split():
        at = run.find(part, pos)
        pos = at + len(part)
        tokens.append((at, pos, part))
    out: list[_Candidate] = []
    if shouting:
        _split_shouting(run, tokens, kb, out, in_headline)
    else:
        _split_run(run, tokens, first_common, kb, out, in_headline)
    return tuple(
        (c.start, c.end, c.text, c.kind, c.role, c.role_at, c.weak, c.caps, c.display,
         c.strong_person, c.text.lower(), len(c.text.split()), is_acronym(c.text),
         _form(c.text.lower(), c.kind, kb))
        for c in out
    )


def _form(key: str, kind: EntityKind | None, kb: Knowledge) -> str:
    """A candidate's grouping key: spellings of one country ("US", "U.S.",
    "United States") are one place, grouped by its name."""
    if kind is PLACE:
        name = kb.places.get(key)
        if name is not None:
            return name.lower()
    return key


_GLUED: Final = frozenset("’'-.&_0123456789abcdefghijklmnopqrstuvwxyz")


# Bytes to delete to keep only A-Z, or only a-z (counting letters with
# bytes.translate runs in C without building a list of matches).
_NOT_UPPER: Final = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LOWER: Final = bytes(b for b in range(256) if not 97 <= b <= 122)


def _mostly_capitals(text: str) -> bool:
    """Whether a text is set in capitals (fewer than one letter in ten lower case)."""
    sample = text[:400].encode("ascii", "ignore")  # only A-Z and a-z are counted
    upper = len(sample.translate(None, _NOT_UPPER))
    return upper > 40 and len(sample.translate(None, _NOT_LOWER)) * 10 < upper


def _after_break(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_BREAK


# A maximal run of str.isalnum() characters (\w is them plus "_") not
# preceded by - or an apostrophe: how a word stands on its own in a text.
_ALNUM_WORD: Final = re.compile(r"(?<![-’']|[^\W_])[^\W_]+")
#: Lookups answered by scanning the text before _Lowers indexes all its words
#: (a scan runs in C and costs about a fiftieth of indexing the text).
_LOWERS_SCANS: Final = 32
#: Occurrences inside longer words a scan steps over in Python before it asks
#: the regex engine instead ("s" is inside every other word).
_LOWERS_HITS: Final = 8


class _Lowers:
    """Answers "does this word occur in lower case in the text?" (memoised).

    The first few dozen words are looked up by scanning the text (C speed;
    an article asks about a handful of sentence-starting words); a text that
    asks about more gets one set of its words, so the cost stays linear.
    """

    __slots__ = ("_memo", "_runs", "_scans", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._memo: dict[str, bool] = {}
        self._runs: frozenset[str] | None = None
        self._scans = 0

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        found = self._memo.get(word)
        if found is None:
            found = self._find(word)
            self._memo[word] = found
        return found

    def _find(self, word: str) -> bool:
        text = self._text
        needle = word.lower()
        if self._runs is not None and needle.isalnum():
            return needle in self._runs
        self._scans += 1
        if self._scans > _LOWERS_SCANS and needle.isalnum():
            # An alphanumeric needle matches exactly at a maximal alphanumeric
            # run of the text not preceded by - or an apostrophe: one set per
            # text, instead of a scan of the text per word (quadratic).
            self._runs = frozenset(_ALNUM_WORD.findall(text))
            return needle in self._runs
        n = len(needle)
        pos = text.find(needle)
        hits = 0
        while pos >= 0:
            before = text[pos - 1] if pos else " "
            after = text[pos + n] if pos + n < len(text) else " "
            if not before.isalnum() and not after.isalnum() and before not in "-’'":
                return True
            hits += 1
            if hits > _LOWERS_HITS:
                # The same test as above, as a pattern (compiled once per
                # word by the re module's cache).
                alone = re.compile(rf"(?<![^\W_]|[-’']){re.escape(needle)}(?![^\W_])")
                return alone.search(text, pos + 1) is not None
            pos = text.find(needle, pos + 1)
        return False


def _bare(word: str) -> str:
    """``it's`` -> ``it``: a word without a clitic or possessive ending."""
    for mark in "'’":
        if mark in word:
            return word.split(mark, 1)[0]
    return word


def _skippable(word: str, kb: Knowledge, key: str | None = None) -> bool:
    """A capitalised function word or connector, not part of a name ("The",
    "And"); ``key`` is its lookup key (default ``word.lower()``). An all-capital
    spelling that is also a known name is kept: "US" the country (not "us"),
    "WHO" the organisation (not "who")."""
    if key is None:
        key = word.lower()
    if key in kb.connectors:
        return True
    return key in kb.stopcaps and not (
        len(word) > 1 and word.isupper() and (key in kb.places or key in kb.organizations)
    )


def _run_head(run: str) -> tuple[str, bool | None] | None:
    """None for a lone function word ("The", "He's"), else the run's first
    word and whether it is an ordinary word when it opens a sentence: True
    (a function word, or an -ly adverb), False (a known name) or None (it is
    when it also occurs in lower case in the text)."""
    kb = knowledge()
    if " " not in run and _skippable(run, kb, _bare(run.lower())):
        return None
    word = run.split(None, 1)[0]
    key = word.lower()
    if _bare(key) in kb.stopcaps or key in kb.stopcaps:
        return word, True
    if key in kb.places or key in kb.organizations or key in kb.given_names:
        return word, False
    return word, True if key.endswith("ly") else None


_Tok = tuple[int, int, str]


_MONTH_SURNAMES: Final = frozenset(("may", "march", "april", "june", "august"))


def _split_run(
    text: str,
    tokens: list[_Tok],
    first_common: bool,
    kb: Knowledge,
    out: list[_Candidate],
    in_headline: bool,
) -> None:
    """Cut a run into candidates; ``first_common``: its first word is an
    ordinary word opening a sentence ("Days", "Earlier")."""
    shouting = False
    if len(tokens) > 1:
        n_caps = sum(1 for t in tokens if len(t[2]) > 1 and t[2].isupper())
        shouting = n_caps >= 2 and all(
            t[2].isupper() or not t[2][0].isalpha() or t[2].islower() or len(t[2]) == 1
            for t in tokens
        )
        shouting = shouting or (in_headline and n_caps > 2)
    if shouting:
        _split_shouting(text, tokens, kb, out, in_headline)
        return
    # A month after a given name or a courtesy title is a surname ("Theresa
    # May", "Mrs May"), not a date word to drop.
    surname_last = (
        len(tokens) > 1
        and strip_possessive(tokens[-1][2]).lower() in _MONTH_SURNAMES
        and (tokens[-2][2].lower() in kb.given_names
             or tokens[-2][2].lower().rstrip(".") in kb.honorifics)
    )
    # Drop sentence-starting common words and capitalised function words.
    while tokens and (
        first_common
        or _skippable(tokens[0][2], kb)
        or (len(tokens[0][2]) == 1 and len(tokens) > 1)  # "Group B Chen Gang"
    ):
        key = tokens[0][2].lower()
        if key in kb.demonyms or key in kb.places or (surname_last and len(tokens) == 1):
            break
        if _opens_name(tokens, key, kb):
            break
        tokens = tokens[1:]
        first_common = False
    while tokens and _skippable(tokens[-1][2], kb) and not surname_last:
        if len(tokens) > 1 and tokens[-2][2].lower() in kb.other_keywords and (
            tokens[-1][2] in _NUMBER_WORDS
        ):
            break  # "World War Two"
        last = tokens[-1][2].lower()
        if len(tokens) > 1 and last in kb.org_keywords and not last.endswith("day") and not (
            _skippable(tokens[-2][2], kb)
        ):
            break  # "UK Athletics", "Thames Valley Police" (not "Paris Wednesday")
        tokens = tokens[:-1]
    if not tokens:
        return
    # A byline before a dateline: "Lynnley Browning MOSCOW", "Jo Bell NEW
    # YORK" -> two names.
    for i in range(1, len(tokens)):
        word = tokens[i][2]
        if word.isupper() and not tokens[i - 1][2].isupper() and (
            tokens[i - 1][2][:1].isupper()
        ) and (len(word) >= 4 or (
            i < len(tokens) - 1 and len(word) >= 2 and all(t[2].isupper() for t in tokens[i:])
        )):
            _split_run(text, tokens[:i], first_common, kb, out, in_headline)
            _split_run(text, tokens[i:], False, kb, out, in_headline)
            return
    # Cut after possessives: "Russia's Security Council" -> "Russia" | "Security Council".
    piece: list[_Tok] = []
    for tok in tokens:
        piece.append(tok)
        if is_possessive(tok[2]) and len(tok[2]) > 2:
            _split_piece(text, piece, kb, out, in_headline, possessive=True,
                         surname=surname_last and tok is tokens[-1])
            piece = []
    if piece:
        _split_piece(text, piece, kb, out, in_headline, possessive=False,
                     surname=surname_last)


def _opens_name(tokens: Sequence[_Tok], key: str, kb: Knowledge) -> bool:
    """Whether the first token (lookup key ``key``), a word that may open a
    sentence, opens the name after it instead: "New York", "New Zealand"
    (a known name opens with it); "Ms Oduya" (a courtesy title makes the
    name a person's, see _title_split); "Van Boxmeer", "De Klerk", "De la
    Vega", "Van der Berg" (a capitalised particle, maybe with more
    particles after it, opens a surname)."""
    if len(tokens) < 2:
        return False
    if _known_start(tokens, kb) or key.rstrip(".") in kb.honorifics:
        return True
    if tokens[1][2][:1].isupper() and (
        key in kb.regnal_titles or f"{key} {tokens[1][2].lower()}" in kb.titles
    ):
        return True  # "King Olav V", "Crown Princess Ingrid" though "the king" occurs
    if key not in kb.particles or len(key) < 2 or not tokens[0][2][:1].isupper():
        return False
    i = 1
    while i < len(tokens) - 1 and tokens[i][2] in kb.particles:
        i += 1  # ("la" of "De la Vega": a particle written in lower case)
    return tokens[i][2][:1].isupper()


def _known_start(tokens: Sequence[_Tok], kb: Knowledge) -> bool:
    """Whether the first two to four tokens spell a known place, organisation
    or demonym ("New York", "New Zealand", "The Hague", "New Zealander")."""
    words = [tokens[0][2].lower()]
    for tok in tokens[1:4]:
        words.append(strip_possessive(tok[2]).lower())
        key = " ".join(words)
        if key in kb.places or key in kb.organizations or key in kb.demonyms:
            return True
    return False


def _span_text(text: str, toks: Sequence[_Tok], possessive: bool) -> tuple[int, int, str]:
    start, end = toks[0][0], toks[-1][1]
    if possessive:
        stripped = strip_possessive(toks[-1][2])
        end = toks[-1][0] + len(stripped)
    return start, end, text[start:end]


def _split_shouting(
    text: str, tokens: list[_Tok], kb: Knowledge, out: list[_Candidate], in_headline: bool
) -> None:
    """All-caps text: only gazetteer names and known acronyms are taken."""
    i = 0
    n = len(tokens)
    while i < n:
        matched = False
        for j in range(min(n, i + 5), i, -1):
            toks = tokens[i:j]
            possessive = is_possessive(toks[-1][2])
            start, end, name = _span_text(text, toks, possessive)
            key = name.lower()
            kind: EntityKind | None = None
            display = None
            if key in kb.organizations:
                kind = ORG
                display = name if is_acronym(name) else kb.organizations[key]
            elif key in kb.places:
                kind = PLACE
                # "CHINA" is shown as "China"; "UK" stays "UK" (a name is
                # the fullest form the article uses, not an expansion).
                display = kb.places[key] if len(name.replace(".", "")) > 3 else name
            if kind is not None:
                out.append(_Candidate(start, end, name, kind, in_headline=in_headline, caps=True,
                                      display=display))
                i = j
                matched = True
                break
        if not matched:
            tok = tokens[i]
            word = strip_possessive(tok[2])
            key = word.lower()
            if (
                len(word) > 1
                and key not in kb.stopcaps
                and key not in kb.connectors
                and key not in kb.demonyms
                and key not in kb.title_words
            ):
                # Unknown all-caps word: resolved later against body names.
                out.append(
                    _Candidate(tok[0], tok[0] + len(word), word, None, in_headline=in_headline,
                               weak=True, caps=True)
                )
            i += 1


def _is_keyword(word: str, kb: Knowledge, *, plural: bool = True) -> bool:
    """Whether folded ``word`` (or, with ``plural``, its singular: "Chambers
    of Commerce") ends organisation or event names ("Bank", "Institute")."""
    if word in kb.org_keywords or word in kb.other_keywords:
        return True
    if not plural or not word.endswith("s"):
        return False
    single = word[:-1]
    return single in kb.org_keywords or single in kb.other_keywords


def _and_inside(words: list[str], idx: int, kb: Knowledge) -> bool:
    """Whether the "and" at ``idx`` of folded ``words`` joins the subject of a
    body's name ("Chartered Institute of Purchasing and Supply", "Institute
    for Geography and Statistics"): it follows a keyword's "of" or "for" and
    the words after it name nothing of their own ("House of Fraser and
    Woolworths" would, were Woolworths known; "... of Ohio and Demos", "...
    History and Central Park" do)."""
    if words[idx + 1] == "the":
        return False
    k = max((k for k in range(1, idx) if words[k] in ("of", "for")), default=0)
    if not k or not _is_keyword(words[k - 1], kb, plural=words[k] == "of"):
        return False
    subject = " ".join(words[k + 1 : idx])
    right = words[idx + 1 :]
    last = strip_possessive(right[-1])
    return (
        subject not in kb.places
        and "-" not in subject  # "Ministry for Bre-X and Barrick": companies
        and last not in kb.org_keywords
        and last not in kb.place_keywords
        and not any(
            v in kb.given_names or v in kb.forenames or v in kb.organizations or v in kb.places
            for v in right
        )
    )


_BASED: Final = ("-based", "-born", "-year-old")


def _split_piece(
    text: str,
    toks: list[_Tok],
    kb: Knowledge,
    out: list[_Candidate],
    in_headline: bool,
    *,
    possessive: bool,
    surname: bool = False,
) -> None:
    while toks and _skippable(toks[0][2], kb) and not (surname and len(toks) == 1):
        if _opens_name(toks, toks[0][2].lower(), kb):
            break
        toks = toks[1:]
    while toks and toks[-1][2].lower() in kb.connectors:
        toks = toks[:-1]
    while toks and toks[0][2].endswith(_BASED):
        toks = toks[1:]  # "Paris-based", "London-born", "Twenty-year-old": no part of a name
    if not toks:
        return
    if len(toks) > 1 and toks[1][2].lower() not in kb.title_words:
        # "US Federal Reserve", "US Securities and Exchange Commission": a
        # country's initials before a known or compound name are the country,
        # not part of the name ("UK Film Council" stays whole; a title keeps
        # them: "US President Jo Bell").
        first = toks[0][2]
        rest = [t[2].lower() for t in toks[1:]]
        if (
            first.isupper()
            and len(first) <= 3
            and first.lower() in kb.places
            and (" ".join(rest) in kb.organizations or any(w in kb.connectors for w in rest))
        ):
            _split_piece(text, toks[:1], kb, out, in_headline, possessive=False)
            _split_piece(text, toks[1:], kb, out, in_headline, possessive=possessive)
            return
        if (
            len(toks) == 2
            and first.lower() in kb.countries
            and not first.isupper()
            and is_acronym(toks[1][2])
            and rest[0] not in kb.places
            and toks[1][2].strip("IVX")  # ("Germany III" is a bobsleigh team)
        ):
            # "Japan NTT", "Estonia EBRD": a country before an acronym is no
            # part of its name.
            _split_piece(text, toks[:1], kb, out, in_headline, possessive=False)
            _split_piece(text, toks[1:], kb, out, in_headline, possessive=possessive)
            return
    start, end, name = _span_text(text, toks, possessive)
    key = name.lower()
    # Whole piece known?
    if key in kb.organizations:
        out.append(_Candidate(start, end, name, ORG, in_headline=in_headline))
        return
    if key in kb.places:
        # "MOSCOW" is shown as "Moscow"; "U.S." stays (see _split_shouting).
        display = kb.places[key] if name.isupper() and len(name.replace(".", "")) > 3 else None
        out.append(_Candidate(start, end, name, PLACE, in_headline=in_headline, display=display))
        return
    if key in kb.demonyms:
        return
    # Connectors: keep "Bank of England", "Belt and Road Forum"; split "Putin and Xi".
    words = [t[2].lower() for t in toks]
    split = _of_title_split(toks, words, kb)
    if split is not None:
        # "U.S. Secretary of State Jo Bell", "White House Chief of Staff Jo Bell":
        # a title with "of" inside before a name.
        role_toks, name_toks = toks[:split], toks[split:]
        role_start = role_toks[0][0]
        _role_entities(text, role_toks, kb, out, in_headline)
        n_start, n_end, n_name = _span_text(text, name_toks, possessive)
        out.append(_Candidate(n_start, n_end, n_name, PERSON, in_headline=in_headline,
                              role=text[role_start : role_toks[-1][1]], strong_person=True,
                              role_at=role_start))
        return
    for idx in range(1, len(toks) - 1):
        w = words[idx]
        if w in kb.connectors or w in kb.particles:
            left = toks[:idx]
            if w in kb.particles and (
                w not in kb.connectors
                or _forename(left[-1][2].lower(), kb)
                or (idx <= 2 and _forename(left[0][2].lower(), kb))
            ):
                # name particle: "Ludwig van Beethoven", and right after a
                # given name also a particle that can join names ("Robert De
                # Niro", "Mayor Bill de Blasio", not "Banco de Portugal")
                continue
            left_key = text[left[0][0] : left[-1][1]].lower()
            last = strip_possessive(toks[-1][2]).lower()
            left_last = left[-1][2].lower()
            joins = (
                _is_keyword(last, kb, plural=False)
                and not (w == "and" and words[idx + 1] == "the")
                and not _is_keyword(left_last, kb, plural=False)
                and left_last not in _NUMBER_FOLDED
                and left_key not in kb.places
                and left_key not in kb.organizations
                and not (left and left[0][2].lower() in kb.given_names)
                # "Chen Liwei of Bayside Capital": a person of a firm
                and not (w == "of" and len(left) == 2 and (
                    _forename(left[0][2].lower(), kb) or left[0][2].lower() in kb.surnames_first
                ))
                and not any([words[i] in kb.given_names for i in range(1, idx)])
            ) or (
                w in ("of", "for", "de", "du", "des")
                and _is_keyword(left_last, kb, plural=w == "of")
                and left_last not in kb.title_words
            ) or (w == "and" and _and_inside(words, idx, kb))
            if not joins:
                _split_piece(text, left, kb, out, in_headline, possessive=False)
                _split_piece(text, toks[idx + 1 :], kb, out, in_headline, possessive=possessive)
                return
    # "Pakistan Saeed Anwar", "Uruguayan Marcelo Otero": a place or demonym
    # before a person's name is not part of it.
    if (
        len(toks) >= 2
        and all(w in kb.affiliations for w in words[:-1])
        and strip_possessive(words[-1]).rstrip(".s") in kb.title_words
    ):
        return  # "Labour MP", "Republican Sen.": a role that names no one
    if len(toks) >= 3 and words[0] in kb.affiliations:
        # "Democrat Hillary Clinton", "Liberal Democrat Sarah Teather": the
        # party describes the person and is no part of the name.
        i = 2 if words[1] in kb.affiliations else 1
        if i < len(toks) - 1 and words[i] in kb.forenames:
            _split_piece(text, toks[i:], kb, out, in_headline, possessive=possessive)
            return
    if len(toks) >= 3 or (len(toks) == 2 and words[1] in kb.given_names):
        for i in range(1, len(toks)):
            if words[i] in kb.given_names and words[i] not in kb.places:
                head = text[toks[0][0] : toks[i - 1][1]].lower()
                if head in kb.demonyms:
                    _split_piece(text, toks[i:], kb, out, in_headline, possessive=possessive)
                    return
                if head in kb.places or head in kb.organizations:
                    _split_piece(text, toks[:i], kb, out, in_headline, possessive=False)
                    _split_piece(text, toks[i:], kb, out, in_headline, possessive=possessive)
                    return
                break
    if (
        len(toks) >= 3
        and words[1] in kb.forenames
        and _stray_head(toks[0][2], words[0], words[-1], kb)
    ):
        # "Centre Jason Little", "Exchequer Kenneth Clarke": a word before a
        # given name and a surname that is no name of its own.
        _split_piece(text, toks[:1], kb, out, in_headline, possessive=False)
        _split_piece(text, toks[1:], kb, out, in_headline, possessive=possessive)
        return
    if words[0] in kb.demonyms and len(toks) >= 2:
        tail = strip_possessive(toks[-1][2]).lower()
        if not _is_keyword(tail, kb, plural=False) and (
            toks[1][2].lower() not in kb.title_words
        ) and not (
            # "British Chambers of Commerce", "Russian Academy of Sciences":
            # the demonym opens the body's own name.
            len(toks) >= 4 and words[2] in ("of", "for") and _is_keyword(words[1], kb)
        ):
            _split_piece(text, toks[1:], kb, out, in_headline, possessive=possessive)
            return
    # Titles: "Russian President Vladimir Putin", "CIA Director William Burns".
    split = _title_split(toks, kb)
    if split is not None:
        role_toks, name_toks = toks[:split], toks[split:]
        role_start, role_end = role_toks[0][0], role_toks[-1][1]
        role_words = [t[2].lower().rstrip(".") for t in role_toks]
        role: str | None = text[role_start:role_end]
        if role_words[-1] in kb.honorifics and not any(
            w in kb.title_words for w in role_words
        ):
            # "Mr Jackson", also after a word that is no title ("Describing
            # Mr Jackson" at a sentence start): the courtesy title names no role.
            role = None
        elif role_words[-1] in kb.honorifics:
            role = text[role_start : role_toks[-2][1]]  # "President Mr X": "President"
        # Words before the role ("former") lie outside the run: read by
        # _candidates from role_at.
        else:
            # Places and organisations inside the role are mentions too.
            _role_entities(text, role_toks, kb, out, in_headline)
        n_start, n_end, n_name = _span_text(text, name_toks, possessive)
        # A title or a courtesy title ("Ms Oduya", "Mr Jackson") makes a person.
        out.append(_Candidate(n_start, n_end, n_name, PERSON, role=role, in_headline=in_headline,
                              strong_person=True, role_at=-1 if role is None else role_start))
        return
    if len(words) > 1 and all(
        w.rstrip(".") in kb.title_words or w.rstrip(".") in kb.honorifics for w in words
    ):
        return  # "Foreign Minister", "Mr President" alone name no one
    cut = _title_tail(words, kb)
    if cut is not None:
        # "Chief Supt", "Alvenstra Chief Executive" before "Dr. Ann Cole" (a
        # full stop ends the run): a title names no one; the words before it
        # may name its organisation.
        if cut:
            _split_piece(text, toks[:cut], kb, out, in_headline, possessive=False)
        return
    kind = _classify(text, toks, start, end, name, kb)
    weak = kind is None
    out.append(_Candidate(start, end, name, kind, in_headline=in_headline, weak=weak,
                          strong_person=kind is PERSON and _looks_like_person(toks, kb)))


def _of_title_split(toks: Sequence[_Tok], words: Sequence[str], kb: Knowledge) -> int | None:
    """Where the name starts after a title with "of" in it ("Secretary of
    State", "Chief of Staff") that ends before a name of one to three words
    (folded ``words``); None when there is none."""
    for idx in range(1, len(words) - 2):
        if words[idx] != "of" or f"{words[idx - 1]} of {words[idx + 1]}" not in kb.titles:
            continue
        name = words[idx + 2 :]
        last = strip_possessive(name[-1])
        if (
            len(name) > 3
            or any(w in kb.connectors or w in kb.title_words for w in name)
            or " ".join(name) in kb.places
            or " ".join(name) in kb.organizations
            or _is_keyword(last, kb)
            or last in kb.place_keywords
            or not all(t[2][:1].isupper() for t in toks[idx + 2 :])
        ):
            return None
        return idx + 2
    return None


def _title_tail(words: Sequence[str], kb: Knowledge) -> int | None:
    """Where a title of two or more words ending ``words`` (folded) begins
    ("chief supt", "chief executive"); None when there is none. Its last
    word ends titles ("Congress" of "Member of Congress" does not) or is an
    abbreviated title, and its first opens one on its own ("Chief") or
    starts a listed title ("special envoy"); not "field mp" of "Frank Field
    MP"."""
    lex = role_lexicon()
    abbreviated = lex.abbreviations
    last = words[-1].rstrip(".")
    if last + "." not in abbreviated and (last not in kb.title_ends or last in kb.title_objects):
        return None
    n = len(words)
    k = n - 1
    while k > 0 and (words[k - 1] in kb.title_words or words[k - 1] + "." in abbreviated):
        k -= 1
    while k < n - 1 and not (
        words[k] in kb.title_ends
        or words[k] + "." in abbreviated
        or " ".join(words[k:]) in kb.titles
    ):
        k += 1
    if n - k < 2:
        return None
    if all(w in kb.affiliations for w in words[:k]) or (k == 1 and words[0] in lex.modifiers):
        # "Liberal Democrat Chief Secretary", "Assistant Chief Constable":
        # a party or a qualifier of the title names no one either.
        return 0
    return k


def _stray_head(word: str, key: str, last: str, kb: Knowledge) -> bool:
    """Whether ``word`` (lookup key ``key``), written before a given name in
    a name ending in ``last``, is a common word of its own rather than the
    name's first part: a role noun ("Surgeon", "Centre"), a
    hyphenated description ("Third-stringer") or a word for a resident or
    office ("Queenslander", "Exchequer"); not a name part (a given name, a
    family name written first), and the name is not an institution named
    for a person ("Royal Albert Hall")."""
    if (
        not word[:1].isupper()
        or word.isupper()
        or key in kb.forenames
        or key in kb.surnames_first
        or last in kb.org_keywords
        or last in kb.other_keywords
        or last in kb.place_keywords
    ):
        return False
    if key in kb.title_words:
        return False  # a title before a name is a role (see _title_split)
    return (
        key in kb.org_keywords
        or key in role_lexicon().heads
        or _HYPHEN_WORD.search(word) is not None
        or (len(key) > 6 and key.endswith("er"))
    )


_HYPHEN_WORD: Final = re.compile(r"\w-[a-z]")


def _role_entities(
    text: str, toks: list[_Tok], kb: Knowledge, out: list[_Candidate], in_headline: bool
) -> None:
    piece: list[_Tok] = []
    for tok in [*toks, (0, 0, "")]:
        key = tok[2].lower().rstrip(".")
        if tok[2] and key not in kb.title_words and key not in kb.honorifics and (
            key not in role_lexicon().abbreviations  # ("DCI" is a title, not an organisation)
        ):
            piece.append(tok)
            continue
        if piece:
            start, end, name = _span_text(text, piece, is_possessive(piece[-1][2]))
            pkey = name.lower()
            if pkey in kb.organizations or (len(piece) == 1 and is_acronym(name)
                                            and pkey not in kb.places):
                out.append(_Candidate(start, end, name, ORG, in_headline=in_headline))
            elif pkey in kb.places:
                out.append(_Candidate(start, end, name, PLACE, in_headline=in_headline))
            piece = []


def _title_split(toks: list[_Tok], kb: Knowledge) -> int | None:
    """Index where the name starts after a title, or None when there is no title."""
    n = len(toks)
    lex = role_lexicon()
    heads = lex.heads
    for k in range(n - 1, 0, -1):
        prev = toks[k - 1][2].lower().rstrip(".")
        # An abbreviated title ("DCI", "Supt"), capitalised: "Det Supt Ann Cole".
        abbreviated = toks[k - 1][2][:1].isupper() and (
            prev in lex.abbreviations or prev + "." in lex.abbreviations
        )
        if prev in kb.title_ends or prev in kb.honorifics or abbreviated or (
            prev in heads and (prev in kb.title_words or _role_opens_sentence(toks, k, kb))
        ):
            rest = toks[k:]
            if prev in kb.honorifics:
                # "Mr King", "Mrs Major": after a courtesy title a title
                # word is a surname, unless it is how one addresses an
                # office holder ("Mr President", "Madam Speaker").
                if len(rest) == 1 and rest[0][2].lower() in _ADDRESSED_TITLES:
                    return None
            elif any(t[2].lower().rstrip(".") in kb.title_words for t in rest) and not (
                len(rest) > 1 and rest[0][2].lower() in kb.forenames
            ):
                return None  # ("Prime Minister John Major": a given name opens a name)
            if any(
                t[2].lower() in kb.connectors
                # (a particle after a given name is a name's: "Bill de Blasio")
                and not (i and t[2] and t[2].lower() in kb.particles
                         and rest[i - 1][2].lower() in kb.forenames)
                for i, t in enumerate(rest)
            ):
                return None
            last = strip_possessive(rest[-1][2]).lower()
            if _is_keyword(last, kb, plural=False):
                return None
            if prev in kb.title_words or prev not in kb.honorifics:
                # (a courtesy title is before a person only: "Mr Jackson")
                if " ".join(t[2] for t in rest).lower() in kb.places and not (
                    # "Queen Sofia", "King Hamad": a monarch's given name
                    len(rest) == 1
                    and prev in kb.regnal_titles
                    and rest[0][2].lower() in kb.given_names
                ):
                    return None
                if " ".join(t[2] for t in rest).lower() in kb.organizations:
                    return None
            # "General Motors", "Major League": a lone title + word is ambiguous;
            # accept it only for unambiguous person titles.
            if (
                len(rest) == 1
                and k == 1
                and prev not in kb.honorifics
                and prev not in _PERSON_TITLES
                and not (abbreviated and len(rest[0][2]) > 1)  # (not "Gen Z")
            ):
                return None
            return k
    return None


def _role_opens_sentence(toks: Sequence[_Tok], k: int, kb: Knowledge) -> bool:
    """Whether the role noun ``toks[k - 1]`` opens the run, capitalised to
    open a sentence, before a full or given name ("Singer Lily Allen",
    "Comedian Chris"), not before a place ("Official UK Charts")."""
    return (
        k == 1
        and (len(toks) > 2 or toks[1][2].lower() in kb.forenames)
        and not any(t[2].lower() in kb.places for t in toks[1:])
    )


# A capital inside a word ("TimeWarner", "PaineWebber", "YouTube") marks a
# brand, unless a surname prefix ("McLean", "DiCaprio", "LeBlanc") or a given
# name ("JosepGuardiola": two names run together) explains it.
_INNER_CAPITAL: Final = re.compile(r"[a-z][A-Z]")
_SURNAME_PREFIX: Final = re.compile(
    r"(?:Mc|Mac|Fitz|D[aeiu]|L[aeo]|Van(?:der|de|den)?|Von|St|Ter)[A-Z]"
)


def _brand(word: str, kb: Knowledge) -> bool:
    inner = _INNER_CAPITAL.search(word)
    if inner is None or _SURNAME_PREFIX.match(word) is not None:
        return False
    head = word[: inner.start() + 1].lower()
    return head not in kb.given_names and head not in kb.forenames


def _looks_like_person(toks: Sequence[_Tok], kb: Knowledge) -> bool:
    first = toks[0][2].lower()
    if len(toks) == 1 and len(first) > 2 and is_acronym(toks[0][2]):
        return False  # "ANA general secretary X": initials, though "Ana" is a given name
    return first in kb.given_names or (
        len(toks) >= 2 and (_forename(first, kb) or first in kb.surnames_first)
    )


def _forename(key: str, kb: Knowledge) -> bool:
    """Whether folded ``key`` is a given name, or one joined from given
    names by hyphens ("pieter-jan", "anne-marie", "jean-luc")."""
    if key in kb.forenames:
        return True
    if "-" not in key:
        return False
    parts = key.split("-")
    return len(parts) == 2 and parts[0] in kb.given_names and parts[1] in kb.forenames


def _classify(
    text: str, toks: Sequence[_Tok], start: int, end: int, name: str, kb: Knowledge
) -> EntityKind | None:
    key = name.lower()
    if key in kb.organizations:
        return ORG
    if key in kb.places:
        return PLACE
    if key in kb.demonyms:
        return None
    words = [strip_possessive(t[2]).lower() for t in toks]
    last = words[-1]
    if len(words) >= 2 and last in _NUMBER_FOLDED and words[-2] in kb.other_keywords:
        return OTHER
    if len(words) >= 2 and last in kb.org_keywords:
        return ORG
    if last in kb.other_keywords and (len(words) >= 2 or last in ("olympics",)):
        return OTHER
    if any(
        w not in kb.title_words and (w in kb.org_keywords or w[:-1] in kb.org_keywords)
        for w in words[:-1]
    ) and any(w in ("of", "for") for w in words):
        return ORG  # "Bank of England", "British Chambers of Commerce"
    if words[0] in kb.demonyms and len(words) >= 2:
        # "Chinese Foreign Ministry" handled above; "Russian Orthodox Church"...
        rest = words[1:]
        if rest[-1] in kb.org_keywords:
            return ORG
        return OTHER
    if len(words) >= 2 and last in kb.place_keywords:
        return PLACE
    if _looks_like_person(toks, kb):
        return PERSON
    if len(words) >= 2:
        if words[0] in _DIRECTIONS and words[1] not in kb.org_keywords:
            return PLACE
        if any(w in kb.places for w in words):
            return ORG  # "Dynamo Moscow", "Bayer Leverkusen": a club or firm named for a place
    if len(words) == 1 and is_acronym(name) and len(name) <= 5:
        return ORG
    if len(words) == 2 and last in _DISTRICT_ENDS:
        return PLACE  # "Tremorne East", "Ealing Central": a constituency or district
    if 2 <= len(words) <= 4 and all(t[2][:1].isupper() for t in toks):
        return PERSON
    return None


# -- resolution -------------------------------------------------------------


def _context_kind(text: str, cand: _Cand, kb: Knowledge) -> EntityKind | None:
    # The two words before the name decide "said X", "according to X", "in (the) X".
    words = text[max(0, cand[_START] - 24) : cand[_START]].split()[-2:]
    last = words[-1].lower() if words else ""
    the = last == "the"
    if the and len(words) == 2:
        last = words[0].lower()
    if last in _SPEECH_WORDS or (
        last == "to" and len(words) == 2 and words[0].lower() == "according"
    ) or (
        # "a teacher from Loravik, said": the place ends a description of the
        # speaker (not "an analyst at Tiscali": at a firm as often as a place)
        (last == "at" or last not in _PLACE_WORDS)
        and _SPEECH_AFTER.match(text, cand[_END], cand[_END] + 40)
    ):
        # "told the Times", "the Herald said": a person has no article,
        # unless a title stands for one ("the President said"); "TimeWarner
        # said", "Post reported": a brand or a word that ends company names
        # speaks as a company.
        if the and cand[_KEY] not in kb.title_words:
            return ORG
        if cand[_WORDS] == 1 and (
            cand[_KEY] in kb.org_keywords or _brand(strip_possessive(cand[_TEXT]), kb)
        ):
            return ORG
        return PERSON
    if last in _PLACE_WORDS:
        return PLACE
    return None


def _resolve(
    body: str, body_cands: list[_Cand], head_cands: list[_Cand], kb: Knowledge
) -> list[Draft]:
    """Candidates grouped into entities (one per person, organisation or
    place), most mentioned first (ties in order of first mention)."""
    merged = False
    for i, c in enumerate(body_cands):
        # Most names are in running text: skip the table rules unless a
        # character next to the name could start one of their contexts.
        if (
            c[_KIND] is None
            or c[_CAPS]
            or body[c[_END] : c[_END] + 2] in _SCORE_STARTS
            or body[max(0, c[_START] - 2) : c[_START]] == "( "
        ):
            if c[_KIND] is None and c[_CAPS] and i and _DATE_NEXT.match(body, c[_END]):
                merged = _whole_dateline(body, body_cands, i) or merged
            _table_context(body, c, kb)
    if merged:
        body_cands = [c for c in body_cands if c[_KIND] is not _GONE]
    groups: dict[str, Draft] = {}
    by_form: dict[str, Draft] = {}
    token_index: dict[str, list[Draft]] = {}
    # Short forms of company names ("Barrick" of "Barrick Gold Corp").
    org_prefix: dict[str, Draft] = {}
    # A group is the Draft it becomes: ``aliases`` holds its forms (in
    # order of addition), ``order`` its first mention until the groups are
    # ranked, ``mentions`` and ``headline`` lists of spans to sort.

    def new_group(c: _Cand, kind: EntityKind, first: int) -> None:
        """A group for ``c`` with ``c`` as its first mention (what add() would do)."""
        text: str = c[_TEXT]
        name: str = c[_DISPLAY] or text
        if name != text and c[_KIND] is kind and (
            len(text) > len(name)
            or (len(text) == len(name) and name.isupper() and not text.isupper())
        ):
            name = text
        span = _span(c[_START], c[_END])
        if c[_IN_HEADLINE]:
            g = new_draft(name, kind, [text], c[_ROLE], [], [span], first)
        else:
            g = new_draft(name, kind, [text], c[_ROLE], [span], (), first)
        form = c[_FORM]
        groups[form] = g
        by_form[form] = g
        if c[_WORDS] > 1:
            # "TimeWarner" for "Time Warner": the same name run together.
            key: str = c[_KEY]
            by_form.setdefault(key.replace(" ", ""), g)
        if kind is PLACE:
            by_form.setdefault(c[_KEY], g)  # the spelling of a country grouped by its name
        elif kind is PERSON:
            toks = text.split()
            for tok in toks:
                token_index.setdefault(tok.lower(), []).append(g)
            for i in range(1, len(toks) - 1):
                if toks[i] in kb.particles:
                    # "Van Gaal" of "Louis van Gaal"
                    by_form.setdefault(" ".join(toks[i:]).lower(), g)
                    break
        elif kind is ORG and c[_WORDS] > 1 and not c[_IN_HEADLINE]:
            for prefix in _company_short_forms(c[_KEY]):
                org_prefix.setdefault(prefix, g)

    def add(g: Draft, c: _Cand, shared: bool = False) -> None:
        """Add ``c`` to ``g``; a ``shared`` surname names no one else by its form."""
        text: str = c[_TEXT]
        forms = g.aliases
        if text not in forms:
            forms.append(text)  # type: ignore[attr-defined]
        if not shared:
            by_form.setdefault(c[_FORM], g)
        if c[_KIND] is PLACE:
            by_form.setdefault(c[_KEY], g)
        if g.role is None and c[_ROLE] is not None:
            g.role = c[_ROLE]
        if c[_IN_HEADLINE]:
            if g.headline:
                g.headline.append(_span(c[_START], c[_END]))  # type: ignore[attr-defined]
            else:
                g.headline = [_span(c[_START], c[_END])]
        else:
            g.mentions.append(_span(c[_START], c[_END]))  # type: ignore[attr-defined]
        name = g.name
        if c[_KIND] is g.kind or (
            # "LORAVIK" of a dateline is shown as the story spells it, "Loravik"
            # (not an acronym: "UKIP", "SWAT")
            len(name) > 5 and name.isupper() and text.lower() == name.lower()
            and not text.isupper()
        ):
            shown: str = c[_DISPLAY] or text
            if len(shown) > len(name) or (
                len(shown) == len(name) and name.isupper() and not shown.isupper()
            ):
                g.name = shown

    # Pass 1: multi-word names and anything with a confident kind; longer
    # names first, each length in text order (two stable sorts).
    body_cands.sort(key=_BY_START)
    pending: list[_Cand] = []
    for c in sorted(body_cands, key=_BY_WORDS, reverse=True):
        g = by_form.get(c[_FORM])
        if g is not None:
            add(g, c)
            continue
        kind = c[_KIND]
        if (
            org_prefix
            and (kind is PERSON or kind is ORG)
            and not c[_STRONG]
            and c[_ROLE] is None
            and c[_KEY] in org_prefix
            and c[_KEY] not in kb.organizations
        ):
            add(org_prefix[c[_KEY]], c)  # "Santa Fe" of "Santa Fe Pacific Gold Corp"
            continue
        if kind is not None and not c[_WEAK] and not (
            c[_ACRONYM] and kind is ORG
        ) and (
            c[_WORDS] > 1
            or kind is not PERSON
            # A titled surname waits to join the person it names ("President
            # Putin"); a given name after a monarch's title never does.
            or (c[_ROLE] is not None and (c[_KEY] not in token_index or _regnal(c[_ROLE], kb)))
        ) and not (
            # A one-word place that is also a surname ("Jackson") waits: it
            # may be a person named in full elsewhere; so does a one-word
            # organisation by context only that is a person's surname
            # ("Clinton's spokesman" after "Hillary Clinton").
            c[_WORDS] == 1
            and (
                (kind is PLACE and c[_KEY] not in kb.countries)
                or (kind is ORG and c[_KEY] in token_index and _person_as_org(body, c, kb)
                    and any([_surname_of(c[_KEY], o) for o in token_index[c[_KEY]]]))
            )
        ):
            new_group(c, kind, c[_START])
        else:
            pending.append(c)
    # Pass 2: short forms join a longer name ("Putin" -> "Vladimir Putin").
    rest: list[_Cand] = []
    teams = any([form.startswith("team:") for form in groups])
    sports: bool | None = None  # whether the story reports sport (read when needed)
    pending.sort(key=_BY_START)
    for c in pending:
        key = c[_KEY]
        if c[_KIND] is PLACE and not c[_CAPS] and (teams or sports is None or sports):
            if sports is None:
                sports = _sports_story(body)
            if (teams or sports) and not _after_place_word(body, c[_START]) and not (
                _DATELINE_AFTER.match(body, c[_END]) or _WHERE_NEXT.match(body, c[_END])
            ):
                team = by_form.get("team:" + key)
                if team is not None:
                    # A city whose team plays in a table of the same story:
                    # its name in a sentence is the team ("four points ahead
                    # of Barcelona"), unless the sentence puts someone in it.
                    add(team, c)
                    continue
                if sports:
                    c[_KIND] = ORG  # a sports story's cities are its teams
                    c[_FORM] = "team:" + key
                    rest.append(c)
                    continue
        g = by_form.get(key)
        if g is not None:
            add(g, c)
            continue
        owners = token_index.get(key)
        if (
            owners is not None
            and c[_KIND] in (None, PERSON, PLACE, ORG)
            and not (c[_KIND] in (PLACE, ORG) and not c[_WEAK] and key in kb.countries)
        ):
            if len(owners) == 1 and (
                c[_WEAK]
                or c[_KIND] is None
                or (c[_KIND] is PERSON and _may_be_short_form(c, owners[0], kb))
                or (c[_KIND] is not PERSON and _surname_of(key, owners[0])
                    and _may_name_owner(c, owners[0], kb))
            ):
                add(owners[0], c)
                continue
            if c[_KIND] is not ORG or key not in kb.organizations:
                owner = _surname_owner(key, owners)
                if owner is True and c[_KIND] is not ORG:
                    # Several people bear it: the one this mention can only be
                    # ("Mr Cole" of Tom and Ann Cole; the one named so far).
                    shared = _shared_surname_owner(body, c, owners, kb)
                    if shared is not None:
                        add(shared, c, shared=True)
                        continue
                if owner is True or (owner is False and c[_KIND] is None):
                    # The surname of several people ("Clinton" after "Bill
                    # Clinton" and "Hillary Clinton"), or a person's first
                    # name said alone: a person of its own.
                    c[_KIND] = PERSON
                    c[_WEAK] = False
                elif (
                    owner is not None
                    and owner is not False
                    and _may_name_owner(c, owner, kb)
                    and (c[_KIND] is not PERSON or _may_be_short_form(c, owner, kb))
                ):
                    add(owner, c)
                    continue
        if c[_KIND] is None and org_prefix:
            g = org_prefix.get(key)
            if g is not None and owners is None and not _in_place(body, c[_START]):
                # "Barrick" of "Barrick Gold Corp"; not "in Halden" of
                # "Halden Savings Bank": the town the bank is named for (so
                # each mention decides: the form names no one for good)
                add(g, c, shared=True)
                continue
        acronym_owner = None
        if c[_ACRONYM]:
            canonical = kb.organizations.get(key)
            if canonical is None and "." in key:
                canonical = kb.places.get(key.replace(".", ""))  # "U.S" of "U.S."
            if canonical is not None:
                acronym_owner = by_form.get(canonical.lower())
            if acronym_owner is None:
                acronym_owner = _acronym_owner(c[_TEXT], groups.values(), kb)
            if acronym_owner is None and body[c[_START] - 1 : c[_START]] == "(":
                acronym_owner = _spelt_before(body, c, groups.values(), kb)
        if acronym_owner is not None:
            add(acronym_owner, c)
            continue
        rest.append(c)
    # Pass 3: what is left gets a kind from knowledge or from the contexts of
    # all its mentions ("Trump said" anywhere makes every "Trump" a person).
    votes: dict[str, EntityKind] = {}
    for c in rest:
        kind = c[_KIND]
        if kind is None:
            ctx_kind = _context_kind(body, c, kb)
            key = c[_FORM]
            if ctx_kind is PERSON or (ctx_kind is not None and key not in votes):
                votes[key] = ctx_kind
        elif kind is PERSON and c[_STRONG] and c[_WORDS] == 1:
            # "Mr Jackson" anywhere makes every "Jackson" a person.
            votes[c[_KEY]] = PERSON
    for c in rest:
        g = by_form.get(c[_KEY])
        if g is None and c[_FORM] is not c[_KEY]:
            g = by_form.get(c[_FORM])  # a team of a sports story named before
        if g is not None:
            add(g, c)
            continue
        if c[_CAPS] and c[_KIND] is None:
            continue  # a shouted word that matched no name: not an entity
        kind = c[_KIND] or votes.get(c[_FORM])
        if kind is None:
            kind = OTHER
        elif kind is PLACE and c[_WORDS] == 1 and votes.get(c[_KEY]) is PERSON and (
            c[_KEY] not in kb.countries
        ):
            kind = PERSON
        new_group(c, kind, c[_START])
    # Headline: join body entities by form, token or spelling.
    for c in head_cands:
        key = c[_KEY]
        hg: Draft | None = by_form.get(key)
        if hg is None:
            owners = token_index.get(key)
            hg = owners[0] if owners is not None and len(owners) == 1 else None
        if hg is None and c[_ACRONYM]:
            hg = _acronym_owner(c[_TEXT], groups.values(), kb)
        if hg is None:
            if c[_KIND] is not None:
                new_group(c, c[_KIND], 1 << 30)  # after every body entity
            continue
        add(hg, c)
    ranked: list[tuple[int, float, Draft]] = []
    for g in groups.values():
        mentions = g.mentions
        heads = g.headline
        if not mentions and not heads:
            continue
        if len(mentions) > 1:
            mentions.sort(key=_SPAN_ORDER)  # type: ignore[attr-defined]
        if g.role is None and g.kind is PERSON and mentions:
            g.role = _appositive_role(body, mentions, kb)
        forms = g.aliases
        if len(forms) == 1 and g.name in forms:
            g.aliases = ()
        else:
            g.aliases = tuple(sorted([f for f in forms if f != g.name], key=_longest_first))
        if heads:
            if len(heads) > 1:
                heads.sort(key=_SPAN_ORDER)  # type: ignore[attr-defined]
            g.headline = tuple(heads)
        ranked.append((-len(mentions) - len(heads), g.order, g))
    ranked.sort(key=_BY_COUNT_AND_FIRST)
    ents = [r[2] for r in ranked]
    for order, ent in enumerate(ents):
        ent.order = float(order)  # Draft.order is a float (a compiled build checks)
    return ents


_BY_START: Final = operator.itemgetter(_START)
_SPAN_ORDER: Final = operator.attrgetter("start", "end")
_BY_WORDS: Final = operator.itemgetter(_WORDS)
_BY_COUNT_AND_FIRST: Final = operator.itemgetter(0, 1)
# Two characters after a name that may open a score ("Liverpool 16"): see _SCORE_AFTER.
_SCORE_STARTS: Final = frozenset(
    [" ", "\t", "  ", " \t", "\t ", "\t\t"] + [f"{s}{d}" for s in " \t" for d in "0123456789"]
)


def _longest_first(form: str) -> tuple[int, str]:
    return -len(form), form


_SPOKESPERSON_AFTER: Final = re.compile(r"(?:['’]s)?[ \t]+spokes(?:man|woman|person)\b")


def _person_as_org(body: str, c: _Cand, kb: Knowledge) -> bool:
    """Whether a one-word name taken for an organisation may still be a
    person's surname: a team by a score ("b Harris 4" in a scorecard) or a
    spokesman's employer ("Clinton spokesman"), not a known organisation."""
    if c[_KEY] in kb.organizations:
        return False
    return c[_FORM].startswith("team:") or _SPOKESPERSON_AFTER.match(body, c[_END]) is not None


def _may_be_short_form(c: _Cand, owner: Draft, kb: Knowledge) -> bool:
    """Whether a one-word person ``c`` may be a short form of ``owner``, a
    person with that word in their name: any word, unless a title stands
    before it; then only the surname ("President Putin" of "Vladimir
    Putin"), and never after a title written before a given name ("Prince
    Harry" is not "Debbie Harry")."""
    role: str | None = c[_ROLE]
    if role is None:
        return True
    return not _regnal(role, kb) and _surname_of(c[_KEY], owner)


def _regnal(role: str, kb: Knowledge) -> bool:
    """Whether a title before a name is written before a given name ("Prince")."""
    words = role.lower().split()
    return words[-1] in kb.regnal_titles or " ".join(words[-2:]) in kb.regnal_titles


def _may_name_owner(c: _Cand, owner: Draft, kb: Knowledge) -> bool:
    """Whether ``c``, a surname of the person ``owner``, may be a mention of
    them: anything but an organisation, unless it is a team by a score or
    the owner is surely a person (by a given name or a role)."""
    return c[_KIND] is not ORG or c[_FORM].startswith("team:") or strong_person(owner, kb)


@functools.lru_cache(maxsize=1 << 10)
def _company_short_forms(key: str) -> tuple[str, ...]:
    """The leading words by which a company's name ending in an organisation
    word is cut short ("barrick", "barrick gold" of "barrick gold corp"):
    none for names with connectors ("Bank of England") or opening with a
    common word, a given name, a place or a nationality."""
    kb = knowledge()
    words = key.split()
    if strip_possessive(words[-1]) not in kb.org_keywords:
        return ()
    first = words[0]
    if (
        first in kb.stopcaps
        or first in kb.org_keywords
        or first in kb.forenames
        or first in kb.places
        or first in kb.demonyms
        or first in kb.title_words
        or any([w in kb.connectors for w in words])
    ):
        return ()
    forms = tuple(" ".join(words[:i]) for i in range(1, len(words)))
    if first.endswith(_ADJECTIVE_ENDS):
        return forms[1:]  # "Democratic leaders" are not the Democratic National Committee
    return forms


# Endings of adjectives that open organisation names ("Democratic Party",
# "National Union", "Conservative Party"): alone, such a word is no short form.
_ADJECTIVE_ENDS: Final = (
    "ic", "ican", "ean", "ian", "ish", "ese", "ive", "ary", "ist", "ed", "ing",
    "ional", "eral", "tral", "cial", "rial", "ntal", "yal", "bal"
)


# Words of sport (a blank before each, so that they open a word: "goal" and
# "goals", not "cupboard" after "cup"); a story with many reports sport. The
# commonest come first: a story with none of them is no sports story.
_SPORTS_FIRST: Final = (
    " match", " game", " league", " goal", " cup", " Cup", " coach", " football"
)
_SPORTS_MORE: Final = (
    " League", " scored", " striker", " midfielder", " defender", " squad", " stadium",
    " tournament", " championship", " rugby", " cricket", " soccer", " innings", " wicket",
    " relegation", " halftime", " semi-final", " play-off", " kick-off", " defeat", " beaten",
    " overtime", " Halftime", " Attendance", " Standings", " Division",
)


def _sports_story(body: str) -> bool:
    """Whether a story reports sport: words of sport make more than one in
    eighty of its words (str.count per word runs in C: no regex over the
    whole story)."""
    found = 0
    for word in _SPORTS_FIRST:
        found += body.count(word)
    if not found:
        return False
    words = body.count(" ") + 1
    if found * 80 > words:
        return True
    for word in _SPORTS_MORE:
        found += body.count(word)
        if found * 80 > words:
            return True  # (counts only grow: the rest cannot change the answer)
    return False


_IN_WORDS: Final = frozenset(
    ("in", "at", "from", "near", "into", "outside", "inside", "to", "of", "across")
)


def _in_place(body: str, start: int) -> bool:
    """Whether "in", "near" or "outside" stands right before ``start`` (a
    town, where "at" or "from" may name a company: "an analyst at Barrick")."""
    words = body[max(0, start - 10) : start].split()
    return bool(words) and words[-1] in _IN_PLACE_WORDS


_IN_PLACE_WORDS: Final = frozenset(("in", "near", "outside"))


def _after_place_word(body: str, start: int) -> bool:
    """Whether a preposition of place or a direction stands right before
    ``start`` ("in Leeds", "north London")."""
    words = body[max(0, start - 12) : start].split()
    if not words:
        return False
    last = words[-1].lower()
    if last in _IN_WORDS or last in _DIRECTIONS:
        return True
    if last == "and" or last == "or":
        # "in Doha and Rotterdam": the preposition before the first place
        words = body[max(0, start - 40) : start].split()
        return len(words) >= 3 and words[-3].lower() in _IN_WORDS
    return False


# "a London club", "the Midlands derby", "an Abidjan friendly": a place that
# says where a club or match is.
_WHERE_NEXT: Final = re.compile(r"[ \t]+(?:club|clubs|derby|derbies|friendly|rivals|outfit)\b")


def _surname_of(key: str, owner: Draft) -> bool:
    """Whether ``key`` is the last word of ``owner``'s name ("jackson" of "Michael Jackson")."""
    return owner.name.lower().rpartition(" ")[2] == key


def _surname_owner(key: str, owners: Sequence[Draft]) -> Draft | bool | None:
    """The person among ``owners`` (people with a word ``key``) whose
    surname ``key`` is: the one known by a given name or role, or else the
    shortest when the others are it with more words before it ("Hillary
    Clinton" beside "Democrat Hillary Clinton"). True when two or more such
    people share it ("Bill Clinton" and "Hillary Clinton"), False when it is
    also a person's first name ("Cheryl" of "Cheryl Howe"), None when no one
    has it as surname."""
    kb = knowledge()
    named = []
    for o in owners:
        if _surname_of(key, o):
            named.append(o)
        elif o.name.lower().partition(" ")[0] == key and strong_person(o, kb):
            return False  # a person's first name, said alone
    if not named:
        return None
    strong = [o for o in named if strong_person(o, kb)]
    if strong:
        named = strong
    shortest = min(named, key=lambda o: len(o.name))
    tail = " " + shortest.name
    for o in named:
        if o is not shortest and not o.name.endswith(tail):
            # Two people, by given names or roles or as two plain words
            # each ("Alessandra Mussolini", "Benito Mussolini").
            return len(strong) > 1 or (not strong and all(
                [o.name.count(" ") == 1 and not o.name.split()[0].isupper() for o in named]
            )) or None
    return shortest


def _shared_surname_owner(
    body: str, c: _Cand, owners: Sequence[Draft], kb: Knowledge
) -> Draft | None:
    """Which of the people who share the surname ``c`` a mention names: the
    only one of the gender a courtesy title before it implies ("Mr Cole"),
    else the only one named in full before it; None when it cannot tell."""
    named = [o for o in owners if _surname_of(c[_KEY], o)]
    words = body[max(0, c[_START] - 10) : c[_START]].split()
    gender = kb.honorific_genders.get(words[-1].rstrip(".").lower()) if words else None
    if gender is not None:
        fitting = [o for o in named if person_gender(o.name) == gender]
        return fitting[0] if len(fitting) == 1 else None
    start = c[_START]
    before = [o for o in named if any([m.start < start for m in o.mentions])]
    return before[0] if len(before) == 1 else None


# Scores after a name, then a comma or semicolon and the next name.
_LISTED_AFTER: Final = re.compile(r"(?:[ \t]+\d{1,3}){1,4}[ \t]*[,;][ \t]*[A-Z]")
_GONE: Final = object()  # the kind of a candidate merged into the next one
# A date right after a dateline, or after its region ("VAIL , Colorado 1996-12-07").
_DATE_NEXT: Final = re.compile(
    r"[ \t]*(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Za-z][\w.]*){0,2}[ \t]+)?\d{4}-\d\d-\d\d"
)


def _whole_dateline(body: str, cands: list[_Cand], i: int) -> bool:
    """An unknown all-caps dateline of several words ("DODGE CITY",
    "TARPON SPRINGS" before a date) is one place: the words before
    ``cands[i]`` on its line join it. Whether any did."""
    c = cands[i]
    start = c[_START]
    j = i
    while j > 0:
        p = cands[j - 1]
        if p[_KIND] is not None or not p[_CAPS] or body[p[_END] : start] != " " or (
            not p[_TEXT].isupper()
        ):
            break
        start = p[_START]
        p[_KIND] = _GONE
        j -= 1
    if j == i or j < i - 2 or not _after_break(body, start):
        # (at most three words, opening a line or sentence)
        for p in cands[j:i]:
            p[_KIND] = None
        return False
    text = body[start : c[_END]]
    key = text.lower()
    c[_START], c[_TEXT], c[_KEY], c[_FORM], c[_WORDS] = start, text, key, key, text.count(" ") + 1
    return True


def _table_context(body: str, c: _Cand, kb: Knowledge) -> None:
    """Kinds from tables and datelines: a name before a score is a team (or,
    inside brackets, a scorer); an all-caps name before a date is a place."""
    if body[c[_END] : c[_END] + 2] in _SCORE_STARTS and _SCORE_AFTER.match(body, c[_END]):
        key = c[_KEY]
        lo = max(0, c[_START] - 60)
        in_brackets = body.rfind("(", lo, c[_START]) > body.rfind(")", lo, c[_START])
        if in_brackets:
            if c[_KIND] in (None, OTHER) and not c[_CAPS]:
                c[_KIND] = PERSON
                c[_WEAK] = False
            return
        if key in kb.countries or c[_ROLE] is not None:
            return
        if c[_KIND] is PERSON and (c[_STRONG] or c[_WORDS] == 1):
            return
        if c[_KIND] is PERSON and _LISTED_AFTER.match(body, c[_END]):
            # "Dion Fourie 69 73 , Nic Henning 73 70": a list of players and
            # their scores, commas between them (teams' results have none).
            c[_WEAK] = False
            return
        if c[_KIND] in (None, OTHER, PLACE, PERSON):
            c[_KIND] = ORG
            c[_WEAK] = False
            c[_FORM] = "team:" + c[_KEY]  # a team named for a place is not the place
        return
    if c[_CAPS] and c[_KIND] is PLACE and c[_KEY] not in kb.countries and (
        _VERSUS_AFTER.match(body, c[_END]) or _VERSUS_BEFORE.search(body, max(0, c[_START] - 6),
                                                                   c[_START])
    ):
        c[_KIND] = ORG  # "BUFFALO AT SEATTLE": a fixture list names teams
        c[_FORM] = "team:" + c[_KEY]  # a team named for a place is not the place
        return
    if body[max(0, c[_START] - 2) : c[_START]] == "( " and _BRACKETED.match(body, c[_END]) and (
        c[_KIND] in (PLACE, None, OTHER)
        and c[_KEY] not in kb.countries
        and _PERSON_BEFORE_BRACKET.search(body, max(0, c[_START] - 40), c[_START])
    ):
        c[_KIND] = ORG  # "Brian Laudrup ( Rangers )": a player's club
        c[_FORM] = "team:" + c[_KEY]  # a team named for a place is not the place
        c[_WEAK] = False
        return
    if c[_KIND] is None and c[_TEXT].isupper() and _DATELINE_AFTER.match(body, c[_END]):
        c[_KIND] = PLACE
        c[_WEAK] = False
        c[_FORM] = _form(c[_KEY], PLACE, kb)
        return
    if c[_KIND] is None and _org_context_after(body, c[_END]):
        c[_KIND] = ORG
        c[_WEAK] = False


def _org_context_after(body: str, end: int) -> bool:
    """Whether words of a company follow ``end`` ("X shares", "X's chairman"):
    the regex runs only when one of its words stands after the blanks."""
    # (slices and set lookups: the compiled build calls str.startswith with
    # a tuple as a Python method, slicing and sets as primitives)
    at = end + 2 if body[end : end + 2] in _POSSESSIVE_ENDINGS else end
    pos = at
    while body[pos : pos + 1] in _BLANK:
        pos += 1
    if pos == at or body[pos : pos + 2] not in _ORG_CONTEXT_HEADS or not body.startswith(
        _ORG_CONTEXT_WORDS, pos
    ):
        return False
    return _ORG_CONTEXT_AFTER.match(body, end) is not None


def _acronym_owner(word: str, groups: Iterable[Draft], kb: Knowledge) -> Draft | None:
    letters = word.replace(".", "").upper()
    for g in groups:
        if g.kind is PERSON or " " not in g.name:
            continue
        if g.name[0] != letters[0]:
            continue
        if _initials(g.name, kb) == letters:
            return g
    return None


def _initials(name: str, kb: Knowledge) -> str:
    """The capitals that open the words of a name, connectors aside."""
    return "".join(
        w[0] for w in name.split() if w.lower() not in kb.connectors and w[:1].isupper()
    ).upper()


def _spelt_before(body: str, c: _Cand, groups: Iterable[Draft], kb: Knowledge) -> Draft | None:
    """The entity taken for a person whose name, written right before the
    bracketed acronym ``c``, it spells ("Northgate Institute of Forensics
    (NIF)", "Gross Domestic Product (GDP)"): no one's name is followed by its
    initials; it becomes the owner of the acronym, an organisation when a
    word of its name ends organisation names, else "other"."""
    letters = c[_TEXT].replace(".", "").upper()
    before = body[max(0, c[_START] - 2) : c[_START] - 1]
    if before != " " or len(letters) < 3:
        return None
    for g in groups:
        if g.kind is not PERSON or " " not in g.name or strong_person(g, kb):
            continue
        if _initials(g.name, kb) == letters and any(
            [m.end == c[_START] - 2 for m in g.mentions]
        ):
            words = g.name.lower().split()
            g.kind = ORG if any([_is_keyword(w, kb) for w in words]) else OTHER
            return g
    return None


def _appositive_role(body: str, mentions: Sequence[Span], kb: Knowledge) -> str | None:
    """A role from an appositive next to one of the (sorted) mentions, if any."""
    for span in mentions[:3]:
        start, end = span.start, span.end
        # Cheap tests first: an appositive is set off by a comma.
        after = None
        if body[end : end + 1] == ",":
            after = _APPOSITIVE_AFTER.match(body, end, min(len(body), end + 190))
        if after is not None:
            role = _pick_role(after.group(1), kb)
            if role is not None:
                return role
        if body[max(0, start - 2) : start].startswith(","):
            phrase = _phrase_before(body, start - 2)
            if phrase is not None:
                role = _pick_role(phrase, kb)
                if role is not None:
                    return role
    return None


_DETERMINERS: Final = frozenset(("the", "a", "an", "his", "her", "its", "their"))


def _phrase_before(body: str, comma: int) -> str | None:
    """ "China's top diplomat" in "... with China's top diplomat, Wang Yi": the
    words before the comma from the nearest possessive name or determiner."""
    words = clause_before(body, comma)[1]
    for j in range(len(words) - 2, max(-1, len(words) - 8), -1):
        word = words[j]
        if word.lower() in _DETERMINERS:
            return " ".join(words[j:])
        if word[:1].isupper() and word.endswith(("'s", "’s")):
            k = j
            while k > 0 and words[k - 1][:1].isupper() and len(words) - k < 9:
                k -= 1
            return " ".join(words[k:])
    return None


_LEADING_AGE: Final = re.compile(r"^\d{1,3}-year-old\s+(?=\S)")  # "41-year-old former mayor"
_RELATIVE_TAIL: Final = re.compile(r"\s+(?:who|whom|whose|which|that)\b.*$", re.DOTALL)
# ("and one of the report's authors" adds a second description too)
_AND_ANOTHER: Final = re.compile(r"\s+and\s+(?=(?:a|an|the|one\s+of)\s)")
_ROLE_WORD: Final = re.compile(r"[\w'’\-]+")
_LEADING_ARTICLE: Final = re.compile(r"^(?:a|an|the|who\s+is|who\s+was)\s+", re.IGNORECASE)


def _pick_role(phrase: str, kb: Knowledge) -> str | None:
    """The part of an appositive that names a role ("the secretary of ...").

    A role is a noun phrase with a title or role noun in it; a clause
    ("who stormed to the top", "reprising her role as ...", "to abandon
    ...") says what someone did, not what they are.
    """
    parts = _AND_ANOTHER.split(phrase) if "and" in phrase else [phrase]
    # Not every word of a title: "to reach 17 under" names no role.
    role_words = role_lexicon().role_words
    for part in reversed(parts):
        limit = 12
        if " wh" in part or " that " in part:
            # "an astrophysicist at Cambridge who was not involved in the
            # study": the relative clause is no part of the role
            trimmed = _RELATIVE_TAIL.sub("", part)
            if trimmed != part:
                part, limit = trimmed, 14
        if limit == 12 and len(part) > 90:
            continue  # long and no relative clause cut: a clause, not a role
        words: list[str] = _ROLE_WORD.findall(part)  # (typed: str primitives when compiled)
        if len(words) > limit:
            continue
        # (a loop rather than any(): a generator resumed from C costs more)
        for word in words:
            if word.lower().strip("'’") in role_words:
                role = _LEADING_AGE.sub("", _LEADING_ARTICLE.sub("", part.strip()))
                if role[-1:] in ("'", "’") and role.count(role[-1]) == 1:
                    role = role[:-1]  # "his brother'": the mark closes a quotation
                if (
                    role
                    and not role[0].isdigit()
                    and not _clause(role)
                    and not _names_another(role, role_words, kb)
                    and QUOTATION_END.search(role) is None
                ):
                    return role
                break
    return None


# A role noun right before a name of two words or before "and": the
# appositive names another person ("mother Ann Cole and sister", "brother Tom
# and fiancee Jo"), not who this one is.
_NOUN_BEFORE_NAME: Final = re.compile(
    r"\b([a-z][\w\-]*)\s+([A-Z][a-z][\w'’\-]*)\s+(?:[A-Z]|(and)\b)"
)


def _names_another(role: str, role_words: frozenset[str], kb: Knowledge) -> bool:
    """Whether an appositive read as a role goes on to another person or opens
    as the rest of a list ("and her friend")."""
    if role.startswith(("and ", "or ")):
        return True
    for match in _NOUN_BEFORE_NAME.finditer(role):
        if match.group(1) not in role_words or " of " in role[: match.start() + 1]:
            continue  # "mother of baseball player Chris Lane": whose mother she is
        if match.group(3) is None or match.group(2).lower() in kb.forenames:
            return True  # not "deputy Europe and Central Asia director"
    return False


_CLAUSE_STARTS: Final = frozenset(
    ("who", "whose", "which", "that", "to", "whom", "where", "when",
     # a phrase of place or time: "(who is) on student terms with the club"
     "on", "in", "at", "with", "from", "for", "by", "about", "after", "before", "during",
     "under", "over", "of")
)


def _clause(role: str) -> bool:
    """Whether ``role`` opens like a clause: a relative word, "to", or a
    verb form ("reprising", "stormed") that is no role word ("acting",
    "retired", "Dresden-based")."""
    first = role.split(None, 1)[0].lower()
    return first in _CLAUSE_STARTS or (
        first.endswith(("ing", "ed"))
        and "-" not in first  # "Dresden-based", "long-serving"
        and first not in _ROLE_VERB_FORMS
        and first not in role_lexicon().modifiers
    )


# Verb forms that open roles though role_modifiers.txt does not list them.
_ROLE_VERB_FORMS: Final = frozenset(
    ("founding", "ruling", "governing", "leading", "elected", "appointed")
)
