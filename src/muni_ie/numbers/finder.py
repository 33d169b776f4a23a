"""Find number phrases in running Persian text, with offsets.

One compiled regex proposes candidate runs of digits and number words («سال 84 حدود 9
میلیارد»); :func:`words.evaluate` then cuts each run into maximal valid numbers (84 and
9000000000, never 849). Dates («۱۴۰۳/۰۵/۲۰», «۱۵ مهر»), times («12:30») and phone numbers
come back with their own ``kind`` so that callers can skip them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from ..text.charclass import char_class
from ..text.trie import word_trie
from .words import DIGIT_NUMBER, ZWNJ, Token, evaluate, fold, lexicon, to_number, tokenize


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


@dataclass(frozen=True)
class _Scanner:
    """The candidate regex, and the searches that find where it can start (see :func:`_candidates`)."""

    full: re.Pattern  # start conditions, then the number: what ``finditer`` would try everywhere
    after_space: re.Pattern  # « ۱۲», « و۱۲»: a space, then the number
    # any other non-word character, then the number («(۱۲», «\nو۱۲»); or, matching just the digit,
    # a digit right after a letter («ماده۱۲»), where ``full`` decides
    elsewhere: re.Pattern


@functools.cache
def _scanner() -> _Scanner:
    lex = lexicon()
    skip = set(lex.data["parse_only"])
    words = word_trie([w for w in {**lex.ordinals, **lex.words} if w not in skip])
    dsuf = word_trie(lex.data["ordinal_digit_suffixes"])
    digit = (rf"(?:\d+(?:{dsuf}|[\s{ZWNJ}-](?:امین|ام|مین))(?![\w])"
             rf"|{DIGIT_NUMBER}(?![\d])(?![A-Za-z]))")
    word = rf"(?:{words})"
    # items may be glued («دومیلیون», «بیستوپنج»); the phrase must end a word unless it ends in
    # digits («۲۰ساله»), and «ده‌ها», «صد‌ها» (tens, hundreds of) are not numbers
    end = rf"(?:(?<=\d)(?![\d])(?![A-Za-z])|(?<!\d)(?![\w])(?!{ZWNJ}ها))"
    phrase = rf"(?:{digit}|{word})(?:{_SEP}(?:{digit}|{word}))*{end}"
    body = (rf"(?:(?P<date>{_DATE})|(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d))"
            rf"|(?P<phone>{_PHONE})(?![\d])|(?P<num>{phrase}))")
    opens = rf"(?:\d|\+|{word})"  # every body starts so: a cheap test before the body
    # a number starts a word, follows «و» glued after a space, or is digits glued to a letter
    start = (rf"(?:(?<![\w{ZWNJ}])|(?<=\sو)|(?<=[^\W\d_])(?=\d))(?<![A-Za-z\d])(?<![\d][٫٬/.,:])")
    return _Scanner(
        full=re.compile(start + body),
        after_space=re.compile(rf" و?(?={opens}){body}"),
        # a digit or a non-word character other than the space and ZWNJ
        elsewhere=re.compile(char_class(lambda c: c.isdecimal() or not (c.isalnum() or c in f"_ {ZWNJ}"))
                             + rf"(?:(?<=[^\w{ZWNJ} ])(?=و?{opens})(?:(?<=\s)و|(?<![\d][٫٬/.,:])){body}"
                             r"|(?<=[^\W\d_A-Za-z]\d))"),
    )


def _candidates(folded: str) -> Iterator[re.Match]:
    """The matches of ``_scanner().full``, as its ``finditer`` would give them.

    That regex opens with lookbehinds, so ``finditer`` would try it at every character. A number
    starts after a space (nearly always), after another non-word character, at the very start,
    or as digits glued to a letter; two searches with a cheap first character find those, and the
    next match is the leftmost of theirs. Every match ends in a word character, so none of them
    can start inside the previous one's last character.
    """
    sc = _scanner()

    def elsewhere(pos: int) -> re.Match | None:
        while (m := sc.elsewhere.search(folded, pos)) is not None and m.lastgroup is None:
            if glued := sc.full.match(folded, m.start()):  # a digit after a letter
                return glued
            pos = m.start() + 1
        return m

    m = sc.full.match(folded, 0)
    pos = 0
    if m:
        yield m
        pos = m.end()
    spaces = sc.after_space.finditer(folded, pos)  # each match starts where the last one ended
    space, other = next(spaces, None), elsewhere(pos)
    while other is not None:
        if space is not None and space.start(space.lastgroup) < other.start(other.lastgroup):
            yield space
            if other.start() < space.end():
                other = elsewhere(space.end())
            space = next(spaces, None)
            continue
        yield other
        pos = other.end()
        if space is not None and space.start() < pos:
            spaces = sc.after_space.finditer(folded, pos)
            space = next(spaces, None)
        other = elsewhere(pos)
    if space is not None:  # no other number start is left: the rest is the space scan's
        yield space
        yield from spaces


@functools.cache
def _context() -> dict:
    d = lexicon().data
    months = word_trie(d["month_names"])
    return {
        "count": frozenset(d["count_context"]),
        "nine": frozenset(d["count_context"]) | frozenset(d["nine_context"]),
        "vague": frozenset(d["vague_prefixes"]),
        "indef": frozenset(d["indefinite_words"]),
        "alone": frozenset(d["ambiguous_alone"]),
        "bare": frozenset(d["bare_scales_in_text"]),
        "after": d["not_number_after"],
        "before": d["not_number_before"],
        # the words whose reading depends on the words around them
        "ask_next": frozenset(d["ambiguous_alone"]) | frozenset(d["indefinite_words"])
        | set(d["not_number_before"]) | set(d["not_number_after"]),
        "month": re.compile(rf"[\s{ZWNJ}]*(?:{months})(?:[\s{ZWNJ}]?ماه)?(?![\w])"
                            rf"(?:[\s{ZWNJ}]*(?:سال[\s{ZWNJ}]*)?\d{{2,4}}(?![\d/]))?"),
        "weekday": re.compile(rf"[\s{ZWNJ}]?(?:{word_trie(d['weekday_heads'])})(?![\w])"),
    }


_NEXT = re.compile(rf"[\s{ZWNJ}]*([^\W\d_]+(?:{ZWNJ}[^\W\d_]+)*)")
_LEAD = re.compile(r"\D*(\d+)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT.match(text, pos)
    return m.group(1) if m else ""


def word_before(text: str, pos: int) -> str:
    r"""The word before ``pos`` across spaces and ZWNJ, within the 40 characters before it.

    What ``([^\W\d_]+(?:ZWNJ[^\W\d_]+)*)[\s ZWNJ]*$`` finds in that window, read backwards
    from ``pos`` instead of trying every start in the window: «سال ۸۴» → «سال».
    """
    lo = max(0, pos - 40)
    if pos >= 2 and text[pos - 1] == " ":  # the usual case: «word number»
        space = text.rfind(" ", lo, pos - 1)
        if space >= 0 and (word := text[space + 1:pos - 1]).isalpha():
            return word
    end = pos
    while end > lo and (text[end - 1].isspace() or text[end - 1] == ZWNJ):
        end -= 1
    start = end
    while start > lo:
        c = text[start - 1]
        if c.isalnum() and not c.isdecimal():  # a letter: regex [^\W\d_]
            start -= 1
        elif c == ZWNJ and start < end and start - 2 >= lo and text[start - 2].isalnum() \
                and not text[start - 2].isdecimal():
            start -= 1  # a ZWNJ inside the word («قطعنامه‌ی»)
        else:
            break
    return text[start:end]


def find_numbers(text: str) -> list[NumberSpan]:
    """All number phrases in ``text`` with their values, in order.

    >>> [(s.text, s.value) for s in find_numbers("سال 84 حدود 9 میلیارد تومان")]
    [('84', 84), ('9 میلیارد', 9000000000)]
    """
    return find_in_folded(text, fold(text))


def find_in_folded(text: str, folded: str) -> list[NumberSpan]:
    """:func:`find_numbers` for a caller that has ``folded = fold(text)`` already."""
    return [NumberSpan(*f[:8]) for f in found_in_folded(text, folded)]


class Found(NamedTuple):
    """A :class:`NumberSpan`'s fields, and ``prev``, the :func:`word_before` it ("" for date, time, phone).

    What :func:`found_in_folded` gives callers that judge every number: a tuple is several times
    cheaper to build than the frozen ``NumberSpan``, and the word before is looked up once.
    """

    start: int
    end: int
    value: int | float
    text: str
    ordinal: bool
    kind: str
    indefinite_candidate: bool
    scale: int
    prev: str


def found_in_folded(text: str, folded: str) -> list[Found]:
    """:func:`find_in_folded` as :class:`Found` tuples."""
    out: list[Found] = []
    ctx = _context()
    for m in _candidates(folded):
        kind = m.lastgroup
        a, b = m.span(kind)
        surface = m.group(kind)
        if kind != "num":
            if not out or a >= out[-1].end:
                out.append(Found(a, b, int(_LEAD.match(surface).group(1)), text[a:b], False, kind, False, 1, ""))
            continue
        for part in _parts(surface):
            span = _make_span(ctx, text, folded, a, part)
            if span is not None and (not out or span.start >= out[-1].end):  # a date may swallow its year
                out.append(span)
    return out


class _Part(NamedTuple):
    """One number of a candidate phrase, offsets within the phrase, with what the text around it must settle."""

    start: int
    end: int
    value: int | float
    ordinal: bool
    word: str | None  # a one-word number that the words around it can unmake («نه تنها», «یک اصل»)
    weekday: bool  # a unit up to five: «سه شنبه» may be a day
    month: bool  # a whole number from 1 to 31 not ending in a scale: «۱۵ مهر» may be a date
    scale: int  # the product of the scale words that end it


@functools.lru_cache(maxsize=65536)
def _parts(surface: str) -> tuple[_Part, ...]:
    """The numbers of a candidate phrase: tokens and values depend on its surface alone, and phrases repeat."""
    if surface.isdecimal():  # plain digits, the most common number
        toks = [Token("D", int(surface), 0, len(surface), False)]
    else:
        toks = _one_word(surface) or tokenize(surface)
    if not toks:
        return ()
    if len(toks) == 1:  # what _cuts and evaluate come to for one token
        tok = toks[0]
        numbers = [] if tok.kind == "A" else [(toks, tok.value, tok.kind in ("O", "Od"))]
    else:
        numbers = _cuts(toks)
    return tuple(p for run, value, ordinal in numbers if (p := _part(surface, run, value, ordinal)) is not None)


def _one_word(surface: str) -> list[Token] | None:
    """The token of a phrase that is one lexicon word («یک», «دومین»), without the token regex."""
    lex = lexicon()
    if (o := lex.ordinals.get(surface)) is not None:
        return [Token("O", o[1], 0, len(surface), False, o[0], o[2], o[3])]
    if (w := lex.words.get(surface)) is not None:
        return [Token(w[0], w[1], 0, len(surface), False)]
    return None


def _splittable(prev: Token, tok: Token) -> bool:
    """Glued number words are one written word and cannot be cut: «دوده» is soot, not 2 and 10."""
    return not tok.glued or "A" in (prev.kind, tok.kind) or "D" in (prev.kind, tok.kind) or tok.kind == "Od"


def _cuts(toks: list[Token]) -> Iterator[tuple[list[Token], int | Fraction, bool]]:
    """The maximal valid numbers of a token run, left to right, with their values."""
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
                yield toks[i:j], *res
                ci = cj
                break
        else:
            ci += 1


def _part(surface: str, toks: list[Token], value: int | Fraction, ordinal: bool) -> _Part | None:
    """What the tokens ``toks`` of ``surface`` settle about their number; None for a bare «میلیون»."""
    ctx = _context()
    a, b = toks[0].start, toks[-1].end
    if toks[0].kind == "S" and surface[a:toks[0].end] not in ctx["bare"]:
        return None  # a bare «میلیون» has no multiplier
    single = len(toks) == 1
    word = surface[a:b] if single and surface[a:b] in ctx["ask_next"] else None
    scale = 1
    for t in reversed(toks):
        if t.kind != "S":
            break
        scale *= int(t.value)
    return _Part(a, b, to_number(value), ordinal, word, single and toks[0].kind == "U" and value <= 5,
                 value.denominator == 1 and 1 <= value <= 31 and toks[-1].kind != "S", scale)


def _make_span(ctx: dict, text: str, folded: str, offset: int, p: _Part) -> Found | None:
    """The number ``p`` of the phrase at ``offset``, read in its context: None where it is no number."""
    a, b = offset + p.start, offset + p.end
    prev = word_before(folded, a)
    if prev in ctx["vague"]:  # «چند هزار», «ده‌ها میلیون»
        return None
    indef = False
    if (word := p.word) is not None:
        nxt = _next_word(folded, b)
        if word in ctx["alone"] and nxt not in ctx["nine"]:
            return None  # «نه تنها» is "not only"
        if prev in ctx["after"].get(word, ()) or nxt in ctx["before"].get(word, ()):
            return None  # «بی بی سی»
        indef = word in ctx["indef"] and (word == "یکی" or nxt not in ctx["count"])
    if p.weekday and (w := ctx["weekday"].match(folded, b)):  # «سه شنبه» is Tuesday
        return Found(a, w.end(), p.value, text[a:w.end()], p.ordinal, "date", False, 1, prev)
    if p.month and (mo := ctx["month"].match(folded, b)):  # «۱۵ مهر ۱۴۰۳», «بیست و دوم بهمن»
        return Found(a, mo.end(), p.value, text[a:mo.end()], p.ordinal, "date", False, 1, prev)
    return Found(a, b, p.value, text[a:b], p.ordinal, "ordinal" if p.ordinal else "number", indef, p.scale, prev)
