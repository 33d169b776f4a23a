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
    from muni_ie.numbers.finder import found_in_folded
    from muni_ie.numbers.words import fold
    from muni_ie.recognizers.facts import _attach_cmp, _Cand, _key, _lexicon

    for s in found_in_folded(text, fold(text)):
        c = _Cand(s, float(s.value), s.scale, s.end)
        _attach_cmp(_lexicon(), text, c)
        m = _lexicon().cmp_re.search(text, max(0, s.start - 30), s.start)
        assert (c.cmp_start, c.cmp) == ((m.start("cmp"), _lexicon().cmps[_key(m.group("cmp"))]) if m else (None, "="))


_PHRASES = [
    "۵ نفر از کارکنان خدمات شهری و فضای سبز منطقه دو شهرداری تهران",
    "۱۰ دستگاه اتوبوس و مینی‌بوس خریداری شد و ۵ نفر و است",
    "۳۰ درصد کار\nشد، ۲۰ متری\u200c\u200cخیابان  ۱۲ کیلومتر\nراه روستایی و\nشهری افزایش یافت",
    "مبلغ ۲۶۰ میلیارد ریال؛ (اعتبار) ۴۰۰ تومان مورد\u200cنیاز در ۲۰۲۳ بودجه\u200cی ۱۷ مورد",
    "قطعنامه\u200cی شورای اسلامی شهرستان\u200cهای بزرگ استان تهران و البرز و قزوین ۹۸ مسئله",
]


@pytest.mark.parametrize("text", _PHRASES)
def test_noun_phrases_read_like_the_word_by_word_loop(text: str) -> None:
    """``_noun_phrase`` (same-line words, the stopping word reused) and ``_noun_before`` (tokens read
    backwards) give what the plain loops give from every position."""
    import re

    from muni_ie.numbers import parse_number
    from muni_ie.recognizers.facts import _WORD, _Cand, _is_verb, _lexicon, _noun_before, _noun_phrase

    lex = _lexicon()
    stop = lex.roles["stop"]

    def phrase(pos: int, limit: int = 5) -> str | None:
        words: list[str] = []
        while len(words) < limit:
            m = _WORD.match(text, pos)
            if not m or "\n" in text[pos:m.start(1)]:
                break
            w = m.group(1)
            if w == "و" and words:
                nxt = _WORD.match(text, m.end())
                if not nxt or nxt.group(1) in stop or _is_verb(nxt.group(1)):
                    break
            elif w in stop or _is_verb(w) or parse_number(w) is not None:
                break
            words.append(w)
            pos = m.end()
        nxt = _WORD.match(text, pos)
        if words and nxt and _is_verb(nxt.group(1)):
            words.pop()
        while words and words[-1] == "و":
            words.pop()
        return " ".join(words) or None

    tokens = re.compile("[^\\W\\d_]+(?:\u200c[^\\W\\d_]+)*|\\d+|[^\\w\\s\u200c]")

    def before(pos: int, limit: int) -> str | None:
        out: list[str] = []
        for w in reversed(tokens.findall(text[max(0, pos - 60):pos])):
            if len(out) == limit or w in stop or not w[0].isalpha() or parse_number(w) is not None:
                break
            out.insert(0, w)
        return " ".join(out) or None

    for pos in range(len(text) + 1):
        assert _noun_phrase(lex, text, pos) == phrase(pos), pos
        assert _noun_phrase(lex, text, pos, 2) == phrase(pos, 2), pos
        c = _Cand(None, 0.0, 1, 0, cmp_start=pos)  # type: ignore[arg-type]
        assert _noun_before(lex, text, c) == before(pos, 3), pos
        assert _noun_before(lex, text, c, 1) == before(pos, 1), pos


def test_names_and_years_skip_the_window_analysis() -> None:
    """A number after a name head or a year head is no fact unless a unit follows it."""
    assert find_facts("منطقه ۲۲ شهرداری و سال ۸۴ و دی ۹۶ و خطوط ۱ و ۲ مترو") == []
    assert [(f.value, f.unit) for f in find_facts("بودجه ۱۰۰ میلیارد تومانی و منطقه ۲۲ نفر و ۵ نفر")] == [
        (100_000_000_000, "toman"), (22, "person"), (5, "person")]


@pytest.mark.parametrize("text", ["", "۱۲/۵", "a1/2/3b 12/5/1403 1234/5 12345/6 .1/2 /1/2 1//2 1/2/ 5/27 و 1/9/82",
                                  "1/2/3/4/5", "۱۲/۵ درصد و ۱۴۰۳/۰۵/۲۰", "x/ 1/", "12/5" * 5])
def test_slash_pairs_are_the_regex_matches(text: str) -> None:
    """The pairs read around each slash are ``_SLASH_PAIR.finditer``'s."""
    from muni_ie.recognizers.facts import _SLASH_PAIR, _slash_pairs

    assert [m.span() for m in _slash_pairs(text)] == [m.span() for m in _SLASH_PAIR.finditer(text)]


@pytest.mark.parametrize(("text", "cmp"), [
    ("حدود ۵ درصد", "~"), ("حدود\u200c ۵ درصد", "~"), ("بیش از \u200c ۸۰ درصد", ">"), ("کمتر از\n۵ درصد", "<"),
    ("از ۵ درصد", "="), ("اکبر ۵ درصد", "="), ("۵ درصد", "="),
])
def test_comparator_gate_on_the_last_two_letters(text: str, cmp: str) -> None:
    """The comparator search only runs where the text before the number ends like a comparator
    («از», «حدود»: the gate opens, and «اکبر» opens it too), and finds what a search everywhere finds."""
    from muni_ie.numbers.finder import found_in_folded
    from muni_ie.recognizers.facts import _attach_cmp, _Cand, _key, _lexicon

    lex = _lexicon()
    span = found_in_folded(text, text)[0]
    c = _Cand(span, 5.0, 1, span.end)
    _attach_cmp(lex, text, c)
    m = lex.cmp_re.search(text, max(0, span.start - 30), span.start)
    assert c.cmp == cmp
    assert (c.cmp, c.cmp_start) == ((lex.cmps[_key(m.group("cmp"))], m.start("cmp")) if m else ("=", None))
