"""Turn written news English into text for the ear.

:func:`speakable` rewrites what a speech engine would read badly or read out
as symbols: money ("$11.1bn" -> "eleven point one billion dollars"),
percentages, years, dates, ordinals, times, ranges, fractions, titles and
abbreviations ("Gov." -> "Governor"), acronyms ("CIA" -> "C-I-A"), URLs,
e-mail addresses, brackets and symbols. The result contains no digits, no
markup and no symbol a listener would hear read out; only letters, spaces,
apostrophes, hyphens and ``. , ; : ! ?`` remain.

Spelled-out acronyms use hyphens ("C-I-A"): eSpeak NG and other engines read
each letter by its name that way, whereas a lone "A" between spaces is read as
the article.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable

from newsbrief.render.numwords import cardinal, decimal, digits, ordinal, year
from newsbrief.text.knowledge import data_lines

# The sentence splitter's own word lists, so that speech ends a sentence where
# the splitter does ("8 p.m. The count", "Acme Corp. said", "Elm St. The house").
from newsbrief.text.segment import AFTER_TIME, OPENER_WORDS, TIME_PREPOSITIONS

__all__ = ["speakable"]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ABBREVIATIONS = {
    "Jan": "January",
    "Feb": "February",
    "Mar": "March",
    "Apr": "April",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Sept": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
# Whether a month's name is in a text (one scan instead of twelve).
_MONTH_HINT = re.compile("|".join(_MONTHS))

# -- preparation ---------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_UNICODE_FRACTIONS = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
}  # fmt: skip
_TRANSLATE: dict[int, str] = str.maketrans(
    {
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201a": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2026": ", ",
    }
)  # fmt: skip

_TRANSLATED = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")

# -- URLs and e-mail --------------------------------------------------------------

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|co\.uk|co|uk|info|news|int|eu)"
    r"\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?",
    re.IGNORECASE,
)

# -- money, percentages, times -------------------------------------------------

_CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "US$": ("US dollar", "US dollars", "cent", "cents"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", "sen", "sen"),
    "₹": ("rupee", "rupees", "paisa", "paise"),
    "₽": ("rouble", "roubles", "kopeck", "kopecks"),
    "₩": ("won", "won", "jeon", "jeon"),
    "₣": ("franc", "francs", "centime", "centimes"),
}
_SCALE_WORDS = {
    "k": "thousand", "thousand": "thousand",
    "m": "million", "mn": "million", "mln": "million", "million": "million",
    "b": "billion", "bn": "billion", "billion": "billion",
    "t": "trillion", "tn": "trillion", "trn": "trillion", "trillion": "trillion",
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    r"(?P<cur>US\$|A\$|C\$|NZ\$|HK\$|[$£€¥₹₽₩₣])\s?(?P<num>" + _NUMBER + r")"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion)\b|(?P<short>mln|mn|bn|trn|tn|[kmbt])\b)?",
    re.IGNORECASE,
)
_PENCE = re.compile(r"\b(\d+)p\b")
_PERCENT = re.compile(r"(?<![\w.])(-?)(" + _NUMBER + r")\s?%")
_AMPM = r"(?P<ampm>[ap])\.?\s?m\b\.?"
_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s?"
    + _AMPM
    + r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b(?!:)",
    re.IGNORECASE,
)

# -- abbreviations -----------------------------------------------------------------

_TITLES = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "Prof": "Professor",
    "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Gen": "General",
    "Lt": "Lieutenant", "Col": "Colonel", "Capt": "Captain", "Sgt": "Sergeant",
    "Cmdr": "Commander", "Adm": "Admiral", "Maj": "Major", "Brig": "Brigadier",
    "Rev": "Reverend", "Hon": "Honourable", "Pres": "President", "Supt": "Superintendent",
    "Insp": "Inspector", "Det": "Detective", "Fr": "Father", "Cllr": "Councillor",
    "Atty": "Attorney", "Mt": "Mount", "Ft": "Fort", "St": "Saint",
}  # fmt: skip
# Titles British style writes without a full stop; the others need one to be
# told from words ("Gen Z", "Rep" as a word...).
_UNDOTTED_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Ft", "Cllr", "Prof", "Supt"})
# A title is said before a lower-case particle too ("Gen. de Gaulle", "Ms
# al-Hathloul", "Mr and Mrs Smith"); without a full stop only a person's
# ("St and", "Gen and" are left).
_UNDOTTED_PERSON_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof"})
_TITLE_PARTICLES = tuple(
    sorted({*data_lines("name_particles.txt"), "and"} - {"y"}, key=len, reverse=True)
)
_TITLE = re.compile(
    r"\b(?P<t>" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")(?P<dot>\.)?\s+"
    r"(?=[A-Z]|(?P<particle>" + "|".join(_TITLE_PARTICLES) + r")\b(?!['’]))"
)
# Before a capitalised name it is a title ("At St. Mary's"): _say_street decides.
_STREET = re.compile(r"\b(?P<w>[A-Z][a-z]+) (?P<a>St|Rd|Ave|Blvd|Sq|Dr)\b(?P<dot>\.)?")
_STREET_WORDS = {
    "St": "Street", "Rd": "Road", "Ave": "Avenue", "Blvd": "Boulevard", "Sq": "Square",
    "Dr": "Drive",
}  # fmt: skip
# After a name: "Hank Williams Jr." ("Sr. Mary" is a sister).
_SUFFIXES = re.compile(r"(?<=[a-z]),? (?P<s>Jr|Sr)\b(?P<dot>\.)?")
_NUMBER_ABBREVIATION = re.compile(r"\b(No|Nos|no|nos)\.\s?(?=\d)|\b(No|Nos) (?=\d)")
# "Nov. 5", "Nov." and, without a full stop, "Nov 5" (a day of 1 to 31 after
# it: "Jan Smith" and "to mar" are left alone).
_MONTH_ABBREVIATION = re.compile(
    r"\b(?P<m>" + "|".join(_MONTH_ABBREVIATIONS) + r")"
    r"(?:\.(?=\s?\d|\s|$|[,;:)])|(?= (?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![:.,]?\d)))"
)
# Each with whether a full stop it ends with may also end a sentence: then it
# stays where it does ("It was Acme Corp.", "pears etc. Then"), and goes before
# a lower-case word ("Acme Corp. said"); see _sub_keeping_stops.
_LATIN = (
    (re.compile(r"\be\.\s?g\.(?=\W)|\beg\.,"), "for example", False),
    (re.compile(r"\bi\.\s?e\.(?=\W)"), "that is", False),
    (re.compile(r"\betc\.(?=\W|$)"), "et cetera", True),
    (re.compile(r"\b(?:vs\.?|v\.)(?=\s)"), "versus", False),
    (re.compile(r"\bapprox\.(?=\s)"), "approximately", False),
    (re.compile(r"\bInc\.(?=\W|$)"), "Incorporated", True),
    (re.compile(r"\bCorp\.(?=\W|$)"), "Corporation", True),
    (re.compile(r"\bLtd\b\.?"), "Limited", True),
    (re.compile(r"\bplc\b", re.IGNORECASE), "P-L-C", False),
    (re.compile(r"\bdept\.", re.IGNORECASE), "department", False),
)
# A firm's "Co": after "&" ("Berenson & Co."), or with its full stop or "Ltd"
# after a capitalised name ("Ford Motor Co.", "Samsung Electronics Co Ltd").
# "Ronaldo and Co" (his team-mates) and "Notts Co" are left as they are.
_COMPANY = re.compile(r"\bCo\b(?P<dot>\.)?(?![-'’]\w)")
_LATIN_HINT = re.compile(r"\b(?:e|i|etc|vs|v|approx|Inc|Corp|Ltd|plc|PLC|Plc|dept|Dept)\b")
# "U.S.", "U.K.", "D.C.": written without stops, then spelled out like any acronym.
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}(?=[^A-Za-z]|$)")
_INITIAL = re.compile(r"(?<=\b[A-Z])\.(?= [A-Z][a-z])")

# -- dates, years, numbers ----------------------------------------------------------

_DAY_MONTH = re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>" + _MONTH + r")\b")
# The first day of a range right before a _DAY_MONTH match: "9-11 September"
# ("9 to 11" by then), "9th-11th September". Looked for only there.
_FIRST_DAY = re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s?(?:to|[-–])\s?\Z")
# "Sept. 9-11" ("9 to 11" by then): both days are ordinals.
_MONTH_DAY = re.compile(
    r"\b(?P<m>" + _MONTH + r")\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?: to (?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?\b(?![\d:.,]\d)"
)
_DECADE = re.compile(r"(?:\b|(?<='))(?P<y>1\d|20)?(?P<d>\d0)'?s\b")
_APOSTROPHE_DECADE = re.compile(r"'(?P<d>\d0)s\b")
_RANGE = re.compile(
    r"(?<![\w.,])(" + _NUMBER + r"(?:bn|m|k|%)?)\s?[-–—]\s?(?=[$£€]?\d)", re.IGNORECASE
)
_TEMPERATURE = re.compile(r"(?<=\d)(?:°\s?)?(?P<scale>[CF])\b")
# "minus 11 degrees C": the letter is the scale.
_DEGREES_SCALE = re.compile(r"(?<=\d)(?P<d>\s?degrees?) (?P<scale>[CF])\b(?![-'’])")
_FEET_INCHES = re.compile(r"\b(\d)\s?ft\s?(\d{1,2})\s?in\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])-([0-3]\d)\b")
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b")
_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])(?=\d)")
# \b(?P<w>[A-Z][a-z]+)..., written to open with the capital (see _ACRONYM).
_ROMAN = re.compile(
    r"(?P<w>[A-Z](?<!\w[A-Z])[a-z]+) (?P<r>II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)\b(?!-)"
)
_ROMAN_VALUES = {
    "II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12,
    "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16,
}  # fmt: skip
_ROMAN_CARDINAL_CUES = ("War", "Phase", "Part", "Chapter", "Title", "Stage", "Level", "Type")
_NEGATIVE = re.compile(r"(?<![\w.,])-(?=\d)")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_FRACTION = re.compile(r"(?<![/\d])\b(?:(\d+) )?(\d+)/(\d+)\b(?!/\d)")
_UNICODE_FRACTION = re.compile(r"(\d*)\s?([" + "".join(_UNICODE_FRACTIONS) + "])")


def _ascii_digits(pattern: str) -> str:
    """``pattern`` with ``\\d`` written as the range 0-9: the same matches in ASCII text.

    For a str pattern ``\\d`` is a Unicode category test, a function call
    per character scanned; a range is compared in place (about twice as fast).
    """
    out, in_class, index = [], False, 0
    while index < len(pattern):
        pair = pattern[index : index + 2]
        if pair[0] == "\\":
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            index += 2
            continue
        if pair[0] == "[" and not in_class:
            in_class = True
        elif pair[0] == "]" and in_class:
            in_class = False
        out.append(pair[0])
        index += 1
    return "".join(out)


def _for_text(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``pattern`` compiled for any text and for ASCII text: indexed by ``text.isascii()``."""
    return re.compile(pattern), re.compile(_ascii_digits(pattern))


