"""Quotes: direct quotations and reported speech, with their speakers.

Direct quotes are found by pairing quotation marks paragraph by paragraph
(curly and straight double quotes; single quotes only outside double quotes).
A paragraph that opens a quote without closing it continues into the next
paragraph when that one opens with a quotation mark (the newspaper convention
for multi-paragraph quotes); an unclosed quote otherwise ends with its
paragraph, so odd counts of marks never fail.

The speaker comes from a reporting cue in the quote's sentence, in this order:
a cue right after the quote (``," she said``, ``," said Smith``), the nearest
cue before it (``Smith said: "``, ``He was quoted by Interfax as saying
... "thorough"``, ``The United States sees China as its "strategic
competitor"``), then a cue later in the sentence. Speakers are entity names
when a mention is there (the person, not the organisation or place that
modifies their role: ``said Kremlin spokesman Dmitry Peskov``); pronouns
(he, she) resolve to the most recent person of compatible gender; otherwise
the article's own description ("a campaign source", "officials", "the Tory
leader" -- a name before the noun does not speak for it -- or the person the
article gives that role when the description is definite). A full-sentence
quote without a cue continues the speaker of the quote before it in the same
or the previous paragraph; a quote without a cue inside a narrator's
sentence goes to that sentence's subject when a person (or "he", "she")
opens it before a finite verb ('Reid has gone after Trump as a "human
leech ..."'), else to no one.

Other attributions: transcript labels ("PENCE: Well, ..."), dashed credits
(``"..." ― Ana Ruiz``), participles and conjoined verbs (``X attacked the plan,
saying "..."``, ``X said ... but said "..."``) that take the main clause's
subject, and characterisations (``X condemned the test as "reckless"``, ``The
United States sees China as its "strategic competitor"``, ``the Kremlin casts
the war as a "special military operation"``), which give the term to the one
who characterises.

Scare quotes -- a short quoted term (four words or fewer) with no reporting
cue and no named person as the subject of its sentence, or a term used as a
modifier ('a "no limits" partnership'), or after "so-called" -- are not
quotations of anyone and are left out of the result, so a briefing never
reads them as someone's words. (In news copy a short quoted term in a
sentence about a named person -- 'Trump accused the campaign of being
"duped"' -- is that person's word, and is kept with them as speaker.) Also left out: titles of
works after a possessive or a work noun (CBS's "Face the Nation"), markup
attribute values (author="x") and inch marks (6'3").

Reported speech ("X said (that) ...", "..., X said", "according to X, ...")
gives quotes with ``direct=False`` whose span is the reported clause.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Final, NamedTuple

import attrs

from newsbrief.model import Entity, EntityKind, Quote, Sentence, Span
from newsbrief.text.entities import person_gender
from newsbrief.text.knowledge import knowledge
from newsbrief.text.roles import role_lexicon, title_start
from newsbrief.text.tokens import alternation
from newsbrief.text.tokens import new_quote as _quote
from newsbrief.text.tokens import new_span as _span

__all__ = ["find_quotes"]

_SINGLE: Final = re.compile(r"[‘'](?=[^\s’'])([^‘’'\n“”\"]{1,400}?)(?<=[^\s‘'])[’'](?![\w])")


# What may stand before a single opening mark (besides whitespace).
_SINGLE_OPENER_AFTER: Final = frozenset("([“\"—–-")


def _positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of ``chars`` in ``text`` (str.find is much faster than a
    regex character class for a few rare characters)."""
    out: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _single_quotes(body: str) -> Iterator[re.Match[str]]:
    """Single-quoted spans whose opening mark does not follow a letter (not "don't")."""
    if "‘" not in body and "'" not in body:
        return
    # Candidate openers are found first (a mark after a space, bracket or
    # dash, or at the start), so apostrophes inside words cost nothing.
    openers: list[int] = []
    for mark in "'‘":  # str.find skips in C; apostrophes in words are few
        i = body.find(mark, 1)
        while i >= 0:
            before = body[i - 1]
            if before in _SINGLE_OPENER_AFTER or before.isspace():
                openers.append(i)
            i = body.find(mark, i + 1)
    openers.sort()
    if body[:1] in ("'", "‘"):
        openers.insert(0, 0)
    pos = 0
    for i in openers:
        if i < pos:
            continue
        m = _SINGLE.match(body, i)
        if m is None:
            continue
        pos = m.end()
        if body[i + 1 : i + 2] == "'" or body[m.end() - 2 : m.end() - 1] == "'":
            continue  # ''doubled single quotes'' stand for double quotes
        yield m


# A lowercase word after a short quoted term makes it a modifier ('a "no
# limits" partnership') unless the word opens what follows a whole noun
# phrase: a preposition, conjunction, article, pronoun or auxiliary ('as a
# "crazy system" during a stop', 'that "a bomb" had gone off').
_ADJECTIVAL_AFTER: Final = re.compile(
    r"[ \t]+(?!(?:and|or|but|as|in|on|at|to|of|for|with|from|is|was|are|were|by|that|which|"
    r"who|he|she|they|it|a|an|the|his|her|their|its|during|after|before|because|over|"
    r"against|about|into|when|while|if|since|until|amid|despite|among|under|through|"
    r"without|within|than|had|has|have|would|will|could|can|may|might|should|must|did|does|"
    r"do)\b)[a-z]"
)
# The words a scare quote may follow ("a so-called 'reform'", "dubbed 'Mr
# No'"); a space inside one stands for any whitespace.
_SCARE_WORDS: Final = (
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those",
    "so-called", "so called", "dubbed", "termed", "called", "calls", "calling", "known as", "as",
    "of", "by", "for", "into", "to",
)
_SCARE_BEFORE: Final = re.compile(
    r"(?:\b(?:" + "|".join(w.replace(" ", r"\s+") for w in _SCARE_WORDS) + r")\s+|so-called\s*)$",
    re.IGNORECASE,
)
# The last two letters (lower case) of the words _SCARE_BEFORE ends with ("a"
# aside): after any other word it cannot match.
_SCARE_ENDS: Final = frozenset(w[-2:] for w in _SCARE_WORDS if len(w) > 1)


def _space_back(body: str, lo: int, hi: int) -> int:
    """Where the run of whitespace that ends at ``hi`` starts (not before ``lo``)."""
    while hi > lo and body[hi - 1].isspace():
        hi -= 1
    return hi


def _scare_before(body: str, at: int) -> bool:
    """``_SCARE_BEFORE`` in the 20 characters before ``at``, searched only
    when the word before the spaces can end one of its alternatives."""
    lo = max(0, at - 20)
    j = _space_back(body, lo, at)
    two = body[max(0, j - 2) : j]
    # IGNORECASE lets a few non-ASCII letters match ASCII ones: test ASCII only.
    if two.isascii() and two.lower() not in _SCARE_ENDS and two[-1:].lower() != "a":
        return False
    return _SCARE_BEFORE.search(body, lo, at) is not None


_SO_CALLED: Final = re.compile(r"\bso[- ]called\s+$", re.IGNORECASE)
_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t]*\n")

_PRONOUNS: Final = {"he": "m", "she": "f", "they": "p", "we": "p", "i": "s", "him": "m", "her": "f"}
_INSTITUTIONS: Final = (
    "union|firm|group|council|court|department|commission|committee|board|club|team|"
    "hospital|school|university|league|party|military|army|navy|office|service|bank|"
    "regulator|federation|association|family|newspaper|broadcaster|network|charity|airline|"
    "operator|retailer|manufacturer|insurer|lender|watchdog|embassy|consulate|prison|"
    "church|foundation|institute|museum|jury|panel|tribunal|inquiry|trust|chamber"
)
# A noun phrase that describes an unnamed speaker ("a campaign source").
_DESCRIPTION_NOUNS: Final = (
    "source|sources|official|officials|spokesman|spokeswoman|spokesperson|aide|aides|"
    "adviser|advisers|advisor|advisors|analyst|analysts|diplomat|diplomats|witness|witnesses|"
    "police|investigators|prosecutors|lawyer|lawyers|expert|experts|resident|residents|"
    "statement|report|minister|ministry|campaign|government|authorities|executive|"
    "executives|economist|economists|researchers|scientists|doctors|critics|supporters|"
    "insiders|person|people|man|woman|voters|members|leaders|officer|officers|agency|"
    "company|spokespeople|representative|representatives|organizers|organisers|"
    # Institutions that speak as one ("the union said", "the hospital said").
    + _INSTITUTIONS
    # Relations: "Her husband said", "his widow told the inquest".
    + "|" + "|".join(sorted(role_lexicon().relations))
)
# Words that cannot stand inside a description: "a transplant as doctors",
# "while Qatari officials" and "with police" are not who speaks.
_NOT_IN_DESCRIPTION: Final = (
    r"(?!(?:as|while|with|and|but|or|nor|when|after|before|because|since|if|that|which|who|"
    r"where|than|then|so|in|on|at|to|by|from|into|over|under|the|a|an|although|though|"
    r"whereas|unless|until|once|whether|yet)\b)"
)
_DESCRIPTION: Final = re.compile(
    r"(?:\b(?:a|an|the|one|two|three|four|several|some|many|other|another|most|"
    rf"senior|top|local|his|her|their|its)\s+)(?:{_NOT_IN_DESCRIPTION}[\w\-’']+\s+){{0,4}}?"
    rf"(?:{_DESCRIPTION_NOUNS})$",
    re.IGNORECASE,
)
_DESCRIPTION_WORDS: Final = frozenset(_DESCRIPTION_NOUNS.split("|"))
# Heads of "the <body> said" that an organisation's own name holds ("the
# ministry" for the Ministry of Justice).
_BODY_HEADS: Final = frozenset((*_INSTITUTIONS.split("|"), "ministry", "agency"))
_ROLE_HEAD: Final = re.compile(r"[a-z][a-z\-]+")
_ROLE_DESCRIPTION: Final = re.compile(
    r"\b(?:a|an|the|A|An|The)\s+(?:(?!(?:the|a|an)\b)[\w\-’']+\s+){0,3}?([a-z][a-z\-]+)$"
)
# Groups that speak without a determiner ("officials said", '"...," Engineers
# warned', "Police say"): the noun may open the sentence, so it may be capitalised.
_GROUPS: Final = (
    "officials|sources|analysts|diplomats|witnesses|police|investigators|prosecutors|"
    "experts|residents|authorities|critics|supporters|economists|aides|insiders|engineers|"
    "scientists|researchers|doctors|lawmakers|legislators|protesters|protestors|"
    "demonstrators|activists|campaigners|organisers|organizers|regulators|inspectors|"
    "negotiators|observers|monitors|rescuers|firefighters|paramedics|medics|officers|"
    "workers|employees|teachers|students|parents|relatives|villagers|farmers|survivors|"
    "investors|traders|bankers|executives|voters|lawyers|attorneys|specialists|"
    "prison officials"
)
_BARE_PLURAL: Final = re.compile(
    rf"\b((?:[A-Z][\w\-]*\s+|{_NOT_IN_DESCRIPTION}[a-z][\w\-]*\s+){{0,2}}"
    rf"(?i:{_GROUPS}))$"
)
_GROUP_WORDS: Final = frozenset(_GROUPS.split("|"))
_GROUP_NEXT: Final = re.compile(
    rf"\s+((?:[a-z][\w\-]*\s+)?(?:{_GROUPS}))(?=\s*(?:[,.;:!?]|$|\bsaid\b))"
)
# Both patterns end with one of their nouns: their last three letters are a
# cheap test that spares most searches.
_NOUN_ENDS: Final = frozenset(
    noun[-3:] for noun in (_DESCRIPTION_NOUNS + "|" + _GROUPS).split("|")
)
# "Obama's aide", "Lakeside's chief medical officer", "the company's lawyers":
# a person described through whom they belong to (a noun of _owner_nouns) is
# not that owner (a mention of Obama must not take the cue).
_OWNED_ROLE: Final = re.compile(
    r"\b(?P<owner>[A-Z][\w\-]*)['’]s\s+(?:[\w\-]+\s+){0,3}?(?P<noun>[a-z][\w\-]*)$"
)


class _Mention(NamedTuple):
    start: int
    end: int
    name: str
    kind: EntityKind


# Enum members bound once: in Python 3.11 each ``EntityKind.PERSON`` is a
# descriptor lookup costing as much as a small function call, and these are
# read per mention in the loops below.
_PERSON: Final = EntityKind.PERSON
_ORGANIZATION: Final = EntityKind.ORGANIZATION
_PLACE: Final = EntityKind.PLACE
_OTHER: Final = EntityKind.OTHER

_START: Final = operator.itemgetter(0)
_END: Final = operator.itemgetter(1)
# Sort keys read in C (a lambda costs a Python call per item).
_SPAN_KEY: Final = operator.attrgetter("span.start", "span.end")
_DIRECT_START: Final = operator.attrgetter("start")


@attrs.define(slots=True)
class _Direct:
    start: int  # offset of the first quoted character
    end: int  # offset just past the last quoted character
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark (== end when unclosed)
    chain: int  # quotes of one multi-paragraph quotation share a chain id
    single: bool


@attrs.define(slots=True)
class _Context:
    """What one call reads everywhere. A slots class, not a NamedTuple: it is
    built once per call, but its fields are read hundreds of times, and Python
    3.11 reads a slot several times faster than a NamedTuple field."""

    body: str
    mentions: list[_Mention]
    starts: list[int]
    persons: dict[str, Entity]
    genders: dict[str, str]  # filled on demand from persons (this call's cache)
    sentence_starts: list[int]
    quoted: list[tuple[int, int]]  # (open mark, close mark) of direct quotes, in order
    quote_opens: list[int]  # their open marks (bisected as ints, not tuples)


#: How far (characters) before and after a quotation attribution looks.
_MAX_REACH: Final = 2000


def find_quotes(
    body: str,
    entities: Sequence[Entity],
    sentences: Sequence[Sentence] = (),
) -> tuple[Quote, ...]:
    """Find direct and reported speech in ``body`` and attribute it.

    Args:
        body: The article body.
        entities: Entities of the body (from :func:`find_entities`); speakers
            are given by their canonical names.
        sentences: The body's sentences; when empty, sentences are cut at
            ``.!?`` followed by a space.

    Returns:
        Quotes in document order.
    """
    new = tuple.__new__  # a _Mention without the Python-level __new__
    mentions = [
        new(_Mention, (s.start, s.end, e.name, e.kind)) for e in entities for s in e.mentions
    ]
    # By start, longer first (two stable sorts in C instead of a key lambda).
    mentions.sort(key=_END, reverse=True)
    mentions.sort(key=_START)
    persons = {e.name: e for e in entities if e.kind is _PERSON}
    bounds = _sentence_bounds(body, sentences)
    directs = _direct_spans(body)
    quoted = [(d.open_mark, d.close_mark) for d in directs]
    ctx = _Context(body, mentions, list(map(_START, mentions)), persons, {},
                   list(map(_START, bounds)), quoted, list(map(_START, quoted)))
    quotes: list[Quote] = []
    shared = _shared_surnames(persons)
    last_speaker: tuple[str | None, Span | None, int] = (None, None, -1)
    chain_speaker: dict[int, tuple[str | None, str | None, Span | None]] = {}
    last_gendered: dict[str, tuple[str, int]] = {}
    quoted_sentences: set[int] = set()
    for d in directs:
        s0, s1, si = _enclosing(
            bounds, ctx.sentence_starts, d.open_mark, max(d.close_mark - 1, d.open_mark)
        )
        quoted_sentences.update(range(si[0], si[1] + 1))
        # Attribution looks for cues and speakers in the quote's sentence; a
        # "sentence" of a whole unpunctuated text made that quadratic. Real
        # sentences are far shorter than this reach.
        s0 = max(s0, d.open_mark - _MAX_REACH)
        s1 = min(s1, d.close_mark + _MAX_REACH)
        text = body[d.start : d.end]
        found = _attribute(ctx, d, s0, s1)
        if found is not None and found[0] is None and found[2] is not None:
            # '"...," she said.' with no one of hers named near: the last
            # speaker of that gender goes on, if recent.
            want = _PRONOUNS.get(body[found[2].start : found[2].end].lower())
            earlier = last_gendered.get(want or "")
            if earlier is not None and d.open_mark - earlier[1] < 1500 and not (
                # (nobody else named or described since: no capitalised
                # word but a sentence's first)
                _NAME_INSIDE.search(body, _next_sentence(ctx, earlier[1]), d.open_mark)
            ):
                found = (earlier[0], found[1], found[2])
        if d.chain in chain_speaker and (found is None or found[0] is None):
            found = chain_speaker[d.chain]
        # Only "up to four" and "up to six" words matter: count no further.
        words = _count_words(text)
        if found is None:
            if d.single:
                continue  # scare quotes: a term, not a quotation
            if words <= 4 and _goes_on(ctx, d, s0, last_speaker):
                # '"...," she said. "He chose not to."': a whole sentence
                # right after the speaker's quote is more of it, however short.
                found = (last_speaker[0], None, None)
            elif words <= 4:
                # Only a characterisation keeps a short quote: "X condemned the
                # test as "provocative"" gives X's words; other short quoted
                # terms are scare quotes.
                found = _framing_speaker(ctx, s0, d.open_mark)
                if found is None:
                    actor = _first_actor(ctx, s0, d.open_mark)
                    if actor is None or actor.kind is not _PERSON:
                        continue
                    found = (actor.name, None, _span(actor.start, actor.end))
            elif _ALNUM.search(body, s0, d.open_mark):
                # Words of the narrator's sentence before the quote: the
                # quote is part of what that sentence says of its subject
                # ('Reid has gone after Trump as a "human leech who ..."'),
                # not the previous speaker going on.
                found = _framing_speaker(ctx, s0, d.open_mark)
                if found is None:
                    subject = _clause_subject(ctx, s0, d.open_mark)
                    found = (None, None, None) if subject is None else (
                        subject[0], None, subject[1])
            # A whole-sentence quote continues the previous speaker nearby.
            elif last_speaker[0] is not None and d.open_mark - last_speaker[2] < 600:
                found = (last_speaker[0], None, None)
            else:
                found = (None, None, None)
        elif words <= 4 and _SO_CALLED.search(body, max(0, d.open_mark - 12), d.open_mark):
            continue  # a so-called "reset"
        elif words <= 4 and _scare_before(body, d.open_mark) and (
            found[0] is None or _ADJECTIVAL_AFTER.match(body, d.close_mark)
        ):
            continue  # 'a "no limits" partnership': a term, not a quotation
        if words <= 6 and _is_title(text) and _TITLE_BEFORE.search(
            body, max(0, d.open_mark - 24), d.open_mark
        ):
            continue  # the title of a show, film or article: CBS's "Face the Nation"
        if text[:1] in "([" and text.rstrip(".,")[-1:] in ")]":
            continue  # a transcript's stage direction: "(CROSSTALK)", "[Applause]"
        speaker, cue, span = found
        if shared and speaker is not None and span is not None:
            speaker = _surname_holder(ctx, speaker, span, shared)
        chain_speaker.setdefault(d.chain, (speaker, cue, span))
        if speaker is not None:
            last_speaker = (speaker, span, d.end)
            if speaker in persons and (gender := _gender(ctx, speaker)) in ("m", "f"):
                last_gendered[gender] = (speaker, d.end)
        start = d.start
        if cue == "label":
            # A transcript line ("PENCE: Well, ..."): the label names the
            # speaker; the words spoken start after it.
            label = _LABEL.match(body, d.start, d.end)
            if label is not None and label.end() < d.end:
                start = label.end()
                text = body[start : d.end]
        quotes.append(_quote(text, speaker, cue, True, _span(start, d.end), span))
    for q in _indirect(ctx, bounds, quoted_sentences):
        if shared and q.speaker is not None and q.speaker_span is not None:
            speaker = _surname_holder(ctx, q.speaker, q.speaker_span, shared)
            if speaker != q.speaker:
                q = _quote(q.text, speaker, q.cue, False, q.span, q.speaker_span)
        quotes.append(q)
    quotes.sort(key=_SPAN_KEY)
    return tuple(quotes)


