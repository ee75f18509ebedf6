"""Speech speed: a ~400-word text and a 20,000-word text to verified WAV files.

Run from the repository root::

    python3 benchmarks/speech_speed.py [--words 400] [--long 20000] [--repeat 3]

Times are wall-clock, end to end, and include starting the worker process
(a fresh :class:`newsbrief.speech.Speaker` each time). The peer figure is raw
pyttsx3 in a fresh process (import, init, one ``save_to_file`` of the same
text, waiting for the file), measured in the same run, since the machine is
shared and absolute numbers are noisy.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsbrief.speech import Speaker, rms  # noqa: E402
from newsbrief.timing import estimate_seconds  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "bbc_news_summary" / "dev.jsonl"

_RAW = r"""
import sys, time, wave
t0 = time.perf_counter()
import pyttsx3
from pyttsx3.drivers import _espeak
engine = pyttsx3.init()
done = []
engine.connect("finished-utterance", lambda name, completed: done.append(1))
engine.setProperty("rate", 175)
engine.save_to_file(open(sys.argv[1]).read(), sys.argv[2])
engine.runAndWait()
while not done:
    time.sleep(0.001)
while _espeak.IsPlaying():
    time.sleep(0.001)
with wave.open(sys.argv[2]) as w:
    assert w.getnframes() > 0
sys.stderr.write(f"{time.perf_counter() - t0}\n")
"""


def _texts(words: int) -> str:
    parts: list[str] = []
    count = 0
    with DATA.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            parts.append(text)
            count += len(text.split())
            if count >= words:
                break
    joined = "\n\n".join(parts)
    return " ".join(joined.split(" ")[:words]) if words < 1000 else joined


def _verify(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        seconds = w.getnframes() / w.getframerate()
    assert rms(path, max_samples=20_000) > 300
    return seconds


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ours(text: str, out: Path) -> tuple[float, float, float]:
    """Wall seconds, audio seconds and CPU seconds (caller and worker)."""
    cpu = _cpu()
    start = time.perf_counter()
    with Speaker() as speaker:
        speaker.save(text, out)
        seconds = _verify(out)
    wall = time.perf_counter() - start
    return wall, seconds, _cpu() - cpu


def _raw(text: str, folder: Path) -> tuple[float, float]:
    source = folder / "raw.txt"
    source.write_text(text, encoding="utf-8")
    cpu = _cpu()
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _RAW, str(source), str(folder / "raw.wav")],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--long", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    short = _texts(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, raws, our_cpu, raw_cpu = [], [], [], []
        seconds = 0.0
        for _ in range(args.repeat):
            elapsed, seconds, cpu = _ours(short, folder / "short.wav")
            ours.append(elapsed)
            our_cpu.append(cpu)
            raw_wall, raw_used = _raw(short, folder)
            raws.append(raw_wall)
            raw_cpu.append(raw_used)
        words = len(short.split())
        median = statistics.median
        estimate = estimate_seconds(words)
        print(
            f"{words} words -> {seconds:.1f} s of audio (estimate {estimate:.1f} s)\n"
            f"  newsbrief (fresh Speaker, worker start included): wall median {median(ours):.3f} s "
            f"(min {min(ours):.3f}), CPU median {median(our_cpu):.3f} s\n"
            f"  raw pyttsx3 in a fresh process: wall median {median(raws):.3f} s "
            f"(min {min(raws):.3f}), CPU median {median(raw_cpu):.3f} s\n"
            f"  ratio newsbrief/raw: wall {median(ours) / median(raws):.2f}, "
            f"CPU {median(our_cpu) / median(raw_cpu):.2f}"
        )
        start = time.perf_counter()
        with Speaker() as speaker:
            speaker.start()
            speaker.voices()
        print(f"worker start (fresh Speaker to first reply): {time.perf_counter() - start:.3f} s")
        if args.long:
            long_text = _texts(args.long)
            long_words = len(long_text.split())
            elapsed, seconds, cpu = _ours(long_text, folder / "long.wav")
            print(
                f"{long_words} words -> {seconds / 60:.1f} min of audio "
                f"(estimate {estimate_seconds(long_words) / 60:.1f} min) in {elapsed:.2f} s wall, "
                f"{cpu:.2f} s CPU (all processes)"
            )


if __name__ == "__main__":
    main()
