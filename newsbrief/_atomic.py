"""Files that appear at their path only once complete (temporary file, then rename).

Used by every writer of newsbrief (the CLI's text outputs, WAV files, chapter
lists), so that a failure or an interruption never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from newsbrief.errors import OutputError

__all__ = ["AtomicFile", "output_error"]

#: Random temporary names tried before giving up (each of 64 bits).
_TRIES = 100


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
            # Keep the mode of the file this one replaces.
            mode: int | None = self.path.stat().st_mode & 0o7777
        except OSError:
            mode = None
        folder = self.path.parent
        for _ in range(_TRIES):
            # Not tempfile.mkstemp: a Ctrl-C between its creating the file and
            # returning would leave the file behind, and one between os.fdopen
            # making the file object and our storing it would let the dropped
            # object close the descriptor before our clean-up closed it again
            # (EBADF, an OSError that hid the KeyboardInterrupt). open() makes
            # the file and its owning object in one C call, and the name is
            # known beforehand, so whatever is interrupted can be cleaned up.
            self._temp = folder / f".{self.path.name[:80]}.{secrets.token_hex(8)}.part"
            try:
                # Mode "x": a new file, made as open() makes any (0o666 less
                # the umask), never an existing one followed through a link.
                # The builtin, not Path.open: one C call, no Python frame.
                self._file: BinaryIO = open(self._temp, "xb")  # noqa: PTH123, SIM115
            except FileExistsError:
                continue
            except OSError as exc:
                raise output_error(self.path, exc) from None
            except BaseException:
                self._temp.unlink(missing_ok=True)
                raise
            break
        else:
            raise output_error(
                self.path, FileExistsError(errno.EEXIST, "no free temporary file name")
            )
        if mode is not None:
            try:
                os.fchmod(self._file.fileno(), mode)
            except OSError as exc:
                self.abort()
                raise output_error(self.path, exc) from None

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

    def __del__(self) -> None:
        # A Ctrl-C can land after __init__ made the temporary file but before
        # the caller holds this object (even on __init__'s return): nothing
        # else could remove the file then. After a commit the temporary name
        # is gone, so this removes nothing.
        if hasattr(self, "_file"):
            with contextlib.suppress(Exception):
                self.abort()

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
