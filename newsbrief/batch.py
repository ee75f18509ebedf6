"""Run newsbrief over many articles on every core, streaming, in input order.

Inputs stream in and results stream out: at most a few chunks per worker are
in flight at any time, so memory stays flat however long the input is, and
results come back in input order. A bad input never aborts the run; it yields
a result that carries the error's type and message instead. Neither does a
worker process that dies (out of memory, a signal): only the input that kills
a worker is lost, with the error type ``BrokenProcessPool``.

Quick use::

    from newsbrief import batch

    for result in batch.briefings(open("articles.jsonl"), seconds=45):
        if result.ok:
            print(result.value.headline)
        else:
            print(result.index, result.error.type, result.error.message)

    # JSON Lines in, JSON Lines out (what ``newsbrief brief --jsonl`` runs):
    for line in batch.process_jsonl_text(open("in.jsonl"), task="brief", workers=2):
        print(line)

Everything sent to worker processes is defined at module top level and
pickles, so the pool works with every start method (fork, forkserver,
spawn); for the same reason :func:`record` can be mapped with Dask or any
other cluster framework.
"""

from __future__ import annotations

import functools
import gc
import inspect
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

import attrs

from newsbrief.errors import InputFormatError, InvalidArticleError, UnknownNameError
from newsbrief.model import Article

__all__ = [
    "DEFAULT_CHUNKSIZE",
    "TASKS",
    "BatchError",
    "BatchResult",
    "JsonlStats",
    "briefings",
    "default_workers",
    "is_error",
    "map_articles",
    "process_jsonl",
    "process_jsonl_text",
    "record",
    "records",
    "summaries",
    "to_article",
]

_T = TypeVar("_T")
_X = TypeVar("_X")
_Y = TypeVar("_Y")

#: Inputs sent to a worker at once. Large enough that the cost of shipping a
#: chunk between processes is negligible next to the work on it, small enough
#: that memory stays low and progress updates often.
DEFAULT_CHUNKSIZE = 64

#: The tasks :func:`process_jsonl` knows.
TASKS = ("brief", "summary")

#: Chunks in flight per worker: one being worked on, one queued so the worker
#: never waits for the parent.
_WINDOW_PER_WORKER = 2

Progress = Callable[[int, "int | None"], None]


