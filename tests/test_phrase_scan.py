"""The fast paths under titles and organizations: one head scan per text, clause windows of
tokens, the split-based tokenizer. Each must give what the plain, slow way gives."""

from __future__ import annotations

import re
import sys

import pytest
import regex

from muni_ie.recognizers import phrase_lexicon as L
from muni_ie.recognizers.phrase_grammar import PhraseGrammar
from muni_ie.resources import packaged_rows
from muni_ie.text.normalize import normalize

LISTS = {
    "titles": [r[0] for r in packaged_rows("titles.tsv")],
    "orgs": [r[0] for r in packaged_rows("org_heads.tsv")],
    "agencies": [r[0] for r in packaged_rows("news_agencies.tsv") if r[1] in ("safe", "cue")],
}


def _longest_first(surfaces: list[str]) -> regex.Pattern[str]:
    """The plain alternation the trie stands for: longest surface first, ``regex`` word bounds."""
    alts = "|".join(L.surface_pattern(s) for s in sorted(set(surfaces), key=len, reverse=True))
    return regex.compile(rf"(?<![\w\u200c])(?:{alts})(?![\w\u200c])")


@pytest.fixture(scope="module")
def texts(news_sample) -> list[str]:
    return [normalize(a["text"]).text for a in news_sample]


def test_head_scan_finds_what_each_lexicon_finds_alone(texts):
    plain = {name: _longest_first(words) for name, words in LISTS.items()}
    for t in texts + ["رئیس کل دادگستری استان", "مدیرکل شورای اسلامی شهر تهران", "ایسنا: شهردار"]:
        found = L.head_hits(t)
        for name, pattern in plain.items():
            assert getattr(found, name) == [m.span() for m in pattern.finditer(t)], (name, t[:80])


def test_head_scan_marks_where_every_gathering_noun_starts(texts):
    """``gatherings`` holds every offset where the meeting recognizer's noun regex matches (it
    may hold more: the regex decides), and no offset inside a word."""
    from muni_ie.events.meeting_lexicon import lexicon

    nouns = lexicon().noun_re
    extra = ["جلسه‌ای در نشست‌ها، ۲جلسه و «همایش» هم اندیشی", "سرجلسه و پیشنشست", "همایشی\nجلسه"]
    for t in texts + extra:
        marked = L.head_hits(t).gatherings
        assert {m.start() for m in nouns.finditer(t)} <= set(marked), t[:80]
        assert all(p == 0 or not re.match(f"[{L.LETTER}]", t[p - 1]) for p in marked), t[:80]
    assert L.head_hits("سرجلسه و پیشنشست").gatherings == []
    assert L.head_hits("۲جلسه و «همایش»").gatherings == [1, 9]


def test_trie_alternation_matches_like_the_longest_first_one():
    words = LISTS["titles"] + LISTS["orgs"] + [r[0] for r in packaged_rows("honorifics.tsv")]
    trie = re.compile(L.alternation(words))
    plain = _longest_first(words)
    for w in words:
        for v in {w, w.replace(" ", ""), w.replace(" ", "\u200c"), w.replace("ئ", "ی")}:
            for t in (v, v + " گفت", v + "ها", "و " + v + "، "):
                a, b = trie.search(t), plain.search(t)
                assert (a and a.span()) == (b and b.span()), t


def _as_lists(c: L.Clause) -> list[tuple]:
    return list(zip(c.start, c.raw, c.key, c.word, c.nl))


@pytest.mark.parametrize("text", [
    "رئیس شورای شهر تهران، گفت.",
    "«شهردار» همدان گفت: شهرداری ها و شهرداری‌ها",
    "\nمعاون استاندار\nسمنان، فرمانداری 22 شهر.",
    "، شهردار \u200cتهران و _ آزمون ٪",
    "شورای شهر ها هایی رئیس",
    "مدیر کل  دفتر (امور) شهری",
    "رئیس ²",
    "شهردار تهران گفت.",  # no letter to fold, no ZWNJ: the keys are the words
    "معاون شهردار می\u200cگوید،",
    "شهردار \u0651تهران گفت",  # a word that starts with a mark: the regex tokenizer's
])
def test_split_tokenizer_agrees_with_the_regex_one(text):
    assert _as_lists(L.tokenize(text)) == _as_lists(L._tokenize_any(text, 0, len(text)))


