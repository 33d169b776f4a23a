#!/usr/bin/env python3
"""Score the meeting recognizer on the dev + seed gold, like /work/shared/eval/score.py does.

usage: eval_meetings.py [--set dev|corpus|all] [--no-places] [--sample N] [--quiet]

Runs ``MeetingRecognizer`` on ``normalize(text).text`` of every dev and seed document (``--set
corpus``: the bundled corpus/ of this repository; ``all``: both), matches
predicted names to gold names greedily at character-bigram Dice >= 0.6 (the scorer's rule) and
prints P/R/F1, the misses and false hits, and ordinal/place/venue accuracy on matched meetings.
Place names given to the recognizer are the gold places of the document (a stand-in for the
place recognizer); ``--no-places`` runs its fallback instead. ``--sample N`` lists what it finds
in the first N general_sample.jsonl articles, to read for junk. Reads ../shared by path only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from pathlib import Path

from muni_ie.events.meetings import MeetingRecognizer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _normalize(text: str) -> str:
    try:
        from muni_ie.text.normalize import normalize
    except ImportError:
        return text
    return normalize(text).text


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold_set(which: str) -> tuple[dict[str, str], list[dict]]:
    sets = {"dev": ([EVAL / "dev.texts.jsonl", SHARED / "seeds" / "seeds.jsonl"],
                    [EVAL / "dev.gold.jsonl", EVAL / "seeds.gold.jsonl"]),
            "corpus": ([ROOT / "corpus" / "articles.jsonl"], [ROOT / "corpus" / "gold.jsonl"])}
    names = list(sets) if which == "all" else [which]
    texts = {d["id"]: d["text"] for n in names for p in sets[n][0] for d in _jsonl(p)}
    return texts, [g for n in names for p in sets[n][1] for g in _jsonl(p)]


def evaluate(use_places: bool, quiet: bool, which: str = "dev") -> dict:
    sc = _scorer()
    texts, gold = _gold_set(which)
    rec = MeetingRecognizer()
    tp = fp = fn = 0
    attr = {"ordinal": [0, 0], "place": [0, 0], "venue": [0, 0]}
    for g in gold:
        text = _normalize(texts[g["id"]])
        places = [p["name"] for p in g.get("places", [])] if use_places else []
        pred = rec.find(text, places)
        gm = g.get("meetings", [])
        pairs = sc.greedy_match([m["name"] for m in gm], [m.name for m in pred], sc.dice, 0.6)
        tp, fp, fn = tp + len(pairs), fp + len(pred) - len(pairs), fn + len(gm) - len(pairs)
        for i, j in pairs:
            for k, counts in attr.items():
                want, got = gm[i].get(k), getattr(pred[j], k)
                ok = want == got if k == "ordinal" else sc.key(want) == sc.key(got)
                counts[0] += ok
                counts[1] += 1
                if not ok and not quiet:
                    print(f"  {g['id']} {k}: want {want!r} got {got!r}  [{gm[i]['name']}]")
        if not quiet:
            for i in sorted(set(range(len(gm))) - {i for i, _ in pairs}):
                print(f"  MISS {g['id']}: {gm[i]['name']}")
            for j in sorted(set(range(len(pred))) - {j for _, j in pairs}):
                print(f"  FALSE {g['id']}: {pred[j].name}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"meetings  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp} fp {fp} fn {fn}; docs {len(gold)};"
          f" place names {'gold' if use_places else 'none'})")
    print("  on matched: " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in attr.items()))
    return {"p": p, "r": r, "f1": f}


def sample(n: int) -> None:
    rec = MeetingRecognizer()
    docs = _jsonl(SHARED / "data" / "news" / "general_sample.jsonl")[:n]
    t0, found, chars = time.perf_counter(), 0, 0
    for d in docs:
        text = _normalize(d["text"])
        chars += len(text)
        for m in rec.find(text):
            found += 1
            print(f"{d['id']}\t{m.name}\t{m.ordinal}\t{m.place}\t{m.venue}\t{len(m.mentions)}")
    dt = time.perf_counter() - t0
    print(f"{found} meetings in {len(docs)} articles; {chars / dt / 1e6:.2f} M chars/s incl. normalize")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("dev", "corpus", "all"), default="dev")
    ap.add_argument("--no-places", action="store_true")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.sample:
        sample(args.sample)
    else:
        evaluate(not args.no_places, args.quiet, args.set)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