def _shared_surnames(persons: Mapping[str, Entity]) -> dict[str, list[str]]:
    """Full names of people by the surname two or more of them share."""
    by_surname: dict[str, list[str]] = {}
    for name in persons:
        words = name.split()
        if len(words) > 1:
            by_surname.setdefault(words[-1], []).append(name)
    return {surname: names for surname, names in by_surname.items() if len(names) > 1}


def _surname_holder(ctx: _Context, speaker: str, span: Span, shared: dict[str, list[str]]) -> str:
    """Which of the people sharing a surname a mention at ``span`` names.

    "Ms Keane said" with Moira and Fintan Keane named: Moira. A name whose
    gender the honorific contradicts ("Mr Lapthorne" resolved to Britt
    Lapthorne) gives way to the one who fits, else to the honorific and
    surname themselves.
    """
    surname = speaker.rsplit(None, 1)[-1]
    names = shared.get(surname)
    if names is None:
        return speaker
    body = ctx.body
    honorific = _HONORIFIC_GENDER.search(body, max(0, span.start - 6), span.start)
    if honorific is not None:
        want = "m" if honorific.group(1) else "f"
        fits = [n for n in names if _gender(ctx, n) == want]
        if len(fits) == 1:
            return fits[0]
        if speaker in names and _gender(ctx, speaker) not in (want, "?"):
            return _clean_description(body[honorific.start() : span.end])
    # Without an honorific a bare surname stays as the article gives it: the
    # last one named is often a relative mentioned in passing.
    return speaker


def _goes_on(
    ctx: _Context, d: _Direct, s0: int, last: tuple[str | None, Span | None, int]
) -> bool:
    """Whether quote ``d`` is a whole sentence that follows the last quote
    with a speaker, with only that quote's cue between them in the paragraph."""
    body = ctx.body
    if last[0] is None or not 0 <= d.open_mark - last[2] < 60:
        return False
    if _ALNUM.search(body, s0, d.open_mark) or "\n" in body[last[2] : d.open_mark]:
        return False
    after = body[d.close_mark + 1 : d.close_mark + 2]
    return body[d.start : d.end].rstrip()[-1:] in ".!?" and after in ("", " ", "\n", "\t")


def _next_sentence(ctx: _Context, pos: int) -> int:
    """Where the sentence after the one holding ``pos`` starts."""
    si = bisect.bisect_right(ctx.sentence_starts, pos)
    return ctx.sentence_starts[si] if si < len(ctx.sentence_starts) else len(ctx.body)


