"""Normalization: letters, digits, junk, spacing — and the way back to the original."""

from __future__ import annotations

import random
import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from muni_ie import normalize
from muni_ie.text.alignment import AlignedText
from muni_ie.text.keys import key
from muni_ie.text.normalize import _ARABIC, fold

ZWNJ = "\u200c"


def test_arabic_letters_and_digits_are_unified():
    n = normalize("كاهش آلودگي هوا ۱۲٫۵ و ١٢ درصد")
    assert n.text == "کاهش آلودگی هوا 12٫5 و 12 درصد"


def test_number_separators_are_kept():
    assert normalize("۲٫۵ میلیون و ۱٬۰۰۰ نفر و 2/8").text == "2٫5 میلیون و 1٬000 نفر و 2/8"


def test_diacritics_kashida_and_bidi_junk_are_removed():
    n = normalize("اَلسَّلامُ شهـــرداری\u200fتهران\u200b")
    assert n.text == "السلام شهرداری" + "تهران"


def test_space_before_punctuation_is_dropped_and_sentences_get_a_space():
    assert normalize("گفت : سلام ، دنیا.شهر").text == "گفت: سلام، دنیا. شهر"


def test_zwnj_next_to_space_and_repeated_zwnj_collapse():
    assert normalize("شهرداری\u200c\u200cها و \u200cمردم").text == f"شهرداری{ZWNJ}ها و مردم"


def test_crlf_and_double_spaces():
    n = normalize("شهردار  گفت:\r\nسلام")
    assert n.text == "شهردار گفت:\nسلام"


def test_original_span_points_back_into_messy_text():
    raw = "  شهرداريهاي  تهـــران ، ۹۸ مسئله"
    n = normalize(raw)
    i = n.text.index("تهران")
    a, b = n.original_span(i, i + len("تهران"))
    assert raw[a:b] == "تهـــران"
    j = n.text.index("98")
    assert raw[slice(*n.original_span(j, j + 2))] == "۹۸"


def _same(raw: str) -> str:
    """The scorer's key, also blind to the soft hyphen some sites use for ZWNJ."""
    return key(raw.replace("\u00ad", ""))


def _check_random_spans(raw: str, rng: random.Random, tries: int = 60) -> None:
    n = normalize(raw)
    for _ in range(tries):
        s = rng.randrange(0, len(n.text) + 1)
        e = rng.randrange(s, len(n.text) + 1)
        a, b = n.original_span(s, e)
        assert 0 <= a <= b <= len(raw)
        assert _same(raw[a:b]) == _same(n.text[s:e])


def test_offsets_round_trip_on_seeds_and_real_news(seeds, news_sample):
    rng = random.Random(7)
    for art in seeds + news_sample:
        _check_random_spans(art["text"], rng)


_alphabet = st.sampled_from(list("شهرداریها كيۀة ۱۲٫٠ \u200c\u064e\u0640\u200f:،.\n\r") + ["می", "ها"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_alphabet, min_size=1, max_size=60).map("".join), st.randoms())
def test_original_span_always_lands_inside_and_covers_the_same_characters(raw, rng):
    _check_random_spans(raw, rng, tries=20)


def test_hard_wrapped_archives_are_unwrapped_but_paragraph_ends_kept():
    lines = ["این مراسم با حضور محمدحسن ملک مدنی شهردار تهران، عباس دوزدوزانی رئیس شورای اسلامی",
             "شهر تهران و تعدادی از مسئولان برگزار شد و شهردار", "تهران در این مراسم گفت: کار مترو",
             "ادامه دارد و تا سال آینده", "به پایان می‌رسد.", "وی افزود: خط یک", "تا میدان تجریش می‌رسد."]
    raw = "\n".join(lines)
    n = normalize(raw)
    assert "اسلامی شهر تهران" in n.text and "شهردار تهران در" in n.text
    assert "می\u200cرسد.\nوی افزود" in n.text  # a line that ends a sentence still ends its paragraph
    i = n.text.index("اسلامی شهر")
    assert raw[slice(*n.original_span(i, i + len("اسلامی شهر")))] == "اسلامی\nشهر"


def test_short_texts_keep_their_line_breaks():
    assert normalize("عنوان خبر\nمتن خبر").text == "عنوان خبر\nمتن خبر"


