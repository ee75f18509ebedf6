"""The ``newsbrief digest`` subcommand.

Registered in :data:`newsbrief.cli.COMMANDS`; kept beside the digest code.
Nothing heavy is imported until the command runs.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsbrief._argtypes import positive_float, positive_int

__all__ = ["configure_digest", "run_digest"]

DIGEST_FORMATS = ("text", "markdown", "json", "html", "ssml", "script")


def _day(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def configure_digest(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``newsbrief digest``."""
    from newsbrief.speech._cli import add_voice_options

    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH",
        help="article files, folders of them, JSON Lines, feeds or HTML pages (- for stdin)",
    )
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument(
        "--minutes", type=positive_float, metavar="N", help="length of the digest (default: 5)"
    )
    budget.add_argument("--seconds", type=positive_float, metavar="N", help="length in seconds")
    parser.add_argument(
        "--format", choices=DIGEST_FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument("--date", type=_day, help="the day the digest is for (YYYY-MM-DD)")
    parser.add_argument(
        "--title", help='the digest\'s title (default: "News briefing, <day month year>")'
    )
    parser.add_argument("--max-stories", type=positive_int, metavar="N", help="at most N stories")
    parser.add_argument(
        "--input-format",
        choices=("text", "markdown", "json", "jsonl", "html", "feed"),
        help="the inputs' format (default: guessed for each)",
    )
    parser.add_argument("--encoding", help="the inputs' text encoding (default: detected)")
    parser.add_argument(
        "--allow-network", action="store_true", help="allow PATH to be an http(s) URL"
    )
    parser.add_argument(
        "--skip-errors",
        action="store_true",
        help="leave out unreadable articles (with a warning) instead of stopping",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--out", metavar="FILE.wav", help="speak the digest into a WAV file instead of printing"
    )
    parser.add_argument(
        "--chapters",
        action="store_true",
        help="with --out: also write FILE.chapters.json and FILE.cue (one chapter per story)",
    )
    parser.add_argument(
        "--split",
        action="store_true",
        help="with --out: also write one WAV file per story into a folder named after FILE",
    )
    add_voice_options(parser)


def _articles(args: argparse.Namespace) -> Iterator[Any]:
    """Every article of every input, lazily, in order."""
    import logging

    from newsbrief.ingest import read_all

    if args.skip_errors:
        logging.basicConfig(format="newsbrief: warning: %(message)s", level=logging.WARNING)
    sources: list[Any] = []
    for name in args.inputs:
        if name == "-":
            sources.append(sys.stdin.buffer)
        elif "://" in name:
            sources.append(name)
        else:
            sources.append(Path(name))
    return itertools.chain.from_iterable(
        read_all(
            source,
            format=args.input_format,
            encoding=args.encoding,
            allow_network=args.allow_network,
            errors="skip" if args.skip_errors else "raise",
        )
        for source in sources
    )


def run_digest(args: argparse.Namespace) -> int:
    """Run ``newsbrief digest``."""
    from newsbrief.digest import Digest
    from newsbrief.errors import OutputError

    if (args.chapters or args.split) and not args.out:
        raise OutputError("--chapters and --split need --out FILE.wav", where="<arguments>")
    digest = Digest.from_articles(
        _articles(args),
        minutes=args.minutes,
        seconds=args.seconds,
        # Spoken to a file, the budget must hold at the rate of the voice.
        wpm=args.rate if args.out else None,
        date=args.date,
        title=args.title,
        max_stories=args.max_stories,
    )
    if args.out:
        return _speak(digest, args)
    from newsbrief.cli import _Output
    from newsbrief.render import render

    _Output(args.output).write_all([render(digest, args.format)])
    return 0


def _speak(digest: Any, args: argparse.Namespace) -> int:
    from newsbrief.speech import Speaker
    from newsbrief.speech._cli import progress_bar

    with Speaker(voice=args.voice, rate=args.rate, volume=args.volume) as speaker:
        result = speaker.save(
            digest,
            args.out,
            chapters=args.chapters,
            split=args.split,
            progress=progress_bar(sys.stderr),
        )
    minutes, seconds = divmod(round(result.duration_seconds), 60)
    count = len(digest.stories)
    stories = f"{count} {'story' if count == 1 else 'stories'}"
    print(
        f"wrote {result.path} ({minutes}:{seconds:02d}, {stories}, "
        f"{result.words} words, voice {result.voice or 'default'})"
    )
    for extra in result.files[1:]:
        print(f"wrote {extra}")
    return 0