# ASCII text as bytes with every digit made "0": a search for a pattern that
# opens with that literal scans many times faster than one for a class
# (\d or [0-9]); one translation serves the hints asked until the text changes.
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
# What \s matches in ASCII text (bytes patterns leave out \x1c-\x1f).
_ASCII_SPACE = rb"[ \t\n\r\x0b\x0c\x1c-\x1f]"


def _for_marks(pattern: str, marked: bytes) -> tuple[re.Pattern[str], re.Pattern[bytes]]:
    """A hint for any text, and the same hint for ASCII text with its digits made "0".

    ``marked`` must find a match in ``text.encode().translate(_DIGITS_TO_ZERO)``
    exactly when ``pattern`` finds one in the ASCII ``text``.
    """
    return re.compile(pattern), re.compile(marked)


class _Marks:
    """The digit-marked bytes of the last ASCII text a hint was asked about."""

    __slots__ = ("marked", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.marked = b""

    def _of(self, text: str) -> bytes:
        if self.text is not text:
            self.text, self.marked = text, text.encode().translate(_DIGITS_TO_ZERO)
        return self.marked

    def marked_of(self, text: str) -> bytes:
        """The ASCII ``text`` as bytes with every digit made "0"."""
        return self._of(text)

    def found(self, hint: tuple[re.Pattern[str], re.Pattern[bytes]], text: str) -> bool:
        """Whether ``hint`` (see :func:`_for_marks`) has a match in ``text``."""
        if not text.isascii():
            return hint[0].search(text) is not None
        return hint[1].search(self._of(text)) is not None

    def digit(self, text: str) -> bool:
        """Whether ``text`` has a digit (``\\d``)."""
        if not text.isascii():
            return _DIGIT.search(text) is not None
        return self._of(text).find(b"0") != -1


# (?<![\w])(_NUMBER)...: the first digit matched before the lookbehind, so
# the scan looks for digits instead of trying a lookbehind at every position.
# "\d(?<!\w\d)" is a digit after no word character; the rest of each branch
# of _NUMBER follows (same matches and groups).
_PLAIN_NUMBER = _for_text(
    r"(\d(?<!\w\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
    r"(?:(?P<scale>bn|mn|tn|trn|k|m)\b|(?P<plural>s)\b)?"
    r"(?P<glued>(?=[^\W\d_]))?"
)
_YEAR_CUES = frozenset(
    [
        "in",
        "since",
        "from",
        "by",
        "until",
        "till",
        "before",
        "after",
        "during",
        "early",
        "late",
        "mid",
        "of",
        "around",
        "circa",
        "c",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "year",
        "years",
        "end",
        "start",
        "beginning",
    ]
)
_QUANTITY_CUES = frozenset(
    [
        "about",
        "some",
        "than",
        "nearly",
        "almost",
        "over",
        "under",
        "around",
        "approximately",
        "roughly",
        "up",
        "least",
        "at",
        "most",
        "only",
        "just",
        "another",
        "additional",
        "extra",
    ]
) - {"around"}
# Words that may follow a year ("in 1962 the..."); other lower-case words after a
# four-digit number mark it as a count ("2000 people").
_AFTER_YEAR = frozenset(
    [
        "and",
        "or",
        "to",
        "when",
        "the",
        "a",
        "an",
        "as",
        "at",
        "by",
        "for",
        "in",
        "on",
        "with",
        "after",
        "before",
        "until",
        "but",
        "was",
        "is",
        "were",
        "had",
        "has",
        "have",
        "will",
        "would",
        "saw",
        "when",
        "where",
        "while",
        "which",
        "that",
        "this",
        "it",
        "he",
        "she",
        "they",
        "we",
        "season",
        "election",
        "elections",
        "census",
        "budget",
        "olympics",
        "games",
        "campaign",
        "championship",
        "championships",
        "war",
        "crisis",
        "floods",
        "earthquake",
        "summit",
        "report",
        "vote",
        "referendum",
        "race",
        "final",
        "tournament",
        "edition",
        "survey",
        "review",
        "law",
        "act",
        "accord",
        "agreement",
        "deal",
        "attack",
        "attacks",
        "invasion",
        "revolution",
        "coup",
        "protests",
        "riots",
        "uprising",
        "pandemic",
        "winter",
        "summer",
        "spring",
        "autumn",
        "version",
        "model",
        "world",
        "cup",
        "general",
        "presidential",
        "midterm",
        "midterms",
        "film",
        "album",
        "novel",
    ]
)
_UNITS = {
    "km": "kilometres", "kph": "kilometres per hour", "km/h": "kilometres per hour",
    "mph": "miles per hour", "kg": "kilograms", "g": "grams", "mg": "milligrams",
    "cm": "centimetres", "mm": "millimetres", "ml": "millilitres", "ft": "feet",
    "lb": "pounds", "lbs": "pounds", "oz": "ounces", "sq": "square", "GW": "gigawatts",
    "MW": "megawatts", "kW": "kilowatts", "kWh": "kilowatt hours", "GB": "gigabytes",
    "MB": "megabytes", "TB": "terabytes", "°C": "degrees Celsius", "°F": "degrees Fahrenheit",
    "ºC": "degrees Celsius", "°": "degrees", "km²": "square kilometres", "m²": "square metres",
    "m/s": "metres per second", "sq ft": "square feet", "sq km": "square kilometres",
    "sq mi": "square miles", "sq m": "square metres",
}  # fmt: skip
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# "20km" and "20 km"; "a 20-km strip" and "a 550ft-long wall" qualify a noun.
_UNIT = re.compile(
    r"(?<=\d)(?P<sep>\s?|-)(?P<u>" + _UNIT_NAMES + r")(?![A-Za-z²])(?P<joined>-(?=[A-Za-z]))?"
)


def _singular(name: str) -> str:
    """A unit's name as it qualifies a noun: "a twenty-kilometre strip", "a six-foot fence"."""
    if name == "feet":
        return "foot"
    words = name.split()
    for index, word in enumerate(words):
        if word.endswith("s") and word not in ("Celsius", "per"):
            words[index] = word[:-1]
            break
    return " ".join(words)


_UNIT_ADJECTIVES = {unit: _singular(name) for unit, name in _UNITS.items()}
# Whether _UNIT matches (a digit first: scanned far faster than a lookbehind).
# The lookahead (a unit's first character) turns most digits away before the
# alternatives are tried one by one.
_ASCII_UNITS = sorted((unit for unit in _UNITS if unit.isascii()), key=len, reverse=True)
_UNIT_HINT = _for_marks(
    r"\d(?:\s|-)?(?=["
    + "".join(map(re.escape, sorted({unit[0] for unit in _UNITS})))
    + r"])(?:"
    + _UNIT_NAMES
    + r")(?![A-Za-z²])",
    # In ASCII text only the ASCII units can follow, and no "²".
    rb"0(?:"
    + _ASCII_SPACE
    + rb"|-)?(?=["
    + "".join(sorted({unit[0] for unit in _ASCII_UNITS})).encode()
    + rb"])(?:"
    + "|".join(map(re.escape, _ASCII_UNITS)).encode()
    + rb")(?![A-Za-z])",
)


def _m_words(*roles: str) -> list[frozenset[str]]:
    """The words of each of ``roles`` in ``metres_or_millions.tsv`` (see that
    file), the file read once."""
    by_role: dict[str, set[str]] = {role: set() for role in roles}
    for line in data_lines("metres_or_millions.tsv"):
        word, _, role = line.partition("\t")
        if role in by_role:
            by_role[role].add(word)
    return [frozenset(by_role[role]) for role in roles]


# "100m" is metres or millions by the words around it (see _m_unit).
_METRE_NOUNS, _METRE_AFTER, _MILLION_AFTER, _METRE_BEFORE, _METRE_OF_ONLY, _METRE_EVENT, \
    _MILLION_BEFORE = _m_words("noun", "after", "counted", "before", "of", "event", "money")
_METRE_OF = _METRE_OF_ONLY | _METRE_NOUNS | _METRE_BEFORE
# Distances raced on a track or in a pool ("the 1500m"), with thousands separators dropped.
_RACE_DISTANCES = frozenset(
    "50 60 100 110 200 300 400 500 800 1000 1500 1600 2000 3000 5000 10000".split()  # noqa: SIM905
)
# Words that may follow a race distance that ends its phrase ("the 100m in 9.9 seconds").
_PHRASE_GOES_ON = frozenset(
    """in at on and or with for by to was is will this last next after before when where
    while but as since until behind ahead without against into""".split()  # noqa: SIM905
)
# Words that may stand between a cue and the number ("rose by about 4m").
_M_SKIPPED = frozenset("by about around nearly almost roughly some approximately just only".split())  # noqa: SIM905
# Plural-looking words that are not counted nouns ("4m always"...).
_NOT_PLURAL = frozenset(
    """perhaps always towards afterwards whereas besides sometimes overseas indoors
    outdoors upwards downwards backwards forwards nowadays series news""".split()  # noqa: SIM905
)
_M_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?m")
_METRES = re.compile(
    r"(?<=\d)\s?m\b(?=\s+(?:" + "|".join(sorted(_METRE_AFTER)) + r")\b)"
)
# A number that is exactly one before _METRES ("1m high": "one metre high").
_ONE_BEFORE = re.compile(r"(?<![\d.,])1\s?\Z")

# -- brackets, acronyms, symbols ------------------------------------------------

_ACRONYM_IN_BRACKETS = re.compile(r"\s*\((?:the )?[A-Z][A-Za-z]*[A-Z]s?\)")
_BRACKETS = re.compile(r"\s*[(\[{]\s*([^()\[\]{}]*?)\s*[)\]}]")
# \b(?P<w>[A-Z][A-Z]+)(?P<s>'?s)?\b, written to open with the capital (the
# scan jumps from capital to capital): a capital after no word character.
_ACRONYM = re.compile(r"(?P<w>[A-Z](?<!\w[A-Z])[A-Z]+)(?P<s>'?s)?\b")
_PRONOUNCEABLE = frozenset(
    [
        "NATO",
        "NASA",
        "UNESCO",
        "UNICEF",
        "OPEC",
        "FIFA",
        "UEFA",
        "AIDS",
        "COVID",
        "SARS",
        "MERS",
        "ASEAN",
        "NAFTA",
        "BRICS",
        "SWAT",
        "LASER",
        "RADAR",
        "SCUBA",
        "ISIS",
        "FEMA",
        "OSHA",
        "DARPA",
        "INTERPOL",
        "EUROPOL",
        "FRONTEX",
        "OFCOM",
        "OFSTED",
        "OFGEM",
        "NICE",
        "PIN",
        "GIF",
        "JPEG",
        "CAPTCHA",
        "WHOIS",
        "BAFTA",
        "MERCOSUR",
        "CERN",
        "UNIFIL",
        "UNRWA",
        "NEET",
        "ZIP",
        "GCHQ",
        "SIM",
        "OPCW",
        "HAMAS",
        "ANC",
        "ISA",
        "IRA",
        "NAACP",
    ]
) - {"GCHQ", "OPCW", "ANC", "IRA", "NAACP"}
_SPELLED = frozenset({"US", "UK", "UN", "EU", "OECD", "IAEA", "UAE", "USA", "USSR", "CEO"})
_VOWELS = frozenset("AEIOUY")
_WORD_SLASH = re.compile(r"\b([A-Za-z]+)/([A-Za-z]+)\b")
_HASHTAG = re.compile(r"#(?=[A-Za-z])")
_MENTION = re.compile(r"(?<!\w)@(?=\w)")
_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,200}>|\[([^\[\]]{0,200})\]\([^()\s]{0,500}\)")
_NUMBER_SYMBOLS = (
    (re.compile(r"~\s*(?=[$£€]?\d)"), "about "),
    (re.compile(r"<\s*(?=[$£€]?\d)"), "less than "),
    (re.compile(r">\s*(?=[$£€]?\d)"), "more than "),
    (re.compile(r"#\s*(?=\d)"), "number "),
)
# A dash between words, said as a pause: it starts at the spaces before one.
_DASH = re.compile(r"\s+[–—-]+\s+|\s*[—―]\s*|\s*--+\s*")
# Each with the characters one of which every match holds: a pattern runs only
# when the text has one (most texts that have a symbol have one kind).
_SYMBOLS = (
    (re.compile(r"\s*&\s*"), " and ", "&"),
    (re.compile(r"\s*\+\s*(?=\d)"), " plus ", "+"),
    (re.compile(r"(?<=\w)\+\+"), " plus plus", "+"),
    (re.compile(r"(?<=\w)\+"), " plus", "+"),
    (re.compile(r"\s*\+\s*"), " plus ", "+"),
    (re.compile(r"\s*=\s*"), " equals ", "="),
    (re.compile(r"%"), " percent", "%"),
    (re.compile(r"§\s*"), "section ", "§"),
    (_DASH, ", ", "–—-―"),
    (re.compile(r"(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])"), " ", "-"),
)
# Anything that is not a letter, a mark, a space or plain punctuation is not
# meant for the ear: emoji, arrows, bullets, leftover symbols.
_DROP = re.compile(r"[^\w\s.,;:!?'\-]|_")
_LEFT_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"[ \t]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_REPEATED_COMMA = re.compile(r"[,:;](?:\s*,)+")
_COMMA_BEFORE_STOP = re.compile(r"[,;:]+\s*([.!?])")
_STOP_AFTER_STOP = re.compile(r"([.!?])(?:\s*\.)+")
# Whether "[,;:] ?[.!?]" matches, opening with the rarer sentence stop: the
# full stop first (a literal, scanned far faster than a class), then "!" and
# "?" only in a text that has one.
_COMMA_STOP_HINT = re.compile(r"\.(?:(?<=[,;:]\.)|(?<=[,;:] \.))")
_COMMA_MARK_HINT = re.compile(r"[!?](?:(?<=[,;:][!?])|(?<=[,;:] [!?]))")
# ASCII bytes by what _tidy looks for: [,.;:!?] become ",", the space stays,
# other control characters (not printable) become NUL, the rest "a".
_TIDY_CLASSES = bytes(
    44 if c in b",.;:!?" else 32 if c == 32 else 0 if c < 32 or c == 127 else 97 for c in range(256)
)

