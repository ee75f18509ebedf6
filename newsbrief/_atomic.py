"""Files that appear at their path only once complete (temporary file, then rename).

Used by every writer of newsbrief (the CLI's text outputs, WAV files, chapter
lists), so that a failure or an interruption never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from newsbrief.errors import OutputError

__all__ = ["AtomicFile", "output_error"]

#: Mode of a new file (before the umask), as ``open()`` would create it.
_DEFAULT_MODE = 0o644


def output_error(path: Path, exc: OSError) -> OutputError:
    """The :class:`OutputError` for an :class:`OSError` raised while writing ``path``."""
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot write the file: {reason}", where=str(path))


class AtomicFile:
    """A file that appears at its path only when :meth:`commit` succeeds.

    Data goes to a hidden temporary file in the same folder (so the final
    rename is atomic on one file system); :meth:`finish` flushes and fsyncs
    it, :meth:`commit` renames it into place. :meth:`abort` (also called when
    the ``with`` block ends without a commit, including on
    ``KeyboardInterrupt``) removes it. Any :class:`OSError` (missing or
    read-only folder, full disk) becomes an :class:`~newsbrief.OutputError`
    naming the final path.
    """

    __slots__ = ("_file", "_finished", "_temp", "path")

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._finished = False
        try:
            fd, temp = tempfile.mkstemp(
                dir=self.path.parent if str(self.path.parent) else ".",
                prefix=f".{self.path.name[:80]}.",
                suffix=".part",
            )
        except OSError as exc:
            raise output_error(self.path, exc) from None
        self._temp = Path(temp)
        try:
            # mkstemp makes the file private (0600); give it the mode an
            # ordinary new file gets, or keep the mode of the file it replaces.
            try:
                mode = self.path.stat().st_mode & 0o7777
            except OSError:
                mode = _DEFAULT_MODE
            os.fchmod(fd, mode)
            self._file: BinaryIO = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            self._temp.unlink(missing_ok=True)
            raise

    @property
    def file(self) -> BinaryIO:
        """The open temporary file to write to."""
        return self._file

    @property
    def temp_path(self) -> Path:
        """Where the data is until the commit."""
        return self._temp

    def write(self, data: bytes) -> None:
        """Write bytes to the temporary file."""
        try:
            self._file.write(data)
        except OSError as exc:
            raise output_error(self.path, exc) from None

    def finish(self) -> None:
        """Flush and fsync the data; the file is complete but not yet in place."""
        if self._finished:
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        except OSError as exc:
            raise output_error(self.path, exc) from None
        self._finished = True

    def commit(self) -> Path:
        """Finish the file if needed and move it to its final path."""
        self.finish()
        try:
            self._temp.replace(self.path)
        except OSError as exc:
            raise output_error(self.path, exc) from None
        return self.path

    def abort(self) -> None:
        """Close and delete the temporary file (safe to call more than once)."""
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            self._temp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Whatever happened, nothing but a committed file may stay behind.
        self.abort()
