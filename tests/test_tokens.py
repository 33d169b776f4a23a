"""Word tokens: the fast `re` path and the `regex` one agree."""

from __future__ import annotations

from muni_ie.text.tokens import TOKEN, token_spans


def test_token_spans_agree_with_the_regex_pattern_on_every_bmp_character_and_beyond():
    bmp = "".join(map(chr, range(0x10000)))  # the fast `re` path
    astral = "𝐀𝐁\u200cشهر 𝟏𝟐٫𝟓 شهرداری\u200cها، 𞤀𞤁"  # math letters and digits, Adlam: the `regex` path
    for text in (bmp, astral, f"شهر 12٫5 و {astral}"):
        assert token_spans(text) == [m.span() for m in TOKEN.finditer(text)]
        assert token_spans(text, 3, 40) == [m.span() for m in TOKEN.finditer(text, 3, 40)]


def test_phrase_trie_finds_what_a_plain_longest_first_alternation_finds():
    import re

    from muni_ie.text.trie import phrase_trie

    names = ["اسلام شهر", "اسلامیه", "شهر", "شهرری", "شهرکرد", "کرج"]
    text = "از اسلامشهر و اسلام‌شهر تا اسلامیه، شهرکرد، شهر ری و کرج"
    plain = "|".join(re.escape(n).replace(r"\ ", "[ \u200c]*") for n in sorted(names, key=len, reverse=True))
    bounded = r"(?<![\w\u200c])(?:{})(?![\w\u200c])"
    assert ([m.group() for m in re.finditer(bounded.format(phrase_trie(names)), text)]
            == [m.group() for m in re.finditer(bounded.format(plain), text)]
            == ["اسلامشهر", "اسلام‌شهر", "اسلامیه", "شهرکرد", "شهر", "کرج"])
