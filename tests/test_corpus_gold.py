"""Checks that the bundled corpus (corpus/articles.jsonl + corpus/gold.jsonl) is well-formed.

The gold follows /work/shared/eval/GUIDELINES.md; string checks use the scorer's own
key() («شهرداریها» and «شهرداری‌ها» share one key), loaded from score.py when present.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SCORE_PY = Path(os.environ.get("MUNI_IE_SCORE_PY", ROOT.parent / "shared" / "eval" / "score.py"))

UNITS = {"percent", "count", "person", "IRR", "toman", "USD", "EUR", "m", "km", "m2",
         "hectare", "m3", "liter", "kg", "ton", "MW", "year", "month", "week", "day",
         "hour", "minute", "unit"}
CMPS = {"=", ">", "<", ">=", "<=", "~"}
PLACE_TYPES = {"province", "county", "city", "village", "country"}
GOLD_KEYS = {"id", "officials", "places", "organizations", "facts", "meetings"}


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ARTICLES = _read_jsonl(CORPUS / "articles.jsonl")
GOLD = _read_jsonl(CORPUS / "gold.jsonl")
TEXTS = {a["id"]: a["text"] for a in ARTICLES}
GOLD_IDS = [g["id"] for g in GOLD]


@pytest.fixture(scope="module")
def score() -> ModuleType:
    if not SCORE_PY.is_file():
        pytest.skip(f"scorer not found at {SCORE_PY}")
    spec = importlib.util.spec_from_file_location("muni_ie_eval_score", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_ids_match_one_to_one() -> None:
    art_ids = [a["id"] for a in ARTICLES]
    assert len(art_ids) == len(set(art_ids)) == 15
    assert sorted(art_ids) == sorted(GOLD_IDS)
    assert all(set(a) == {"id", "text"} for a in ARTICLES)


@pytest.mark.parametrize("art", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_article_length(art: dict) -> None:
    assert 800 <= len(art["text"]) <= 2500


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_gold_shape(gold: dict) -> None:
    assert set(gold) == GOLD_KEYS
    for o in gold["officials"]:
        assert isinstance(o["name"], str) and o["name"].strip()
        assert all(isinstance(t, str) and t for t in o["titles"])
        assert isinstance(o["statements"], int) and o["statements"] >= 0
    for p in gold["places"]:
        assert p["type"] in PLACE_TYPES, p
    assert len({(p["name"], p["type"]) for p in gold["places"]}) == len(gold["places"])
    assert all(isinstance(o, str) and o for o in gold["organizations"])


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_facts_closed_sets(gold: dict) -> None:
    for f in gold["facts"]:
        assert f["unit"] in UNITS, f
        assert f["cmp"] in CMPS, f
        assert isinstance(f["value"], (int, float)) and not isinstance(f["value"], bool), f
        assert f["of"] is None or isinstance(f["of"], str)
        assert isinstance(f.get("optional", False), bool)


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_fact_text_is_verbatim_surface(gold: dict) -> None:
    text = TEXTS[gold["id"]]
    for f in gold["facts"]:
        assert f["text"] in text, f


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_fact_text_key_in_article_key(gold: dict, score: ModuleType) -> None:
    tkey = score.key(TEXTS[gold["id"]])
    for f in gold["facts"]:
        assert score.key(f["text"]) in tkey, f


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_official_surname_in_article(gold: dict, score: ModuleType) -> None:
    tkey = score.key(TEXTS[gold["id"]])
    for o in gold["officials"]:
        surname = o["name"].split()[-1]
        assert score.key(surname) in tkey, o["name"]


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_bylines_and_photo_credits_are_not_officials(gold: dict, score: ModuleType) -> None:
    # «عکس: X» and a short name alone on the last line credit the piece, not a person in it.
    lines = [ln.strip() for ln in TEXTS[gold["id"]].splitlines() if ln.strip()]
    credits = [re.sub(r"^عکس\s*:\s*", "", ln) for ln in lines if ln.startswith("عکس")]
    if len(lines[-1].split()) <= 3 and not re.search(r"[.:،؛]", lines[-1]):
        credits.append(lines[-1])
    names = {score.name_key(o["name"]) for o in gold["officials"]}
    assert not names & {score.name_key(c) for c in credits}


@pytest.mark.parametrize("gold", GOLD, ids=GOLD_IDS)
def test_meetings(gold: dict, score: ModuleType) -> None:
    tkey = score.key(TEXTS[gold["id"]])
    for m in gold["meetings"]:
        assert set(m) == {"name", "ordinal", "place", "venue"}
        assert m["ordinal"] is None or (isinstance(m["ordinal"], int) and m["ordinal"] > 0)
        assert score.key(m["name"]) in tkey, m
        if m["venue"] is not None:
            assert score.key(m["venue"]) in tkey, m


def test_gold_scores_perfectly_against_itself(score: ModuleType, tmp_path: Path, capsys) -> None:
    """Gold turned into a muni_ie/1 record must score 1.0: the files load in the real scorer."""
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for g in GOLD:
            events = [{"type": "statement", "speaker": o["name"]}
                      for o in g["officials"] for _ in range(o["statements"])]
            events += [{"type": "meeting", **m} for m in g["meetings"]]
            rec = {"id": g["id"], "schema": "muni_ie/1", "officials": g["officials"],
                   "places": g["places"], "organizations": g["organizations"],
                   "facts": [f for f in g["facts"] if not f.get("optional")], "events": events}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    assert score.main([str(CORPUS / "gold.jsonl"), str(pred), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["macro_f1"] == 1.0 and not res["missing"]
