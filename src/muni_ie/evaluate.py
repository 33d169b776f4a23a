"""Scoring ``muni_ie/1`` records against gold annotations (GUIDELINES.md format).

The same rules as the project's reference scorer, written independently: officials and
statements by name key, titles and meeting names by bigram Dice, places by (key, type),
facts by (value, unit) with optional gold absorbing predictions, and provenance: every
predicted span must point at the text it claims.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .text.keys import dice, key, name_key

CATEGORIES = ("officials", "titles", "places", "places_typed", "organizations", "facts", "statements", "meetings")
MACRO = ("officials", "titles", "places", "facts", "statements", "meetings")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _bag(gold: list, pred: list) -> tuple[int, int, int]:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def greedy_pairs(gold: list, pred: list, threshold: float, sim=dice) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs, most similar first, each item used once."""
    scored = sorted(((sim(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    gi, pj, out = set(), set(), []
    for s, i, j in scored:
        if s < threshold:
            break
        if i not in gi and j not in pj:
            gi.add(i)
            pj.add(j)
            out.append((i, j))
    return out


def _fact_sig(f: dict) -> tuple[float | None, str]:
    try:
        v = round(float(f.get("value")), 3)
    except (TypeError, ValueError):
        v = None
    return v, str(f.get("unit") or "").strip()


class Scorer:
    def __init__(self) -> None:
        self.t = {c: Tally() for c in CATEGORIES}
        self.cmp = [0, 0]
        self.of = [0, 0]
        self.prov = [0, 0]
        self.docs = 0
        self.missing: list[str] = []
        self.errors: list[str] = []

    def add(self, gold: dict[str, Any], pred: dict[str, Any] | None, text: str | None = None) -> None:
        self.docs += 1
        if pred is None:
            self.missing.append(gold["id"])
            pred = {}
        elif pred.get("error"):
            self.errors.append(gold["id"])
        self._people(gold, pred)
        gpl = {(key(p["name"]), p.get("type")) for p in gold.get("places", [])}
        ppl = {(key(p.get("name")), p.get("type")) for p in pred.get("places") or []}
        self.t["places_typed"].add(*_bag(list(gpl), list(ppl)))
        self.t["places"].add(*_bag(list({n for n, _ in gpl}), list({n for n, _ in ppl})))
        gorg = gold.get("organizations", [])
        porg = [o.get("name") if isinstance(o, dict) else o for o in pred.get("organizations") or []]
        n = len(greedy_pairs(gorg, porg, 0.8))
        self.t["organizations"].add(n, len(porg) - n, len(gorg) - n)
        self._facts(gold, pred)
        gm = [m["name"] for m in gold.get("meetings", [])]
        pm = [e.get("name") for e in pred.get("events") or [] if e.get("type") == "meeting"]
        n = len(greedy_pairs(gm, pm, 0.6))
        self.t["meetings"].add(n, len(pm) - n, len(gm) - n)
        if text is not None:
            self._provenance(pred, text)

    def _people(self, gold: dict, pred: dict) -> None:
        gnames = {name_key(o["name"]): o for o in gold.get("officials", [])}
        pnames: dict[str, dict] = {}
        for o in pred.get("officials") or []:
            pnames.setdefault(name_key(o.get("name")), o)
        self.t["officials"].add(*_bag(list(gnames), list(pnames)))
        for k, go in gnames.items():
            gt, pt = go.get("titles", []), (pnames.get(k) or {}).get("titles") or []
            n = len(greedy_pairs(gt, pt, 0.7))
            self.t["titles"].add(n, len(pt) - n, len(gt) - n)
        for k, po in pnames.items():
            if k not in gnames:
                self.t["titles"].add(0, len(po.get("titles") or []), 0)
        gs = [name_key(o["name"]) for o in gold.get("officials", []) for _ in range(int(o.get("statements", 0)))]
        ps = [name_key(e["speaker"]) if e.get("speaker") else "<unresolved>"
              for e in pred.get("events") or [] if e.get("type") == "statement"]
        self.t["statements"].add(*_bag(gs, ps))

    def _facts(self, gold: dict, pred: dict) -> None:
        req = Counter(_fact_sig(f) for f in gold.get("facts", []) if not f.get("optional"))
        opt = Counter(_fact_sig(f) for f in gold.get("facts", []) if f.get("optional"))
        pf = pred.get("facts") or []
        got = Counter(_fact_sig(f) for f in pf)
        tp = sum((req & got).values())
        self.t["facts"].add(tp, sum(((got - req) - opt).values()), sum(req.values()) - tp)
        gf = [f for f in gold.get("facts", []) if not f.get("optional")]
        same = lambda a, b: 1.0 if _fact_sig(a) == _fact_sig(b) else 0.0
        for i, j in greedy_pairs(gf, pf, 1.0, same):
            g, p = gf[i], pf[j]
            self.cmp[0] += (g.get("cmp") or "=") == (p.get("cmp") or "=")
            self.cmp[1] += 1
            if g.get("of"):
                head = key(g["of"].split()[0])
                self.of[0] += bool(head) and head in key(p.get("of"))
                self.of[1] += 1

    def _provenance(self, pred: dict, text: str) -> None:
        spans = [((e.get("start"), e.get("end")), e.get("text")) for e in pred.get("entities") or []]
        spans += [((f.get("start"), f.get("end")), f.get("text")) for f in pred.get("facts") or [] if "start" in f]
        for group in ("officials", "places", "organizations"):
            for o in pred.get(group) or []:
                if isinstance(o, dict):
                    spans += [(tuple(m), None) for m in o.get("mentions") or []]
        for (s, e), want in spans:
            ok = isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)
            if ok and want is not None:
                got = key(text[s:e])
                ok = got == key(want) or bool(got and got in key(want)) or key(want) in got
            self.prov[0] += ok
            self.prov[1] += 1

    def result(self) -> dict[str, Any]:
        res: dict[str, Any] = {c: self.t[c].prf() for c in CATEGORIES}
        res["provenance_ok"] = round(self.prov[0] / self.prov[1], 4) if self.prov[1] else None
        res["fact_cmp_acc"] = round(self.cmp[0] / self.cmp[1], 4) if self.cmp[1] else None
        res["fact_of_acc"] = round(self.of[0] / self.of[1], 4) if self.of[1] else None
        res.update(docs=self.docs, missing=self.missing, errors=self.errors)
        res["macro_f1"] = round(sum(res[c]["f1"] for c in MACRO) / len(MACRO), 4)
        return res


def load_jsonl(path: str) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                out[str(obj["id"])] = obj
    return out


def evaluate(gold_path: str, pred_path: str, texts_path: str | None = None) -> dict[str, Any]:
    gold, pred = load_jsonl(gold_path), load_jsonl(pred_path)
    texts = {k: v["text"] for k, v in load_jsonl(texts_path).items()} if texts_path else {}
    scorer = Scorer()
    for gid, g in gold.items():
        scorer.add(g, pred.get(gid), texts.get(gid))
    return scorer.result()


def format_table(res: dict[str, Any]) -> str:
    lines = [f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for c in CATEGORIES:
        r = res[c]
        lines.append(f"{c:16}{r['p']:7.3f}{r['r']:7.3f}{r['f1']:7.3f}{r['tp']:6}{r['fp']:6}{r['fn']:6}")
    lines.append(f"fact cmp accuracy {res['fact_cmp_acc']}, fact 'of' accuracy {res['fact_of_acc']}, "
                 f"provenance ok {res['provenance_ok']}")
    lines.append(f"docs {res['docs']}, missing {len(res['missing'])}, errors {len(res['errors'])}")
    lines.append(f"macro F1 {res['macro_f1']}")
    return "\n".join(lines)
