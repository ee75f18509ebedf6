"""The front of the speech package: say or save briefings, digests, summaries, text.

::

    from newsbrief.speech import Speaker

    with Speaker(rate=175) as speaker:
        result = speaker.save(article.briefing(), "briefing.wav")
    print(result.duration_seconds)

A :class:`Speaker` speaks the *speech script* of what it is given (see
:mod:`newsbrief.speech.script`), in chunks, through a
:class:`~newsbrief.speech.SpeechEngine` (by default a
:class:`~newsbrief.speech.Pyttsx3Engine`), joins the chunks with pauses, and
writes the WAV file (and optional chapter list, CUE sheet and per-story
files) atomically: on any error or interruption no output file is left.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from newsbrief.errors import InputTooLargeError, OutputError, SpeechError
from newsbrief.speech.engine import (
    BatchSpeechEngine,
    SpeechEngine,
    Voice,
    find_voice,
    voice_for_language,
)
from newsbrief.speech.script import Plan, plan
from newsbrief.speech.wav import PAUSE_SECONDS, AtomicFile, AtomicWaveWriter, read_info
from newsbrief.timing import DEFAULT_WPM

__all__ = ["Chapter", "Speaker", "SpeechResult", "safe_filename"]

log = logging.getLogger(__name__)

#: Accepted speaking rates, words per minute.
MIN_RATE = 80.0
MAX_RATE = 450.0
#: Longest speech accepted in one call, in hours of audio at the speaker's rate
#: (a WAV file holds at most 4 GiB: about 27 hours at 22,050 Hz, 16-bit mono).
MAX_AUDIO_HOURS = 12
#: Longest file name (without extension) written for a story.
MAX_FILENAME_CHARS = 80
_MAX_FILENAME_BYTES = 200
_RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{device}{n}" for device in ("COM", "LPT") for n in "123456789¹²³"]
)
_LAST_LATIN = 0x024F  # end of Latin Extended-B
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]+")
_DOTS = re.compile(r"\.{2,}")
_BLANKS = re.compile(r"[\s_]+")

Progress = Callable[[int, int], None]


@attrs.frozen(slots=True)
class Chapter:
    """A story (or section) of a saved audio file.

    Attributes:
        index: 1-based position.
        title: The story's title.
        start_seconds: Where it starts in the file.
        end_seconds: Where it ends (the next chapter's start, or the end).
        path: Its own WAV file when the speaker split the output, else None.
    """

    index: int
    title: str
    start_seconds: float
    end_seconds: float
    path: Path | None = None

    @property
    def duration_seconds(self) -> float:
        """The chapter's length in seconds."""
        return self.end_seconds - self.start_seconds

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (seconds rounded to milliseconds)."""
        data: dict[str, Any] = {
            "index": self.index,
            "title": self.title,
            "start_seconds": round(self.start_seconds, 3),
            "end_seconds": round(self.end_seconds, 3),
        }
        if self.path is not None:
            data["file"] = self.path.name
        return data


@attrs.frozen(slots=True)
class SpeechResult:
    """What :meth:`Speaker.save` wrote.

    Attributes:
        path: The WAV file.
        duration_seconds: Its length.
        chapters: Its stories or sections with start and end times.
        frame_rate: Frames per second (22,050 for eSpeak NG).
        frames: Number of audio frames.
        words: Words spoken.
        chunks: Engine calls made.
        voice: The voice id used (None: the engine's default).
        rate: Speaking rate, words per minute.
        listening_seconds: The object's own estimate of its length, if any.
        chapters_path: The chapter list (JSON), when written.
        cue_path: The CUE sheet, when written.
        split_dir: The folder of per-story files, when written.
    """

    path: Path
    duration_seconds: float
    chapters: tuple[Chapter, ...]
    frame_rate: int
    frames: int
    words: int
    chunks: int
    voice: str | None
    rate: float
    listening_seconds: float | None = None
    chapters_path: Path | None = None
    cue_path: Path | None = None
    split_dir: Path | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        """Every file written: the WAV, the chapter list and CUE sheet, story files."""
        extra = [p for p in (self.chapters_path, self.cue_path) if p is not None]
        stories = [c.path for c in self.chapters if c.path is not None]
        return (self.path, *extra, *stories)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "path": str(self.path),
            "duration_seconds": round(self.duration_seconds, 3),
            "chapters": [c.to_dict() for c in self.chapters],
            "frame_rate": self.frame_rate,
            "frames": self.frames,
            "words": self.words,
            "chunks": self.chunks,
            "voice": self.voice,
            "rate": self.rate,
            "listening_seconds": self.listening_seconds,
            "files": [str(p) for p in self.files],
        }


def safe_filename(title: str, *, fallback: str = "story", limit: int = MAX_FILENAME_CHARS) -> str:
    """A file name (no extension) made from a title that cannot leave its folder.

    Path separators, ``..``, control and reserved characters are replaced,
    leading dots and spaces removed, and the length limited.
    """
    name = unicodedata.normalize("NFKC", title)
    # Control, format (bidi overrides), surrogate and unassigned characters
    # can spoof or break a name; surrogates cannot even be encoded.
    name = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in name)
    name = _UNSAFE_NAME.sub(" ", name)
    name = _DOTS.sub(".", name)
    name = _BLANKS.sub(" ", name).strip(" .-")
    name = name[:limit].rstrip(" .-")
    # File systems limit names in bytes (255 on most): keep well under it.
    while len(name.encode("utf-8")) > _MAX_FILENAME_BYTES:
        name = name[:-1].rstrip(" .-")
    if not name:
        name = fallback
    if name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED_NAMES:
        name = f"_{name}"  # CON, NUL.txt, COM1... are devices on Windows
    return name


def _check_rate(rate: float) -> float:
    value = float(rate)
    if not MIN_RATE <= value <= MAX_RATE:
        raise ValueError(
            f"rate must be between {MIN_RATE:.0f} and {MAX_RATE:.0f} words per minute, "
            f"got {rate}"
        )
    return value


def _check_volume(volume: float) -> float:
    value = float(volume)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"volume must be between 0.0 and 1.0, got {volume}")
    return value


class Speaker:
    """Say or save briefings, digests, summaries, articles and text.

    Thread-safe: calls from several threads are serialised by the engine
    (each :class:`~newsbrief.speech.Pyttsx3Engine` runs one job at a time).

    Args:
        voice: A voice id, name or language code; None picks a voice for the
            content's language (English for plain text).
        rate: Speaking rate in words per minute (80 to 450).
        volume: 0.0 to 1.0.
        engine: The engine to use; by default a new
            :class:`~newsbrief.speech.Pyttsx3Engine`, which the speaker owns and
            closes.
        timeout: Base seconds allowed per chunk for the default engine.

    Raises:
        ValueError: ``rate`` or ``volume`` is out of range.
    """

    __slots__ = ("_engine", "_lock", "_owns_engine", "rate", "timeout", "voice", "volume")

    def __init__(
        self,
        voice: str | None = None,
        rate: float = DEFAULT_WPM,
        volume: float = 1.0,
        engine: SpeechEngine | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.voice = voice
        self.rate = _check_rate(rate)
        self.volume = _check_volume(volume)
        self.timeout = float(timeout)
        self._owns_engine = engine is None
        self._engine = engine
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Speaker(voice={self.voice!r}, rate={self.rate}, volume={self.volume})"

    @property
    def engine(self) -> SpeechEngine:
        """The engine (created on first use)."""
        with self._lock:
            if self._engine is None:
                from newsbrief.speech.pyttsx3_engine import Pyttsx3Engine

                self._engine = Pyttsx3Engine(timeout=self.timeout)
            return self._engine

    def start(self) -> None:
        """Start the engine's worker now, so it is ready by the first call."""
        start = getattr(self.engine, "start", None)
        if callable(start):
            start()

    def close(self) -> None:
        """Close the engine if this speaker created it."""
        with self._lock:
            engine, self._engine = self._engine, None
        if engine is not None and self._owns_engine:
            engine.close()

    def __enter__(self) -> Speaker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- voices ------------------------------------------------------------

    def voices(self) -> tuple[Voice, ...]:
        """The engine's voices."""
        return self.engine.voices()

    def resolve_voice(self, language: str = "en") -> Voice | None:
        """The voice this speaker uses for content in ``language``.

        Raises:
            UnknownNameError: The speaker's ``voice`` matches no voice.
        """
        voices = self.engine.voices()
        if self.voice is not None:
            return find_voice(voices, self.voice)
        found = voice_for_language(voices, language)
        if found is None:
            log.warning("no voice for language %r; using the engine's default", language)
        return found

    def _voice_for(self, the_plan: Plan, language: str | None) -> Voice | None:
        voice = self.resolve_voice(language or the_plan.language)
        sample = the_plan.text[:4000]
        letters = [ch for ch in sample if ch.isalpha()]
        foreign = sum(1 for ch in letters if ord(ch) > _LAST_LATIN)
        if letters and foreign * 2 > len(letters):
            speaks = () if voice is None else voice.languages
            if not speaks or any(code.startswith("en") for code in speaks):
                # An English voice spells non-Latin text letter by letter.
                log.warning(
                    "the text is mostly in a non-Latin script but the voice is %s; "
                    "pass language= or voice=",
                    "the default" if voice is None else voice.id,
                )
        return voice

    # -- speaking ----------------------------------------------------------

    def plan(self, obj: object) -> Plan:
        """The chunks and chapters that :meth:`say` and :meth:`save` would speak."""
        return plan(obj)

    def _plan(self, obj: object) -> Plan:
        the_plan = plan(obj)
        words = the_plan.words
        hours = words / self.rate / 60.0
        if hours > MAX_AUDIO_HOURS:
            raise InputTooLargeError(
                f"too much to speak in one go: {words} words, about {hours:.0f} hours at "
                f"{self.rate:.0f} words per minute (the limit is {MAX_AUDIO_HOURS} hours)",
                where="<text>",
            )
        return the_plan

    def say(
        self, obj: object, *, language: str | None = None, progress: Progress | None = None
    ) -> None:
        """Speak ``obj`` through the engine's sound output; return when done.

        Args:
            obj: A Briefing, Digest, Summary, Article or string.
            language: The content's language (BCP 47) when ``obj`` does not
                carry one; picks the default voice.
            progress: Called as ``progress(done_chunks, total_chunks)``.

        Raises:
            InvalidArticleError: There is nothing to say.
            UnknownNameError: Unknown voice.
            SpeechError: The engine failed (see its subclasses).
        """
        self.start()
        the_plan = self._plan(obj)
        voice = self._voice_for(the_plan, language)
        total = len(the_plan.chunks)
        if progress is not None:
            progress(0, total)
        for i, chunk in enumerate(the_plan.chunks, 1):
            self.engine.say(
                chunk.text,
                voice=None if voice is None else voice.id,
                rate=self.rate,
                volume=self.volume,
            )
            if progress is not None:
                progress(i, total)

    def save(
        self,
        obj: object,
        path: str | os.PathLike[str],
        *,
        chapters: bool = False,
        split: bool | str | os.PathLike[str] = False,
        language: str | None = None,
        progress: Progress | None = None,
    ) -> SpeechResult:
        """Speak ``obj`` into a WAV file (16-bit PCM; 22,050 Hz mono with eSpeak NG).

        Args:
            obj: A Briefing, Digest, Summary, Article or string.
            path: The WAV file to write. It appears only when complete.
            chapters: Also write ``<name>.chapters.json`` (each story's title,
                start and end in seconds) and ``<name>.cue`` (a CUE sheet)
                beside the WAV file.
            split: Also write one WAV file per story: True puts them in a
                folder named after the WAV file (``briefing/`` for
                ``briefing.wav``); a path names the folder. File names come
                from the story titles, sanitised so that they stay inside it.
            language: The content's language (BCP 47) when ``obj`` does not
                carry one (a plain string, a briefing); picks the default voice.
            progress: Called as ``progress(done_chunks, total_chunks)``, first
                with 0, then as each chunk is synthesised.

        Returns:
            What was written, with durations and chapters.

        Raises:
            InvalidArticleError: There is nothing to say.
            InputTooLargeError: More than :data:`MAX_AUDIO_HOURS` of speech.
            UnknownNameError: Unknown voice.
            OutputError: A file cannot be written (missing or read-only
                folder, full disk); nothing is left behind.
            SpeechError: The engine failed (see its subclasses); nothing is
                left behind.
        """
        target = Path(path)
        self.start()
        the_plan = self._plan(obj)
        voice = self._voice_for(the_plan, language)
        voice_id = None if voice is None else voice.id
        if not target.parent.is_dir():
            raise OutputError("the folder does not exist", where=str(target))
        split_dir: Path | None = None
        if split:
            split_dir = target.with_suffix("") if split is True else Path(split)
            if split_dir == target:
                split_dir = target.with_name(target.name + ".stories")
        try:
            chunk_dir = Path(tempfile.mkdtemp(prefix="newsbrief-speech-"))
        except OSError as exc:
            raise OutputError(f"cannot create a temporary folder: {exc}") from None
        try:
            return self._save(
                the_plan, target, voice_id, chunk_dir, chapters, split_dir, progress
            )
        finally:
            shutil.rmtree(chunk_dir, ignore_errors=True)

    def _synthesize(
        self,
        the_plan: Plan,
        voice_id: str | None,
        paths: Sequence[Path],
        on_done: Callable[[int], None],
    ) -> None:
        texts = [c.text for c in the_plan.chunks]
        engine = self.engine
        if isinstance(engine, BatchSpeechEngine):
            engine.synthesize_many(
                texts, paths, voice=voice_id, rate=self.rate, volume=self.volume, on_done=on_done
            )
        else:
            for i, (text, chunk_path) in enumerate(zip(texts, paths, strict=True)):
                engine.synthesize(
                    text, chunk_path, voice=voice_id, rate=self.rate, volume=self.volume
                )
                on_done(i)

    def _save(
        self,
        the_plan: Plan,
        target: Path,
        voice_id: str | None,
        chunk_dir: Path,
        want_chapters: bool,
        split_dir: Path | None,
        progress: Progress | None,
    ) -> SpeechResult:
        total = len(the_plan.chunks)
        finished = [False] * total
        written = 0
        outputs: list[AtomicWaveWriter | AtomicFile] = []
        out: AtomicWaveWriter | None = None
        story_out: AtomicWaveWriter | None = None
        chapter_starts: list[int] = []
        story_paths: list[Path] = []
        paths = [chunk_dir / f"{i:06d}.wav" for i in range(total)]

        def append(index: int) -> None:
            # Join finished chunks in order as soon as they are available, so
            # that joining overlaps with synthesis.
            nonlocal written, out, story_out
            finished[index] = True
            while written < total and finished[written]:
                chunk = the_plan.chunks[written]
                info = read_info(paths[written])
                if info.frames <= 0:
                    raise SpeechError(
                        f"chunk {written + 1} of {total} has no audio", where=str(target)
                    )
                if out is None:
                    out = AtomicWaveWriter(
                        target,
                        frame_rate=info.frame_rate,
                        channels=info.channels,
                        sample_width=info.sample_width,
                    )
                    outputs.append(out)
                if len(chapter_starts) <= chunk.chapter:
                    chapter_starts.append(out.frames)
                    if split_dir is not None:
                        story_out = self._story_writer(
                            split_dir, chunk.chapter, the_plan.chapters, info
                        )
                        outputs.append(story_out)
                        story_paths.append(story_out.path)
                out.copy_from(paths[written])
                if story_out is not None:
                    story_out.copy_from(paths[written])
                last = written == total - 1
                pause = 0.0 if last else PAUSE_SECONDS.get(chunk.pause, 0.0)
                if pause:
                    out.write_silence(pause)
                    if story_out is not None:
                        story_out.write_silence(pause)
                paths[written].unlink(missing_ok=True)
                written += 1
            if progress is not None:
                progress(sum(finished), total)

        made_dir = False
        try:
            if split_dir is not None and not split_dir.is_dir():
                try:
                    split_dir.mkdir()
                    made_dir = True
                except OSError as exc:
                    raise OutputError(
                        f"cannot create the folder: {exc.strerror or exc}", where=str(split_dir)
                    ) from None
            if progress is not None:
                progress(0, total)
            self._synthesize(the_plan, voice_id, paths, append)
            if out is None or written != total:
                raise SpeechError(
                    f"only {written} of {total} chunks were synthesised", where=str(target)
                )
            info = out.verify()
            for writer in outputs[1:]:
                if isinstance(writer, AtomicWaveWriter):
                    writer.verify()
            rate = info.frame_rate
            bounds = [*chapter_starts, info.frames]
            chapters = tuple(
                Chapter(
                    index=i + 1,
                    title=title,
                    start_seconds=bounds[i] / rate,
                    end_seconds=bounds[i + 1] / rate,
                    path=story_paths[i] if i < len(story_paths) else None,
                )
                for i, title in enumerate(the_plan.chapters[: len(chapter_starts)])
            )
            chapters_path = cue_path = None
            if want_chapters:
                chapters_path = target.with_name(target.stem + ".chapters.json")
                cue_path = target.with_suffix(".cue")
                duration = info.duration_seconds
                for sidecar, text in (
                    (chapters_path, _chapters_json(target, the_plan, chapters, duration)),
                    (cue_path, _cue_sheet(target, the_plan, chapters)),
                ):
                    writer = AtomicFile(sidecar)
                    outputs.append(writer)
                    writer.write(text.encode("utf-8"))
                    writer.finish()
            # Everything is complete and synced: move it all into place.
            for item in outputs:
                item.commit()
            return SpeechResult(
                path=target,
                duration_seconds=info.duration_seconds,
                chapters=chapters,
                frame_rate=info.frame_rate,
                frames=info.frames,
                words=the_plan.words,
                chunks=total,
                voice=voice_id,
                rate=self.rate,
                listening_seconds=the_plan.listening_seconds,
                chapters_path=chapters_path,
                cue_path=cue_path,
                split_dir=split_dir,
            )
        finally:
            for item in outputs:
                item.abort()
            if made_dir and split_dir is not None and not any(p.exists() for p in story_paths):
                shutil.rmtree(split_dir, ignore_errors=True)

    @staticmethod
    def _story_writer(
        folder: Path, chapter: int, titles: Sequence[str], info: Any
    ) -> AtomicWaveWriter:
        width = max(2, len(str(len(titles))))
        name = f"{chapter + 1:0{width}d} {safe_filename(titles[chapter])}.wav"
        story_path = folder / name
        # Belt and braces: the sanitised name must stay inside the folder.
        if story_path.resolve().parent != folder.resolve():
            story_path = folder / f"{chapter + 1:0{width}d}.wav"
        return AtomicWaveWriter(
            story_path,
            frame_rate=info.frame_rate,
            channels=info.channels,
            sample_width=info.sample_width,
        )


def _chapters_json(
    target: Path, the_plan: Plan, chapters: Sequence[Chapter], duration: float
) -> str:
    data = {
        "file": target.name,
        "title": the_plan.title,
        "duration_seconds": round(duration, 3),
        "chapters": [c.to_dict() for c in chapters],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cue_text(text: str) -> str:
    # CUE strings are double-quoted with no escapes: keep them on one line
    # and without double quotes.
    cleaned = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(cleaned.replace('"', "'").split())[:200]


def _cue_time(seconds: float) -> str:
    frames = round(seconds * 75)  # CUE sheets count 75 frames per second
    minutes, rest = divmod(frames, 75 * 60)
    secs, frame = divmod(rest, 75)
    return f"{minutes:02d}:{secs:02d}:{frame:02d}"


def _cue_sheet(target: Path, the_plan: Plan, chapters: Sequence[Chapter]) -> str:
    lines = ['REM COMMENT "newsbrief"']
    if the_plan.title:
        lines.append(f'TITLE "{_cue_text(the_plan.title)}"')
    lines.append(f'FILE "{_cue_text(target.name)}" WAVE')
    for chapter in chapters:
        lines.append(f"  TRACK {chapter.index:02d} AUDIO")
        lines.append(f'    TITLE "{_cue_text(chapter.title)}"')
        lines.append(f"    INDEX 01 {_cue_time(chapter.start_seconds)}")
    return "\n".join(lines) + "\n"
