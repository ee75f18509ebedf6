"""The exception hierarchy: every error is a NewsbriefError and the matching builtin."""

from __future__ import annotations

import pickle

import pytest

import newsbrief
from newsbrief import errors

BUILTIN_OF = {
    errors.InvalidArticleError: ValueError,
    errors.InputFormatError: ValueError,
    errors.InputTooLargeError: ValueError,
    errors.ReadError: OSError,
    errors.OutputError: OSError,
    errors.BudgetError: ValueError,
    errors.UnknownNameError: ValueError,
    errors.SpeechError: RuntimeError,
    errors.SpeechBackendError: RuntimeError,
    errors.SpeechTimeoutError: TimeoutError,
}


@pytest.mark.parametrize("cls", sorted(BUILTIN_OF, key=lambda c: c.__name__))
def test_every_error_is_a_newsbrief_error_and_its_builtin(cls: type[Exception]) -> None:
    err = cls("broken")  # type: ignore[call-arg]
    assert isinstance(err, errors.NewsbriefError)
    assert isinstance(err, BUILTIN_OF[cls])


def test_every_error_class_in_the_module_is_checked() -> None:
    defined = {
        obj
        for obj in vars(errors).values()
        if isinstance(obj, type) and issubclass(obj, errors.NewsbriefError)
    }
    assert defined - {errors.NewsbriefError} == set(BUILTIN_OF)


def test_every_error_class_is_drawn_in_the_module_docstring() -> None:
    doc = errors.__doc__ or ""
    for cls in BUILTIN_OF:
        assert cls.__name__ in doc


def test_message_names_the_place_and_line() -> None:
    err = errors.InputFormatError("not valid JSON", where="news.jsonl", line=3)
    assert str(err) == "news.jsonl, line 3: not valid JSON"
    assert err.where == "news.jsonl"
    assert err.line == 3
    assert errors.ReadError("missing", where="a.txt").args[0] == "a.txt: missing"


@pytest.mark.parametrize("cls", sorted(BUILTIN_OF, key=lambda c: c.__name__))
def test_errors_pickle_with_their_place(cls: type[errors.NewsbriefError]) -> None:
    err = cls("bad thing", where="f.txt", line=7)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert (back.message, back.where, back.line, str(back)) == (
        "bad thing",
        "f.txt",
        7,
        "f.txt, line 7: bad thing",
    )


def test_errors_are_exported_from_the_package() -> None:
    for cls in [errors.NewsbriefError, *BUILTIN_OF]:
        assert getattr(newsbrief, cls.__name__) is cls
