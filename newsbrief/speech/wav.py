"""WAV files with the standard library only: inspect, join, write atomically.

The ``wave`` module plus ``array('h')`` are enough for everything speech
needs (``audioop`` is gone in Python 3.13): reading frames, durations and RMS
levels, joining synthesised chunks with silence between them, and writing
the result so that a failure never leaves a partial file.

Pauses between the parts of a speech script (added on top of the short pause
eSpeak NG already ends every utterance with, about 0.3 s at 175 words per
minute) are :data:`PAUSE_SECONDS`: nothing more after a sentence, 0.5 s more
after a section (so about 0.8 s in all) and 1.0 s more after a story (about
1.3 s). The table is ``newsbrief.timing.PAUSE_SECONDS``, which the briefing's
``listening_seconds`` estimate uses too.
"""

from __future__ import annotations

import array
import contextlib
import math
import os
import sys
import wave
from pathlib import Path
from types import TracebackType

import attrs

from newsbrief._atomic import AtomicFile
from newsbrief._atomic import output_error as _output_error
from newsbrief.errors import OutputError, SpeechError

# Silence added after a script part, by the part's ``pause`` kind, on top of
# the engine's own end-of-utterance pause (about 0.3 s at 175 wpm): one table
# shared with the briefing's listening-time estimate.
from newsbrief.timing import PAUSE_SECONDS

__all__ = [
    "CHANNELS",
    "FRAME_RATE",
    "PAUSE_SECONDS",
    "SAMPLE_WIDTH",
    "AtomicFile",
    "AtomicWaveWriter",
    "WavInfo",
    "read_info",
    "rms",
    "write_silent_wav",
]

#: The format eSpeak NG (through pyttsx3) writes: 22,050 Hz, mono, 16-bit.
FRAME_RATE = 22050
CHANNELS = 1
SAMPLE_WIDTH = 2


#: The most audio bytes a RIFF/WAV header can describe (32-bit sizes).
MAX_DATA_BYTES = 0xFFFFFFFF - 64
_COPY_FRAMES = 1 << 16


@attrs.frozen(slots=True)
class WavInfo:
    """What a WAV file holds.

    Attributes:
        path: The file.
        channels: Number of channels.
        sample_width: Bytes per sample.
        frame_rate: Frames per second.
        frames: Number of frames.
    """

    path: Path
    channels: int
    sample_width: int
    frame_rate: int
    frames: int

    @property
    def duration_seconds(self) -> float:
        """The length of the audio in seconds."""
        return self.frames / self.frame_rate if self.frame_rate else 0.0


def read_info(path: str | os.PathLike[str]) -> WavInfo:
    """Read the format and length of a WAV file.

    Raises:
        SpeechError: The file is missing or is not a readable PCM WAV file.
    """
    target = Path(path)
    try:
        with wave.open(str(target), "rb") as w:
            return WavInfo(
                target, w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
            )
    except (OSError, wave.Error, EOFError) as exc:
        raise SpeechError(f"not a readable WAV file: {exc}", where=str(target)) from None


