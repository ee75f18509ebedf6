"""Real speech through pyttsx3 and eSpeak NG, and the speaker's file handling.

The real-speech tests skip only when pyttsx3 or eSpeak NG is missing *and*
the ``CI`` environment variable is unset: in CI they must run. They share
one speaker (one worker process) to stay fast.
"""

from __future__ import annotations

import ctypes
import errno
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.errors import (
    InvalidArticleError,
    OutputError,
    SpeechBackendError,
    SpeechError,
    SpeechTimeoutError,
    UnknownNameError,
)
from newsbrief.model import Article
from newsbrief.speech import Part, Pyttsx3Engine, Speaker, clean_for_speech, rms
from newsbrief.speech.script import MAX_BYTES, MAX_CHARS, plan
from newsbrief.speech.speaker import safe_filename
from newsbrief.speech.wav import PAUSE_SECONDS, read_info
from newsbrief.testing import FakeSpeechEngine
from newsbrief.timing import estimate_seconds

# An invented wire-style story (people and places are made up), about 400 words.
_RAW_STORY = """Harbour authority approves Lindqvist Bay expansion after two-year review

The Lindqvist Bay harbour authority on Thursday approved a plan to double the port's container
capacity, ending a two-year review that pitted shipping firms against fishing families and
environmental groups.

Authority chair Marta Okonkwo-Reyes said the expansion would create about 1,200 jobs and keep
the port competitive with larger rivals along the northern coast. "This is the most important
decision this board has taken in a generation," she told reporters after the vote.

The plan, estimated to cost 340 million crowns, includes a new deep-water berth, a rail link to
the inland depot at Vesterholm and a breakwater to protect the old fishing harbour. Construction
is due to begin next spring and finish by the end of 2029.

Fishing families had warned that dredging the bay would destroy spawning grounds for herring and
cod. Piet Alvarsson, who leads the Lindqvist Fishers' Association, said his members would study
the conditions attached to the approval before deciding whether to appeal. "We are not against
progress, but we will not be the ones who pay for it," he said.

The authority added twelve conditions to the plan, including seasonal limits on dredging, a fund
to compensate fishing crews for lost catches and independent monitoring of water quality for ten
years. Environmental group Blue Coast said the conditions were a step forward but did not go far
enough.

Shipping companies welcomed the decision. A spokesman for Nordhavn Lines, the port's largest
customer, said the company had delayed ordering new vessels until the berth was approved and
would now review its plans.

Regional governor Tomas Eklund-Varga, who had backed the expansion, called it a fair compromise.
He said the regional government would contribute 40 million crowns towards the rail link and
would press the national transport ministry for the rest.

The review began in 2023 after the authority's first proposal, which would have filled in part
of the old fishing harbour, drew more than 6,000 objections. That plan was withdrawn and redrawn
twice.

Opponents have six weeks to lodge an appeal with the regional planning court. Mr Alvarsson said
his association would meet on Monday.
"""
# Lines are wrapped in the source; each paragraph is one line in the text.
STORY = re.sub(r"(?<!\n)\n(?!\n)", " ", _RAW_STORY)

WORDS_20K = 20_000


def _backend_present() -> bool:
    if importlib.util.find_spec("pyttsx3") is None:
        return False
    for name in ("libespeak-ng.so.1", "libespeak.so.1"):
        try:
            ctypes.CDLL(name)
            return True
        except OSError:
            continue
    return False


needs_backend = pytest.mark.skipif(
    not _backend_present() and not os.environ.get("CI"),
    reason="pyttsx3 or eSpeak NG is not installed (these tests always run in CI)",
)


@pytest.fixture(scope="module")
def speaker() -> Iterator[Speaker]:
    with Speaker() as shared:
        shared.start()
        yield shared


def _check_wav(path: Path) -> tuple[float, float]:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        duration = w.getnframes() / w.getframerate()
    level = rms(path, max_samples=50_000)
    return duration, level


def _expected_seconds(obj: object, rate: float) -> float:
    listening = getattr(obj, "listening_seconds", None)
    if isinstance(listening, (int, float)):
        return float(listening)
    # Plain text: the word-based estimate plus the pauses joined in.
    the_plan = plan(obj)
    pauses = sum(PAUSE_SECONDS[c.pause] for c in the_plan.chunks[:-1])
    return estimate_seconds(the_plan.words, rate) + pauses


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- real speech ----------------------------------------------------------------


