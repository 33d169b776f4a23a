"""Lexicon and tokens for the title and organization grammar (phrase_grammar).

Words are compared by ``key`` (no ZWNJ, hamza seats unified: «رئیس» = «رییس»), lexicon surfaces
become regexes where a space matches a space, a ZWNJ or nothing («مدیر کل» = «مدیرکل»), and the
tokenizer glues a plural suffix written apart back to its noun («شهرداری ها»).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..resources import data_path, packaged_rows, read_rows

ZWNJ = "\u200c"
_KEY = str.maketrans({"ئ": "ی", "أ": "ا", "إ": "ا", "ؤ": "و", "ة": "ه", "ي": "ی", "ك": "ک", ZWNJ: None})
_TOKEN = regex.compile(r"(\s*)([\w\u200c]+|\S)")
_FOLD = str.maketrans({"ئ": "ی", "أ": "ا", "إ": "ا", "ؤ": "و", "ة": "ه", "ي": "ی", "ك": "ک"})
# Persian number words that can follow «منطقه», «اصل», «شعبه» («شهردار منطقه یک»)
NUMBER_WORDS = frozenset(
    ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده", "بیست", "اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم"]
)
# a plural or indefinite ending: «شهرداری‌ها», «مکان‌هایی», «منطقه‌ای» are never a place or a name
PLURALISH = regex.compile(r"(?:[\u200c ](?:ها|های|هایی|ای|اند)|..ها|هایی|های)$")
# a plural suffix written apart («شهرداری ها»): glued to its noun by the tokenizer
_SPLIT_PLURAL = frozenset({"ها", "های", "هایی", "هاست", "هایش", "هایشان"})


def key(word: str) -> str:
    """Lexicon key: no ZWNJ, hamza seats unified («رئیس» and «رییس» are one key)."""
    return word.translate(_KEY)


def surface_pattern(surface: str) -> str:
    """Regex for a lexicon surface: a space matches space/ZWNJ/nothing, «ئ» also «ی», «أ» also «ا».

    >>> bool(regex.fullmatch(surface_pattern("مدیر کل"), "مدیرکل"))
    True
    """
    out = []
    for ch in surface:
        if ch in " \u200c":
            out.append("[ \u200c]?")
        elif ch == "ئ":
            out.append("[ئی]")
        elif ch in "أا" and out:
            out.append("[أا]")
        elif ch == "،":
            out.append(" ?، ?")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def alternation(surfaces: list[str]) -> str:
    """Longest-first alternation of surface patterns, on Persian word boundaries."""
    pats = [surface_pattern(s) for s in sorted(set(surfaces), key=len, reverse=True)]
    return r"(?<![\w\u200c])(?:" + "|".join(pats) + r")(?![\w\u200c])"


class Token(NamedTuple):
    start: int
    end: int
    raw: str
    key: str
    word: bool  # letters/digits, not punctuation
    nl_before: bool  # a line break separates it from the token before


@functools.lru_cache(maxsize=8)
def tokenize(text: str) -> tuple[Token, ...]:
    """Word and punctuation tokens with offsets («شهرداری‌ها» is one token).

    Cached for the last few texts: the title and organization stages read the same document.
    """
    folded = text.translate(_FOLD)  # 1:1, so token offsets index it too
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        gap, a, b = m.group(1), m.start(2), m.end()
        k = folded[a:b]
        if ZWNJ in k:
            k = k.replace(ZWNJ, "")
        if out and gap == " " and k in _SPLIT_PLURAL and out[-1].word:
            p = out.pop()
            out.append(Token(p.start, b, text[p.start:b], p.key + k, True, p.nl_before))
        else:
            c = text[a]
            out.append(Token(a, b, text[a:b], k, c.isalnum() or c == "_", "\n" in gap))
    return tuple(out)


@functools.lru_cache(maxsize=8)
def token_starts(text: str) -> list[int]:
    """Start offsets of ``tokenize(text)``, for bisecting a regex match to its token."""
    return [t.start for t in tokenize(text)]


@dataclass(frozen=True)
class Words:
    """The grammar's closed classes (title_words.tsv) and head frames, keyed by ``key``."""

    cats: dict[str, frozenset[str]]
    prep: dict[str, str]
    closed: frozenset[str]  # space-free keys of names that end a chain («سیستان و بلوچستان», «قوه قضائیه»)
    first_names: frozenset[str]
    head_frames: dict[str, frozenset[str]]  # one-token title heads → flags; org heads → "body:"+frame

    def has(self, cat: str, w: str) -> bool:
        return w in self.cats.get(cat, ())


@functools.cache
def load_words() -> Words:
    """title_words.tsv + heads of titles.tsv / org_heads.tsv + first_names.tsv, loaded once."""
    cats: dict[str, set[str]] = {}
    prep: dict[str, str] = {}
    closed: set[str] = set()
    for row in packaged_rows("title_words.tsv"):
        w, cat = row[0].strip(), row[1].strip()
        if cat.startswith("prep:"):
            prep[key(w)] = key(cat[5:])
        elif cat == "place":
            closed.add(key(w).replace(" ", ""))
        else:
            cats.setdefault(cat, set()).add(key(w))
    for row in packaged_rows("honorifics.tsv"):  # «... شهرداری تهران | دکتر ...»: a name follows
        if row[1].strip() != "ambiguous" and row[0] != "استاد":
            cats.setdefault("stop", set()).update({key(row[0].split()[0]), key(row[0]).replace(" ", "")})
    heads: dict[str, set[str]] = {}
    for row in packaged_rows("titles.tsv"):  # one-word heads, and many-word ones written as one
        heads.setdefault(key(row[0]).replace(" ", ""), set()).update(row[2].split(","))
    for row in packaged_rows("org_heads.tsv"):
        if row[1] == "fixed":
            closed.add(key(row[0]).replace(" ", "").replace("،", ""))
        if " " not in row[0]:
            heads.setdefault(key(row[0]), set()).add("body:" + row[1])
    names: set[str] = set()
    path = data_path("first_names.tsv")
    if path.exists():  # the person recognizer's lexicon; without it names end titles less often
        names = {key(r[0]) for r in read_rows(path) if len(r) > 1 and r[1] == "name"}
    return Words({c: frozenset(s) for c, s in cats.items()}, prep, frozenset(closed), frozenset(names),
                 {k: frozenset(v) for k, v in heads.items()})


@functools.cache
def common_words() -> frozenset[str]:
    """Frequent Persian words (the person recognizer's common_words.txt), if packaged."""
    path = data_path("common_words.txt")
    return frozenset(key(r[0]) for r in read_rows(path)) if path.exists() else frozenset()


# a subjunctive or negated verb («بتواند», «نکند»): no place name, unless a gazetteer says so


@functools.cache
def packaged_places(name: str = "gazetteer.tsv") -> frozenset[str]:
    """Place names and variants from the places recognizer's gazetteer.tsv (or countries.tsv), if
    packaged (columns: id, kind, name, province, county, official, variants separated by «|»)."""
    names: set[str] = set()
    path = data_path(name)
    if path.exists():
        for row in read_rows(path):
            if len(row) > 2:
                names.add(row[2])
            if len(row) > 6:
                names.update(v for v in row[6].split("|") if v)
    return frozenset(names)
