"""The speech script: a briefing or digest written for the ear.

:func:`script_parts` cuts the script into :class:`ScriptPart` objects, each a
sentence or two of plain speakable text (see :func:`~newsbrief.render.spoken.
speakable`) with the pause to leave after it; a speech backend synthesises
them in order. :func:`render_script` joins them into one text.

A briefing is spoken as: headline; lede; key points; who said what (quotes not
already heard, each introduced so the listener knows who speaks and where the
words end: "Nikolai Patrushev said, quote, ..., end quote."); background. A
digest adds its intro, a transition before each story and its outro.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from newsbrief.render._view import (
    as_view,
    field_text,
    is_digest,
    people_of,
    quotes_of,
    stories_of,
    text_list,
)
from newsbrief.render.spoken import speakable
from newsbrief.timing import DEFAULT_WPM, PAUSE_SECONDS, estimate_script_seconds

__all__ = [
    "PAUSES",
    "Pause",
    "ScriptPart",
    "briefing_parts",
    "estimate_parts_seconds",
    "join_parts",
    "mark_quotes",
    "render_script",
    "say_sentence",
    "script_parts",
]

Pause = Literal["sentence", "section", "story"]
#: The pauses a part can ask for, shortest first.
PAUSES: tuple[str, ...] = ("sentence", "section", "story")

# Organisations named with "the" in speech ("the Kremlin said").
_THE_SINGLE = frozenset(
    [
        "Kremlin",
        "Pentagon",
        "Vatican",
        "Treasury",
        "Senate",
        "Fed",
        "Army",
        "Navy",
        "Police",
        "Government",
        "Cabinet",
        "Commission",
        "Council",
        "Court",
        "Ministry",
        "Parliament",
        "Opposition",
        "Taliban",
        "Elysee",
        "Quai",
    ]
)
_THE_ENDINGS = (
    "States", "Nations", "Kingdom", "Union", "Council", "Court", "Ministry", "Department",
    "Office", "House", "Bank", "Commission", "Agency", "Service", "Party", "Army", "Police",
    "Government", "Committee", "Fund", "Organization", "Organisation", "Forum", "Assembly",
    "Parliament", "Authority", "Board", "Institute", "Federation", "Association", "Republic",
    "Emirates", "Netherlands", "Philippines", "Administration", "Senate", "Guard", "Force",
    "Forces", "Secretariat", "Group", "Alliance", "Coalition", "Front", "Movement",
)  # fmt: skip
_MAX_ROLE_WORDS = 8


def _pause(_instance: object, _attribute: object, value: str) -> None:
    if value not in PAUSES:
        raise ValueError(f"pause must be one of {', '.join(PAUSES)}, not {value!r}")


@attrs.frozen(slots=True)
class ScriptPart:
    """One piece of a speech script.

    Attributes:
        text: Plain text for a speech engine: words and ``. , ; : ! ? ' -``
            only, numbers spelled out.
        pause: The pause to leave after it: ``"sentence"`` (the engine's own),
            ``"section"`` (between parts of a briefing) or ``"story"``
            (between the stories of a digest). See
            :data:`newsbrief.timing.PAUSE_SECONDS`.
        title: A chapter title (the story's headline as written) on the first
            part of each story, else None.
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    pause: str = attrs.field(default="sentence", validator=_pause)
    title: str | None = None


def script_parts(obj: object) -> tuple[ScriptPart, ...]:
    """Cut a briefing, digest or summary into speakable parts.

    Args:
        obj: A Briefing, a Digest, a Summary, an Article or their dict.

    Returns:
        The parts in speaking order; empty parts are left out.
    """
    view = as_view(obj)
    if is_digest(view):
        return tuple(_digest_parts(view))
    return tuple(briefing_parts(view))


def join_parts(parts: Iterable[ScriptPart]) -> str:
    """Join parts into one script: a space after a sentence, a blank line after a section."""
    out: list[str] = []
    previous = "sentence"
    for part in parts:
        if out:
            out.append(" " if previous == "sentence" else "\n\n")
        out.append(part.text)
        previous = part.pause
    return "".join(out) + ("\n" if out else "")


def render_script(obj: object) -> str:
    """The speech script of ``obj`` as one plain text (parts joined)."""
    return join_parts(script_parts(obj))


def estimate_parts_seconds(parts: Sequence[ScriptPart], wpm: float = DEFAULT_WPM) -> float:
    """Seconds to speak ``parts`` at ``wpm``, with the pauses between them."""
    if not parts:
        return 0.0
    speech = sum(estimate_script_seconds(p.text, wpm) for p in parts)
    return speech + sum(PAUSE_SECONDS[p.pause] for p in parts[:-1])


# -- building parts -----------------------------------------------------------------


_REPORTING = (
    r"(?:said|says|added|adds|told [^.,;\"“”]{1,40}|warned|warns|insisted|insists|argued|argues"
    r"|explained|explains|wrote|writes|declared|asked|asks|replied|continued)"
)
# '"We made a fair offer," Hallworth said.' and '"...," said the leader, Tomas Varga.'
_QUOTE_THEN_VERB = re.compile(
    r"^\s*[\"“](?P<q>[^\"“”]{3,}?)[,.!?]?\s*[\"”],?\s+(?P<verb>" + _REPORTING + r")"
    r"\s+(?P<who>[^.;\"“”]{1,80}?)[.!?]?\s*$"
)
_QUOTE_THEN_WHO = re.compile(
    r"^\s*[\"“](?P<q>[^\"“”]{3,}?)[,.!?]?\s*[\"”],?\s+(?P<who>[^.,;\"“”]{1,60}?)"
    r"\s+(?P<verb>" + _REPORTING + r")(?P<rest>\s+[^\"“”]*?)?[.!?]?\s*$"
)
_DOUBLE_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”]+?)[\"”]")
_SINGLE_QUOTED = re.compile(r"(?<!\w)‘(?P<q>[^‘’]+?)’(?!\w)")
#: Quoted words shorter than this are a phrase or a scare quote, not a quotation:
#: the marks are dropped, nothing is announced.
_MIN_ANNOUNCED_WORDS = 4


