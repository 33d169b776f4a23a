"""PlaceRecognizer on real Persian text: the example corpus, offsets, data files and the seed gold."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from muni_ie.recognizers.places import PlaceMention, PlaceRecognizer, surface_key
from muni_ie.resources import data_path, read_rows
from muni_ie.text.normalize import normalize


def _examples() -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in read_rows(data_path("examples/places.tsv"))]


@pytest.fixture(scope="module")
def rec() -> PlaceRecognizer:
    return PlaceRecognizer()


def _show(found: list[PlaceMention]) -> str:
    return " | ".join(f"{p.name}:{p.type}:{p.province}" for p in found) or "-"


@pytest.mark.parametrize(("sentence", "expected"), _examples())
def test_example_corpus(rec: PlaceRecognizer, sentence: str, expected: str) -> None:
    found = rec.find(normalize(sentence).text)
    want = [] if expected == "-" else [e.split(":") for e in expected.split(" | ")]
    assert len(found) == len(want), _show(found)
    for got, w in zip(found, want, strict=True):
        assert (got.name, got.type) == (w[0], w[1]), _show(found)
        if len(w) > 2:
            assert got.province == w[2], _show(found)


def test_offsets_index_the_raw_text_with_arabic_letters(rec: PlaceRecognizer) -> None:
    raw = "شهردار ياسوج و استاندار كرمانشاه ديدار كردند"  # Arabic ي/ك, not normalized
    found = rec.find(raw)
    assert [raw[p.start:p.end] for p in found] == ["ياسوج", "كرمانشاه"]
    assert [(p.name, p.type) for p in found] == [("یاسوج", "city"), ("کرمانشاه", "province")]


def test_city_carries_its_hierarchy_and_official_id(rec: PlaceRecognizer) -> None:
    (p,) = rec.find("شهردار شاهرود گفت")
    assert (p.province, p.county) == ("سمنان", "شاهرود")
    assert p.id and p.id.isdigit()
    (c,) = rec.find("مردم ایران رای دادند")
    assert (c.type, c.province, c.id) == ("country", None, "IR")


def test_ambiguous_town_follows_the_province_the_article_names(rec: PlaceRecognizer) -> None:
    # «سردشت» is a town in West Azerbaijan and in Khuzestan (and Hormozgan)
    west = rec.find("در استان آذربایجان غربی، شهردار سردشت گفت")
    south = rec.find("در استان خوزستان، شهردار سردشت گفت")
    assert west[-1].province == "آذربایجان غربی"
    assert south[-1].province == "خوزستان"


def test_data_loads_once_per_process() -> None:
    assert PlaceRecognizer()._index is PlaceRecognizer()._index


def test_gazetteer_counts_match_the_official_divisions() -> None:
    kinds = Counter(r[1] for r in read_rows(data_path("gazetteer.tsv")))
    assert kinds["province"] == 31 and kinds["county"] == 482
    assert 1400 <= kinds["city"] <= 1460
    assert all(r[6] for r in read_rows(data_path("gazetteer.tsv")))  # every row has a surface form
    assert len(read_rows(data_path("countries.tsv"))) >= 190


def test_surface_key_ignores_zwnj_space_and_hamza_spelling() -> None:
    assert surface_key("فرون‌آباد") == surface_key("فرون آباد") == surface_key("فرونآباد")
    assert surface_key("قائم‌شهر") == surface_key("قایمشهر")


def test_real_news_offsets_are_sound(rec: PlaceRecognizer, news_sample: list[dict]) -> None:
    for art in news_sample:
        text = normalize(art["text"]).text
        for p in rec.find(text):
            assert 0 <= p.start < p.end <= len(text)
            assert text[p.start:p.end].strip() == text[p.start:p.end]
            assert p.type in ("province", "county", "city", "village", "country")


def test_seed_gold_places_are_found(rec: PlaceRecognizer, seeds: list[dict], shared) -> None:
    lines = (shared / "eval/seeds.gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {g["id"]: g for g in map(json.loads, filter(None, lines))}
    for seed in seeds:
        found = {(surface_key(p.name), p.type) for p in rec.find(normalize(seed["text"]).text)}
        want = {(surface_key(p["name"]), p["type"]) for p in gold[seed["id"]]["places"]}
        assert want <= found, sorted(want - found)
        assert len(found - want) <= 1, sorted(found - want)


@pytest.mark.parametrize("text", ["استان سمنان", "استان  سمنان", "استان\u200c سمنان", "x_1 سمنان", "«استان» سمنان",
                                  "استان\nسمنان", "سمنان", " سمنان", "شهرداری\u200cها سمنان", "a" * 40 + " سمنان",
                                  "«استان سمنان", "x«استان\u200c_ سمنان", "در استان سمنان"])
def test_word_before_a_name_reads_like_the_regex(text: str) -> None:
    """The fast reading of the word before a name agrees with the ``_TAIL`` search it spares."""
    from muni_ie.recognizers.places import _TAIL, _word_before

    pos = text.rindex("سمنان")
    m = _TAIL.search(text, max(0, pos - 30), pos)
    assert _word_before(text, pos) == (m.span(1) if m else None)


def test_names_at_the_start_and_one_mark_apart(rec: PlaceRecognizer) -> None:
    """The scan consumes the character before a name: a name at offset 0, and names one «،» apart."""
    text = "تهران،سمنان و استان گلستان و ایران خودرو"
    assert [(text[p.start:p.end], p.type) for p in rec.find(text)] == [
        ("تهران", "city"), ("سمنان", "city"), ("گلستان", "province")]  # «ایران خودرو» is a company


def test_every_name_opens_and_ends_in_a_word_character() -> None:
    """The name scan consumes the character before a name (``places._compile``): no name may
    start or end in a non-word character, or one name could take the character another needs."""
    import re

    for path in ("gazetteer.tsv", "countries.tsv"):
        for r in read_rows(data_path(path)):
            for v in r[6].split("|"):
                assert re.fullmatch(r"\w(?:.*\w)?", v), v
