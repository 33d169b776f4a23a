"""The stage registry, input errors and the one-call API."""

from __future__ import annotations

import pytest

import muni_ie
from muni_ie import Pipeline, register_stage
from muni_ie.errors import (
    DecodingError,
    EmptyTextError,
    InputTypeError,
    NotPersianError,
    PipelineError,
    TextTooLongError,
)
from muni_ie.text.validate import validate_text

SEED_LIKE = ("رضا امینی، مدیرکل امور شهری و شهرداری‌های استانداری سمنان گفت: چهار شهر سمنان، شاهرود، "
             "دامغان و گرمسار شهرهای بالای ۵۰ هزار نفر جمعیت استان هستند.\nوی افزود: ۱۷ شهر زیر ۵۰ هزار نفر هستند.")


def test_extract_returns_a_document_whose_record_follows_the_schema():
    rec = muni_ie.extract(SEED_LIKE, id="x1").to_dict()
    assert rec["id"] == "x1" and rec["schema"] == "muni_ie/1"
    for field in ("entities", "officials", "places", "organizations", "facts", "events"):
        assert isinstance(rec[field], list)
    assert [o["name"] for o in rec["officials"]] == ["رضا امینی"]
    speakers = [e["speaker"] for e in rec["events"] if e["type"] == "statement"]
    assert speakers == ["رضا امینی", "رضا امینی"]


def test_every_entity_span_points_at_its_text_in_the_original():
    raw = SEED_LIKE.replace("ی", "ي").replace("ک", "ك")
    rec = muni_ie.extract(raw).to_dict()
    assert rec["entities"]
    for e in rec["entities"]:
        assert raw[e["start"]:e["end"]] == e["text"]


@pytest.mark.parametrize("bad, error", [
    ("", EmptyTextError), ("   \n\t ", EmptyTextError), (None, InputTypeError), (42, InputTypeError),
    ("The mayor of Tehran said the budget grew.", NotPersianError),
    ("سلام".encode("cp1256"), DecodingError),
])
def test_bad_input_raises_a_clear_error(bad, error):
    with pytest.raises(error):
        muni_ie.extract(bad)


def test_utf8_bytes_are_accepted():
    assert muni_ie.extract(SEED_LIKE.encode("utf-8")).officials


def test_oversized_text_is_refused():
    with pytest.raises(TextTooLongError):
        validate_text("شهر " * 100, max_chars=50)


def test_unknown_stage_and_missing_requirement_fail_at_build_time():
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(["segment", "no_such_stage"])
    with pytest.raises(PipelineError, match="requires"):
        Pipeline(["statements"])  # needs sentences from "segment"


def test_stages_can_be_added_removed_and_replaced_by_name():
    @register_stage("count_words", requires=("sentences",), provides=("word_count",))
    def make_counter():
        def run(doc):
            doc.user_data["word_count"] = len(doc.text.split())
        return run

    nlp = Pipeline().add("count_words", after="segment")
    assert nlp.stages[1] == "count_words"
    doc = nlp(SEED_LIKE)
    assert doc.user_data["word_count"] == len(doc.text.split())
    without_facts = Pipeline().remove("facts")
    assert "facts" not in without_facts.stages and without_facts(SEED_LIKE).facts == []


def test_records_validate_against_the_shipped_json_schema(seeds, corpus):
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads((resources.files("muni_ie") / "schema/muni_ie-1.schema.json").read_text(encoding="utf-8"))
    for art in seeds + corpus:
        jsonschema.validate(muni_ie.extract(art["text"], id=art["id"]).to_dict(), schema)
    jsonschema.validate({"id": "x", "schema": "muni_ie/1", "error": "empty: text is empty"}, schema)


def test_statements_of_a_speaker_never_named_are_kept_apart():
    rec = muni_ie.extract("رئیس کمیسیون عمران مجلس نیز از اختصاص اعتبار خبر داد و گفت: این اعتبار کافی است.").to_dict()
    assert all(e["speaker"] for e in rec["events"] if e["type"] == "statement")
    assert [s["speaker"] for s in rec["unresolved_statements"]] == [None]


def test_extract_many_keeps_order_in_one_and_two_processes():
    texts = [(SEED_LIKE, "a"), ("شهردار همدان گفت: ۵۰۰۰ پروژه شهری اجرا شد.", "b")]
    one = [d.to_dict() for d in muni_ie.extract_many(texts, workers=1)]
    two = [d.to_dict() for d in muni_ie.extract_many(texts, workers=2)]
    assert [r["id"] for r in one] == ["a", "b"] and one == two


@pytest.mark.parametrize("text", [
    SEED_LIKE,  # the quick bound: Arabic-block characters alone are a third of all characters
    "شهر " + "12345, 67890; " * 20,  # below that bound (as all that follow), counted: all letters are Persian
    "Tehran: شهرداری 1400-1401, 2020-2021",  # 6 Latin letters, 7 Persian: a third is enough
    "\ufeb3\ufefc\ufee1 " * 5,  # presentation forms, outside the Arabic block, are Arabic script too
])
def test_persian_enough_is_accepted(text):
    assert validate_text(text) == text


@pytest.mark.parametrize("text", [
    "The mayor of Tehran (شهردار) said the budget grew.",
    "۱۲۳۴ ۵۶۷۸ ۹۰",  # passes the quick bound, but there is no letter at all
    "\u064e\u064f\u060c " * 50 + "abc",  # diacritics and commas are in the Arabic block but not Arabic script
])
def test_too_little_persian_is_refused(text):
    with pytest.raises(NotPersianError):
        validate_text(text)


def test_arabic_block_outsiders_are_exactly_the_non_arabic_script_characters():
    import regex

    from muni_ie.text.validate import _NOT_ARABIC_IN_BLOCK

    block = "".join(map(chr, range(0x600, 0x700)))
    assert _NOT_ARABIC_IN_BLOCK.findall(block) == regex.findall(r"\P{Arabic}", block)


def test_arabic_block_count_is_exact():
    import random

    import regex

    from muni_ie.text.validate import _arabic_in_block

    block = "".join(map(chr, range(0x600, 0x700)))
    # neighbours whose low byte or high byte alone is that of an Arabic-block character
    others = "\u0006\u0028\u0128\u0528\u0706\u2006\ufb50\U00010628 a،"
    rng = random.Random(0)
    for text in [block, others, *("".join(rng.choices(block + others, k=300)) for _ in range(50))]:
        expected = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff" and regex.match(r"\p{Arabic}", ch))
        assert _arabic_in_block(text) == expected


def test_a_document_is_validated_once_and_the_batch_limit_applies(monkeypatch):
    from muni_ie import pipeline
    from muni_ie.batch import process
    from muni_ie.corpus_io import InputDoc

    calls = []
    monkeypatch.setattr(pipeline, "validate_text", lambda text, **kw: calls.append(kw) or validate_text(text, **kw))
    assert process(InputDoc("a", SEED_LIKE, "test"))["officials"]
    assert len(calls) == 1
    assert process(InputDoc("b", SEED_LIKE, "test"), max_chars=50)["error"].startswith("too_long")
    with pytest.raises(TextTooLongError):
        Pipeline()(SEED_LIKE, max_chars=50)
