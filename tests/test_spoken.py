"""Tests of newsbrief.render.spoken (text for the ear) and its number words."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.render import numwords
from newsbrief.render.spoken import speakable

CASES = [
    # money
    ("$11.1bn", "eleven point one billion dollars"),
    ("£3m", "three million pounds"),
    ("€2.5 billion", "two point five billion euros"),
    ("$450,000", "four hundred and fifty thousand dollars"),
    ("It cost $1.", "It cost one dollar."),
    ("an $11.1bn programme", "an eleven point one billion dollar programme"),
    ("a $5m deal.", "a five million dollar deal."),
    ("£3m a day", "three million pounds a day"),
    ("raised $5m last year", "raised five million dollars last year"),
    ("$1.50", "one dollar and fifty cents"),
    ("US$5m", "five million U-S dollars"),
    ("50p", "fifty pence"),
    # plain numbers, negatives, decimals
    ("1,200 people", "one thousand two hundred people"),
    ("temperatures of -5°C", "temperatures of minus five degrees Celsius"),
    ("0.25", "zero point two five"),
    ("007", "zero zero seven"),
    ("1.5bn users", "one point five billion users"),
    ("500m people", "five hundred million people"),
    ("the 100m sprint", "the one hundred metre sprint"),
    ("a 100km drive", "a one hundred kilometres drive"),
    # percentages
    ("3.5%", "three point five percent"),
    ("rates fell 3-5%", "rates fell three to five percent"),
    # years, decades, ranges
    ("in 1962", "in nineteen sixty-two"),
    ("in 2024.", "in twenty twenty-four."),
    ("in 2005", "in two thousand and five"),
    ("the 1960s", "the nineteen sixties"),
    ("the 2000s", "the two thousands"),
    ("'60s music", "sixties music"),
    ("2010-2015", "twenty ten to twenty fifteen"),
    ("the 2024 election", "the twenty twenty-four election"),
    ("2000 people", "two thousand people"),
    ("about 1500 soldiers", "about one thousand five hundred soldiers"),
    # dates and ordinals
    ("March 3", "March third"),
    ("on 3 March 2024", "on the third of March twenty twenty-four"),
    ("on March 3, 2024, he said", "on March third, twenty twenty-four, he said"),
    ("Mar. 3", "March third"),
    ("2024-03-05", "March fifth, twenty twenty-four"),
    ("3rd", "third"),
    ("the 21st century", "the twenty-first century"),
    # times
    ("at 5 a.m.", "at five a-m."),
    ("at 5 a.m. on Tuesday", "at five a-m on Tuesday"),
    ("10:30", "ten thirty"),
    ("10.30pm", "ten thirty p-m"),
    ("at 9:05", "at nine oh-five"),
    # abbreviations and titles
    ("the U.S. said", "the U-S said"),
    ("in the U.S.", "in the U-S."),
    ("Gov. Newsom", "Governor Newsom"),
    ("Mr. Smith and Mr Jones", "Mister Smith and Mister Jones"),
    ("Dr. Ruth", "Doctor Ruth"),
    ("Sen. Warren", "Senator Warren"),
    ("St. Louis", "Saint Louis"),
    ("on Main St.", "on Main Street."),
    ("No. 10 Downing Street", "Number ten Downing Street"),
    ("e.g. this", "for example this"),
    ("George W. Bush", "George W Bush"),
    ("World War II", "World War two"),
    ("Elizabeth II", "Elizabeth the second"),
    # acronyms
    ("the CIA and NATO", "the C-I-A and NATO"),
    ("the ICC", "the I-C-C"),
    ("the FTSE 100", "the Footsie one hundred"),
    ("MPs", "M-P's"),
    ("COVID-19", "COVID-nineteen"),
    ("the G7", "the G seven"),
    # symbols, brackets, URLs
    ("AT&T", "A-T and T"),
    ("salt & pepper", "salt and pepper"),
    ("and/or", "and or"),
    ("his/her", "his or her"),
    ("see example.com/news", "see example dot com slash news"),
    ("visit https://www.bbc.co.uk/news/world-123", "visit bbc dot co dot uk"),
    ("mail jane.doe@example.org", "mail jane dot doe at example dot org"),
    ("the International Criminal Court (ICC) issued", "the International Criminal Court issued"),
    ("Putin (who denies it) said", "Putin, who denies it, said"),
    ("#1 hit", "number one hit"),
    ("x < 5", "x less than five"),
    ("24/7 coverage", "twenty-four seven coverage"),
    ("2½ miles", "two and a half miles"),
    ("3/4 of voters", "three quarters of voters"),
    ("a – b", "a, b"),
    # wire style
    ("Chuck Schumer, D-N.Y., said", "Chuck Schumer, D-N-Y, said"),
    ("by Jan. 6.", "by January sixth."),
    ("in the week to 5 Jan.", "in the week to the fifth of January."),
    (
        "Temperatures hit 40C (104F)",
        "Temperatures hit forty degrees Celsius, one hundred and four degrees Fahrenheit",
    ),
    ("The 6ft 2in striker", "The six foot two striker"),
    ("valued at $3bn-$4bn", "valued at three billion dollars to four billion dollars"),
    ("at No 10.", "at Number ten."),
    ("Nos. 3 and 4", "Numbers three and four"),
    ("No, he said.", "No, he said."),
    ("Q3 results", "Q three results"),
    ("The court ruled 5-4", "The court ruled five to four"),
    # quotation marks, apostrophes, markup
    ("“thorough”, he said", "thorough, he said"),
    ("the ‘no limits’ partnership", "the no limits partnership"),
    ("Russia’s invasion", "Russia's invasion"),
    ("<b>bold</b> *star*", "bold star"),
    ("[link](http://x.com) here", "link here"),
    ("PUTIN AND XI TO MEET IN BEIJING", "Putin And Xi To Meet In Beijing"),
]

_BANNED = re.compile(r"[0-9<>*#_\[\]$£€%&/@+=~|\\{}\"“”^`]")


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_speakable_says_what_a_newsreader_says(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 40


def test_speakable_of_empty_text_is_empty() -> None:
    assert speakable("") == ""
    assert speakable("   \n\t ") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_speakable_never_leaves_digits_symbols_or_markup(text: str) -> None:
    spoken = speakable(text)
    assert _BANNED.search(spoken) is None, spoken


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(-(10**9), 10**12).map(str),
            st.decimals(0, 10**6, places=2).map(str),
            st.sampled_from(["$", "£", "€", "%", "bn", "m", "st", "th", "s", ",", ".", "-", "/"]),
            st.sampled_from(["in", "the", "March", "U.S.", "Dr.", "CIA", "a.m.", " "]),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_speakable_spells_every_number_in_news_like_text(text: str) -> None:
    assert not re.search(r"\d", speakable(text))


def test_speakable_is_deterministic() -> None:
    text = "On 3 March 2024 the U.S. paid $11.1bn (£8.7bn) - 3.5% more than in 1962."
    assert speakable(text) == speakable(text)


@pytest.mark.parametrize(
    "n", [*range(0, 130), 999, 1000, 1001, 1100, 10_000, 100_100, 1_000_001, 123_456_789_012]
)
def test_fallback_number_words_match_num2words(n: int) -> None:
    num2words = pytest.importorskip("num2words").num2words
    assert numwords.fallback_cardinal(n) == num2words(n).replace(",", "")
    assert numwords.fallback_ordinal(n) == num2words(n, to="ordinal").replace(",", "")


@pytest.mark.parametrize("n", [*range(990, 1010), 1066, 1100, 1905, 1962, 2000, 2005, 2010, 2024])
def test_fallback_year_words_match_num2words(n: int) -> None:
    num2words = pytest.importorskip("num2words").num2words
    assert numwords.fallback_year(n) == num2words(n, to="year")


@given(st.integers(0, 10**15 - 1))
def test_fallback_cardinal_agrees_with_num2words_on_any_integer(n: int) -> None:
    num2words = pytest.importorskip("num2words").num2words
    assert numwords.fallback_cardinal(n) == num2words(n).replace(",", "")


def test_number_words_work_without_num2words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(numwords, "_library", lambda: None)
    assert numwords.cardinal(1962) == "one thousand nine hundred and sixty-two"
    assert numwords.year(1962) == "nineteen sixty-two"
    assert numwords.ordinal(21) == "twenty-first"
    assert numwords.decimal("11.1") == "eleven point one"
    assert speakable("$11.1bn in 1962") == "eleven point one billion dollars in nineteen sixty-two"


def test_huge_numbers_are_read_digit_by_digit() -> None:
    assert numwords.cardinal(10**20) == "one " + " ".join(["zero"] * 20)


@pytest.mark.parametrize("n", [0, 7, 21, 1962, 100_100, 199_999, 200_000, 250_001, 10**9 + 1])
def test_number_words_are_num2words_words_on_both_sides_of_the_fast_range(n: int) -> None:
    num2words = pytest.importorskip("num2words").num2words
    assert numwords.cardinal(n) == num2words(n).replace(",", "")
    assert numwords.ordinal(n) == num2words(n, to="ordinal").replace(",", "")
    if n < 10_000:
        assert numwords.year(n) == num2words(n, to="year").replace(",", "")


# Texts of plain words and single spaces, with a few of the words and marks
# around which speakable's rules turn (titles, abbreviations, one-letter words,
# acronyms, domains, dashes, stray apostrophes...): kept as they are or not.
_PLAIN_WORD = st.sampled_from(
    ["the", "market", "said", "Market", "Henry", "TimeWarner", "it's", "Anglo-French"]
)
_TRICKY_WORDS = (
    "I", "A", "a", "no", "No", "nos", "Nos", "Mr", "Mrs", "Dr", "St", "Sen", "Rep", "Gen",
    "Jan", "Sept", "Ltd", "plc", "Inc", "Corp", "etc", "vs", "v", "e", "i", "g", "approx",
    "dept", "Jr", "US", "NATO", "CEO", "VIII", "II", "IV", "O'Neill", "e-mail", "T-Mobile",
    "McD", "www", "bbc", "co", "uk", "com", "Fiat-GM", "Jones'", "'We", "win'", "xY",
    "i. e.", "e. g.", "A. Bush", "no. Market",
)  # fmt: skip
_TRICKY_WORD = st.sampled_from(_TRICKY_WORDS)
_TRICKY_MARK = st.sampled_from(
    [". ", ", ", "; ", ": ", "! ", "? ", "  ", ".", ",", "-", " - ", "--", "'", "' ", " '",
     "...", ", ,", ",.", " ,", "- ", " , ", " . ", ", , "]
)  # fmt: skip
_SPACE = st.just(" ")


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(*[_PLAIN_WORD] * 5, _TRICKY_WORD),
            st.one_of(*[_SPACE] * 5, _TRICKY_MARK),
        ),
        min_size=1,
        max_size=8,
    ).map(lambda pairs: "".join(word + mark for word, mark in pairs)),
    st.sampled_from(["", "", " ", ".", ",", ";", ":", "!", "-", "'"]),
    st.sampled_from(["", "", " ", "'", "-", "."]),
)
def test_text_kept_by_the_quick_test_is_kept_by_every_rule(text: str, end: str, start: str) -> None:
    from newsbrief.render.spoken import _rewrite, _unchanged

    text = start + text.rstrip(" ") + end
    assert speakable(text) == _rewrite(text)
    if _unchanged(text):
        assert _rewrite(text) == text


@pytest.mark.parametrize(
    "frame",
    ["{}", "the market {} said", "{} Market said.", "said {}. Market", "no {} said",
     "Henry {} Market", "market {}, said", "No {}! Henry", "{}  said", " {}", "{} "],
)  # fmt: skip
def test_each_tricky_word_in_plain_frames_is_kept_only_when_every_rule_keeps_it(
    frame: str,
) -> None:
    from newsbrief.render.spoken import _rewrite, _unchanged

    for word in _TRICKY_WORDS:
        text = frame.format(word)
        assert speakable(text) == _rewrite(text)
        if _unchanged(text):
            assert _rewrite(text) == text, text


def test_quick_test_keeps_plain_sentences_and_not_others() -> None:
    from newsbrief.render.spoken import _unchanged

    kept = [
        "Market concerns about the deficit has hit the greenback in recent months.",
        "I think the chairman's taking a much more sanguine view, laying out a set of conditions",
        "there is no need for more tax reforms. A decision is due",
    ]
    changed = [
        "Mr Camus said so.", "the US dollar", "Henry VIII was king", "see bbc.co.uk now",
        "it was a fine - if slow - start", "'We will win,' he said", "Plan A.", "e.g. this",
        "the i. e. thing", "no, i think so", "Gov. Brown spoke", "such things, etc.", "end,",
        "two  spaces", " leading", "John McD", "cash vs credit",
    ]  # fmt: skip
    assert all(_unchanged(text) for text in kept)
    assert not any(_unchanged(text) for text in changed)
    assert all(speakable(text) == text for text in kept)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"USamé..  \t\u2003(\"“”'’,", "Mr", "No"]),
        max_size=30,
    ).map("".join)
)
def test_token_set_strips_edges_and_keeps_tokens_with_a_second_full_stop(text: str) -> None:
    from newsbrief.render.spoken import _TOKEN_EDGES, _token_set

    words = text.split()
    expected = {word.strip(_TOKEN_EDGES) for word in words}
    expected.update(word for word in words if word[1:2] == ".")
    assert _token_set(text) == expected


def _reference_tidy(text: str) -> str:
    """_tidy as it read before its quick test: every check made on every text."""
    from newsbrief.render import spoken as sp

    if not set(text) <= sp._PLAIN:
        text = sp._DROP.sub(" ", text)
    text = sp._STRAY_APOSTROPHE.sub(" ", text)
    text = sp._LONE_HYPHEN.sub(" ", text)
    text = " ".join(text.split())
    text = sp._SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if ",," in text or ", ," in text or ":," in text or ";," in text or ": ," in text:
        text = sp._REPEATED_COMMA.sub(",", text)
    text = re.sub(r"[,;:]+\s*([.!?])", r"\1", text)
    text = sp._STOP_AFTER_STOP.sub(r"\1", text)
    text = re.sub(r"^[\s,.;:!?'\-]+", "", text)
    return text.strip().rstrip(",;:").strip()


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from([*"ab A1 .,;:!?'-\t\x01\u00e9%", "  ", "U.S.", "word"])).map("".join)
)
def test_tidy_with_its_quick_test_equals_every_check_made(text: str) -> None:
    from newsbrief.render.spoken import _tidy

    assert _tidy(text) == _reference_tidy(text)


@pytest.mark.parametrize(
    "text",
    ["a ,b", "a,,b", "a, ,b", "a;, b", "a,. b", "a, . b", "a;!", "a: ?", "a.. b", "a. . b",
     "a?. b", "a!.", "a  b", " a", "a ", "a\tb", "a\x01b", "a,b. C!", "e.g. it"],
)  # fmt: skip
def test_tidy_quick_test_lets_through_each_text_a_check_changes(text: str) -> None:
    from newsbrief.render.spoken import _tidy

    assert _tidy(text) == _reference_tidy(text)


_HINT_PIECES = [*"0123456789 aApPstndrhCF:.-/", "\t", "\x1c", "ft", "in", "km", "kph", "mph",
                "kWh", "GB", "lbs", "sq", "m", "g", "oz", "mm", "°", "°C", "²", "word"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_HINT_PIECES), max_size=12).map("".join))
def test_digit_marked_hints_find_what_their_patterns_find(text: str) -> None:
    from newsbrief.render import spoken as sp

    marks = sp._Marks()
    for hint in (
        sp._LETTER_DIGIT_HINT,
        sp._CLOCK_HINT,
        sp._RATIO_HINT,
        sp._ORDINAL_HINT,
        sp._UNIT_HINT,
        sp._TEMPERATURE_HINT,
        sp._FEET_INCHES_HINT,
    ):
        assert marks.found(hint, text) == (hint[0].search(text) is not None), (hint, text)
    assert marks.digit(text) == (re.search(r"\d", text) is not None)


def test_digit_marked_hints_agree_on_what_each_step_rewrites() -> None:
    from newsbrief.render import spoken as sp

    marks = sp._Marks()
    for text, hint, expected in [
        ("the A4 road", sp._LETTER_DIGIT_HINT, True),
        ("at 3pm", sp._CLOCK_HINT, True),
        ("at 14:05", sp._CLOCK_HINT, True),
        ("3 people", sp._CLOCK_HINT, True),
        ("3 to 4", sp._CLOCK_HINT, False),
        ("the 21st", sp._ORDINAL_HINT, True),
        ("5 km away", sp._UNIT_HINT, True),
        ("5 kmh", sp._UNIT_HINT, False),
        ("5°C", sp._UNIT_HINT, True),
        ("30C heat", sp._TEMPERATURE_HINT, True),
        ("6ft 2in", sp._FEET_INCHES_HINT, True),
        ("6 feet", sp._FEET_INCHES_HINT, False),
    ]:
        assert marks.found(hint, text) is expected, text
        assert (hint[0].search(text) is not None) is expected, text


_PLACE_PIECES = [*"0123456789 $£€¥%(-.,aAuUcCnNhHsSzZkK", "US$", "A$", "HK$", "NZ$", "C$", "\t",
                 "\u2009", "٣", "bn", "m", "—", "–", "[", "{", ")", "x", "İ", "ſ"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_PIECES), max_size=14).map("".join))
def test_substitutions_at_found_places_equal_the_full_scan(text: str) -> None:
    from newsbrief.render import spoken as sp

    def starts_by_characters(chars: str, run: Callable[[str], bool]) -> list[int]:
        # The reference: walk back one character at a time.
        starts: list[int] = []
        for index in sp._occurrences(text, chars):
            first = index
            while first > 0 and run(text[first - 1]):
                first -= 1
            if starts and first <= starts[-1]:
                first = starts[-1] + 1
            starts.extend(range(first, index + 1))
        return starts

    percent = sp._starts_before(text, "%", sp._strip_number)
    assert percent == starts_by_characters("%", sp._in_number)
    assert sp._starts_before(text, "([{", str.rstrip) == starts_by_characters("([{", str.isspace)
    assert sp._sub_at(sp._MONEY, sp._say_money, text, sp._money_starts(text)) == sp._MONEY.sub(
        sp._say_money, text
    )
    assert sp._sub_at(sp._PERCENT, sp._say_percent, text, percent) == sp._PERCENT.sub(
        sp._say_percent, text
    )
    brackets = sp._starts_before(text, "([{", str.rstrip)
    assert sp._sub_at(sp._BRACKETS, sp._say_brackets, text, brackets) == sp._BRACKETS.sub(
        sp._say_brackets, text
    )


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.from_regex(r"-?[0-9٣]{0,6}(?:\.[0-9]{0,3})?", fullmatch=True),
        st.from_regex(r"[0-9]{1,3}(?:,[0-9]{3}){0,4}(?:\.[0-9]{1,3})?", fullmatch=True),
    )
)
def test_number_words_of_whole_numbers_take_the_general_path_words(text: str) -> None:
    # decimal() and digits() have quick paths for ASCII digits: same words as
    # the general path, written out here.
    def reference_decimal(number: str) -> str:
        number = number.replace(",", "")
        negative = number.startswith("-")
        number = number.removeprefix("-")
        whole, _, fraction = number.partition(".")
        if len(whole) > 1 and whole.startswith("0") and not fraction:
            words = reference_digits(whole)
        else:
            words = numwords.cardinal(int(whole or "0"))
        if fraction:
            words += " point " + reference_digits(fraction)
        return ("minus " if negative else "") + words

    def reference_digits(digits: str) -> str:
        return " ".join(numwords._ONES[int(c)] for c in digits if c.isdigit())

    assert numwords.decimal(text) == reference_decimal(text)
    assert numwords.digits(text) == reference_digits(text)


def test_number_and_money_patterns_keep_the_group_order_their_callbacks_unpack() -> None:
    from newsbrief.render import spoken as sp

    for pattern in sp._PLAIN_NUMBER:
        assert pattern.groups == 4
        assert pattern.groupindex == {"scale": 2, "plural": 3, "glued": 4}
    assert speakable("3m people, 100m sprint, 1990s, 4bn, 5x") == (
        "three million people, one hundred metre sprint, nineteen nineties, four billion, five x"
    )
    assert speakable("$5m deal, £3.50 and €2bn") == (
        "five million dollar deal, three pounds and fifty pence and two billion euros"
    )


# -- what a listener heard wrong (metres, Saint, sentence ends, dates, numbers) --------


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "He ran the 100m in 9.9 seconds.",
            "He ran the one hundred metres in nine point nine seconds.",
        ),
        ("He won the 1500m.", "He won the fifteen hundred metres."),
        ("The river rose 4m overnight.", "The river rose four metres overnight."),
        ("the 100m final", "the one hundred metre final"),
        ("the 200m freestyle", "the two hundred metre freestyle"),
        ("the 4x100m relay", "the four by one hundred metres relay"),
        ("a 4m wall", "a four metre wall"),
        ("4m high", "four metres high"),
        ("1m deep", "one metre deep"),
        ("within 2m of the line", "within two metres of the line"),
        ("with a leap of 6.43m.", "with a leap of six point four three metres."),
        ("She took the women's 800m.", "She took the women's eight hundred metres."),
        ("the 800m and 1500m titles", "the eight hundred metres and fifteen hundred metre titles"),
        ("the world 5,000m record", "the world five thousand metre record"),
        ("with 500m to go", "with five hundred metres to go"),
    ],
)
def test_m_after_a_race_a_measure_or_a_motion_is_metres(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("£100m", "one hundred million pounds"),
        ("$4m", "four million dollars"),
        ("a 100m deal", "a one hundred million deal"),
        ("the 100m deal", "the one hundred million deal"),
        ("4m people", "four million people"),
        ("1.5m viewers", "one point five million viewers"),
        ("a loss of 364m euros", "a loss of three hundred and sixty-four million euros"),
        ("stockpiles had fallen 1m barrels", "stockpiles had fallen one million barrels"),
        ("the deal is worth 4.25m", "the deal is worth four point two five million"),
        ("It raised 4m.", "It raised four million."),
    ],
)
def test_m_after_money_or_before_a_counted_noun_stays_millions(written: str, spoken: str) -> None:
    # "4m" with no word saying metres stays millions: the common case in news.
    assert speakable(written) == spoken


def test_metre_word_table_gives_each_word_one_role() -> None:
    from newsbrief.text.knowledge import data_lines

    rows = [line.split("\t") for line in data_lines("metres_or_millions.tsv")]
    assert all(len(row) == 2 and row[0] == row[0].lower() for row in rows)
    words = [word for word, _ in rows]
    assert len(words) == len(set(words))
    roles = {role for _, role in rows}
    assert roles == {"noun", "after", "counted", "before", "of", "event", "money"}


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("At St. Mary's Hospital, doctors said.", "At Saint Mary's Hospital, doctors said."),
        ("In St. Louis, it rained.", "In Saint Louis, it rained."),
        ("In St Louis, it rained.", "In Saint Louis, it rained."),
        ("Mount St. Helens erupted", "Mount Saint Helens erupted"),
        ("At Dr. Smith's clinic", "At Doctor Smith's clinic"),
        ("They live on Baker St.", "They live on Baker Street."),
        ("at 10 Downing St.", "at ten Downing Street."),
        ("on Baker St. near the park", "on Baker Street near the park"),
        ("on Elm St. The house is old.", "on Elm Street. The house is old."),
        ("on Main St, Boston", "on Main Street, Boston"),
    ],
)
def test_st_before_a_name_is_saint_and_after_a_name_is_street(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "Polls close at 8 p.m. The count begins later.",
            "Polls close at eight p-m. The count begins later.",
        ),
        ("It ended at 5 p.m.", "It ended at five p-m."),
        ("at 5 p.m. GMT on Monday", "at five p-m G-M-T on Monday"),
        ("at 10 a.m. Friday", "at ten a-m Friday"),
        ("At 5 a.m. Mr. Smith left.", "At five a-m Mister Smith left."),
        ("at 5 a.m. on Tuesday", "at five a-m on Tuesday"),
    ],
)
def test_a_full_stop_after_am_or_pm_is_kept_where_the_sentence_ends(
    written: str, spoken: str
) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("On Nov 5, they voted.", "On November fifth, they voted."),
        ("Dec 30", "December thirtieth"),
        ("Jan 2", "January second"),
        ("Sept 9", "September ninth"),
        ("Nov. 5 and Nov 6th", "November fifth and November sixth"),
        ("Jan Smith said", "Jan Smith said"),
        ("Don't mar 5 games", "Don't mar five games"),
    ],
)
def test_short_month_names_before_a_day_are_read_as_dates(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("911", "nine one one"),
        ("She dialled 911.", "She dialled nine one one."),
        ("a 911 call", "a nine one one call"),
        ("He called 999 for help.", "He called nine nine nine for help."),
        ("a 999 call", "a nine nine nine call"),
        ("dial 9-1-1", "dial nine one one"),
        (
            "Call 1-800-555-0199 now.",
            "Call one, eight zero zero, five five five, zero one nine nine now.",
        ),
        ("Call 555-0142 now.", "Call five five five, zero one four two now."),
        (
            "Call 020 7946 0958 now.",
            "Call zero two zero, seven nine four six, zero nine five eight now.",
        ),
        ("(212) 555-0123", "two one two, five five five, zero one two three"),
        ("+44 20 7946 0958", "plus four four, two zero, seven nine four six, zero nine five eight"),
    ],
)
def test_emergency_and_telephone_numbers_are_read_digit_by_digit(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("999 people", "nine hundred and ninety-nine people"),
        ("at least 911 people", "at least nine hundred and eleven people"),
        ("received 112 calls", "received one hundred and twelve calls"),
        ("the 911 attacks", "the nine eleven attacks"),
        ("200-1000 people", "two hundred to one thousand people"),
        ("The court ruled 5-4", "The court ruled five to four"),
        ("737 people", "seven hundred and thirty-seven people"),
    ],
)
def test_ordinary_numbers_stay_numbers(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Sept. 9-11", "September ninth to eleventh"),
        ("June 18-20", "June eighteenth to twentieth"),
        ("from 9-11 September", "from the ninth to the eleventh of September"),
        ("on 9th-11th September", "on the ninth to the eleventh of September"),
        ("2019-2021", "twenty nineteen to twenty twenty-one"),
        ("The 2019-2021 period", "The twenty nineteen to twenty twenty-one period"),
        ("the 2026-2029 plan", "the twenty twenty-six to twenty twenty-nine plan"),
        ("from 1998 to 2004", "from nineteen ninety-eight to two thousand and four"),
        ("the 2027/28 season", "the twenty twenty-seven to twenty-eight season"),
        ("the 2009/10 season", "the two thousand and nine to ten season"),
        ("about 1500-2000 soldiers", "about one thousand five hundred to two thousand soldiers"),
    ],
)
def test_day_and_year_ranges_are_read_in_one_style(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("first", "last"), [(2019, 2021), (2026, 2029), (1998, 2004), (2005, 2010)]
)
def test_both_ends_of_a_year_range_are_read_as_the_year_alone(first: int, last: int) -> None:
    alone = [speakable(f"in {year}").removeprefix("in ") for year in (first, last)]
    assert speakable(f"The {first}-{last} period") == f"The {alone[0]} to {alone[1]} period"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("9 a.m.-5 p.m.", "nine a-m to five p-m."),
        ("open 9am-5pm daily", "open nine a-m to five p-m daily"),
        ("9.30am - 5.30pm", "nine thirty a-m to five thirty p-m"),
    ],
)
def test_time_ranges_are_read_with_to(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Acme Corp. said it would.", "Acme Corporation said it would."),
        ("Acme Inc. said it would.", "Acme Incorporated said it would."),
        ("Acme Inc., the maker", "Acme Incorporated, the maker"),
        ("apples, pears etc. are fruit", "apples, pears et cetera are fruit"),
        ("It was Acme Corp.", "It was Acme Corporation."),
        ("Acme Corp. The firm grew.", "Acme Corporation. The firm grew."),
        ("Acme Ltd. The firm grew.", "Acme Limited. The firm grew."),
        ('contacts for them etc."', "contacts for them et cetera."),
    ],
)
def test_company_abbreviations_keep_their_full_stop_only_where_a_sentence_may_end(
    written: str, spoken: str
) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("$0.95", "ninety-five cents"),
        ("£0.50", "fifty pence"),
        ("$0.01", "one cent"),
        ("$1.50", "one dollar and fifty cents"),
    ],
)
def test_an_amount_below_one_is_said_in_cents(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("a 3:1 ratio", "a three to one ratio"),
        ("they won 3:1", "they won three to one"),
        ("a ratio of 3:1", "a ratio of three to one"),
        ("at 10:30", "at ten thirty"),
    ],
)
def test_a_colon_between_numbers_is_to_only_in_a_ratio_or_score(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


def test_a_colon_between_numbers_without_ratio_words_is_not_read_as_to() -> None:
    assert " to " not in speakable("Genesis 1:1")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Boeing 737", "Boeing seven three seven"),
        ("the 787 Dreamliner", "the seven eight seven Dreamliner"),
        ("Boeing 747s", "Boeing seven four sevens"),
        ("Airbus A320", "Airbus A-three twenty"),
        ("the A380", "the A-three eighty"),
        ("the A30 road", "the A thirty road"),
    ],
)
def test_airliner_model_numbers_are_read_as_their_makers_say_them(
    written: str, spoken: str
) -> None:
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("the class of '08", "the class of oh eight"),
        ("the class of '99", "the class of ninety-nine"),
    ],
)
def test_a_year_shortened_with_an_apostrophe_is_read_as_a_year(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


_PHONE_PIECES = [*"0123456789 -)(+.a", "£", "٣", "1-800-", "555-", "020 ", "(212) ", "+44 "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PHONE_PIECES), max_size=12).map("".join))
def test_the_telephone_pre_check_finds_every_telephone_number(text: str) -> None:
    from newsbrief.render import spoken as sp

    if sp._PHONE.search(text) is not None:
        assert sp._may_have_phone(text, sp._Marks())


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("a 15-km (9-mile) road", "a fifteen-kilometre, nine-mile, road"),
        ("a 4-kg parcel and a 60-cm shelf", "a four-kilogram parcel and a sixty-centimetre shelf"),
        ("a 380ft-long pier", "a three hundred and eighty foot-long pier"),
        ("3 km away", "three kilometres away"),
        ("a 2,100 sq ft flat", "a two thousand one hundred square feet flat"),
    ],
)
def test_a_unit_joined_to_its_number_by_a_hyphen_is_said_as_an_adjective(
    written: str, spoken: str
) -> None:
    assert speakable(written) == spoken


def test_a_time_after_by_is_a_time_not_a_score() -> None:
    assert speakable("Polls close by 9:30 p.m.") == "Polls close by nine thirty p-m."
    assert speakable("They won by 2:1.") == "They won by two to one."


def test_c_before_a_number_is_circa_and_the_year_is_a_year() -> None:
    assert speakable("a chalice (c. 1720)") == "a chalice, circa seventeen twenty"
    assert speakable("ca. 400 coins") == "circa four hundred coins"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Dunmore & Co. said", "Dunmore and Company said"),
        (
            "a note from Pellham Steel Co., the maker",
            "a note from Pellham Steel Company, the maker",
        ),
        ("shares of Arden Mills Co.", "shares of Arden Mills Company."),
        ("Kane and Co celebrate", "Kane and Co celebrate"),
    ],
)
def test_a_firms_co_is_company(written: str, spoken: str) -> None:
    assert speakable(written) == spoken


def test_degrees_with_a_scale_letter_are_said_in_full() -> None:
    assert speakable("a low of 4 degrees C") == "a low of four degrees Celsius"
    assert speakable("up to 95 degrees F.") == "up to ninety-five degrees Fahrenheit."


def test_junior_and_senior_after_a_name_are_said_in_full() -> None:
    assert speakable("Tobias Wren Jr. said") == "Tobias Wren Junior said"
    assert speakable("It was Tobias Wren Sr.") == "It was Tobias Wren Senior."


def test_a_title_before_a_lower_case_particle_is_said_in_full() -> None:
    assert (
        speakable("Mr van Aalst and Mr. and Mrs. Pike")
        == "Mister van Aalst and Mister and Missus Pike"
    )
    assert speakable("Gen. de Vries") == "General de Vries"