def test_windows_tokenize_as_the_whole_text(texts):
    """Every clause window holds the tokens the whole text has there (the first one's line-break
    flag aside: nothing reads it), and the grammar reads the same chain in either."""
    g = PhraseGrammar()
    plain = 0
    for t in texts:
        whole = L._tokenize_any(t, 0, len(t))
        cl = L.Clauses(t)
        found = L.head_hits(t)
        for s, e in found.titles + found.orgs:
            c = cl.at(s)
            a = whole.index(c.start[0])
            assert _as_lists(c)[1:] == _as_lists(whole)[a + 1 : a + len(c)]
            assert c.raw[0] == whole.raw[a] and c.key[0] == whole.key[a]
            i, k = c.index(s), c.index(e)
            assert i > 0 or c.begin == 0  # the token before the head is there
            for expect, titles in ((None, False), ("place", True)):
                chain = g.extend(c, k, expect=expect, titles=titles)
                full = g.extend(whole, whole.index(e), expect=expect, titles=titles)
                assert (c.end(chain.end - 1), chain[1:]) == (whole.end(full.end - 1), full[1:])
            plain += L._PLAIN.match(t, c.begin) is not None
    assert plain  # the split path ran


def test_a_place_that_is_no_head_reads_its_clause():
    """``at`` of a position where no head starts: the clause of the head before it when no
    clause ends between them (one tokenization for both), else a clause of its own."""
    t = "گفت: شهردار تهران و پایگاه خبری امیدنامه گفت. پایگاه خبری نوید نوشت"
    whole = L._tokenize_any(t, 0, len(t))
    cl = L.Clauses(t)
    head = cl.at(t.index("شهردار"))
    same, later = t.index("امیدنامه"), t.index("نوید")
    assert cl.at(same) is head
    own = cl.at(later)
    assert own is not head and own.begin < later and own.start[-1] < len(t)
    for c, pos in ((head, same), (own, later)):
        a = whole.index(c.start[0])
        assert _as_lists(c)[1:] == _as_lists(whole)[a + 1 : a + len(c)]
        assert c.index(pos) > 0  # the token before pos is there


def test_split_words_offsets():
    body = "الف، ب ج. د"
    raws, starts = L.split_words(body, 10, "،.")
    assert raws == ["الف", "،", "ب", "ج", ".", "د"]
    assert [body[s - 10 : s - 10 + len(r)] for r, s in zip(raws, starts)] == raws
    assert L.split_words("الف ب", 0) == (["الف", "ب"], [0, 4])


def test_character_classes_hold_what_the_comments_say():
    """LETTER lies inside both word classes; _ODD has every LETTER that is no letter or digit,
    _FIRST every other LETTER; a clause end is always a token of one character."""
    letter, word = re.compile(f"[{L.LETTER}]"), re.compile(f"[{L.WORD}]")
    odd, end = re.compile(f"[{L._ODD}]"), L._CLAUSE_END
    first = re.compile(f"[{L._FIRST}]")
    rx_letter, rx_word = regex.compile(r"[\p{L}\p{M}\u200c]"), regex.compile(r"[\w\u200c]")
    for c in map(chr, range(0x30000)):
        if letter.match(c):
            assert rx_letter.match(c) and rx_word.match(c) and word.match(c), hex(ord(c))
            assert c.isalnum() or odd.match(c), hex(ord(c))
        assert bool(first.match(c)) == bool(letter.match(c) and not odd.match(c)), hex(ord(c))
        if end.match(c):
            assert not rx_word.match(c) and not c.isspace() and c not in "،«\"", hex(ord(c))
    assert sys.maxunicode > 0x30000
