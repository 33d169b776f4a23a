"""muni_ie.numbers: the examples corpus, a num2fawords oracle, and traps in running text."""

from __future__ import annotations

import random

import num2fawords
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muni_ie.numbers import NumberSpan, find_numbers, parse_number, parse_ordinal
from muni_ie.resources import packaged_rows

PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


EXAMPLES = packaged_rows("examples/numbers.tsv")  # (text, expected) rows


@pytest.mark.parametrize(("phrase", "expected"), EXAMPLES)
def test_corpus(phrase: str, expected: str) -> None:
    got_n, got_o = parse_number(phrase), parse_ordinal(phrase)
    if expected == "None":
        assert (got_n, got_o) == (None, None)
    elif expected.startswith("ord:"):
        assert (got_n, got_o) == (None, int(expected[4:]))
    else:
        assert got_o is None
        assert got_n == pytest.approx(float(expected), rel=1e-12)
        assert isinstance(got_n, int) == float(expected).is_integer()


def _variants(words: str) -> list[str]:
    """The oracle's spelling plus the glued and ZWNJ spellings found in real news."""
    return [words, words.replace(" ", ""), words.replace(" و ", "\u200cو\u200c"), words.replace(" ", "\u200c")]


def test_oracle_round_trip() -> None:
    rng = random.Random(20240501)
    bad = []
    for _ in range(3000):
        n = rng.choice([rng.randint(0, 10**12), rng.randint(0, 10**9), rng.randint(0, 10**6), rng.randint(0, 999)])
        for phrase in _variants(num2fawords.words(n)):
            if parse_number(phrase) != n:
                bad.append((n, phrase))
    assert not bad[:5]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_oracle_property(n: int) -> None:
    assert parse_number(num2fawords.words(n)) == n


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999))
def test_ordinal_oracle(n: int) -> None:
    words = num2fawords.ordinal_words(n)  # «بیست و یکم»; num2fawords writes «سیم» for «سی‌ام»
    assert parse_ordinal(words) == n
    assert parse_ordinal(words + "ین") == n
    assert parse_number(words + "ین") is None


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_digits_all_scripts(n: int) -> None:
    for s in (str(n), f"{n:,}", f"{n:,}".replace(",", "٬")):
        assert parse_number(s) == n
        assert parse_number(s.translate(PERSIAN)) == n
        assert parse_number(s.translate(ARABIC)) == n


def test_mixed_digits_and_words() -> None:
    assert parse_number("۳ میلیون و ۲۰۰ هزار") == 3_200_000
    assert parse_number("2/8 ميليارد") == 2_800_000_000
    assert parse_number("هزار و ۳۰۰") == 1300
    assert parse_number("۱۵ هزار میلیارد") == 15 * 10**12


def _found(text: str) -> list[tuple[str, int | float, str]]:
    spans = find_numbers(text)
    for s in spans:
        assert isinstance(s, NumberSpan) and text[s.start:s.end] == s.text
    return [(s.text, s.value, s.kind) for s in spans]


def test_find_separates_neighbours() -> None:
    assert _found("در سال 84 حدود 9 ميليارد تومان") == [("84", 84, "number"), ("9 ميليارد", 9 * 10**9, "number")]
    assert _found("2 و 3 ساله") == [("2", 2, "number"), ("3", 3, "number")]
    assert _found("7 ميليارد و 860 ميليون و 67 هزار و 347 تومان")[0][1] == 7_860_067_347


def test_find_glued_and_words() -> None:
    found = _found("و10 هزار دستگاه، يكهزار دستگاه، مرز6 ميليون سفر و بيست و پنج نفر")
    assert [v for _, v, _ in found] == [10_000, 1000, 6_000_000, 25]
    assert _found("هزار و ۳۰۰ شهردار") == [("هزار و ۳۰۰", 1300, "number")]


def test_nine_is_not_always_nine() -> None:
    assert _found("نه تنها شهرداری، نه شورا") == []
    assert _found("نه نفر و بیست و نه درصد") == [("نه", 9, "number"), ("بیست و نه", 29, "number")]


