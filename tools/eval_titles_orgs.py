"""Score the title and organization recognizers on the dev + seed gold, like shared/eval/score.py.

Organizations: OrganizationRecognizer on normalize(text), deduplicated by key, matched to gold
greedily at bigram Dice >= 0.8. Titles: recall = gold titles (of all officials) that some
TitleMention matches at Dice >= 0.7; precision = title mentions (distinct per doc) that match some
gold title (an approximation: the real score only counts titles of matched officials).
``--general N`` also runs both on N general_sample articles and prints the most frequent finds
(false-positive review) and the speed.

Run: .venv/bin/python tools/eval_titles_orgs.py [--errors] [--general 500] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from muni_ie.evaluate import greedy_pairs as greedy
from muni_ie.recognizers.organizations import OrganizationRecognizer
from muni_ie.recognizers.phrase_grammar import PhraseGrammar
from muni_ie.recognizers.titles import TitleRecognizer
from muni_ie.text.keys import dice, key
from muni_ie.text.normalize import normalize


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})"


def load(shared: Path) -> list[tuple[str, str, dict]]:
    texts = {d["id"]: d["text"] for f in ("eval/dev.texts.jsonl", "seeds/seeds.jsonl") for d in jsonl(shared / f)}
    return [(g["id"], normalize(texts[g["id"]]).text, g)
            for f in ("eval/dev.gold.jsonl", "eval/seeds.gold.jsonl") for g in jsonl(shared / f)]


def jsonl(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def recognizers(gazetteer: bool):
    """Both recognizers over one grammar; ``gazetteer=False`` runs it without place names."""
    grammar = PhraseGrammar(places=None if gazetteer else ())
    orgs = OrganizationRecognizer(grammar)
    return orgs, TitleRecognizer(grammar, orgs)


def evaluate(docs, show_errors: bool, orgs, titles) -> None:
    o_acc, t_tp, t_fn, tp_pred, n_pred = [0, 0, 0], 0, 0, 0, 0
    for doc_id, text, gold in docs:
        pred = list({key(o.name): o.name for o in orgs.find(text)}.values())
        gorg = [o for o in gold.get("organizations", []) if o]
        pairs = greedy(gorg, pred, 0.8)
        o_acc[0] += len(pairs)
        o_acc[1] += len(pred) - len(pairs)
        o_acc[2] += len(gorg) - len(pairs)
        tm = list({key(t.text): t.text for t in titles.find(text)}.values())
        gt = [t for o in gold.get("officials", []) for t in o.get("titles", []) if t]
        missed = [g for g in gt if not any(dice(g, p) >= 0.7 for p in tm)]
        t_tp, t_fn = t_tp + len(gt) - len(missed), t_fn + len(missed)
        extra = [p for p in tm if not any(dice(g, p) >= 0.7 for g in gt)]
        n_pred, tp_pred = n_pred + len(tm), tp_pred + len(tm) - len(extra)
        if show_errors:
            used_g, used_p = {i for i, _ in pairs}, {j for _, j in pairs}
            for i, g in enumerate(gorg):
                if i not in used_g:
                    print(f"[{doc_id}] ORG FN  {g}")
            for j, p in enumerate(pred):
                if j not in used_p:
                    print(f"[{doc_id}] ORG FP  {p}")
            for g in missed:
                print(f"[{doc_id}] TITLE FN  {g}   | found: {' ; '.join(tm)}")
            for p in extra:
                print(f"[{doc_id}] TITLE FP  {p}")
    print("organizations:", prf(*o_acc))
    print(f"titles: recall={t_tp / max(1, t_tp + t_fn):.3f} ({t_tp}/{t_tp + t_fn}) "
          f"precision~={tp_pred / max(1, n_pred):.3f} ({tp_pred}/{n_pred})")


def general(shared: Path, n: int, orgs, titles) -> None:
    arts = [normalize(d["text"]).text for d in jsonl(shared / "data/news/general_sample.jsonl", n)]
    oc, tc, chars = Counter(), Counter(), 0
    t0 = time.perf_counter()
    for text in arts:
        oc.update(o.name for o in orgs.find(text))
        tc.update(t.text for t in titles.find(text))
        chars += len(text)
    dt = time.perf_counter() - t0
    print(f"general: {n} articles, {chars / 1e6:.2f}M chars, {dt:.2f}s for both recognizers "
          f"({1000 * dt / n:.2f} ms/article); {sum(oc.values())} org and {sum(tc.values())} title mentions")
    print("top orgs:", "; ".join(f"{k}×{v}" for k, v in oc.most_common(80)))
    print("top titles:", "; ".join(f"{k}×{v}" for k, v in tc.most_common(80)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--general", type=int, default=0)
    ap.add_argument("--no-gazetteer", action="store_true", help="run the grammar without place names")
    a = ap.parse_args()
    orgs, titles = recognizers(not a.no_gazetteer)
    evaluate(load(a.shared), a.errors, orgs, titles)
    if a.general:
        general(a.shared, a.general, orgs, titles)


if __name__ == "__main__":
    main()