@needs_backend
def test_story_becomes_a_non_silent_wav_of_the_estimated_length(
    speaker: Speaker, tmp_path: Path
) -> None:
    result = speaker.save(STORY, tmp_path / "story.wav")
    duration, level = _check_wav(result.path)
    assert duration == pytest.approx(result.duration_seconds)
    assert level > 500
    assert duration == pytest.approx(_expected_seconds(STORY, speaker.rate), rel=0.15)
    assert _leftovers(tmp_path) == ["story.wav"]


@needs_backend
@pytest.mark.parametrize("rate", [150.0, 175.0, 240.0])
def test_briefing_lasts_its_listening_seconds(
    speaker: Speaker, tmp_path: Path, rate: float
) -> None:
    briefing = Article.from_text(STORY).briefing(wpm=rate)
    result = Speaker(engine=speaker.engine, rate=rate).save(briefing, tmp_path / "b.wav")
    duration, level = _check_wav(result.path)
    assert level > 500
    assert result.listening_seconds == briefing.listening_seconds
    assert duration == pytest.approx(briefing.listening_seconds, rel=0.15)


@needs_backend
def test_example_briefings_last_their_listening_seconds(
    speaker: Speaker, tmp_path: Path
) -> None:
    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
    assert examples
    for path in examples:
        briefing = Article.from_text(path.read_text(encoding="utf-8")).briefing()
        result = speaker.save(briefing, tmp_path / "example.wav")
        assert result.duration_seconds == pytest.approx(briefing.listening_seconds, rel=0.15), (
            path.name
        )


@needs_backend
def test_digest_chapters_follow_its_stories(speaker: Speaker, tmp_path: Path) -> None:
    from newsbrief.digest import Digest

    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
    articles = [Article.from_text(p.read_text(encoding="utf-8"), id=p.stem) for p in examples]
    digest = Digest.from_articles(articles, minutes=3)
    result = speaker.save(digest, tmp_path / "digest.wav", chapters=True)
    assert result.duration_seconds == pytest.approx(digest.listening_seconds, rel=0.15)
    titles = [c.title for c in result.chapters]
    for story in digest.stories:
        assert story.title in titles
    data = json.loads((tmp_path / "digest.chapters.json").read_text())
    assert [c["title"] for c in data["chapters"]] == titles


@needs_backend
def test_rate_changes_take_effect_on_every_call(speaker: Speaker, tmp_path: Path) -> None:
    # pyttsx3 drops many property changes made right before a save; the
    # worker sets the rate for each utterance after the last one finished.
    text = " ".join(STORY.split()[:120])
    slow = Speaker(engine=speaker.engine, rate=120).save(text, tmp_path / "slow.wav")
    fast = Speaker(engine=speaker.engine, rate=300).save(text, tmp_path / "fast.wav")
    again = Speaker(engine=speaker.engine, rate=120).save(text, tmp_path / "again.wav")
    assert slow.duration_seconds / fast.duration_seconds == pytest.approx(300 / 120, rel=0.15)
    assert again.duration_seconds == pytest.approx(slow.duration_seconds, rel=0.02)


@needs_backend
@pytest.mark.slow
def test_twenty_thousand_words_synthesise_completely(tmp_path: Path) -> None:
    paragraphs = [p for p in STORY.split("\n\n")[1:] if p.strip()]
    text_parts: list[str] = []
    words = 0
    i = 0
    while words < WORDS_20K:
        paragraph = paragraphs[i % len(paragraphs)]
        text_parts.append(paragraph)
        words += len(paragraph.split())
        i += 1
    text = "\n\n".join(text_parts)
    seen: list[tuple[int, int]] = []
    # A fast rate keeps the test short; the check is that nothing is lost.
    with Speaker(rate=400) as fast:
        start = time.perf_counter()
        result = fast.save(text, tmp_path / "long.wav", progress=lambda d, t: seen.append((d, t)))
        elapsed = time.perf_counter() - start
    duration, level = _check_wav(result.path)
    assert level > 500
    assert result.words >= WORDS_20K
    assert duration == pytest.approx(_expected_seconds(text, 400), rel=0.15)
    assert seen[0] == (0, result.chunks) and seen[-1] == (result.chunks, result.chunks)
    assert elapsed < 60