def test_indefinite_one_is_flagged() -> None:
    spans = {s.text + " " + str(i): s.indefinite_candidate for i, s in enumerate(find_numbers(
        "این یک اصل است و یک شجاعت ویژه می‌خواهد؛ یک نفر و یک میلیون تومان و یکی از مدیران"))}
    assert list(spans.values()) == [True, True, False, False, True]


def test_words_are_whole_words() -> None:
    assert _found("نهاد سهم هشتگ دهیاری صدا و سیما هفته دوده ده‌ها صدها چند میلیون بی بی سی") == []


def test_dates_times_phones() -> None:
    kinds = [(t, k) for t, _, k in _found(
        "در تاریخ 1382/9/1 و ۱۴۰۳/۰۵/۲۰ ساعت 12:30 با ۰۲۱-۸۸۷۷۶۶۵۵ یا 09121234567 در ۱۵ مهر ۱۴۰۳ و سه‌شنبه")]
    assert kinds == [("1382/9/1", "date"), ("۱۴۰۳/۰۵/۲۰", "date"), ("12:30", "time"),
                     ("۰۲۱-۸۸۷۷۶۶۵۵", "phone"), ("09121234567", "phone"), ("۱۵ مهر ۱۴۰۳", "date"),
                     ("سه\u200cشنبه", "date")]


def test_decimals() -> None:
    assert [v for _, v, _ in _found("نرخ ۱۲/۵ درصد، ۱۲٫۵ و 3.5 و ۲٬۵۰۰ نفر")] == [12.5, 12.5, 3.5, 2500]


def test_ordinals_in_text() -> None:
    spans = find_numbers("دومین گردهمایی و چهل و هفتمین کلان‌شهر و ۲۱مین جشنواره")
    assert [(s.value, s.ordinal, s.kind) for s in spans] == [(2, True, "ordinal"), (47, True, "ordinal"),
                                                          (21, True, "ordinal")]


def test_scale_field() -> None:
    a, b = find_numbers("حدود 3 يا 4 ميليون مسافر")
    assert (a.scale, b.scale, b.value) == (1, 10**6, 4_000_000)


