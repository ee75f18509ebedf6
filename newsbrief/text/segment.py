"""Paragraph and sentence segmentation for news English.

Pure Python and linear in the input: one regular-expression pass finds
candidate sentence ends, and a small set of rules (abbreviations, initials,
numbers, quotes) decides which are real.
"""

from __future__ import annotations

import re

from newsbrief.model import Paragraph, Sentence

__all__ = ["segment", "split_paragraphs", "split_sentences"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gov sen rep gen col lt capt sgt st jr sr rev hon pres supt cmdr adm
    maj brig fr insp det no nos vol jan feb mar apr jun jul aug sep sept oct nov dec
    inc co corp ltd plc bros dept est approx vs etc fig al univ ave blvd rd mt ft""".split()
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the paragraphs of ``text``, stripped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add_stripped(text, pos, match.start(), spans)
        pos = match.end()
    _add_stripped(text, pos, len(text), spans)
    return spans


def _add_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _is_boundary(text: str, end: int, token_start: int) -> bool:
    mark = text[end - 1]
    nxt = _NEXT_START.match(text, end)
    if nxt is None:
        return True
    first = nxt.group(2)
    if "\n" in text[end : nxt.start(2)]:
        return True
    if mark in "\"'”’)]" :
        return first.isupper() or first.isdigit() or bool(nxt.group(1))
    if text[end - 1] in "!?…":
        return first.isupper() or bool(nxt.group(1))
    word = text[token_start : end - 1]
    bare = word.lstrip("\"'“‘([")
    lower = bare.lower()
    if lower in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha() and bare.isupper()):
        return False
    if "." in bare and all(len(p) <= 2 for p in bare.split(".")):
        # U.S. / U.K. / a.m. : a boundary only when a capitalised word follows
        # that is not itself a name-like continuation.
        return first.isupper() and lower not in {"u.s", "u.k", "u.n"}
    return first.isupper() or first.isdigit() or bool(nxt.group(1))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``text[start:end]``."""
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    pos = start
    chunk = text[:end]
    for match in _CANDIDATE.finditer(chunk, start):
        stop = match.end()
        token_start = chunk.rfind(" ", pos, match.start()) + 1
        token_start = max(token_start, pos)
        if _is_boundary(chunk, stop, token_start):
            _add_stripped(text, pos, stop, spans)
            pos = stop
    _add_stripped(text, pos, end, spans)
    return spans


def segment(body: str) -> tuple[Paragraph, ...]:
    """Cut ``body`` into paragraphs and sentences with exact offsets."""
    paragraphs: list[Paragraph] = []
    index = 0
    for p_index, (p_start, p_end) in enumerate(split_paragraphs(body)):
        sentences = []
        for s_start, s_end in split_sentences(body, p_start, p_end):
            sentences.append(Sentence(body[s_start:s_end], s_start, s_end, index, p_index))
            index += 1
        paragraphs.append(Paragraph(body[p_start:p_end], p_start, p_end, p_index, sentences))
    return tuple(paragraphs)
