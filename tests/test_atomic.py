"""AtomicFile: interruptions at any point of its set-up."""

from __future__ import annotations

import gc
import sys
import warnings
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from newsbrief._atomic import AtomicFile

_FDS = Path("/proc/self/fd")


def _open_fds() -> set[str]:
    gc.collect()
    return {p.name for p in _FDS.iterdir()} if _FDS.is_dir() else set()


def _interrupt_at(event: int) -> Any:
    """A trace function that raises KeyboardInterrupt at the ``event``-th trace event,
    as a Ctrl-C does at the next bytecode boundary."""
    seen = 0

    def tracer(frame: FrameType, what: str, arg: object) -> Any:
        nonlocal seen
        seen += 1
        if seen == event:
            raise KeyboardInterrupt
        return tracer

    return tracer


@pytest.mark.parametrize("existing", [False, True], ids=["new file", "replacing a file"])
def test_ctrl_c_anywhere_in_set_up_raises_keyboardinterrupt_and_leaves_nothing(
    tmp_path: Path, existing: bool
) -> None:
    # A Ctrl-C that lands just after the temporary file's object was made, but
    # before it was stored, once closed the descriptor twice: the second close
    # raised EBADF, and the CLI reported that error (exit 1) instead of the
    # interruption (exit 130).
    target = tmp_path / "out.json"
    if existing:
        target.write_bytes(b"old")
    before = _open_fds()
    interrupted = 0
    previous = sys.gettrace()
    for event in range(1, 2_000):
        made: AtomicFile | None = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                sys.settrace(_interrupt_at(event))
                try:
                    made = AtomicFile(target)
                finally:
                    sys.settrace(previous)
        except KeyboardInterrupt:
            interrupted += 1
        if made is not None:  # the set-up ran to its end without being interrupted
            made.abort()
            break
        # Once the interruption is handled (as the CLI does before it exits),
        # no temporary file and no open descriptor may remain.
        leftovers = sorted(p.name for p in tmp_path.iterdir())
        assert leftovers == (["out.json"] if existing else []), (event, leftovers)
        assert _open_fds() == before, f"a descriptor leaked at trace event {event}"
    else:
        pytest.fail("the set-up never completed")
    assert interrupted > 10  # the sweep did reach into the set-up
    assert sorted(p.name for p in tmp_path.iterdir()) == (["out.json"] if existing else [])
    assert _open_fds() == before
