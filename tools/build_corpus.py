"""Build corpus/articles.jsonl and corpus/gold.jsonl from tools/corpus_src/articles_src.py (original texts, CC BY 4.0)."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools/corpus_src"))
from articles_src import A

ZWNJ = "\u200c"
AR = str.maketrans({"ی": "ي", "ک": "ك"})


def surface(s, tf):
    s = s.replace("_", ZWNJ)
    if "strip" in tf:
        s = s.replace(ZWNJ, "")
    if "space" in tf:
        s = s.replace(ZWNJ, " ")
    if "arabic" in tf:
        s = s.translate(AR)
    if "crlf" in tf:
        s = s.replace("\n", "\r\n")
    return s


def std(s):
    return None if s is None else s.replace("_", ZWNJ)


arts, golds = [], []
for a in A:
    src = a["text"]
    assert "ي" not in src and "ك" not in src, a["id"]
    text = surface(src, a["tf"])
    g = a["gold"]
    facts = []
    for f in g["facts"]:
        value, unit, of, cmp, t = f[:5]
        d = {"value": value, "unit": unit, "of": std(of), "cmp": cmp, "text": surface(t, a["tf"])}
        if len(f) > 5 and f[5]:
            d["optional"] = True
        assert d["text"] in text, (a["id"], d["text"])
        facts.append(d)
    gold = {
        "id": a["id"],
        "officials": [{"name": std(n), "titles": [std(t) for t in ts], "statements": k}
                      for n, ts, k in g["officials"]],
        "places": [{"name": std(n), "type": t} for n, t in g["places"]],
        "organizations": [std(o) for o in g["organizations"]],
        "facts": facts,
        "meetings": [{"name": std(n), "ordinal": o, "place": std(p), "venue": std(v)}
                     for n, o, p, v in g["meetings"]],
    }
    arts.append({"id": a["id"], "text": text})
    golds.append(gold)
    print(a["id"], len(text), a["tf"])

with open(ROOT / "corpus/articles.jsonl", "w", encoding="utf-8", newline="\n") as fh:
    fh.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in arts)
with open(ROOT / "corpus/gold.jsonl", "w", encoding="utf-8", newline="\n") as fh:
    fh.writelines(json.dumps(x, ensure_ascii=False) + "\n" for x in golds)