def mark_quotes(text: str) -> str:
    """Rewrite quotations so a listener hears where they start and end.

    '"We made a fair offer," Hallworth said.' becomes 'Hallworth said, quote,
    We made a fair offer, end quote.'; a quotation inside a sentence is framed
    by "quote" and "end quote". Short quoted phrases are left as they are.
    A sentence cut from a quotation of several sentences ('He said: "We
    agree.', 'We will sign."') has one mark: its quotation runs to the end or
    from the start of the sentence, and is announced however short.
    """
    if '"' not in text and "“" not in text and "”" not in text and "‘" not in text:
        return text
    balanced = _balance_quotes(text)
    if balanced is None:
        marked = _mark_quotes(text, _MIN_ANNOUNCED_WORDS)
    else:
        marked = _mark_quotes(balanced, 1)
    marked = marked.lstrip(" ,:;")
    # A sentence that opens with a quotation opens with the word.
    return "Quote" + marked[5:] if marked.startswith("quote,") else marked


# A double quotation mark; the characters around a straight one tell whether
# it opens (after a space or an opening bracket, before a word) or closes
# (after a word or a mark, before a space, a mark or the end). After a colon
# it is unclear ('Rolling Stone:" Furious...').
_DOUBLE_MARK = re.compile(r"[\"“”]")
_OPENS_AFTER = frozenset(" ([{'‘—–-")
_CLOSES_AFTER = frozenset(".,!?'’)…-")


def _balance_quotes(text: str) -> str | None:
    """``text`` with the missing mark of a quotation cut by the sentence's
    start or end added, or None when no mark is missing or the marks are unclear."""
    marks = list(_DOUBLE_MARK.finditer(text))
    open_at: int | None = None
    closes_first = False
    for number, mark in enumerate(marks):
        at = mark.start()
        before, after = text[at - 1 : at], text[at + 1 : at + 2]
        if mark.group() == "“" or (
            mark.group() == '"' and (not before or before in _OPENS_AFTER) and after.strip()
        ):
            if open_at is not None:
                return None
            open_at = at
        elif mark.group() == "”" or (
            (before.isalpha() or before in _CLOSES_AFTER)
            and (not after.strip() or after in _CLOSES_AFTER)
        ):
            if open_at is None:
                if number:
                    return None
                closes_first = True
            open_at = None
        else:
            return None  # inches ('a 6" pipe') or a mark between words
    if open_at is None and not closes_first:
        return None
    if open_at is not None:
        text += '"'
    return '"' + text if closes_first else text


