"""Roles and kinds: a second, editor's reading of the entities found.

:func:`~newsbrief.text.entities.find_entities` reads names from capitalised
runs. This module reads the words *around* each name, which is where an
article says who someone is, and fixes what a run alone cannot tell:

* **Roles written before a name** in lower or title case: "union leader Marta
  Quill", "Port Authority chief executive Ines Hallworth", "Chief executive
  Oskar Lindqvist", "Gov. Harriet Lyle" (-> "Governor"). The phrase ends in a
  role noun (``data/role_heads.txt``) and may be qualified by organisation
  words, capitalised names and modifiers (``data/role_modifiers.txt``).
  Words of such a phrase taken as entities of their own ("Chief",
  "Opposition", "Gov") are dropped; an organisation named in it ("Rovers" in
  "Rovers manager") becomes a mention of that organisation.
* **Appositive roles**: "Amos Kettering, the agency's chief engineer, said",
  "X, 54, a former judge", "Its chairwoman, Ingrid Solberg," (-> "Shipping
  Federation chairwoman" when the organisation "its" stands for is named just
  before). Relative clauses are not part of a role ("a former judge who
  became ..." -> "former judge").
* **Kinds from head words** (``data/name_heads.tsv``): "Port Halden" is a
  place, "Halden Courier" an organisation, "Carrow City" a team when the
  sentence talks of a match, a place after "in" or "of", else an organisation
  ("Circuit City said"); "Halden Dockers' Union" is one
  organisation, not a person "Halden Dockers" and a "Union"; a name used as
  "the state of X" or "X's foreign minister" is a place. A name with a given
  name, a title or a role is never re-kinded.
* **Sentence starters**: a capitalised word with no kind evidence that only
  ever opens a sentence and is followed by a lower-case word ("Dock workers",
  "Trade between") is an ordinary word, not an entity. The plural of a role
  noun ("Nurses said") is a group, not a person: it is kept as "other".
* **Cut names**: "Halden" left over from a sentence-initial "Port Halden"
  joins "Port Halden"; a lone surname joins the one person who bears it.

All word lists are package data; nothing here is tuned to particular names.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from newsbrief.model import Entity, EntityKind, Span
from newsbrief.text.knowledge import Knowledge, data_lines, knowledge
from newsbrief.text.tokens import clause_before
from newsbrief.text.tokens import new_entity as _entity

__all__ = ["RoleLexicon", "refine_entities", "role_lexicon", "role_spans", "title_start"]

PERSON: Final = EntityKind.PERSON
ORG: Final = EntityKind.ORGANIZATION
PLACE: Final = EntityKind.PLACE
OTHER: Final = EntityKind.OTHER

_START: Final = operator.attrgetter("start", "end")
_KINDS: Final = {"person": PERSON, "organization": ORG, "place": PLACE, "other": OTHER}


@attrs.frozen(slots=True)
class RoleLexicon:
    """Word lists for reading roles and kinds (see the module docstring).

    Attributes:
        heads: Lower-case nouns that end a role ("leader", "striker").
        modifiers: Lower-case words that may qualify a role before its head.
        abbreviations: Abbreviated titles ("gov.") and their expansions.
        place_first: First words that make a name a place ("port").
        org_first: First words that make a name an organisation ("sporting").
        org_last: Last words that make a name an organisation ("courier").
        place_last: Last words that make a name a place ("harbour").
        facility_last: Last words that make a name a place even after a given
            name ("Victoria Street", "King Khalid International Airport").
        place_after: Lower-case words after a one-word name that make it a place.
        place_before: Word pairs before a name that make it a place ("state of").
        org_before: Lower-case nouns right before a one-word name that make it
            an organisation ("firm", "network").
        org_after: Lower-case nouns right after a one-word name that make it
            an organisation ("newspaper").
        role_words: Words that name what someone is in an appositive: role
            nouns, relations ("widow") and the words of titles that name a
            role on their own ("king", "member"); not those that only qualify
            one ("under", "first", "foreign", "top").
        relations: Nouns of a relation between people ("wife") and the
            gender each implies ("m", "f" or "?").
        ranks: Military ranks and academic grades ("general", "gen.",
            "professor"), dropped after a role noun ("commander General").
        of_titles: Titles of words joined by "of" ("member of parliament"),
            by their last word, written in lower case before a name too.
        verb_roles: Verbs of a post ("chairs") and the role noun each gives
            ("chair"), read from "X, who chairs the Y".
    """

    heads: frozenset[str]
    modifiers: frozenset[str]
    abbreviations: Mapping[str, str]
    place_first: frozenset[str]
    org_first: frozenset[str]
    org_last: frozenset[str]
    place_last: frozenset[str]
    facility_last: frozenset[str]
    place_after: frozenset[str]
    place_before: frozenset[str]
    org_before: frozenset[str]
    org_after: frozenset[str]
    role_words: frozenset[str]
    relations: Mapping[str, str]
    ranks: frozenset[str]
    of_titles: Mapping[str, tuple[str, ...]]
    verb_roles: Mapping[str, str]


@functools.cache
def role_lexicon() -> RoleLexicon:
    """Load the role and head-word lists (once per process)."""
    abbreviations: dict[str, str] = {}
    for line in data_lines("role_abbreviations.tsv"):
        short, _, full = line.partition("\t")
        abbreviations[short.strip().lower()] = full.strip()
    heads_by: dict[tuple[str, EntityKind], set[str]] = {}
    for line in data_lines("name_heads.tsv"):
        where, word, kind = (part.strip() for part in line.split("\t"))
        heads_by.setdefault((where, _KINDS[kind]), set()).add(word.lower())

    def words(where: str, kind: EntityKind) -> frozenset[str]:
        return frozenset(heads_by.get((where, kind), ()))

    heads = frozenset(w.lower() for w in data_lines("role_heads.txt"))
    relations: dict[str, str] = {}
    for line in data_lines("relations.tsv"):
        noun, _, gender = line.partition("\t")
        relations[noun.strip()] = gender.strip()
    kb = knowledge()
    of_titles: dict[str, list[str]] = {}
    for title in sorted(kb.titles):
        if " of " in title:
            of_titles.setdefault(title.rsplit(None, 1)[-1], []).append(title)
    return RoleLexicon(
        heads=heads,
        modifiers=frozenset(w.lower() for w in data_lines("role_modifiers.txt")),
        abbreviations=MappingProxyType(abbreviations),
        place_first=words("first", PLACE),
        org_first=words("first", ORG),
        org_last=words("last", ORG),
        place_last=words("last", PLACE),
        facility_last=words("facility", PLACE),
        place_after=words("after", PLACE),
        place_before=words("before", PLACE),
        org_before=words("before", ORG),
        org_after=words("after", ORG),
        # A role noun, a relation, or a title's last word ("Secretary" of
        # "Under Secretary").
        role_words=heads | frozenset(relations) | (kb.title_words & (kb.title_ends | {"member"})),
        relations=MappingProxyType(relations),
        ranks=frozenset(w.lower() for w in data_lines("ranks.txt")),
        of_titles=MappingProxyType({k: tuple(v) for k, v in of_titles.items()}),
        verb_roles=MappingProxyType({
            verb.strip(): noun.strip()
            for verb, _, noun in (line.partition("\t") for line in data_lines("role_verbs.tsv"))
        }),
    )


class Draft:
    """An entity while it is being found and refined.

    The recogniser (:mod:`newsbrief.text.entities`) builds its groups of
    mentions as Drafts (lists while it adds to them); ``changed`` tells
    whether anything was edited: an unchanged one becomes its ``source`` (an
    :class:`Entity` passed in) or, when it came straight from the recogniser,
    an entity of exactly its fields (aliases already in order, mentions
    sorted); a changed one has its aliases and mentions sorted and
    deduplicated again. Made by :func:`new_draft`.
    """

    __slots__ = ("aliases", "changed", "headline", "kind", "mentions", "name", "order", "role",
                 "source")
    name: str
    kind: EntityKind
    aliases: Sequence[str]
    role: str | None
    mentions: Sequence[Span]
    headline: Sequence[Span]
    order: float
    changed: bool
    source: Entity | None

    def touch(self) -> None:
        self.changed = True

    def edit_mentions(self) -> list[Span]:
        """The mentions as a list to change (the entity counts as changed)."""
        self.changed = True
        if not isinstance(self.mentions, list):
            self.mentions = list(self.mentions)
        return self.mentions

    def add_alias(self, alias: str) -> None:
        self.changed = True
        self.aliases = [*self.aliases, alias]

    def absorb(self, other: Draft) -> None:
        """Take ``other``'s body mentions, in order, and its name as an alias."""
        mentions = self.edit_mentions()
        mentions.extend(other.mentions)
        mentions.sort(key=_START)
        self.add_alias(other.name)

    def to_entity(self) -> Entity:
        if not self.changed:
            if self.source is not None:
                return self.source
            return _entity(self.name, self.kind, tuple(self.aliases), self.role,
                           tuple(self.mentions), tuple(self.headline))
        aliases = tuple(
            sorted({a for a in self.aliases if a != self.name}, key=lambda a: (-len(a), a))
        )
        return _entity(self.name, self.kind, aliases, self.role,
                       tuple(sorted(set(self.mentions), key=_START)), tuple(self.headline))


