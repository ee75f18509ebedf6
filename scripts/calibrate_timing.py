"""Fit the speaking-time estimate of newsbrief.timing against real eSpeak NG audio.

Speech scripts are made from the BBC dev articles in ``../shared/data`` (read at
run time, never copied): the first sentences of an article, passed through
:func:`newsbrief.render.spoken.speakable`. Each script is synthesised with the
``espeak-ng`` command line at several rates and its WAV duration measured with
:mod:`wave`. A least-squares fit gives seconds per syllable, per word, per
sentence end and per pause mark, at the reference rate; the estimate scales
the speech part by ``reference_rate / rate``.

Usage::

    python3 scripts/calibrate_timing.py [--articles 60] [--rates 150,175,220]

Needs numpy and espeak-ng. Prints the fitted constants and the error of the
current :func:`newsbrief.timing.estimate_script_seconds` on held-back scripts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsbrief.model import Article  # noqa: E402
from newsbrief.render.spoken import speakable  # noqa: E402
from newsbrief.timing import estimate_script_seconds, script_features  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "bbc_news_summary" / "dev.jsonl"


def synthesize_seconds(text: str, rate: int, folder: Path) -> float:
    out = folder / "out.wav"
    subprocess.run(
        ["espeak-ng", "-s", str(rate), "-w", str(out), "--stdin"],
        input=text.encode("utf-8"),
        check=True,
        capture_output=True,
    )
    with wave.open(str(out)) as wav:
        return wav.getnframes() / wav.getframerate()


def scripts(count: int) -> list[str]:
    out: list[str] = []
    with DATA.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if len(out) >= count:
                break
            item = json.loads(line)
            article = Article.from_text(item["text"], title=item["title"])
            take = 1 + index % 9  # 1 to 9 sentences: short and long scripts
            sentences = [speakable(s.text) for s in article.sentences[:take]]
            out.append(" ".join([speakable(article.headline) + ".", *sentences]))
    return out


def main() -> None:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rates", default="150,175,220")
    args = parser.parse_args()
    rates = [int(r) for r in args.rates.split(",")]
    texts = scripts(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = []
        for rate in rates:
            for text in texts:
                seconds = synthesize_seconds(text, rate, folder)
                rows.append((rate, text, seconds))
    train = [r for i, r in enumerate(rows) if i % 4]
    test = [r for i, r in enumerate(rows) if not i % 4]

    def design(rate: int, text: str) -> list[float]:
        f = script_features(text)
        scale = 175.0 / rate
        return [f.letters * scale, f.words * scale, f.stops * scale, f.commas * scale]

    x = np.array([design(rate, text) for rate, text, _ in train])
    y = np.array([seconds for _, _, seconds in train])
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    names = ["letter", "word", "stop", "comma"]
    fitted_constants = {n: round(float(c), 4) for n, c in zip(names, coef, strict=True)}
    print("fitted at rate 175 (seconds):", fitted_constants)
    for label, data in (("train", train), ("test", test)):
        fitted = [float(np.dot(design(rate, t), coef)) for rate, t, _ in data]
        current = [estimate_script_seconds(t, rate) for rate, t, _ in data]
        real = [s for _, _, s in data]
        for name, est in (("fit", fitted), ("current", current)):
            errors = [abs(e - r) / r for e, r in zip(est, real, strict=True)]
            worst = max(errors)
            mean = sum(errors) / len(errors)
            print(f"{label} {name}: mean error {mean:.1%}, worst {worst:.1%}, n={len(errors)}")
    words = sum(script_features(t).words for _, t, _ in rows)
    total = sum(s for _, _, s in rows)
    print(f"{len(rows)} scripts, {words} words, {total:.0f} s of audio")
    for rate in rates:
        w = sum(script_features(t).words for r, t, _ in rows if r == rate)
        s = sum(sec for r, _, sec in rows if r == rate)
        print(f"rate {rate}: effective {w / s * 60:.1f} words per minute")


if __name__ == "__main__":
    main()