@needs_backend
def test_threads_sharing_one_speaker_all_get_correct_files(
    speaker: Speaker, tmp_path: Path
) -> None:
    sentences = [s for s in STORY.replace("\n", " ").split(". ") if len(s.split()) > 8]
    texts = [". ".join(sentences[: i + 1]) + "." for i in range(4)]
    results: dict[int, float] = {}
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            results[i] = speaker.save(texts[i], tmp_path / f"t{i}.wav").duration_seconds
        except BaseException as exc:  # re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    for i, text in enumerate(texts):
        duration, level = _check_wav(tmp_path / f"t{i}.wav")
        assert level > 500
        assert duration == pytest.approx(results[i])
        assert duration == pytest.approx(_expected_seconds(text, speaker.rate), rel=0.2)
    assert sorted(results, key=results.__getitem__) == [0, 1, 2, 3]


@needs_backend
def test_two_speakers_in_threads_each_have_their_own_engine(tmp_path: Path) -> None:
    # Two pyttsx3 engines in one process break each other; each speaker's
    # engine lives in its own worker process.
    texts = ["The harbour authority approved the plan on Thursday.", STORY]
    durations: dict[int, float] = {}

    def work(i: int) -> None:
        with Speaker() as own:
            durations[i] = own.save(texts[i], tmp_path / f"s{i}.wav").duration_seconds

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for i, text in enumerate(texts):
        assert durations[i] == pytest.approx(_expected_seconds(text, 175.0), rel=0.25)


@needs_backend
def test_killed_worker_gives_speech_error_and_no_file_then_recovers(
    speaker: Speaker, tmp_path: Path
) -> None:
    engine = speaker.engine
    assert isinstance(engine, Pyttsx3Engine)

    def kill_worker(done: int, total: int) -> None:
        if done == 1:
            for pid in engine.pids:
                os.kill(pid, signal.SIGKILL)

    with pytest.raises(SpeechError, match="SIGKILL"):
        speaker.save(STORY, tmp_path / "killed.wav", progress=kill_worker)
    assert _leftovers(tmp_path) == []
    # The next call starts a new worker.
    result = speaker.save("The port reopened on Friday.", tmp_path / "after.wav")
    assert _check_wav(result.path)[1] > 500


