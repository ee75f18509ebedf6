"""The ``newsbrief speak`` and ``newsbrief voices`` subcommands.

Registered in :data:`newsbrief.cli.COMMANDS`; kept here so that the speech
options live with the speech code. Nothing is imported from the speech
engine until a command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from newsbrief._argtypes import bounded_float, fraction, positive_float
from newsbrief.timing import DEFAULT_WPM

__all__ = ["configure_speak", "configure_voices", "run_speak", "run_voices"]

_MIN_RATE = 80.0
_MAX_RATE = 450.0


def _rate(text: str) -> float:
    return bounded_float(text, _MIN_RATE, _MAX_RATE, "words per minute")






def add_voice_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--voice``, ``--rate`` and ``--volume`` (shared with ``digest --out``)."""
    parser.add_argument(
        "--voice",
        metavar="V",
        help="voice id, name or language code (default: one for the article's language; "
        "see `newsbrief voices`)",
    )
    parser.add_argument(
        "--rate",
        type=_rate,
        default=DEFAULT_WPM,
        metavar="WPM",
        help=f"speaking rate in words per minute (default: {DEFAULT_WPM:.0f})",
    )
    parser.add_argument(
        "--volume", type=fraction, default=1.0, metavar="V", help="volume, 0 to 1 (default: 1)"
    )


def progress_bar(stream: TextIO) -> Callable[[int, int], None] | None:
    """A ``progress(done, total)`` callback drawing a bar on ``stream`` if it is a terminal."""
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if not interactive:
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = min(width, done * width // total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if total and done >= total else ""
        stream.write(f"\rspeaking [{bar}] {done}/{total} chunks{end}")
        stream.flush()

    return show


def configure_speak(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``newsbrief speak``."""
    parser.add_argument(
        "input",
        metavar="PATH|-",
        help="an article file (text, Markdown, JSON, HTML...), a folder of them, or - for stdin",
    )
    parser.add_argument(
        "--input-format",
        choices=("text", "markdown", "json", "jsonl", "html", "feed"),
        help="the input's format (default: guessed)",
    )
    parser.add_argument("--encoding", help="the input's text encoding (default: detected)")
    parser.add_argument(
        "--out",
        metavar="FILE.wav",
        help="write a WAV file instead of playing through the speech engine",
    )
    add_voice_options(parser)
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument(
        "--seconds",
        type=positive_float,
        metavar="N",
        help="fit each briefing in N seconds of speech",
    )
    budget.add_argument(
        "--words", type=int, metavar="N", help="fit each briefing in N words"
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


def _script(articles: list[Any], options: dict[str, Any]) -> Any:
    """What to speak: one briefing, or the briefings of several articles in turn."""
    briefings = [article.briefing(**options) for article in articles]
    if len(briefings) == 1:
        return briefings[0]
    from newsbrief.speech.script import Part, script_parts_of

    parts: list[Part] = []
    for briefing in briefings:
        story = list(script_parts_of(briefing))
        if story:
            title = story[0].title or getattr(briefing, "headline", None) or None
            story[0] = Part(story[0].text, story[0].pause, title)
            story[-1] = Part(story[-1].text, "story", story[-1].title)
            parts.extend(story)
    return parts


def run_speak(args: argparse.Namespace) -> int:
    """Run ``newsbrief speak``."""
    from newsbrief.errors import OutputError
    from newsbrief.ingest import read_all
    from newsbrief.speech import Speaker

    if (args.chapters or args.split) and not args.out:
        raise OutputError("--chapters and --split need --out FILE.wav", where="<arguments>")
    source: Any = args.input
    if source == "-":
        source = sys.stdin.buffer
    elif "://" not in source:
        source = Path(source)
    articles = list(read_all(source, format=args.input_format, encoding=args.encoding))
    options: dict[str, Any] = {
        k: v for k, v in (("seconds", args.seconds), ("words", args.words)) if v
    }
    options["wpm"] = args.rate  # the time budget holds at the rate spoken
    with Speaker(voice=args.voice, rate=args.rate, volume=args.volume) as speaker:
        speaker.start()  # the worker starts while the briefing is built
        script = _script(articles, options)
        progress = progress_bar(sys.stderr)
        language = articles[0].language if articles else None
        if not args.out:
            speaker.say(script, language=language, progress=progress)
            return 0
        result = speaker.save(
            script,
            args.out,
            chapters=args.chapters,
            split=args.split,
            language=language,
            progress=progress,
        )
    minutes, seconds = divmod(round(result.duration_seconds), 60)
    print(
        f"wrote {result.path} ({minutes}:{seconds:02d}, {result.words} words, "
        f"voice {result.voice or 'default'})"
    )
    for extra in result.files[1:]:
        print(f"wrote {extra}")
    return 0


def configure_voices(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``newsbrief voices``."""
    parser.add_argument("--language", metavar="CODE", help="only voices for this language")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format"
    )


def run_voices(args: argparse.Namespace) -> int:
    """Run ``newsbrief voices``: list the speech engine's voices."""
    from newsbrief.speech import Speaker

    with Speaker() as speaker:
        voices = speaker.voices()
    if args.language:
        code = args.language.strip().lower()
        voices = tuple(
            v
            for v in voices
            if any(x == code or x.startswith(code + "-") for x in v.languages)
            or v.id.lower().rsplit("/", 1)[-1] == code
        )
    if args.format == "json":
        print(json.dumps([v.to_dict() for v in voices], ensure_ascii=False, indent=2))
        return 0
    width = max((len(v.id) for v in voices), default=2)
    for v in voices:
        print(f"{v.id:<{width}}  {', '.join(v.languages):<16}  {v.name}")
    return 0