# A capitalised word that does not open a sentence or a quotation.
_NAME_INSIDE: Final = re.compile(r"(?<![.!?\"“”'‘’:\n])[ \t(]+[A-Z]")
_TITLE_BEFORE: Final = re.compile(
    r"(?:['’]s|\b(?:titled|named|name|pseudonym|alias|nickname|including|show|program|"
    r"programme|film|book|song|"
    r"episode|album|series|column|commentary)|\b(?:episode|edition|broadcast|issue|"
    r"season|premiere|finale|set|cast|host|star)s?\s+of)[ \t\xa0]+$"
)
_SMALL_WORDS: Final = frozenset(
    ("a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "with")
)


def _is_title(text: str) -> bool:
    """Title Case words without sentence punctuation ("Face the Nation")."""
    words = text.rstrip(",.").split()
    if not words or any(c in text.rstrip(",.") for c in ".!?;:"):
        return False
    return (words[0][:1].isupper() or words[0][:1].isdigit()) and all(
        w[:1].isupper() or w[:1].isdigit() or w in _SMALL_WORDS for w in words
    )


_AS_BEFORE: Final = re.compile(r"\bas\s+(?:(?:a|an|the|being)\s+)?$")


def _framing_speaker(
    ctx: _Context, s0: int, open_mark: int
) -> tuple[str | None, str | None, Span | None] | None:
    """For 'X describes Y as "term"': X's name, when X is a person or organisation."""
    if _AS_BEFORE.search(ctx.body, max(s0, open_mark - 16), open_mark) is None:
        return None
    m = _first_actor(ctx, s0, open_mark)
    if m is None:
        return None
    return m.name, "as", _span(m.start, m.end)


def _gender(ctx: _Context, name: str) -> str:
    """The gender of the person entity ``name`` ("?" when unknown), computed once per call."""
    gender = ctx.genders.get(name)
    if gender is None:
        entity = ctx.persons.get(name)
        gender = "?" if entity is None else _gender_of(entity, ctx.body)
        ctx.genders[name] = gender
    return gender


_HONORIFIC_GENDER: Final = re.compile(r"\b(?:(Mr)|Mrs|Ms|Miss)\.?[ \t]$")


def _gender_of(entity: Entity, body: str) -> str:
    gender = person_gender(entity.name)
    if gender != "?":
        return gender
    # A name the given-name list does not know: the article's own "Mr" or
    # "Ms" before its mentions ("Mr Bryan"), unless both occur (a couple,
    # "Mr and Mrs Goetzinger", read as one name).
    found = {
        "m" if hon.group(1) else "f"
        for span in entity.mentions
        if (hon := _HONORIFIC_GENDER.search(body, max(0, span.start - 6), span.start))
    }
    if len(found) == 1:
        return found.pop()
    role = (entity.role or "").lower()
    if any(w in role for w in ("woman", "wife", "mother", "queen", "princess", "chairwoman")):
        return "f"
    return "?"


# -- direct quotes ----------------------------------------------------------


def _direct_spans(body: str) -> list[_Direct]:
    out: list[_Direct] = []
    if '"' not in body and "“" not in body and "”" not in body and "‘" not in body and (
        "'" not in body
    ):
        return out
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(body):
        paragraphs.append((pos, m.start()))
        pos = m.end()
    paragraphs.append((pos, len(body)))
    chain = 0
    carried = False  # previous paragraph ended inside a quote
    marks = _positions(body, "“”\"")
    n_marks = len(marks)
    for p_start, p_end in paragraphs:
        k = bisect.bisect_left(marks, p_start)
        if k >= len(marks) or marks[k] >= p_end:
            carried = False
            continue
        open_at: int | None = None
        first_mark = True
        attribute_open = False
        nested = ""  # the closing mark of a quote inside the open one
        while k < n_marks and marks[k] < p_end:
            i = marks[k]
            k += 1
            ch = body[i]
            if nested:
                if ch == nested or (nested == "”" and ch == '"' and _closes(body, i, p_end)):
                    nested = ""
                    if ch == '"' and body[open_at or 0] == '"':
                        _add(out, body, (open_at or 0) + 1, i, open_at or 0, i + 1, chain)
                        open_at = None
                continue
            if open_at is not None and i > open_at + 1 and (
                (ch == "“" and body[open_at] == '"' and _opens(body, open_at, p_end, p_start))
                or (ch == '"' and body[open_at] == "“" and _opens(body, i, p_end, p_start))
            ):
                # A quote inside a quote in the other style of marks ('"When
                # they say “flexibility” they mean ..."'): part of the outer one.
                nested = "”" if ch == "“" else '"'
                continue
            if ch == '"' and attribute_open:
                attribute_open = False
                continue  # the end of an attribute value
            if ch == '"' and i > p_start and body[i - 1] == "=":
                attribute_open = True
                continue  # an attribute value: author="x"
            if ch == '"' and i > p_start and body[i - 1].isdigit() and open_at is None:
                continue  # inches: 6'3"
            if ch == "”" and open_at is None and not (first_mark and carried) and (
                i == p_start or body[i - 1].isspace()
            ) and i + 1 < p_end and not body[i + 1].isspace():
                ch = "“"  # a closing mark used as an opener ("”Fear. I am...")
            if ch == '"' and open_at is not None and _runs_on(body, open_at, i, p_end):
                # '... the better. "A short-term ...': a paragraph of the same
                # quotation run into this one (its break lost); the quote so far
                # ends unclosed and the next one continues its chain.
                _add(out, body, open_at + 1, i, open_at, i, chain)
                open_at = i
                first_mark = False
                continue
            if ch == '"' and open_at is None and _closes(body, i, p_end):
                # '..., he said.' with nothing open: a closing mark. It ends a
                # quote carried over from the previous paragraph, or is stray
                # (opening here would quote the narrative up to the next mark).
                if first_mark and carried:
                    _add(out, body, p_start, i, p_start, i + 1, chain)
                first_mark = False
                continue
            opening = ch == "“" or (ch == '"' and open_at is None)
            if ch == "”" and open_at is None:
                # A closing mark with nothing open: a stray mark, unless the
                # paragraph continues a quote (then it closes from the start).
                if first_mark and carried:
                    _add(out, body, p_start, i, p_start, i + 1, chain)
                first_mark = False
                continue
            if opening and open_at is None:
                if not (first_mark and carried and i - p_start <= 1):
                    chain += 1
                open_at = i
            elif open_at is not None and (ch == "”" or ch == '"'):
                _add(out, body, open_at + 1, i, open_at, i + 1, chain)
                open_at = None
            elif open_at is not None and ch == "“":
                # Two openers: the first was never closed; restart here.
                open_at = i
                chain += 1
            first_mark = False
        if open_at is not None:
            _add(out, body, open_at + 1, p_end, open_at, p_end, chain)
            carried = True
        else:
            carried = False
    # Single-quoted spans outside double quotes (British style, scare quotes).
    covered = [(d.open_mark, d.close_mark) for d in out]
    starts = [c[0] for c in covered]
    for m in _single_quotes(body):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and covered[k][0] <= m.start() < covered[k][1]:
            continue
        chain += 1
        out.append(_Direct(m.start(1), m.end(1), m.start(), m.end(), chain, True))
    out.sort(key=_DIRECT_START)
    return out


_ALNUM: Final = re.compile(r"[^\W_]")  # what str.isalnum accepts


# At least five / seven words: a word is a run of [\w’'-] characters, each but
# the last followed by a run of other characters (so a word is never split).
_FIVE_WORDS: Final = re.compile(r"[^\w’'\-]*(?:[\w’'\-]+[^\w’'\-]+){4}[\w’'\-]")
_SEVEN_WORDS: Final = re.compile(r"[^\w’'\-]*(?:[\w’'\-]+[^\w’'\-]+){6}[\w’'\-]")


def _count_words(text: str) -> int:
    """The words of ``text`` as far as the rules need them: 4 for up to four,
    6 for five or six, 7 for more (only "up to four" and "up to six" matter)."""
    # Most quotes are longer: seven space-separated tokens that each start or
    # end with a letter or digit hold seven words (one each at least), found
    # without the patterns.
    tokens = text.split(None, 7)
    if len(tokens) >= 7 and (
        # Their first characters joined: one C-level test for the usual case.
        "".join(map(_START, tokens[:7])).isalnum()
        or all(t[0].isalnum() or t[-1].isalnum() for t in tokens[:7])
    ):
        return 7
    if _FIVE_WORDS.match(text) is None:
        return 4
    return 6 if _SEVEN_WORDS.match(text) is None else 7


def _runs_on(body: str, open_at: int, i: int, p_end: int) -> bool:
    """Whether a straight mark at ``i``, inside a quote opened at ``open_at``,
    opens a new paragraph of that quote: a full stop and a space before it,
    a word right after it."""
    return (
        i - open_at > 3
        and body[i - 1] == " "
        and body[i - 2] in ".!?"
        and i + 1 < p_end
        and body[i + 1].isalnum()
    )


def _opens(body: str, i: int, p_end: int, p_start: int) -> bool:
    """Whether a mark at ``i`` can only open a quote: at the paragraph start or
    after a space or bracket, and before a word."""
    return (i == p_start or body[i - 1].isspace() or body[i - 1] in "([—–") and (
        i + 1 < p_end and body[i + 1].isalnum()
    )


def _closes(body: str, i: int, p_end: int) -> bool:
    """Whether a straight mark at ``i`` can only close a quote: after the
    punctuation that ends quoted words and before a space or the paragraph end."""
    return i > 0 and body[i - 1] in ",.!?" and (i + 1 >= p_end or body[i + 1].isspace())


def _add(out: list[_Direct], body: str, start: int, end: int, open_mark: int, close_mark: int,
         chain: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start and _ALNUM.search(body, start, end) is not None:
        out.append(_Direct(start, end, open_mark, close_mark, chain, False))


# -- sentences --------------------------------------------------------------

_SENT_END: Final = re.compile(r"[.!?]+[\"'”’)]*\s+|\n+")


def _sentence_bounds(body: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    if sentences:
        return [(s.start, s.end) for s in sentences]
    out = []
    pos = 0
    for m in _SENT_END.finditer(body):
        if m.end() > pos:
            out.append((pos, m.end()))
            pos = m.end()
    if pos < len(body):
        out.append((pos, len(body)))
    return out


def _enclosing(
    bounds: list[tuple[int, int]], starts: Sequence[int], start: int, end: int
) -> tuple[int, int, tuple[int, int]]:
    """Start of the sentence holding ``start``, end of the one holding ``end``.

    ``starts`` are the bounds' start offsets, computed once per body: building
    them per quote made long articles quadratic.
    """
    if not bounds:
        return start, end, (0, 0)
    i = max(0, bisect.bisect_right(starts, start) - 1)
    j = max(i, bisect.bisect_right(starts, end) - 1)
    return bounds[i][0], bounds[j][1], (i, j)


# -- attribution ------------------------------------------------------------


def _build_cue() -> re.Pattern[str]:
    kb = knowledge()
    verbs = sorted((v for v in kb.reporting_verbs if " " not in v), key=len, reverse=True)
    phrases = sorted(kb.reporting_phrases, key=len, reverse=True)
    quoted = r"quoted\s+(?:by\s+(?:[^,.;“”\"]{1,60}?)\s+)?as\s+saying"
    alts = [quoted] + [re.escape(p).replace(r"\ ", r"\s+") for p in phrases]
    alts.append(alternation(verbs))  # a trie: hundreds of verbs tried as one
    # (not a word's first part: "post" of "post-war")
    # (not a possessive plural: "the island states' demand")
    return re.compile(
        r"(?<![\w\-])(?:[Aa]ccording\s+to|" + "|".join(alts) + r")\b(?!-\w)(?!['’](?:\s|$))"
    )


_CUE: Final = _build_cue()
# Courtesy titles ("Mr", "Dame", "Madame"; honorifics.txt) before a name:
# entity mentions leave them out, so a subject may open with one ("Ms Lee
# said") and indirect speech may end before one ("..., Dame Ella said").
_HONORIFIC_WORDS: Final = alternation(sorted({h.capitalize() for h in knowledge().honorifics}))
_HONORIFIC_START: Final = re.compile(rf"(?:{_HONORIFIC_WORDS})\.?\s+")
_HONORIFIC_END: Final = re.compile(rf"\b(?:{_HONORIFIC_WORDS})\.?\s+$")
#: How far back from a name an honorific and its blank may start.
_HONORIFIC_REACH: Final = max(len(h) for h in knowledge().honorifics) + 3
# Sentence-final punctuation not after an initial or abbreviation. The mark
# comes first and the look-behinds after it, so that the engine skips to
# marks in C instead of testing the look-behinds at every character.
_TERMINAL: Final = re.compile(
    r"[.!?](?<![A-Z][.!?])(?<!\bM[rs][.!?])(?<!\bMrs[.!?])(?<!\b(?:Dr|St|Jr|Sr|Lt)[.!?])"
    r"(?<!\b(?:Rep|Sen|Gov|Gen|Col)[.!?])[\"'”’]?\s|\n"
)
# Verbs whose name after them is their object, never an inverted subject:
# "it accused Port Elan of ...", "she told Reuters: ...".
_OBJECT_VERBS: Final = frozenset((
    "accused", "accuses", "told", "tells", "urged", "urges", "asked", "asks", "warned",
    "warns", "criticised", "criticized", "criticises", "criticizes", "praised", "praises",
    "blamed", "blames", "thanked", "thanks", "called", "calls", "described", "describes",
    "attacked", "attacks", "condemned", "condemns", "congratulated", "reminded", "assured",
    "informed", "invited", "ordered", "begged", "implored", "questioned", "dubbed", "branded",
    "labelled", "labeled", "slammed", "blasted", "hailed", "mocked",
))
_AFTER_CLOSE: Final = re.compile(r"[\s,.!?:;—–-]*")
_INVERTED_SPEAKER_GAP: Final = 25


def _attribute(
    ctx: _Context, d: _Direct, s0: int, s1: int
) -> tuple[str | None, str | None, Span | None] | None:
    """Speaker, cue and speaker span of a direct quote; None when no cue is found.

    A cue without an identifiable speaker gives ``(None, cue, None)``.
    """
    body = ctx.body
    text_end = body[d.start : d.end].rstrip("'’\"” ")[-1:]
    # 0. Transcripts ("PENCE: Well, ...") and dashed credits ("..." ― Ana Ruiz).
    label = _LABEL.match(body, d.start, d.end)
    if label is not None:
        name = _name_for(ctx, label.group(1))
        return name, "label", _span(label.start(1), label.end(1))
    dash = _DASH_CREDIT.match(body, d.close_mark)
    if dash is not None:
        found = _speaker_right(ctx, dash.end() - 1, min(len(body), dash.end() + 60), max_gap=4)
        if found is not None and found[0] is not None:
            return found[0], "credit", found[1]
    # 1. A cue right after the quote: ," she said / ," said Smith / ," Smith added.
    unnamed = ""
    tail_start = d.close_mark
    gap = _AFTER_CLOSE.match(body, tail_start, s1)
    after = gap.end() if gap else tail_start
    gap_text = body[tail_start:after]
    closes_clause = text_end in ",?!—–-" or "," in gap_text or "—" in gap_text
    # A full stop after the closing mark ("... are known as 'blue crude'.
    # Audi claims ..."): the narrator's sentence ended, and a cue after it
    # opens a new statement.
    ended_outside = text_end not in ".!?" and "." in gap_text
    best = _CUE.search(body, after, min(len(body), after + 80))
    if best is not None and (
        _inside_other_quote(body, after, best.start())
        or _TERMINAL.search(body, after, best.start())
    ):
        best = None
    if best is not None and _SUBORDINATE.match(body, after, best.start()):
        best = None  # '"...," when Smith blasted him': Smith is not the speaker
    if best is not None and _ends_before(
        _NEGATED, _NEGATED_ENDS, body, max(after, best.start() - 16), best.start()
    ):
        best = None  # '"..." The chairman did not comment.': no one says it
    if best is not None and _COLON_NEXT.match(body, best.end()):
        best = None  # '"...?" Jo Kent added: "..."': the cue opens the next quote
    if best is not None and best.start() - after <= 60 and (
        closes_clause
        or (best.start() - after <= 3 and text_end in ".")
        or (
            _TERMINAL.search(body, best.end(), best.end() + 40) is not None
            # A quoted phrase inside a sentence ('is describing as "unhinged" a
            # Trump tweet attacking ...') belongs to a cue before it, if any.
            and _CUE.search(body, s0, d.open_mark) is None
            and not ended_outside
        )
    ):
        verb = _cue_text(best.group())
        if verb == "according to":
            found = _speaker_right(ctx, best.end(), s1)
            if found is not None:
                return found[0], "according to", found[1]
        # Subject between the quote and the cue ("he said", "Smith said").
        subj = _speaker_left(ctx, after, best.start())
        if subj is not None:
            return subj[0], verb, subj[1]
        if body[after : best.start()].strip() in ("it", "It"):
            # '"...," it said in a statement': an organisation that is not
            # resolved here, never the previous quote's speaker.
            return None, verb, None
        # Inverted: ", said Smith".
        if best.start() - after <= 3:
            found = _speaker_right(ctx, best.end(), min(len(body), best.end() + 120))
            if found is not None:
                return found[0], verb, found[1]
        subject = body[after : best.start()].split()
        if closes_clause and subject and subject[0].lower() in ("the", "a", "an") and (
            verb != "quoted" and _count_words(body[d.start : d.end]) > 4
        ):
            unnamed = verb  # '"...," the website says': its subject names no one
    elif best is None and closes_clause:
        # '"...," Jo Kent, the director of a long-named body in Tarvik, told
        # the paper.': a person named right after the quote and set off by a
        # comma is the subject of a cue further on in the sentence.
        credited = _long_appositive_speaker(ctx, after, s1)
        if credited is not None:
            return credited
    # 2. The nearest cue before the quote in its sentence.
    lead = None
    earlier: list[re.Match[str]] = []  # the sentence's cues before the lead
    for m in _CUE.finditer(body, s0, d.open_mark):
        if _in_quote(ctx, m.start()):
            continue  # a verb in someone's quoted words is not the narrator's cue
        if _cue_noun(body, m):
            continue  # "Kim's mental state is": a noun, the subject of "is"
        if not _noun_before(body, max(s0, m.start() - 8), m.start()) or (
            _CONTENT_AFTER.match(body, m.end())
        ):
            if lead is not None and m.group().startswith("in ") and (
                m.start() - lead.end() <= 1
            ):
                continue  # "said in a statement": the verb stays the cue
            if lead is not None:
                earlier.append(lead)
            lead = m
    if lead is not None and (switched := _new_subject(ctx, lead.end(), d.open_mark)):
        # 'The union said 85% took part, while the Department for Education
        # put the figure at "closer to 60%"': the quote is the new subject's.
        return switched
    if lead is not None:
        verb = _cue_text(lead.group())
        if verb == "according to":
            found = _speaker_right(ctx, lead.end(), d.open_mark)
            if found is not None:
                return found[0], verb, found[1]
        else:
            if (verb == "told" or verb in _NAMING_VERBS) and _ends_before(
                _PASSIVE_BEFORE, _PASSIVE_ENDS, body, max(s0, lead.start() - 24), lead.start()
            ):
                # "he had been told a fan ...", "a third group are called
                # 'Nordic Blondes'": no speaker named
                return None, verb, None
            participle = _participle_before(body, max(s0, lead.start() - 16), lead.start())
            subj = None
            if participle is None:
                subj = _speaker_left(ctx, s0, lead.start())
            elif participle.group()[0] == "," and not lead.group().endswith("ing"):
                # After a comma a finite verb, not a participle, follows an
                # appositive: "Jo Kent, the club's chair, added:" is Jo Kent's.
                subj = _before_appositive(ctx, s0, participle.start())
            if subj is not None:
                return subj[0], verb, subj[1]
            if not participle and verb.split()[0] not in _OBJECT_VERBS and not (
                _IT_END.search(body, max(s0, lead.start() - 4), lead.start() - 1)
            ):
                found = _speaker_right(ctx, lead.end(), d.open_mark, max_gap=3, honorific=False)
                if found is not None:
                    return found[0], verb, found[1]
            # ", saying ...", "and said ...", "going on to say ...": the
            # subject of the main clause -- that of an earlier cue in the
            # sentence ("Ryan said the protests demands ...", "she called
            # it ... and called for ..."), else the sentence's first person
            # or organisation.
            for m in reversed(earlier):
                if _person_between(ctx, m.end(), lead.start()):
                    break  # "She claims Mrs Robinson refused and declared": a new subject
                if _participle_before(body, max(s0, m.start() - 16), m.start()) or (
                    _RELATIVE_BEFORE.search(body, max(s0, m.start() - 8), m.start())
                ):
                    continue  # not the main clause's verb ("a group which demands")
                subj = _speaker_left(ctx, s0, m.start())
                if subj is not None and subj[0] is not None and _may_speak(ctx, subj, m.start()):
                    return subj[0], verb, subj[1]
            main = _first_actor(ctx, s0, lead.start())
            if main is not None:
                owner = _owner_description(ctx, s0, main)
                if owner is not None:
                    return owner[0], verb, owner[1]
                return main.name, verb, _span(main.start, main.end)
            # "The Republican nominee also ... and vowed to punish '...'": a
            # description of a person opens the sentence as its subject.
            opening = _ROLE_DESCRIPTION_OPENING.match(body, s0, lead.start())
            if opening is not None and opening.group(1) in role_lexicon().heads:
                found = _description_ending(ctx, s0, opening.end())
                if found is not None and found[0] is not None:
                    return found[0], verb, found[1]
        return None, verb, None
    # 3. A cue later in the sentence (after other text). After a quote that
    # ends a sentence only one that ends the next one too ('"We won." Lena
    # Hart said.'), not the verb of a new statement ('"... a buying
    # opportunity." Critics had accused Mr Hariri of ...').
    if best is not None and not ended_outside and (
        text_end not in ".!?"
        or _TERMINAL.search(body, best.end(), best.end() + 40) is not None
        or not body[best.end() : best.end() + 40].rstrip(".!?\"'”’ \t\n")
    ):
        verb = _cue_text(best.group())
        subj = _speaker_left(ctx, max(after, best.start() - 80), best.start())
        if subj is not None:
            return subj[0], verb, subj[1]
    # Not the previous quote's speaker: this quote has a cue of its own.
    return (None, unnamed, None) if unnamed else None


# '," the head of the mission, former foreign minister Kofi Asante-Darko,
# said': a description and its comma, then up to six words of title.
_DESCRIPTION_FIRST: Final = re.compile(
    r"\s*(?:the|a|an)\s+[^,.;:!?\"“”]{1,80},\s+(?:[\w\-.’']+\s+){0,6}$"
)


_CLAUSE_SWITCH: Final = re.compile(
    r"[,;]\s+(?:while|whereas|but|although)\s+(?:that\s+)?(?:the\s+)?"
)
_VERB_AFTER: Final = re.compile(
    r"\s+(?:also\s+)?(?:(?:had|has|have|would|will|could|did)\s+)?"
    r"(?!(?:was|is|were|are|had|has|have|did|does|would|will|could|been|be|not)\b)([a-z]+)\b"
)


def _new_subject(
    ctx: _Context, lo: int, hi: int
) -> tuple[str | None, str | None, Span | None] | None:
    """A named person or organisation that opens a new clause between a
    cue at ``lo`` and a quote at ``hi`` (", while the Department for
    Education put the figure at"), with the verb after it."""
    body = ctx.body
    for switch in _CLAUSE_SWITCH.finditer(body, lo, hi):
        k = bisect.bisect_left(ctx.starts, switch.end())
        if k < len(ctx.mentions) and ctx.mentions[k].start == switch.end():
            m = ctx.mentions[k]
            verb = _VERB_AFTER.match(body, m.end, hi)
            if verb is not None and not (
                _in_quote(ctx, m.start)
            ):
                return m.name, verb.group(1), _span(m.start, m.end)
    return None


def _long_appositive_speaker(
    ctx: _Context, after: int, s1: int
) -> tuple[str | None, str | None, Span | None] | None:
    """The person named at ``after`` before a comma, when a cue (not before
    the sentence ends) follows the appositive within 250 characters; also
    after a description set off by a comma ('," the head of the mission,
    former foreign minister Kofi Asante-Darko, said')."""
    body = ctx.body
    k = bisect.bisect_left(ctx.starts, after)
    if k >= len(ctx.mentions):
        return None
    m = ctx.mentions[k]
    described = _DESCRIPTION_FIRST.match(body, after, m.start)
    if described is not None and "," not in body[described.end() : m.start]:
        after = m.start  # the name closes the description's appositive
    if m.kind is not _PERSON or m.start - after > 3 or body[m.end : m.end + 1] != ",":
        return None
    hi = min(s1, m.end + 250)
    stop = _TERMINAL.search(body, m.end, hi)
    if stop is not None:
        hi = stop.start()
    cue = _CUE.search(body, m.end, hi)
    if cue is None or _inside_other_quote(body, m.end, cue.start()) or not body[
        max(m.end, cue.start() - 2) : cue.start()
    ].startswith(", "):
        return None
    return m.name, _cue_text(cue.group()), _span(m.start, m.end)


# A cue word after a possessive or determiner is a noun ("called Obama's
# remarks ...", "his state-of-the-state address"), not a reporting verb ...
_NOUN_WORDS: Final = (
    "the", "a", "an", "his", "its", "their", "our", "my", "your", "these", "those"
)
_NOUN_BEFORE: Final = re.compile(
    r"(?:['’]s|\b(?:"
    + "|".join([*_NOUN_WORDS, *(w.capitalize() for w in _NOUN_WORDS)])
    + r"))\s+$"
)
# Their last two letters (the last one suffices for "s", "a" and "A").
_NOUN_BEFORE_ENDS: Final = frozenset(
    end for w in _NOUN_WORDS if len(w) > 1 for end in (w[-2:], w.capitalize()[-2:])
)


def _noun_before(body: str, lo: int, hi: int) -> bool:
    """``_NOUN_BEFORE`` in ``lo:hi``, searched only when the word before the
    spaces ending at ``hi`` can be one of its words (the last letter "s",
    "a" or "A", or the last two one of ``_NOUN_BEFORE_ENDS``)."""
    j = _space_back(body, lo, hi)
    if j == hi or not (body[j - 1] in "saA" or body[max(0, j - 2) : j] in _NOUN_BEFORE_ENDS):
        return False
    return _NOUN_BEFORE.search(body, lo, hi) is not None


# ... unless it introduces what was said ("Trump's claim that ...").
_CONTENT_AFTER: Final = re.compile(r"\s*(?::|that\b)")
_COLON_NEXT: Final = re.compile(r"[ \t]*:")
# A cue word followed by a verb "to be" is a noun ("his mental state is"),
# unless it is a verb of a relative clause ("which he thinks is", "the judge
# said was"): after a pronoun, or in a form that is no noun.
_COPULA_NEXT: Final = re.compile(r"\s+(?:is|was|are|were)\b")
_PRONOUN_BEFORE: Final = re.compile(r"\b(?:he|she|they|we|I|you|it)\s+$", re.IGNORECASE)
_VERB_ONLY: Final = frozenset(
    ("said", "says", "told", "tells", "wrote", "writes", "thought", "thinks")
)


def _cue_noun(body: str, cue: re.Match[str]) -> bool:
    """Whether the cue word ``cue`` is a noun, the subject of a "to be" after it."""
    if not _COPULA_NEXT.match(body, cue.end()):
        return False
    word = cue.group().lower()
    return not (word in _VERB_ONLY or word.endswith("ed")
                or _PRONOUN_BEFORE.search(body, max(0, cue.start() - 8), cue.start()))
_NEGATED: Final = re.compile(r"(?:\bnot|n['’]t|\bnever|\bdeclined\s+to|\brefused\s+to)\s+$")
# The word every match of _NEGATED ends with, before its blanks (see _ends_before).
_NEGATED_ENDS: Final = ("not", "n't", "n’t", "never", "to")


def _ends_before(
    rx: re.Pattern[str], ends: tuple[str, ...], body: str, lo: int, hi: int, digit: bool = False
) -> bool:
    """Whether ``rx.search(body, lo, hi)`` finds a match, for a pattern each of
    whose matches is a word ending in one of ``ends`` (or, with ``digit``, in
    what ``\\d`` matches: str.isdecimal) followed by blanks up to ``hi`` (its
    ``\\s+$``): the window must end in blanks after such a word.

    The search tries the pattern at every position of the window (a few
    microseconds for 16 characters); this test of the window's end costs a
    fraction of that and rules out most windows. ``str.rstrip`` strips what
    ``\\s`` matches, and ``$`` can also match before a final newline, which
    is a blank too.
    """
    tail = body[lo:hi].rstrip()
    if len(tail) == hi - lo or not (tail.endswith(ends) or (digit and tail[-1:].isdecimal())):
        return False
    return rx.search(body, lo, hi) is not None


# A subordinate clause after a quote: its subject is not the quote's speaker.
_SUBORDINATE: Final = re.compile(
    r"(?:when|while|because|after|before|if|since|until|though|although|whereas|where|once)\b",
    re.IGNORECASE,
)
_PARTICIPLE_WORDS: Final = ("and", "but", "to", "while", "before", "after", "by")
_PARTICIPLE_BEFORE: Final = re.compile(
    r"(?:," + "".join(rf"|\b{w}" for w in _PARTICIPLE_WORDS) + r")\s+$"
)
_PARTICIPLE_ENDS: Final = frozenset(w[-2:] for w in _PARTICIPLE_WORDS)


_RELATIVE_BEFORE: Final = re.compile(r"\b(?:which|that|who)\s+$")


def _person_between(ctx: _Context, lo: int, hi: int) -> bool:
    """Whether a person is named in ``lo:hi`` (outside quotations)."""
    k = bisect.bisect_left(ctx.starts, lo)
    while k < len(ctx.mentions) and ctx.mentions[k].start < hi:
        m = ctx.mentions[k]
        if m.kind is _PERSON and not _in_quote(ctx, m.start):
            return True
        k += 1
    return False


def _may_speak(ctx: _Context, subj: tuple[str | None, Span | None], cue: int) -> bool:
    """Whether a subject found for an earlier cue at ``cue`` may speak for a
    later one: a person, a pronoun or a description ("A Treasury
    spokesperson") right before that cue, not a court, company or place
    named there ("filed in Los Angeles Superior Court, also accuses ..."),
    nor a name before a long clause ("the Crime Bill, which prompted ... to
    make a comment")."""
    span = subj[1]
    if span is None:
        return True
    if cue - span.end > 40:
        return False
    k = bisect.bisect_left(ctx.starts, span.start)
    while k < len(ctx.mentions) and ctx.mentions[k].start == span.start:
        if ctx.mentions[k].end == span.end:
            return ctx.mentions[k].kind is _PERSON
        k += 1
    return True


def _participle_before(body: str, lo: int, hi: int) -> re.Match[str] | None:
    """``_PARTICIPLE_BEFORE.search(body, lo, hi)``, searched only when a
    comma or a word ending like one of its words stands before the spaces
    that end at ``hi`` (each ``\\b`` it tries costs a Unicode lookup)."""
    j = _space_back(body, lo, hi)
    if j == hi or not (body[j - 1] == "," or body[max(0, j - 2) : j] in _PARTICIPLE_ENDS):
        return None
    return _PARTICIPLE_BEFORE.search(body, lo, hi)


def _before_appositive(
    ctx: _Context, lo: int, comma: int
) -> tuple[str | None, Span | None] | None:
    """The person (or organisation or country) named right before the comma
    that opens an appositive which the comma at ``comma`` closes ("Jo Kent,
    the club's chair, ...", "China, Pyongyang's only ally, ...")."""
    opening = ctx.body.rfind(",", lo, comma)
    if opening > lo and _AGE_AFTER.fullmatch(ctx.body, opening, comma):
        opening = ctx.body.rfind(",", lo, opening)  # "His wife, Debbie, 48, said"
    if opening < 0:
        return None
    # Only an owner's name opening the appositive lets a country or body be
    # the subject: "France, a permanent member, ..." may itself be an
    # appositive of a person named before it.
    owned = _POSSESSIVE_OPEN.match(ctx.body, opening) is not None
    if not owned and not _APPOSITIVE_OPEN.match(ctx.body, opening):
        named = _named_appositive(ctx, opening, comma)
        return None if named is None else (named.name, _span(named.start, named.end))
    k = bisect.bisect_left(ctx.starts, opening) - 1
    while k >= 0 and ctx.mentions[k].end >= opening - 3:
        m = ctx.mentions[k]
        if (m.kind is _PERSON or (owned and m.kind is not _OTHER)) and (
            opening - 3 <= m.end <= opening
        ):
            return _owner_description(ctx, lo, m) or (m.name, _span(m.start, m.end))
        k -= 1
    named = _named_appositive(ctx, opening, comma)
    if named is not None:  # "His father, pastor Kevin Clark, claimed"
        return named.name, _span(named.start, named.end)
    return _opening_description(ctx, lo, opening, comma)


_DETERMINER_PHRASE: Final = re.compile(
    r"\s*((?:(?:A|An|Another|One|The)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,5}?[a-z][\w\-]*"
    # or a plural with what sets it apart: "Relatives of the victims"
    r"|[A-Z][a-z]+s(?=[ \t]+(?:of|in|at|from)[ \t]))"
    r"(?:[ \t]+(?:in|at|of|from|for|with)[ \t]+(?:(?:the|an?)[ \t]+)?[\w\-’']+"
    r"(?:[ \t]+[\w\-’']+){0,3})?)"
)
_ASIDE_OPENER: Final = re.compile(r",\s*(?:who|whose|which|that|where|when|[a-z]+(?:ing|ed))\b")


def _opening_description(
    ctx: _Context, lo: int, hi: int, aside_end: int
) -> tuple[str | None, Span | None] | None:
    """A description of a speaker that opens the clause at ``lo`` and ends
    at ``hi``, before an aside that ends at ``aside_end`` ("A NATO official,
    speaking on condition of anonymity, said"; "The Chicago-based company,
    which makes ..., said"), or None: also for "In a statement, ..." (no
    subject) and when the aside names a person ("The home's owner, cage
    fighter Dan Ware, 37, said": the name is read elsewhere)."""
    opener = _ASIDE_OPENER.match(ctx.body, hi, aside_end)
    if opener is None:
        # Not a relative clause or participle: the aside may name the speaker
        k = bisect.bisect_left(ctx.starts, hi)
        while k < len(ctx.mentions) and ctx.mentions[k].start < aside_end:
            m = ctx.mentions[k]
            if m.kind is _PERSON and " " in m.name:  # a full name, not "Ibb" or "Milliken"
                return None
            k += 1
    found = _description_ending(ctx, lo, hi) or _owned_speaker(ctx, lo, hi)
    if found is not None and found[1] is not None and ctx.body[lo : found[1].start].strip(
        " \t\n\"“‘'"
    ):
        found = None  # ("planning department" of "An engineer with the city's ...")
    if found is None and opener is not None:
        # "Another patient, who asked not to be named, said": any noun
        # phrase a relative clause or participle sets apart.
        phrase = _DETERMINER_PHRASE.fullmatch(ctx.body, lo, hi)
        if phrase is not None:
            found = _clean_description(phrase.group(1)), _span(phrase.start(1), hi)
    if found is None or found[1] is None:
        return None
    if ctx.body[lo : found[1].start].strip(" \t\n\"“‘'"):
        return None
    return found


def _named_appositive(ctx: _Context, opening: int, closing: int) -> _Mention | None:
    """The person whose name alone fills the appositive between the commas at
    ``opening`` and ``closing`` ("His lawyer, Jane Roe, said": Jane Roe
    speaks, not whoever the words before it name)."""
    body = ctx.body
    inner = body[opening + 1 : closing]
    at = opening + 1 + len(inner) - len(inner.lstrip())
    k = bisect.bisect_left(ctx.starts, at)
    if k < len(ctx.mentions):
        named = ctx.mentions[k]
        if (
            (named.start == at or (
                named.start < closing and " " in named.name
                and title_start(body, at, named.start) == at
            ) or _honorific_end(body, at) == named.start)  # "His father, pastor Kevin Clark,"
            and (named.kind is _PERSON or (
                named.kind is _OTHER and named.name.lower() in knowledge().forenames
            ))  # "His wife, Debbie,"
            and (
                not body[named.end : closing].strip()
                or _AGE_AFTER.fullmatch(body, named.end, closing) is not None  # ", 48"
            )
        ):
            return named
    return None


def _honorific_end(body: str, at: int) -> int:
    """Where the name after a courtesy title at ``at`` starts ("Sir Anthony
    Wexley"), or -1."""
    honorific = _HONORIFIC_START.match(body, at)
    return -1 if honorific is None else honorific.end()


# After a name in an appositive: an age and where the person is from
# ("Annette Edwards, 63, from Bromsgrove").
_AGE_AFTER: Final = re.compile(
    r"(?:,\s*(?:aged\s+)?\d{1,3})?(?:,?\s+(?:from|of)\s+[A-Z][^,;:]{0,40})?\s*"
)


def _first_actor(ctx: _Context, lo: int, hi: int) -> _Mention | None:
    """The sentence's first person or organisation, or an unknown name that
    opens the sentence as its subject ("Trump openly admires ..."). Names
    inside a quotation are someone's words, not the narrator's subject."""
    k = bisect.bisect_left(ctx.starts, lo)
    while k < len(ctx.mentions) and ctx.mentions[k].start < hi:
        m = ctx.mentions[k]
        if m.kind in (_PERSON, _ORGANIZATION):
            if _in_quote(ctx, m.start):
                k += 1
                continue
            return m
        if m.kind is _OTHER and m.start - lo <= 2 and _SUBJECT_NEXT.match(
            ctx.body, m.end
        ):
            return m
        k += 1
    return None


# What may open a sentence before its subject: one phrase set off by a
# comma ("In recent weeks, ", "Speaking backstage, ").
_FRONTED: Final = re.compile(r"[A-Z][^,.;:!?“”\"]{0,60},\s+")
_COLON_LAST: Final = re.compile(r"\s*:\s*")
_SUBJECT_PRONOUN: Final = re.compile(r"(?:He|She)\b")
_VERB_FIRST: Final = re.compile(r"\s*(([A-Z])[a-z]*)")
_APPOSITIVE_AFTER: Final = re.compile(r",\s+(?:a|an|the|his|her)\s[^,.;:!?“”\"]{1,80},")
# A finite verb after a subject, not a copula: "Reid has gone", "Trump tells",
# "Ono expressed", "Trump is once again questioning" (not "Holmes was
# denied", which says nothing Holmes said).
_VERB_NEXT: Final = re.compile(
    r" (?:[a-z]+ly )?(?:(?:(?:has|had|have|will|would|could|can|may|might|did|does|also|then|"
    r"later|still|again|once)\s+)+(?!(?:been|be|a|an|the|no|not)\b)[a-z]+"
    r"|(?:is|was)\s+(?:(?:once|again|also|still|now|[a-z]+ly)\s+)*[a-z]+ing"
    r"|(?!(?:is|was|has|does)\b)[a-z]+(?:s|ed))\b"
)


def _clause_subject(ctx: _Context, lo: int, hi: int) -> tuple[str | None, Span] | None:
    """The person who is the subject of the sentence at ``lo``: named (or a
    "he" or "she") at its start or after one fronted phrase set off by a
    comma, and followed by a finite verb, perhaps after an appositive ("Jo
    Kent, a friend of his, also revealed"); the head when the name modifies a
    person ("band frontman Jo Kent"); the name after an opening reporting
    verb ("Said Jo Kent: ...")."""
    body = ctx.body
    opening = _VERB_FIRST.match(body, lo, hi)
    if opening is None:
        return None
    if opening.group(1).lower() in knowledge().reporting_verbs:
        found = _speaker_right(ctx, opening.end(), hi, max_gap=4)
        if found is not None and found[1] is not None:
            return found[0], found[1]
    subject = _subject_at(ctx, opening.start(1), hi)
    if subject is None:
        fronted = _FRONTED.match(body, opening.start(1), hi)
        if fronted is not None:
            subject = _subject_at(ctx, fronted.end(), hi)
    return subject


_ROLE_SUBJECT: Final = re.compile(r"[Tt]he[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}?[a-z][\w\-]*(?=\s)")


def _subject_at(ctx: _Context, at: int, hi: int) -> tuple[str | None, Span] | None:
    """The person named (or "he", "she") at ``at`` when a finite verb follows."""
    body = ctx.body
    honorific = _HONORIFIC_START.match(body, at, hi)
    if honorific is not None:
        at = honorific.end()  # "Ms Robinson": the mention is the name
    pronoun = _SUBJECT_PRONOUN.match(body, at, hi)
    if pronoun is not None:
        if not _VERB_NEXT.match(body, pronoun.end()):
            return None
        name = _resolve_pronoun(ctx, pronoun.group().lower(), at)
        return None if name is None else (name, _span(at, pronoun.end()))
    k = bisect.bisect_left(ctx.starts, at)
    if k >= len(ctx.mentions) or ctx.mentions[k].start != at:
        # "the king thanked the public for its '...'": the one holder of
        # the role named before.
        role = _ROLE_SUBJECT.match(body, at, hi)
        if role is None or not _VERB_NEXT.match(body, role.end()):
            return None
        holder = _definite_holder(ctx, role.group(), at)
        return None if holder is None else (holder, _span(at, role.end()))
    m = ctx.mentions[k]
    head = _person_head(ctx, k, hi)
    if head is not None:
        m = head
    elif m.kind is not _PERSON:
        return None
    verb_at = m.end
    appositive = _APPOSITIVE_AFTER.match(body, verb_at, hi)
    if appositive is not None:
        verb_at = appositive.end()
    if _VERB_NEXT.match(body, verb_at) or _COLON_LAST.fullmatch(body, m.end, hi):
        return m.name, _span(m.start, m.end)  # "Reid has gone ...", "frontman Jo Kent: "
    return None


_SUBJECT_NEXT: Final = re.compile(r" (?:[a-z]+ly )?[a-z]+s\b| (?:has|had|was|is|said)\b")


_LABEL: Final = re.compile(r"([A-Z][A-Z’'\-]+(?:[ .]+[A-Z][A-Z’'\-]+){0,2}):\s")
_DASH_CREDIT: Final = re.compile(r"[ \t\xa0]*[―—–][ \t\xa0]*(?=[A-Z])")


def _name_for(ctx: _Context, label: str) -> str:
    """The entity a transcript label ("PENCE") stands for, else the label in title case."""
    folded = label.lower()
    for m in ctx.mentions:
        if m.kind is _PERSON and folded in m.name.lower().split():
            return m.name
    return label.title()


def _cue_text(cue: str) -> str:
    lowered = " ".join(cue.split()).lower()
    if lowered.startswith("quoted") and lowered.endswith("as saying"):
        return "quoted as saying"
    return lowered


def _inside_other_quote(body: str, start: int, end: int) -> bool:
    return body.find("“", start, end) >= 0 or body.find('"', start, end) >= 0


_SUBJECT_STOP: Final = re.compile(  # the full stop first, then its look-behinds (see _TERMINAL)
    r"[;:!?“”\"]|\.(?<![A-Z]\.)(?<!\bM[rs]\.)(?<!\bMrs\.)(?<!\b(?:Dr|St|Jr|Sr|Lt)\.)"
    r"(?<!\b(?:Rep|Sen|Gov|Gen|Col|Sgt)\.)(?=\s)"
)


_STOP_MARKS: Final = ";:!?“”\""
_TITLE_DOT_2: Final = frozenset(("Mr", "Ms", "Dr", "St", "Jr", "Sr", "Lt"))
_TITLE_DOT_3: Final = frozenset(("Mrs", "Rep", "Sen", "Gov", "Gen", "Col", "Sgt"))


def _word_char(ch: str) -> bool:
    """Whether ``ch`` is a regex word character (``\\w``)."""
    return ch.isalnum() or ch == "_"


def _last_stop(seg: str) -> int:
    """The end of the last match of ``_SUBJECT_STOP`` in ``seg`` (0 when none).

    The same rule read from the right: the last stop mark, or a later full
    stop before a space that ends no initial or abbreviation. Each of the
    pattern's matches is one character, so only the last one matters.
    """
    cut = 0
    for mark in _STOP_MARKS:
        if mark in seg:
            cut = max(cut, seg.rfind(mark) + 1)
    k = seg.rfind(".", cut)
    while k >= 0:
        if k + 1 < len(seg) and seg[k + 1].isspace() and not (
            "A" <= seg[k - 1 : k] <= "Z"
            or (seg[k - 2 : k] in _TITLE_DOT_2 and (k == 2 or not _word_char(seg[k - 3])))
            or (seg[k - 3 : k] in _TITLE_DOT_3 and (k == 3 or not _word_char(seg[k - 4])))
        ):
            return k + 1
        k = seg.rfind(".", cut, k)
    return cut


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# Words between a subject and its reporting verb ("Smith has also said").
_AUX_WORDS: Final = frozenset(
    ("has", "have", "had", "was", "were", "is", "are", "also", "then", "later", "previously",
     "once", "will", "would", "could", "did", "does", "do", "not", "never", "again",
     "repeatedly", "publicly", "privately", "recently", "quickly", "today", "yesterday",
     "earlier", "been", "being", "further", "reportedly", "allegedly", "simply", "just",
     "already", "often", "always", "flatly", "sharply", "bluntly")
)
_PASSIVE_BEFORE: Final = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
# The word every match of _PASSIVE_BEFORE ends with, before its blanks (see _ends_before).
_PASSIVE_ENDS: Final = ("was", "were", "is", "are", "been", "being", "be", "ly")
_DAYS: Final = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)


def _strip_aux(seg: str) -> str:
    """``seg`` without trailing auxiliaries, adverbs and commas ("Smith, has also")."""
    end = len(seg)
    while True:
        trimmed = seg[:end].rstrip(" ,\t\n\xa0")
        # The text after the last space or newline (rpartition takes one
        # argument: cheaper to call than rfind).
        word = trimmed.rpartition(" ")[2]
        if "\n" in word:
            word = word.rpartition("\n")[2]
        space = len(trimmed) - len(word) - 1
        word = word.lower()
        if word in _AUX_WORDS:
            end = space + 1
            continue
        if word in _DAYS and trimmed[:space].lower().endswith(" on"):
            end = space - 2
            continue
        return trimmed


def _speaker_left(
    ctx: _Context, lo: int, hi: int
) -> tuple[str | None, Span | None] | None:
    """The subject of a cue at ``hi``: a mention, a pronoun or a description."""
    body = ctx.body
    window_lo = max(lo, hi - 160)
    # Clip at the last clause-ending punctuation (not inside brackets such as
    # "(D-Md.)", not after abbreviations such as "Rep.").
    seg = body[window_lo:hi]
    if "(" in seg:  # the pattern needs one; most windows have none
        seg = _PARENTHETICAL.sub(_blank, seg)
    seg_lo = window_lo + _last_stop(seg)
    raw = body[seg_lo:hi]
    raw_core = _strip_aux(raw)  # a prefix of raw
    core_end = seg_lo + len(raw_core)
    if core_end <= seg_lo:
        return None
    if body.startswith("told", hi) and _PASSIVE_BEFORE.search(raw):
        return None  # "The magistrate was told that ...": the subject heard it
    # A pronoun right before the cue.
    # Every pronoun of _PRONOUN_END ends with "e", "y" or "I".
    if body[core_end - 2 : core_end] in ("it", "It") and _IT_END.search(
        body, max(seg_lo, core_end - 4), core_end
    ) and _IT_SAYS.match(body, hi):
        # "Full card numbers were not affected, it said", "Qantas shares fell
        # after it warned": the organisation the sentence (or the one
        # before) is about.
        org = _subject_before(ctx, core_end - 2, _ORGANIZATION) or _body_before(
            ctx, core_end - 2
        )
        if org is not None:
            return org, _span(core_end - 2, core_end)
    pm = (_PRONOUN_END.search(body, max(seg_lo, core_end - 5), core_end)
          if body[core_end - 1] in "eyI" else None)
    if pm is not None:
        pron = pm.group(1).lower()
        span = _span(pm.start(1), pm.end(1))
        return _resolve_pronoun(ctx, pron, span.start), span
    # "Smith, a close ally and the secretary of X, said": the subject is
    # the mention before the appositive's opening comma.
    closed = raw[core_end - seg_lo : core_end - seg_lo + 1] == "," or raw_core.endswith(",") or (
        # "..., because he was not authorised to speak publicly, said"
        raw.endswith(", ") and not raw_core.rstrip().endswith(",")
    )
    first_comma = raw.find(",", 0, core_end - seg_lo)
    # ... also without its closing comma when the name opens the clause
    # ('," Michael Lamberty, a Lufthansa spokesman told the BBC').
    if (closed or (
        first_comma > 0
        and _APPOSITIVE_OPEN.match(body, seg_lo + first_comma)
        # (not past a new clause: "Tom Bryce, a spokesman, put the toll at
        # 4,620, while X said")
        and _CLAUSE_BREAK.search(raw, first_comma + 1, core_end - seg_lo) is None
    )) and (
        0 <= first_comma < len(raw_core) - 1
    ):
        comma_at = seg_lo + first_comma
        # An aside in brackets before the comma ("Tom Harlan (R-Ohio), a panel
        # member,", "Ann Lee (52),") is not the subject: the name before it is.
        name_end = comma_at
        if body[comma_at - 1] == ")":
            opening = body.rfind("(", seg_lo, comma_at)
            if opening > seg_lo:
                name_end = seg_lo + len(body[seg_lo:opening].rstrip())
        k = bisect.bisect_left(ctx.starts, seg_lo)
        subject: _Mention | None = None
        while k < len(ctx.mentions) and ctx.mentions[k].start < name_end:
            cand = ctx.mentions[k]
            if name_end - 3 <= cand.end <= name_end and (
                subject is None or cand.end - cand.start > subject.end - subject.start
            ):
                subject = cand
            k += 1
        if subject is not None and (
            (subject.kind is _PERSON or _APPOSITIVE_OPEN.match(body, comma_at))
            if closed
            else subject.kind is _PERSON and not body[seg_lo : subject.start].strip()
        ):
            if closed:
                named = _named_appositive(
                    ctx, comma_at, core_end - 1 if body[core_end - 1] == "," else core_end
                )
                if named is not None:
                    return named.name, _span(named.start, named.end)
            return _owner_description(ctx, seg_lo, subject) or (
                subject.name, _span(subject.start, subject.end)
            )
        if subject is None and closed:
            named = _named_appositive(
                ctx, comma_at, core_end - 1 if body[core_end - 1] == "," else core_end
            )
            if named is not None:  # "Another resident, Peter Smith, said"
                return named.name, _span(named.start, named.end)
            # "The Chicago-based company, which makes the Quickplate brand,
            # said": a description opening the clause speaks, not a name in
            # the aside.
            found = _opening_description(ctx, seg_lo, name_end, core_end)
            if found is not None:
                return found
    owned_speaker = _owned_speaker(ctx, seg_lo, core_end)
    if owned_speaker is not None:
        return owned_speaker
    # An entity mention ending near the cue; skip appositives ("Smith, a spokesman,").
    k = bisect.bisect_left(ctx.starts, core_end) - 1
    best: _Mention | None = None
    locative = len(body)  # where a phrase of place before the cue starts
    while k >= 0 and ctx.mentions[k].start >= seg_lo - 40:
        men = ctx.mentions[k]
        if seg_lo < men.end <= core_end:
            between = body[men.end : core_end]
            if _in_quote(ctx, men.start):
                pass  # '"... sold in the US," said X': a name inside the quote
            elif between and _modifies_noun(between) and (  # mostly none: "Smith said"
                men.kind is _PLACE
                or (_noun_after(between) and between.split()[-1] not in _CLASS_NOUNS)
            ):
                # "the UK regulator said", "the Tory leader said", "the Clinton
                # campaign said": the noun's referent speaks, not the name.
                if best is None and _noun_after(between):
                    described = _described(ctx, seg_lo, men.start, core_end)
                    if described[1] is not None:
                        # "a spokeswoman for the Tarvik mall said"
                        return _owner_description(ctx, seg_lo, described[1]) or described
                    return described
            elif men.start >= locative:
                pass  # "Farnham" in "in Farnham, Surrey"
            elif not between.strip(" ,") and men.kind is _PLACE and (
                loc := _LOCATIVE_BEFORE.search(body, max(seg_lo, men.start - 40), men.start)
            ):
                # "The 70-year-old from Cotton, Suffolk, said": where the
                # speaker is from, not who speaks.
                locative = loc.start()
            elif not between or _joins_subject(between):
                if best is None or (men.kind is _PERSON and best.kind
                                    is not _PERSON and best.start > men.start):
                    best = _person_before_of(ctx, men, seg_lo) or men
                    if best.kind is _PERSON:
                        break
            elif best is None and between.count(",") in (1, 2) and _is_appositive(between) and (
                body.count(",", men.end, hi) >= 2 or _unclosed_appositive(between, men.kind)
            ):
                # "Smith, a spokesman, said"
                best = men
                if men.kind is _PERSON:
                    break
        k -= 1
    if best is not None:
        return _owner_description(ctx, seg_lo, best, core_end) or (
            best.name, _span(best.start, best.end)
        )
    if locative < len(body):
        # The noun before the place phrase: "Residents in Leeds".
        head_end = len(body[seg_lo:locative].rstrip()) + seg_lo
        found = _description_ending(ctx, seg_lo, head_end)
        if found is None:
            return None, None
        start = found[1].start if found[1] is not None else head_end
        lead = _LEAD_WORD.match(body, start, head_end)  # "And", "Now" open the clause
        if lead is not None:
            start = lead.end()
        # "A spokeswoman for the Kembaran embassy in Varlow": the spokeswoman
        return _owner_description(ctx, seg_lo, _span(start, core_end)) or (
            _clean_description(body[start:core_end]), _span(start, core_end)
        )
    found = _description_ending(ctx, seg_lo, core_end)
    if found is not None and found[1] is not None:
        # "A spokeswoman for the bank": the noun before speaks, not the bank.
        return _owner_description(ctx, seg_lo, found[1]) or found
    return found


# (also past what the body is: "Markus Deene of the research firm Corvane Economics")
_OF_BEFORE: Final = re.compile(
    r"[ \t]+(?:of|at|from)[ \t]+(?:the[ \t]+(?:[a-z][\w\-]*[ \t]+){0,3})?$"
)


def _owned_speaker(
    ctx: _Context, seg_lo: int, core_end: int
) -> tuple[str | None, Span | None] | None:
    """A speaker described through its owner, ending at ``core_end``
    ("Obama's aide", "Velmara's interior ministry"), or None."""
    body = ctx.body
    window = body[max(seg_lo, core_end - 70) : core_end]
    if "'s" in window or "’s" in window:  # the pattern needs a possessive
        owned = _OWNED_ROLE.search(body, max(seg_lo, core_end - 70), core_end)
        if owned is not None and (
            owned.group("noun") in _owner_nouns() or owned.group("noun") == "assistant"
            or (owned.group("noun") in _BODY_WORDS and _owner_not_person(ctx, owned))
        ):
            # The owner's whole name when it is a mention ("Michael Jackson's").
            start = owned.start()
            owner_end = owned.end("owner")
            k = bisect.bisect_left(ctx.starts, seg_lo)
            while k < len(ctx.mentions) and ctx.mentions[k].start < start:
                if ctx.mentions[k].end == owner_end:
                    start = ctx.mentions[k].start
                    break
                k += 1
            if body[start - 4 : start] in ("the ", "The "):
                start -= 4  # "The UK's biggest mortgage lender"
            span = _span(start, owned.end())
            # "An official from Nepal's home ministry": the official speaks.
            return _owner_description(ctx, seg_lo, span) or (
                _clean_description(body[start : owned.end()]), span
            )
    return None


def _person_before_of(ctx: _Context, men: _Mention, lo: int) -> _Mention | None:
    """The person whom ``men`` only places ("Henrik Olsen of Nordbank",
    "Judge Harold Finch of the Ashby County Court"): the subject of a cue
    after the name is that person, not the bank or the court."""
    body = ctx.body
    if body[men.start - 1 : men.start] not in (" ", "\t"):
        return None
    of = _OF_BEFORE.search(body, max(lo, men.start - 40), men.start)
    if of is None:
        return None
    k = bisect.bisect_left(ctx.starts, of.start()) - 1
    while k >= 0 and ctx.mentions[k].end >= of.start() - 1:
        cand = ctx.mentions[k]
        if cand.end == of.start() and cand.kind is _PERSON and cand.start >= lo:
            return cand
        k -= 1
    return None


def _last_tokens(body: str, lo: int, hi: int, n: int) -> int:
    """Where the last ``n`` blank-separated tokens of ``body[lo:hi]`` start
    (``lo`` when it holds no more than ``n``).

    A pattern whose matches end at ``hi`` and consist of at most ``n`` such
    tokens (parts separated by ``\\s+``, which splits where ``str.split``
    does) cannot match before them: searched from there, it finds what a
    search of the whole window finds, without trying the pattern at each
    earlier position.
    """
    parts = body[lo:hi].rsplit(None, n)
    return lo + len(parts[0]) if len(parts) > n else lo


def _description_ending(
    ctx: _Context, seg_lo: int, core_end: int
) -> tuple[str | None, Span | None] | None:
    """A description of an unnamed speaker ending at ``core_end`` ("a campaign
    source", "officials", "a pharmacologist"), or the one person the article
    gives a definite description's role ("the judge")."""
    body = ctx.body
    if body.endswith("old", 0, core_end):
        aged = _AGED.search(body, max(seg_lo, core_end - 24), core_end)
        if aged is not None:
            span = _span(aged.start(), core_end)
            return _aged_person(ctx, aged.group(1), aged.start()) or aged.group(), span
    # Each pattern ends with a word that follows a space (or, for a bare
    # plural, a word boundary) and ends at core_end: the last word decides
    # whether a search over the window can match at all.
    last = body[max(seg_lo, core_end - 70) : core_end].rsplit(None, 1)
    word = last[-1] if last and not body[core_end - 1 : core_end].isspace() else ""
    # IGNORECASE lets a few non-ASCII letters match ASCII ones: ASCII words only.
    folded = word.lower() if word.isascii() else None
    if body[core_end - 3 : core_end].lower() in _NOUN_ENDS:
        if folded is None or folded in _DESCRIPTION_WORDS:
            # A determiner, at most four words and the noun: the last six tokens.
            lo = _last_tokens(body, max(seg_lo, core_end - 70), core_end, 6)
            desc = _DESCRIPTION.search(body, lo, core_end)
            if desc is not None and desc.end() == core_end and (
                folded not in role_lexicon().relations
                or _opens_clause(body, seg_lo, desc.start())
            ):
                # (a relation is the subject only where a clause opens: not
                # in "... hired hitmen to murder her husband has told")
                span = _span(desc.start(), desc.end())
                holder = _definite_holder(ctx, desc.group(), desc.start()) or _definite_body(
                    ctx, desc.group(), desc.start()
                )
                if holder is not None:
                    return holder, span  # "the minister": Economy Minister Anouk Verbeek
                return _clean_description(desc.group()), span
        if folded is None or not folded.isalpha() or folded in _GROUP_WORDS:
            # At most two words and the noun ("prison officials"): the last four tokens.
            lo = _last_tokens(body, max(seg_lo, core_end - 60), core_end, 4)
            bare = _BARE_PLURAL.search(body, lo, core_end)
            if bare is not None:
                text = bare.group(1).strip()
                return _clean_description(text), _span(core_end - len(text), core_end)
    # "A person familiar with the investigation", "Voters interviewed outside
    # polling stations on Tuesday", "Workers on the picket line": a speaker
    # noun and what sets it apart, up to the cue.
    phrase = _QUALIFIED_SPEAKER.search(body, max(seg_lo, core_end - 110), core_end)
    if phrase is not None and _opens_clause(body, seg_lo, phrase.start()):
        return _clean_description(phrase.group()), _span(phrase.start(), core_end)
    # Any noun of a person's role: "a pharmacologist", "the judge". Its head
    # is the last word, all lower case.
    if not (_ROLE_HEAD.fullmatch(word) and (
        word in role_lexicon().heads
        or word + "s" in _GROUP_WORDS  # "an observer", "a negotiator"
        or word.endswith("ist")
        # "the Leuven-based brewery", "the Paris-based economics think tank"
        or _BASED_BEFORE.search(
            body,
            _last_tokens(body, max(seg_lo, core_end - 70), core_end - len(word), 3),
            core_end - len(word),
        )
    )):
        return None
    # The match (a determiner, up to three words and the head, each a whole
    # token but the determiner) lies in the last five tokens: search there.
    role = _ROLE_DESCRIPTION.search(
        body, _last_tokens(body, max(seg_lo, core_end - 70), core_end, 5), core_end
    )
    if role is None:
        return None
    span = _span(role.start(), role.end())
    holder = _definite_holder(ctx, role.group(), role.start())
    if holder is not None:
        return holder, span
    return _clean_description(role.group()), span


_BODY_REACH: Final = 400


def _definite_body(ctx: _Context, description: str, pos: int) -> str | None:
    """The one organisation named shortly before ``pos`` whose name holds
    the head of a definite ``description`` ("the chamber" for the
    Veskan-Norlandic Chamber of Commerce, "the trust" for Harbour Health
    Trust), or None. (Not from far back: "the bank" of a story about the
    Halifax is not the Bank of England named paragraphs before.)"""
    words = description.split()
    if len(words) != 2 or words[0].lower() != "the" or words[1] not in _BODY_HEADS:
        return None
    head = words[1].capitalize()
    found: str | None = None
    for men in ctx.mentions[bisect.bisect_left(ctx.starts, pos - _BODY_REACH) :]:
        if men.start >= pos:
            break
        if men.kind is _ORGANIZATION and " " in men.name and head in men.name.split():
            if found is not None and found != men.name:
                return None  # two of them: the description does not say which
            found = men.name
    return found


# Words that make a role another one than its head alone: "the minister" is
# not the Deputy Minister, "the president" not the former president.
_OTHER_HOLDER: Final = frozenset(
    ("deputy", "vice", "former", "ex", "assistant", "shadow", "junior", "associate",
     "late", "acting", "interim", "outgoing", "incoming", "then", "would-be")
)
_POSSESSIVE_S: Final = re.compile(r"['’]s\b")
_ROLE_MAIN: Final = re.compile(r"\s+(?:of|for|at|in|to|on|with|from)\s+|,")


def _definite_holder(ctx: _Context, description: str, pos: int) -> str | None:
    """The one person named before ``pos`` whom the article gives the role a
    definite ``description`` names ("the judge", "the minister" for Economy
    Minister Anouk Verbeek), or None.

    The role's head (its last word before "of", "for", ...) is the
    description's last word, or a person's title holds it ("the detective"
    for Detective Chief Inspector Owen Maddox); every word of the
    description is in the role ("the Uruguayan striker" is not the article's
    "Swedish striker"), and the role has no word that makes it another
    ("Deputy", "former").
    """
    words = description.lower().replace("-", " ").split()
    if len(words) < 2 or words[0] != "the":
        return None
    # (an age is no part of a role: "The 52-year-old minister")
    want = {w for w in words[1:] if not w.isdigit() and w not in ("year", "old")}
    head = words[-1]
    holder: str | None = None
    for entity in ctx.persons.values():
        if not entity.role or not entity.mentions or entity.mentions[0].start >= pos:
            continue
        role = _POSSESSIVE_S.sub("", entity.role.lower().replace("-", " "))
        main = _ROLE_MAIN.split(role, 1)[0].split()
        if not main or (main[-1] != head and not (
            head in main and head in role_lexicon().heads and entity.role[:1].isupper()
        )):
            continue
        role_words = set(role.split())
        if not want <= role_words or (role_words & _OTHER_HOLDER) - want:
            continue
        if holder is not None:
            return None  # two holders: the description says which of them
        holder = entity.name
    return holder


# "the 32-year-old said": someone named before, by age, at most this far back.
_AGE_REACH: Final = 6000
_AGED: Final = re.compile(r"\b[Tt]he[ \t]+(\d{1,3})-year-old$")


def _aged_person(ctx: _Context, age: str, pos: int) -> str | None:
    """The person "the <age>-year-old" at ``pos`` refers to.

    The one the article gave that age before ("Jamie Holt, 32,", "32-year-old
    striker Jamie Holt", "Holt (32)"); else, as wire copy uses the phrase for
    whom it is about, the person a pronoun there would refer to.
    """
    body = ctx.body
    people: set[str] = set()
    # (within the article's last few paragraphs: work stays linear in its length)
    given_age = re.compile(
        rf"(?:,[ \t]+|\()(?:aged[ \t]+)?{age}\b(?![\-.]\d)|\b{age}-year-old\b"
    )
    for given in given_age.finditer(body, max(0, pos - _AGE_REACH), pos):
        k = bisect.bisect_left(ctx.starts, given.start() - 60)
        if given.group()[0] in ",(":
            # The name right before: "Jamie Holt, 32,".
            for men in ctx.mentions[k:]:
                if men.start >= given.start():
                    break
                if men.kind is _PERSON and given.start() - 3 <= men.end <= given.start():
                    people.add(men.name)
        else:
            # A name within the words after it: "32-year-old striker Jamie Holt".
            for men in ctx.mentions[bisect.bisect_left(ctx.starts, given.end()):]:
                if men.start > given.end() + 40:
                    break
                if men.kind is _PERSON and "," not in body[given.end() : men.start]:
                    people.add(men.name)
                    break
    if len(people) == 1:
        return people.pop()
    if people:
        return None  # two people of that age: the phrase does not say which
    return _subject_before(ctx, pos, apart=f"{age}-year-old")


# What may stand before a sentence's subject: an opening word, up to four
# title words ("Retired chief executive"), a fronted phrase ending with a
# comma, or a quotation the subject speaks ('"...," Mrs Jackson said').
_SUBJECT_LEAD: Final = re.compile(
    r"(?:(?:But|And|Yet|So|Now|Then|Still|Meanwhile|However|Instead),?[ \t]+)?"
    r"(?:(?!(?i:the|a|an|his|her|their|its|this|that|of|in|on|at|by|with|as|when|after|"
    r"to|for|from|and|but|or|it|there|i|he|she|we|they|you)\b)[\w\-.’']+[ \t]+){0,4}"
)
def _clause_opener(ctx: _Context, pos: int) -> str | None:
    """The person, else organisation, who is the subject of the sentence at
    ``pos``: who speaks in "X welcomed the move, saying ..." and "X unveiled
    its glasses and said ..."."""
    return _subject_before(ctx, pos, _PERSON, reach=1) or _subject_before(
        ctx, pos, _ORGANIZATION, reach=1
    )


def _body_before(ctx: _Context, pos: int) -> str | None:
    """The description of a body that opens the sentence before ``pos`` and
    speaks there ("The Varlovian government said ... It said"), or None."""
    si = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    if si < 1:
        return None
    lo = ctx.sentence_starts[si - 1]
    found = _BODY_SPEAKS.match(ctx.body, lo, ctx.sentence_starts[si])
    return None if found is None else _clean_description(found.group(1))


# "The Varlovian government said", "The interior ministry has said"
_BODY_SPEAKS: Final = re.compile(
    r"\s*((?:The|Its)[ \t]+(?:[\w\-’']+[ \t]+){0,3}?"
    rf"(?:{_INSTITUTIONS}|government|ministry|company|agency))[ \t]+"
    r"(?:(?:has|had|also)[ \t]+)?(?:said|says|told|added|announced|confirmed)\b"
)
_REPORTS_AFTER: Final = re.compile(
    r"(?:[ \t]+(?:has|had|have|also))?[ \t]+(?:said|says|reported|reports|added|announced)\b"
)
_PASSIVE_AGENT: Final = re.compile(
    r"\b(?:was|were|is|are|been)[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+(?:ed|en|wn|ght)[ \t]+by[ \t]+"
    r"(?:[a-z][\w\-]*[ \t]+){0,3}$"
)
_FRONTED_OR_QUOTED: Final = re.compile(r"(?:,|[,?!]?[\"”'’])[ \t]*$")


def _subject_before(
    ctx: _Context, pos: int, kind: EntityKind = _PERSON, reach: int = 3, apart: str = ""
) -> str | None:
    """The person (or organisation, for ``kind``) who is the subject of the
    nearest sentence before ``pos`` (of the last ``reach`` sentences) that
    names one ("Mr Roberts said he was shocked. The 65-year-old said"), or
    None when that sentence's subject is something else, a description ("The
    England skipper had spent ... as Hodgson tinkered"), or the sentence
    sets them apart from the words ``apart`` ("Theresa May rejected the
    32-year-old's claim").
    """
    body = ctx.body
    si = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    hi = pos
    owned = False
    for _step in range(reach):
        lo = ctx.sentence_starts[si] if si >= 0 else 0
        k = bisect.bisect_left(ctx.starts, lo)
        if kind is _ORGANIZATION:
            # "..., the Financial Times has reported. It said": the one that
            # reports in that sentence, wherever it stands.
            for men in ctx.mentions[k:]:
                if men.start >= hi:
                    break
                if men.kind is _ORGANIZATION and _REPORTS_AFTER.match(body, men.end) and (
                    not _in_quote(ctx, men.start)
                ):
                    return men.name
        while k < len(ctx.mentions) and ctx.mentions[k].start < hi:
            men = ctx.mentions[k]
            k += 1
            # Places and organisations qualify a person ("Southampton's David
            # Prutton"), places an organisation; a name of unknown kind may
            # be the one meant.
            if men.kind is _PLACE or (men.kind is _ORGANIZATION and kind is _PERSON) or (
                _in_quote(ctx, men.start)
            ):
                continue
            lead = _SUBJECT_LEAD.match(body, lo, men.start)
            subject = (lead is not None and lead.end() == men.start) or _FRONTED_OR_QUOTED.search(
                body, max(lo, men.start - 4), men.start
            ) or _SPEAKS_AFTER.match(body, men.end) or (
                # "The breach was spotted by researcher Leah Okonjo": the agent
                _PASSIVE_AGENT.search(body, max(lo, men.start - 60), men.start)
            )
            if subject and body[men.end : men.end + 2] in ("'s", "’s"):
                # "Pacquiao's manager, Michael Koncz, blamed", "Gularte's
                # family tried": someone of theirs, named after it or not.
                owned = True
                continue
            if subject and men.kind is kind and (not apart or body.find(apart, men.end, hi) < 0):
                return men.name
            return None  # the sentence is about something or someone else first
        if owned:
            return None
        if si <= 0:
            break
        hi = lo
        si -= 1
    return None


def _opens_clause(body: str, lo: int, at: int) -> bool:
    """Whether a clause may open at ``at``: nothing but an opening word
    ("And", "But") or a comma or dash before it since ``lo``."""
    before = body[lo:at].rstrip()
    return not before or before.endswith((",", "—", "–", "-", '"', "'", "”", "’")) or (
        _LEAD_WORD.fullmatch(body[lo:at]) is not None
    )


_QUALIFIERS: Final = (
    r"(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|"
    r"involved\s+in|who\s+\w+|interviewed|questioned|polled|surveyed|gathered|on|at|in|outside|"
    r"near|from|inside)"
)
# The same after a cue, without a determiner: up to the clause's end.
_QUALIFIED_NEXT: Final = re.compile(
    r"\s+((?:(?:two|three|four|several|some|\d+)\s+)?"
    r"(?i:people|sources|officials|insiders|diplomats|analysts)\s+"
    r"(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of)"
    r"\s[^,.;:!?\"“”()]{1,70}?)(?=\s*(?:[,.;:!?]|$))"
)
_QUALIFIED_SPEAKER: Final = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Ff]ormer|"
    r"[Ll]ocal)"
    # (a bare plural after one capitalised word: "Aid workers at the crossing")
    rf"\s+(?:[a-z][\w\-]*\s+)?|\b(?:(?i:{_NOT_IN_DESCRIPTION})[A-Z][a-z\-]+\s+)?)"
    rf"(?i:person|people|source|sources|official|officials|insider|insiders|{_GROUPS})\s+"
    # (no auxiliary in the qualifier: "Authorities in X have released the
    # 911 call" is a clause, not who spoke)
    rf"{_QUALIFIERS}\b(?:(?!\b(?:have|has|had|is|are|was|were|will|would|can|could|may|might|"
    r"must|do|does|did)\b)[^,.;:!?\"“”()]){0,70}(?<=\w)$"
)


