#!/usr/bin/env python3
"""Score PlaceRecognizer on the dev + seed gold, and look for false hits in general news.

usage: tools/eval_places.py [--shared ../shared] [--errors] [--fp N] [--speed N]

Scores like shared/eval/score.py: per document, the set of name keys ("places") and of
(name key, type) pairs ("places_typed"), summed over documents into P/R/F1.
--fp N lists the 30 most frequent matched surfaces in the first N general_sample articles;
--speed N times find() over N articles (normalization not included).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from muni_ie.recognizers.places import PlaceRecognizer
from muni_ie.text.keys import key
from muni_ie.text.normalize import normalize


def load_jsonl(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {(d := json.loads(line))["id"]: d for line in fh if line.strip()}


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp} fp {fp} fn {fn})"


def score(shared: Path, show_errors: bool) -> None:
    ev = shared / "eval"
    gold = {**load_jsonl(ev / "dev.gold.jsonl"), **load_jsonl(ev / "seeds.gold.jsonl")}
    texts = {**load_jsonl(ev / "dev.texts.jsonl"), **load_jsonl(shared / "seeds" / "seeds.jsonl")}
    rec = PlaceRecognizer()
    counts = {"places": [0, 0, 0], "places_typed": [0, 0, 0]}
    for doc_id, g in gold.items():
        text = normalize(texts[doc_id]["text"]).text
        pred = {(key(p.name), p.type) for p in rec.find(text)}
        want = {(key(p["name"]), p["type"]) for p in g["places"]}
        for name, gs, ps in (("places_typed", want, pred),
                             ("places", {n for n, _ in want}, {n for n, _ in pred})):
            c = counts[name]
            c[0] += len(gs & ps)
            c[1] += len(ps - gs)
            c[2] += len(gs - ps)
        if show_errors and want != pred:
            print(f"{doc_id}: missed {sorted(want - pred)} extra {sorted(pred - want)}")
    print(f"docs {len(gold)}")
    for name, c in counts.items():
        print(f"{name:13} {prf(*c)}")


def general(shared: Path, n: int) -> list[str]:
    out = []
    with open(shared / "data" / "news" / "general_sample.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            out.append(normalize(json.loads(line)["text"]).text)
    return out


def false_hits(shared: Path, n: int) -> None:
    rec, surf = PlaceRecognizer(), Counter()
    for text in general(shared, n):
        for p in rec.find(text):
            surf[(text[p.start:p.end], p.type)] += 1
    print(f"top surfaces in {n} general articles:")
    for (s, t), c in surf.most_common(int(__import__("os").environ.get("TOP", 30))):
        print(f"{c:6}  {s}  {t}")


def speed(shared: Path, n: int) -> None:
    texts = general(shared, n)
    rec = PlaceRecognizer()
    rec.find(texts[0])
    t0 = time.perf_counter()
    found = sum(len(rec.find(t)) for t in texts)
    dt = time.perf_counter() - t0
    chars = sum(map(len, texts))
    print(f"{n} articles, {chars / 1e6:.1f}M chars, {found} mentions: {dt:.2f}s "
          f"({1000 * dt / n:.2f} ms/article)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", action="store_true", help="list per-document differences")
    ap.add_argument("--fp", type=int, default=0, metavar="N")
    ap.add_argument("--speed", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    score(args.shared, args.errors)
    if args.fp:
        false_hits(args.shared, args.fp)
    if args.speed:
        speed(args.shared, args.speed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