def _mark_quotes(text: str, min_words: int) -> str:
    """:func:`mark_quotes` of a text whose quotation marks pair up."""
    match = _QUOTE_THEN_VERB.match(text) or _QUOTE_THEN_WHO.match(text)
    if match and len(match.group("q").split()) >= min_words:
        found = match.groupdict()
        who, verb, rest = found["who"], found["verb"], (found.get("rest") or "").strip()
        words = match.group("q").strip().rstrip(",;:")
        lead = f"{who[:1].upper()}{who[1:]} {verb}" + (f" {rest}" if rest else "")
        return f"{lead}, quote, {words}, end quote."

    def frame(quoted: re.Match[str]) -> str:
        # A quotation inside it may end with its own mark ("... 'go.'").
        words = quoted.group("q").strip().rstrip("'’")
        if len(words.split()) < min_words:
            return quoted.group()
        # After a sentence's end the quotation opens the next one.
        lead = "Quote" if text[: quoted.start()].rstrip().endswith((".", "!", "?")) else ", quote"
        if words.endswith((".", "!", "?")):
            return f"{lead}, {words.rstrip('.!?')}, end quote. "
        return f"{lead}, {words.rstrip(',;:')}, end quote, "

    text = _DOUBLE_QUOTED.sub(frame, text)
    return _SINGLE_QUOTED.sub(frame, text)


