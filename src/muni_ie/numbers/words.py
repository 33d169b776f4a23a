"""Persian number words: lexicon, tokens and the value of a token sequence.

Persian numbers are built like «دو میلیارد و پانصد میلیون و سیصد هزار و بیست و پنج»:
sub-thousand groups (hundreds, tens, units joined by «و») each multiplied by a scale word,
the parts joined by «و» in decreasing order. Digits may stand for any group («۳ میلیون و ۲۰۰
هزار»), and the words are often written glued or with ZWNJ («بیستوپنج», «یکهزار»).

Values are ints, and a :class:`~fractions.Fraction` only where a fraction is really present
(«نیم», «۱۲/۵», «سه دهم»): int arithmetic is exact too, and many times faster.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from ..resources import data_path
from ..text.trie import word_trie

ZWNJ = "\u200c"

# 1:1 folding (offsets stay valid): Arabic letters → Persian, Persian/Arabic-Indic digits → ASCII.
_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "أ": "ا", "إ": "ا", "\u00a0": " ",
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069]")

# Digits with their separators: «۱۲٬۵۰۰», «1.000.000», decimals with ٫ . or / («۱۲/۵» is 12.5).
DIGIT_NUMBER = r"\d+(?:(?:[,٬]\d{3})+(?!\d)|(?:\.\d{3}){2,}(?!\d))?(?:[٫./]\d+)?"


_FOLDED = tuple(chr(c) for c in _FOLD)
_NEEDS_FOLD = re.compile("[" + "".join(_FOLDED) + "]")


def fold(s: str) -> str:
    """Same-length spelling fold used before matching: «يكهزار ۲۵» → «یکهزار 25».

    Normalized text needs nothing. Over a whole article, one ``in`` per folded character (each a
    tight C loop) finds that out several times faster than a regex class tested at every character.
    """
    needs = _NEEDS_FOLD.search(s) if len(s) < 200 else any(c in s for c in _FOLDED)
    return s.translate(_FOLD) if needs else s


@dataclass(frozen=True)
class Lexicon:
    """Number words by kind: value of each surface form."""

    words: dict[str, tuple[str, int | Fraction]]  # surface → (kind, value); kinds U T X H S F
    ordinals: dict[str, tuple[str, int, bool, bool]]  # surface → (base kind, value, «مین»-form, standalone)
    data: dict


@functools.cache
def lexicon() -> Lexicon:
    """Load ``numbers.json`` once and derive ordinal forms («دوم», «دومین», «صدم» …)."""
    with open(data_path("numbers.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    words: dict[str, tuple[str, int | Fraction]] = {}
    for kind, key in (("U", "units"), ("T", "teens"), ("X", "tens"), ("H", "hundreds"), ("S", "scales")):
        for w, v in data[key].items():
            words[w] = (kind, v if isinstance(v, int) else Fraction(v))
    for w, v in data["scales"].items():
        words[w + data["scale_adjective_suffix"]] = ("S", v if isinstance(v, int) else Fraction(v))  # «۲ میلیاردی»
    for w, v in {**data["fractions"], **data["fractions_parse_only"]}.items():
        words[w] = ("F", Fraction(v).limit_denominator(100))
    ordinals: dict[str, tuple[str, int, bool, bool]] = {}
    adj = data["scale_adjective_suffix"]
    for w, (kind, v) in words.items():
        if kind == "F" or (kind == "S" and w.endswith(adj) and w[:-1] in words) or w in ("یکی", "یه"):
            continue
        ordinals[w + "مین"] = (kind, int(v), True, False)
        if w not in ("سه", "سی"):  # «سهم» is "share", «سیم» wire: the ordinals are «سوم», «سی‌ام»
            ordinals[w + "م"] = (kind, int(v), False, False)
    standalone = set(data["ordinal_standalone"])
    for w, v in data["ordinal_irregular"].items():
        kind = "S" if v >= 1000 else ("X" if v >= 20 else "U")
        ordinals[w] = (kind, v, w.endswith("ین"), w in standalone)
    return Lexicon(words, ordinals, data)


class Token(NamedTuple):
    kind: str  # D digits, U T X H S F words, O ordinal word, Od ordinal digits, A «و»
    value: int | Fraction
    start: int
    end: int
    glued: bool  # no space/ZWNJ between this token and the previous one
    base: str = ""  # for ordinals: the kind of the word the suffix is on
    mine: bool = False  # ordinal written with «مین» (never a fraction denominator)
    alone: bool = False  # ordinal that cannot end a compound («اول», «نخستین»)


@functools.cache
def token_regex() -> re.Pattern:
    """Scanner for one token at a time inside a candidate phrase."""
    lex = lexicon()
    dsuf = word_trie(lex.data["ordinal_digit_suffixes"])
    return re.compile(
        rf"(?P<sp>[\s{ZWNJ}]+)|(?P<od>\d+)[\s{ZWNJ}-]?(?:{dsuf})(?![\w])|(?P<d>{DIGIT_NUMBER})"
        rf"|(?P<o>{word_trie(lex.ordinals)})(?![\w])|(?P<w>{word_trie(lex.words)})|(?P<a>و)"
    )


_DIGITS = re.compile(r"(\d+)(?:[٫./](\d+))?")


def digit_value(s: str) -> int | Fraction:
    """«۱۲٬۵۰۰» → 12500, «12/5» → Fraction(25, 2), «1.000.000» → 10**6, «1.000» → 1000."""
    if s.isdecimal():  # most digit tokens
        return int(s)
    s = s.replace(",", "").replace("٬", "")
    if s.count(".") > 1:
        s = s.replace(".", "")
    m = _DIGITS.fullmatch(s)
    if m is None:
        raise ValueError(s)
    whole, frac = m.groups()
    if frac is None:
        return int(whole)
    if frac == "000" and "." in s:  # «۱.۰۰۰» is a thousand, never 1.0
        return int(whole) * 1000
    return Fraction(int(whole + frac), 10 ** len(frac))  # one Fraction, not an int plus one


def tokenize(s: str, offset: int = 0) -> list[Token] | None:
    """Tokens of a folded phrase, or None when some part of it is not a number token."""
    lex, out, pos, glued = lexicon(), [], 0, False
    for m in token_regex().finditer(s):
        a, b = m.span()
        if a != pos:
            return None
        pos = b
        kind = m.lastgroup
        if kind == "sp":
            glued = False
            continue
        a, b = a + offset, b + offset
        if kind == "d":
            out.append(Token("D", digit_value(m.group()), a, b, glued))
        elif kind == "od":
            out.append(Token("Od", int(m.group("od")), a, b, glued, "D", True))
        elif kind == "o":
            base, v, mine, alone = lex.ordinals[m.group()]
            out.append(Token("O", v, a, b, glued, base, mine, alone))
        elif kind == "w":
            k, v = lex.words[m.group()]
            out.append(Token(k, v, a, b, glued))
        else:
            out.append(Token("A", 0, a, b, glued))
        glued = True
    return out if pos == len(s) else None


_PLACE = {"H": 3, "X": 2, "T": 1, "U": 1}


class _Invalid(Exception):
    pass


def _check_glue(toks: list[Token]) -> None:
    """Glued words need a «و» or a scale between them: «بیستوپنج», «دومیلیون», but not «دوده»."""
    for prev, t in itertools.pairwise(toks):
        joined = prev.kind in ("A", "D") or t.kind in ("A", "S", "D", "Od") or (t.kind == "O" and t.base == "S")
        if t.glued and not joined:
            raise _Invalid


class _Cardinal:
    """Left-to-right reader of one cardinal number; every step raises _Invalid on a misfit."""

    def __init__(self) -> None:
        self.total: int | Fraction = 0  # closed parts
        self.prev_scale: int | None = None  # scale of the last closed part: later parts are smaller
        self.part: int | Fraction | None = None  # current part with its scales applied
        self.part_scale = 1
        self.group: int | Fraction | None = None  # current sub-thousand group
        self.place = 9  # place of the group's last word (H=3, X=2, U/T=1); 0 = closed (digits)
        self.last = ""
        self.anded = False

    def scale(self, t: Token) -> None:
        if self.group is not None and self.prev_scale is not None and t.value > self.prev_scale:
            # «۶ هزار و ۲۰۰ میلیارد» is (6200) × 10**9: a larger scale takes all that precedes it
            if self.total + self.group >= t.value:
                raise _Invalid
            self.part, self.part_scale = (self.total + self.group) * t.value, t.value
            self.total, self.prev_scale, self.group = 0, None, None
        elif self.group is not None:
            self.part, self.part_scale, self.group = self.group * t.value, t.value, None
        elif self.part is not None and self.last == "S" and t.value > self.part_scale:
            self.part, self.part_scale = self.part * t.value, self.part_scale * t.value  # «هزار میلیارد»
        elif self.part is None:
            self.part, self.part_scale = t.value, t.value  # bare «هزار»
        else:
            raise _Invalid
        if self.prev_scale is not None and self.part_scale >= self.prev_scale:
            raise _Invalid

    def fraction(self, t: Token) -> None:
        if self.group is not None and self.anded:  # «یک و نیم»
            self.group, self.place = self.group + t.value, 0
        elif self.part is not None and self.anded and self.group is None:  # «یک میلیون و نیم»
            self.part += t.value * self.part_scale
        elif self.group is None and self.part is None and self.total == 0:  # «نیم میلیون»
            self.group, self.place = t.value, 0
        elif self.group is not None and not self.anded and t.value == Fraction(1, 4) and self.place <= 1:
            self.group, self.place = self.group * t.value, 0  # «سه ربع»
        else:
            raise _Invalid

    def word_or_digits(self, t: Token) -> None:
        k = t.kind
        if self.group is not None:
            if k == "H" and t.value == 100 and self.last == "U" and not self.anded and self.place == 1:
                self.group, self.place = self.group * 100, 3  # «یک صد», «سه صد»
            elif k != "D" and self.anded and 0 < _PLACE[k] < self.place and not (k == "U" and self.last == "T"):
                self.group, self.place = self.group + t.value, _PLACE[k]  # «صد و بیست و پنج»
            else:
                raise _Invalid
            return
        if self.part is not None:  # close the scaled part before a smaller one
            self._close_part()
        elif self.total and not self.anded:
            raise _Invalid
        if self.last not in ("", "A", "S"):
            raise _Invalid
        self.group, self.place = t.value, (0 if k == "D" else _PLACE[k])

    def _close_part(self) -> None:
        self.total, self.prev_scale, self.part = self.total + self.part, self.part_scale, None

    def read(self, toks: list[Token]) -> int | Fraction:
        for t in toks:
            if t.kind == "A":
                if self.last == "A":
                    raise _Invalid
                self.anded, self.last = True, "A"
                continue
            if t.kind == "S":
                self.scale(t)
            elif t.kind == "F":
                self.fraction(t)
            else:
                self.word_or_digits(t)
            self.anded, self.last = False, t.kind
        if self.group is not None:
            if self.part is not None:
                self._close_part()
            if self.prev_scale is not None and self.group >= self.prev_scale:
                raise _Invalid
            self.total += self.group
        return self.total + (self.part or 0)


def cardinal(toks: list[Token]) -> int | Fraction:
    """Value of a cardinal token sequence; raises _Invalid when it is not one number.

    «دو میلیارد و پانصد میلیون» → 2500000000, «هزار و ۳۰۰» → 1300, «دو و نیم» → 2.5.
    """
    if not toks or toks[0].kind == "A" or toks[-1].kind == "A":
        raise _Invalid
    return _Cardinal().read(toks)


def to_number(v: int | Fraction) -> int | float:
    return int(v) if v.denominator == 1 else float(v)


def evaluate(toks: list[Token]) -> tuple[int | Fraction, bool] | None:
    """(value, is_ordinal) of a whole token sequence, or None.

    «بیست و یکمین» → (21, True); «سه دهم» → (0.3, False); «یک و بیست و پنج صدم» → (1.25, False).
    """
    try:
        _check_glue(toks)
        if toks and toks[-1].kind in ("O", "Od"):
            return _ordinal_or_fraction(toks)
        if any(t.kind in ("O", "Od") for t in toks):
            return None
        return cardinal(toks), False
    except _Invalid:
        return None


def _ordinal_or_fraction(toks: list[Token]) -> tuple[int | Fraction, bool] | None:
    last = toks[-1]
    if any(t.kind in ("O", "Od") for t in toks[:-1]):
        return None
    head = toks[:-1]
    if not last.mine and last.base != "D" and head and head[-1].kind != "A":
        frac = _fraction(head, last.value)  # «سه دهم» 0.3, «یک و بیست و پنج صدم» 1.25
        if frac is not None:
            return frac, False
    if last.kind == "Od":
        if head:
            raise _Invalid
        return last.value, True
    if head and last.alone:  # «بیست و یکم», never «بیست و اول»
        return None
    # «دوهزارم», «یک میلیونم»: a scale ordinal multiplies what precedes it, like the cardinal
    base = Token(last.base, last.value, last.start, last.end, last.glued)
    return cardinal(head + [base]), True


def _fraction(head: list[Token], den: int) -> Fraction | None:
    """Numerator + denominator ordinal: the numerator is the group right before it."""
    if den < 2:
        return None
    for i in range(len(head)):
        num_toks = head[i:]
        if num_toks[0].kind == "A":
            continue
        try:
            num = cardinal(num_toks)
        except _Invalid:
            continue
        if not 0 < num < den or any(t.kind == "S" for t in num_toks):
            continue
        rest = head[:i]
        if not rest:
            return Fraction(num) / den
        if rest[-1].kind != "A" or len(rest) < 2:
            continue
        try:
            return cardinal(rest[:-1]) + Fraction(num) / den
        except _Invalid:
            continue
    return None


def _clean(s: str) -> str:
    return _DIACRITICS.sub("", fold(s)).strip()


@functools.cache
def _openings() -> frozenset[str]:
    """What a number phrase can start with besides a digit or a space: the first letter of a number
    word or of «منفی», a ZWNJ, «و» — or a character that cleaning folds or drops (``_clean``)."""
    lex = lexicon()
    cleaned = _DIACRITICS.findall("".join(map(chr, range(0x10000)))) + [chr(c) for c in _FOLD]
    return frozenset(w[0] for w in (*lex.words, *lex.ordinals, *lex.data["negative"], ZWNJ, "و", *cleaned))


def _may_be_number(s: str) -> bool:
    """False where ``s`` is surely no number: most words callers ask about fail on their first letter,
    before the cost of cleaning them."""
    return bool(s) and (s[0].isdecimal() or s[0].isspace() or s[0] in _openings())


@functools.lru_cache(maxsize=65536)
def parse_number(s: str) -> int | float | None:
    """Value of a whole phrase that is exactly one cardinal number, else None.

    >>> parse_number("دو میلیارد و پانصد میلیون"), parse_number("۱۲/۵"), parse_number("ده‌ها")
    (2500000000, 12.5, None)
    """
    if not _may_be_number(s):
        return None
    s = _clean(s).rstrip(".،؛!؟?").strip()
    if re.fullmatch(r"\d+,\d{1,2}", s):  # «۱۲,۵»: a comma before one or two digits is a decimal point
        s = s.replace(",", ".")
    sign = 1
    for neg in lexicon().data["negative"]:
        if s.startswith(neg + " "):
            s, sign = s[len(neg):].strip(), -1
    if not s or re.fullmatch(r"\d{1,4}([/.-])\d{1,2}\1\d{1,4}|\d{1,2}:\d{2}(?::\d{2})?", s):
        return None  # dates and times
    toks = tokenize(s)
    if toks is None:
        return None
    res = evaluate(toks)
    if res is None or res[1]:
        return None
    return to_number(sign * res[0])


@functools.lru_cache(maxsize=65536)
def parse_ordinal(s: str) -> int | None:
    """Value of a whole ordinal phrase: «بیست و یکمین» → 21, «نخستین» → 1, «۲۱مین» → 21.

    «دومی» ("the second one") and cardinals («میلیون») give None.
    """
    toks = tokenize(_clean(s)) if _may_be_number(s) else None
    if not toks:
        return None
    res = evaluate(toks)
    if res is None or not res[1] or res[0].denominator != 1:
        return None
    return int(res[0])
