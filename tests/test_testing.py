"""The fake speech engine users can drive their own tests with."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

import pytest

from newsbrief.errors import SpeechError, UnknownNameError
from newsbrief.model import Article
from newsbrief.speech import Part, Speaker, SpeechEngine
from newsbrief.speech.wav import read_info, rms
from newsbrief.testing import DEFAULT_FAKE_VOICES, FakeSpeechEngine
from newsbrief.timing import estimate_seconds


def test_fake_engine_is_a_speech_engine() -> None:
    assert isinstance(FakeSpeechEngine(), SpeechEngine)


def test_fake_engine_writes_a_silent_valid_wav_of_the_estimated_length(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    text = "The ferry to Lindqvist Island will run twice a day from Monday."
    engine.synthesize(text, tmp_path / "a.wav", rate=150)
    with wave.open(str(tmp_path / "a.wav"), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        seconds = w.getnframes() / w.getframerate()
    assert seconds == pytest.approx(estimate_seconds(len(text.split()), 150), abs=1e-3)
    assert rms(tmp_path / "a.wav") == 0.0


def test_fake_engine_records_calls_in_order(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    engine.synthesize("One two.", tmp_path / "a.wav", voice="gmw/de", rate=120, volume=0.5)
    engine.say("Three four.")
    calls = engine.calls
    assert [c.op for c in calls] == ["synthesize", "say"]
    assert calls[0].voice == "gmw/de" and calls[0].rate == 120 and calls[0].volume == 0.5
    assert calls[0].path == tmp_path / "a.wav"
    assert engine.texts == ("One two.", "Three four.")
    engine.reset()
    assert engine.calls == ()


def test_fake_engine_refuses_empty_text(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        FakeSpeechEngine().synthesize("  ", tmp_path / "a.wav")


def test_fake_engine_can_fail_on_purpose(tmp_path: Path) -> None:
    engine = FakeSpeechEngine(fail_after=1)
    engine.synthesize("Fine.", tmp_path / "a.wav")
    with pytest.raises(SpeechError, match="fake failure"):
        engine.synthesize("Not fine.", tmp_path / "b.wav")
    assert not (tmp_path / "b.wav").exists()


def test_closed_fake_engine_refuses_calls(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    engine.close()
    with pytest.raises(SpeechError, match="closed"):
        engine.say("Hello.")


def test_speaker_with_fake_engine_saves_whole_text(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    text = "Mayor Ilse Varga opened the bridge. Traffic resumed at noon.\n\nTolls stay."
    result = Speaker(engine=engine, rate=160).save(text, tmp_path / "out.wav")
    spoken = " ".join(engine.texts)
    assert "Mayor Ilse Varga opened the bridge." in spoken and "Tolls stay." in spoken
    assert result.duration_seconds == pytest.approx(read_info(result.path).duration_seconds)
    assert all(c.rate == 160 for c in engine.calls)


def test_fake_voices_are_picked_by_language(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    article = Article.from_text(
        "Neue Brücke in Halvorstadt\n\nDie Brücke wurde am Montag eröffnet.", language="de"
    )
    Speaker(engine=engine).save(article, tmp_path / "de.wav")
    assert {c.voice for c in engine.calls} == {"gmw/de"}
    assert DEFAULT_FAKE_VOICES[0].id == "gmw/en"


def test_unknown_voice_lists_close_matches() -> None:
    speaker = Speaker(engine=FakeSpeechEngine(), voice="gmw/en-uss")
    with pytest.raises(UnknownNameError, match="gmw/en-us"):
        speaker.resolve_voice()


def test_fake_engine_is_safe_from_threads(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    speaker = Speaker(engine=engine)
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            words = " ".join(["word"] * (10 * (i + 1))) + "."
            result = speaker.save([Part(words)], tmp_path / f"{i}.wav")
            expected = estimate_seconds(10 * (i + 1), speaker.rate)
            assert result.duration_seconds == pytest.approx(expected, abs=0.01)
        except BaseException as exc:  # collected and re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(engine.calls) == 8


def test_language_argument_picks_the_voice_for_plain_text(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    Speaker(engine=engine).save("Паром ушёл в полдень.", tmp_path / "ru.wav", language="ru")
    assert {c.voice for c in engine.calls} == {"zle/ru"}


def test_non_latin_text_with_an_english_voice_is_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="newsbrief.speech.speaker"):
        Speaker(engine=FakeSpeechEngine()).save("Паром ушёл в полдень.", tmp_path / "x.wav")
    assert "non-Latin" in caplog.text
