"""A robust pyttsx3 adapter: the engine runs in worker processes.

pyttsx3 with eSpeak NG on Linux returns before files exist, drops property
changes, crashes on long texts, hangs with threads or two engines and prints
on stdout (see the measured notes in the repository's docs). This adapter
designs around each of those:

- **A worker process per engine.** pyttsx3 runs in a fresh interpreter
  (``python -I -S newsbrief/speech/_worker.py``), never in the caller's
  process, so a segfault or hang of the engine is contained: the caller gets
  a :class:`~newsbrief.SpeechError` naming the exit code or signal, and the
  next call starts a new worker. A fresh interpreter is the ``spawn`` start
  method without its drawbacks: ``multiprocessing``'s spawn re-runs the
  caller's ``__main__`` module in the child (so a script without an
  ``if __name__ == "__main__"`` guard would fail), and importing the site
  packages and newsbrief would cost more than the synthesis of a short
  briefing. The worker imports only the standard library and pyttsx3, with
  the caller's ``sys.path``; it starts in well under 0.1 s.
- **One engine per process, one job at a time.** Each worker owns exactly
  one pyttsx3 engine; a lock serialises the calls of all threads using this
  adapter. Long jobs are shared between up to ``workers`` processes.
- **Short chunks.** The caller passes chunks of at most a few thousand
  bytes (:mod:`newsbrief.speech.script`); one ``save_to_file`` per
  ``runAndWait``.
- **Completion awaited and checked.** The worker waits for the
  ``finished-utterance`` event and for eSpeak NG to stop, then checks the file
  holds non-silent audio of a plausible length, retrying a bad chunk (three
  attempts, then once more in a new worker process).
- **Every wait has a timeout** (scaled with the text's length); when it
  expires the worker is killed and :class:`~newsbrief.SpeechTimeoutError` says
  which step was waiting.
- **No stdout noise.** The worker's fd 1 is ``/dev/null``; replies use a
  private pipe.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, ClassVar

from newsbrief.errors import SpeechBackendError, SpeechError, SpeechTimeoutError
from newsbrief.speech.engine import Voice
from newsbrief.timing import DEFAULT_WPM

__all__ = ["Pyttsx3Engine"]

log = logging.getLogger(__name__)

_WORKER = Path(__file__).with_name("_worker.py")
_PIP_HINT = "pip install 'newsbrief[speech]'"
_APT_HINT = "apt-get install libespeak-ng1 (or the espeak-ng package)"
#: A chunk of this many characters gets twice the base timeout, and so on.
_CHARS_PER_TIMEOUT = 500
#: Requests kept queued in each worker, so it never waits for the caller.
_IN_FLIGHT = 2
#: Jobs with at least this many chunks are shared between workers.
_PARALLEL_MIN_CHUNKS = 24
#: eSpeak NG's accepted rate range (words per minute).
MIN_RATE = 80
MAX_RATE = 450
_FRAME_RATE = 22050
#: A chunk shorter than this fraction of its estimated length is truncated.
_MIN_LENGTH_RATIO = 0.25


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "stopped answering"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        what = {
            "SIGSEGV": " (a segmentation fault in eSpeak NG)",
            "SIGKILL": " (killed)",
            "SIGABRT": " (aborted)",
        }.get(name, "")
        return f"died from {name}{what}"
    return f"exited with code {code}"


class _Worker:
    """One worker process and its reply pipe."""

    def __init__(self, module: str, startup_timeout: float) -> None:
        config = {
            "path": [str(Path(p).absolute()) if p else str(Path.cwd()) for p in sys.path],
            "module": module,
        }
        debug = bool(os.environ.get("NEWSBRIEF_SPEECH_DEBUG"))
        # The worker's stderr (eSpeak NG warnings, a Python traceback) goes to
        # a temporary file, so that a worker that dies can say why.
        self.stderr: IO[bytes] | None = (
            None if debug else tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        )
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-S", str(_WORKER), json.dumps(config)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.stderr,
                bufsize=0,
                close_fds=True,
            )
        except OSError as exc:
            self.close_stderr()
            raise SpeechBackendError(
                f"cannot start the speech worker ({sys.executable}): {exc}"
            ) from None
        self.started = time.monotonic()
        self.startup_timeout = startup_timeout
        self.ready = False
        self.buffer = b""
        self.next_id = 0
        # (request id, chunk index, timeout) of requests sent, oldest first.
        self.in_flight: deque[tuple[int, int, float]] = deque()
        self.head_since = 0.0
        # Id of a voice list request sent at start and not yet answered (0: none).
        self.voices_request = 0

    @property
    def pid(self) -> int:
        return self.proc.pid

    def fileno(self) -> int:
        assert self.proc.stdout is not None
        return self.proc.stdout.fileno()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, message: dict[str, Any]) -> int:
        self.next_id += 1
        message["id"] = self.next_id
        data = json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n"
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(data)
        except (BrokenPipeError, OSError):
            raise SpeechError(self._death("while receiving a request")) from None
        return self.next_id

    def _death(self, when: str) -> str:
        try:
            code: int | None = self.proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            code = None
        message = f"the speech worker (pid {self.pid}) {_describe_exit(code)} {when}"
        last = self.last_error_line()
        return f"{message} ({last})" if last else message

    def last_error_line(self) -> str:
        """The last line the worker wrote on stderr, if any."""
        if self.stderr is None:
            return ""
        try:
            self.stderr.seek(0, os.SEEK_END)
            size = self.stderr.tell()
            self.stderr.seek(max(0, size - 2000))
            tail = self.stderr.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""
        lines = [line.strip() for line in tail.splitlines() if line.strip()]
        return lines[-1][:300] if lines else ""

    def close_stderr(self) -> None:
        if self.stderr is not None:
            with contextlib.suppress(OSError):
                self.stderr.close()

    def read_line(self, deadline: float, when: str) -> dict[str, Any]:
        """Return the next reply, waiting until ``deadline`` (monotonic)."""
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SpeechTimeoutError(f"the speech worker did not answer in time {when}")
            ready, _, _ = select.select([self.fileno()], [], [], remaining)
            if ready:
                self.feed()
        return self.pop_line()

    def feed(self) -> None:
        data = os.read(self.fileno(), 1 << 16)
        if not data:
            raise EOFError
        self.buffer += data

    def pop_line(self) -> dict[str, Any]:
        line, _, self.buffer = self.buffer.partition(b"\n")
        try:
            reply = json.loads(line)
        except ValueError:
            raise SpeechError(f"garbled reply from the speech worker: {line[:80]!r}") from None
        if not isinstance(reply, dict):
            raise SpeechError(f"garbled reply from the speech worker: {line[:80]!r}")
        return reply

    def wait_ready(self) -> None:
        if self.ready:
            return
        deadline = self.started + self.startup_timeout
        try:
            hello = self.read_line(deadline, "while starting")
        except EOFError:
            raise SpeechBackendError(self._death("while starting")) from None
        if hello.get("ready"):
            self.ready = True
            return
        kind = hello.get("kind")
        message = str(hello.get("message", ""))
        if kind == "import":
            raise SpeechBackendError(
                f"pyttsx3 is not installed ({message}); install it with: {_PIP_HINT}"
            )
        if kind == "espeak":
            raise SpeechBackendError(
                f"eSpeak NG is missing ({message}); install it with: {_APT_HINT}"
            )
        raise SpeechBackendError(f"pyttsx3 failed to start: {message}")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the process: politely (end of input), or at once with ``kill``."""
        if self.proc.poll() is None:
            if not kill:
                with contextlib.suppress(OSError):
                    assert self.proc.stdin is not None
                    self.proc.stdin.close()
                try:
                    self.proc.wait(timeout=1.0)
                except subprocess.TimeoutExpired:
                    kill = True
            if kill:
                with contextlib.suppress(OSError):
                    self.proc.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout=5.0)
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        self.close_stderr()