# "Paris-based" and up to two lower-case words before a description's head.
_BASED_BEFORE: Final = re.compile(r"\b[\w.]+-based\s+(?:[a-z][\w\-]*\s+){0,2}$")
_CLAUSE_BREAK: Final = re.compile(
    r",\s+(?:while|whereas|although|though|but|and|as|when|after|before|because|since|until|if)\s"
)
_LEAD_WORD: Final = re.compile(r"(?:And|But|Now|So|Meanwhile|Then)\s+")
# A place after a preposition, or after a town that follows one ("in Farnham,
# Surrey").
_LOCATIVE_BEFORE: Final = re.compile(
    r"\b(?:in|from|of|at|near|outside)\s+(?:[A-Z][\w\-’'.]*\s+){0,3}?(?:[A-Z][\w\-’'.]*,\s+)?$"
)
_PARENTHETICAL: Final = re.compile(r"\s*\([^()]{1,40}\)")
_APPOSITIVE_BETWEEN: Final = re.compile(r"^\s*,\s*[^,]{1,120},?\s*$")


_UNCLOSED_APPOSITIVE: Final = re.compile(r"\s*,\s*(?:(who|which)|a|an|the|his|her|its|their)\b")


def _unclosed_appositive(between: str, kind: EntityKind) -> bool:
    """Whether ", ..." after a name, with no comma closing it before the cue,
    still sets off an appositive of the name: a relative clause ("Ann Cole,
    who said") or a description of a person or organisation ("Ann Cole, a
    spokesman said", "sellers Evolved, the firm said"). Otherwise the words
    after the comma are the subject: "in France, officials said", "in Ohio, a
    spokeswoman said", "including Ann Cole, police said"."""
    match = _UNCLOSED_APPOSITIVE.match(between)
    return match is not None and (
        match.group(1) is not None or kind is _PERSON or kind is _ORGANIZATION
    )