def new_draft(
    name: str,
    kind: EntityKind,
    aliases: Sequence[str],
    role: str | None,
    mentions: Sequence[Span],
    headline: Sequence[Span],
    order: float,
    *,
    changed: bool = False,
    source: Entity | None = None,
) -> Draft:
    """A new :class:`Draft`, the only way to make one.

    A plain function rather than ``Draft.__init__``: a class whose
    ``__init__`` is Python code costs an extra interpreter frame per object
    on the recogniser's hot path.
    """
    # Draft has no __init__: Draft() is object.__new__ in Python and a native
    # constructor in the compiled build (Draft.__new__(Draft) is a method call
    # there; object.__new__(Draft) is refused).
    draft = Draft()
    draft.name = name
    draft.kind = kind
    draft.aliases = aliases
    draft.role = role
    draft.mentions = mentions
    draft.headline = headline
    draft.order = order
    draft.changed = changed
    draft.source = source
    return draft


def refine_entities(
    body: str,
    entities: Sequence[Entity],
    sentence_starts: Iterable[int] = (),
    headline: str = "",
) -> tuple[Entity, ...]:
    """Fix roles and kinds of ``entities`` from the words around their mentions.

    Args:
        body: The article body the entities' mentions point into.
        entities: Entities as found in ``body`` (most mentioned first).
        sentence_starts: Offsets of sentence starts in ``body``, when known.
        headline: The headline that ``Entity.headline_mentions`` point into.

    Returns:
        The entities with roles filled in, kinds corrected and sentence-starting
        common words dropped; most mentioned first, ties in the given order.
        Entities that needed no change are returned as they were.
    """
    if not entities or not body:
        return tuple(entities)
    ents = [
        new_draft(e.name, e.kind, e.aliases, e.role, e.mentions, e.headline_mentions, i, source=e)
        for i, e in enumerate(entities)
    ]
    ents = _refined(body, ents, frozenset(sentence_starts), headline)
    if len(ents) == len(entities) and not any([e.changed for e in ents]):
        return tuple(entities)
    return _entities(ents)


def refine(
    body: str, ents: list[Draft], starts: frozenset[int], headline: str
) -> tuple[Entity, ...]:
    """:func:`refine_entities` on entities still being built (see :class:`Draft`),
    most mentioned first; each becomes an :class:`Entity` once, at the end."""
    if body:
        ents = _refined(body, ents, starts, headline)
    return _entities(ents)


def _refined(body: str, ents: list[Draft], starts: frozenset[int], headline: str) -> list[Draft]:
    if not ents:
        return ents
    kb = knowledge()
    lex = role_lexicon()
    ents = _merge_plural_possessives(body, ents, kb)
    ents = _join_surnames(body, headline, ents, kb)
    ents = _join_given_names(body, ents, kb)
    _fix_kinds(body, ents, kb, lex)
    _find_roles(body, ents, kb, lex)
    return _drop_sentence_starters(body, ents, starts, lex)


def _entities(ents: list[Draft]) -> tuple[Entity, ...]:
    """The entities that still have mentions, most mentioned first."""
    kept = [e for e in ents if e.mentions or e.headline]
    kept.sort(key=_rank)
    return tuple([e.to_entity() for e in kept])


def _rank(ent: Draft) -> tuple[int, float]:
    """Most mentioned first, ties in the order the entities came."""
    return -len(ent.mentions) - len(ent.headline), ent.order


# -- plural possessives ------------------------------------------------------

# "Halden Dockers' Union", "St. Brennan's Hospital": a possessive inside a name.
_POSSESSIVE_NAME: Final = re.compile(r"(['’]s?)[ \t]+((?:[A-Z][\w\-]*[ \t]+){0,2}[A-Z][\w\-]*)")
_SAINT: Final = frozenset(("st", "st.", "saint"))
_APOSTROPHES: Final = frozenset(("'", "’"))


def _merge_plural_possessives(body: str, ents: list[Draft], kb: Knowledge) -> list[Draft]:
    merged: dict[str, Draft] = {}
    lex = role_lexicon()
    for ent in ents:
        name = ent.name
        # Only a plural ("Dockers'"), a saint ("St. Brennan's") or a title
        # ("King's Street", "Queen's Park") can own a name.
        titled = " " not in name and name.lower() in kb.title_words
        if not name.endswith("s") and not titled and (
            name[:1] not in "Ss" or name.partition(" ")[0].lower() not in _SAINT
        ):
            continue
        if ent.kind is not PERSON and ent.kind is not OTHER and not titled:
            continue
        for s in ent.mentions:
            if body[s.end : s.end + 1] in _APOSTROPHES:
                break
        else:
            continue  # no mention is followed by an apostrophe
        if strong_person(ent, kb):
            continue
        for span in list(ent.mentions):
            match = _POSSESSIVE_NAME.match(body, span.end)
            if match is None:
                continue
            text = body[span.start : span.end]
            mark, tail = match.group(1), match.group(2)
            tail_last = tail.split()[-1].lower()
            kind = ORG if tail_last in kb.org_keywords else (
                PLACE if tail_last in kb.place_keywords or tail_last in lex.place_last
                or tail_last in lex.facility_last else None)
            if kind is None:
                continue
            plural = len(mark) == 1 and text.endswith("s")
            saint = mark[1:] == "s" and (
                titled or text.partition(" ")[0].lower() in _SAINT
            )
            if not plural and not saint:
                continue
            new_span = Span(span.start, match.end())
            full = body[new_span.start : new_span.end]
            target = merged.get(full.lower())
            if target is None:
                target = new_draft(full, kind, [], None, [], (), ent.order + 0.5, changed=True)
                merged[full.lower()] = target
            target.edit_mentions().append(new_span)
            ent.edit_mentions().remove(span)
    if not merged:
        return ents
    for target in merged.values():
        _take_bracketed_initials(body, target, ents)
    for ent in ents:
        if ent.mentions and ent.kind is PERSON and ent.name.partition(" ")[0].lower() in _SAINT:
            _take_saint_short_form(body, ent, merged)
    spans = [s for m in merged.values() for s in m.mentions]
    for ent in ents:
        inside = [s for s in ent.mentions if _covered(s, spans)]
        if inside:
            mentions = ent.edit_mentions()
            for s in inside:
                mentions.remove(s)
        if ent.changed and ent.mentions:
            _rename_from_mentions(body, ent, kb)
    return ents + list(merged.values())


