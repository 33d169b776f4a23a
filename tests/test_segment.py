"""Paragraph and sentence spans."""

from __future__ import annotations

import random

from muni_ie.text.segment import paragraphs, sentences


def test_paragraphs_are_stripped_non_empty_lines():
    text = "  اول. \n\n \t\nدوم\u200c \n "
    assert [text[a:b] for a, b in paragraphs(text)] == ["اول.", "دوم\u200c"]


def test_sentences_end_at_marks_but_not_at_decimal_points():
    text = " شهردار گفت: ۲.۵ درصد!؟» وی افزود . . و 3.\n«بله» رفت"
    assert [text[a:b] for a, b in sentences(text)] == [
        "شهردار گفت: ۲.۵ درصد!؟»", "وی افزود .", ".", "و 3.", "«بله» رفت"]


def test_one_scan_finds_the_sentences_of_each_paragraph():
    rng = random.Random(5)
    alphabet = list(" \n\t.!?؟»\")(5۵a شهر\u200c\u2028\xa0.1.2")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert sentences(text) == sentences(text, paragraphs(text))


def test_paragraphs_the_caller_gives_may_cross_line_breaks():
    text = "یک\nدو. سه"
    assert [text[a:b] for a, b in sentences(text, [(0, len(text))])] == ["یک\nدو.", "سه"]
    assert [text[a:b] for a, b in sentences(text)] == ["یک", "دو.", "سه"]
