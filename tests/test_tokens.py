"""Token helpers: the trie alternation matches what a longest-first alternation matches."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsbrief.text.quotes import (
    _ACCORDING,
    _ACCORDING_LITERALS,
    _INDIRECT_VERB,
    _literal_starts,
    _match_at,
    _verb_starts,
)
from newsbrief.text.tokens import alternation

_WORDS = st.lists(st.text(alphabet="abs-.'", min_size=1, max_size=5), min_size=1, max_size=12)


def _longest_first(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="abs-.' x", max_size=60))
def test_alternation_finds_the_same_matches_as_a_longest_first_alternation(
    words: list[str], text: str
) -> None:
    trie = re.compile(alternation(words))
    expected = [m.span() for m in _longest_first(words).finditer(text)]
    assert [m.span() for m in trie.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="abs-.' x", max_size=60))
def test_alternation_followed_by_word_boundary_picks_the_same_word(
    words: list[str], text: str
) -> None:
    trie = re.compile(alternation(words) + r"\b")
    plain = re.compile("(?:" + _longest_first(words).pattern + r")\b")
    assert [m.group() for m in trie.finditer(text)] == [m.group() for m in plain.finditer(text)]


def test_alternation_of_nothing_matches_nothing() -> None:
    assert re.compile(alternation([])).search("anything") is None


_CUE_TEXT = st.lists(
    st.sampled_from(
        ["said", "says", "unsaid", "quoted", "by", "Reuters", "as", "saying", "According",
         "according", "to", "told", "x", ",", ".", " ", "\n", "denied", "notedly", "noted",
         "announced", "preannounced", "e", "d", "ed", "acknowledged", "quotedenied"]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_CUE_TEXT, st.integers(0, 80), st.integers(0, 120))
def test_literal_guided_scan_finds_what_finditer_finds(text: str, lo: int, width: int) -> None:
    for rx, starts in ((_INDIRECT_VERB, _verb_starts(text)),
                       (_ACCORDING, _literal_starts(text, _ACCORDING_LITERALS))):
        at = sorted(starts)
        assert [m.span() for m in _match_at(rx, text, at)] == [
            m.span() for m in rx.finditer(text)
        ]
        assert [m.span() for m in _match_at(rx, text, at, lo, lo + width)] == [
            m.span() for m in rx.finditer(text, lo, lo + width)
        ]


# The quote patterns put a mark first and their look-behinds after it (so the
# regex engine can skip to marks); they must match what the plain forms match.
_PLAIN_TERMINAL = re.compile(
    r"(?<![A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\b(?:Dr|St|Jr|Sr|Lt))(?<!\b(?:Rep|Sen|Gov|Gen|Col))"
    r"[.!?][\"'”’]?\s|\n"
)
_PLAIN_SUBJECT_STOP = re.compile(
    r"[;:!?“”\"]|(?<![A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\b(?:Dr|St|Jr|Sr|Lt))"
    r"(?<!\b(?:Rep|Sen|Gov|Gen|Col|Sgt))\.(?=\s)"
)
_PUNCTUATED = st.lists(
    st.sampled_from(
        ["Mr", "Mrs", "Ms", "Dr", "Rep", "Sgt", "Col", "A", "x", "said", ".", "!", "?", ";", ":",
         "”", "\"", "’", " ", "\n", "St", "Smith"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PUNCTUATED, st.integers(0, 30), st.integers(0, 40))
def test_mark_first_quote_patterns_match_their_plain_forms(text: str, pos: int, width: int) -> None:
    from newsbrief.text.quotes import _SUBJECT_STOP, _TERMINAL

    for fast, plain in ((_TERMINAL, _PLAIN_TERMINAL), (_SUBJECT_STOP, _PLAIN_SUBJECT_STOP)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        found = fast.search(text, pos, pos + width)
        expected = plain.search(text, pos, pos + width)
        assert (found and found.span()) == (expected and expected.span())


# CAP_RUN reads the letters of a word as an unrolled loop; it must match what
# the plain form (one alternation per character) matches.
_UP = "A-ZÀ-ÖØ-Þ"
_PLAIN_CAP_TOKEN = (
    rf"(?:(?:[{_UP}]\.){{2,}}|[{_UP}]\.(?=[ \t]+[{_UP}])|(?:St|Mt|Ft|Pt)\.(?=[ \t]+[{_UP}])"
    rf"|[{_UP}](?:[\w&]|['’\-.](?=\w))*"
    rf"|(?<=[ \t])(?:al|el|bin|ibn|ben|abu|de|van|von|d|l)['’\-][{_UP}](?:\w|['’\-](?=\w))*)"
)
_PLAIN_FIRST_TOKEN = (
    rf"[{_UP}](?:\.(?:[{_UP}]\.)+|\.(?=[ \t]+[{_UP}])|(?<=[SMFP])t\.(?=[ \t]+[{_UP}])"
    r"|(?:[\w&]|['’\-.](?=\w))*)"
)
_PLAIN_CAP_RUN = re.compile(
    rf"{_PLAIN_FIRST_TOKEN}"
    r"(?:(?:[ \t]+(?:of|for|and|the|on|de|du|des|del|della|di|da|dos|van|von|der|den|bin|ibn"
    r"|al|el|la|le|y|&))*"
    rf"[ \t]+{_PLAIN_CAP_TOKEN})*(?!\w)"
)
_CAPITALISED = st.lists(
    st.sampled_from(
        ["U", "S", "St", "Mt", "A", "AT", "T", "Bank", "O", "Brien", "Émile", "x", "of", "and",
         "al", "de", "van", " al-", " de'", ".", "'", "’", "-", "&", "_", "3", " ", "\t", "\n",
         ","]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_CAPITALISED)
def test_capitalised_runs_match_their_plain_form(text: str) -> None:
    from newsbrief.text.tokens import CAP_RUN

    assert [m.span() for m in CAP_RUN.finditer(text)] == [
        m.span() for m in _PLAIN_CAP_RUN.finditer(text)
    ]


@settings(max_examples=400, deadline=None)
@given(_CAPITALISED)
def test_cap_runs_finds_what_finditer_finds(text: str) -> None:
    from newsbrief.text.tokens import CAP_RUN, cap_runs

    assert cap_runs(text) == [(m.start(), m.group()) for m in CAP_RUN.finditer(text)]


def test_cap_runs_finds_runs_in_text_beyond_latin_1() -> None:
    from newsbrief.text.tokens import cap_runs

    text = "Łukasz Nowak met the Bank of England’s Andrew Bailey in Łódź."
    assert cap_runs(text) == [
        (0, "Łukasz Nowak"), (21, "Bank of England’s Andrew Bailey"), (56, "Łódź")
    ]


_BEFORE_CUE = st.lists(
    st.sampled_from(
        ["was", "were", "is", "be", "been", "being", "quickly", "fly", "not", "n't", "n’t",
         "never", "declined", "refused", "to", "a", "an", "the", "first", "fifth", "another",
         "3rd", "12", "٣", "data", "said", "x", " ", "  ", "\n", "\t", ",", "-"]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_BEFORE_CUE, st.integers(0, 6), st.integers(0, 3))
@example("the ٣ ", 0, 0)  # \d matches any decimal digit
@example("it was quickly \n", 0, 0)
def test_window_end_test_agrees_with_the_search(text: str, lo: int, cut: int) -> None:
    from newsbrief.text.quotes import (
        _NEGATED,
        _NEGATED_ENDS,
        _NOT_REPORTING_BEFORE,
        _NOT_REPORTING_ENDS,
        _PASSIVE_BEFORE,
        _PASSIVE_ENDS,
        _ends_before,
    )

    hi = max(lo, len(text) - cut)
    for rx, ends, digit in ((_NEGATED, _NEGATED_ENDS, False),
                            (_PASSIVE_BEFORE, _PASSIVE_ENDS, False),
                            (_NOT_REPORTING_BEFORE, _NOT_REPORTING_ENDS, True)):
        assert _ends_before(rx, ends, text, lo, hi, digit) == (rx.search(text, lo, hi) is not None)


_DESCRIBED = st.lists(
    st.sampled_from(
        ["the", "a", "its", "senior", "prison", "officials", "Police", "anti-officials", "x-y",
         "London-based", "firm", "tech", "aide", "company", "’s", "lawyers", "judge", ",", "(",
         " ", "  ", "\n", "\t"]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_DESCRIBED, st.integers(0, 3), st.integers(0, 12))
def test_description_searches_from_the_last_tokens_find_what_the_window_holds(
    text: str, cut: int, width: int
) -> None:
    from newsbrief.text.quotes import (
        _BARE_PLURAL,
        _BASED_BEFORE,
        _DESCRIPTION,
        _ROLE_DESCRIPTION,
        _last_tokens,
    )

    hi = max(0, len(text) - cut)
    lo = max(0, hi - 5 * width)
    for rx, n in ((_DESCRIPTION, 6), (_BARE_PLURAL, 4), (_BASED_BEFORE, 3),
                  (_ROLE_DESCRIPTION, 5)):
        found = rx.search(text, _last_tokens(text, lo, hi, n), hi)
        expected = rx.search(text, lo, hi)
        assert (found and (found.span(), found.groups())) == (
            expected and (expected.span(), expected.groups())
        )
