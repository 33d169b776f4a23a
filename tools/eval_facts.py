#!/usr/bin/env python3
"""Score muni_ie.recognizers.facts on the dev and seed gold, with the scorer's own facts rule.

usage: python tools/eval_facts.py [--shared ../shared] [--errors] [--docs ID,ID]

Runs ``find_facts`` on ``normalize(text).text`` of every dev + seed document and feeds the facts
to ``score_doc`` of shared/eval/score.py (required gold must be found; optional gold absorbs
predictions; multiset of (round(value, 3), unit)). Prints P/R/F1, cmp and `of`-head accuracy,
and with --errors the misses and false positives per document.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

from muni_ie.recognizers.facts import find_facts, slash_decimals_reversed

ROOT = Path(__file__).resolve().parent.parent


def _normalizer():
    try:
        from muni_ie.text.normalize import normalize
    except ImportError:  # stand-in while the normalizer is not there
        from muni_ie.numbers.words import fold
        return fold
    return lambda t: normalize(t).text


def _load_jsonl(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {str(o["id"]): o for o in map(json.loads, filter(str.strip, fh))}


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("muni_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _docs(shared: Path) -> list[tuple[dict, str]]:
    out = []
    for gold_name, text_path in (("dev.gold.jsonl", shared / "eval" / "dev.texts.jsonl"),
                                 ("seeds.gold.jsonl", shared / "seeds" / "seeds.jsonl")):
        gold, texts = _load_jsonl(shared / "eval" / gold_name), _load_jsonl(text_path)
        out += [(g, texts[k]["text"]) for k, g in gold.items()]
    return out


def _errors(gold: dict, preds: list[dict], sig) -> list[str]:
    req = Counter(sig(f) for f in gold["facts"] if not f.get("optional"))
    opt = Counter(sig(f) for f in gold["facts"] if f.get("optional"))
    got = Counter(sig(f) for f in preds)
    lines = [f"  MISS {v} {u}  «{f['text']}»" for (v, u), n in (req - got).items()
             for f in [next(g for g in gold["facts"] if sig(g) == (v, u))]]
    for f in preds:
        if got[sig(f)] > req[sig(f)] + opt[sig(f)]:
            lines.append(f"  FP   {sig(f)[0]} {f['unit']} cmp={f['cmp']}  «{f['text']}» of={f['of']}")
            got[sig(f)] -= 1
    return lines


def _of_errors(gold: dict, preds: list[dict], score) -> list[str]:
    """Matched facts whose `of` lacks the first word of the gold `of` (the scorer's test)."""
    gf = [f for f in gold["facts"] if not f.get("optional")]
    same = lambda a, b: 1.0 if score.fact_sig(a) == score.fact_sig(b) else 0.0
    out = []
    for i, j in score.greedy_match(gf, preds, same, 1.0):
        g, p = gf[i], preds[j]
        if g.get("of") and score.key(g["of"].split()[0]) not in score.key(p.get("of")):
            out.append(f"  OF   «{p['text']}» gold={g['of']!r} got={p.get('of')!r}")
        if (g.get("cmp") or "=") != p["cmp"]:
            out.append(f"  CMP  «{p['text']}» gold={g.get('cmp')} got={p['cmp']}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--docs", default="")
    args = ap.parse_args(argv)
    score, norm = _scorer(args.shared), _normalizer()
    acc = {n: score.PRF() for n in ("officials", "titles", "places", "places_typed", "organizations", "facts",
                                    "statements", "meetings", "provenance", "fact_cmp", "fact_cmp_n",
                                    "fact_of", "fact_of_n")}
    wanted = set(filter(None, args.docs.split(",")))
    for gold, raw in _docs(args.shared):
        if wanted and gold["id"] not in wanted:
            continue
        text = norm(raw)
        preds = [f.to_dict() for f in find_facts(text, slash_reversed=slash_decimals_reversed(raw))]
        score.score_doc(gold, {"facts": preds}, None, acc, [])
        errs = _errors(gold, preds, score.fact_sig) + _of_errors(gold, preds, score)
        if args.errors and errs:
            print(f"## {gold['id']}")
            print("\n".join(errs))
    r = acc["facts"].row()
    cmp_n, of_n = acc["fact_cmp_n"].tp, acc["fact_of_n"].tp
    print(f"facts P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")
    print(f"cmp accuracy {acc['fact_cmp'].tp}/{cmp_n}, of-head accuracy {acc['fact_of'].tp}/{of_n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
