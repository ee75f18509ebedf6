"""Quick start: brief a bundled wire story, print it, and speak it to briefing.wav.

Run from a checkout after installing newsbrief with the ``speech`` and
``numbers`` extras (and eSpeak NG; see the README's Quick start)::

    python examples/quickstart.py [STORY] [--out briefing.wav] [--seconds 45]

Without STORY it uses ``examples/finance-minister.txt``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import newsbrief
from newsbrief.render import render

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Print the briefing of a story and save it as speech; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("story", nargs="?", default=str(HERE / "finance-minister.txt"))
    parser.add_argument("--out", default="briefing.wav", help="WAV file to write")
    parser.add_argument("--seconds", type=float, default=45.0, help="listening-time budget")
    args = parser.parse_args(argv)

    try:
        article = newsbrief.read(Path(args.story))
        briefing = article.briefing(seconds=args.seconds)
    except newsbrief.NewsbriefError as exc:
        print(f"quickstart: {exc}", file=sys.stderr)
        return 1
    print(render(briefing, "text"))

    from newsbrief.speech import Speaker

    try:
        with Speaker() as speaker:
            result = speaker.save(briefing, args.out)
    except newsbrief.NewsbriefError as exc:
        print(f"quickstart: could not speak the briefing: {exc}", file=sys.stderr)
        return 1
    print(f"\nSpoken briefing: {result.path} ({result.duration_seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
