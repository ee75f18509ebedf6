"""The ``newsbrief`` command line.

Each subcommand is a :class:`Command`: a function that adds its arguments to
a parser and a function that runs it. They are registered in one place,
:data:`COMMANDS`; to add one, write its two functions and add a line there.

Exit status: 0 on success, 1 for bad input or a failed run (a one-line
message on stderr, never a traceback for a :class:`~newsbrief.NewsbriefError`),
2 for bad usage, 130 when interrupted, 141 when the reader of the output goes
away (a closed pipe).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

import attrs

from newsbrief import _digest_cli
from newsbrief._argtypes import positive_float, positive_int
from newsbrief._atomic import AtomicFile
from newsbrief.errors import NewsbriefError
from newsbrief.speech import _cli as _speech_cli

__all__ = ["COMMANDS", "Command", "build_parser", "main"]

#: Exit status for bad input or a failed run.
EXIT_ERROR = 1
#: Exit status for Ctrl-C.
EXIT_INTERRUPTED = 130
#: Exit status when stdout is a pipe whose reader has gone (128 + SIGPIPE).
EXIT_BROKEN_PIPE = 141

SUMMARY_FORMATS = ("text", "markdown", "json")
BRIEF_FORMATS = ("text", "markdown", "json", "html", "ssml", "script")
INPUT_FORMATS = ("text", "markdown", "json", "jsonl", "html", "feed")


@attrs.frozen(slots=True)
class Command:
    """A subcommand of ``newsbrief``.

    Attributes:
        name: What the user types ("summary").
        help: One line for ``newsbrief --help``.
        configure: Adds the subcommand's arguments to its parser.
        run: Runs it with the parsed arguments; returns the exit status.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# -- shared pieces -----------------------------------------------------------


def _add_input(parser: argparse.ArgumentParser, *, batch: bool = True) -> None:
    parser.add_argument(
        "input",
        nargs="?",
        metavar="PATH|-",
        help="an article file, a folder of them, a JSON/JSON Lines/feed/HTML file, "
        "or - for stdin",
    )
    parser.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        help="the input's format (default: guessed from the extension and content)",
    )
    parser.add_argument("--encoding", help="the input's text encoding (default: detected)")
    parser.add_argument(
        "--allow-network",
        action="store_true",
        help="allow PATH to be an http(s) URL that is fetched",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of stdout"
    )
    if batch:
        parser.add_argument(
            "--jsonl",
            metavar="IN.jsonl",
            help="batch mode: process every article of a JSON Lines file (or - for stdin), "
            "writing one JSON record per line",
        )
        parser.add_argument(
            "--workers",
            type=positive_int,
            metavar="N",
            help="batch mode: worker processes (default: all cores)",
        )


def _read_articles(args: argparse.Namespace) -> list[Any]:
    from newsbrief.ingest import read_all

    if args.input is None:
        raise _UsageError("give an input PATH, - for stdin, or --jsonl FILE")
    source: Any = _stdin_binary() if args.input == "-" else args.input
    if isinstance(source, str) and "://" not in source:
        source = Path(source)  # a command-line argument always names a file
    return list(
        read_all(
            source,
            format=args.input_format,
            encoding=args.encoding,
            allow_network=args.allow_network,
        )
    )


class _StdinName:
    """Gives stdin the name ``<stdin>`` in messages."""

    def __init__(self, stream: IO[Any]) -> None:
        self._stream = stream
        self.name = "<stdin>"

    def read(self, size: int = -1) -> Any:
        return self._stream.read(size)

    def readline(self, size: int = -1) -> Any:
        return self._stream.readline(size)


def _stdin_binary() -> _StdinName:
    return _StdinName(getattr(sys.stdin, "buffer", sys.stdin))


class _UsageError(Exception):
    """Bad usage found after argument parsing (exit status 2)."""


class _Output:
    """Where results go: stdout, or a file written atomically."""

    def __init__(self, path: str | None) -> None:
        self.path = path

    def write_all(self, chunks: Iterable[str]) -> None:
        if self.path is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.flush()
            return
        _write_atomically(Path(self.path), chunks)


def _write_atomically(path: Path, chunks: Iterable[str]) -> None:
    # Written next to the target and renamed, so no half-written file is left.
    with AtomicFile(path) as out:
        for chunk in chunks:
            out.write(chunk.encode("utf-8"))
        out.commit()


