"""Bad-input catalogue cases at the command line (docs/robustness.md).

The readers' and speech writers' own tests cover these cases in the library;
these check that the command line turns each into one clear line on stderr,
a non-zero exit status, no traceback, and no output file left behind.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from newsbrief import _atomic, cli

STORY = (
    "Marlow council orders evacuations\n\n"
    "Residents of three coastal towns were told to leave their homes on Thursday, council "
    "leader Petra Vance said. Shelters opened in Halden.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _one_clear_line(err: str) -> None:
    assert err.startswith("newsbrief: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_cli_output_into_a_read_only_folder_is_exit_1_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], story: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        status, _, err = run(capsys, "brief", str(story), "-o", str(folder / "out.txt"))
    finally:
        folder.chmod(0o700)
    assert status == 1
    _one_clear_line(err)
    assert list(folder.iterdir()) == []


def test_cli_output_refused_by_the_os_is_exit_1_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str],
    story: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A read-only folder, simulated so that the test also holds when run as root.
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    # Output files are made through newsbrief._atomic's open().
    monkeypatch.setattr(_atomic, "open", refuse, raising=False)
    status, _, err = run(capsys, "brief", str(story), "-o", str(tmp_path / "out.txt"))
    assert status == 1
    _one_clear_line(err)
    assert "Permission denied" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_cli_full_disk_is_exit_1_and_leaves_no_partial_file(
    capsys: pytest.CaptureFixture[str],
    story: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class FullDisk:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def __getattr__(self, name: str) -> object:
            return getattr(self.handle, name)  # close, flush, fileno: the real file's

        def write(self, _text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(
        _atomic, "open", lambda path, mode: FullDisk(Path(path).open(mode)), raising=False  # noqa: SIM115
    )
    status, _, err = run(capsys, "brief", str(story), "-o", str(tmp_path / "out.txt"))
    assert status == 1
    _one_clear_line(err)
    assert "No space left" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_cli_unreadable_input_path_is_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder_as_file = tmp_path / "story.txt"
    folder_as_file.mkdir()  # a name that cannot be read as a file, even by root
    (folder_as_file / "x.bin").write_bytes(b"\x00")
    status, _, err = run(capsys, "brief", str(tmp_path / "missing.txt"))
    assert status == 1
    _one_clear_line(err)
    status, _, err = run(capsys, "brief", str(folder_as_file))
    assert status == 1
    _one_clear_line(err)


@pytest.mark.parametrize(
    "content",
    [b"", b"  \n\t\n", b"\x00\x01\x02binary\x00" * 50, bytes(range(256)) * 4],
    ids=["empty", "whitespace", "nul-bytes", "binary"],
)
def test_cli_empty_blank_or_binary_input_is_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, "brief", str(path))
    assert status == 1 and out == ""
    _one_clear_line(err)


def test_cli_invalid_utf8_is_read_as_latin1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(STORY.replace("Halden", "H\xe4lden").encode("latin-1") + b"\xff\xfe bad")
    status, out, err = run(capsys, "brief", str(path), "--format", "json")
    assert status == 0, err
    assert "Hälden" in out or "H\\u00e4lden" in out


@pytest.mark.parametrize(
    "argv",
    [["--bogus"], ["brief", "--bogus"], ["brief", "--seconds", "nan"], ["brief", "--words", "-3"],
     ["brief", "--format", "pdf"], ["nosuchcommand"]],
)  # fmt: skip
def test_cli_unknown_or_bad_flags_are_exit_2_with_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str], story: Path
) -> None:
    status, _out, err = run(capsys, *argv, str(story))
    assert status == 2
    assert "usage:" in err and "Traceback" not in err