def _is_appositive(between: str) -> bool:
    return bool(_APPOSITIVE_BETWEEN.match(between))


_IT_END: Final = re.compile(r"(?<![\w\-])[Ii]t$")
_IT_SAYS: Final = re.compile(
    r"\s*(?:said|says|added|adds|warned|announced|claimed|denied|noted|insisted|"
    r"argued|confirmed|stated|admitted|told)\b"
)
_PRONOUN_END: Final = re.compile(r"\b(he|she|they|we|I|He|She|They|We)$")
_PRONOUN_NEXT: Final = re.compile(r"\s+(he|she|they|we)\b", re.IGNORECASE)
_DESCRIPTION_NEXT: Final = re.compile(
    r"\s+((?:a|an|the|one|two|several|some|many|other|another|senior|top)\s+"
    # No verb inside: "says the secret to her success is '...'" names no one.
    r"(?:(?!(?:is|are|was|were|has|have|had|will|would|be)\b)[\w\-’']+\s+){0,4}?"
    r"(?!(?:is|are|was|were|has|have|had|will|would|be)\b)[\w\-’']+?)"
    r"(?=\s*(?:,|\.|;|$|\bwho\b|\bon\b|\bin\b|\bat\b))",
    re.IGNORECASE,
)
_APPOSITIVE_OPEN: Final = re.compile(r",\s+(?:a|an|the|who|whose|[a-z])")
# An appositive opening with an owner's name: "China, Pyongyang's only ally, said".
_POSSESSIVE_OPEN: Final = re.compile(r",\s+[A-Z][\w\-]*['’]s\s+[a-z]")
_SHORT_WORDS: Final = re.compile(r"(?:['’]s\s+)?(?:\w+\s*){0,3}")
_CLAUSE_WORD: Final = re.compile(
    r"\b(?:and|or|but|that|which|who|whom|whose|where|when|while|as|because|if)\b"
)
_STOP_CHAR: Final = re.compile(r"[.;:!?]")