@pytest.mark.parametrize(("raw", "expected"), [
    ("است.شهر", "است. شهر"), ("گفت:سلام", "گفت: سلام"), ("2.5 و 3.شهر", "2.5 و 3.شهر"),
    ("است.\u064eشهر", "است.شهر"), ("است.\u0656شهر", "است.شهر"),  # junk after the mark goes, no space comes
    ("گفت :سلام", "گفت:سلام"), ("گفت  :سلام", "گفت:سلام"),
    ("شهر \nتهران", "شهر\nتهران"), ("شهر\n تهران", "شهر\nتهران"), ("شهر \r\nتهران", "شهر \nتهران"),
    ("شهر\u200c\nتهران", "شهر\nتهران"), ("شهر \u200cها", "شهر ها"), ("شهر\u200c ها", "شهر ها"),
    ("شهر\u200c\u200cها", f"شهر{ZWNJ}ها"), ("(\u200cشهر)", "(شهر)"), ("شهر\u200c2", "شهر2"),
    ("\u200cشهر\u200c", "شهر"), ("شهر   تهران", "شهر تهران"), ("شهر\u00a0\u00a0تهران", "شهر تهران"),
    (" شهر ", " شهر "), ("شهر \u200c", "شهر "),
])
def test_spacing_fixes(raw, expected):
    assert normalize(raw, repair_zwnj=False).text == expected


def test_arabic_class_is_the_unicode_arabic_script():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert re.findall(f"[{_ARABIC}]", every) == regex.findall(r"\p{Arabic}", every)


def test_fold_replaces_only_what_the_table_maps():
    assert fold("كيك ۱۲ \u00a0x\u064e") == "کیک 12  x\u064e"  # a diacritic is not folded, only deleted by normalize
    assert fold("شهر") == "شهر"


def _dense_apply(starts, ends, n_orig, edits):
    """The per-character model of AlignedText.apply, to check the sparse one against."""
    new_starts, new_ends, pos = [], [], 0
    for a, b, rep in edits:
        new_starts += starts[pos:a]
        new_ends += ends[pos:a]
        lo = starts[a] if a < len(starts) else n_orig
        hi = ends[b - 1] if b > a else lo
        new_starts += [lo] * len(rep)
        new_ends += [hi] * len(rep)
        pos = b
    return new_starts + starts[pos:], new_ends + ends[pos:]


@st.composite
def _edit_rounds(draw):
    text = draw(st.text(alphabet="abcd", min_size=0, max_size=30))
    rounds, length = [], len(text)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8)))
        edits = [(a, b, draw(st.text(alphabet="xyz", max_size=3))) for a, b in zip(cuts[::2], cuts[1::2])]
        rounds.append(edits)
        length += sum(len(rep) - (b - a) for a, b, rep in edits)
    return text, rounds


@settings(max_examples=300, deadline=None)
@given(_edit_rounds())
def test_sparse_alignment_matches_the_per_character_model(case):
    text, rounds = case
    aligned, starts, ends = AlignedText(text), list(range(len(text))), list(range(1, len(text) + 1))
    for edits in rounds:
        aligned = aligned.apply(edits)
        starts, ends = _dense_apply(starts, ends, len(text), edits)
        assert len(aligned.text) == len(starts)
        for i in range(len(starts)):
            assert aligned.original_span(i, i + 1) == (starts[i], max(starts[i], ends[i]))
            assert aligned.original_span(i, i) == (starts[i], starts[i])
        assert aligned.original_span(len(starts), len(starts)) == (len(text), len(text))



def test_fold_keeps_folding_after_the_first_junk_character():
    # the search for mapped characters goes on past junk, which only the cleanup deletes
    assert fold("\u064bكي\u0640۱") == "\u064bکی\u06401"
    assert normalize("\u064bكي\u0640۱").text == "کی1"


def test_a_one_character_replacement_keeps_the_range_of_what_it_replaces():
    raw = "ab  cd"
    t = AlignedText(raw).apply([(2, 4, " ")])  # "ab cd": the space stands for two
    t = t.apply([(1, 1, "x"), (2, 3, ZWNJ), (3, 4, "C")])  # "axb\u200cCd"
    assert t.text == f"axb{ZWNJ}Cd"
    assert [t.original_span(i, i + 1) for i in range(len(t.text))] == [(0, 1), (1, 1), (1, 2), (2, 4), (4, 5), (5, 6)]
    assert t.original_span(2, 5) == (1, 5) and t.original_span(3, 3) == (2, 2)