def _take_saint_short_form(body: str, ent: Draft, merged: Mapping[str, Draft]) -> None:
    """Move the mentions "St Columba's" left alone ("At St Columba's,
    patients ...") to the one place or body named after that saint in the
    story ("St Columba's Hospital"): no person is meant."""
    name = ent.name.lower()
    owners = [t for key, t in merged.items() if key.startswith((name + "'s ", name + "’s "))]
    if len(owners) != 1:
        return
    moved = [s for s in ent.mentions if body[s.end : s.end + 2] in ("'s", "’s")]
    if len(moved) != len(ent.mentions):
        return
    owners[0].edit_mentions().extend(moved)
    ent.edit_mentions().clear()


_BRACKETED_INITIALS: Final = re.compile(r"[ \t]+\(([A-Z]{2,6})\)")


def _take_bracketed_initials(body: str, target: Draft, ents: list[Draft]) -> None:
    """Join to a name just rebuilt around a plural possessive the initials
    written after it ("Ardenian Nurses' Association (ANA)"): the recogniser,
    which links such initials, saw the name in two pieces."""
    initials = "".join(w[0] for w in target.name.split() if w[:1].isupper())
    for span in target.mentions:
        match = _BRACKETED_INITIALS.match(body, span.end)
        if match is None or match.group(1) != initials:
            continue
        for ent in ents:
            if ent.name == initials and ent.kind is not PLACE:
                target.edit_mentions().extend(ent.mentions)
                target.add_alias(initials)
                ent.edit_mentions().clear()
                return
        return