def rms(path: str | os.PathLike[str], *, max_samples: int | None = None) -> float:
    """Root-mean-square level of a 16-bit WAV file (0 for silence).

    Args:
        path: The WAV file.
        max_samples: Look at an evenly strided sample of at most this many
            samples (faster for long files); None reads every sample.

    Raises:
        SpeechError: The file is not a readable 16-bit WAV file.
    """
    target = Path(path)
    try:
        with wave.open(str(target), "rb") as w:
            if w.getsampwidth() != 2:
                raise SpeechError("only 16-bit WAV files are supported", where=str(target))
            data = w.readframes(w.getnframes())
    except (OSError, wave.Error, EOFError) as exc:
        raise SpeechError(f"not a readable WAV file: {exc}", where=str(target)) from None
    samples = array.array("h")
    samples.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0
    if max_samples is not None and len(samples) > max_samples:
        samples = samples[:: max(1, len(samples) // max_samples)]
    return math.sqrt(sum(x * x for x in samples) / len(samples))


class AtomicWaveWriter:
    """Write a 16-bit mono WAV file atomically (see :class:`AtomicFile`).

    Args:
        path: The final path.
        frame_rate: Frames per second.
        channels: Number of channels.
        sample_width: Bytes per sample.
    """

    __slots__ = ("_atomic", "_wave", "channels", "frame_rate", "frames", "sample_width")

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        frame_rate: int = FRAME_RATE,
        channels: int = CHANNELS,
        sample_width: int = SAMPLE_WIDTH,
    ) -> None:
        self._atomic = AtomicFile(path)
        self.frame_rate = frame_rate
        self.channels = channels
        self.sample_width = sample_width
        self.frames = 0
        try:
            # Closed in finish() or abort(), not in a with block.
            self._wave: wave.Wave_write | None = wave.open(  # noqa: SIM115
                self._atomic.file, "wb"
            )
            self._wave.setnchannels(channels)
            self._wave.setsampwidth(sample_width)
            self._wave.setframerate(frame_rate)
        except OSError as exc:
            self._atomic.abort()
            raise _output_error(self._atomic.path, exc) from None
        except BaseException:
            self._atomic.abort()
            raise

    @property
    def path(self) -> Path:
        """The final path."""
        return self._atomic.path

    @property
    def duration_seconds(self) -> float:
        """Seconds of audio written so far."""
        return self.frames / self.frame_rate

    def _writer(self) -> wave.Wave_write:
        if self._wave is None:
            raise SpeechError("the WAV file is already closed", where=str(self.path))
        return self._wave

    def write_frames(self, data: bytes) -> None:
        """Append raw frames (in this file's format).

        Raises:
            OutputError: The file cannot be written, or would pass the 4 GiB
                a WAV header can describe.
        """
        size = (self.frames * self.sample_width * self.channels) + len(data)
        if size > MAX_DATA_BYTES:
            raise OutputError(
                "the audio would exceed the 4 GiB a WAV file can hold", where=str(self.path)
            )
        try:
            self._writer().writeframesraw(data)
        except OSError as exc:
            raise _output_error(self.path, exc) from None
        self.frames += len(data) // (self.sample_width * self.channels)

    def write_silence(self, seconds: float) -> None:
        """Append ``seconds`` of silence."""
        frames = round(seconds * self.frame_rate)
        block = bytes(self.sample_width * self.channels * min(frames, _COPY_FRAMES))
        while frames > 0:
            n = min(frames, _COPY_FRAMES)
            self.write_frames(block[: n * self.sample_width * self.channels])
            frames -= n

    def copy_from(self, path: str | os.PathLike[str]) -> int:
        """Append every frame of another WAV file of the same format.

        Returns:
            The number of frames copied.

        Raises:
            SpeechError: The file is unreadable or in another format.
        """
        source = Path(path)
        copied = 0
        try:
            with wave.open(str(source), "rb") as r:
                fmt = (r.getnchannels(), r.getsampwidth(), r.getframerate())
                if fmt != (self.channels, self.sample_width, self.frame_rate):
                    raise SpeechError(
                        f"audio format {fmt} differs from "
                        f"{(self.channels, self.sample_width, self.frame_rate)}",
                        where=str(source),
                    )
                for data in iter(lambda: r.readframes(_COPY_FRAMES), b""):
                    self.write_frames(data)
                    copied += len(data) // (self.sample_width * self.channels)
        except (wave.Error, EOFError) as exc:
            raise SpeechError(f"not a readable WAV file: {exc}", where=str(source)) from None
        except OutputError:
            raise
        except OSError as exc:
            raise SpeechError(f"cannot read the audio: {exc}", where=str(source)) from None
        return copied

    def finish(self) -> None:
        """Complete the header, flush and fsync; the file is not yet in place."""
        if self._wave is not None:
            try:
                self._wave.close()
            except OSError as exc:
                raise _output_error(self.path, exc) from None
            self._wave = None
        self._atomic.finish()

    def verify(self) -> WavInfo:
        """Finish the file and check its header against the frames written.

        Raises:
            SpeechError: The written file does not read back as written.
        """
        self.finish()
        info = read_info(self._atomic.temp_path)
        expected = (self.channels, self.sample_width, self.frame_rate, self.frames)
        got = (info.channels, info.sample_width, info.frame_rate, info.frames)
        if got != expected:
            raise SpeechError(
                f"the WAV file reads back as {got}, expected {expected}", where=str(self.path)
            )
        return WavInfo(self.path, *got)

    def commit(self) -> Path:
        """Finish the file and move it into place."""
        self.finish()
        return self._atomic.commit()

    def abort(self) -> None:
        """Discard the file (safe to call more than once)."""
        if self._wave is not None:
            # Close the writer now (it would patch the header when collected);
            # its errors do not matter for a file that is thrown away.
            with contextlib.suppress(Exception):
                self._wave.close()
            self._wave = None
        self._atomic.abort()

    def __enter__(self) -> AtomicWaveWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.abort()


def write_silent_wav(
    path: str | os.PathLike[str], seconds: float, *, frame_rate: int = FRAME_RATE
) -> Path:
    """Write a valid, silent 16-bit mono WAV file of ``seconds`` atomically."""
    with AtomicWaveWriter(path, frame_rate=frame_rate) as out:
        out.write_silence(max(0.0, seconds))
        return out.commit()