@needs_backend
def test_keyboard_interrupt_during_synthesis_leaves_no_file(
    speaker: Speaker, tmp_path: Path
) -> None:
    def interrupt(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        speaker.save(STORY, tmp_path / "interrupted.wav", chapters=True, progress=interrupt)
    assert _leftovers(tmp_path) == []
    result = speaker.save("Work resumed on Monday.", tmp_path / "after.wav")
    assert result.duration_seconds > 0.5


@needs_backend
def test_hung_worker_times_out_and_is_replaced(tmp_path: Path) -> None:
    with Pyttsx3Engine(timeout=0.5) as engine:
        engine.voices()  # worker up
        pid = engine.pids[0]
        os.kill(pid, signal.SIGSTOP)
        try:
            with pytest.raises(SpeechTimeoutError, match="did not finish"):
                Speaker(engine=engine).save(STORY, tmp_path / "hung.wav")
        finally:
            os.kill(pid, signal.SIGCONT) if _alive(pid) else None
        assert _leftovers(tmp_path) == []
        assert pid not in engine.pids
        result = Speaker(engine=engine).save("The vote was close.", tmp_path / "ok.wav")
        assert result.duration_seconds > 0.5


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


@needs_backend
def test_engine_noise_never_reaches_stdout(
    speaker: Speaker, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    speaker.save("The council met on Tuesday.", tmp_path / "quiet.wav")
    speaker.say("Done.")  # no sound card: pyttsx3 shells out to aplay, which fails
    out, _ = capfd.readouterr()
    assert "Audio saved" not in out
    assert out == ""


@needs_backend
def test_say_does_not_disturb_later_saves(speaker: Speaker, tmp_path: Path) -> None:
    first = speaker.save("The first file.", tmp_path / "first.wav")
    before = first.path.read_bytes()
    speaker.say("Something else entirely, said aloud.")
    second = speaker.save("The second file is a little longer than the first.", tmp_path / "b.wav")
    assert first.path.read_bytes() == before
    assert second.duration_seconds > first.duration_seconds


@needs_backend
def test_parent_process_never_imports_pyttsx3(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from newsbrief.speech import Speaker\n"
        f"Speaker().save('The ferry left at dawn.', {str(tmp_path / 'x.wav')!r})\n"
        "assert 'pyttsx3' not in sys.modules, 'pyttsx3 imported in the parent'\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "ok\n"  # and nothing else: no "Audio saved to"


@needs_backend
def test_voice_follows_the_article_language(speaker: Speaker) -> None:
    assert speaker.resolve_voice("en") is not None
    russian = speaker.resolve_voice("ru")
    assert russian is not None and "ru" in russian.id
    german = speaker.resolve_voice("de-AT")
    assert german is not None and german.id.endswith("/de")


@needs_backend
def test_voice_by_id_name_or_language(speaker: Speaker) -> None:
    voices = speaker.voices()
    assert len(voices) > 10
    us = Speaker(engine=speaker.engine, voice="en-us").resolve_voice()
    assert us is not None and us.id == "gmw/en-us"
    by_name = Speaker(engine=speaker.engine, voice=us.name).resolve_voice()
    assert by_name == us
    with pytest.raises(UnknownNameError, match="en-us"):
        Speaker(engine=speaker.engine, voice="gmw/en-uss").resolve_voice()


@needs_backend
def test_very_long_sentence_is_chunked_not_crashed(speaker: Speaker, tmp_path: Path) -> None:
    # Over 13 KB in one pyttsx3 call segfaults eSpeak NG; the script is cut.
    sentence = " ".join(["harbour"] * 2000)  # 15,999 characters, no punctuation
    fast = Speaker(engine=speaker.engine, rate=400)
    result = fast.save(sentence, tmp_path / "long.wav")
    assert result.chunks >= len(sentence) // MAX_CHARS
    assert result.duration_seconds == pytest.approx(estimate_seconds(2000, 400.0), rel=0.25)


@needs_backend
def test_markup_and_nul_are_not_read_aloud(speaker: Speaker, tmp_path: Path) -> None:
    plain = speaker.save("The bridge opened today.", tmp_path / "plain.wav")
    marked = speaker.save(
        "<b>The bridge</b> <i>opened</i>\x00 today.", tmp_path / "marked.wav"
    )
    assert marked.duration_seconds == pytest.approx(plain.duration_seconds, rel=0.1)


@needs_backend
def test_missing_pyttsx3_gives_the_pip_hint(tmp_path: Path) -> None:
    class NoPyttsx3(Pyttsx3Engine):
        module_name = "newsbrief_tests_no_such_pyttsx3"

    with NoPyttsx3() as engine, pytest.raises(SpeechBackendError) as info:
        Speaker(engine=engine).save("Hello.", tmp_path / "x.wav")
    assert "pip install 'newsbrief[speech]'" in str(info.value)
    assert _leftovers(tmp_path) == []


def test_missing_espeak_gives_the_apt_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fake_pyttsx3_no_espeak.py").write_text(
        "def init(*args, **kwargs):\n"
        "    raise RuntimeError("
        "'This means you probably do not have eSpeak or eSpeak-ng installed!')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))

    class NoEspeak(Pyttsx3Engine):
        module_name = "fake_pyttsx3_no_espeak"

    with NoEspeak() as engine, pytest.raises(SpeechBackendError) as info:
        engine.voices()
    assert "apt-get install libespeak-ng1" in str(info.value)


# -- files, chapters and errors (fake engine: fast, no backend needed) -------------


def _digest_parts() -> list[Part]:
    return [
        Part("Your briefing for Friday: three stories.", "story"),
        Part("The harbour plan was approved.", "sentence", "Harbour plan approved"),
        Part("Fishers may appeal.", "story"),
        Part("A new ferry starts in May.", "story", "../../etc/passwd"),
        Part("Tolls rise on the bridge.", "sentence", 'Tolls: "up" / down\\ \x00 ' + "x" * 300),
        Part("Drivers object.", "sentence"),
    ]


def test_chapters_json_and_cue_sheet_are_written_beside_the_wav(tmp_path: Path) -> None:
    result = Speaker(engine=FakeSpeechEngine()).save(
        _digest_parts(), tmp_path / "digest.wav", chapters=True
    )
    assert result.chapters_path == tmp_path / "digest.chapters.json"
    assert result.cue_path == tmp_path / "digest.cue"
    data = json.loads(result.chapters_path.read_text())
    titles = [c["title"] for c in data["chapters"]]
    assert titles[1:3] == ["Harbour plan approved", "../../etc/passwd"]
    assert len(titles) == 4
    starts = [c["start_seconds"] for c in data["chapters"]]
    ends = [c["end_seconds"] for c in data["chapters"]]
    assert starts[0] == 0.0 and starts == sorted(starts)
    assert ends[:-1] == starts[1:]
    assert ends[-1] == pytest.approx(result.duration_seconds, abs=1e-3)
    cue = result.cue_path.read_text()
    assert 'FILE "digest.wav" WAVE' in cue
    assert cue.count("TRACK") == 4 and "\x00" not in cue
    assert all(line.count('"') in (0, 2) for line in cue.splitlines())


def test_story_pauses_are_longer_than_sentence_pauses(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    parts = [Part("One two three.", "story"), Part("Four five six.", "sentence")]
    together = Speaker(engine=engine).save(parts, tmp_path / "a.wav").duration_seconds
    parts[0] = Part("One two three.", "sentence")
    joined = Speaker(engine=engine).save(parts, tmp_path / "b.wav").duration_seconds
    assert together > joined


def test_split_writes_one_file_per_story_inside_the_folder(tmp_path: Path) -> None:
    result = Speaker(engine=FakeSpeechEngine()).save(
        _digest_parts(), tmp_path / "digest.wav", split=True
    )
    folder = tmp_path / "digest"
    assert result.split_dir == folder
    files = sorted(folder.iterdir())
    assert len(files) == 4
    for path in files:
        assert path.resolve().parent == folder.resolve()
        assert path.suffix == ".wav" and len(path.name) <= 90
        assert read_info(path).frames > 0
    assert sum(read_info(p).frames for p in files) == read_info(result.path).frames
    assert not (tmp_path / "etc").exists()


def test_safe_filename_cannot_escape_the_folder() -> None:
    for title in ["../../etc/passwd", "..", "/abs/path", "a\\b", "\x00\x01", "CON", " . "]:
        name = safe_filename(title)
        assert "/" not in name and "\\" not in name and ".." not in name
        assert name and not name.startswith(".") and "\x00" not in name
    assert safe_filename("x" * 500) == "x" * 80


def test_output_into_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="missing"):
        Speaker(engine=FakeSpeechEngine()).save("Hello there.", tmp_path / "missing" / "a.wav")


def test_output_into_a_read_only_folder_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # running as root: simulate a read-only mount
            from newsbrief import _atomic

            def refuse(file: Path, mode: str) -> object:
                if str(file).startswith(str(folder)):
                    raise PermissionError(errno.EROFS, "Read-only file system")
                return file.open(mode)

            # Temporary output files are made by the module's open().
            monkeypatch.setattr(_atomic, "open", refuse, raising=False)
        with pytest.raises(OutputError, match="ro"):
            Speaker(engine=FakeSpeechEngine()).save("Hello there.", folder / "a.wav")
    finally:
        folder.chmod(0o700)
    assert _leftovers(folder) == []


def test_full_disk_is_an_output_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsbrief.speech import wav as wav_module

    real = wav_module.AtomicWaveWriter.write_frames
    calls = {"n": 0}

    def fill_up(self: wav_module.AtomicWaveWriter, data: bytes) -> None:
        if self.path.parent == tmp_path:
            calls["n"] += 1
            if calls["n"] > 1:
                raise OutputError("cannot write the file: No space left on device", where="x")
        real(self, data)

    monkeypatch.setattr(wav_module.AtomicWaveWriter, "write_frames", fill_up)
    with pytest.raises(OutputError, match="No space left"):
        Speaker(engine=FakeSpeechEngine()).save(
            _digest_parts(), tmp_path / "full.wav", chapters=True
        )
    assert _leftovers(tmp_path) == []


def test_engine_failure_leaves_no_output(tmp_path: Path) -> None:
    with pytest.raises(SpeechError, match="fake failure"):
        Speaker(engine=FakeSpeechEngine(fail_after=2)).save(
            _digest_parts(), tmp_path / "broken.wav", chapters=True, split=True
        )
    assert _leftovers(tmp_path) == []


def test_empty_text_is_refused_before_the_engine(tmp_path: Path) -> None:
    engine = FakeSpeechEngine()
    with pytest.raises(InvalidArticleError, match="nothing to say"):
        Speaker(engine=engine).save(" \n\n <br/> \x00 ", tmp_path / "empty.wav")
    assert engine.calls == ()


def test_pyttsx3_engine_refuses_empty_chunks_without_starting(tmp_path: Path) -> None:
    # save_to_file("") is a bare AssertionError inside pyttsx3.
    with Pyttsx3Engine() as engine:
        with pytest.raises(ValueError, match="empty"):
            engine.synthesize("", tmp_path / "x.wav")
        assert engine.pids == ()


def test_clean_for_speech_strips_markup_controls_and_emoji() -> None:
    assert clean_for_speech("<b>Bold</b> &amp; <i>brave</i>\x00 \U0001f600 news") == (
        "Bold & brave news"
    )
    assert clean_for_speech("3 < 4 and 5 > 2") == "3 < 4 and 5 > 2"


def test_chunks_stay_under_the_crash_limit() -> None:
    text = ("Ω" * 3000 + " ") * 5 + ". " + "word " * 5000
    for chunk in plan(text).chunks:
        assert len(chunk.text) <= MAX_CHARS
        assert len(chunk.text.encode("utf-8")) <= MAX_BYTES
    assert "".join(plan(text).text.split()).count("Ω") == 15000


def test_progress_reports_every_chunk(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = Speaker(engine=FakeSpeechEngine()).save(
        STORY, tmp_path / "p.wav", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[0] == (0, result.chunks)
    assert [d for d, _ in seen] == list(range(result.chunks + 1))


def test_rate_and_volume_are_checked() -> None:
    with pytest.raises(ValueError, match="rate"):
        Speaker(engine=FakeSpeechEngine(), rate=5)
    with pytest.raises(ValueError, match="volume"):
        Speaker(engine=FakeSpeechEngine(), volume=1.5)


def test_more_than_the_audio_limit_is_refused_before_the_engine(tmp_path: Path) -> None:
    from newsbrief.errors import InputTooLargeError

    engine = FakeSpeechEngine()
    words = " ".join(["harbour"] * 200_000) + "."  # about 19 hours at 175 wpm
    with pytest.raises(InputTooLargeError, match="hours"):
        Speaker(engine=engine).save(words, tmp_path / "huge.wav")
    assert engine.calls == () and _leftovers(tmp_path) == []


def test_wav_writer_refuses_to_pass_four_gib(tmp_path: Path) -> None:
    from newsbrief.speech.wav import MAX_DATA_BYTES, AtomicWaveWriter

    with AtomicWaveWriter(tmp_path / "big.wav") as out:
        out.frames = MAX_DATA_BYTES // 2  # as if nearly 4 GiB were written
        with pytest.raises(OutputError, match="4 GiB"):
            out.write_silence(1.0)
    assert _leftovers(tmp_path) == []


_TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=3000
) | st.lists(
    st.sampled_from(
        ["harbour", "Ω" * 700, "x" * 2000, "3.5%", "<b>", "&amp;", "\x00", ".", "\n\n"]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_plan_keeps_every_word_within_the_chunk_limits(text: str) -> None:
    try:
        the_plan = plan(text)
    except InvalidArticleError:
        assert not clean_for_speech(text).strip(" .")
        return
    for chunk in the_plan.chunks:
        assert chunk.text.strip()
        assert len(chunk.text) <= MAX_CHARS
        assert len(chunk.text.encode("utf-8")) <= MAX_BYTES
        assert "\x00" not in chunk.text
    spoken = "".join(the_plan.text.split()).replace(".", "")
    expected = "".join(clean_for_speech(text).split()).replace(".", "")
    assert spoken == expected