def _stop_all(workers: list[_Worker | None]) -> None:
    for i, worker in enumerate(workers):
        if worker is not None:
            worker.stop()
            workers[i] = None


def _voices_from(reply: dict[str, Any]) -> tuple[Voice, ...]:
    return tuple(
        Voice(
            id=str(v["id"]),
            name=str(v.get("name") or v["id"]),
            languages=tuple(v.get("languages") or ()),
            gender=v.get("gender"),
        )
        for v in reply.get("voices", ())
    )


def _espeak_rate(wpm: float) -> int:
    # eSpeak NG's rate is close to real words per minute (rate 200 -> about
    # 204 wpm measured), so the requested rate is passed through.
    return max(MIN_RATE, min(MAX_RATE, round(wpm)))


class Pyttsx3Engine:
    """Speech through pyttsx3 (eSpeak NG on Linux), run in worker processes.

    Thread-safe: calls from several threads are serialised. Workers start on
    first use (or with :meth:`start`) and stop with :meth:`close`, when the
    engine is garbage-collected, or at interpreter exit. Talks to its workers
    over pipes with ``select``: Linux and macOS (POSIX) only.

    Args:
        timeout: Base seconds allowed per chunk; longer chunks get more (a
            500-character chunk twice as much).
        startup_timeout: Seconds allowed for a worker to start.
        workers: Most worker processes used for one long job (each runs one
            pyttsx3 engine); short jobs use one.

    Raises (on use):
        SpeechBackendError: pyttsx3 or eSpeak NG is missing; the message says
            what to install.
        SpeechTimeoutError: The engine did not finish in time.
        SpeechError: The worker died (segfault, killed) or produced no audio.
    """

    #: The module the worker imports (tests point it at a missing one).
    module_name: ClassVar[str] = "pyttsx3"

    def __init__(
        self, *, timeout: float = 30.0, startup_timeout: float = 30.0, workers: int = 2
    ) -> None:
        if timeout <= 0 or startup_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.timeout = float(timeout)
        self.startup_timeout = float(startup_timeout)
        self.max_workers = workers
        self._lock = threading.RLock()
        self._workers: list[_Worker | None] = [None] * workers
        self._voices: tuple[Voice, ...] | None = None
        self._closed = False
        self._finalizer = weakref.finalize(self, _stop_all, self._workers)

    def __repr__(self) -> str:
        return f"Pyttsx3Engine(timeout={self.timeout}, workers={self.max_workers})"

    # -- workers -----------------------------------------------------------

    @property
    def pids(self) -> tuple[int, ...]:
        """Process ids of the running workers."""
        return tuple(w.pid for w in self._workers if w is not None and w.alive())

    def start(self, count: int = 1) -> None:
        """Start up to ``count`` workers now (without waiting for them).

        Calling this early lets a worker start while the caller prepares
        the text; otherwise workers start on first use.
        """
        with self._lock:
            self._check_open()
            for i in range(min(count, self.max_workers)):
                worker = self._workers[i]
                if worker is None or not worker.alive():
                    if worker is not None:
                        worker.stop(kill=True)
                    worker = _Worker(self.module_name, self.startup_timeout)
                    self._workers[i] = worker
                    if i == 0 and self._voices is None:
                        # Ask for the voice list at once: the worker answers as
                        # soon as it is up, while the caller prepares its text.
                        # (A worker that already died reports why when awaited.)
                        with contextlib.suppress(SpeechError):
                            worker.voices_request = worker.send({"op": "voices"})

    def _ready_workers(self, count: int) -> list[_Worker]:
        self.start(count)
        ready: list[_Worker] = []
        for i in range(min(count, self.max_workers)):
            worker = self._workers[i]
            assert worker is not None
            try:
                worker.wait_ready()
                if worker.voices_request:
                    self._take_voices(worker)
            except BaseException:
                self._discard(worker)
                raise
            ready.append(worker)
        return ready

    def _take_voices(self, worker: _Worker) -> None:
        """Read the reply to the voice list request sent when the worker started."""
        request_id, worker.voices_request = worker.voices_request, 0
        try:
            reply = worker.read_line(time.monotonic() + self.timeout, "listing voices")
        except EOFError:
            raise SpeechError(worker._death("while listing voices")) from None
        if reply.get("id") != request_id or not reply.get("ok"):
            self._raise_reply(reply, "listing voices", worker)
            raise SpeechError("the speech worker answered out of turn while listing voices")
        self._voices = _voices_from(reply)

    def _discard(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        for i, w in enumerate(self._workers):
            if w is worker:
                self._workers[i] = None

    def _check_open(self) -> None:
        if self._closed:
            raise SpeechError("the speech engine is closed")

    def close(self) -> None:
        """Stop the worker processes (the engine cannot be used afterwards)."""
        with self._lock:
            self._closed = True
            self._finalizer()

    def __enter__(self) -> Pyttsx3Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests ----------------------------------------------------------

    def _request(self, message: dict[str, Any], timeout: float, when: str) -> dict[str, Any]:
        """Send one request to the first worker and wait for its reply."""
        worker = self._ready_workers(1)[0]
        try:
            sent = worker.send(message)
            reply = worker.read_line(time.monotonic() + timeout, when)
        except EOFError:
            self._discard(worker)
            raise SpeechError(worker._death(when)) from None
        except BaseException:
            self._discard(worker)
            raise
        if reply.get("id") != sent:
            self._discard(worker)
            self._raise_reply(reply, when)
            raise SpeechError(f"the speech worker answered out of turn {when}")
        if not reply.get("ok"):
            self._raise_reply(reply, when, worker)
        return reply

    def _raise_reply(
        self, reply: dict[str, Any], when: str, worker: _Worker | None = None
    ) -> None:
        if reply.get("ok"):
            return
        message = str(reply.get("message", "unknown error"))
        if reply.get("kind") == "timeout":
            if worker is not None:
                self._discard(worker)
            raise SpeechTimeoutError(f"pyttsx3 did not finish {when}: {message}")
        raise SpeechError(f"pyttsx3 failed {when}: {message}")

    def voices(self) -> tuple[Voice, ...]:
        """The engine's voices (asked once, then cached)."""
        with self._lock:
            self._check_open()
            if self._voices is None:
                self._ready_workers(1)  # takes the answer to the early request, if any
            if self._voices is None:
                reply = self._request({"op": "voices"}, self.timeout, "listing voices")
                self._voices = _voices_from(reply)
            return self._voices

    def _chunk_timeout(self, text: str) -> float:
        return self.timeout * (1.0 + len(text) / _CHARS_PER_TIMEOUT)

    def synthesize(
        self,
        text: str,
        path: str | os.PathLike[str],
        *,
        voice: str | None = None,
        rate: float = DEFAULT_WPM,
        volume: float = 1.0,
    ) -> None:
        """Write ``text`` spoken as a WAV file at ``path`` (see :class:`SpeechEngine`)."""
        self.synthesize_many([text], [path], voice=voice, rate=rate, volume=volume)

    def say(
        self,
        text: str,
        *,
        voice: str | None = None,
        rate: float = DEFAULT_WPM,
        volume: float = 1.0,
    ) -> None:
        """Speak ``text`` through the sound output (pyttsx3's ``say``)."""
        if not text.strip():
            raise ValueError("there is nothing to say: the text is empty")
        words = len(text.split())
        # Playback runs in real time: allow for the audio's length too.
        timeout = self._chunk_timeout(text) + 2.0 * words * 60.0 / max(rate, MIN_RATE)
        message = {
            "op": "say",
            "text": text,
            "voice": voice,
            "rate": _espeak_rate(rate),
            "volume": float(volume),
            "timeout": timeout,
        }
        with self._lock:
            self._check_open()
            self._request(message, timeout + 5.0, "while speaking")

    def synthesize_many(
        self,
        texts: Sequence[str],
        paths: Sequence[str | os.PathLike[str]],
        *,
        voice: str | None = None,
        rate: float = DEFAULT_WPM,
        volume: float = 1.0,
        on_done: Callable[[int], None] | None = None,
    ) -> None:
        """Write ``texts[i]`` spoken to ``paths[i]``, using several workers for long jobs.

        ``on_done(i)`` is called (in the calling thread) as each chunk is
        finished and verified, not necessarily in order. On any error or
        interruption, the workers still busy are stopped (and restarted on the
        next call) and the error propagates.

        Raises:
            ValueError: ``texts`` and ``paths`` differ in length or a text is empty.
            SpeechError: See the class.
        """
        if len(texts) != len(paths):
            raise ValueError("texts and paths must have the same length")
        for i, text in enumerate(texts):
            # pyttsx3's save_to_file("") fails with a bare AssertionError.
            if not text or not text.strip():
                raise ValueError(f"chunk {i + 1} of {len(texts)} is empty")
        if not texts:
            return
        espeak_rate = _espeak_rate(rate)
        with self._lock:
            self._check_open()
            count = 1 if len(texts) < _PARALLEL_MIN_CHUNKS else self.max_workers
            workers = self._ready_workers(count)
            try:
                self._run_jobs(workers, texts, paths, voice, espeak_rate, volume, on_done)
            except BaseException:
                for worker in workers:
                    if worker.in_flight or not worker.alive():
                        self._discard(worker)
                raise

    def _run_jobs(
        self,
        workers: list[_Worker],
        texts: Sequence[str],
        paths: Sequence[str | os.PathLike[str]],
        voice: str | None,
        rate: int,
        volume: float,
        on_done: Callable[[int], None] | None,
    ) -> None:
        total = len(texts)
        todo = deque(range(total))
        retried: set[int] = set()  # chunks already given a fresh worker
        for worker in workers:
            worker.in_flight.clear()

        def feed(worker: _Worker) -> None:
            while todo and len(worker.in_flight) < _IN_FLIGHT:
                index = todo.popleft()
                text = texts[index]
                timeout = self._chunk_timeout(text)
                estimate = len(text.split()) * 60.0 / rate
                min_frames = (
                    int(estimate * _MIN_LENGTH_RATIO * _FRAME_RATE) if len(text) > 40 else 1
                )
                if not worker.in_flight:
                    worker.head_since = time.monotonic()
                request_id = worker.send(
                    {
                        "op": "save",
                        "text": text,
                        "path": os.fspath(paths[index]),
                        "voice": voice,
                        "rate": rate,
                        "volume": float(volume),
                        "timeout": timeout,
                        "min_frames": min_frames,
                    }
                )
                worker.in_flight.append((request_id, index, timeout))

        for worker in workers:
            feed(worker)
        done = 0
        while done < total:
            busy = [w for w in workers if w.in_flight]
            # The oldest request of each worker runs now; its timer started
            # when it was sent or when the one before it finished.
            deadline = min(w.head_since + w.in_flight[0][2] * 1.1 for w in busy)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                late = min(busy, key=lambda w: w.head_since + w.in_flight[0][2])
                index = late.in_flight[0][1]
                raise SpeechTimeoutError(
                    f"the speech worker (pid {late.pid}) did not finish chunk {index + 1} "
                    f"of {total} within {late.in_flight[0][2]:.0f} s"
                )
            ready, _, _ = select.select(busy, [], [], remaining)
            for worker in ready:
                try:
                    worker.feed()
                except EOFError:
                    index = worker.in_flight[0][1]
                    raise SpeechError(
                        worker._death(f"while synthesising chunk {index + 1} of {total}")
                    ) from None
                while b"\n" in worker.buffer and worker.in_flight:
                    reply = worker.pop_line()
                    request_id, index, _ = worker.in_flight[0]
                    when = f"on chunk {index + 1} of {total}"
                    if reply.get("id") != request_id:
                        self._raise_reply(reply, when, worker)
                        raise SpeechError(f"the speech worker answered out of turn {when}")
                    if not reply.get("ok"):
                        if reply.get("kind") == "chunk" and index not in retried:
                            # A worker's eSpeak NG can get stuck giving no audio
                            # on every attempt (seen once in a test run); a new worker
                            # process starts clean. Once per chunk: a text that
                            # fails twice is reported.
                            retried.add(index)
                            todo.extendleft(reversed([i for _, i, _ in worker.in_flight]))
                            slot = workers.index(worker)  # its slot in self._workers too
                            self._discard(worker)
                            worker = workers[slot] = self._ready_workers(slot + 1)[slot]
                            break
                        self._raise_reply(reply, when, worker)
                    worker.in_flight.popleft()
                    worker.head_since = time.monotonic()
                    done += 1
                    if on_done is not None:
                        on_done(index)
                feed(worker)
