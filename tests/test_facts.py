"""muni_ie.recognizers.facts: the examples corpus and behaviour on real-looking Persian news text."""

from __future__ import annotations

import pytest

from muni_ie.recognizers.facts import Fact, find_facts, slash_decimals_reversed
from muni_ie.resources import packaged_rows

EXAMPLES = packaged_rows("examples/facts.tsv")  # (text, expected) rows


def _expected(spec: str) -> list[tuple[float, str, str, str | None]]:
    if spec == "-":
        return []
    out = []
    for item in spec.split(" | "):
        parts = item.split()
        out.append((float(parts[0]), parts[1], parts[2], parts[3] if len(parts) > 3 else None))
    return out


@pytest.mark.parametrize(("sentence", "spec"), EXAMPLES)
def test_corpus(sentence: str, spec: str) -> None:
    facts = find_facts(sentence)
    for f in facts:
        assert sentence[f.start:f.end] == f.text
    want = _expected(spec)
    assert [(round(float(f.value), 3), f.unit, f.cmp) for f in facts] == [(v, u, c) for v, u, c, _ in want]
    for f, (_, _, _, head) in zip(facts, want):
        if head is not None:
            assert f.of is not None and head in f.of.split()  # the scorer's test: gold head word in `of`


def test_fact_record() -> None:
    (f,) = find_facts("بیش از ۸۰ درصد جمعیت استان")
    assert f == Fact(0, 14, 80, "percent", "جمعیت استان", ">", "بیش از ۸۰ درصد")
    assert f.to_dict()["unit"] == "percent"
    assert isinstance(f.value, int)


def test_arabic_letters_and_nbsp() -> None:
    text = "با اعتباري\u00a0 بالغ\u00a0 بر يك  هزار ميليارد ريال و 65 پيمانكار"
    facts = find_facts(text)
    assert [(f.value, f.unit) for f in facts] == [(10**12, "IRR"), (65, "count")]
    assert all(text[f.start:f.end] == f.text for f in facts)


def test_unit_on_next_line() -> None:
    (f,) = find_facts("مسير به طول 25\nكيلومتر")
    assert (f.value, f.unit) == (25, "km")


def test_slash_reversal_vote() -> None:
    assert slash_decimals_reversed("5/27 درصد و 1/9/82")
    assert not slash_decimals_reversed("۱۲/۵ درصد و ۱۴۰۳/۰۵/۲۰")
    assert not slash_decimals_reversed("2/8 میلیارد")  # no evidence either way: read as written
    # the archives that reversed digit runs are the ones still written with Arabic ي/ك
    assert slash_decimals_reversed("اعتبار 2/8 ميليارد تومان براي كاهش آلودگي")
    assert not slash_decimals_reversed("غنی‌سازی ۳/۶۷ درصد که کمتر از سقف است")
    assert find_facts("2/8 میلیارد تومان", slash_reversed=True)[0].value == 8_200_000_000


def test_no_facts_in_plain_prose() -> None:
    assert find_facts("شهردار همدان در دومین گردهمایی گفت که یکی از اولویت‌ها نه تنها نظافت است.") == []


@pytest.mark.parametrize("text", ["بیش از ۸۰ درصد", "بیشاز ۸۰ درصد", "در حدود ۵ نفر", "حدوداً ۳ نفر", "بالغ بر در ۲ تن",
                                  "کمتر از\u200c ۴ سال", "۵ نفر", "از ۵ نفر", "تا\n۹ روز", "زیر۷ درصد"])
def test_comparator_is_searched_only_where_one_can_end(text: str) -> None:
    """The cheap test on the text before a number never hides a comparator the regex would find."""
    from muni_ie.numbers.finder import find_numbers
    from muni_ie.recognizers.facts import _attach_cmp, _Cand, _key, _lexicon

    for s in find_numbers(text):
        c = _Cand(s, float(s.value), s.scale, s.end)
        _attach_cmp(text, c)
        m = _lexicon().cmp_re.search(text, max(0, s.start - 30), s.start)
        assert (c.cmp_start, c.cmp) == ((m.start("cmp"), _lexicon().cmps[_key(m.group("cmp"))]) if m else (None, "="))