def _covered(span: Span, spans: Sequence[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end for o in spans)


def _rename_from_mentions(body: str, ent: Draft, kb: Knowledge) -> None:
    """After some mentions left an entity, name it by what is left."""
    forms = {body[s.start : s.end] for s in ent.mentions}
    if ent.name in forms:
        return
    name = max(forms, key=lambda f: (len(f.split()), len(f), f))
    ent.name = name
    ent.aliases = sorted(forms - {name})
    if ent.kind is PERSON and not _by_given_name(name, kb):
        key = name.lower()
        ent.kind = PLACE if key in kb.places else ORG if key in kb.organizations else OTHER


def _join_surnames(body: str, headline: str, ents: list[Draft], kb: Knowledge) -> list[Draft]:
    """A one-word name left without a kind that is the surname of exactly one
    person known by a given name or a role ("Christie" after "Chris
    Christie") is that person; one whose first word was cut off as a sentence
    starter ("Port" of "Port Halden") is the name the article spells out."""
    loose = [e for e in ents if e.kind is OTHER and " " not in e.name and e.mentions]
    if not loose:
        return ents
    surnames: dict[str, list[Draft]] = {}
    full_names: dict[str, Draft] = {}
    for ent in ents:
        name = ent.name
        if " " not in name:
            continue
        if ent.kind is PERSON and strong_person(ent, kb):
            surnames.setdefault(name.rpartition(" ")[2].lower(), []).append(ent)
        if ent.mentions:
            full_names.setdefault(name.lower(), ent)
    # The last words of the longer names: a cut name is one of them.
    tails = {key.rpartition(" ")[2] for key in full_names}
    gone: set[int] = set()
    for ent in loose:
        first = ent.mentions[0].start
        # A cut name follows the word cut off (the cheap halves of the test first).
        if (
            body[first - 1 : first] in _BLANKS
            and ent.name.lower() in tails
            and _join_cut_name(body, headline, ent, full_names)
        ):
            gone.add(id(ent))
            continue
        owners = surnames.get(ent.name.lower(), [])
        if len(owners) != 1:
            continue
        owner = owners[0]
        owner.absorb(ent)
        owner.headline = tuple(sorted({*owner.headline, *ent.headline}, key=_START))
        gone.add(id(ent))
    return [e for e in ents if id(e) not in gone] if gone else ents


_BLANKS: Final = (" ", "\t")
# Words after a name that make it a place or a body ("Victoria police").
_PLACE_NOUNS_AFTER: Final = re.compile(r"[ \t]+(?:police|state|city|county|airport|region)\b")


def _place_use(body: str, span: Span) -> bool:
    """Whether a mention reads as a place: after "in", "to"..., before
    "police", or in a list ("Stockholm, Milan and Paris")."""
    return (
        _after_place_word(body, span)
        or body[span.start - 2 : span.start] == ", "
        or body.startswith((", ", " and "), span.end)
        or _PLACE_NOUNS_AFTER.match(body, span.end) is not None
    )


def _join_given_names(body: str, ents: list[Draft], kb: Knowledge) -> list[Draft]:
    """A one-word place or "other" that is the given name of exactly one
    person in the story, and never follows "in", "to", "from"..., is that
    person ("Sofia was kind" after "Sofia Lindqvist", not the city)."""
    loose = [e for e in ents if (e.kind is PLACE or e.kind is OTHER) and " " not in e.name
             and e.mentions and e.name.lower() in kb.given_names]
    if not loose:
        return ents
    # The people of each given name, found once rather than once per loose name.
    by_given: dict[str, list[Draft]] = {}
    for p in ents:
        if p.kind is PERSON and " " in p.name:
            by_given.setdefault(p.name.partition(" ")[0].lower(), []).append(p)
    gone: set[int] = set()
    for ent in loose:
        owners = by_given.get(ent.name.lower(), [])
        if len(owners) != 1 or any(_place_use(body, s) for s in ent.mentions):
            continue
        owners[0].absorb(ent)
        gone.add(id(ent))
    return [e for e in ents if id(e) not in gone] if gone else ents


def _join_cut_name(body: str, headline: str, ent: Draft, full_names: Mapping[str, Draft]) -> bool:
    """Move every mention of ``ent`` that the word before it completes into a
    longer name found elsewhere ("Halden" after a sentence-initial "Port" ->
    "Port Halden"); True when all were moved (none is left)."""
    moved: list[tuple[Span, Draft, bool]] = []
    for text, spans, in_headline in ((body, ent.mentions, False), (headline, ent.headline, True)):
        for span in spans:
            if text[span.start - 1 : span.start] not in (" ", "\t"):
                return False
            words = text[max(0, span.start - 20) : span.start].split()
            owner = full_names.get(f"{words[-1]} {ent.name}".lower()) if words else None
            if owner is None:
                return False
            moved.append((Span(span.start - 1 - len(words[-1]), span.end), owner, in_headline))
    for span, owner, in_headline in moved:
        if in_headline:
            owner.headline = tuple(sorted({*owner.headline, span}, key=_START))
            owner.touch()
        else:
            mentions = owner.edit_mentions()
            mentions.append(span)
            mentions.sort(key=_START)
    return bool(moved)


# -- kinds from head words -----------------------------------------------------

_SPORTS: Final = re.compile(
    r"\b(?:\d{1,2}-\d{1,2}|beat|beats|beaten|against|vs?\.?|draw|drew|defeat|defeated|win|won|"
    r"lost|match|game|fixture|league|cup|final|semi-final|goal|goals|season|striker|manager|"
    r"coach|fans|supporters|relegation|promotion|title)\b",
    re.IGNORECASE,
)




def _by_given_name(name: str, kb: Knowledge) -> bool:
    """Whether a name opens with a given name (a longer list is trusted when
    more words follow: "Alberto Tomba", not a lone "Chelsea")."""
    first, space, _ = name.partition(" ")
    return first.lower() in (kb.forenames if space else kb.given_names)


def strong_person(ent: Draft, kb: Knowledge) -> bool:
    """Whether ``ent`` is surely a person: it has a role or opens with a given name."""
    return ent.role is not None or _by_given_name(ent.name, kb)


def _fix_kinds(body: str, ents: list[Draft], kb: Knowledge, lex: RoleLexicon) -> None:
    for ent in ents:
        if ent.kind is not PERSON and ent.kind is not OTHER:
            continue
        if not ent.mentions:
            continue
        if (
            ent.kind is PERSON and ent.role is None and _quoted_title(body, ent.mentions)
            and not _by_given_name(ent.name, kb)  # '"Jon," she said': a name all the same
        ):
            ent.kind = OTHER  # 'for "Paper Lanterns,"': the title of a work
            ent.touch()
            continue
        kind: EntityKind | None = None
        facility = False
        by_head = " " in ent.name
        if not by_head and ent.name.lower() in lex.facility_last:
            kind = PLACE  # "Building" cut from "Empire State Building"
            facility = True
        elif by_head:
            words = ent.name.lower().split()
            if words[0] in lex.place_first:
                kind = PLACE
            elif words[0] in lex.org_first:
                kind = ORG  # "Sporting Valmera", "Dynamo Tarnow": a club
            elif words[-1] in lex.org_last:
                kind = ORG
            elif words[-1] in lex.place_last and not ent.name.rpartition(" ")[2].isupper():
                # (not "Ford Focus ST": a head word in capitals is an acronym)
                kind = PLACE
            elif words[-1] in lex.facility_last:
                facility = True
                # "Crystal Palace beat Stoke 2-1": a team, like "Carrow City" below.
                kind = ORG if words[-1] == "palace" and any(
                    _sports_sentence(body, s) for s in ent.mentions) else PLACE
            elif words[-1] == "city":
                # "Carrow City" won 2-1; "the mayor of Ashby City"; "Circuit City" said.
                if any(_sports_sentence(body, s) for s in ent.mentions):
                    kind = ORG
                elif any(_after_place_word(body, s) for s in ent.mentions):
                    kind = PLACE
                else:
                    kind = ORG
            elif ent.kind is PERSON and ent.role is None and not _by_given_name(ent.name, kb):
                # "the village of Tal Amir", "the consultancy Tallis Cyber"; not
                # someone also called "Ms Cole", nor after a role noun
                # ("broadcaster Ann Cole", "Leeds-based Ann Cole")
                kind = _place_by_context(body, ent.mentions, lex, after=False) or (
                    _org_by_context(body, ent.mentions, lex, person_words=True)
                )
                if kind is not None and _addressed(body, ent.name.rpartition(" ")[2], kb):
                    kind = None
        elif ent.kind is OTHER and not _HYPHEN_LOWER.search(ent.name):
            kind = _place_by_context(body, ent.mentions, lex) or _org_by_context(
                body, ent.mentions, lex
            )
        elif ent.role is None:
            if ent.kind is PERSON and ent.name.lower() in kb.faiths:
                ent.kind = OTHER  # "a Christian family": no person, given name or not
                ent.touch()
                continue
            kind = _org_by_context(body, ent.mentions, lex)
        if kind is None or kind is ent.kind:
            continue
        if _by_given_name(ent.name, kb) and not facility:
            continue  # "Jack Port" is a person
        if ent.role is not None and not (by_head and ent.kind is PERSON) and not facility:
            continue  # a role makes a person, unless the name's head word says otherwise
        if facility and ent.role is not None:
            _take_title_back(body, ent, ent.role)
        ent.kind = kind
        ent.role = None
        ent.touch()


def _take_title_back(body: str, ent: Draft, title: str) -> None:
    """Put back the words read as a title before a place's name ("King" of
    "King Khalid International Airport", "Empire State" of "Empire State
    Building") where they stand right before a mention."""
    mentions = ent.edit_mentions()
    grown = False
    for k, span in enumerate(mentions):
        at = span.start - len(title) - 1
        if at >= 0 and body[at : span.start] == title + " ":
            mentions[k] = Span(at, span.end)
            grown = True
    if grown:
        ent.name = f"{title} {ent.name}"


_OPEN_QUOTES: Final = frozenset(("\"", "“", "‘", "'"))
_CLOSE_QUOTES: Final = frozenset(("\"", "”", "’", "'"))


def _quoted_title(body: str, mentions: Sequence[Span]) -> bool:
    """Whether every mention fills a pair of quotation marks on its own, a
    closing comma or full stop aside ('"Paper Lanterns,"', '"Extra Time."'):
    the title of a film, book or song, not a person."""
    for span in mentions:
        if body[span.start - 1 : span.start] not in _OPEN_QUOTES:
            return False
        end = span.end
        if body[end : end + 1] in (",", ".", "!", "?"):
            end += 1
        if body[end : end + 1] not in _CLOSE_QUOTES:
            return False
    return True


_PLACE_WORDS: Final = frozenset(
    ("in", "at", "from", "of", "near", "to", "into", "outside", "across")
)


def _after_place_word(body: str, span: Span) -> bool:
    words = body[max(0, span.start - 12) : span.start].split()
    return bool(words) and words[-1].lower() in _PLACE_WORDS


_HYPHEN_LOWER: Final = re.compile(r"-[a-z]")  # "Syrian-backed", "U.S.-led": not names of places


def _sports_sentence(body: str, span: Span) -> bool:
    lo = max(body.rfind(".", max(0, span.start - 200), span.start), span.start - 200, 0)
    hi_dot = body.find(".", span.end, span.end + 200)
    hi = hi_dot if hi_dot >= 0 else min(len(body), span.end + 200)
    return _SPORTS.search(body, lo, span.start) is not None or (
        _SPORTS.search(body, span.end, hi) is not None
    )


_BEFORE_PLACE_ENDS: Final = frozenset(("f ", ", "))
_POSSESSIVE_ENDS: Final = frozenset(("'s", "’s"))
_NEXT_WORD: Final = re.compile(r"(?:['’]s)?[ \t]+([A-Za-z][\w\-]*)")


def _place_by_context(
    body: str, mentions: Sequence[Span], lex: RoleLexicon, *, after: bool = True
) -> EntityKind | None:
    """A name used as a place: "the Eastmoor coast", "the state of Marlow"
    (only the words before it when not ``after``)."""
    for span in mentions[:4]:
        following = _NEXT_WORD.match(body, span.end, span.end + 40) if after else None
        if following is not None:
            word: str = following.group(1)  # (typed: str primitives in the compiled build)
            if word.lower() in lex.place_after:
                return PLACE
        if body[span.start - 2 : span.start] not in _BEFORE_PLACE_ENDS:
            continue  # every "before" phrase ends in "of" or a comma
        if not after and body[span.end : span.end + 2] in _POSSESSIVE_ENDS:
            continue  # "the state of Kim Jong-un's health": a person's

        pair = body[max(0, span.start - 30) : span.start].lower().split()[-2:]
        if pair and (" ".join(pair) in lex.place_before or pair[-1] in lex.place_before):
            return PLACE
    return None


def _addressed(body: str, surname: str, kb: Knowledge) -> bool:
    """Whether ``surname`` follows a courtesy title somewhere ("Ms Cole")."""
    at = body.find(" " + surname)
    while at > 0:
        words = body[max(0, at - 6) : at].split()
        if words and words[-1].rstrip(".").lower() in kb.honorifics:
            return True
        at = body.find(" " + surname, at + 1)
    return False


def _org_by_context(
    body: str, mentions: Sequence[Span], lex: RoleLexicon, *, person_words: bool = False
) -> EntityKind | None:
    """A one-word name used as a company: "sportswear firm Umbro", "the
    Kommersant newspaper". With ``person_words`` (a longer name taken for a
    person's) not after a role noun ("broadcaster X") or "-based"."""
    if mentions[0].end - mentions[0].start < 2:
        return None  # "group C" names a group of teams
    for span in mentions[:4]:
        after = _NEXT_WORD.match(body, span.end, span.end + 40)
        if after is not None:
            word: str = after.group(1)  # (typed: str primitives in the compiled build)
            if word in lex.org_after:
                return ORG
            if word.lower() in lex.place_after:
                return None  # "the giant Krasnoyarsk region"
        if body[span.start - 1 : span.start] == " ":
            before = body[max(0, span.start - 24) : span.start].split()
            if person_words and before and (
                before[-1] in lex.heads or before[-1].endswith(("-based", "maker"))
            ):
                continue  # "broadcaster Ann Cole", "documentary maker Ann Cole"
            if before and (before[-1] in lex.org_before or before[-1].endswith("-based")):
                return ORG  # "sportswear firm Umbro", "Tarvik-based Northwind"
        if body[span.end : span.end + 1] == ",":
            appositive = _ORG_APPOSITIVE.match(body, span.end, span.end + 60)
            if appositive is not None and appositive.group(1) in lex.org_before:
                return ORG  # "Halden Strategy, a consultancy whose clients ..."
    return None


# ", a (small) consultancy whose", ", a sportswear firm based in": the noun
# ends the phrase or opens a clause ("a firm believer", "a company director"
# describe a person).
_ORG_APPOSITIVE: Final = re.compile(
    r",[ \t]+(?:a|an)[ \t]+(?:[\w\-]+[ \t]+){0,3}?([a-z]+)"
    r"(?=[,.;]|[ \t]+(?:whose|which|that|based|owned|run|founded|in|with)\b)"
)


# -- roles ------------------------------------------------------------------------

_MAX_ROLE_WORDS: Final = 8
_JOINERS: Final = frozenset(("of", "for", "and", "&"))
_NOT_IN_ROLES: Final = frozenset(
    ("he", "she", "it", "they", "we", "i", "you", "said", "says", "told", "added", "is", "was",
     "are", "were", "has", "had", "have", "will", "would", "could", "should", "can", "may")
)
# Title words that also start ordinary phrases ("the state of", "first of all").
_WEAK_TITLE_WORDS: Final = frozenset(
    ("state", "first", "member", "national", "special", "security", "home", "top", "private",
     "major", "general", "grand", "field", "crown", "count")
)
_DETERMINERS: Final = frozenset(("the", "a", "an"))
_POSSESSIVE_DETERMINERS: Final = frozenset(("its", "his", "her", "their"))
_RELATIVE: Final = re.compile(
    r"\s+(?:who|whom|whose|which|that|where|when|while|since|after|before|because|"
    r"until|as\s+well\s+as)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
# Necessary for a match of _RELATIVE in lower-case ASCII text.
_RELATIVE_PARTS: Final = (
    "who", "which", "that", "whe", "while", "since", "after", "before", "because",
    "until", "well"
)


def _without_relative(phrase: str) -> str:
    """``phrase`` without a relative clause ("a judge who became ..." -> "a
    judge"); the regex runs only when one of its words occurs in it."""
    if phrase.isascii():  # (IGNORECASE also matches a few non-ASCII letters)
        low = phrase.lower()
        for part in _RELATIVE_PARTS:
            if part in low:
                break
        else:
            return phrase
    return _RELATIVE.sub("", phrase)


_CLAUSE_OPENERS: Final = frozenset(("who", "whose", "whom", "which", "that", "where", "when"))
_PREPOSITIONS: Final = frozenset(("of", "for", "at", "with", "in", "to", "on", "from", "and"))
_AGE: Final = re.compile(r",[ \t]+(?:aged[ \t]+)?\d{1,3},")
# (an acronym in brackets may close it: "country director for Doctors
# Without Borders (MSF)," -> the role without the acronym)
_APPOSITIVE_AFTER: Final = re.compile(
    r",[ \t]+([^,.;:()\"“”\n]{2,100}?)[ \t]*(?:\([A-Z][\w.&]{1,9}\)[ \t]*)?(?=[,.;:)\n]|$)"
)


@attrs.define(slots=True)
class _RoleFound:
    role: str
    start: int
    end: int
    prefix: str  # the capitalised words that open it ("Port Authority"), or ""
    prefix_start: int


def _role_word_before(
    body: str,
    start: int,
    heads: frozenset[str],
    abbreviations: Mapping[str, str],
    of_titles: Mapping[str, tuple[str, ...]] | None = None,
) -> bool:
    """Cheap test: is the word right before ``start`` a role noun or title
    (or, given ``of_titles``, the last word of one: "member of parliament")?"""
    if start < 3 or body[start - 1] not in " \t":
        return False
    words = body[max(0, start - 24) : start - 1].rsplit(None, 1)
    word = words[-1].lower() if words else ""
    return word in heads or word in abbreviations or (of_titles is not None and word in of_titles)


def _cut_title(body: str, start: int, role: str) -> bool:
    """Whether ``role`` stands right before ``start`` after another capitalised word."""
    at = start - 1 - len(role)
    if at < 2 or body[at:start - 1] != role or body[at - 1] != " ":
        return False
    return body[at - 2].isalpha() and body[max(0, at - 30) : at - 1].split()[-1][:1].isupper()


def _find_roles(body: str, ents: list[Draft], kb: Knowledge, lex: RoleLexicon) -> None:
    found: list[_RoleFound] = []
    heads, abbreviations = lex.heads, lex.abbreviations
    for ent in [e for e in ents if e.kind is PERSON and e.mentions]:
        fixed = None
        if ent.role is not None:
            fixed = _tidy_role(body, ent.role, ent.mentions, ents, kb, lex)
            if fixed is None:
                ent.role = None  # a clause, not a description: look again below
                ent.touch()
        if fixed is not None:
            first = ent.mentions[0].start
            if _cut_title(body, first, fixed):
                # "New Jersey Governor", "European Council President": the
                # recogniser cut the role at a word it took for a sentence
                # starter or a demonym.
                longer = _role_before(body, first, kb, lex)
                if longer is not None and longer.role.endswith(" " + fixed):
                    found.append(longer)  # its words ("Assistant") are no entities
                    fixed = longer.role
            elif _role_word_before(body, first, heads, abbreviations) and (
                not body[max(0, first - 1 - len(fixed)) : first].startswith(fixed)
                or _ends_in_rank(fixed, lex)
            ):
                # A role written before the name beats one read from an
                # appositive further away; a rank gives way to the role
                # noun before it ("army commander General X").
                before = _role_before(body, first, kb, lex)
                if before is not None and not (
                    _ends_in_rank(fixed, lex) and _ends_in_rank(before.role, lex)
                ):
                    found.append(before)
                    fixed = before.role
            if fixed.lower().startswith("former "):
                # "The standards commissioner, Dame Ann Cole, ... Cole, a
                # former judge,": the post held now, told first, is the role.
                current = _current_role_in_front(body, ent, ents, kb, lex)
                if current is not None:
                    fixed = current
            if fixed.rpartition(" ")[2].lower() in lex.relations:
                # "His brother, X, who chairs the Y,": the post says more
                fixed = _role_from_clause(body, ent.mentions, lex) or fixed
            if fixed != ent.role:
                ent.role = fixed
                ent.touch()
            continue
        role: str | None = None
        for span in role_spans(body, ent.mentions):
            # A courtesy title between the role and the name is skipped
            # ("Governor Dr. Ann Cole", "researcher Dr. Ann Cole").
            start = _honorific_start(body, span.start, kb)
            if body[start - 1 : start] == " " and _role_word_before(
                body, start, heads, abbreviations, lex.of_titles
            ):
                before = _role_before(body, start, kb, lex)
                if before is not None:
                    found.append(before)
                    role = before.role
                    break
            if body[span.end : span.end + 1] == ",":
                role = _role_after(body, span, kb, lex)
            if role is None and body[start - 2 : start] == ", ":  # "its chief, Dr. Ann Cole,"
                role = _role_in_front(body, Span(start, span.end), ents, kb, lex)
            if role is not None:
                break
        if role is None:
            role = _role_from_clause(body, ent.mentions, lex)
        if role is not None:
            ent.role = role
            ent.touch()
    if found:
        _absorb_role_words(body, ents, found, kb, lex)


def role_spans(body: str, mentions: Sequence[Span]) -> list[Span]:
    """The mentions where a role may be given (mentions in text order): the
    first three, as roles come early, and later ones of the full name (a
    role comes with it: "Their father, Neil Cole,"), six at most."""
    if len(mentions) <= 3:
        return list(mentions)
    spans = list(mentions[:3])
    for span in mentions[3:]:
        if len(spans) >= 6:
            break
        if " " in body[span.start : span.end]:
            spans.append(span)
    return spans


def _honorific_start(body: str, start: int, kb: Knowledge) -> int:
    """Where a courtesy title right before ``start`` begins ("Dr. " before
    "Ann Cole"), else ``start``."""
    if body[start - 1 : start] != " ":
        return start
    words = body[max(0, start - 8) : start - 1].rsplit(None, 1)
    if not words or words[-1].rstrip(".").lower() not in kb.honorifics:
        return start
    return start - 1 - len(words[-1])


_PUNCT: Final = frozenset(",;:()[]{}\"“”‘’!?")
_SENTENCE_MARKS: Final = frozenset(",.;:!?)")
_DOTTED: Final = re.compile(r"(?:[A-Z]\.){2,}")
#: A quotation ending inside words read as one phrase ("the place coming
#: to?' Another resident"): they are not one phrase.
QUOTATION_END: Final = re.compile(r"[.?!,;:]['’\"”]|[\"“”]")


def _role_before(body: str, start: int, kb: Knowledge, lex: RoleLexicon) -> _RoleFound | None:
    """A role written right before a name: "union leader", "Gov.", "Rovers manager"."""
    if start < 3 or body[start - 1] not in " \t":
        return None
    lo = max(0, start - 100)
    seg = body[lo:start]
    tokens = seg.split()
    if not tokens:
        return None
    taken: list[tuple[int, str]] = []  # (offset in seg, word), right to left
    end = len(seg)
    capitals = 0
    first_index = len(tokens) - 1
    for title in lex.of_titles.get(tokens[-1].lower(), ()):
        # "Conservative member of parliament X": a title whose last word is
        # no role noun is taken whole, then read on as for any other role.
        n = title.count(" ") + 1
        if len(tokens) > n and " ".join(tokens[-n:]) == title:
            for word in reversed(tokens[-n:]):
                end = seg.rfind(word, 0, end)
                taken.append((end, word))
            first_index -= n
            break
    for index in range(first_index, -1, -1):
        word = tokens[index]
        at = seg.rfind(word, 0, end)
        if "\n" in seg[at + len(word) : end] or word[-1] in _PUNCT or (
            word[-1] == "'" and word[-2:-1] in _SENTENCE_MARKS
        ):
            # A line break or punctuation between the words; "No,'" and
            # "Sunday.'" end a quotation in single marks ("Players'" is a
            # plural possessive, part of the role).
            break
        last = False
        if word[0] in _PUNCT:
            word = word.lstrip("".join(_PUNCT))
            at = seg.find(word, at)
            last = True  # '"Union leader X': nothing before the mark belongs to the role
            if not word:
                break
        key = word.lower()
        if not taken:
            # The word next to the name is the role's head noun or a title.
            shouted = word.isupper() and len(word) > 2
            if key not in lex.abbreviations and (key not in lex.heads or shouted):
                return None
        elif word.endswith(".") and key not in lex.abbreviations and not _DOTTED.fullmatch(word):
            break  # the end of the previous sentence (not "U.S." of "Assistant U.S. Attorney")
        elif key in lex.heads or key in lex.abbreviations:
            pass
        elif key in lex.modifiers:
            after = taken[-1][1]
            if key.endswith("ing") and after[:1].islower() and after.lower() not in lex.heads:
                break  # "defending champion", not "Lawyers defending former chief X"
        elif word[:1].isupper():
            # An organisation, place or nationality qualifying the role.
            bare = key[:-2] if key.endswith(("'s", "’s")) else key
            if bare in kb.stopcaps or bare in kb.honorifics or bare in kb.connectors:
                break
            capitals += 1
            if capitals > 5:
                break
        elif key in _JOINERS:
            if index == 0 or not tokens[index - 1][:1].isupper():
                break  # "Bank of England chief economist", not "head of research"
            before_and = tokens[index - 1].lower()
            if key == "and" and taken[-1][1][:1].islower() and (
                before_and not in lex.heads and before_and not in lex.modifiers
            ):
                # "bring on Mbeki and winger X": two people (but "Magician
                # and comedian X" is one, "Trade and Industry Secretary" too)
                break
            if key == "and" and index >= 2 and tokens[index - 2].lower() in kb.forenames:
                break  # "Jamie Crawford and journalist X": a person before "and"
        elif key not in kb.org_keywords:
            break
        taken.append((at, word))
        end = at
        if last or len(taken) >= _MAX_ROLE_WORDS:
            break
    while taken and taken[-1][1].lower() in _JOINERS:
        taken.pop()  # "The Bank of ...": the capitalised word before "of" was not taken
    if not taken:
        return None
    taken.reverse()
    last_at, last_word = taken[-1]
    taken = _without_rank(taken, lex)
    role = " ".join(lex.abbreviations.get(w.lower(), w) for _, w in taken)
    first = lo + taken[0][0]
    prefix_end = first
    for at, word in taken:
        low = word.lower()
        if not word[:1].isupper() or low in lex.heads or low in lex.abbreviations:
            break
        prefix_end = lo + at + len(word)
    return _RoleFound(role, first, lo + last_at + len(last_word), body[first:prefix_end], first)


def _ends_in_rank(role: str, lex: RoleLexicon) -> bool:
    """Whether a role's last word is a rank ("General", "Professor")."""
    return role.rpartition(" ")[2].lower() in lex.ranks


def _without_rank(taken: list[tuple[int, str]], lex: RoleLexicon) -> list[tuple[int, str]]:
    """A role's words without the ranks that end it when a role noun stands
    before them ("Rebel commander Gen." -> "Rebel commander", "Defence
    Minister Colonel" -> "Defence Minister"); "Army General", "Lt. Gen."
    and titles such as "Attorney General" keep them."""
    k = len(taken)
    while k > 1 and taken[k - 1][1].lower() in lex.ranks:
        k -= 1
    if k == len(taken):
        return taken
    head = taken[k - 1][1].lower()
    rank = lex.abbreviations.get(taken[k][1].lower(), taken[k][1]).lower()
    if head not in lex.heads or head in lex.ranks or f"{head} {rank}" in lex.ranks:
        return taken
    return taken[:k]


def _head_ok(phrase: str, kb: Knowledge, lex: RoleLexicon) -> bool:
    """Whether a noun phrase's head (before any preposition) is a role noun."""
    words = phrase.split()
    head = ""
    for word in words:
        if word.lower() in _PREPOSITIONS:
            break
        head = word
    key = head.lower().strip("'’")
    return key in lex.heads or (key in kb.title_words and key not in _WEAK_TITLE_WORDS)


def _clean_phrase(phrase: str) -> str | None:
    phrase = _without_relative(phrase).strip()
    words = phrase.split()
    if not words:
        return None
    if words[0].lower() in _DETERMINERS:
        # "the agency's chief engineer" keeps its article; "the secretary" drops it.
        if len(words) > 1 and words[1].lower().endswith(("'s", "’s")) and words[1][:1].islower():
            return phrase
        words = words[1:]
    if not words or len(words) > 10 or words[0][:1].isdigit():
        return None
    return " ".join(words)


def _role_after(body: str, span: Span, kb: Knowledge, lex: RoleLexicon) -> str | None:
    """ "X, the agency's chief engineer, said", "X, 54, a former judge"."""
    pos = span.end
    if body[pos : pos + 1] != ",":
        return None
    age = _AGE.match(body, pos, pos + 14)
    if age is not None:
        pos = age.end() - 1
    match = _APPOSITIVE_AFTER.match(body, pos, min(len(body), pos + 110))
    if match is None:
        return None
    phrase = _clean_phrase(match.group(1))
    if phrase is None or not _head_ok(phrase, kb, lex):
        return None
    if phrase.split(None, 1)[0].lower() in _CLAUSE_OPENERS:
        return None  # "X, 61, who served two terms as mayor": a clause, not a role
    if any(w.lower() in _NOT_IN_ROLES for w in phrase.split()):
        return None  # a clause ("he said the judge"), not a description
    return phrase


# ", who chairs the Tarn Chamber of Commerce," up to the clause's end or a
# word that goes on to something else: "since", "as a student", "and trains"
# (not the "and" of "the science and technology committee").
_WHO_VERB: Final = re.compile(
    r",[ \t]+who[ \t]+([a-z\-]+)[ \t]+([^,.;:\"“”()\n]{3,80}?)"
    r"(?=[ \t]*[,.;:)\"”\n]|[ \t]+(?:since|until|from|as|in[ \t]+\d)\b"
    r"|[ \t]+and[ \t]+[a-z]+(?:s|ed)\b|$)"
)


def _role_from_clause(body: str, mentions: Sequence[Span], lex: RoleLexicon) -> str | None:
    """A role read from a relative clause of a post after a mention: "X, who
    chairs the Y" -> "chair of the Y", "who owns a bakery" -> "owner of a bakery"."""
    for span in mentions[:3]:
        if body[span.end : span.end + 6] != ", who ":
            continue
        match = _WHO_VERB.match(body, span.end)
        if match is None:
            continue
        noun = lex.verb_roles.get(match.group(1))
        if noun is not None and len(match.group(2).split()) <= 8:
            return f"{noun} of {match.group(2)}"
    return None


def _current_role_in_front(
    body: str, ent: Draft, ents: Sequence[Draft], kb: Knowledge, lex: RoleLexicon
) -> str | None:
    """A role written before one of a person's first mentions ("The
    commissioner, X,") that is not a former one."""
    for span in role_spans(body, ent.mentions):
        start = _honorific_start(body, span.start, kb)
        role = _role_in_front(body, Span(start, span.end), ents, kb, lex)
        if role is not None and not role.lower().startswith("former "):
            return role
    return None


def _role_in_front(
    body: str, span: Span, ents: Sequence[Draft], kb: Knowledge, lex: RoleLexicon
) -> str | None:
    """ "Its chairwoman, Ingrid Solberg," / "the club's new coach, X,"."""
    if body[max(0, span.start - 2) : span.start] != ", ":
        return None
    clause, words = clause_before(body, span.start - 2)
    for j in range(len(words) - 1, max(-1, len(words) - 8), -1):
        key = words[j].lower()
        if key in _POSSESSIVE_DETERMINERS or key in _DETERMINERS:
            phrase = " ".join(words[j + 1 :])
            if QUOTATION_END.search(phrase):
                return None  # "the place coming to?' Another resident": a quotation ended
            if not phrase or not _head_ok(phrase, kb, lex):
                continue  # "the agency" in "the head of the agency": look further back
            if key == "its":
                owner = _nearest_owner(body, clause, ents)
                if owner is not None and " of " not in phrase:
                    return f"{owner} {phrase}"
            return phrase
    return None


def _nearest_owner(body: str, pos: int, ents: Sequence[Draft]) -> str | None:
    """The organisation "its" most likely stands for: the nearest one named
    before; when "Its" opens a sentence, the first one the previous sentence
    names near its start, usually its subject ("The union, which does not
    represent Acme staff, said ... Its president," is the union's; not
    "Many MPs expected her to quit HSBC ... Its chairman")."""
    lo = pos - 400
    if body[pos : pos + 4] == "Its " and body[max(0, pos - 2) : pos].startswith("."):
        lo = max(lo, body.rfind(". ", 0, pos - 2), body.rfind("\n", 0, pos - 2))
        first: tuple[int, str] | None = None
        for ent in ents:
            if ent.kind is not ORG:
                continue
            for span in ent.mentions:
                if lo < span.start < min(pos, lo + 25) and (
                    first is None or span.start < first[0]
                ):
                    first = (span.start, ent.name)
        if first is not None:
            return first[1]
    best: tuple[int, str] | None = None
    for ent in ents:
        if ent.kind is not ORG:
            continue
        for span in ent.mentions:
            if pos - 400 <= span.end <= pos and (best is None or span.end > best[0]):
                best = (span.end, ent.name)
    return best[1] if best is not None else None


def _tidy_role(
    body: str,
    role: str,
    mentions: Sequence[Span],
    ents: Sequence[Draft],
    kb: Knowledge,
    lex: RoleLexicon,
) -> str | None:
    """Trim a role read by the recogniser: relative clauses, "Its chief executive";
    "agency's chief engineer" keeps its article ("the agency's chief engineer").
    None when the role is a clause rather than a description ("... were voted out")."""
    tidy = _without_relative(role).strip() or role
    words = tidy.split()
    if any(w[:1].isupper() and w.lower() in lex.abbreviations for w in words):
        # "Det Supt" -> "Detective Superintendent" (as a role read before a name)
        tidy = " ".join(
            lex.abbreviations.get(w.lower(), w) if w[:1].isupper() else w for w in words
        )
        words = tidy.split()
    if len(words) > 3 and any(w.lower() in _NOT_IN_ROLES for w in words):
        return None
    if words[0][:1].islower() and words[0].endswith(("'s", "’s")):
        for span in mentions[:3]:
            if body.startswith(", the " + role, span.end) or body.startswith(
                "the " + role + ", ", max(0, span.start - len(role) - 6)
            ):
                return "the " + tidy
    if len(words) > 1 and words[0].lower() in _POSSESSIVE_DETERMINERS:
        rest = " ".join(words[1:])
        owner = None
        if words[0].lower() == "its":
            at = body.find(role)
            owner = _nearest_owner(body, at, ents) if at >= 0 else None
        tidy = f"{owner} {rest}" if owner is not None and " of " not in rest else rest
    return tidy


def _absorb_role_words(
    body: str, ents: list[Draft], found: Sequence[_RoleFound], kb: Knowledge, lex: RoleLexicon
) -> None:
    """Words of a role taken as entities ("Chief", "Gov") are not entities;
    an organisation named in a role ("Rovers manager") is mentioned there."""
    spans = [Span(f.start, f.end) for f in found]
    lo = min(f.start for f in found)
    hi = max(f.end for f in found)
    for ent in ents:
        if ent.kind is not OTHER and not (
            ent.kind is PERSON and " " not in ent.name and not strong_person(ent, kb)
        ):
            continue
        inside = [s for s in ent.mentions if lo <= s.start < hi and _covered(s, spans)]
        if inside:
            mentions = ent.edit_mentions()
            for s in inside:
                mentions.remove(s)
    for f in found:
        if not f.prefix:
            continue
        prefix = f.prefix
        end = f.prefix_start + len(prefix)
        if prefix.endswith(("'s", "’s")):
            prefix = prefix[:-2]
            end -= 2
        span = Span(f.prefix_start, end)
        key = prefix.lower()
        target = _owner_of(key, ents)
        if target is None or any(s.start < span.end and span.start < s.end
                                 for s in target.mentions):
            continue
        target.edit_mentions().append(span)
        if prefix != target.name:
            target.add_alias(prefix)


def _owner_of(key: str, ents: Sequence[Draft]) -> Draft | None:
    """The organisation or place a role's capitalised words name, if one is known."""
    exact: list[Draft] = []
    tails: list[Draft] = []
    for e in ents:
        if e.kind is not ORG and e.kind is not PLACE:
            continue
        name = e.name.lower()
        if name == key or any(a.lower() == key for a in e.aliases):
            exact.append(e)
        elif e.kind is ORG and name.endswith(" " + key):
            tails.append(e)
    if len(exact) == 1:
        return exact[0]
    if exact or " " in key:
        return None
    return tails[0] if len(tails) == 1 else None


def title_start(body: str, lo: int, pos: int) -> int:
    """Where a title or role written right before the name at ``pos`` starts
    ("Rep. " in "said Rep. Jim Clyburn", "European Council President " in
    "said European Council President Donald Tusk"); ``pos`` when there is none.
    Nothing before ``lo`` is looked at. Lets a speaker be found after a cue
    although a title (with its full stop) stands between them."""
    if pos <= lo:
        return pos
    lex = role_lexicon()
    kb = knowledge()
    lead = _honorific_start(body, pos, kb)  # "principal investigator Dr Holger Sierks"
    if not _role_word_before(body, lead, lex.heads, lex.abbreviations):
        return pos
    found = _role_before(body, lead, kb, lex)
    if found is None or found.start < lo:
        return pos
    return found.start


# -- sentence starters -----------------------------------------------------------

_LOWER_NEXT: Final = re.compile(r"[ \t]+[a-z]")
_BREAK: Final = frozenset(".!?\n\"“”:;•—–-([")


def _at_sentence_start(body: str, pos: int, starts: frozenset[int]) -> bool:
    if pos in starts:
        return True
    i = pos - 1
    while i >= 0 and body[i] in " \t*_#>":
        i -= 1
    return i < 0 or body[i] in _BREAK


def _drop_sentence_starters(
    body: str, ents: list[Draft], starts: frozenset[int], lex: RoleLexicon
) -> list[Draft]:
    out: list[Draft] = []
    for ent in ents:
        if (
            (ent.kind is OTHER or ent.kind is PERSON)
            and ent.mentions
            and " " not in ent.name
            and not ent.headline
            and not ent.name.isupper()
        ):
            if ent.kind is OTHER and _only_sentence_starter(body, ent.mentions, starts):
                continue  # "Dock workers", "Trade between": ordinary words
            if ent.role is None and ent.kind is PERSON and _plural_role(ent.name, lex):
                # "Engineers warned": a group described, not a person's name;
                # kept (as "other") so that what they said keeps its speaker.
                ent.kind = OTHER
                ent.touch()
        out.append(ent)
    return out


def _only_sentence_starter(body: str, mentions: Sequence[Span], starts: frozenset[int]) -> bool:
    """Whether every mention opens a sentence before a lower-case word (a
    loop rather than all(): a generator resumed from C costs more)."""
    for s in mentions:
        if _LOWER_NEXT.match(body, s.end, s.end + 3) is None or not _at_sentence_start(
            body, s.start, starts
        ):
            return False
    return True


def _plural_role(word: str, lex: RoleLexicon) -> bool:
    """ "Nurses", "Analysts", "Officials": the plural of a role noun."""
    key = word.lower()
    if not key.endswith("s") or len(key) < 4:
        return False
    return key[:-1] in lex.heads or (key.endswith("es") and key[:-2] in lex.heads)
