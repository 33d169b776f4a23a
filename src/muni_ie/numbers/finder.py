"""Find number phrases in running Persian text, with offsets.

One compiled regex proposes candidate runs of digits and number words («سال 84 حدود 9
میلیارد»); :func:`words.evaluate` then cuts each run into maximal valid numbers (84 and
9000000000, never 849). Dates («۱۴۰۳/۰۵/۲۰», «۱۵ مهر»), times («12:30») and phone numbers
come back with their own ``kind`` so that callers can skip them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction

from .words import DIGIT_NUMBER, ZWNJ, Token, _alternation, evaluate, fold, lexicon, to_number, tokenize


@dataclass(frozen=True)
class NumberSpan:
    """A number found in text. ``text == source[start:end]``.

    ``kind`` is one of number, ordinal, date, time, phone (for date/time/phone ``value`` is the
    leading integer: 1403 for «۱۴۰۳/۰۵/۲۰»). ``indefinite_candidate`` is True for a bare «یک»/«یکی»
    not followed by a counter or unit: likely the article «a» («یک اصل»), left for callers to judge.
    ``scale`` is the scale word that ends the phrase (10**6 for «۴ میلیون», else 1).
    """

    start: int
    end: int
    value: int | float
    text: str
    ordinal: bool = False
    kind: str = "number"
    indefinite_candidate: bool = False
    scale: int = 1


_SEP = rf"[\s{ZWNJ}]{{0,3}}(?:و[\s{ZWNJ}]{{0,3}})?"
# Phone numbers: +98 / 0098 prefixes, Iranian mobiles 09xxxxxxxxx, area-code landlines
# («021-88776655», «02188776655») and dash-grouped runs («021-8877-6655»).
_PHONE = (r"(?:\+|00)\d{2,3}[\s-]?\d[\d\s-]{6,14}\d|0\d{2,4}-\d{5,8}(?:-\d{1,4})?|0\d{9,10}"
          r"|\d{2,4}-\d{3,4}-\d{3,4}")
_DATE = (r"\d{1,4}(?P<dsep>[/.-])\d{1,2}(?P=dsep)\d{1,4}(?![\d/])"
         r"|(?:1[34]\d\d|19\d\d|20\d\d)/(?:0?[1-9]|1[0-2])(?![\d/٫.])")


@functools.cache
def _candidate_regex() -> re.Pattern:
    lex = lexicon()
    skip = set(lex.data["parse_only"])
    words = _alternation([w for w in {**lex.ordinals, **lex.words} if w not in skip])
    dsuf = _alternation(lex.data["ordinal_digit_suffixes"])
    digit = (rf"(?:\d+(?:{dsuf}|[\s{ZWNJ}-](?:امین|ام|مین))(?![\w])"
             rf"|{DIGIT_NUMBER}(?![\d])(?![A-Za-z]))")
    word = rf"(?:{words})"
    # items may be glued («دومیلیون», «بیستوپنج»); the phrase must end a word unless it ends in
    # digits («۲۰ساله»), and «ده‌ها», «صد‌ها» (tens, hundreds of) are not numbers
    end = rf"(?:(?<=\d)(?![\d])(?![A-Za-z])|(?<!\d)(?![\w])(?!{ZWNJ}ها))"
    phrase = rf"(?:{digit}|{word})(?:{_SEP}(?:{digit}|{word}))*{end}"
    first = "".join(sorted({w[0] for w in {**lex.ordinals, **lex.words}}))
    start = (rf"(?=[\d+{re.escape(first)}])"  # cheap first-character filter
             rf"(?:(?<![\w{ZWNJ}])|(?<=\sو)|(?<=[^\W\d_])(?=\d))(?<![A-Za-z\d])(?<![\d][٫٬/.,:])")
    return re.compile(
        rf"{start}(?:(?P<date>{_DATE})|(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d))"
        rf"|(?P<phone>{_PHONE})(?![\d])|(?P<num>{phrase}))"
    )


@functools.cache
def _context() -> dict:
    d = lexicon().data
    months = _alternation(d["month_names"])
    return {
        "count": frozenset(d["count_context"]),
        "nine": frozenset(d["count_context"]) | frozenset(d["nine_context"]),
        "vague": frozenset(d["vague_prefixes"]),
        "indef": frozenset(d["indefinite_words"]),
        "alone": frozenset(d["ambiguous_alone"]),
        "bare": frozenset(d["bare_scales_in_text"]),
        "after": d["not_number_after"],
        "before": d["not_number_before"],
        "month": re.compile(rf"[\s{ZWNJ}]*(?:{months})(?:[\s{ZWNJ}]?ماه)?(?![\w])"
                            rf"(?:[\s{ZWNJ}]*(?:سال[\s{ZWNJ}]*)?\d{{2,4}}(?![\d/]))?"),
        "weekday": re.compile(rf"[\s{ZWNJ}]?(?:{_alternation(d['weekday_heads'])})(?![\w])"),
    }


_NEXT = re.compile(rf"[\s{ZWNJ}]*([^\W\d_]+(?:{ZWNJ}[^\W\d_]+)*)")
_PREV = re.compile(rf"([^\W\d_]+(?:{ZWNJ}[^\W\d_]+)*)[\s{ZWNJ}]*$")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT.match(text, pos)
    return m.group(1) if m else ""


def _prev_word(text: str, pos: int) -> str:
    m = _PREV.search(text, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def find_numbers(text: str) -> list[NumberSpan]:
    """All number phrases in ``text`` with their values, in order.

    >>> [(s.text, s.value) for s in find_numbers("سال 84 حدود 9 میلیارد تومان")]
    [('84', 84), ('9 میلیارد', 9000000000)]
    """
    folded = fold(text)
    out: list[NumberSpan] = []
    for m in _candidate_regex().finditer(folded):
        kind = m.lastgroup
        if kind != "num":
            if not out or m.start() >= out[-1].end:
                lead = int(re.match(r"\D*(\d+)", m.group()).group(1))
                out.append(NumberSpan(m.start(), m.end(), lead, text[m.start():m.end()], False, kind))
            continue
        toks = tokenize(m.group(), m.start())
        if toks:
            for span in _spans(text, folded, toks):
                if not out or span.start >= out[-1].end:  # a date may swallow its year
                    out.append(span)
    return out


def _splittable(prev: Token, tok: Token) -> bool:
    """Glued number words are one written word and cannot be cut: «دوده» is soot, not 2 and 10."""
    return not tok.glued or "A" in (prev.kind, tok.kind) or "D" in (prev.kind, tok.kind) or tok.kind == "Od"


def _spans(text: str, folded: str, toks: list[Token]):
    cuts = [0] + [i for i in range(1, len(toks)) if _splittable(toks[i - 1], toks[i])] + [len(toks)]
    ci = 0
    while ci < len(cuts) - 1:
        i = cuts[ci]
        if toks[i].kind == "A":
            ci += 1
            continue
        for cj in range(len(cuts) - 1, ci, -1):
            j = cuts[cj]
            if toks[j - 1].kind == "A":
                continue
            res = evaluate(toks[i:j])
            if res is not None:
                span = _make_span(text, folded, toks[i:j], *res)
                if span is not None:
                    yield span
                ci = cj
                break
        else:
            ci += 1


def _make_span(text: str, folded: str, toks: list[Token], value: Fraction, ordinal: bool):
    ctx = _context()
    a, b = toks[0].start, toks[-1].end
    surface = folded[a:b]
    nxt, prev = _next_word(folded, b), _prev_word(folded, a)
    if prev in ctx["vague"]:  # «چند هزار», «ده‌ها میلیون»
        return None
    single = len(toks) == 1
    if toks[0].kind == "S" and folded[a:toks[0].end] not in ctx["bare"]:
        return None  # a bare «میلیون» has no multiplier
    if single and surface in ctx["alone"] and nxt not in ctx["nine"]:
        return None  # «نه تنها» is "not only"
    if single and (prev in ctx["after"].get(surface, ()) or nxt in ctx["before"].get(surface, ())):
        return None  # «بی بی سی»
    kind = "ordinal" if ordinal else "number"
    if single and toks[0].kind == "U" and value <= 5:
        w = ctx["weekday"].match(folded, b)
        if w:  # «سه شنبه» is Tuesday
            return NumberSpan(a, w.end(), to_number(value), text[a:w.end()], ordinal, "date")
    if value.denominator == 1 and 1 <= value <= 31 and toks[-1].kind != "S":
        mo = ctx["month"].match(folded, b)
        if mo:  # «۱۵ مهر ۱۴۰۳», «بیست و دوم بهمن»
            return NumberSpan(a, mo.end(), to_number(value), text[a:mo.end()], ordinal, "date")
    indef = single and surface in ctx["indef"] and (surface == "یکی" or nxt not in ctx["count"])
    scale = 1
    for t in reversed(toks):
        if t.kind != "S":
            break
        scale *= int(t.value)
    return NumberSpan(a, b, to_number(value), text[a:b], ordinal, kind, indef, scale)