def _progress_bar(stream: TextIO) -> Callable[[int, int | None], None]:
    def show(done: int, total: int | None) -> None:
        if total:
            width = 30
            filled = min(width, done * width // total)
            bar = "#" * filled + "-" * (width - filled)
            stream.write(f"\r[{bar}] {done}/{total}")
        else:
            stream.write(f"\r{done} articles")
        stream.flush()

    return show


def _count_lines(path: str) -> int | None:
    try:
        with Path(path).open("rb") as fh:
            return sum(
                chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")
            )
    except OSError:
        return None


def _run_jsonl(args: argparse.Namespace, task: str, options: dict[str, Any]) -> int:
    """Batch mode: one JSON record per non-blank input line, in input order."""
    from newsbrief import batch

    if args.input is not None:
        raise _UsageError("give either an input PATH or --jsonl FILE, not both")
    stats = batch.JsonlStats()
    progress = None
    total: int | None = None
    if args.jsonl == "-":
        lines: Iterable[str | bytes] = getattr(sys.stdin, "buffer", None) or sys.stdin
        where = "<stdin>"
        handle = None
    else:
        where = args.jsonl
        try:
            handle = Path(args.jsonl).open("rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            from newsbrief.errors import ReadError

            raise ReadError(f"cannot read: {exc.strerror or exc}", where=where) from None
        lines = handle
    if sys.stderr.isatty():
        if handle is not None:
            total = _count_lines(args.jsonl)
        bar = _progress_bar(sys.stderr)

        def progress_fn(done: int, known: int | None) -> None:
            bar(done, known if known is not None else total)

        progress = progress_fn
    try:
        records = batch.process_jsonl_text(
            lines,
            task=task,
            options=options,
            workers=args.workers,
            progress=progress,
            where=where,
            stats=stats,
        )
        _Output(args.output).write_all(line + "\n" for line in records)
    finally:
        if handle is not None:
            handle.close()
        if progress is not None:
            sys.stderr.write("\n")
    if stats.errors:
        print(
            f"newsbrief: {stats.errors} of {stats.records} articles failed "
            "(see their error records)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return 0


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- newsbrief summary ---------------------------------------------------------


def _configure_summary(parser: argparse.ArgumentParser) -> None:
    _add_input(parser)
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument("--sentences", type=positive_int, metavar="N",
                        help="at most N sentences (default: 3)")
    budget.add_argument("--words", type=positive_int, metavar="N", help="at most N words")
    budget.add_argument("--ratio", type=positive_float, metavar="R",
                        help="this share of the sentences (0 < R <= 1)")
    budget.add_argument("--seconds", type=positive_float, metavar="S",
                        help="at most S seconds read aloud")
    parser.add_argument("--method", default="default",
                        help="summary method: default, lead, textrank or centroid")
    parser.add_argument("--format", choices=SUMMARY_FORMATS, default="text",
                        help="output format (default: text)")


def _summary_options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {
        "sentences": args.sentences,
        "words": args.words,
        "ratio": args.ratio,
        "seconds": args.seconds,
    }
    options = {k: v for k, v in options.items() if v is not None}
    if not options:
        options["sentences"] = 3
    if args.method != "default":
        options["method"] = args.method
    return options


def _run_summary(args: argparse.Namespace) -> int:
    options = _summary_options(args)
    if args.jsonl is not None:
        return _run_jsonl(args, "summary", options)
    articles = _read_articles(args)
    outputs = [_render_summary(article, article.summary(**options), args.format)
               for article in articles]
    _Output(args.output).write_all(_joined(outputs, args.format))
    return 0


def _joined(outputs: Sequence[str], fmt: str) -> Iterator[str]:
    """Several results: JSON as JSON Lines, others separated by a rule."""
    if fmt == "json" and len(outputs) > 1:
        for text in outputs:
            yield json.dumps(json.loads(text), ensure_ascii=False) + "\n"
        return
    for i, text in enumerate(outputs):
        if i:
            yield "\n---\n\n" if fmt in ("text", "markdown", "script") else "\n"
        yield text if text.endswith("\n") else text + "\n"


def _render_summary(article: Any, summary: Any, fmt: str) -> str:
    if fmt == "json":
        data = {"id": article.id, "headline": article.headline,
                "summary": [s.text for s in summary.sentences]}
        data.update(summary.to_dict())
        return _json(data)
    if fmt == "markdown":
        lines = [f"# {_md_escape(article.headline)}", ""] if article.headline else []
        lines += [f"- {_md_escape(s.text)}" for s in summary.sentences]
        if summary.note:
            lines += ["", f"*{_md_escape(summary.note)}*"]
        return "\n".join(lines) + "\n"
    parts = [article.headline, ""] if article.headline else []
    parts.append(summary.text)
    return "\n".join(parts) + "\n"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def _md_escape(text: str) -> str:
    return " ".join(text.split()).translate(_MD_SPECIAL)


# -- newsbrief brief -----------------------------------------------------------


def _configure_brief(parser: argparse.ArgumentParser) -> None:
    _add_input(parser)
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument("--seconds", type=positive_float, metavar="S",
                        help="fit the briefing in S seconds of speech")
    budget.add_argument("--words", type=positive_int, metavar="N",
                        help="fit the briefing in N words")
    parser.add_argument("--format", choices=BRIEF_FORMATS, default="text",
                        help="output format (default: text)")


def _run_brief(args: argparse.Namespace) -> int:
    options = {k: v for k, v in (("seconds", args.seconds), ("words", args.words))
               if v is not None}
    if args.jsonl is not None:
        return _run_jsonl(args, "brief", options)
    articles = _read_articles(args)
    outputs = [_render_briefing(article, options, args.format) for article in articles]
    _Output(args.output).write_all(_joined(outputs, args.format))
    return 0


def _render_briefing(article: Any, options: dict[str, Any], fmt: str) -> str:
    from newsbrief.render import render

    return render(article.briefing(**options), fmt)


# -- the registry --------------------------------------------------------------

#: Every subcommand, in the order ``newsbrief --help`` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("summary", "the sentences of an article that matter, within a budget",
            _configure_summary, _run_summary),
    Command("brief", "a structured briefing: lede, key points, who is who, quotes, dates",
            _configure_brief, _run_brief),
    Command("speak", "speak an article's briefing, or save it as a WAV file (--out)",
            _speech_cli.configure_speak, _speech_cli.run_speak),
    Command("voices", "list the speech engine's voices",
            _speech_cli.configure_voices, _speech_cli.run_voices),
    Command("digest", "many articles in one briefing that fits --minutes, duplicates merged",
            _digest_cli.configure_digest, _digest_cli.run_digest),
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    from newsbrief import __version__

    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Turn news articles into accurate, listenable briefings.",
    )
    parser.add_argument("--version", action="version", version=f"newsbrief {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        command.configure(child)
        child.set_defaults(_run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors (2), --help and --version (0)
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    try:
        status: int = args._run(args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"newsbrief: error: {exc}", file=sys.stderr)
        return 2
    except NewsbriefError as exc:
        print(f"newsbrief: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("newsbrief: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        print(f"newsbrief: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return status


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so that
    # flush cannot raise a second BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
