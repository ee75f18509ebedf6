"""Analysis quality and speed: CoNLL-2003 entities, PolNeAR direct quotes, BBC throughput.

Run from the repository root::

    python3 benchmarks/analysis.py            # everything
    python3 benchmarks/analysis.py --conll    # one part only (--polnear, --speed)
    python3 benchmarks/analysis.py --errors 20  # also print 20 CoNLL errors per kind

Data is read from ``../shared/data`` relative to the repository.

Entities (CoNLL-2003 ``eng.testb``)
    Each document's tokens are joined by single spaces and analysed as one
    article body (no headline). Every mention of an entity of kind person,
    organization or place is a predicted (span, PER/ORG/LOC) pair; kind
    "other" and gold MISC are not scored. Mention-level exact-span precision,
    recall and F1 per type and micro-averaged over the three types.

Direct quotes (PolNeAR ``dev.jsonl``)
    Gold: attributions whose content contains a double quotation mark (straight
    or curly) and that have a source. Each gold item's *quoted region* runs
    from the first quotation mark in its content to the last one (or to the end
    of the content when there is only one mark). Predicted: quotes with
    ``direct=True`` from :func:`find_quotes` on the raw article text (so offsets
    are the corpus offsets) that open with a double quotation mark, as the gold
    set holds only those (single-quoted quotations, headline style, can be
    neither gold nor judged).

    * A prediction and a gold item *match* when their character overlap is at
      least 50% of the shorter of the two spans (prediction span vs gold quoted
      region), so a gold item made of several quoted fragments is matched by
      each of its fragments and a long gold quote by a prediction that covers
      most of it.
    * Recall: share of gold items matched by some prediction.
    * Precision: share of predictions that match some gold item. Predictions
      that only match an attribution left out of the gold set because it has
      no source (PolNeAR's "no source" attributions) are not counted either
      way; everything else unmatched (scare quotes, titles, quoted words that
      no annotator marked as an attribution) is a false positive.
    * Speaker accuracy on named sources: over matched pairs whose gold source
      names someone (its text has a capitalised word other than a pronoun or
      determiner), the share whose predicted speaker is right: the predicted
      speaker's mention overlaps the gold source span, or the predicted
      speaker's name shares a capitalised word of 3+ letters with the gold
      source text (a pronoun "he" resolved to "Hillary Clinton" is right when
      the gold source is "Clinton").

Speed
    Documents per CPU-second in one process (``time.process_time``, best of
    3; the machine is shared, so wall time would mostly measure the others):
    CoNLL documents through ``find_entities`` and ``analyze`` (entities,
    quotes, dates), the BBC dev articles through ``analyze`` (articles built
    beforehand; the per-article cache is bypassed), and a peer measured in the
    same run -- one regular-expression tokenisation pass over each BBC text --
    whose ratio to ``analyze`` carries over to other machines. newsbrief's
    per-input memos (the candidates of a capitalised run, kept across
    articles as names recur) are emptied before each pass: a pass measures
    documents seen for the first time, not a re-run (see
    ``_peers.clear_memos``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _peers import clear_memos

from newsbrief.model import Article, EntityKind
from newsbrief.text.analysis import analyze
from newsbrief.text.entities import find_entities
from newsbrief.text.quotes import find_quotes
from newsbrief.text.segment import segment

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
KIND_TAG = {EntityKind.PERSON: "PER", EntityKind.ORGANIZATION: "ORG", EntityKind.PLACE: "LOC"}
TARGETS = {"PER": 0.85, "ORG": 0.60, "LOC": 0.85, "micro": 0.75}

Gold = set[tuple[int, int, str]]


# -- CoNLL --------------------------------------------------------------------


def conll_documents(path: Path) -> Iterator[tuple[str, Gold]]:
    """Yield (text, gold mentions) per document: tokens joined by single spaces."""
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if tokens:
                yield _conll_doc(tokens)
            tokens = []
            continue
        parts = line.split()
        if len(parts) >= 4:
            tokens.append((parts[0], parts[-1]))
    if tokens:
        yield _conll_doc(tokens)


def _conll_doc(tokens: list[tuple[str, str]]) -> tuple[str, Gold]:
    words: list[str] = []
    gold: Gold = set()
    pos = 0
    current: list[Any] | None = None  # [start, end, type]
    for word, tag in tokens:
        start = pos
        end = start + len(word)
        words.append(word)
        pos = end + 1
        if tag == "O":
            if current:
                gold.add(tuple(current))  # type: ignore[arg-type]
            current = None
            continue
        prefix, kind = tag.split("-", 1)
        if current is not None and current[2] == kind and prefix == "I":
            current[1] = end
        else:
            if current:
                gold.add(tuple(current))  # type: ignore[arg-type]
            current = [start, end, kind]
    if current:
        gold.add(tuple(current))  # type: ignore[arg-type]
    return " ".join(words), {g for g in gold if g[2] != "MISC"}


def predicted_mentions(text: str) -> Gold:
    """(start, end, PER/ORG/LOC) for every mention the analysis finds."""
    out: Gold = set()
    for entity in find_entities(text):
        tag = KIND_TAG.get(entity.kind)
        if tag is None:
            continue
        for m in entity.mentions:
            out.add((m.start, m.end, tag))
    return out


def score_conll(errors: int = 0) -> dict[str, tuple[float, float, float]]:
    docs = list(conll_documents(DATA / "conll2003" / "eng.testb"))
    tp: dict[str, int] = {"PER": 0, "ORG": 0, "LOC": 0}
    fp = dict.fromkeys(tp, 0)
    fn = dict.fromkeys(tp, 0)
    shown: dict[str, list[str]] = {"fp": [], "fn": []}
    for text, gold in docs:
        pred = predicted_mentions(text)
        for item in pred:
            if item in gold:
                tp[item[2]] += 1
            else:
                fp[item[2]] += 1
                if errors:
                    shown["fp"].append(f"FP {item[2]} {text[item[0]:item[1]]!r} | "
                                       f"{text[max(0, item[0] - 40):item[1] + 40]!r}")
        for item in gold - pred:
            fn[item[2]] += 1
            if errors:
                shown["fn"].append(f"FN {item[2]} {text[item[0]:item[1]]!r} | "
                                   f"{text[max(0, item[0] - 40):item[1] + 40]!r}")
    result: dict[str, tuple[float, float, float]] = {}
    for kind in ("PER", "ORG", "LOC"):
        result[kind] = _prf(tp[kind], fp[kind], fn[kind])
    result["micro"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    if errors:
        import random

        rng = random.Random(0)
        for key in ("fp", "fn"):
            sample = shown[key] if len(shown[key]) <= errors else rng.sample(shown[key], errors)
            for line in sorted(sample):
                print(line)
    return result


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# -- PolNeAR ------------------------------------------------------------------

_DQ = re.compile(r"[\"“”]")
_OPENING_DOUBLE = frozenset('"“”')
_NOT_NAMES = frozenset(
    ("He", "She", "They", "It", "We", "I", "You", "The", "A", "An", "This", "That", "His",
     "Her", "Their", "Its", "One", "Some", "Many", "Most")
)


def _quoted_region(text: str, spans: list[list[int]]) -> tuple[int, int]:
    # PolNeAR lists a content's spans in annotation order, not always in text
    # order ("B," said X. "A." is stored as [B, A]): read them in text order.
    spans = sorted(spans)
    marks = [m.start() for s0, s1 in spans for m in _DQ.finditer(text, s0, s1)]
    if len(marks) > 1:
        return marks[0], marks[-1] + 1
    mark = marks[0]
    # One mark: the content is the part of a quotation on that mark's side.
    ch = text[mark]
    opening = ch == "“" or (ch == '"' and (mark == 0 or (not text[mark - 1].isalnum()
                                           and text[mark - 1] not in ".,!?;:")))
    return (mark, spans[-1][1]) if opening else (spans[0][0], mark + 1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matches(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    shorter = min(pred[1] - pred[0], gold[1] - gold[0])
    return shorter > 0 and _overlap(pred, gold) >= 0.5 * shorter


def _named(source_text: str) -> bool:
    words = re.findall(r"[A-Z][\w’'\-]+", source_text)
    return any(w not in _NOT_NAMES for w in words)


def _speaker_right(pred_speaker: str | None, pred_span: tuple[int, int] | None,
                   source: dict[str, Any]) -> bool:
    if pred_span is not None and any(
        _overlap(pred_span, (s0, s1)) > 0 for s0, s1 in source["spans"]
    ):
        return True
    if not pred_speaker:
        return False
    gold_words = {w.lower() for w in re.findall(r"[A-Z][\w’'\-]{2,}", source["text"])}
    pred_words = {w.lower() for w in re.findall(r"[A-Z][\w’'\-]{2,}", pred_speaker)}
    return bool(gold_words & pred_words - {w.lower() for w in _NOT_NAMES})


def _show(text: str, span: tuple[int, int], width: int = 60) -> str:
    s0, s1 = span
    inner = text[s0:s1] if s1 - s0 <= 2 * width else text[s0 : s0 + width] + " ... " + text[
        s1 - width : s1]
    return " ".join(f"{text[max(0, s0 - width):s0]}[[{inner}]]{text[s1:s1 + width]}".split())


def score_polnear(errors: int = 0) -> dict[str, float]:
    rows = [json.loads(line) for line in (DATA / "polnear" / "dev.jsonl").open(encoding="utf-8")]
    n_gold = n_gold_hit = n_pred = n_pred_hit = n_named = n_named_right = 0
    shown: dict[str, list[str]] = {"missed": [], "spurious": [], "speaker": []}
    for row in rows:
        text = row["text"]
        gold: list[tuple[tuple[int, int], dict[str, Any]]] = []
        neutral: list[tuple[int, int]] = []
        for att in row["attributions"]:
            content = att.get("content")
            if not content or not _DQ.search(content["text"]):
                continue
            region = _quoted_region(text, content["spans"])
            if att.get("source"):
                gold.append((region, att["source"]))
            else:
                neutral.append(region)
        paragraphs = segment(text)
        sentences = [s for p in paragraphs for s in p.sentences]
        entities = find_entities(text, sentence_starts=[s.start for s in sentences])
        preds = [
            q for q in find_quotes(text, entities, sentences)
            if q.direct and text[q.span.start - 1 : q.span.start] in _OPENING_DOUBLE
        ]
        n_gold += len(gold)
        hit_gold: set[int] = set()
        for q in preds:
            span = (q.span.start, q.span.end)
            hits = [i for i, (region, _) in enumerate(gold) if _matches(span, region)]
            if not hits:
                if any(_matches(span, region) for region in neutral):
                    continue
                n_pred += 1
                shown["spurious"].append(f"{_show(text, span)}  -> {q.speaker!r} ({q.cue})")
                continue
            n_pred += 1
            n_pred_hit += 1
            for i in hits:
                if i in hit_gold:
                    continue
                hit_gold.add(i)
                source = gold[i][1]
                if _named(source["text"]):
                    n_named += 1
                    sp = None if q.speaker_span is None else (q.speaker_span.start,
                                                              q.speaker_span.end)
                    right = _speaker_right(q.speaker, sp, source)
                    n_named_right += right
                    if not right:
                        shown["speaker"].append(
                            f"{_show(text, span)}  -> {q.speaker!r} ({q.cue}); "
                            f"gold {source['text']!r}"
                        )
        n_gold_hit += len(hit_gold)
        shown["missed"].extend(
            f"{_show(text, region)}  gold {source['text']!r}"
            for i, (region, source) in enumerate(gold) if i not in hit_gold
        )
    for kind, items in shown.items():
        for item in items[:errors]:
            print(f"{kind}: {item}")
    return {
        "recall": n_gold_hit / n_gold if n_gold else 0.0,
        "precision": n_pred_hit / n_pred if n_pred else 0.0,
        "speaker": n_named_right / n_named if n_named else 0.0,
        "gold": n_gold,
        "pred": n_pred,
        "named": n_named,
    }


# -- speed --------------------------------------------------------------------


def _best_rate(items: list[Any], fn: Any) -> float:
    best = float("inf")
    for _ in range(3):
        clear_memos()  # each pass sees the documents for the first time
        t0 = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - t0)
    return len(items) / best


_PEER = re.compile(r"\w+|[^\w\s]")


def speed() -> dict[str, float]:
    """Documents per CPU-second (``time.process_time``: the machine is shared)."""
    conll = [Article.from_text(text, title="") for text, _ in
             conll_documents(DATA / "conll2003" / "eng.testb")]
    bbc = [Article.from_dict(json.loads(line)) for line in
           (DATA / "bbc_news_summary" / "dev.jsonl").open(encoding="utf-8")]
    analyze(bbc[0])  # load the knowledge files outside the timing
    return {
        "conll": _best_rate(conll, analyze),
        "conll_ner": _best_rate([a.body for a in conll], find_entities),
        "bbc": _best_rate(bbc, analyze),
        # Peer in the same run: one regex tokenisation pass over each text,
        # to scale the figures to another machine or load.
        "peer_bbc": _best_rate([a.body for a in bbc], _PEER.findall),
        "n_conll": len(conll),
        "n_bbc": len(bbc),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conll", action="store_true")
    parser.add_argument("--polnear", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print N CoNLL errors per kind")
    parser.add_argument("--quote-errors", type=int, default=0,
                        help="print N PolNeAR quote errors per kind (missed, spurious, speaker)")
    args = parser.parse_args(argv)
    every = not (args.conll or args.polnear or args.speed)
    rows: list[tuple[str, str, str, str]] = []
    if every or args.conll:
        conll = score_conll(args.errors)
        for kind in ("PER", "ORG", "LOC", "micro"):
            p, r, f = conll[kind]
            rows.append(("CoNLL-2003 eng.testb", f"{kind} P/R/F1",
                         f"{p:.3f} / {r:.3f} / {f:.3f}", f"F1 >= {TARGETS[kind]:.2f}"))
    if every or args.polnear:
        pol = score_polnear(args.quote_errors)
        rows.append(("PolNeAR dev direct quotes", "recall", f"{pol['recall']:.3f}",
                     f">= 0.95 ({int(pol['gold'])} gold)"))
        rows.append(("PolNeAR dev direct quotes", "precision", f"{pol['precision']:.3f}",
                     f">= 0.95 ({int(pol['pred'])} scored)"))
        rows.append(("PolNeAR dev direct quotes", "speaker accuracy (named)",
                     f"{pol['speaker']:.3f}", f">= 0.90 ({int(pol['named'])} named)"))
    if every or args.speed:
        sp = speed()
        rows.append((f"CoNLL docs ({int(sp['n_conll'])})", "find_entities docs/s",
                     f"{sp['conll_ner']:,.0f}", ">= 2,000"))
        rows.append((f"CoNLL docs ({int(sp['n_conll'])})", "analyze docs/s",
                     f"{sp['conll']:,.0f}", ""))
        rows.append((f"BBC dev articles ({int(sp['n_bbc'])})", "analyze articles/s",
                     f"{sp['bbc']:,.0f}", ">= 1,500"))
        rows.append((f"BBC dev articles ({int(sp['n_bbc'])})", "peer: regex tokenise /s",
                     f"{sp['peer_bbc']:,.0f}",
                     f"analyze = {sp['peer_bbc'] / sp['bbc']:.1f}x tokenise"))
    widths = [max(len(r[i]) for r in [("data", "metric", "value", "target"), *rows])
              for i in range(4)]
    for row in [("data", "metric", "value", "target"), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