# A dateline opening a story: "LONDON (Reuters) - ", "Port Halden — ",
# "WASHINGTON, March 3 (AP) — ", and with a region and a date, two commas:
# "SAN JOSE, Calif., June 18 - ", "REDFORD, England, Nov 5 (AP) - " (the second
# part must then be a date, so that a list such as "Paris, London, Berlin - "
# stays). Newsreaders do not read it.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3}"
    r"(?:,\s*(?:[A-Z][a-z]+\.?|(?:[A-Z]\.){2})(?:\s+\d{1,2})?)?"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?:[—–]|--?)\s+(?=[A-Z\"“])"
)


def drop_dateline(text: str) -> str:
    """Remove a dateline ("LONDON (Reuters) - ") from the start of a sentence."""
    # The pattern is anchored and never empty: a match, not a scan of the text.
    # Every dateline ends in a dash: without one, nothing to match.
    if "-" not in text and "—" not in text and "–" not in text:
        return text
    match = _DATELINE.match(text)
    return text if match is None else text[match.end() :]


def say_sentence(text: str, speak: Callable[[str], str] = speakable) -> str:
    """A sentence as the script says it: no dateline, quotes announced, speakable, a full stop."""
    spoken = speak(mark_quotes(drop_dateline(text)))
    if spoken and not spoken.endswith((".", "!", "?")):
        spoken += "."
    return spoken


def _section(texts: Iterable[str], pause: str) -> list[tuple[str, str]]:
    lines = [(t, "sentence") for t in texts if t]
    if lines:
        lines[-1] = (lines[-1][0], pause)
    return lines


def _normal(text: str) -> str:
    # re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() by byte translation:
    # every byte of a non-ASCII character is >= 0x80, so it becomes a space.
    return " ".join(text.lower().encode().translate(_NORMAL_BYTES).decode().split())


_NORMAL_BYTES = bytes(c if c in b"abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256))


def briefing_parts(
    view: Mapping[str, Any],
    *,
    last_pause: str = "section",
    speak: Callable[[str], str] = speakable,
    say: Callable[[str], str] | None = None,
) -> list[ScriptPart]:
    """The parts of one briefing dict.

    Args:
        view: A briefing dict.
        last_pause: The pause after the last part.
        speak: Turns text into speakable text.
        say: Turns an article sentence into a spoken sentence (default:
            :func:`say_sentence` with ``speak``); callers that measure many
            variants of one briefing pass a memoised one.
    """
    headline, lines = _briefing_lines(view, speak=speak, say=say)
    parts = [ScriptPart(text, pause) for text, pause in lines]
    if parts:
        parts[-1] = ScriptPart(parts[-1].text, last_pause)
        if headline:
            parts[0] = ScriptPart(parts[0].text, parts[0].pause, headline)
    return parts


def _briefing_lines(
    view: Mapping[str, Any],
    *,
    speak: Callable[[str], str] = speakable,
    say: Callable[[str], str] | None = None,
) -> tuple[str, list[tuple[str, str]]]:
    """The headline and the ``(text, pause)`` lines of :func:`briefing_parts`, none empty.

    The pause of the last line is still "section"; the first line is the
    one that carries the headline as its title.
    """
    headline = field_text(view, "headline").strip()
    lines = _script_lines(
        headline,
        field_text(view, "lede"),
        text_list(view.get("key_points")),
        text_list(view.get("summary")),
        text_list(view.get("context")),
        dict(people_of(view)),
        quotes_of(view),
        speak=speak,
        say=say,
    )
    return headline, lines


def _script_lines(
    headline: str,
    lede: str,
    key_points: Sequence[str],
    summary: Sequence[str],
    context: Sequence[str],
    people: Mapping[str, str],
    quotes: Iterable[tuple[str, str, bool]],
    *,
    speak: Callable[[str], str] = speakable,
    say: Callable[[str], str] | None = None,
) -> list[tuple[str, str]]:
    """The ``(text, pause)`` lines of a briefing's script from its fields, none empty.

    A briefing measures its script with these lines, from its own fields
    (no dict view, no parts).

    Args:
        headline: The headline, stripped.
        lede: The lede.
        key_points: The key points.
        summary: The summary, spoken only when there is no lede or key point.
        context: The background sentences.
        people: Role ("" when none) by name.
        quotes: ``(speaker, words, direct)`` of each quote.
        speak: Turns text into speakable text.
        say: Turns an article sentence into a spoken sentence (default:
            :func:`say_sentence` with ``speak``).
    """
    if say is None:

        def say(text: str) -> str:
            return say_sentence(text, speak)

    parts: list[tuple[str, str]] = []
    if headline:
        parts.append((say(headline), "section"))
    spoken_sources = [lede, *key_points]
    if lede or key_points:
        parts += _section([say(lede)], "section")
        parts += _section([say(k) for k in key_points], "section")
    else:
        spoken_sources += summary
        parts += _section([say(s) for s in summary], "section")
    heard = _normal(" ".join(spoken_sources))
    # Speakers named already (heard, or introduced by an earlier quote line):
    # only speakers are asked about, so only they are looked up in what was heard.
    introduced: set[str] = set()
    quote_lines = []
    for speaker, words, direct in quotes:
        if not speaker or _normal(words) in heard:
            continue
        if speaker in people and _normal(speaker) in heard:
            introduced.add(speaker)
        quote_lines.append(_quote_line(speaker, words, direct, people, introduced, speak))
    parts += _section(quote_lines, "section")
    context_lines = [say(c) for c in context if _normal(c) not in heard]
    if context_lines:
        parts += _section(["Background.", *context_lines], "section")
    return [p for p in parts if p[0]]


def _speaker_name(speaker: str, people: Mapping[str, str]) -> str:
    if speaker in people or speaker[:1].islower() or speaker.startswith("The "):
        return speaker
    last = (speaker.rsplit(None, 1) or [""])[-1]  # a blank speaker has no last word
    if speaker in _THE_SINGLE or (" " in speaker and last in _THE_ENDINGS):
        return f"the {speaker}"
    return speaker


def _quote_line(
    speaker: str,
    words: str,
    direct: bool,
    people: Mapping[str, str],
    introduced: set[str],
    speak: Callable[[str], str],
) -> str:
    name = _speaker_name(speaker, people)
    name = speak(name[:1].upper() + name[1:])
    role = people.get(speaker, "")
    if role and speaker not in introduced and len(role.split()) <= _MAX_ROLE_WORDS:
        name = f"{name}, {speak(role)},"
    introduced.add(speaker)
    spoken_words = speak(words).rstrip(".,;:!? ")
    if not spoken_words:
        return ""
    if direct:
        return f"{name} said, quote, {spoken_words}, end quote."
    return f"{name} said {spoken_words}."


def _digest_parts(view: Mapping[str, Any]) -> list[ScriptPart]:
    parts: list[ScriptPart] = []
    intro = say_sentence(field_text(view, "intro"))
    if intro:
        parts.append(ScriptPart(intro, "section"))
    for transition, story in stories_of(view):
        story_parts = briefing_parts(story, last_pause="story")
        if not story_parts:
            continue
        line = say_sentence(transition)
        if line:
            title = story_parts[0].title
            story_parts[0] = attrs.evolve(story_parts[0], title=None)
            story_parts.insert(0, ScriptPart(line, "sentence", title=title))
        parts += story_parts
    outro = say_sentence(field_text(view, "outro"))
    if outro:
        parts.append(ScriptPart(outro, "section"))
    return parts