_LONE_HYPHEN = re.compile(r"(?<!\w)-+|-+(?!\w)")
# Whether _LONE_HYPHEN matches: a hyphen not after a word character, or not
# before one. Patterns that open with a literal are scanned many times faster
# than ones opening with a lookbehind.
_LONE_HYPHEN_HINT = re.compile(r"-(?:(?<!\w-)|(?!\w))")
# (?<!\w)'|'(?!\w), written to open with the literal: the same matches.
_STRAY_APOSTROPHE = re.compile(r"'(?:(?<!\w')|(?!\w))")


def speakable(text: str) -> str:
    """Rewrite ``text`` the way a newsreader would say it.

    Args:
        text: Any text (a sentence, a headline, a quote). Markup is not
            interpreted: ``<b>`` loses its brackets like any other symbol.

    Returns:
        One line of plain text made of words and ``. , ; : ! ? ' -``: no
        digits, no symbols, no markup. Deterministic.

    Example:
        >>> speakable("The deal, worth $11.1bn, was signed on March 3.")
        'The deal, worth eleven point one billion dollars, was signed on March third.'
    """
    if not text:
        return ""
    if text.isascii() and _unchanged(text):
        return text
    return _rewrite(text)


def _rewrite(text: str) -> str:
    """:func:`speakable` of a non-empty text, every stage tried (its gates decide)."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = _TRANSLATED.sub(lambda m: _TRANSLATE[ord(m.group())], text)
    if not text.isprintable():
        text = " ".join(_CONTROL.sub(" ", text).split())
    elif "  " in text or text[:1] == " " or text[-1:] == " ":
        # Printable text has no whitespace but the space (checked over all of
        # Unicode): joining its words only squeezes and strips spaces.
        text = " ".join(text.split())
    # Each stage runs only when the text has what it rewrites: most sentences
    # have no URL, no markup and few numbers.
    if "<" in text or "](" in text:
        text = _unshout(_MARKUP.sub(_say_markup, text))
    else:
        # The text is words joined by single spaces.
        text = _unshout(text, text.count(" ") + 1 if text else 0)
    if "@" in text:
        text = _EMAIL.sub(_say_email, text)
    if "://" in text or "www." in text or _has_domain(text):
        text = _URL.sub(_say_url, text)
    has_digits = _has_digit(text)
    # A text without digits needs no digit-marked bytes (see _Marks).
    marks = _Marks() if has_digits else None
    if marks is not None:
        text = _numbers_before_abbreviations(text, marks)
    # The words as written here decide on abbreviations and, later, acronyms;
    # they are made only when a cheap test says they may be needed.
    token_text = text
    tokens: set[str] | None = None
    if _may_have_abbreviation(text):
        tokens = _token_set(text)
        if _has_abbreviation(text, tokens):
            text = _abbreviations(text, tokens)
    if marks is not None or _has_fraction_char(text):
        text = _numbers(text, marks or _Marks())
    if "(" in text or "[" in text or "{" in text:
        text = _sub_at(_ACRONYM_IN_BRACKETS, "", text, _starts_before(text, "(", str.rstrip))
        text = _sub_at(_BRACKETS, _say_brackets, text, _starts_before(text, "([{", str.rstrip))
    if " I" in text or " V" in text or " X" in text:
        text = _ROMAN.sub(_say_roman, text)
    if _may_have_capital_pair(text):
        if tokens is None:
            tokens = _token_set(token_text)
        if any(len(t) > 1 and t[:2].isupper() for t in tokens):
            text = _ACRONYM.sub(_say_acronym, text)
    if "/" in text:
        text = _WORD_SLASH.sub(_say_word_slash, text)
    if "#" in text:
        text = _HASHTAG.sub("hashtag ", text)
    if "@" in text:
        text = _MENTION.sub("at ", text)
    if _has_symbol(text):
        for pattern, replacement, needed in _SYMBOLS:
            if pattern is _DASH:
                if any(map(text.__contains__, needed)):
                    starts = _starts_before(text, needed, str.rstrip)
                    text = _sub_at(pattern, replacement, text, starts)
            elif any(map(text.__contains__, needed)):
                text = pattern.sub(replacement, text)
    if "/" in text:
        text = text.replace("/", " or ")
    if '"' in text:
        text = text.replace('"', " ")
    if marks is not None and marks.digit(text):
        text = _LEFT_DIGITS.sub(lambda m: f" {digits(m.group())} ", text)
    return _tidy(text)


def _unchanged(text: str) -> bool:
    """Whether :func:`_rewrite` returns the ASCII ``text`` as it is (a cheap, sufficient test).

    It holds for a text of letters, single spaces and ``. , ; : ! ? ' -``
    (no digit, symbol or bracket: no number, URL, markup or symbol stage
    runs) in which no pattern of the rest can match (see _KEPT_TROUBLE):
    every capital has a lower-case letter after it or is a one-letter word,
    so no word is shouted, an acronym or initials; an apostrophe or hyphen
    joins two letters; each stop or comma follows a letter and ends the
    text or comes before a space (no "e.g", no domain, nothing for the
    tidying); no run of letters is a word an abbreviation's rewrite needs.
    """
    raw = text.encode()
    return (
        not raw.translate(None, _PLAIN_BYTES)
        and "  " not in text
        and text[0] != " "
        and text[-1] != " "
        and _KEPT_TROUBLE.search(text) is None
        and _KEPT_STOP_WORDS.isdisjoint(raw.translate(_MARKS_TO_SPACES).split())
    )


# What stops a plain text from being kept as it is (see _unchanged); opening
# with one character class, the scan jumps from capital or mark to the next.
_KEPT_TROUBLE = re.compile(
    r"[A-Z'.,;:!?-](?:"
    # A capital not before a lower-case letter, unless a one-letter word ("I", "A").
    r"(?<=[A-Z])(?![a-z])(?:(?<=[^ ][A-Z])|(?! |\Z))"
    # An apostrophe or hyphen not between two letters.
    r"|(?<=['-])(?:(?<![A-Za-z]['-])|(?![A-Za-z]))"
    # A stop or comma not after a letter, not before a space or the end, or ending
    # the text with a comma, semicolon or colon.
    r"|(?<=[.,;:!?])(?:(?<![A-Za-z][.,;:!?])|(?! |\Z)|(?<=[,;:])\Z)"
    r")"
)


def _has_digit(text: str) -> bool:
    if text.isascii():
        # Deleting bytes is one C loop, several times faster than a regex scan.
        return len(text.encode().translate(None, _ASCII_DIGITS)) != len(text)
    return _DIGIT.search(text) is not None


_ASCII_DIGITS = b"0123456789"
_ASCII_SYMBOLS = b"&+=~<>#%"


def _has_symbol(text: str) -> bool:
    """Whether :data:`_SYMBOLS` may rewrite anything (what _SYMBOL_HINT finds)."""
    if text.isascii():
        return (
            len(text.encode().translate(None, _ASCII_SYMBOLS)) != len(text)
            or " -" in text
            or "- " in text
        )
    return _SYMBOL_HINT.search(text) is not None


def _token_set(text: str) -> set[str]:
    words = text.split()
    # An ASCII text has none of the other edges: stripping fewer characters is faster.
    edges = _ASCII_TOKEN_EDGES if text.isascii() else _TOKEN_EDGES
    tokens = set(map(str.strip, words, itertools.repeat(edges)))
    if "." in text:
        # The whole tokens whose second character is a full stop ((?<!\S)\S\.\S*),
        # found from their full stops (a rare character, scanned fast).
        for match in _SECOND_DOT.finditer(text):
            tokens.add(text[match.start() - 1 : match.end()])
    return tokens


_SECOND_DOT = re.compile(r"\.(?:(?<=^\S\.)|(?<=\s\S\.))\S*")


def _may_have_abbreviation(text: str) -> bool:
    """A cheap superset of :func:`_has_abbreviation`, before any tokens are made.

    A token equal to an abbreviation word (letters only) is that word between
    token edges: with the edges made spaces, it is one of the pieces. A
    dotted token in ASCII text has a capital and a full stop.
    """
    if not text.isascii() or "e.g" in text or "i.e" in text or "e. g" in text:
        return True
    if _CAPITAL_DOT.search(text) is not None:
        return True
    pieces = text.encode().translate(_EDGES_TO_SPACES).split()
    return not _ABBREVIATION_BYTES.isdisjoint(pieces)


_DIGIT = re.compile(r"\d")
_TLDS = (
    ".com",
    ".org",
    ".net",
    ".gov",
    ".edu",
    ".io",
    ".co",
    ".uk",
    ".info",
    ".news",
    ".int",
    ".eu",
)
_TLD_HINT = re.compile("|".join(re.escape(tld) for tld in _TLDS))
_ABBREVIATION_WORDS = frozenset(
    {*_TITLES, *_STREET_WORDS, *_MONTH_ABBREVIATIONS}
    | set(
        [
            "Jr",
            "Sr",
            "No",
            "Nos",
            "no",
            "nos",
            "etc",
            "vs",
            "v",
            "approx",
            "Inc",
            "Corp",
            "Ltd",
            "plc",
            "PLC",
            "Plc",
            "dept",
            "Dept",
            "Co",
        ]
    )
)
_ABBREVIATION_BYTES = frozenset(word.encode() for word in _ABBREVIATION_WORDS)
_EDGES_TO_SPACES = bytes.maketrans(b".,;:!?()[]\"'", b" " * 12)
_SYMBOL_CHARS = "&+=~<>#%§—―–"
# One search for what _SYMBOLS rewrites: a symbol, or a hyphen next to a space.
_SYMBOL_HINT = re.compile("[" + re.escape(_SYMBOL_CHARS) + "]| -|- ")
_FRACTION_CHAR = re.compile("[" + "".join(_UNICODE_FRACTIONS) + "]")


def _has_fraction_char(text: str) -> bool:
    return not text.isascii() and _FRACTION_CHAR.search(text) is not None


_TOKEN_EDGES = ".,;:!?()[]\"'“”‘’"
_ASCII_TOKEN_EDGES = ".,;:!?()[]\"'"


def _has_domain(text: str) -> bool:
    if text.isascii():
        # Lower-casing ASCII keeps every character in place: look after each
        # full stop (a few per sentence) instead of lowering and scanning it all.
        index = text.find(".")
        while index != -1:
            if text[index : index + 6].lower().startswith(_TLDS):
                return True
            index = text.find(".", index + 1)
        return False
    return _TLD_HINT.search(text.lower()) is not None


def _has_abbreviation(text: str, tokens: set[str]) -> bool:
    """Cheap test for what :func:`_abbreviations` rewrites (it runs many patterns)."""
    if (
        "e.g" in text
        or "i.e" in text
        or "e. g" in text
        or not tokens.isdisjoint(_ABBREVIATION_WORDS)
    ):
        return True
    return _has_dotted(text, tokens)


def _has_dotted(text: str, tokens: set[str]) -> bool:
    """Initials or a dotted acronym: "W. Bush", "U.S.", "D-N.Y."."""
    if (not text.isascii() or _CAPITAL_DOT.search(text) is not None) and any(
        len(token) > 1 and token[1] == "." and token[0].isupper() for token in tokens
    ):
        return True
    return "." in text and _DOTTED_INSIDE.search(text) is not None


# Exact pre-checks for the token tests above: in ASCII text, a token's first
# two characters are upper case only where the text has two adjacent
# characters, neither a space nor lower case, one a capital.
# Whether "[A-Z]\." matches, opening with the rarer full stop.
_CAPITAL_DOT = re.compile(r"\.(?<=[A-Z]\.)")
_CAPITAL_PAIR = re.compile(r"[A-Z](?:[^\sa-z]|(?<=[^\sa-z][A-Z]))")


def _may_have_capital_pair(text: str) -> bool:
    return not text.isascii() or _CAPITAL_PAIR.search(text) is not None


# Whether "[A-Z]\.[A-Z]\." matches, opening with the literal full stop.
_DOTTED_INSIDE = re.compile(r"\.(?<=[A-Z]\.)[A-Z]\.")
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:!?'-")
_PLAIN_BYTES = "".join(sorted(_PLAIN)).encode()


def _numbers_before_abbreviations(text: str, marks: _Marks) -> str:
    """Number forms that abbreviation handling would break ("U.S.$", "a.m.")."""
    # Read digit by digit before ranges ("555-0142") and thousands ("020 7946 0958").
    if _may_have_phone(text, marks):
        text = _PHONE.sub(_say_phone, text)
    if marks.found(_LETTER_DIGIT_HINT, text):
        # Before letters and digits are parted ("4x100m", "A320").
        if "x" in text:
            text = _BY.sub(_say_by, text)
        if "A3" in text or "A2" in text:
            text = _AIRBUS.sub(_say_airbus, text)
        text = _LETTER_DIGIT.sub(" ", text)
    elif " x " in text:
        text = _BY.sub(_say_by, text)  # "4 x 100m"
    if "-" in text or "–" in text or "—" in text:
        if _ISO_DATE_HINT.search(text) is not None:
            text = _ISO_DATE.sub(_say_iso_date, text)
        if _RANGE_HINT.search(text) is not None:
            text = _RANGE.sub(r"\1 to ", text)
    if "/" in text:
        text = _SLASH_DATE.sub(lambda m: " ".join(m.groups()), text)
        text = _SEASON.sub(_say_season, text)
    if "c." in text or "ca." in text:
        text = _CIRCA.sub("circa ", text)
    if "~" in text or "<" in text or ">" in text or "#" in text:
        for pattern, replacement in _NUMBER_SYMBOLS:
            text = pattern.sub(replacement, text)
    # The currency signs but "$" are not ASCII.
    if "$" in text or (not text.isascii() and any(c in text for c in _CURRENCY_CHARS)):
        text = _sub_at(_MONEY, _say_money, text, _money_starts(text))
    if _PENCE_HINT.search(text) is not None:
        text = _PENCE.sub(lambda m: f"{cardinal(int(m.group(1)))} pence", text)
    if "%" in text:
        text = _sub_at(_PERCENT, _say_percent, text, _starts_before(text, "%", _strip_number))
    if marks.found(_CLOCK_HINT, text):
        # A time range and a ratio ("3:1") each hold what the clock hint finds.
        if "-" in text or "–" in text or "—" in text:
            text = _TIME_RANGE.sub(r"\g<t> to ", text)
        if ":" in text and marks.found(_RATIO_HINT, text):
            text = _RATIO.sub(_say_ratio, text)
        text = _CLOCK.sub(_say_clock, text)
    return text


_CURRENCY_CHARS = "$£€¥₹₽₩₣"

# Telephone numbers, said digit by digit in their groups: "1-800-555-0199",
# "(212) 555-0123", "+44 20 7946 0958", "020 7946 0958", "0800 123 456"; a
# local "555-0142" (else a range: see _say_phone); "9-1-1" and "4-4-2".
# ASCII digits only, so that _may_have_phone can look for them in bytes.
_PHONE = re.compile(
    _ascii_digits(
        r"(?<![\w.,+-])(?<!\d )(?:"
        r"(?:1[- ])?(?:\(\d{3}\) ?|\d{3}-)\d{3}-\d{4}"
        r"|\+\d{1,3}(?:[ -]\(?\d{1,4}\)?){2,4}"
        r"|\(0\d{2,4}\) ?\d{3,4}[ -]?\d{3,4}"
        r"|0\d{2,4}[ -]\d{3,4}(?:[ -]\d{3,4})?"
        r"|(?P<local>\d{3})-(?P<line>\d{4})"
        r"|\d(?:-\d){2,3}"
        r")(?![\w-]|[.,]\d)"
    )
)
# Words before a local number "555-1234" that make it a telephone number.
_PHONE_CUES = frozenset(
    """call calling called dial dialled dialed phone phoned telephone tel hotline number
    numbers fax text texting ring line on at""".split()  # noqa: SIM905
)
# "4x100m", "a 3x4m room": "four by one hundred metres".
_BY = re.compile(r"\b(\d{1,2})(?:x| x )(\d{1,4})m\b")
# Airbus airliners: "A320" is "A three twenty".
_AIRBUS = re.compile(r"\bA(?P<n>220|300|310|318|319|320|321|330|340|350|380)(?P<s>neo|s)?\b")
# "9 a.m.-5 p.m.", "9am-5pm": the dash of a time range is "to".
# (It opens with the letter, so that the scan skips to the a's and p's.)
_TIME_RANGE = re.compile(
    r"(?P<t>[aApP](?:(?<=\d[aApP])|(?<=\d\s[aApP]))\.?[mM]\b\.?)\s?[-–—]\s?(?=\d)"
)
# A football or hockey season: "2027/28", "2019/2020".
_SEASON = re.compile(r"\b(?P<y>1[89]\d\d|20\d\d)/(?P<next>\d\d(?:\d\d)?)\b(?!/)")
# A ratio or a score "3:1", said "three to one" where the words around say so.
# Not before "a.m."/"p.m.": "by 3:45 p.m." is a time.
_RATIO = re.compile(r"(?<![\w:.,])(?P<a>\d{1,2}):(?P<b>\d{1,2})(?![\w:]|[.,]\d|\s?[aApP]\.?[mM]\b)")
_RATIO_HINT = _for_marks(r"\d:\d", rb"0:0")
_RATIO_BEFORE = frozenset(
    """won win wins winning lost lose loses losing beat beats beaten defeated defeat drew
    draw drawn led lead leads leading trailed trailing trail ratio odds by""".split()  # noqa: SIM905
)
_RATIO_AFTER = frozenset(
    """ratio odds majority margin win victory defeat loss lead scoreline split vote
    against""".split()  # noqa: SIM905
)
_RATIO_OF = frozenset(["ratio", "odds", "margin", "majority", "score", "scoreline"])
# Searches that find whether a pattern (which opens with a lookbehind or a
# word boundary, tried at every position) has a match at all: each opens
# with a literal or a digit and needs what every match of its pattern holds.
_LETTER_DIGIT_HINT = _for_marks(r"\d(?<=[A-Za-z]\d)", rb"0(?<=[A-Za-z]0)")
_ISO_DATE_HINT = re.compile(r"-(?:0[1-9]|1[0-2])-[0-3]\d")
# "(c. 1654)": "circa", and the year after it is read as a year.
_CIRCA = re.compile(r"\bca?\.\s?(?=\d)")
_RANGE_HINT = re.compile(r"[-–—]\s?[$£€]?\d")
_PENCE_HINT = re.compile(r"p(?<=\dp)")
_NEGATIVE_HINT = re.compile(r"-(?=\d)")
_ORDINAL_HINT = _for_marks(r"\d(?:st|nd|rd|th)", rb"0(?:st|nd|rd|th)")
# (The lookbehinds first: most "m" end words, and only a digit's is tried further.)
_METRES_HINT = re.compile(
    r"m(?:(?<=\dm)|(?<=\d\sm))(?=\s+(?:" + "|".join(sorted(_METRE_AFTER)) + r")\b)"
)
# (In ASCII text no "°": a digit right before the letter.)
_TEMPERATURE_HINT = _for_marks(r"\d(?:°\s?)?[CF]\b", rb"0[CF]\b")
# Whether _FEET_INCHES matches (it opens with a word boundary).
_FEET_INCHES_HINT = _for_marks(
    r"\d\s?ft\s?\d", rb"0" + _ASCII_SPACE + rb"?ft" + _ASCII_SPACE + rb"?0"
)
# What every _CLOCK match holds ("3pm", "3.30 a", "14:05"): one case-sensitive
# search instead of the case-insensitive pattern on every text with an "m".
_CLOCK_HINT = _for_marks(
    r"\d(?:(?:[:.]\d\d)?\s?[aApP]|:\d)", rb"0(?:(?:[:.]00)?" + _ASCII_SPACE + rb"?[aApP]|:0)"
)


def _numbers(text: str, marks: _Marks) -> str:
    # Every step but the Unicode fractions needs a digit, and none writes one.
    if not marks.digit(text):
        if _has_fraction_char(text):
            text = _UNICODE_FRACTION.sub(_say_unicode_fraction, text)
        return text
    if _MONTH_HINT.search(text) is not None:
        text = _days_of_months(text)
        text = _MONTH_DAY.sub(_say_month_day, text)
    if "0s" in text or "0's" in text:
        text = _APOSTROPHE_DECADE.sub(lambda m: _plural(cardinal(int(m.group("d")))), text)
        text = _DECADE.sub(_say_decade, text)
    if "-" in text and _NEGATIVE_HINT.search(text) is not None:
        text = _NEGATIVE.sub("minus ", text)
    if marks.found(_ORDINAL_HINT, text):
        text = _ORDINAL.sub(lambda m: ordinal(int(m.group(1))), text)
    if _has_fraction_char(text):
        text = _UNICODE_FRACTION.sub(_say_unicode_fraction, text)
    if "/" in text:
        text = _FRACTION.sub(_say_fraction, text)
    if _METRES_HINT.search(text) is not None:
        text = _METRES.sub(_say_metres, text)
    if "ft" in text and marks.found(_FEET_INCHES_HINT, text):
        text = _FEET_INCHES.sub(r"\1 foot \2", text)
    if marks.found(_UNIT_HINT, text):
        text = _UNIT.sub(_say_unit, text)
    if ("C" in text or "F" in text) and marks.found(_TEMPERATURE_HINT, text):
        text = _TEMPERATURE.sub(
            lambda m: " degrees " + ("Celsius" if m.group("scale") == "C" else "Fahrenheit"),
            text,
        )
    if "degree" in text and (" C" in text or " F" in text):
        text = _DEGREES_SCALE.sub(
            lambda m: m.group("d") + (" Celsius" if m.group("scale") == "C" else " Fahrenheit"),
            text,
        )
    return _PLAIN_NUMBER[text.isascii()].sub(_say_number, text)


# -- substitutions at a few places ---------------------------------------------------
#
# A pattern that opens with a lookbehind, an optional part or IGNORECASE
# letters is tried at every position of the text (Python's re scans quickly
# only for a literal or a character class). When every match holds a rare
# character, the places where a match can start are found from that
# character and only they are tried: pattern.match at each, in order, as
# sub would find them (lookbehinds see the whole text).


def _occurrences(text: str, chars: str) -> list[int]:
    """Ascending positions of the characters of ``chars`` in ``text``."""
    found = []
    for char in chars:
        index = text.find(char)
        while index != -1:
            found.append(index)
            index = text.find(char, index + 1)
    if len(chars) > 1:
        found.sort()
    return found


def _starts_before(text: str, chars: str, strip: Callable[[str], str]) -> list[int]:
    """Where a match that holds one of ``chars`` can start: at one of them or
    in the run of characters right before it that ``strip`` removes from the
    end of a text (``str.rstrip``: white space; :func:`_strip_number`)."""
    starts: list[int] = []
    for index in _occurrences(text, chars):
        # One C call finds where the run starts (no call per character).
        first = len(strip(text[:index]))
        if starts and first <= starts[-1]:
            first = starts[-1] + 1
        starts.extend(range(first, index + 1))
    return starts


def _sub_at(
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], str] | str,
    text: str,
    starts: Iterable[int],
) -> str:
    """``pattern.sub(replace, text)`` when every match starts at one of ``starts``.

    ``starts`` ascend; a string ``replace`` is literal (no group references).
    """
    out: list[str] = []
    done = 0
    for start in starts:
        if start < done:
            continue
        match = pattern.match(text, start)
        if match is not None:
            out.append(text[done:start])
            out.append(replace if isinstance(replace, str) else replace(match))
            done = match.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _in_number(char: str) -> bool:
    """A character of a number, a sign or a space before a per cent sign (``\\d``, ``\\s``)."""
    return char in ",.-" or char.isdecimal() or char.isspace()


def _strip_number(text: str) -> str:
    """``text`` without the run of :func:`_in_number` characters at its end."""
    if text.isascii():
        # The ASCII characters _in_number accepts: one C call.
        return text.rstrip(_ASCII_IN_NUMBER)
    end = len(text)
    while end > 0 and _in_number(text[end - 1]):
        end -= 1
    return text[:end]


_ASCII_IN_NUMBER = "".join(c for c in map(chr, range(128)) if _in_number(c))


def _money_starts(text: str) -> list[int]:
    """Where _MONEY can match: at a currency sign or up to two letters before it ("US$")."""
    starts: list[int] = []
    # The signs but "$" are not ASCII.
    signs = "$" if text.isascii() else _CURRENCY_CHARS
    for index in _occurrences(text, signs):
        for start in (index - 2, index - 1, index):
            # A match opens with a sign or with the first letter of "US$", "A$",
            # "C$", "NZ$" or "HK$" (no other character matches them ignoring case).
            if (
                start >= 0
                and (not starts or start > starts[-1])
                and (start == index or text[start] in _MONEY_OPENINGS)
            ):
                starts.append(start)
    return starts


_MONEY_OPENINGS = frozenset("UuAaCcNnHh" + _CURRENCY_CHARS)


# -- helpers -----------------------------------------------------------------------


def _tidy(text: str) -> str:
    if text.isascii():
        if text.encode().translate(None, _PLAIN_BYTES):
            text = _DROP.sub(" ", text)
    elif not set(text) <= _PLAIN:
        text = _DROP.sub(" ", text)
    if "'" in text:
        text = _STRAY_APOSTROPHE.sub(" ", text)
    if "-" in text and _LONE_HYPHEN_HINT.search(text) is not None:
        text = _LONE_HYPHEN.sub(" ", text)
    if text.isascii() and text[:1] != " " and text[-1:] != " ":
        # Each test below needs two spaces, a control character, or a mark of
        # [,.;:!?] after a space or another such mark: one translation and
        # four searches tell when none does (most texts).
        classes = text.encode().translate(_TIDY_CLASSES).decode()
        if (
            "  " not in classes
            and " ," not in classes
            and ",," not in classes
            and "\x00" not in classes
        ):
            return _strip_edges(text)
    if "  " in text or text[:1] == " " or text[-1:] == " " or not text.isprintable():
        text = " ".join(text.split())
    if " ," in text or " ." in text or " ;" in text or " :" in text or " !" in text or " ?" in text:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if ",," in text or ", ," in text or ":," in text or ";," in text or ": ," in text:
        text = _REPEATED_COMMA.sub(",", text)
    if _COMMA_STOP_HINT.search(text) is not None or (
        ("!" in text or "?" in text) and _COMMA_MARK_HINT.search(text) is not None
    ):
        text = _COMMA_BEFORE_STOP.sub(r"\1", text)
    if ".." in text or ". ." in text or "!." in text or "?." in text:
        text = _STOP_AFTER_STOP.sub(r"\1", text)
    return _strip_edges(text)


def _strip_edges(text: str) -> str:
    """The end of :func:`_tidy`: no marks or spaces at the start, no pause at the end."""
    # The text is on one line with single spaces: stripping these characters
    # removes what the pattern ^[\s,.;:!?'\-]+ would.
    text = text.lstrip(" ,.;:!?'-")
    return text.strip().rstrip(",;:").strip()


def _at_end(match: re.Match[str]) -> bool:
    """Whether a match ending in a full stop also ends the sentence."""
    rest = match.string[match.end() :]
    return not rest.strip() or rest.lstrip(" ").startswith("\n")


def _say_email(match: re.Match[str]) -> str:
    user, _, domain = match.group().partition("@")
    return f"{_say_address(user)} at {_say_address(domain)}"


def _say_address(text: str) -> str:
    out = []
    for piece in re.split(r"([./:_-])", text):
        if piece == ".":
            out.append("dot")
        elif piece == "/":
            out.append("slash")
        elif piece in {":", "_", "-"}:
            out.append({"_": "underscore", "-": "dash", ":": ""}[piece])
        elif piece.isdigit():
            out.append(cardinal(int(piece)) if len(piece) < 5 else digits(piece))
        elif piece:
            out.append(piece.lower())
    return " ".join(word for word in out if word)


def _say_url(match: re.Match[str]) -> str:
    url = match.group()
    url = re.sub(r"^(?:https?://)", "", url, flags=re.IGNORECASE)
    host, _, path = url.partition("/")
    if host.lower().startswith("www."):
        host = host[4:]
    # A listener can remember a site, not a path: say the path only when short.
    spoken = _say_address(host)
    path = path.split("?")[0].split("#")[0].strip("/")
    if path and path.count("/") == 0 and len(path) <= 20:
        spoken += " slash " + _say_address(path)
    return spoken


def _amount(number: str) -> tuple[str, bool]:
    """Words for an amount and whether it is exactly one."""
    plain = number.replace(",", "")
    return decimal(plain), plain in {"1", "1.0", "1.00"}


def _say_money(match: re.Match[str]) -> str:
    cur, number, scale_word, short = match.group("cur", "num", "scale", "short")
    symbol = cur.upper()
    one, many, small_one, small_many = _CURRENCIES.get(symbol, _CURRENCIES["$"])
    scale_word = scale_word or short
    if scale_word:
        scale = _SCALE_WORDS.get(scale_word.lower(), "")
        # "an $11.1bn plan" is "an eleven point one billion dollar plan".
        unit = one if _attributive(match) else many
        return f"{decimal(number)} {scale} {unit}"
    whole, _, cents = number.replace(",", "").partition(".")
    if len(cents) == 2 and symbol not in {"¥", "₩"}:
        if int(whole) == 0 and int(cents):
            # "$0.95": "ninety-five cents", no "zero dollars and".
            return f"{cardinal(int(cents))} {small_one if cents == '01' else small_many}"
        words = f"{cardinal(int(whole))} {one if whole == '1' else many}"
        if int(cents):
            small = small_one if cents == "01" else small_many
            words += f" and {cardinal(int(cents))} {small}"
        return words
    words, is_one = _amount(number)
    return f"{words} {one if is_one or _attributive(match) else many}"


def _attributive(match: re.Match[str]) -> bool:
    """Whether an amount qualifies the noun after it ("a $5m deal")."""
    after = match.string[match.end() :]
    if not after.startswith(" "):
        return False
    following = after.split(None, 1)[0] if after.strip() else ""
    word = following.rstrip(".,;:!?")
    return (
        word.isalpha()
        and word.islower()
        and word not in _NOT_QUALIFIED
        and not word.endswith(("ly", "ed"))
    )


# Words after an amount that show it is not qualifying a noun: "$5m a day",
# "$5m in aid", "$5m last year", "$5m was spent".
_NOT_QUALIFIED = frozenset(
    """a an the in on at to of for from by with and or but than per each every this that
    these those which who what when where while last next since after before until over
    under into onto about around between among against during within without was were is
    are be been being has have had will would shall should can could may might must do
    does did says said say according more less apiece annually monthly yearly weekly daily
    so as if because though although it its he she they we you i his her their our
    this year years month months week weeks day days""".split()  # noqa: SIM905
)


def _say_percent(match: re.Match[str]) -> str:
    sign = "minus " if match.group(1) else ""
    return f"{sign}{decimal(match.group(2))} percent"


def _say_clock(match: re.Match[str]) -> str:
    if match.group("h2") is not None:
        hours, minutes = int(match.group("h2")), int(match.group("m2"))
        if minutes == 0:
            return f"{cardinal(hours)} o'clock" if hours <= 12 else f"{cardinal(hours)} hundred"
        return f"{cardinal(hours)} {_minutes(minutes)}"
    hours = int(match.group("h"))
    minutes = int(match.group("m") or 0)
    spoken = cardinal(hours)
    if minutes:
        spoken += " " + _minutes(minutes)
    spoken += f" {match.group('ampm').lower()}-m"
    if match.group().endswith(".") and _time_ends_sentence(match):
        spoken += "."
    return spoken


def _time_ends_sentence(match: re.Match[str]) -> bool:
    """Whether the full stop of "a.m."/"p.m." ends a sentence too, as the
    sentence splitter decides: at the end, or before a capitalised word that
    is no time zone, weekday or month ("8 p.m. The count", but "5 p.m. GMT"),
    unless the time opens its sentence ("At 5 a.m. Mr Smith left")."""
    if _at_end(match):
        return True
    following = _next_word(match).rstrip(_EDGE_MARKS)
    if not following[:1].isupper() or following in AFTER_TIME:
        return False
    head = match.string[: match.start()]
    head = head[max(head.rfind(". "), head.rfind("! "), head.rfind("? ")) + 1 :]
    words = head.split()
    return not (0 < len(words) <= 2 and words[0].lstrip("\"'(").lower() in TIME_PREPOSITIONS)


def _minutes(minutes: int) -> str:
    return f"oh-{cardinal(minutes)}" if minutes < 10 else cardinal(minutes)


def _abbreviations(text: str, tokens: set[str]) -> str:
    if "Co" in tokens:
        # Before "Ltd" is said "Limited".
        text = _COMPANY.sub(_say_company, text)
    if _LATIN_HINT.search(text):
        for pattern, words, may_end in _LATIN:
            text = _sub_keeping_stops(pattern, words, text) if may_end else pattern.sub(words, text)
    if not tokens.isdisjoint(_NUMBER_WORDS):
        text = _NUMBER_ABBREVIATION.sub(
            lambda m: "Numbers " if m.group().rstrip(". ").endswith("s") else "Number ", text
        )
    if not tokens.isdisjoint(_MONTH_ABBREVIATIONS):
        text = _MONTH_ABBREVIATION.sub(
            lambda m: _MONTH_ABBREVIATIONS[m.group("m")]
            + ("." if m.group().endswith(".") and _at_end(m) else ""),
            text,
        )
    if not tokens.isdisjoint(_STREET_WORDS):
        text = _STREET.sub(_say_street, text)
    if not tokens.isdisjoint(_TITLES):
        text = _TITLE.sub(_say_title, text)
    if "Jr" in tokens or "Sr" in tokens:
        text = _SUFFIXES.sub(_say_suffix, text)
    if _has_dotted(text, tokens):
        text = _DOTTED.sub(lambda m: m.group().replace(".", "") + ("." if _at_end(m) else ""), text)
        text = _INITIAL.sub("", text)
    return text


def _say_company(match: re.Match[str]) -> str:
    text, start, dot = match.string, match.start(), match.group("dot")
    before = text[:start].rstrip()
    if not before.endswith("&"):
        previous = before.rsplit(None, 1)[-1] if before else ""
        rest = text[match.end() :].lstrip(", ")
        if not (previous[:1].isupper() and previous.isalpha()):
            return match.group()
        if not dot and not rest.startswith("Ltd"):
            return match.group()
    if dot and (_at_end(match) or _next_word(match).rstrip(_EDGE_MARKS) in OPENER_WORDS):
        return "Company."  # the abbreviation's full stop ends the sentence too
    return "Company"


def _say_suffix(match: re.Match[str]) -> str:
    words = " Junior" if match.group("s") == "Jr" else " Senior"
    # The abbreviation's full stop may end the sentence too.
    return words + "." if match.group("dot") and _at_end(match) else words


def _sub_keeping_stops(pattern: re.Pattern[str], words: str, text: str) -> str:
    """``pattern.sub(words, text)``, with a full stop after ``words`` where the
    abbreviation's own full stop may end a sentence: at the end of the text
    (closing quotes and brackets aside) or before a capital. Before a
    lower-case word or a mark it is no sentence end ("Acme Corp. said")."""
    out: list[str] = []
    done = 0
    for match in pattern.finditer(text):
        out.append(text[done : match.start()])
        out.append(words)
        if match.group().endswith("."):
            rest = text[match.end() :].lstrip("\"')]").lstrip(" ")
            if not rest or rest[0] == "\n" or rest[0].isupper():
                out.append(".")
        done = match.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


_NUMBER_WORDS = frozenset({"No", "Nos", "no", "nos"})


# Words (runs of letters) that may start an abbreviation's rewrite: those of
# _ABBREVIATION_WORDS and _LATIN_HINT. "No" and "nos" are left out: with no
# digit after them and none of these words, _abbreviations changes nothing.
_KEPT_STOP_WORDS = frozenset(
    word.encode() for word in _ABBREVIATION_WORDS - _NUMBER_WORDS | {"e", "i"}
)
_MARKS_TO_SPACES = bytes.maketrans(b".,;:!?'-", b" " * 8)


def _say_markup(match: re.Match[str]) -> str:
    # A Markdown link keeps its text; an HTML tag goes.
    return f" {match.group(1)} " if match.group(1) is not None else " "


def _say_street(match: re.Match[str]) -> str:
    name, dot = match.group("w", "dot")
    following = _next_word(match)
    if following[:1].isupper() and following[1:2].islower():
        # "At St. Mary's", "In St Louis": a title before a name (_TITLE says
        # "Saint"), unless a full stop ends the street's sentence ("on Elm St.
        # The house", as the sentence splitter decides).
        if dot is None or following.rstrip(_EDGE_MARKS) not in OPENER_WORDS:
            return match.group()
        return f"{name} {_STREET_WORDS[match.group('a')]}."
    stop = "." if dot and _at_end(match) else ""
    return f"{name} {_STREET_WORDS[match.group('a')]}{stop}"


def _next_word(match: re.Match[str]) -> str:
    """The word after a match and the spaces after it, opening quotes and brackets
    left out; "" when the match ends the text or a mark follows it."""
    rest = match.string[match.end() :]
    if rest[:1] != " ":
        return ""
    words = rest.split(None, 1)
    return words[0].lstrip("\"'([") if words else ""


def _say_title(match: re.Match[str]) -> str:
    title = match.group("t")
    if match.group("dot") is None and title not in _UNDOTTED_TITLES:
        return match.group()
    if match.group("dot") is not None:
        return _TITLES[title] + " "
    if match.group("particle") is not None and title not in _UNDOTTED_PERSON_TITLES:
        return match.group()
    return _TITLES[title] + " "


def _may_have_phone(text: str, marks: _Marks) -> bool:
    """Whether _PHONE may match: an ASCII digit before " " and three digits,
    "-" and three digits, "-", a digit, "-" and a digit, or ")", an optional
    space and three digits; or "+" before a digit."""
    # Substring searches of the digit-marked bytes: fast scans, no regex.
    # (find, not "in": bytes.__contains__ first tries its argument as an
    # integer, and raises and clears an error each time.) UTF-8 keeps the
    # ASCII characters of any text as they are.
    marked = marks.marked_of(text) if text.isascii() else text.encode().translate(_DIGITS_TO_ZERO)
    if marked.find(b"0 000") != -1:
        return True
    if "-" in text and (marked.find(b"0-000") != -1 or marked.find(b"0-0-0") != -1):
        return True
    if ")" in text and (marked.find(b"0) 000") != -1 or marked.find(b"0)000") != -1):
        return True
    return "+" in text and marked.find(b"+0") != -1


def _say_phone(match: re.Match[str]) -> str:
    number = match.group()
    local, line = match.group("local", "line")
    if local is not None:
        # "555-0142" is a telephone number; "200-1000" a range unless a word
        # before says otherwise ("call 555-1234").
        before = match.string[: match.start()].split()
        cue = _bare_before(before[-1]) if before else ""
        if line[0] != "0" and int(line) > int(local) and cue not in _PHONE_CUES:
            return number
    groups = _LEFT_DIGITS.findall(number)
    if "-" in number and all(len(group) == 1 for group in groups):
        return " ".join(map(digits, groups))  # "9-1-1": "nine one one"
    return ("plus " if number[0] == "+" else "") + ", ".join(map(digits, groups))


def _say_by(match: re.Match[str]) -> str:
    return f"{match.group(1)} by {match.group(2)} metres"


def _say_airbus(match: re.Match[str]) -> str:
    number, suffix = match.group("n", "s")
    rest = "hundred" if number[1:] == "00" else cardinal(int(number[1:]))
    # "A-three": the hyphen has the letter read by its name, not as the article.
    words = f"A-{cardinal(int(number[0]))} {rest}"
    if suffix == "s":
        return _plural(words)
    return words + (" neo" if suffix else "")


def _say_season(match: re.Match[str]) -> str:
    first, second = int(match.group("y")), match.group("next")
    if len(second) == 4:
        if int(second) != first + 1:
            return match.group()
        return f"{year(first)} to {year(first + 1)}"
    if int(second) != (first + 1) % 100:
        return match.group()
    # "2027/28": "twenty twenty-seven to twenty-eight".
    if second == "00":
        return f"{year(first)} to {year(first + 1)}"
    tail = f"oh-{cardinal(int(second))}" if second[0] == "0" else cardinal(int(second))
    return f"{year(first)} to {tail}"


def _say_ratio(match: re.Match[str]) -> str:
    before = [_bare_before(w) for w in match.string[: match.start()].split()[-2:]]
    previous = before[-1] if before else ""
    owner = before[-2] if len(before) > 1 else ""
    following = _bare_after(_next_word(match))
    if (
        previous in _RATIO_BEFORE
        or following in _RATIO_AFTER
        or (previous in ("of", "at") and owner in _RATIO_OF)
    ):
        return f"{cardinal(int(match.group('a')))} to {cardinal(int(match.group('b')))}"
    return match.group()


def _days_of_months(text: str) -> str:
    """``_DAY_MONTH.sub``, a range of days before a match taken in ("9 to 11 March")."""
    out: list[str] = []
    done = 0
    for match in _DAY_MONTH.finditer(text):
        day = int(match.group("d"))
        if not 1 <= day <= 31:
            continue
        start = match.start()
        date = f"the {ordinal(day)} of {match.group('m')}"
        first = _FIRST_DAY.search(text, max(done, start - 12), start)
        if first is not None and 1 <= int(first.group("d")) < day:
            # "the ninth to the eleventh of September"
            start = first.start()
            date = f"the {ordinal(int(first.group('d')))} to {date}"
        if text[:start].rstrip().lower().endswith("the"):
            date = date[4:]
        out.append(text[done:start])
        out.append(date)
        done = match.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _say_month_day(match: re.Match[str]) -> str:
    month, day, last = match.group("m", "d", "d2")
    date = f"{month} {ordinal(int(day))}"
    if last is None:
        return date
    if int(day) < int(last) <= 31:
        return f"{date} to {ordinal(int(last))}"  # "September ninth to eleventh"
    return f"{date} to {last}"


def _say_iso_date(match: re.Match[str]) -> str:
    year_, month, day = match.groups()
    return f"{_MONTHS[int(month) - 1]} {int(day)}, {year_}"


def _say_roman(match: re.Match[str]) -> str:
    value = _ROMAN_VALUES[match.group("r")]
    word = match.group("w")
    if word in _ROMAN_CARDINAL_CUES:
        return f"{word} {cardinal(value)}"
    return f"{word} the {ordinal(value)}"


def _unshout(text: str, count: int | None = None) -> str:
    """Lower-case a text written in capitals, so its words are not spelled out.

    ``count``, when given, is ``len(text.split())``.
    """
    # Each shouted word has a capital: with few capitals, no need to look at words.
    if text.isascii():
        capitals = len(text) - len(text.encode().translate(None, _ASCII_CAPITALS))
        if count is None:
            count = len(text.split())
        if 2 * capitals <= count:
            return text
    words = text.split()
    shouted = sum(1 for w in words if len(w) > 1 and w.isupper())
    if len(words) < 4 or shouted * 2 <= len(words):
        return text
    return " ".join(
        w if w.strip(".,;:!?'\"()") in _SPELLED or not w.isupper() else w.capitalize()
        for w in words
    )


_ASCII_CAPITALS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _plural(words: str) -> str:
    if words.endswith("y"):
        return words[:-1] + "ies"
    return words + "s"


def _say_decade(match: re.Match[str]) -> str:
    century, decade = match.group("y"), match.group("d")
    if century is None:
        return _plural(cardinal(int(decade)))
    return _plural(year(int(century + decade)))


def _say_unicode_fraction(match: re.Match[str]) -> str:
    numerator, denominator = _UNICODE_FRACTIONS[match.group(2)]
    fraction = _fraction_words(numerator, denominator)
    if match.group(1):
        return f"{cardinal(int(match.group(1)))} and {fraction}"
    return fraction


def _fraction_words(numerator: int, denominator: int) -> str:
    if denominator == 2:
        unit = "half" if numerator == 1 else "halves"
    elif denominator == 4:
        unit = "quarter" if numerator == 1 else "quarters"
    else:
        unit = ordinal(denominator) + ("" if numerator == 1 else "s")
    return f"{'a' if numerator == 1 else cardinal(numerator)} {unit}"


def _say_fraction(match: re.Match[str]) -> str:
    whole, top, bottom = match.group(1), match.group(2), match.group(3)
    numerator, denominator = int(top), int(bottom)
    if 0 < numerator < denominator <= 10 and len(top) == len(top.lstrip("0")):
        fraction = _fraction_words(numerator, denominator)
        if whole:
            return f"{cardinal(int(whole))} and {fraction}"
        return fraction
    prefix = f"{cardinal(int(whole))} " if whole else ""
    # "24/7", "9/11", scores and dates are said as their numbers.
    return f"{prefix}{cardinal(numerator)} {cardinal(denominator)}"


def _say_number(match: re.Match[str]) -> str:
    # One call for the groups (number, scale, plural, glued) instead of four.
    number, scale, plural, glued = match.groups()
    glue = " " if glued is not None else ""
    if scale == "m":
        # "3m people" is millions, "the 100m final" metres.
        unit = _m_unit(match.string, match.start(), match.end(), number)
        if unit != "million" and len(number) == 4 and number[0] == "1" and number[2:] == "00":
            return f"{year(int(number))} {unit}{glue}"  # "the fifteen hundred metres"
        return f"{decimal(number)} {unit}{glue}"
    if scale:
        return f"{decimal(number)} {_SCALE_WORDS[scale.lower()]}{glue}"
    if plural:
        if len(number) == 3 and number in _THREE_DIGIT_NAMES:
            # "Boeing 747s": "seven four sevens".
            words = _say_three_digits(match.string, match.start(), match.end(), number)
            return _plural(words) + glue
        return _plural(decimal(number)) + glue
    if len(number) == 4 and number.isdigit() and _is_year(match):
        return year(int(number)) + glue
    if len(number) == 3 and number in _THREE_DIGIT_NAMES:
        return _say_three_digits(match.string, match.start(), match.end(), number) + glue
    start = match.start()
    if len(number) == 2 and number[0] == "0" and match.string[start - 1 : start] == "'":
        # "the class of '08": a year, "oh eight".
        return "oh " + ("oh" if number == "00" else cardinal(int(number[1]))) + glue
    return decimal(number) + glue


def _is_year(match: re.Match[str]) -> bool:
    return _is_year_at(match.string, match.start(), match.end(), int(match.group(1)))


def _is_year_at(text: str, start: int, end: int, value: int) -> bool:
    """Whether the four digits ``text[start:end]`` (``value``) are a year."""
    if not 1100 <= value <= 2099:
        return False
    before = text[:start].rstrip()
    previous = before.rsplit(None, 1)[-1].lower().strip(",(") if before else ""
    if previous == "to":
        # "2019-2021" (made "2019 to 2021" before): the end of a range is read
        # as its start is, so both are years or both are numbers.
        first = before[:-2].rstrip()
        head = first.rsplit(None, 1)[-1] if first else ""
        if len(head) == 4 and head.isascii() and head.isdigit() and 1100 <= int(head) < value:
            return _is_year_at(text, len(first) - 4, len(first), int(head))
    after = text[end:]
    following = after.split(None, 1)[0] if after.strip() else ""
    if previous in _QUANTITY_CUES:
        return False
    if previous in _YEAR_CUES or previous in _MONTH_NAMES_LOWER:
        return True
    if before.endswith(",") and previous.endswith(_ORDINAL_ENDINGS):
        return True
    if following[:1].islower() and following.strip(".,;:!?") not in _AFTER_YEAR:
        return False
    return 1900 <= value <= 2099 or previous in {"the", "to", "and"}


# -- "m": metres or millions -----------------------------------------------------


def _m_unit(text: str, start: int, end: int, number: str) -> str:
    """"million", "metres" or "metre" for ``text[start:end]``, a number written with "m".

    Millions unless the words around say metres: "£100m" never gets here (it
    is money), and "4m people" or "a 100m deal" are the common case, so an
    unclear "4m" stays "four million". Metres after a verb of motion or
    measurement ("rose 4m", "within 2m", "a leap of 6.43m"), before a word of
    size or place ("4m high") or a noun of races and structures ("the 100m
    final", "a 4m wall"), for a race distance after "the" or an event word
    ("the 1500m.", "the women's 800m"), and for a mark written to the
    centimetre ("6.63m") or with thousands separators ("5,000m"). A counted
    noun after it ("1.5m viewers", "5m euros") keeps millions first.
    """
    right = _m_right(text, end)
    if right == "million":
        return right
    one = number in {"1", "1.0"}
    if right:
        return "metre" if one else right
    left = _m_left(text, start, number, _phrase_ends(text, end))
    if left == "million":
        return left
    if left or _metre_shape(number):
        return "metre" if one else "metres"
    return "million"


def _m_right(text: str, end: int) -> str:
    """What the words after an "m" number say: "metre" (a noun it qualifies),
    "metres", "million" or "" (nothing)."""
    rest = text[end:]
    if rest[:1] == "-":
        # "a 4m-high wall", "a 100m-long pool": "a four metre high wall".
        word = _bare_after(rest[1:].split(None, 1)[0]) if rest[1:2].isalpha() else ""
        return "metre" if word in _METRE_AFTER or word in _METRE_NOUNS else ""
    if rest[:1] != " ":
        return ""
    words = rest.split(None, 3)
    if not words:
        return ""
    word = _bare_after(words[0])
    if word in _METRE_NOUNS:
        return "metre"
    if word in _METRE_AFTER:
        return "metres"
    if words[0][:1] == "(" and _IMPERIAL.match(rest) is not None:
        return "metres"  # "1.3m (4.2 feet)"
    ends = words[0][-1:] in _EDGE_MARKS
    second = _bare_after(words[1]) if len(words) > 1 and not ends else ""
    if word in _METRE_EVENT and not ends:
        # "the 100m world record", "my 60m world indoor silver medal"
        for later in map(_bare_after, words[1:3]):
            if later in _METRE_NOUNS:
                return "metre"
            if later not in _METRE_EVENT:
                break
    if word in _MILLION_AFTER or _is_plural(words[0]):
        return "million"
    if (
        (word == "to" and second == "go")
        or (word == "in" and second in _DIMENSIONS)
        or (word == "per" and second in _TIME_UNITS)
    ):
        return "metres"  # "with 500m to go", "10m in diameter", "17m per second"
    if word in ("and", "or", "to") and second:
        # "the 100m and 200m titles": the words after the last number decide.
        token = words[1].rstrip(_EDGE_MARKS)
        if _M_TOKEN.fullmatch(token) is not None:
            found = _m_right(text, text.index(token, end) + len(token))
            if not found and _metre_shape(token[:-1]):
                return "metres"  # "over 1500m and 5,000m"
            return "metres" if found == "metre" else found
    return ""


def _metre_shape(number: str) -> bool:
    """Whether an "m" number is written as metres are and millions are not: to
    the centimetre ("6.63m") or with thousands separators ("5,000m")."""
    whole, _, fraction = number.partition(".")
    return "," in whole or len(fraction) == 2


def _m_left(text: str, start: int, number: str, phrase_ends: bool) -> str:
    """What the words before an "m" number say: "metres", "million" or ""."""
    before = text[max(0, start - 80) : start].split()[-6:]
    words = [word for word in map(_bare_before, before) if word]
    index = len(words) - 1
    while index >= 0 and words[index] in _M_SKIPPED:
        index -= 1
    if index < 0:
        return ""
    previous = words[index]
    owner = words[index - 1] if index > 0 else ""
    if previous in _METRE_BEFORE:
        return "metres"
    if previous in _MILLION_BEFORE:
        return "million"
    if previous == "of":
        if owner in _METRE_OF:
            return "metres"  # "a leap of 6.43m"
        if owner in _MILLION_BEFORE:
            return "million"  # "a loss of 4.25m"
    if previous in ("and", "or", "to") and _M_TOKEN.fullmatch(owner) is not None:
        # "the 800m and 1500m": the words before the first number decide.
        at = text.rfind(owner, 0, start)
        if at != -1:
            found = _m_left(text, at, owner[:-1], phrase_ends)
            return found or ("metres" if _metre_shape(owner[:-1]) else "")
    if number.replace(",", "") in _RACE_DISTANCES:
        if previous in _METRE_EVENT and (phrase_ends or previous != "the"):
            return "metres"  # "He won the 1500m.", "the women's 800m"
        if previous in ("final", "last") and owner in _DETERMINERS:
            return "metres"  # "in the final 400m", "my final 200m of the night"
    return ""


def _say_unit(match: re.Match[str]) -> str:
    unit, sep, joined = match.group("u", "sep", "joined")
    if sep == "-" or joined:
        # Hyphens join the words of an adjective ("a twenty-kilometre strip").
        return f"{sep and '-'}{_UNIT_ADJECTIVES[unit]}{joined or ''}"
    return " " + _UNITS[unit]


def _say_metres(match: re.Match[str]) -> str:
    one = _ONE_BEFORE.search(match.string, max(0, match.start() - 3), match.start())
    return " metre" if one is not None else " metres"


def _phrase_ends(text: str, end: int) -> bool:
    """Whether no noun follows ``text[:end]``: a mark, the end, or a word such as "in"."""
    rest = text[end:]
    if rest[:1] != " ":
        return rest[:1] != "-"
    words = rest.split(None, 1)
    return not words or words[0].rstrip(_EDGE_MARKS).lower() in _PHRASE_GOES_ON


def _bare_after(word: str) -> str:
    """A word after a number, lower case, without marks or "'s" ("champion's" -> "champion")."""
    word = word.strip(_EDGE_MARKS).lower()
    return word[:-2] if word.endswith("'s") else word


def _bare_before(word: str) -> str:
    """A word before a number, lower case, without marks (an apostrophe stays: "women's")."""
    return word.strip(".,;:!?()[]\"").lower()


def _is_plural(word: str) -> bool:
    """Whether a word after a number is a lower-case plural noun ("4m voters")."""
    word = word.rstrip(_EDGE_MARKS)
    return (
        len(word) > 3
        and word.isalpha()
        and word.islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_PLURAL
    )


_EDGE_MARKS = ".,;:!?()[]\"'"
_DIMENSIONS = frozenset(["diameter", "length", "height", "depth", "width", "circumference"])
_TIME_UNITS = frozenset(["second", "minute", "hour"])
_DETERMINERS = frozenset(["the", "a", "my", "his", "her", "their", "its", "our", "your"])
# A length in feet or the like in brackets after the number (units said by now).
_IMPERIAL = re.compile(r" \(\d[\d.,]*\s?(?:ft|feet|foot|in|inches|yards|miles)\b")


# -- three digits said as digits ---------------------------------------------------

# Emergency numbers ("called 999", "a 911 call") and Boeing's airliners ("Boeing 737").
_THREE_DIGIT_NAMES = frozenset(
    ["911", "999", "112", "707", "717", "727", "737", "747", "757", "767", "777", "787"]
)
_DIAL_WORDS = frozenset(
    """call called calling calls dial dialled dialed dialling dialing ring rang ringing
    phone phoned phoning""".split()  # noqa: SIM905
)
_EMERGENCY_AFTER = frozenset(
    """call calls caller callers operator operators dispatcher dispatchers dispatch
    service services line lines system centre center emergency tape tapes recording
    recordings""".split()  # noqa: SIM905
)
_AIRCRAFT_AFTER = frozenset(
    """max jet jets jetliner jetliners airliner airliners plane planes aircraft dreamliner
    dreamliners freighter freighters""".split()  # noqa: SIM905
)
_NINE_ELEVEN_AFTER = frozenset(["attack", "attacks", "commission", "anniversary", "memorial"])


def _say_three_digits(text: str, start: int, end: int, number: str) -> str:
    """Words for one of :data:`_THREE_DIGIT_NAMES`: digit by digit when it is a name."""
    before = text[max(0, start - 40) : start].split()
    previous = _bare_before(before[-1]) if before else ""
    following = _bare_after(text[end:].split(None, 1)[0]) if text[end : end + 1] == " " else ""
    if number[0] == "7":
        if previous in ("boeing", "boeing's") or following in _AIRCRAFT_AFTER:
            return digits(number)  # "Boeing 737": "seven three seven"
        return cardinal(int(number))
    if previous in _DIAL_WORDS or (number != "112" and following in _EMERGENCY_AFTER):
        return digits(number)  # "called 999", "a 911 call" (but "112 calls" counts them)
    if number == "911":
        if following in _NINE_ELEVEN_AFTER or previous == "porsche":
            return "nine eleven"  # "the 911 attacks", "a Porsche 911"
        counted = following in _MILLION_AFTER or _is_plural(following)
        # The American emergency number, unless it counts something ("911 people").
        return cardinal(911) if counted or previous in _QUANTITY_CUES else digits(number)
    return cardinal(int(number))


_MONTH_NAMES_LOWER = frozenset(m.lower() for m in _MONTHS)
_ORDINAL_ENDINGS = ("first", "second", "third", "th")


def _say_brackets(match: re.Match[str]) -> str:
    inner = match.group(1).strip()
    return f", {inner}," if inner else ""


# Acronyms with a spoken name of their own.
_SAID_AS = {"FTSE": "Footsie", "NYSE": "N-Y-S-E", "ASAP": "A-S-A-P", "WHO": "W-H-O"}


def _say_acronym(match: re.Match[str]) -> str:
    word, plural = match.group("w"), match.group("s")
    if word in _SAID_AS:
        return _SAID_AS[word] + (plural or "")
    if _is_pronounceable(word):
        return match.group()
    letters = "-".join(word)
    if plural:
        letters += "'s"
    return letters


def _is_pronounceable(word: str) -> bool:
    if word in _PRONOUNCEABLE:
        return True
    if word in _SPELLED or len(word) < 4:
        return False
    if len(word) > 6:
        return True  # shouted words, not initials
    vowels = sum(c in _VOWELS for c in word)
    if vowels < 2 or (word[0] in _VOWELS and word[1] in _VOWELS):
        return False
    run = 0
    for char in word:
        run = 0 if char in _VOWELS else run + 1
        if run >= 3:
            return False
    return True


def _say_word_slash(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    if left.lower() == "and" and right.lower() == "or":
        return "and or"
    return f"{left} or {right}"