def _joins_subject(between: str) -> bool:
    """Text between a subject and its verb that keeps them together."""
    stripped = (_PARENTHETICAL.sub("", between) if "(" in between else between).strip()
    if not stripped:
        return True
    return stripped in ("’s", "'s") or bool(
        len(stripped) < 25 and _SHORT_WORDS.fullmatch(stripped)
        and not _CLAUSE_WORD.search(stripped)
    )


#: Words that may stand between a subject and its reporting verb ("Smith
#: also said", "Ames has said"); another lower-case word after a place is the
#: noun it modifies ("US officials said"). Not the same words as _AUX_WORDS
#: (stripped before the subject is looked for): one list for both changes the
#: speakers of about 30 of 4,800 dev articles.
_BEFORE_VERB: Final = frozenset(
    (
        "also", "later", "then", "too", "again", "still", "now", "once", "first",
        "previously", "earlier", "today", "yesterday", "has", "have", "had", "is", "was",
        "were", "will", "would", "could", "can", "may", "might", "should", "must", "did",
        "does", "do", "not", "never", "just", "only", "even", "further", "separately",
    )
)
_FIRST_WORD: Final = re.compile(r"\s*([a-z]+)\b")
# One or two lower-case words: "US regulators", "UK car industry" (not "US
# regulators the airline", which holds another subject).
_NOUN_AFTER_PLACE: Final = re.compile(r"(?:\s+[a-z][\w\-]*){1,2}\s*")
#: Nouns that say what kind of body a name is rather than name someone
#: else ("the Interfax news agency", "the Syriza party"): the name speaks.
_CLASS_NOUNS: Final = frozenset(
    (
        "agency", "newspaper", "paper", "daily", "tabloid", "magazine", "network", "channel",
        "broadcaster", "website", "party", "group", "newswire",
    )
)
#: Lower-case words that cannot be (part of) the noun a name modifies.
_NOT_IN_NOUN: Final = frozenset(
    (
        "the", "a", "an", "its", "his", "her", "their", "and", "or", "but", "nor", "that",
        "which", "who", "whom", "whose", "where", "when", "while", "as", "because", "if",
        "to", "than",
    )
)


def _noun_after(between: str) -> bool:
    """Whether ``between`` is one or two lower-case words that make a noun
    after a name ("US regulators", "UK car industry"; not "US regulators the
    airline", "EU or member", "Acme declined to")."""
    if not _NOUN_AFTER_PLACE.fullmatch(between):
        return False
    verbs = knowledge().reporting_verbs
    return not any(
        w in _NOT_IN_NOUN or w in verbs or w.endswith("ed") for w in between.split()
    )
# A determiner and up to two modifiers before a name ("a senior Japanese ").
_DETERMINER_BEFORE: Final = re.compile(
    r"\b(the|a|an|The|A|An)\s+(?:(?!(?:the|a|an)\b)[\w\-]+\s+){0,2}$"
)


#: Words after a name that do not make it modify a noun: prepositions and
#: time words open a phrase after the name ("Smith in Rome said", "Smith last
#: night said"), reflexives and quantifiers stand for it ("Smith himself").
_NOT_A_NOUN: Final = frozenset(
    (
        "in", "on", "at", "of", "for", "from", "with", "to", "by", "last", "this", "next",
        "tonight", "himself", "herself", "itself", "themselves", "alone", "all", "both", "each",
    )
)


def _modifies_noun(between: str) -> bool:
    """Whether ``between`` (after a name, before a cue) opens with a noun the name modifies."""
    m = _FIRST_WORD.match(between)
    if m is None:
        return False
    word = m.group(1)
    return word not in _BEFORE_VERB and word not in _NOT_A_NOUN and not word.endswith("ly")


def _described(
    ctx: _Context, seg_lo: int, start: int, end: int
) -> tuple[str | None, Span | None]:
    """The speaker described by the noun phrase ending at ``end`` whose name
    modifier starts at ``start`` ("the Tory leader"): the person the article
    gives that role when the phrase is definite, else the phrase itself."""
    body = ctx.body
    det = _DETERMINER_BEFORE.search(body, max(seg_lo, start - 30), start)
    if det is not None:
        start = det.start()
    text = _clean_description(body[start:end])
    if det is not None and det.group(1).lower() == "the":
        holder = _sole_holder(ctx, text[len(det.group(1)) :].strip().lower())
        if holder is not None:
            return holder, _span(start, start + len(text))
    return text, _span(start, start + len(text))


def _sole_holder(ctx: _Context, role: str) -> str | None:
    """The one person the article gives ``role`` (lower case), or None."""
    holders = [e.name for e in ctx.persons.values() if e.role and e.role.lower() == role]
    return holders[0] if len(holders) == 1 else None


def _clean_description(text: str) -> str:
    return " ".join(text.split())


# A speaker described through a name that follows its noun ("a spokeswoman
# for Ellmers", "lawyers for Tom Bryce", "the head of the IMF", "a professor
# at Tarvik University", "a source close to the minister"): the noun's holder
# speaks, not the one named. The words between the determiner and the noun
# are no determiners or prepositions, so the phrase starts at its own.
_OWNER_PREPOSITIONS: Final = ("for", "of", "at", "to", "with", "from", "close to", "familiar with")
_OWNER_PREP: Final = "|".join(p.replace(" ", r"\s+") for p in _OWNER_PREPOSITIONS)
_OWNER_OF: Final = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+"
    rf"(?:(?!(?:the|a|an|{_OWNER_PREP})\b)[\w\-’']+\s+){{0,3}}?)?"
    rf"\b([A-Za-z][a-z\-]+)\s+(?:{_OWNER_PREP})\s+(?:the\s+)?$"
)
# Nouns in _DESCRIPTION_NOUNS that name no person ("a statement from X"
# leaves X the speaker).
_THING_WORDS: Final = frozenset(
    ("statement", "report", "ministry", "campaign", "government", "agency", "company",
     *_INSTITUTIONS.split("|"))
)


# Bodies that speak for a place or organisation: "Velmara's interior
# ministry said", "according to Varnia's statistics office".
_BODY_WORDS: Final = _THING_WORDS - {"statement", "report", "campaign", "family", "team"}


def _owner_not_person(ctx: _Context, owned: re.Match[str]) -> bool:
    """Whether the owner of an _OWNED_ROLE match is a mention of no person."""
    k = bisect.bisect_left(ctx.starts, owned.start("owner") - 40)
    while k < len(ctx.mentions) and ctx.mentions[k].start <= owned.start("owner"):
        men = ctx.mentions[k]
        if men.end == owned.end("owner"):
            return men.kind is not _PERSON
        k += 1
    return False


@functools.cache
def _owner_nouns() -> frozenset[str]:
    """Nouns that make _OWNER_OF's phrase a person: any role noun, relation,
    group or description of a person, and their plurals."""
    lex = role_lexicon()
    people = (
        lex.heads | frozenset(lex.relations) | _GROUP_WORDS | (_DESCRIPTION_WORDS - _THING_WORDS)
    )
    return frozenset(people | {w + "s" for w in people})


def _owner_description(
    ctx: _Context, lo: int, mention: _Mention | Span, hi: int = -1
) -> tuple[str | None, Span | None] | None:
    """The speaker when ``mention`` (a name, or a phrase such as "the Tarvik
    mall") only names whom or what a person before it belongs to ("a
    spokeswoman for Ellmers"), searched from ``lo``: the one person the
    article gives a definite description's role ("the head of the IMF"), else
    the description itself; None when no such noun comes before. A lower-case
    word between the name and ``hi`` ends the description ("a lawyer for the
    Ellmers family")."""
    body = ctx.body
    # (past a title: "a spokesman for Mayor Susan Kemp")
    start = _owner_before(body, lo, title_start(body, lo, mention.start))
    if start < 0:
        return None
    # The owner may itself be owned: "Lawyers for the parents of Michael Brown".
    while (outer := _owner_before(body, lo, start)) >= 0:
        start = outer
    end = mention.end
    rest = body[end:hi].split() if hi > end else ()
    if len(rest) == 1 and rest[0].isalpha() and rest[0].islower():
        end = hi
    text = _clean_description(body[start:end])
    if text[:4].lower() == "the ":
        holder = _sole_holder(ctx, text[4:].lower())
        if holder is not None:
            return holder, _span(start, end)
    return text, _span(start, end)


def _owner_before(body: str, lo: int, at: int) -> int:
    """Where a person's noun phrase owning what starts at ``at`` begins ("a
    spokeswoman for " before "Ellmers"), or -1."""
    # Every match ends in a preposition (or "the") and a blank.
    tail = body[max(lo, at - 12) : at].rstrip()
    if len(tail) == at - max(lo, at - 12) or not tail.endswith(_OWNER_PREP_ENDS):
        return -1
    found = _OWNER_OF.search(body, max(lo, at - 70), at)
    if found is None:
        return -1
    noun = found.group(1)
    if noun.lower() in _owner_nouns() or (
        # A lower-case "-ist" or "-ian" is a person: "a statistician from X".
        noun.islower() and noun.endswith(("ist", "ists", "ian", "ians"))
    ):
        return found.start()
    return -1


# The last words every _OWNER_OF match ends in.
_OWNER_PREP_ENDS: Final = ("the", *sorted({p.split()[-1] for p in _OWNER_PREPOSITIONS}))
# A sentence opening with a definite or indefinite description whose head is
# followed by a verb-like lower-case word ("The Republican nominee also ...").
_ROLE_DESCRIPTION_OPENING: Final = re.compile(
    r"[\"“‘']?(?:The|A|An)\s+(?:(?!(?:the|a|an|of|and)\b)[\w\-’']+\s+){0,3}?([a-z][a-z\-]+)"
    r"(?=\s+[a-z])"
)
_LOWER_NEXT: Final = re.compile(r" [a-z]")


def _speaker_right(
    ctx: _Context, lo: int, hi: int, max_gap: int = _INVERTED_SPEAKER_GAP, honorific: bool = True
) -> tuple[str | None, Span | None] | None:
    """The speaker named after a cue (between ``lo`` and ``hi``): a name, a
    pronoun or a description; a description followed by the name it
    describes is that name ('," said the firm's director, Gail Summers.')."""
    found = _speaker_right_of(ctx, lo, hi, max_gap, honorific)
    if found is None or found[1] is None:
        return found
    end = found[1].end
    body = ctx.body
    if body[end : end + 2] == ", " and ctx.persons.get(found[0] or "") is None:
        named = _named_appositive(ctx, end, _next_comma_or_stop(body, end + 1, hi))
        if named is not None:
            return named.name, _span(named.start, named.end)
    return found


def _speaker_right_of(
    ctx: _Context, lo: int, hi: int, max_gap: int, honorific: bool
) -> tuple[str | None, Span | None] | None:
    body = ctx.body
    k = bisect.bisect_left(ctx.starts, lo)
    if k < len(ctx.mentions) and ctx.mentions[k].start < hi:
        m = ctx.mentions[k]
        # "said Rep. Jim Clyburn": skip the title (none stands in mere spaces).
        at = title_start(body, lo, m.start) if body[lo : m.start].strip() else m.start
        # "said Mr. McGinley": the title is no gap and its full stop ends
        # nothing. (Before a quote, "claimed Mr Seifert was ..." names the
        # subject of what was claimed: there the title counts.)
        hon = _HONORIFIC_END.search(body, max(lo, at - _HONORIFIC_REACH), at)
        if hon is not None and honorific:
            at = hon.start()
        if at - lo <= max_gap and not _STOP_CHAR.search(body, lo, hon.start() if hon else at):
            if m.kind is not _PERSON:
                m = _person_head(ctx, k, hi) or m
            if m.kind is not _PERSON and _LOWER_NEXT.match(body, m.end):
                # "said a Republican strategist", "said the Kremlin spokesman":
                # the name modifies the speaker's noun; the description (or
                # the one person the article gives that role) speaks.
                dm = _DESCRIPTION_NEXT.match(body, lo, hi)
                if dm is not None and dm.end(1) > m.end:
                    if dm.group(1)[:4].lower() == "the ":
                        return _described(ctx, lo, m.start, dm.end(1))
                    return _clean_description(dm.group(1)), _span(dm.start(1), dm.end(1))
            if body[lo:at].strip():  # words before the name: "said a spokeswoman for X"
                owner = _owner_description(ctx, lo, m)
                if owner is not None:
                    return owner
            if body[m.end : m.end + 1] in ("'", "’"):
                owned = _owned_after(ctx, k, hi)
                if owned is not None:
                    return owned
            return m.name, _span(m.start, m.end)
    pm = _PRONOUN_NEXT.match(body, lo, hi)
    if pm is not None:
        start = pm.start(1)
        return _resolve_pronoun(ctx, pm.group(1).lower(), start), _span(start, pm.end(1))
    dm = _DESCRIPTION_NEXT.match(body, lo, hi)
    if dm is not None:
        text = dm.group(1)
        start = dm.start(1)
        return _clean_description(text), _span(start, start + len(text))
    gm = _GROUP_NEXT.match(body, lo, hi)  # "according to organisers", "said police"
    if gm is not None:
        return gm.group(1), _span(gm.start(1), gm.end(1))
    # "according to people familiar with the investigation"
    qm = _QUALIFIED_NEXT.match(body, lo, hi)
    if qm is not None:
        text = qm.group(1)
        return _clean_description(text), _span(qm.start(1), qm.start(1) + len(text))
    return None