_TRICKY = [
    "(۱۲ نفر) «سه» جلسه\nو۲۰ نفر، ۱۲/۵/۳ و ۲.۵ ۱۲:۳۰ +98 912 123 4567",  # starts after non-space marks
    "۱۲ نفر در ماده۱۰ و بند۲الف و abc12 و ۳۴۵٬۶۷۸ تومان\tو سه\u200cهزار",  # digits glued to letters
    "سه تا\nوپنج   و  ده",  # «و» glued to a number after a newline
    "",
    "۵",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_candidate_search_finds_what_the_full_regex_finds(text: str) -> None:
    """The split searches for where a number can start give exactly ``full.finditer``."""
    from muni_ie.numbers.finder import _candidates, _scanner
    from muni_ie.numbers.words import fold

    folded = fold(text)
    full = [(m.span(m.lastgroup), m.lastgroup) for m in _scanner().full.finditer(folded)]
    assert [(m.span(m.lastgroup), m.lastgroup) for m in _candidates(folded)] == full
    assert full or not text


@pytest.mark.parametrize("text", ["سال ۵", "سال  \u200c۵", "قطعنامه\u200cی ۵", "x. \u200c۵", "۱۲ ۵", "ab² ۵",
                                  "ab\u200c\u200ccd ۵", "نود و ۵", "\n۵", "۵", "a" * 50 + " ۵", "a1b ۵"])
def test_word_before_reads_like_the_regex(text: str) -> None:
    """The backward reading of the word before a number agrees with the regex it replaces."""
    import re

    from muni_ie.numbers.finder import word_before

    prev = re.compile("([^\\W\\d_]+(?:\u200c[^\\W\\d_]+)*)[\\s\u200c]*$")
    pos = len(text) - 1
    m = prev.search(text, max(0, pos - 40), pos)
    assert word_before(text, pos) == (m.group(1) if m else "")


def test_one_token_numbers_skip_the_token_regex() -> None:
    """Plain digits and single lexicon words take a short path; its values match the long one."""
    assert [(s.value, s.ordinal, s.kind) for s in find_numbers("۱۴۰۳ دومین نخستین هزار نیم ۱۲.۵ ۲۱مین")] == [
        (1403, False, "number"), (2, True, "ordinal"), (1, True, "ordinal"), (1000, False, "number"),
        (0.5, False, "number"), (12.5, False, "number"), (21, True, "ordinal")]
    spans = find_numbers("۱۵ مهر و ۳ شنبه و سه شنبه، یک نفر و یک اصل")
    assert [(s.value, s.kind, s.indefinite_candidate) for s in spans] == [
        (15, "date", False), (3, "number", False), (3, "date", False), (1, "number", False), (1, "number", True)]


def test_found_tuples_are_the_spans_and_the_word_before() -> None:
    """``found_in_folded`` gives ``find_numbers``'s spans, each with the word before it read once."""
    from muni_ie.numbers.finder import found_in_folded, word_before
    from muni_ie.numbers.words import fold

    text = "در سال ۱۴۰۲ حدود سه میلیون و ۲۰۰ هزار نفر، ۱۲:۳۰ و ۱۵ مهر و دومین جلسه با ۰۹۱۲۱۲۳۴۵۶۷"
    folded = fold(text)
    found = found_in_folded(text, folded)
    assert [NumberSpan(*f[:8]) for f in found] == find_numbers(text)
    assert [(f.text, f.prev) for f in found] == [
        ("۱۴۰۲", "سال"), ("سه میلیون و ۲۰۰ هزار", "حدود"), ("۱۲:۳۰", ""), ("۱۵ مهر", "و"), ("دومین", "و"),
        ("۰۹۱۲۱۲۳۴۵۶۷", "")]
    assert all(f.prev == word_before(folded, f.start) for f in found if f.kind not in ("time", "phone"))


def test_a_phrase_read_once_is_judged_again_in_each_context() -> None:
    """The tokens and values of a phrase are cached by its surface; its neighbours are read every time."""
    text = "سه نفر و سه شنبه، یک نفر و یک اصل، ۱۵ نفر و ۱۵ مهر، نه نفر و نه تنها، سی نفر و بی بی سی، چند هزار و هزار نفر"
    spans = find_numbers(text) + find_numbers(text)  # the second pass reads every phrase from the cache
    assert [(s.text, s.kind, s.indefinite_candidate) for s in spans[:len(spans) // 2]] == [
        ("سه", "number", False), ("سه شنبه", "date", False), ("یک", "number", False), ("یک", "number", True),
        ("۱۵", "number", False), ("۱۵ مهر", "date", False), ("نه", "number", False), ("سی", "number", False),
        ("هزار", "number", False)]
    assert spans[:len(spans) // 2] == spans[len(spans) // 2:]


@pytest.mark.parametrize("filler", ["", "شهر ۱۲ ", "a" * 300 + " "])
def test_fold_of_short_and_whole_article_texts(filler: str) -> None:
    """Short strings are checked with a regex, long ones one folded character at a time: same fold."""
    from muni_ie.numbers.words import fold

    assert fold(filler + "كيك ۱۲") == filler.translate(PERSIAN_TO_ASCII) + "کیک 12"
    plain = filler.translate(PERSIAN_TO_ASCII) + "شهر 12"
    assert fold(plain) is plain  # nothing to fold: the text itself comes back


PERSIAN_TO_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


@pytest.mark.parametrize(("phrase", "value"), [
    ("\u0640دو", 2), ("\u064eدو", 2), (" دو", 2), ("\u200cدو", 2), ("منفی دو", -2), ("يك", 1), ("۱۲", 12),
    ("٫۵", None), ("دولت", None), ("شهر", None), ("", None), ("،", None),
])
def test_first_letter_gate_keeps_what_cleaning_would_turn_into_a_number(phrase: str, value) -> None:
    """Words are turned down on their first letter before cleaning, unless cleaning could change it."""
    from muni_ie.numbers.words import _may_be_number

    assert parse_number(phrase) == value
    assert _may_be_number(phrase) or value is None


def test_digit_values_with_separators() -> None:
    from fractions import Fraction

    from muni_ie.numbers.words import digit_value

    assert [digit_value(s) for s in ("125", "۱۲۵", "12.5", "0.01", "1.000", "1.000.000", "12,500", "۱۲٫۵", "007.50")] \
        == [125, 125, Fraction(25, 2), Fraction(1, 100), 1000, 10**6, 12500, Fraction(25, 2), Fraction(15, 2)]
