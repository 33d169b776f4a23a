"""ZWNJ repair: the examples corpus, whole words that must stay whole, and the edit contract."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muni_ie.resources import data_path, read_rows
from muni_ie.text.zwnj import ZWNJ, ZwnjRepair, _pair_cover, load_lexicon

EXAMPLES = [(r[0], r[1]) for r in read_rows(data_path("examples/zwnj.tsv"))]

# Words that contain «می», «ها», «تر», «به», «هم» … without being compounds (hazm cuts «میدانی»).
WHOLE = ["میدانی", "میلیون", "میز", "میراث", "همین", "همه", "بهار", "بهره", "بهتر", "بهداشت", "همدان",
         "میانه", "مهندس", "میوه", "میهمان", "میزان", "مینا", "تهران", "تنها", "بهمن", "همراه", "دختر",
         "دفتر", "کلانتری", "شاهدانه", "کمتر", "بیشتر"]


@pytest.fixture(scope="module")
def zr() -> ZwnjRepair:
    return ZwnjRepair()


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_examples(zr: ZwnjRepair, text: str, expected: str) -> None:
    assert zr.repair(text) == expected


def test_examples_corpus_covers_the_brief() -> None:
    inputs = {t for t, _ in EXAMPLES}
    for word in ("شهرداریها", "بهویژه", "میشود", "می شود", "نمیتوان", "بزرگترین", "بزرگ ترین",
                 "کمبرخوردار", "دستهبندی", "خانهای", "سیفالسادات", "فرجالله", "امیدیپور", "کوچهباغ",
                 "ماشینآلات", "امکانپذیر", "شهرداری ها"):
        assert word in inputs


@pytest.mark.parametrize("word", WHOLE)
def test_whole_words_stay_whole(zr: ZwnjRepair, word: str) -> None:
    assert zr.edits(word) == []
    assert zr.repair(f"در {word}، و {word} را دید") == f"در {word}، و {word} را دید"


def test_space_becomes_zwnj_only_for_bound_parts(zr: ZwnjRepair) -> None:
    text = "این کار می شود و شهرداری ها بزرگ ترین سهم را به عنوان مالک دارند"
    out = zr.repair(text)
    assert "می\u200cشود" in out and "شهرداری\u200cها" in out and "بزرگ\u200cترین" in out
    assert "به عنوان" in out  # «به عنوان» with a space is standard too: left alone
    assert [e for e in zr.edits(text) if e[1] == e[0] + 1] == [(e[0], e[0] + 1, ZWNJ) for e in zr.edits(text)]


def test_edits_only_insert_or_replace_a_space(zr: ZwnjRepair) -> None:
    text = "شهرداریها و دهیاریهای کشور می شود بزرگترین\nپروژههای شهر، میدانی و امیدیپور."
    edits = zr.edits(text)
    assert edits, "this text needs repair"
    last = -1
    for start, end, rep in edits:
        assert rep == ZWNJ
        assert start >= last  # sorted, non-overlapping
        assert end == start or (end == start + 1 and text[start] == " ")
        last = end
    out = zr.repair(text)
    assert out.replace(ZWNJ, "").replace(" ", "") == text.replace(" ", "")
    assert "می\u200cشود" in out and "میدانی" in out and "امیدی\u200cپور" in out


def test_existing_zwnj_are_kept(zr: ZwnjRepair) -> None:
    text = "شهرداری\u200cها و دهیاریهای کشور به\u200cویژه می\u200cشود"
    out = zr.repair(text)
    assert out == "شهرداری\u200cها و دهیاری\u200cهای کشور به\u200cویژه می\u200cشود"
    assert all(e[0] != i for e in zr.edits(text) for i, ch in enumerate(text) if ch == ZWNJ)


def test_offsets_index_the_given_text(zr: ZwnjRepair) -> None:
    text = "«شهرداریها» (2 می 2020) اعلام کرد: نمیتوان."
    for start, end, _ in zr.edits(text):
        assert 0 < start < len(text)
    assert zr.repair(text) == "«شهرداری\u200cها» (2 می 2020) اعلام کرد: نمی\u200cتوان."


def test_repair_is_idempotent(zr: ZwnjRepair) -> None:
    for text, expected in EXAMPLES:
        assert zr.edits(expected) == [], text


def test_lexicon_is_loaded_once() -> None:
    assert ZwnjRepair().lexicon is ZwnjRepair().lexicon is load_lexicon()


def test_custom_lexicon(tmp_path) -> None:
    path = tmp_path / "lex.tsv"
    path.write_text("# test lexicon\nz\tکوچه\u200cباغ\t1\nw\tکوچه\t1\n", encoding="utf-8")
    assert ZwnjRepair(str(path)).repair("کوچهباغ میشود") == "کوچه\u200cباغ میشود"  # no verb stems here


_PERSIAN = st.text(alphabet=list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ \u200c،.0123456789\n"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(_PERSIAN)
def test_contract_on_arbitrary_text(zr: ZwnjRepair, text: str) -> None:
    edits = zr.edits(text)
    last = -1
    for start, end, rep in edits:
        assert rep == ZWNJ and start >= last and 0 <= start <= len(text)
        assert end == start or (end == start + 1 and text[start] == " ")
        last = end
    out = zr.repair(text)
    assert out.count(ZWNJ) == text.count(ZWNJ) + len(edits)
    assert out.replace(ZWNJ, "").replace(" ", "") == text.replace(ZWNJ, "").replace(" ", "")


def test_memo_is_bounded() -> None:
    zr = ZwnjRepair()
    zr._MEMO_LIMIT = 5
    for i in range(30):
        text = f"شهرداریها {i} و می شود x{i}"
        assert zr.repair(text) == f"شهرداری\u200cها {i} و می\u200cشود x{i}"
    assert len(zr._chunks) < 20


def test_normalize_repairs_zwnj() -> None:
    from muni_ie.text.normalize import normalize

    assert normalize("شهرداريها و دهياريهاي كشور مي شود").text == (
        "شهرداری\u200cها و دهیاری\u200cهای کشور می\u200cشود")


def test_words_next_to_marks_the_text_is_not_cut_at(zr: ZwnjRepair) -> None:
    # the chunk beside the space holds a word and a mark: its edge word decides
    assert zr.repair("5-شهرداری ها") == "5-شهرداری\u200cها"
    assert zr.repair("می شود-5") == "می\u200cشود-5"
    assert zr.repair("x.می شود و شهرداری ها-2") == "x.می\u200cشود و شهرداری\u200cها-2"


def test_may_after_a_number_even_when_the_text_is_cut(zr: ZwnjRepair) -> None:
    assert zr.repair("5 می شود") == "5 می شود"  # «۵ می»: the month May
    assert zr.repair("5، می شود") == "5، می\u200cشود"  # a comma between: «می» is the prefix
    assert zr.repair("گفت: می شود") == "گفت: می\u200cشود"


def test_only_words_a_rule_may_cut_are_analysed(zr: ZwnjRepair) -> None:
    an = zr._an
    for word, fixed in [("امیدیپور", "امیدی\u200cپور"), ("شهرداریهایمان", "شهرداری\u200cهایمان"),
                        ("سیفالسادات", "سیف\u200cالسادات")]:  # in no lexicon: the rules cut them
        assert an.may_split(word) and an.analyze(word) == fixed
    assert not an.may_split("زخرفک") and an.analyze("زخرفک") is None and zr.repair("زخرفک") == "زخرفک"


def test_pair_cover() -> None:
    counts = {"a": 5, "b": 10, "c": 1, "d": 20, "e": 7}
    pairs = [("a", "b"), ("c", "a"), ("a", "d"), ("e", "e")]
    # the rarer word of each pair, less «c»: its only pair is covered by «a»; «e e» needs «e»
    assert _pair_cover(pairs, counts) == {"a", "e"}
    lex = load_lexicon()
    cover = _pair_cover(sorted(lex.space_pairs), lex.counts)
    assert all(a in cover or b in cover for a, b in lex.space_pairs)