_OWNED_AFTER: Final = re.compile(r"['’]s\s+(?:[\w\-]+\s+){0,3}?([a-z][\w\-]*)(?=\s*(?:[,.;]|$))")


def _owned_after(ctx: _Context, k: int, hi: int) -> tuple[str | None, Span | None] | None:
    """The person a possessive name after a cue describes ('," added Ann
    Cole's sister, Jo Reed.': Jo Reed; ', said Ann Cole's lawyer.': the
    lawyer), or None when the name itself speaks."""
    body = ctx.body
    m = ctx.mentions[k]
    owned = _OWNED_AFTER.match(body, m.end, hi)
    if owned is None or not (owned.group(1) in _owner_nouns() or (
        owned.group(1) in _BODY_WORDS and m.kind is not _PERSON
    )):
        return None
    end = owned.end(1)
    if body[end : end + 1] == ",":
        named = _named_appositive(ctx, end, _next_comma_or_stop(body, end + 1, hi))
        if named is not None:
            return named.name, _span(named.start, named.end)
    return _clean_description(body[m.start : end]), _span(m.start, end)


def _next_comma_or_stop(body: str, lo: int, hi: int) -> int:
    found = _STOP_CHAR.search(body, lo, hi)
    stop = found.start() if found is not None else hi
    comma = body.find(",", lo, stop)
    return comma if comma >= 0 else stop


# Words of a noun phrase between a modifying name and the person it
# describes ("US lawyer", "Kremlin spokesman", "Britain's Prime Minister",
# "Secretary of State"): no clause words, no punctuation but a possessive.
_PREMODIFIER_GAP: Final = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?:and|or|but|nor|in|on|at|to|for|with|from|by|as|the|a|an|that|"
    r"who|which|when|after|before|while|said|says|told|is|was|has|had|will|would)\b)"
    r"(?:of\s+(?=[A-Z]))?[\w\-’'.]+){1,4}\s+"
)


def _person_head(ctx: _Context, k: int, hi: int) -> _Mention | None:
    """The person a name at mention ``k`` modifies, when the two stand in one
    noun phrase ("said Moscow-based US lawyer Jamie Firestone", "said Kremlin
    spokesman Dmitry Peskov"): the head of the phrase speaks, not its modifier."""
    body = ctx.body
    prev = ctx.mentions[k]
    j = k + 1
    while j < len(ctx.mentions) and ctx.mentions[j].start < hi:
        m = ctx.mentions[j]
        j += 1
        if m.start < prev.end:
            continue  # a shorter mention inside the previous one
        if not _PREMODIFIER_GAP.fullmatch(body, prev.end, m.start):
            return None
        if m.kind is _PERSON:
            # The word before the name must name a person's role ("analyst",
            # "Mr"): "Acme's website Jo Kent ..." runs into a new clause.
            last = body[prev.end : m.start].split()[-1].lower().rstrip(".")
            last = last.rpartition("-")[2]
            return m if _is_role_word(last) else None
        prev = m
    return None


def _is_role_word(word: str) -> bool:
    kb = knowledge()
    return (word in role_lexicon().heads or word in kb.title_words or word in kb.honorifics
            or word.endswith("ist"))


def _in_quote(ctx: _Context, pos: int) -> bool:
    """Whether ``pos`` lies inside a direct quote (people named there are not
    the antecedents of a narrator's "he" or "she")."""
    k = bisect.bisect_right(ctx.quote_opens, pos) - 1
    return k >= 0 and pos < ctx.quoted[k][1]


def _resolve_pronoun(ctx: _Context, pronoun: str, pos: int) -> str | None:
    """The person a pronoun at ``pos`` refers to.

    The first (subject-position) compatible person of the current sentence
    before the pronoun, else of the nearest earlier sentence that has one --
    there the one who speaks ("..., Mr Howard said", "..., the Tory leader
    said" for the holder of that role) before the first named; a person
    whose gender is unknown is compatible with he and she.
    """
    want = _PRONOUNS.get(pronoun)
    if want not in ("m", "f"):
        return None
    return _antecedent(ctx, want, pos, pronoun)


def _antecedent(ctx: _Context, want: str, pos: int, pronoun: str = "") -> str | None:
    """The person of gender ``want`` ("m", "f", or "?" for either) that a
    reference at ``pos`` goes back to (see :func:`_resolve_pronoun`)."""
    si = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    hi = pos
    body = ctx.body
    for step in range(8):
        lo = ctx.sentence_starts[si] if si >= 0 else 0
        if step and lo and pronoun and _opens_with_pronoun(body, lo, pronoun):
            # An earlier sentence whose subject is the same pronoun ("He
            # added ..., should Clinton return.") goes on about the same
            # person: that pronoun's antecedent when its gender is known to
            # match, rather than a name later in that sentence.
            earlier = _resolve_pronoun(ctx, pronoun, lo)
            if earlier is not None and _gender(ctx, earlier) == want:
                return earlier
        k = bisect.bisect_left(ctx.starts, lo)
        known: str | None = None
        unknown: str | None = None
        while k < len(ctx.mentions) and ctx.mentions[k].start < hi:
            m = ctx.mentions[k]
            k += 1
            if m.kind is not _PERSON or _in_quote(ctx, m.start):
                continue
            if not step and _BY_BEFORE.search(body, max(lo, m.start - 40), m.start):
                continue  # "Asked by prosecutor Raymond Adeyemi why ..., he said"
            gender = "?" if want == "?" else _gender(ctx, m.name)
            if gender != want and gender != "?":
                continue
            if step and (_SPEAKS_AFTER.match(body, m.end) or (
                _SPEAKS_BEFORE.search(body, max(lo, m.start - 40), m.start)
                # "..., said Smith." ends with the name; not "..., said Khan was"
                and _CLAUSE_END.match(body, m.end)
            )):
                # In an earlier sentence the one who speaks there ("...,
                # Mr Howard said.") is who "he said" goes on quoting.
                return m.name
            if gender == want:
                known = known or m.name
            elif unknown is None:
                unknown = m.name
        if step and (holder := _role_speaker(ctx, lo, hi, want)) is not None:
            return holder  # "..., the Tory leader said." names who goes on
        if step == 1 and (unnamed := _unnamed_speaker(body, lo, hi, want) or (
            _described_speaker(ctx, lo, hi, want)
        )) is not None:
            # '"...," my father often said.' right before: who goes on is no
            # one named, but the article's description of them.
            return unnamed
        if known is not None:
            return known
        if unknown is not None:
            return unknown
        if si <= 0:
            break
        hi = lo
        si -= 1
    return None


_BY_BEFORE: Final = re.compile(
    r"\b[A-Za-z][a-z]*(?:ed|en)[ \t]+by[ \t]+(?:[a-z][\w\-]*[ \t]+){0,3}$"
)


def _opens_with_pronoun(body: str, lo: int, pronoun: str) -> bool:
    """Whether the sentence at ``lo`` opens with ``pronoun`` ("he" or "she") as a word."""
    end = lo + len(pronoun)
    return (
        body[lo:end].lower() == pronoun
        and body[lo].isupper()
        and (end == len(body) or not body[end].isalnum())
    )


# A name as the subject of a reporting verb: "Mr Howard (has) said", "...,
# said Fed chairman Alan Greenspan".
_SPEAKS_AFTER: Final = re.compile(
    r"(?:['’]s)?(?:\s+(?:has|had|have|also|then|later|again|further|previously)){0,2}\s+"
    r"(?:said|says|told|tells|added|adds|explained|insisted|argued|warned|claimed|noted|"
    r"stated|declared|admitted|replied|continued|wrote|writes)\b"
)
# "he " first (the article's word boundary and capital checked behind it): a
# literal prefix lets the engine skip to each "he " instead of trying every
# position.
_ROLE_SPEAKS: Final = re.compile(
    r"he (?<=\b[Tt]he )((?:[A-Z][\w\-]*\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s+"
    r"(?:said|says|added|adds|told|explained|insisted|argued|warned|claimed|noted)\b"
)


def _role_speaker(ctx: _Context, lo: int, hi: int, want: str) -> str | None:
    """The person of compatible gender whose role speaks in ``lo:hi`` ("the
    Tory leader said", the article having named Michael Howard Tory leader)."""
    body = ctx.body
    # From lo + 1: the "T" of a match stands one before its "he ".
    for rm in _ROLE_SPEAKS.finditer(body, lo + 1, hi):
        holder = _sole_holder(ctx, rm.group(1).lower())
        if holder is not None and (want == "?" or _gender(ctx, holder) in (want, "?")):
            return holder
    return None


# Someone the article does not name speaks: "my father often said", "a
# spokeswoman added" (not "the minister said": a definite role is most often
# someone named before). The verb is found first, then the description
# before it (the verbs' first letters let the engine skip most positions).
_UNNAMED_VERB: Final = re.compile(
    r"(?:said|says|told|tells|added|adds|explained|recalled|insisted|argued|warned)\b"
)
_UNNAMED_BEFORE: Final = re.compile(
    r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Aa]n?)\s+(?:[a-z][\w\-]*\s+){0,2}?"
    r"([a-z][\w\-]*)\s+(?:(?:[a-z]+ly|often|also|then|later|once|always)\s+)?$"
)
_UNNAMED_ADVERBS: Final = frozenset(("often", "also", "then", "later", "once", "always"))
#: Relations that name no one but speak for a person of known gender.


def _unnamed_speaker(body: str, lo: int, hi: int, want: str) -> str | None:
    """The article's description of someone it does not name, of compatible
    gender, who speaks in ``lo:hi`` ("my father" of "my father often said",
    "a spokeswoman")."""
    for verb in _UNNAMED_VERB.finditer(body, lo, hi):
        at = verb.start()
        # The word before the verb (or before an adverb such as "often"):
        # most often a name or pronoun, so test the noun before the pattern.
        words = body[max(lo, at - 24) : at].rsplit(None, 2)
        if len(words) < 2:
            continue
        noun = words[-1]
        if noun in _UNNAMED_ADVERBS or noun.endswith("ly"):
            noun = words[-2]
        gender = role_lexicon().relations.get(noun)
        if gender is None:
            if not noun.islower() or not _is_role_word(noun):
                continue
            gender = "m" if noun.endswith("man") else "f" if noun.endswith("woman") else "?"
        if gender not in (want, "?") and want != "?":
            continue
        m = _UNNAMED_BEFORE.search(body, max(lo, at - 60), at)
        if m is not None:
            return _clean_description(body[m.start() : m.end(1)])
    return None


def _described_speaker(ctx: _Context, lo: int, hi: int, want: str) -> str | None:
    """The description of someone unnamed who speaks first in ``lo:hi``,
    the subject of its first reporting verb ("One analyst, who asked not
    to be named ..., said"), when its noun may be of gender ``want``."""
    verb = _UNNAMED_VERB.search(ctx.body, lo, hi)
    if verb is None or _in_quote(ctx, verb.start()):
        return None
    found = _speaker_left(ctx, lo, verb.start())
    if found is None or found[0] is None or found[0] in ctx.persons or found[1] is None:
        return None
    if found[1].start != lo + len(ctx.body[lo : found[1].start]) - len(
        ctx.body[lo : found[1].start].lstrip()
    ):
        return None  # the description opens the sentence
    noun = found[0].split(",")[0].split()[-1].lower()
    gender = role_lexicon().relations.get(noun) or (
        "m" if noun.endswith("man") else "f" if noun.endswith("woman") else "?"
    )
    # Only someone new: a definite description ("The Burnley boss") is most
    # often someone named before, whom the rest of the search finds.
    indefinite = found[0].split(None, 1)[0] in ("A", "An", "One", "Another")
    return found[0] if indefinite and gender in (want, "?") else None


_CLAUSE_END: Final = re.compile(r"\s*(?:[,.;:!?]|\(|$)")
_SPEAKS_BEFORE: Final = re.compile(
    r"[,\"”'’]\s*(?:said|says|added|adds|explained|insisted|argued|warned|wrote|writes)\s+"
    r"(?:[\w.\-]+\s+){0,3}$"
)


# -- reported speech --------------------------------------------------------

_INDIRECT_VERBS: Final = (
    "said", "says", "told", "added", "warned", "stated", "declared", "claimed",
    "insisted", "argued", "explained", "noted", "announced", "confirmed", "denied",
    "predicted", "acknowledged", "admitted", "testified", "stressed", "emphasised",
    "emphasized", "reiterated",
)
_INDIRECT_VERB: Final = re.compile(
    "(?:" + "|".join(_INDIRECT_VERBS) + "|"
    r"quoted\s+(?:by\s+[^,.;“”\"]{1,60}?\s+)?as\s+saying)\b"
)
# Every match of _INDIRECT_VERB starts with one of its verbs or "quoted", and
# every match of _ACCORDING holds "ccording to" one character in: str.find
# skips to such literals much faster than the regex engine can.
_ACCORDING_LITERALS: Final = (("ccording to", 1),)


# The verbs ending in "ed" (and "quoted") are found at once, as one pattern
# with a literal prefix ("de") over the reversed body; the others one
# str.find each.
_ED_LITERALS: Final = (*(v for v in _INDIRECT_VERBS if v.endswith("ed")), "quoted")
_OTHER_LITERALS: Final = tuple((v, 0) for v in _INDIRECT_VERBS if not v.endswith("ed"))
_ED_REVERSED: Final = re.compile(
    "de(?:" + "|".join(sorted((re.escape(v[::-1][2:]) for v in _ED_LITERALS), key=len,
                              reverse=True)) + ")"
)


def _literal_starts(text: str, literals: Sequence[tuple[str, int]]) -> set[int]:
    """Where a match containing one of ``literals`` (a string and its offset
    from the match start) would start."""
    starts: set[int] = set()
    for literal, offset in literals:
        i = text.find(literal, offset)
        while i >= 0:
            starts.add(i - offset)
            i = text.find(literal, i + 1)
    return starts


def _verb_starts(text: str) -> set[int]:
    """Starts of the literals of ``_INDIRECT_VERB`` in ``text``.

    Occurrences that overlap another one of a reversed match can be missed;
    such a word is followed by a letter and so never matches ``\\b``.
    """
    starts = _literal_starts(text, _OTHER_LITERALS)
    n = len(text)
    for m in _ED_REVERSED.finditer(text[::-1]):
        starts.add(n - m.end())
    return starts


