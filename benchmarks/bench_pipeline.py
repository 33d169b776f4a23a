"""Throughput of muni_ie against hazm on the same real articles, measured in one run.

    python benchmarks/bench_pipeline.py [--n 1000] [--workers 2] [--data ../shared/data/news/general_sample.jsonl]

Prints, for the same texts: muni_ie.normalize vs hazm Normalizer().normalize (MB/s and ratio),
the full muni_ie pipeline (1 process and N workers) vs hazm normalize + word_tokenize
(articles/s, MB/s, ratio), peak RSS of a worker, and the start-up time of
``import muni_ie`` + the first document in a fresh process. Ratios, not absolute times,
are what compares across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/data/news/general_sample.jsonl"


def load(path: Path, n: int) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    return texts


def timed(fn, texts) -> float:
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def startup_seconds() -> float:
    code = ("import time; t=time.perf_counter(); import muni_ie; "
            "muni_ie.extract('شهردار همدان گفت: ۷۰ درصد خدمات شهرداری غیرحضوری است.'); "
            "print(time.perf_counter()-t)")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    texts = load(Path(args.data), args.n)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} articles, {mb:.1f} MB")

    print(f"start-up (import muni_ie + first document, fresh process): {startup_seconds():.2f} s")

    from hazm import Normalizer, word_tokenize  # imported after the start-up probe

    import muni_ie
    from muni_ie.batch import _json_lines
    from muni_ie.corpus_io import InputDoc

    hz = Normalizer()
    muni_ie.extract(texts[0])  # load lexicons outside the timings
    hz.normalize(texts[0])

    t_hn = timed(hz.normalize, texts)
    t_mn = timed(muni_ie.normalize, texts)
    print(f"normalize: muni_ie {mb / t_mn:.2f} MB/s, hazm {mb / t_hn:.2f} MB/s, ratio {t_hn / t_mn:.2f}x")

    t_hz = timed(lambda t: word_tokenize(hz.normalize(t)), texts)
    ok = [t for t in texts if t.strip()]
    t_1 = timed(lambda t: muni_ie.extract(t), ok)
    print(f"hazm normalize+word_tokenize: {len(texts) / t_hz:.1f} articles/s, {mb / t_hz:.2f} MB/s")
    print(f"muni_ie full pipeline, 1 process: {len(ok) / t_1:.1f} articles/s, {mb / t_1:.2f} MB/s, "
          f"ratio to hazm {t_hz / t_1:.2f}x")

    items = [InputDoc(str(i), t, "bench") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    n = sum(1 for _ in _json_lines(items, 1, 1_000_000))
    t_w1 = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(1 for _ in _json_lines(items, args.workers, 1_000_000))
    t_wn = time.perf_counter() - t0
    print(f"batch to JSON lines: 1 worker {n / t_w1:.1f} docs/s, {args.workers} workers {n / t_wn:.1f} docs/s, "
          f"speed-up {t_w1 / t_wn:.2f}x")
    print(f"peak RSS per worker (muni-ie extract, {args.workers} workers, fresh process): {worker_rss(texts, args.workers):.0f} MB")


def worker_rss(texts: list[str], workers: int) -> float:
    """Largest RSS among the CLI and its workers, measured from a clean parent: forked from this
    process (which holds hazm too) the workers would count its pages as theirs."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                               for i, t in enumerate(texts)), encoding="utf-8")
        code = ("import resource, subprocess, sys; subprocess.run([sys.executable, '-m', 'muni_ie.cli', 'extract', "
                f"{str(src)!r}, '-o', {str(Path(tmp) / 'out.jsonl')!r}, '--quiet', '--workers', '{workers}'], "
                "check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        return float(out.stdout.strip())


if __name__ == "__main__":
    main()
