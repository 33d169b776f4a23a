"""Numeric facts: a number with a unit or a counted noun («بیش از ۸۰ درصد جمعیت استان»).

Built on :func:`muni_ie.numbers.find_numbers`. Each number is looked at in its window: a
comparator before it («حدود», «بیش از»), a unit or classifier after it («۲۰ میلیارد ریال»,
«۹۰۰ دستگاه مینی‌بوس») or else a counted noun («۹۸ مسئله و چالش شهری»). Numbers that name
things («منطقه ۲۲», «ماده ۱۰۰»), years («سال ۸۴»), dates, times, phones, ordinals and the
indefinite «یک» are skipped. Neighbours joined by «تا», «یا», «-» share the unit and scale
(«۳ یا ۴ میلیون مسافر») and ranges get ``>=``/``<=`` («بین ۱۴ تا ۳۰ درصد»).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from ..numbers import parse_number, parse_ordinal
from ..numbers.finder import Found, found_in_folded
from ..numbers.words import fold, lexicon
from ..resources import data_path, read_rows

ZWNJ = "\u200c"
_GAP = rf"[\s{ZWNJ}]*"
_WORD = re.compile(rf"{_GAP}([^\W\d_]+(?:{ZWNJ}[^\W\d_]+)*)")
_LINE_WORD = re.compile(rf"(?:[^\S\n]|{ZWNJ})*([^\W\d_]+(?:{ZWNJ}[^\W\d_]+)*)")  # ``_WORD`` on the same line
_SCALES = {"هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9}
_SCALE_ADJ = re.compile(r"(?:هزار|میلیون|میلیارد)ی$")
_SPACING = re.compile(rf"[\s{ZWNJ}]")
_SPACE = re.compile(r"\s")
_SLASHED = re.compile(r"(\d+)/(\d+)")
_TOKENS_BEFORE = re.compile(rf"[^\W\d_]+(?:{ZWNJ}[^\W\d_]+)*|\d+|[^\w\s{ZWNJ}]")
_BETWEEN = re.compile(r"(?:بین|مابین)\s*$")
# «a/b» and «a/b/c» digit runs, not inside longer ones (tried only before a slash: ``_slash_pairs``)
_SLASH_PAIR = re.compile(r"(\d(?<![\d/.]\d)\d{0,3})/(\d{1,4})(?:/(\d{1,4}))?(?![\d/])")


@dataclass
class Fact:
    """One quantity: ``text == source[start:end]``, ``value`` in ``unit`` (closed list of GUIDELINES.md)."""

    start: int
    end: int
    value: int | float
    unit: str
    of: str | None
    cmp: str
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


def _flex(surface: str) -> str:
    """A surface as regex: its spaces/ZWNJ also match ZWNJ, space or nothing («مترمربع»)."""
    return f"[\\s{ZWNJ}]?".join(re.escape(p) for p in re.split(rf"[ {ZWNJ}]", surface))


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, tuple[str, float, str]]  # folded surface without spaces → (code, factor, role)
    unit_re: re.Pattern
    cmp_re: re.Pattern
    cmp_tails: frozenset[str]  # the last two letters of what the text before a comparator's number
    # ends with («از», «حدود», «در»): one set lookup rules out most numbers
    cmps: dict[str, str]
    roles: dict[str, frozenset[str]]


@functools.lru_cache(maxsize=4096)
def _key(s: str) -> str:
    """A unit's or comparator's lexicon key: the matched surfaces are few and come back often."""
    return _SPACING.sub("", s)


@functools.cache
def _lexicon() -> _Lexicon:
    units = {_key(fold(r[0])): (r[1], float(r[2]), r[3]) for r in read_rows(data_path("units.tsv"))}
    surfaces = sorted((fold(r[0]) for r in read_rows(data_path("units.tsv"))), key=len, reverse=True)
    unit_re = re.compile(
        rf"{_GAP}(?:(?P<scale>{'|'.join(_SCALES)}){_GAP})?(?P<unit>{'|'.join(map(_flex, surfaces))})(?![^\W\d_])")
    cmps = {_key(fold(r[0])): r[1] for r in read_rows(data_path("comparators.tsv"))}
    csurf = sorted((fold(r[0]) for r in read_rows(data_path("comparators.tsv"))), key=len, reverse=True)
    cmp_re = re.compile(rf"(?:^|(?<=[^\w{ZWNJ}]))(?P<cmp>{'|'.join(map(_flex, csurf))})"
                        rf"{_GAP}(?:در{_GAP})?$")
    cmp_ends = {re.split(rf"[ {ZWNJ}]", c)[-1] for c in csurf} | {"در"}
    if min(map(len, cmp_ends)) < 2:
        raise ValueError("comparators.tsv: a comparator ends in a one-letter word")
    cmp_tails = frozenset(e[-2:] for e in cmp_ends)
    roles: dict[str, set[str]] = {}
    for role, word in read_rows(data_path("fact_words.tsv")):
        roles.setdefault(role, set()).add(fold(word))
    roles["month"] = {fold(w) for w in lexicon().data["month_names"]}
    return _Lexicon(units, unit_re, cmp_re, cmp_tails, cmps, {k: frozenset(v) for k, v in roles.items()})


@dataclass(slots=True)
class _Cand:
    """A number being judged: where it is, what follows it, and what it became."""

    span: Found
    value: float
    scale: int
    end: int  # end of the fact text (number + unit)
    unit: str | None = None
    factor: float = 1.0
    role: str = ""  # unit, classifier, count, or "" (bare)
    of: str | None = None
    cmp: str = "="
    cmp_start: int | None = None
    name: bool = False  # part of a name or a year: never a fact, and neither are its list-mates


def find_facts(text: str, *, slash_reversed: bool | None = None) -> list[Fact]:
    """Numeric facts of a (normalized) text, in order.

    ``slash_reversed``: the text stores «a/b» decimals reversed («5/27 درصد» for 27.5, as some
    old archives do). Best computed on the raw text with :func:`slash_decimals_reversed`, whose
    strongest clue (Arabic ي/ك) normalization erases; None decides from ``text`` itself.

    >>> [(f.value, f.unit, f.cmp) for f in find_facts("بیش از ۸۰ درصد جمعیت استان")]
    [(80, 'percent', '>')]
    """
    folded = fold(text)
    if slash_reversed is None:
        slash_reversed = slash_decimals_reversed(folded)
    spans = found_in_folded(text, folded)
    lex = _lexicon()
    cands = [_candidate(lex, folded, s, slash_reversed, nxt) for s, nxt in zip(spans, spans[1:] + [None])]
    _link(folded, cands)
    facts = []
    for c in cands:
        if c is None or c.name or not c.role:
            continue
        if c.role == "count" and (c.value != int(c.value) or c.value < 1):
            continue
        value = c.value * c.factor
        value = round(value) if abs(value - round(value)) < 1e-6 else round(value, 6)
        start = c.cmp_start if c.cmp_start is not None else c.span.start
        facts.append(Fact(start, c.end, value, c.unit or "count", c.of, c.cmp, text[start:c.end]))
    return facts


def _head_form(word: str) -> str:
    """«قطعنامه‌ی» → «قطعنامه»: the ezafe «ی» written after a final «ه» is not part of the word."""
    return word[:-2] if word.endswith(ZWNJ + "ی") else word


def _year_like(s: Found, short: bool = False) -> bool:
    """«۱۴۰۰», «2020» (and with ``short`` «۸۴»): digits in the range of Persian or Christian years."""
    v = s.value
    if s.scale != 1 or not s.text.isdigit() or not isinstance(v, int):
        return False
    return 1300 <= v <= 1500 or 1900 <= v <= 2100 or (short and v < 100)


def _candidate(lex: _Lexicon, folded: str, s: Found, reversed_: bool, nxt: Found | None) -> _Cand | None:
    if s.kind != "number" or s.ordinal:
        return None
    value = float(s.value)
    if reversed_ and "/" in s.text:
        swapped = parse_number(_SLASHED.sub(r"\2/\1", s.text))
        value = float(swapped) if swapped is not None else value
    prev = _head_form(s.prev)
    # «یک تا پنج نفر» is a range, «یک اصل» an article
    if s.indefinite_candidate and (nxt is None or _RANGE_MID.fullmatch(folded, s.end, nxt.start) is None):
        # «خط یک»: still a name for its list-mates
        return _Cand(s, value, s.scale, s.end, name=True) if prev in lex.roles["name_head"] else None
    c = _Cand(s, value, s.scale, s.end)
    m = lex.unit_re.match(folded, s.end)
    if m is None and (prev in lex.roles["name_head"] or _year_like(s, short=True)
                      and (prev in lex.roles["year_head"] or prev in lex.roles["month"])):
        # «منطقه ۲۲ شهرداری», «سال ۸۴», «دی ۹۶»: whatever follows (but «بودجه ۱۰۰ میلیارد تومانی»)
        c.name = True
        return c
    _attach_cmp(lex, folded, c)
    if m is not None:
        _attach_unit(lex, folded, c, m)
    else:
        _attach_count(lex, folded, c)
    if c.role == "count" and _SCALE_ADJ.search(s.text):
        c.role = ""  # «۲ میلیاردی مجلس» is an adjective
    elif c.role in ("count", "classifier") and prev in lex.roles["demonstrative"]:
        c.role = ""  # «این دو معاونت» points back to things counted before
    return c


def _attach_unit(lex: _Lexicon, folded: str, c: _Cand, m: re.Match) -> None:
    """The unit or classifier that ``m`` found after the number, and what it measures."""
    unit_word = _key(m.group("unit"))
    code, factor, role = lex.units[unit_word]
    if m.group("scale") and c.scale == 1:
        c.value *= _SCALES[m.group("scale")]
        c.scale = _SCALES[m.group("scale")]
    end = m.end()
    after = _WORD.match(folded, end)
    of_after = after is not None and after.group(1) == "از"
    if code == "ton" and of_after:
        code = "person"  # «۲۰ تن از نمایندگان» counts people
    c.unit, c.factor, c.role, c.end = code, factor, role, end
    # «۶۰ درصد از مساجد»
    c.of = _noun_phrase(lex, folded, after.end() if role == "unit" and of_after else end)
    if unit_word[-1] in "یه" and unit_word[:-1] in lex.units:
        # an adjective («تونل ۱۸۰۰ متری رسالت»): it describes the noun before it and after it
        before = _noun_before(lex, folded, c, 1)
        c.of = " ".join(filter(None, (before, c.of))) or None
    elif not c.of:
        c.of = _noun_before(lex, folded, c)


def _attach_count(lex: _Lexicon, folded: str, c: _Cand) -> None:
    """The noun counted by a number with no unit after it («۹۸ مسئله و چالش شهری»), if any."""
    end = c.span.end
    w = _WORD.match(folded, end)
    if w is None:
        return
    word, start = w.group(1), w.start(1)
    if start == end and _year_like(c.span) or not _countable(word, folded[end:start], c.span):
        return
    after = _WORD.match(folded, w.end())
    if after and (_is_light_verb(after.group(1)) or f"{word} {after.group(1)}" in lex.roles["pair_stop"]):
        return  # «۱۳۷ اعلام کرد»: the noun belongs to a compound verb; «برابر با» is "equal to"
    c.role, c.end = "count", w.end()
    c.of = _noun_phrase(lex, folded, start) or word
    if word in lex.roles["generic_counter"]:  # «منازل مددجویی ۱۷ مورد»
        c.of = _noun_before(lex, folded, c) or c.of


def _countable(word: str, gap: str, s: Found) -> bool:
    """A counted noun follows the number directly on the same line and looks like a noun.

    A number word joined to the next word by a ZWNJ makes a compound, not a count («سه‌گانه»).
    """
    if "\n" in gap or ZWNJ in gap and not _SPACE.search(gap) and not s.text[-1].isdigit():
        return False
    return _noun_like(word)


@functools.lru_cache(maxsize=65536)
def _noun_like(word: str) -> bool:
    """Not a function word, verb, number or unit: a word that numbers count («۹۸ مسئله»)."""
    roles = _lexicon().roles
    if word in roles["stop"] or word in roles["not_counted"]:
        return False
    if word.startswith(("می" + ZWNJ, "نمی" + ZWNJ)) or word.endswith("گانه"):
        return False  # verbs («می‌رسد»), «دوگانه»
    return parse_number(word) is None and parse_ordinal(word) is None and word not in _lexicon().units


def _noun_phrase(lex: _Lexicon, folded: str, pos: int, limit: int = 5) -> str | None:
    """Words from ``pos`` until a stop word, verb, number or punctuation: «خدمات شهرداری»."""
    words: list[str] = []
    nxt = None  # the word after the phrase, where the loop has read it
    while len(words) < limit:
        m = _LINE_WORD.match(folded, pos)
        if not m:
            break
        w = m.group(1)
        if w == "و" and words:
            after = _WORD.match(folded, m.end())
            if not after or after.group(1) in lex.roles["stop"] or _is_verb(after.group(1)):
                nxt = w
                break
        elif _ends_phrase(w):
            nxt = w
            break
        words.append(w)
        pos = m.end()
    if not words:
        return None
    if nxt is None:
        m = _WORD.match(folded, pos)
        nxt = m.group(1) if m else ""
    if _is_verb(nxt):
        words.pop()  # «افزایش یافت», «نام برد»: the last word belongs to the verb
    while words and words[-1] == "و":
        words.pop()
    return " ".join(words) or None


@functools.lru_cache(maxsize=65536)
def _ends_phrase(word: str) -> bool:
    """A stop word, verb or number: no noun phrase goes on past it."""
    return word in _lexicon().roles["stop"] or _is_verb(word) or parse_number(word) is not None


# Present/past stems of the light verbs of Persian compound verbs («اعلام می‌کند», «انجام شد»).
_LIGHT = re.compile(rf"(?:ن?می{ZWNJ}?|ب)?(?:کن|کرد|شو|شد|ده|داد|گیر|گرفت|یاب|یافت|زن|زد|آور|آورد|نما|نمود|گرد|گردید)"
                    r"(?:م|ی|یم|ید|ند|ه|ن|د)?")


def _is_light_verb(word: str) -> bool:
    if word in _lexicon().roles["keeps_count"]:
        return False
    return word in _lexicon().roles["verb"] or (word.startswith(("می", "نمی")) and _LIGHT.fullmatch(word) is not None)


@functools.lru_cache(maxsize=65536)
def _is_verb(word: str) -> bool:
    return word in _lexicon().roles["verb"] or word.startswith(("می" + ZWNJ, "نمی" + ZWNJ))


def _noun_before(lex: _Lexicon, folded: str, c: _Cand, limit: int = 3) -> str | None:
    """Up to ``limit`` words before the number (or its comparator): «مبلغ ۲۶۰ میلیارد ریال»."""
    pos = c.cmp_start if c.cmp_start is not None else c.span.start
    out: list[str] = []
    # the tokens of the 60 characters before, last first: they read the same backwards
    for m in _TOKENS_BEFORE.finditer(folded[max(0, pos - 60):pos][::-1]):
        w = m.group()[::-1]
        if len(out) == limit or w in lex.roles["stop"] or not w[0].isalpha() or parse_number(w) is not None:
            break
        out.append(w)
    return " ".join(reversed(out)) or None


def _attach_cmp(lex: _Lexicon, folded: str, c: _Cand) -> None:
    start = end = c.span.start
    lo = start - 30 if start > 30 else 0
    while end > lo and (folded[end - 1].isspace() or folded[end - 1] == ZWNJ):
        end -= 1
    if end - lo < 2 or folded[end - 2:end] not in lex.cmp_tails:
        return  # the comparator (or «در» after it) would end right here: no search for most numbers
    m = lex.cmp_re.search(folded, lo, start)
    if m:
        c.cmp, c.cmp_start = lex.cmps[_key(m.group("cmp"))], m.start("cmp")


_CONNECT = re.compile(rf"{_GAP}(?P<c>تا|الی|یا|و|به|-|–|،|,){_GAP}")
_RANGE_MID = re.compile(rf"{_GAP}(?:تا|الی|یا|-|–){_GAP}")
_RANGE_OPEN = re.compile(rf"(?:^|[^\w{ZWNJ}])(?P<o>بین|از|مابین){_GAP}$")


def _connector(folded: str, a: _Cand, b: _Cand) -> str | None:
    m = _CONNECT.fullmatch(folded, a.span.end, b.span.start)
    return m.group("c") if m else None


def _link(folded: str, cands: list[_Cand | None]) -> None:
    """Neighbours joined by a connector share name-ness, unit and scale; «تا» and «-» make ranges."""
    pairs = [(a, b) for a, b in itertools.pairwise(cands) if a is not None and b is not None]
    for a, b in pairs:  # «خطوط ۱ و ۲ و ۳»: list-mates of a name are names
        if a.name and not b.role or a.name and b.role == "count":
            b.name = b.name or _connector(folded, a, b) is not None
    for a, b in reversed(pairs):  # «۳ یا ۴ میلیون مسافر»: the unit flows leftwards
        if a.role or a.name or b.name or not b.role or (conn := _connector(folded, a, b)) is None:
            continue
        if b.role == "count" and conn in ("و", "،", ","):
            continue
        _share(folded, a, b, conn)


def _share(folded: str, a: _Cand, b: _Cand, conn: str) -> None:
    if a.scale == 1 and b.scale > 1 and a.value < 1000:
        a.value, a.scale = a.value * b.scale, b.scale
    a.unit, a.factor, a.role, a.of = b.unit, b.factor, b.role, b.of
    before = folded[max(0, a.span.start - 10):a.span.start]
    if conn in ("تا", "الی", "-", "–") or (conn == "و" and _BETWEEN.search(before)):
        low, high = (a, b) if a.value <= b.value else (b, a)
        low.cmp, high.cmp = ">=", "<="
        opener = _RANGE_OPEN.search(folded, max(0, a.span.start - 8), a.span.start)
        if opener and a.cmp_start is None:
            a.cmp_start = opener.start("o")
    elif conn != "به" and b.cmp == "=":
        b.cmp = a.cmp  # «حدود ۳ یا ۴ میلیون»


def slash_decimals_reversed(text: str) -> bool:
    """Does this text write «a/b» decimals reversed («5/27» for 27.5, dates «1/9/82»)?

    Some archives stored digit runs right-to-left around the slash; they are the ones still
    written with Arabic ي/ك, so pass the text *as found* (before normalization) when you can.
    Votes: the letters (Arabic: reversed, Persian: as written), then «5/27» (short before
    long), «92/0» (a zero integer last) and year-last dates for reversed, the opposite shapes
    against.
    """
    if "/" not in text:
        return False
    arabic, persian = text.count("ي") + text.count("ك"), text.count("ی") + text.count("ک")
    rev = 1.5 if arabic > persian else 0.0
    fwd = 1.5 if persian >= arabic and persian else 0.0
    for m in _slash_pairs(text):  # \d is every script's digit: fold just the groups
        a, b, c = (g and fold(g) for g in m.groups())
        if c is not None:
            if len(c) >= 2 and int(c) > 31 and int(a) <= 31:
                rev += 0.5
            elif len(a) >= 2 and int(a) > 31:
                fwd += 0.5
            continue
        if b == "0" or (len(a) > 1 and a.endswith("0")):
            rev += 2
        elif a == "0" or (len(b) > 1 and b.endswith("0")):
            fwd += 2
        elif len(a) < len(b):
            rev += 1
        elif len(a) > len(b):
            fwd += 1
    return rev > fwd


def _slash_pairs(text: str) -> Iterator[re.Match]:
    """``_SLASH_PAIR.finditer(text)``, tried only just before each «/»: a match starts at most four
    digits before its first slash, and a scan for its leading digit would test every character."""
    pos = look = 0  # where finditer would go on; where to look for the next slash
    while (i := text.find("/", look)) >= 0:
        for p in range(max(pos, i - 4), i):
            if m := _SLASH_PAIR.match(text, p):
                yield m
                pos = m.end()
                break
        look = max(i + 1, pos)