def _match_at(
    rx: re.Pattern[str], text: str, starts: Sequence[int], lo: int = 0, hi: int | None = None
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, lo, hi)`` for a pattern without look-behind that
    can match only at ``starts`` (sorted): the pattern is tried only there."""
    if hi is None:
        hi = len(text)
    end = lo
    k = bisect.bisect_left(starts, lo)
    n = len(starts)
    while k < n and starts[k] < hi:
        pos = starts[k]
        k += 1
        if pos < end:
            continue
        m = rx.match(text, pos, hi)
        if m is not None:
            yield m
            end = m.end()


_INVERTED_BEFORE: Final = re.compile(r"[,'’\"”]\s*$")
_COMMA_BEFORE: Final = re.compile(r",\s*(?:(?:the|a|an|his|her|its|their)\s+)?$")
_ACCORDING: Final = re.compile(r"[Aa]ccording to\b")
_AFTER_VERB: Final = re.compile(
    r"(?:\s+(?:(?:late|early)\s+(?:on\s+)?\w+(?:\s+(?:night|morning|afternoon|evening))?|"
    r"by\s+(?:tele)?phone|by\s+e-?mail|"
    r"on\s+\w+|(?:last|this|next)\s+(?:week|month|year|night|morning|evening|"
    r"afternoon|\w+day)|earlier|later|today|yesterday|"
    r"in\s+(?:an?|its|his|her|their)\s+(?:[a-z]+\s+){0,2}?(?:statement|interview|"
    r"speech|letter|email|post|tweet)|at\s+an?\s+(?:(?:press|news)\s+)?(?:conference|briefing|"
    r"rally|hearing)))*[\s,]*"
    # "that" opens the reported words unless it is their subject: "said that
    # was not fast enough"
    r"(?:that\b(?!\s+(?:was|is|were|are|would|will|could|should|had|has|might|must|may|can|"
    r"did|does|seemed|seems|sounded|sounds|meant|means|remains|remained)\b))?"
)
# "told a news conference in San Marco": whom, a noun phrase of up to 60
# characters, then "that" opening what was told.
# (or a bare plural: "told members at a rally that")
_TOLD_NOUN_PHRASE: Final = re.compile(
    r"\s+(?:(?:an?|the|his|her|their|its)\s|[a-z]+s\s)[^,.;:!?\"“”]{1,60}"
)
_THAT: Final = re.compile(r"\sthat\s+([\w’']+)")
_SUBJECT_WORDS: Final = frozenset(
    ("he", "she", "they", "it", "we", "i", "you", "there", "this", "these", "those", "the",
     "a", "an", "his", "her", "their", "its", "our", "my", "some", "no", "all", "most")
)


def _after_told_object(body: str, c0: int, end: int) -> int:
    """Where what was told starts after "told a news conference in San Marco
    that": after the "that" followed by a subject (not a relative "that":
    "told a WCPO crew that helped ..."); ``c0`` when there is none."""
    phrase = _TOLD_NOUN_PHRASE.match(body, c0, end)
    if phrase is None:
        return c0
    for that in _THAT.finditer(body, c0, min(end, phrase.end() + 6)):
        word = that.group(1)
        if word.lower() in _SUBJECT_WORDS or word[:1].isupper() or word[:1].isdigit():
            return that.start(1)
    return c0
_TOLD_AUDIENCE: Final = re.compile(
    r"\s+(?:an?|the)\s+(?:news\s+|press\s+)?(?:conference|briefing|meeting|rally|crowd|audience|"
    r"hearing|committee|court|jury|parliament)"
    r"(?:\s+(?:in|at|on|outside)\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)?\s*"
)
_TOLD_OBJECT: Final = re.compile(
    r"\s+(?:reporters|journalists|me|him|her|them|us|lawmakers|parliament|"
    r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|the\s+\w+(?:\s+\w+)?)\b"
)


def _indirect(
    ctx: _Context, bounds: list[tuple[int, int]], skip: set[int]
) -> list[Quote]:
    body = ctx.body
    out: list[Quote] = []
    # One scan for cues over the whole body; only sentences with a cue are read.
    starts = ctx.sentence_starts
    with_cue: set[int] = set()
    verb_at = sorted(_verb_starts(body))
    according_at = sorted(_literal_starts(body, _ACCORDING_LITERALS))
    for rx, at in ((_INDIRECT_VERB, verb_at), (_ACCORDING, according_at)):
        for m in _match_at(rx, body, at):
            if m.start() and body[m.start() - 1].isalnum():
                continue
            with_cue.add(bisect.bisect_right(starts, m.start()) - 1)
    saying = body.find(", saying ")
    while saying >= 0:
        with_cue.add(bisect.bisect_right(starts, saying) - 1)
        saying = body.find(", saying ", saying + 9)
    for idx in sorted(with_cue):
        if idx < 0:
            continue
        s0, s1 = bounds[idx]
        tail = idx in skip
        if tail:
            # A sentence with a quotation: only what follows its last one
            # ('"...painstaking work". It said officers had ...', '"an act of
            # aggression" and said his government would ...').
            k = bisect.bisect_left(ctx.quote_opens, s1) - 1
            if k < 0 or ctx.quoted[k][1] < s0 or ctx.quoted[k][1] + 1 >= s1:
                continue
            s0 = ctx.quoted[k][1]  # (just past the closing mark)
            if not _statement_after(body, *ctx.quoted[k]):
                continue
        sentence = body[s0:s1]
        end = s0 + len(sentence.rstrip())
        while end > s0 and body[end - 1] in ".!?":
            end -= 1
        # The literal test is exact (the pattern needs it) and cheaper; most
        # bodies hold no "according to" at all.
        acc = (_ACCORDING.search(body, s0, end)
               if according_at and body.find("ccording to", s0 + 1, end) >= 0 else None)
        if acc is not None:
            found = _speaker_right(ctx, acc.end(), end, max_gap=6)
            if found is not None:
                if acc.start() - s0 > 15:
                    c0, c1 = s0, acc.start()
                else:
                    comma = body.find(",", acc.end(), end)
                    if comma < 0:
                        continue
                    c0, c1 = comma + 1, _narrator_clause(body, comma + 1, end)
                q = _make_indirect(body, c0, c1, found, "according to")
                if q is not None:
                    out.append(q)
                continue
        for vm in _match_at(_INDIRECT_VERB, body, verb_at, s0, end):
            if vm.start() and body[vm.start() - 1].isalnum():
                continue
            if vm.group()[-1] != "g" and _ends_before(
                _PASSIVE_BEFORE, _PASSIVE_ENDS, body, max(s0, vm.start() - 24), vm.start()
            ):
                continue  # "if new signings are added in the window": no one reports
            if _ends_before(_NOT_REPORTING_BEFORE, _NOT_REPORTING_ENDS, body,
                            max(s0, vm.start() - 16), vm.start(), digit=True):
                # "a third confirmed concussion": an adjective; "has not said
                # if it will appeal": nothing reported
                continue
            subj = _speaker_left(ctx, s0, vm.start())
            inverted = False
            if subj is None and _INVERTED_BEFORE.search(body, max(s0, vm.start() - 4),
                                                        vm.start()):
                # Only "content, said X" inverts: after any other word the
                # words after the verb are what was said ("but it said the
                # plant would ...").
                subj = _speaker_right(ctx, vm.end(), end, max_gap=3)
                inverted = subj is not None
            if (subj is None or subj == (None, None)) and _AND_BEFORE.search(
                body, max(s0 - 1, vm.start() - 12), vm.start()
            ) and not (
                # "Shanell was tested and told that ...": she heard it
                vm.group().startswith("told") and _PASSIVE_AUX.search(body, s0, vm.start())
            ):
                # "Quillon on Tuesday unveiled its glasses and said it would
                # cut 1,800 jobs": the subject of the sentence's first verb
                name = _clause_opener(ctx, vm.start())
                if name is not None:
                    subj = (name, None)
            if subj is None:
                continue
            cue = _cue_text(vm.group())
            c0 = vm.end()
            if cue == "told":
                obj = _TOLD_OBJECT.match(body, c0, end)
                c0 = obj.end() if obj else c0
                if obj is None:
                    c0 = _after_told_object(body, c0, end)
                if _TOLD_AUDIENCE.fullmatch(body, vm.end(), end) and (
                    subj[1] is None or "," not in body[s0 : subj[1].start]
                ):
                    continue  # "told a news conference in the capital": to whom, not what
            rest = _AFTER_VERB.match(body, c0, end)
            c0 = rest.end() if rest else c0
            if cue == "claimed" and _CLAIMED_THING.match(body, c0):
                continue  # "claimed responsibility", "claimed victory": no words reported
            if cue == "declared" and _DECLARED_THING.match(body, c0):
                continue  # "declared three days of national mourning": an act, not words
            if cue == "testified" and c0 < end and not body[max(s0, c0 - 5) : c0].startswith(
                "that"
            ) and (subj[1] is None or subj[1].start - s0 < 15):
                continue  # "testified as a witness", "testified under immunity"
            subj_start = subj[1].start if subj[1] is not None else vm.start()
            after_comma = _COMMA_BEFORE.search(body, max(s0, subj_start - 12), subj_start)
            if after_comma and not inverted and subj[1] is not None and (
                "," in body[subj[1].end : vm.start()]
                and end - c0 >= 12 and body[c0:end].count(" ") >= 2
            ):
                # "The party's spokeswoman, Jo Kent, said the plans ...": a
                # name between commas is an appositive; what follows is said.
                after_comma = None
            elif after_comma and not inverted and (
                end - c0 >= 12 and body[c0:end].count(" ") >= 2
                and _FRONTED_PHRASE.fullmatch(body, s0, after_comma.start())
            ):
                # "On Saturday afternoon, a spokeswoman said it looked ...": a
                # fronted phrase of time or linking word is no reported content.
                after_comma = None
            if tail and not (
                end - c0 >= 12 and not inverted and body[c0:end].count(" ") >= 2
                and not _TAIL_ADVERBIAL.match(body, c0)
            ):
                # After a quotation only a new statement counts: not its own
                # attribution's adverbials ('..." she said as she looked back')
                q = None
            elif after_comma and subj_start - s0 >= 15 and subj[1] is not None and (
                "," in body[subj[1].end : vm.start()]
            ) and (head := _APPOSITIVE_HEAD.fullmatch(body, s0, after_comma.start())) and (
                head.group(1) in _owner_nouns()
            ):
                # "The company's chief executive, Henrik Dahl, denied the
                # report.": the words before the name describe who speaks.
                q = None
            elif after_comma and subj_start - s0 >= 15:
                q = _make_indirect(
                    body, s0, _before_description(body, s0, after_comma.start()), subj, cue
                )
            elif end - c0 >= 12 and not inverted and body[c0:end].count(" ") >= 2 and not (
                # "Norland will impose tariffs ..., the minister said on
                # Wednesday, escalating a dispute": the narrator's participle
                "," in body[vm.end() : c0] and _ING_WORD.match(body, c0)
                and subj_start - s0 >= 15
            ):
                q = _make_indirect(body, c0, _narrator_clause(body, c0, end), subj, cue)
            elif subj_start - s0 >= 15:
                # "Content ..., X said (on Tuesday)(, more)."; "Content ...,
                # said X": the content ends before the cue.
                c1 = vm.start() if inverted else subj_start
                hon = _HONORIFIC_END.search(body, max(s0, c1 - _HONORIFIC_REACH), c1)
                if hon is not None:
                    c1 = hon.start()  # "..., Mr Howard said": not "..., Mr"
                q = _make_indirect(body, s0, _before_description(body, s0, c1), subj, cue)
            else:
                q = None
            if q is not None:
                out.append(q)
                break
        else:
            q = _saying(ctx, s0, end)
            if q is not None:
                out.append(q)
    return out


# A description opening a sentence: a determiner or possessive name, up to
# five words and a lower-case head.
_APPOSITIVE_HEAD: Final = re.compile(
    r"\s*(?:The|A|An|His|Her|Its|Their|[A-Z][\w\-]*['’]s)[ \t]+(?:[\w\-’']+[ \t]+){0,4}?"
    r"([a-z][\w\-]*)"
)


def _before_description(body: str, s0: int, c1: int) -> int:
    """Where reported words ending at ``c1`` end before the speaker's
    description ("..., his wife, Joan Brisbane, said", "..., the national
    rail operator EssRail said")."""
    # (past the speaker's title: "..., Trade Minister Ingrid Solberg-Aune said")
    titled = title_start(body, s0, c1)
    if titled < c1:
        # and the title's own first words: "..., e-commerce minister Mike
        # O'Brien says", "..., First Minister Jack McConnell has insisted"
        comma = body.rfind(",", max(s0, titled - 40), titled)
        if comma > s0 and _TITLE_WORDS.fullmatch(body, comma + 1, titled):
            titled = comma
        c1 = titled
    described = _DESCRIBED_BEFORE.search(body, max(s0, c1 - 60), c1)
    return c1 if described is None else described.start()


# Up to three words of a title before its head ("e-commerce", "Lib Dem's
# elections"), no verb among them.
_TITLE_WORDS: Final = re.compile(
    r"(?:[ \t]+(?!(?:is|are|was|were|has|had|have|will|would|said|says|and|but|or|the|a|an)\b)"
    r"[\w\-.’']+){1,3}[ \t]*"
)


_NOT_DESCRIBING: Final = (
    r"(?!(?:the|a|an|of|and|or|but|to|in|on|for|with|at|by|from|that|this|who|which|it|"
    r"them|him|us|me|if|is|are|was|were)\b)"
)
_DESCRIBED_BEFORE: Final = re.compile(
    r",[ \t]+(?:the|a|an|his|her|its|their|[Tt]he)[ \t]+"
    rf"(?:{_NOT_DESCRIBING}[\w\-’']+[ \t]+){{0,3}}?{_NOT_DESCRIBING}[a-z][\w\-]*,?[ \t]*$"
)
# A participle that is the narrator's, not more of what was said ("adding
# that", "referring to" report the speaker).
def _statement_after(body: str, open_mark: int, end: int) -> bool:
    """Whether reported speech may follow a quotation ending at ``end``
    within its sentence, rather than the quotation's own attribution."""
    last = body[end - 2 : end - 1]  # the quotation's last character
    return bool(
        _NEW_SENTENCE_AFTER.match(body, end)
        # '"an act of aggression" and said ...' (not '"...," she said')
        or (last not in ",;:" and _AND_SAID_AFTER.match(body, end))
        or (last in ".!?" and _CAPITAL_AFTER.match(body, end))
        # "..., a 'fuel of the future', Audi said that ...": after a quoted
        # phrase, not after a quotation its own cue follows
        or (_COMMA_CAPITAL_AFTER.match(body, end) and body.count(" ", open_mark, end) < 6)
    )


# What a quotation's own sentence may go on with as reported speech: a new
# sentence, or "and said".
_NEW_SENTENCE_AFTER: Final = re.compile(r"[.!?][ \t]+[A-Z]")
_CAPITAL_AFTER: Final = re.compile(r"[ \t]+[A-Z]")
_COMMA_CAPITAL_AFTER: Final = re.compile(r"[,:][ \t]+[A-Z]")
_AND_SAID_AFTER: Final = re.compile(r"[ \t]+and[ \t]+(?:also[ \t]+)?(?:said|told|added)\b")
_TAIL_ADVERBIAL: Final = re.compile(
    r"(?:as|in|on|at|following|after|before|during|while|when|from|to|this|last|yesterday|"
    r"today|earlier|later|[a-z]+ing)\b"
)
_PASSIVE_AUX: Final = re.compile(r"\b(?:was|were|been|being)\b")
_AND_BEFORE: Final = re.compile(r"[a-z,\"”'’)][ \t]+and[ \t]+(?:also[ \t]+|later[ \t]+)?$")
_ING_WORD: Final = re.compile(
    r"(?!(?:adding|saying|noting|insisting|arguing|explaining|warning|claiming|stressing|"
    r"telling|asking|referring|describing|calling|urging|pointing|suggesting|acknowledging|"
    r"admitting|conceding|according|speaking|writing|replying|responding|citing)\b)[a-z]+ing\b"
)
_DECLARED_THING: Final = re.compile(
    r"\s*(?:(?:a|an|the|\w+)\s+(?:days?|weeks?|months?|state|period)\s+of\b|"
    r"(?:a\s+)?(?:war|victory|bankruptcy|independence|martial\s+law|an?\s+emergency|"
    r"a\s+(?:state|national|public|local|major)\b))"
)
_CLAIMED_THING: Final = re.compile(
    r"\s*(?:responsibility|credit|victory|the\s+(?:lives?|title|crown|prize|seat|win)|"
    r"(?:a|his|her|their|its)\s+(?:first|second|third|\d+\w*|maiden|record|place|seat|win|"
    r"victory|title|share))\b"
)
_SAYING: Final = re.compile(r", saying(?: that)? ")


def _saying(ctx: _Context, s0: int, end: int) -> Quote | None:
    """Reported speech in a participle clause: "Finance Minister Oskar
    Lindqvist welcomed the move, saying it would ease pressure on
    households." The sentence's subject speaks; None when it is no named
    person or organisation."""
    body = ctx.body
    sm = _SAYING.search(body, s0, end)
    if sm is None or _in_quote(ctx, sm.start()):
        return None
    pos = sm.start()
    speaker = _clause_opener(ctx, pos)
    if speaker is None:
        return None
    return _make_indirect(
        body, sm.end(), _narrator_clause(body, sm.end(), end), (speaker, None), "saying"
    )


_WHICH: Final = re.compile(r", which ")
# Cues that name or describe something ("called it a 'fiasco'"); in the
# passive ("are called 'Nordic Blondes'") nobody named is speaking.
_NAMING_VERBS: Final = frozenset(
    ("called", "dubbed", "described", "labelled", "labeled", "branded", "named", "termed")
)


# What may open a sentence and be set off by a comma before its subject
# without being reported words ("On Saturday afternoon,", "And last summer,").
_FRONTED_PHRASE: Final = re.compile(
    r"\s*(?:On|In|At|During|After|Before|Since|By|Within|Earlier|Later|Last|This|Next|And|But|"
    r"Yet|Meanwhile|Yesterday|Today|Now|Then|So|Also|However|Separately|Elsewhere|Overnight|"
    r"Asked|[A-Z][a-z]+ing)"  # "Speaking after his win,", "Asked about it,"
    r"\b[^,.;:!?\"“”]{0,60}"  # "In a 2015 interview with The New York Times,"
)


def _narrator_clause(body: str, c0: int, c1: int) -> int:
    """Where reported content from ``c0`` to the sentence end at ``c1`` ends:
    before a final non-restrictive ", which ..." clause, the writer's
    background on the last noun ("... evidence of hostility to Russia, which
    opened a criminal case against ..."). A which-clause closed by a later
    comma sits inside the content ("the deal, which needs approval, is ...")."""
    k = body.find(", which ", c0, c1)
    if k < 0:
        return c1
    rest = body[k + 8 : c1]
    if ", " in rest or any(mark in rest for mark in "\"“”'‘’") or body.count(" ", c0, k) < 2:
        return c1
    if _MODAL.search(rest):
        return c1  # "..., which would free up resources": a claim, the speaker's
    return k


_MODAL: Final = re.compile(r"\b(?:would|will|could|can|should|might|may|must)\b")


def _make_indirect(
    body: str, c0: int, c1: int, subj: tuple[str | None, Span | None], cue: str
) -> Quote | None:
    while c0 < c1 and (body[c0].isspace() or body[c0] in ",;:—–-"):
        c0 += 1
    while c1 > c0 and (body[c1 - 1].isspace() or body[c1 - 1] in ",;:—–-"):
        c1 -= 1
    if (c0 == 0 or body[c0 - 1] == "\n") and body[c0 : c0 + 1].isupper():
        dateline = _DATELINE.match(body, c0, c1)  # "ROME, Oct 3 (Reuters) - ", "Nairobi, Kenya -- "
        if dateline is not None and _is_dateline(dateline.group()):
            c0 = dateline.end()
    if c1 - c0 < 8 or body[c0:c1].count(" ") < 2:
        return None
    first = body[c0:c1].split(None, 1)[0]
    before = body[max(0, c0 - 6) : c0].rstrip()
    if first in _ADVERBIAL_OPENINGS and not before.endswith(("that", ",")):
        # "told BT Sport before the game": when, not what; "said after the
        # match that ...": what follows "that".
        that = body.find(" that ", c0, c1)
        return None if that < 0 else _make_indirect(body, that + 6, c1, subj, cue)
    if body[c0:c1].rsplit(None, 1)[-1] in _OPEN_ENDS:
        # The words run on into the subject ("..., the joint report from the
        # FAO and the WFP said"): they end at the last comma, if any ("... a
        # move to City but Allardyce has warned him" says nothing).
        comma = body.rfind(",", c0, c1)
        return None if comma < 0 else _make_indirect(body, c0, comma, subj, cue)
    return _quote(body[c0:c1], subj[0], cue, False, _span(c0, c1), subj[1])


# A wire dateline opening a story's first paragraph: a place (a region or
# country after commas), maybe a date and an agency, then a dash.
_DATELINE: Final = re.compile(
    r"[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}){0,2}"
    r"(?:,?[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2})?"
    r"[ \t]*(?:\([A-Za-z .]{2,20}\)[ \t]*)?(?:--|[—–-])[ \t]+"
)
def _is_dateline(text: str) -> bool:
    """Whether a match of _DATELINE is one: it has an agency, a region, a
    date, a double dash or an all-caps place ("Smith - the captain -" is no
    dateline)."""
    first = text.split(None, 1)[0].rstrip(",")
    return (
        "(" in text or "," in text or "--" in text
        or (len(first) > 1 and first.isupper())
    )


# Words that open a phrase of time, not reported words, after a cue.
_ADVERBIAL_OPENINGS: Final = frozenset(("before", "after", "during", "until", "since", "ahead"))
# A word before a cue that makes it an adjective ("a third confirmed case").
_MODIFIER_BEFORE: Final = re.compile(
    r"\b(?:a|an|the|first|second|third|fourth|fifth|another|\d+(?:st|nd|rd|th)?"
    # a preposition before a participle: "the third minute of added time"
    r"|of|in|on|at|with|for|by|from)\s+$"
)
# Either before a cue: one search where a reporting verb reports nothing.
_NOT_REPORTING_BEFORE: Final = re.compile(f"{_MODIFIER_BEFORE.pattern}|{_NEGATED.pattern}")
# The word every match of _NOT_REPORTING_BEFORE ends with, before its blanks
# (see _ends_before; or a digit): a modifier (an ordinal ends like "first") or a negation.
_NOT_REPORTING_ENDS: Final = (
    "a", "an", "the", "another", "st", "nd", "rd", "th", "of", "in", "on", "at", "with", "for",
    "by", "from", *_NEGATED_ENDS
)
# Words that cannot end reported words: the clause goes on past them.
_OPEN_ENDS: Final = frozenset(("but", "and", "or", "nor", "because", "although", "that", "the"))
