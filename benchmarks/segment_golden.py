"""Run the Pragmatic Segmenter English golden rules against newsbrief and pySBD.

Usage (from the repository root)::

    python3 benchmarks/segment_golden.py [-v]

The 48 rules live in ``tests/test_segment.py`` (``GOLDEN_RULES``); this script
prints how many each segmenter passes and, with ``-v``, the failures.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsbrief.text.segment import split_sentences  # noqa: E402


def load_rules() -> list[tuple[str, list[str]]]:
    path = ROOT / "tests" / "test_segment.py"
    spec = importlib.util.spec_from_file_location("_segment_tests", path)
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load tests/test_segment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rules: list[tuple[str, list[str]]] = module.GOLDEN_RULES
    return rules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show the failures")
    args = parser.parse_args(argv)
    rules = load_rules()

    def ours(text: str) -> list[str]:
        return [text[s:e] for s, e in split_sentences(text)]

    segmenters = {"newsbrief": ours}
    try:
        import pysbd  # type: ignore[import-untyped]
    except ImportError:
        print("pysbd is not installed: only newsbrief is checked")
    else:
        peer = pysbd.Segmenter(language="en", clean=False, char_span=False)
        segmenters["pysbd"] = lambda text: [s.strip() for s in peer.segment(text) if s.strip()]

    for name, split in segmenters.items():
        failures = [(n, text, split(text)) for n, (text, want) in enumerate(rules, 1)
                    if split(text) != want]
        print(f"{name:<10} {len(rules) - len(failures)}/{len(rules)} golden rules pass")
        if args.verbose:
            for n, text, got in failures:
                print(f"  rule {n:02d}: {text!r}\n    got {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