@attrs.frozen(slots=True)
class BatchError:
    """Why one input failed.

    Attributes:
        type: The exception's class name ("InputFormatError").
        message: Its message.
    """

    type: str
    message: str

    @classmethod
    def from_exception(cls, exc: BaseException) -> BatchError:
        """The error record of an exception."""
        return cls(type(exc).__name__, str(exc))

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready dict: ``{"type": ..., "message": ...}``."""
        return {"type": self.type, "message": self.message}


@attrs.frozen(slots=True)
class BatchResult(Generic[_T]):
    """The outcome for one input of a batch.

    Attributes:
        index: The input's 0-based position.
        value: The function's result, or None when it failed.
        error: Why it failed, or None when it succeeded.
    """

    index: int
    value: _T | None = None
    error: BatchError | None = None

    @property
    def ok(self) -> bool:
        """True when the input was processed without error."""
        return self.error is None


@attrs.define(slots=True)
class JsonlStats:
    """Counters filled in by :func:`process_jsonl` / :func:`process_jsonl_text`.

    Pass an instance as ``stats=`` to learn, after the run, how many records
    were written and how many of them are error records (for an exit status).

    Attributes:
        records: Output records yielded so far.
        errors: How many of them are error records.
    """

    records: int = 0
    errors: int = 0


def default_workers() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# -- turning inputs into articles --------------------------------------------


def to_article(item: object, *, where: str | None = None, line: int | None = None) -> Article:
    """Turn a batch input into an :class:`~newsbrief.model.Article`.

    Args:
        item: An Article, a mapping shaped like a JSON article (``title`` or
            ``headline``, ``text`` or ``body``, ...), or one JSON Lines line
            (str or bytes) holding such an object.
        where: The input's name, for error messages.
        line: The input's 1-based line number, for error messages.

    Raises:
        InputFormatError: a line is not a JSON object.
        InvalidArticleError: the item is of the wrong type or its fields are unusable.
    """
    if isinstance(item, Article):
        return item
    if isinstance(item, (str, bytes, bytearray)):
        item = _parse_line(item, where=where, line=line)
    if isinstance(item, Mapping):
        try:
            return Article.from_dict(item)
        except InvalidArticleError as exc:
            if exc.where is None and (where is not None or line is not None):
                raise type(exc)(exc.message, where=where, line=line) from None
            raise
    raise InvalidArticleError(
        f"a batch input must be an Article, a dict or a JSON line, not {type(item).__name__}",
        where=where,
        line=line,
    )


def _parse_line(
    text: str | bytes | bytearray, *, where: str | None, line: int | None
) -> Mapping[str, Any]:
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise InputFormatError(f"not valid JSON: {reason}", where=where, line=line) from None
    if not isinstance(data, Mapping):
        raise InputFormatError(
            f"a JSON Lines article must be an object, not {type(data).__name__}",
            where=where,
            line=line,
        )
    return data


# -- the streaming engine ----------------------------------------------------


def _chunks(items: Iterable[_X], size: int) -> Iterator[list[_X]]:
    chunk: list[_X] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


#: What a worker that died yields for the input it was working on.
_CRASHED = BatchError(
    "BrokenProcessPool",
    "a worker process died while processing this input (killed by a signal, "
    "out of memory or crashed); the rest of the run went on",
)


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, workers: int, start_method: str | None) -> None:
        import multiprocessing

        self._workers = workers
        self._context = multiprocessing.get_context(start_method)
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # gc.freeze in each worker: objects inherited from the parent (fork) are
        # never scanned by the worker's collector, which saves about a fifth of
        # the worker's time and avoids copying those pages.
        return ProcessPoolExecutor(
            max_workers=self._workers, mp_context=self._context, initializer=gc.freeze
        )

    def renew(self) -> None:
        """Replace a broken pool (its queued work is lost) with a fresh one."""
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def run(self, run_chunk: Callable[[list[_X]], list[_Y]], chunk: list[_X]) -> list[_Y] | None:
        """``run_chunk(chunk)`` on the pool alone; None when a worker died doing it."""
        try:
            return self.executor.submit(run_chunk, chunk).result()
        except BrokenProcessPool:
            self.renew()
            return None


def _isolate(
    pool: _Pool,
    run_chunk: Callable[[list[_X]], list[_Y]],
    chunk: list[_X],
    crashed: Callable[[_X], _Y],
) -> list[_Y]:
    """Run a chunk that was in flight when a worker died, finding the input that kills.

    The chunk runs alone; if it kills a worker again, each of its inputs runs
    alone, and an input that kills its worker gets ``crashed(input)``.
    """
    results = pool.run(run_chunk, chunk)
    if results is not None:
        return results
    out: list[_Y] = []
    for item in chunk:
        one = pool.run(run_chunk, [item])
        out.extend([crashed(item)] if one is None else one)
    return out


def _stream(
    run_chunk: Callable[[list[_X]], list[_Y]],
    chunks: Iterable[tuple[int, list[_X]]],
    *,
    workers: int,
    start_method: str | None,
    crashed: Callable[[_X], _Y],
) -> Iterator[tuple[int, list[_Y]]]:
    """Apply ``run_chunk`` to each ``(tag, chunk)``, yielding ``(tag, results)`` in order.

    With more than one worker, at most ``workers * _WINDOW_PER_WORKER`` chunks
    are submitted and not yet yielded, which bounds memory on both sides.

    A worker that dies (killed by the OS for memory, a signal, a crash in
    native code) breaks the whole pool and every chunk in flight. The pool is
    then replaced and those chunks are run again one at a time, so only the
    input that kills a worker is lost: it yields ``crashed(input)``.
    """
    if workers == 1:
        for tag, chunk in chunks:
            yield tag, run_chunk(chunk)
        return

    window = workers * _WINDOW_PER_WORKER
    pool = _Pool(workers, start_method)
    # A None future: the pool was already broken when the chunk was submitted.
    pending: deque[tuple[int, list[_X], Future[list[_Y]] | None]] = deque()

    def submit(tag: int, chunk: list[_X]) -> None:
        try:
            future: Future[list[_Y]] | None = pool.executor.submit(run_chunk, chunk)
        except BrokenProcessPool:
            future = None
        pending.append((tag, chunk, future))

    def settle() -> Iterator[tuple[int, list[_Y]]]:
        tag, chunk, future = pending.popleft()
        try:
            if future is None:
                raise BrokenProcessPool
            yield tag, future.result()
        except BrokenProcessPool:
            retry = [(tag, chunk), *((t, c) for t, c, _ in pending)]
            pending.clear()
            pool.renew()
            for again, work in retry:
                yield again, _isolate(pool, run_chunk, work, crashed)

    try:
        for tag, chunk in chunks:
            submit(tag, chunk)
            if len(pending) >= window:
                yield from settle()
        while pending:
            yield from settle()
    finally:
        # Also reached when the caller stops iterating early: drop queued work.
        pool.executor.shutdown(wait=True, cancel_futures=True)


def _resolve_workers(workers: int | None, total: int | None, chunksize: int) -> int:
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, got {chunksize}")
    if workers is None:
        workers = default_workers()
    elif isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer or None, got {workers!r}")
    if total is not None:
        # No more processes than chunks; one chunk is cheaper in-process.
        workers = max(1, min(workers, -(-total // chunksize)))
    return workers


def _length(items: object) -> int | None:
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:
        return None


# -- mapping a function over articles ----------------------------------------


def _map_chunk(
    func: Callable[[Article], _T], items: list[object]
) -> list[tuple[_T | None, BatchError | None]]:
    out: list[tuple[_T | None, BatchError | None]] = []
    for item in items:
        try:
            out.append((func(to_article(item)), None))
        except Exception as exc:  # one bad input must not end the run
            out.append((None, BatchError.from_exception(exc)))
    return out


def _crashed_item(item: object) -> tuple[None, BatchError]:
    return None, _CRASHED


def map_articles(
    func: Callable[[Article], _T],
    items: Iterable[object],
    *,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: Progress | None = None,
    start_method: str | None = None,
) -> Iterator[BatchResult[_T]]:
    """Apply ``func`` to every input's article on a pool of processes.

    Inputs are read lazily and results yielded in input order; at most
    ``2 * workers`` chunks are in flight, so memory does not grow with the
    input. An input that cannot be turned into an article, or on which
    ``func`` raises, yields a result with ``error`` set; the run goes on.

    Args:
        func: A picklable callable taking an Article (a module-level function,
            ``functools.partial`` of one, ``operator.attrgetter``...).
        items: Articles, dicts shaped like JSON articles, or JSON Lines lines.
        workers: Number of processes; None uses every available core, 1 runs
            in this process without a pool (``func`` need not pickle then).
        chunksize: Inputs sent to a worker at once.
        progress: Called as ``progress(done, total)`` at the start and after
            each chunk; ``total`` is None when ``items`` has no ``len()``.
        start_method: A :mod:`multiprocessing` start method ("fork",
            "forkserver", "spawn"); None uses the platform default.

    Yields:
        One :class:`BatchResult` per input, in input order.

    Raises:
        ValueError: ``workers`` or ``chunksize`` is not a positive integer.
    """
    total = _length(items)
    workers = _resolve_workers(workers, total, chunksize)
    return _map_results(func, items, workers, chunksize, total, progress, start_method)


def _map_results(
    func: Callable[[Article], _T],
    items: Iterable[object],
    workers: int,
    chunksize: int,
    total: int | None,
    progress: Progress | None,
    start_method: str | None,
) -> Iterator[BatchResult[_T]]:
    run_chunk = functools.partial(_map_chunk, func)
    tagged = ((len(chunk), chunk) for chunk in _chunks(items, chunksize))
    index = 0
    if progress is not None:
        progress(0, total)
    results_of = _stream(
        run_chunk, tagged, workers=workers, start_method=start_method, crashed=_crashed_item
    )
    for _size, results in results_of:
        for value, error in results:
            yield BatchResult(index, value, error)
            index += 1
        if progress is not None:
            progress(index, total)


def _briefing_of(options: Mapping[str, Any], article: Article) -> Any:
    return article.briefing(**options)


def _summary_of(options: Mapping[str, Any], article: Article) -> Any:
    return article.summary(**options)


def briefings(
    items: Iterable[object],
    *,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: Progress | None = None,
    **options: Any,
) -> Iterator[BatchResult[Any]]:
    """The briefing of every input (see :meth:`Article.briefing`), in input order.

    Args:
        items: Articles, dicts shaped like JSON articles, or JSON Lines lines.
        workers: Number of processes (None: all cores; 1: in this process).
        chunksize: Inputs sent to a worker at once.
        progress: ``progress(done, total)`` callback.
        **options: Passed to :meth:`Article.briefing` (``seconds=45``...).

    Yields:
        A :class:`BatchResult` per input whose value is a ``Briefing``.
    """
    _check_options("brief", options)
    func = functools.partial(_briefing_of, options)
    return map_articles(func, items, workers=workers, chunksize=chunksize, progress=progress)


def summaries(
    items: Iterable[object],
    *,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: Progress | None = None,
    **options: Any,
) -> Iterator[BatchResult[Any]]:
    """The summary of every input (see :meth:`Article.summary`), in input order.

    Args:
        items: Articles, dicts shaped like JSON articles, or JSON Lines lines.
        workers: Number of processes (None: all cores; 1: in this process).
        chunksize: Inputs sent to a worker at once.
        progress: ``progress(done, total)`` callback.
        **options: Passed to :meth:`Article.summary` (``sentences=3``...).

    Yields:
        A :class:`BatchResult` per input whose value is a ``Summary``.
    """
    _check_options("summary", options)
    func = functools.partial(_summary_of, options)
    return map_articles(func, items, workers=workers, chunksize=chunksize, progress=progress)


def _check_options(task: str, options: Mapping[str, Any]) -> None:
    """Refuse unknown option names up front rather than once per input."""
    if task not in TASKS:
        raise UnknownNameError(f"unknown batch task {task!r}; expected one of {', '.join(TASKS)}")
    target: Callable[..., Any] = Article.briefing if task == "brief" else Article.summary
    if task == "brief":
        try:
            from newsbrief.briefing import build_briefing
        except ImportError:  # pragma: no cover - only while the package is incomplete
            pass
        else:
            target = build_briefing
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):  # pragma: no cover - builtins without signatures
        return
    params = signature.parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return
    known = {p.name for p in params if p.kind is not inspect.Parameter.POSITIONAL_ONLY}
    unknown = sorted(set(options) - known)
    if unknown:
        raise UnknownNameError(
            f"unknown {'briefing' if task == 'brief' else 'summary'} option(s): "
            + ", ".join(unknown)
        )


# -- JSON Lines in, JSON Lines out -------------------------------------------


def is_error(output: Mapping[str, Any]) -> bool:
    """Whether an output record of :func:`process_jsonl` is an error record."""
    return isinstance(output.get("error"), Mapping) and "line" in output


def record(
    item: object,
    *,
    task: str = "brief",
    options: Mapping[str, Any] | None = None,
    line: int | None = None,
    where: str | None = None,
) -> dict[str, Any]:
    """The output record of one input; never raises for a bad input.

    This is the per-input step of :func:`process_jsonl`, usable on its own
    with any executor (Dask, Ray, ``multiprocessing``): it is a module-level
    function and its result is a plain dict.

    Args:
        item: An Article, a dict shaped like a JSON article, or a JSON line.
        task: "brief" (``article.briefing(**options)``) or "summary"
            (``article.summary(**options)``).
        options: Keyword arguments for the task.
        line: The input's 1-based line number, for error records.
        where: The input's name, for error messages.

    Returns:
        ``{**result.to_dict(), "id": <input id>}``, or an error record
        ``{"id": ..., "line": N, "error": {"type": ..., "message": ...}}``.

    Raises:
        UnknownNameError: ``task`` is not one of :data:`TASKS`.
    """
    if task not in TASKS:
        raise UnknownNameError(f"unknown batch task {task!r}; expected one of {', '.join(TASKS)}")
    return _record(item, task, {} if options is None else options, line, where)[0]


def _record(
    item: object, task: str, opts: Mapping[str, Any], line: int | None, where: str | None
) -> tuple[dict[str, Any], bool]:
    """The output record of one input and whether it is an error record."""
    ident: Any = None
    try:
        if isinstance(item, (str, bytes, bytearray)):
            item = _parse_line(item, where=where, line=line)
        if isinstance(item, Mapping):
            ident = item.get("id")
        elif isinstance(item, Article):
            ident = item.id
        article = to_article(item, where=where, line=line)
        result = article.briefing(**opts) if task == "brief" else article.summary(**opts)
        out: dict[str, Any] = result.to_dict()
    except Exception as exc:  # one bad input must not end the run
        error = BatchError.from_exception(exc).to_dict()
        return {"id": ident, "line": line, "error": error}, True
    out["id"] = ident
    return out, False


def records(
    numbered: Iterable[tuple[int | None, object]],
    *,
    task: str = "brief",
    options: Mapping[str, Any] | None = None,
    where: str | None = None,
) -> list[dict[str, Any]]:
    """The output records of a chunk of ``(line_number, input)`` pairs.

    The unit of work :func:`process_jsonl` sends to a worker, public so that
    other executors can use it: for example Dask's
    ``bag.map_partitions(batch.records, task="brief")`` on a bag of numbered
    lines. Never raises for a bad input (see :func:`record`).

    Raises:
        UnknownNameError: ``task`` is not one of :data:`TASKS`.
    """
    if task not in TASKS:
        raise UnknownNameError(f"unknown batch task {task!r}; expected one of {', '.join(TASKS)}")
    opts = {} if options is None else options
    return [_record(item, task, opts, number, where)[0] for number, item in numbered]


def _jsonl_chunk(
    task: str,
    options: Mapping[str, Any],
    where: str | None,
    as_text: bool,
    chunk: list[tuple[int, str | bytes]],
) -> list[tuple[Any, bool]]:
    out: list[tuple[Any, bool]] = []
    for number, text in chunk:
        rec, failed = _record(text, task, options, number, where)
        if as_text:
            # Serialising here, in the worker, keeps the parent's work small.
            out.append((json.dumps(rec, ensure_ascii=False), failed))
        else:
            out.append((rec, failed))
    return out


def _crashed_line(as_text: bool, item: tuple[int, str | bytes]) -> tuple[Any, bool]:
    number, text = item
    try:
        ident = _parse_line(text, where=None, line=number).get("id")
    except InputFormatError:
        ident = None
    rec = {"id": ident, "line": number, "error": _CRASHED.to_dict()}
    return (json.dumps(rec, ensure_ascii=False) if as_text else rec), True


def _numbered_chunks(
    lines: Iterable[str | bytes], size: int, seen: list[int]
) -> Iterator[tuple[int, list[tuple[int, str | bytes]]]]:
    """Chunks of ``(line_number, line)`` for the non-blank lines, tagged with the last number.

    ``seen[0]`` is kept at the number of lines read, blank ones included.
    """
    chunk: list[tuple[int, str | bytes]] = []
    number = 0
    for number, text in enumerate(lines, 1):
        seen[0] = number
        if not text or text.isspace():  # no copy, unlike strip()
            continue
        chunk.append((number, text))
        if len(chunk) >= size:
            yield number, chunk
            chunk = []
    if chunk:
        yield number, chunk


def _process(
    lines: Iterable[str | bytes],
    *,
    task: str,
    options: Mapping[str, Any] | None,
    workers: int | None,
    chunksize: int,
    progress: Progress | None,
    where: str | None,
    stats: JsonlStats | None,
    start_method: str | None,
    as_text: bool,
) -> Iterator[Any]:
    opts = dict(options or {})
    _check_options(task, opts)
    total = _length(lines)
    workers = _resolve_workers(workers, total, chunksize)
    return _process_results(
        lines, task, opts, workers, chunksize, total, progress, where, stats, start_method, as_text
    )


def _process_results(
    lines: Iterable[str | bytes],
    task: str,
    opts: Mapping[str, Any],
    workers: int,
    chunksize: int,
    total: int | None,
    progress: Progress | None,
    where: str | None,
    stats: JsonlStats | None,
    start_method: str | None,
    as_text: bool,
) -> Iterator[Any]:
    run_chunk = functools.partial(_jsonl_chunk, task, opts, where, as_text)
    seen = [0]
    if progress is not None:
        progress(0, total)
    chunks = _numbered_chunks(lines, chunksize, seen)
    crashed = functools.partial(_crashed_line, as_text)
    results_of = _stream(
        run_chunk, chunks, workers=workers, start_method=start_method, crashed=crashed
    )
    for last, results in results_of:
        for output, failed in results:
            if stats is not None:
                stats.records += 1
                stats.errors += failed
            yield output
        if progress is not None:
            progress(last, total)
    if progress is not None and seen[0] and (total is None or seen[0] == total):
        # Trailing blank lines: let the count reach the end.
        progress(seen[0], total)


def process_jsonl(
    lines: Iterable[str | bytes],
    *,
    task: str = "brief",
    options: Mapping[str, Any] | None = None,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: Progress | None = None,
    where: str | None = None,
    stats: JsonlStats | None = None,
    start_method: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Brief or summarise every article of a JSON Lines input, on a pool of processes.

    Blank lines are skipped; every other line yields exactly one output
    record, in input order (see :func:`record`): the result's ``to_dict()``
    plus the input's ``id``, or an error record
    ``{"id": ..., "line": N, "error": {"type": ..., "message": ...}}`` for a
    line that is not a JSON object, is not a usable article, or fails.

    Args:
        lines: The input lines (an open file, ``sys.stdin``, a list of str).
        task: "brief" or "summary".
        options: Keyword arguments for ``article.briefing()`` or ``article.summary()``.
        workers: Number of processes (None: all cores; 1: in this process).
        chunksize: Lines sent to a worker at once.
        progress: Called as ``progress(lines_done, total)`` at the start and
            after each chunk; ``total`` is None when ``lines`` has no ``len()``.
        where: The input's name (a file name, ``<stdin>``), for error messages.
        stats: A :class:`JsonlStats` to count records and error records in.
        start_method: A :mod:`multiprocessing` start method, None for the default.

    Yields:
        One dict per non-blank input line.

    Raises:
        UnknownNameError: ``task`` or an option name is unknown.
        ValueError: ``workers`` or ``chunksize`` is not a positive integer.
    """
    return _process(
        lines,
        task=task,
        options=options,
        workers=workers,
        chunksize=chunksize,
        progress=progress,
        where=where,
        stats=stats,
        start_method=start_method,
        as_text=False,
    )


def process_jsonl_text(
    lines: Iterable[str | bytes],
    *,
    task: str = "brief",
    options: Mapping[str, Any] | None = None,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: Progress | None = None,
    where: str | None = None,
    stats: JsonlStats | None = None,
    start_method: str | None = None,
) -> Iterator[str]:
    """Like :func:`process_jsonl`, but yields each record as one line of JSON text.

    The workers serialise the records, so the parent process only moves
    strings: the fastest way to write JSON Lines output. Lines carry no
    trailing newline and may contain non-ASCII characters (write them as UTF-8).
    """
    return _process(
        lines,
        task=task,
        options=options,
        workers=workers,
        chunksize=chunksize,
        progress=progress,
        where=where,
        stats=stats,
        start_method=start_method,
        as_text=True,
    )
