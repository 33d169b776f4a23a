"""Lexicon, head scan and tokens for the title and organization grammar (phrase_grammar).

Words are compared by ``key`` (no ZWNJ, hamza seats unified: «رئیس» = «رییس»), lexicon surfaces
become regexes where a space matches a space, a ZWNJ or nothing («مدیر کل» = «مدیرکل»), and the
tokenizer glues a plural suffix written apart back to its noun («شهرداری ها»).

Speed: one ``re`` scan per text finds every title head, organization head and outlet name
(``head_hits``), and where a gathering noun may stand for the meeting recognizer; only the
clauses around those hits are tokenized (``clauses``), into parallel lists rather than one object
per token. Both are cached per text, so the title, organization and meeting stages share them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

import regex

from ..resources import data_path, packaged_rows, read_rows
from ..text.trie import trie_pattern

ZWNJ = "\u200c"
_KEY = str.maketrans({"ئ": "ی", "أ": "ا", "إ": "ا", "ؤ": "و", "ة": "ه", "ي": "ی", "ك": "ک", ZWNJ: None})
_FOLD = (("ئ", "ی"), ("أ", "ا"), ("إ", "ا"), ("ؤ", "و"), ("ة", "ه"), ("ي", "ی"), ("ك", "ک"))
# word characters for ``re`` patterns: what the ``regex`` module's [\w\u200c] holds in Persian text
# (``re``'s \w lacks ZWJ and the combining marks)
WORD = "\\w\u200c\u200d\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
# Latin and Arabic-script letters, their marks and ZWNJ: a part of both WORD and the ``regex``
# module's [\p{L}\p{M}\u200c]. A scan that starts at any other character (``[^LETTER]``, a
# prefix ``re`` skips to quickly) misses no word start.
LETTER = ("a-zA-Z\u0620-\u065f\u066e-\u06d3\u06d5-\u06dc\u06df-\u06e8\u06ea-\u06ef\u06fa-\u06fc\u06ff"
          "\u0610-\u061a\u0670\u200c")
# a LETTER that is no letter (ZWNJ, a mark) starting a word: such a word is no ``word`` token
_ODD = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u200c"
# LETTER less _ODD: what a word of the usual clause starts with
_FIRST = "a-zA-Z\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06fc\u06ff"
# the usual clause, tokenized by str.split: maybe a mark, then words (a _FIRST letter or a digit,
# then LETTER/digits) apart by one space or line break, «،» right after a word; then maybe the one
# mark that ends the clause (possessive: nothing after the words can make them give any back,
# and ``re`` saves no state). A word that starts otherwise ends the match: the regex tokenizer
# takes that clause.
_WORD_OF_PLAIN = rf"[{_FIRST}0-9][{LETTER}0-9]*+،?"
_PLAIN = re.compile(rf"([ \n]*)(?:([^{LETTER}0-9\s])([ \n]?))?({_WORD_OF_PLAIN}(?:[ \n]{_WORD_OF_PLAIN})*+)([ \n]?)")
# what ``key`` changes in a word: a letter ``_fold`` unifies, or a ZWNJ
_KEYED = re.compile(f"[{''.join(a for a, _ in _FOLD)}{ZWNJ}]")
_TOKEN = regex.compile(r"(\s*)([\w\u200c]+|\S)")
# a clause: words and spaces, «،» and quotes; it ends at a one-character token that neither a
# title nor a name reads past («،» lists and «...» names go on after theirs). The common ones
# are enough: a clause that runs on past a rarer one only costs more tokens.
_CLAUSE_END = re.compile(r"[.:!?؟؛()\[\]{}»\-–—/…*'+=%@#&|<>•·٪٫٬;,$^~\\]")
_MARK = regex.compile(r"[^\w\u200c\s]")  # a one-character token
_TOKEN_BEFORE = regex.compile(r"(?r)([\w\u200c]+|\S)\s*")
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


def _fold(s: str) -> str:
    """The letter unification of ``key`` without dropping ZWNJ: 1:1, so offsets stay valid."""
    for a, b in _FOLD:
        if a in s:
            s = s.replace(a, b)
    return s


def _units(surface: str) -> list[str]:
    """Regex pieces of a lexicon surface, one per character."""
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
    return out


def surface_pattern(surface: str) -> str:
    """Regex for a lexicon surface: a space matches space/ZWNJ/nothing, «ئ» also «ی», «أ» also «ا».

    >>> bool(regex.fullmatch(surface_pattern("مدیر کل"), "مدیرکل"))
    True
    """
    return "".join(_units(surface))


def _trie(surfaces: Iterable[str]) -> str:
    """``trie_pattern`` of lexicon surfaces (see ``surface_pattern``)."""
    return trie_pattern(_units(s) for s in set(surfaces))


def alternation(surfaces: list[str]) -> str:
    """Longest-first alternation of surface patterns, on Persian word boundaries."""
    return rf"(?<![{WORD}])" + _trie(surfaces) + rf"(?![{WORD}])"


# --- the head scan ----------------------------------------------------------------------------
class HeadHits(NamedTuple):
    """Spans of title heads, organization heads and outlet names, each list as ``finditer`` of
    its own lexicon would give it (leftmost, longest, not overlapping); and ``gatherings``, every
    offset where a gathering noun of meeting_nouns.tsv may start, for the meeting recognizer to
    try its exact pattern at (a word start whose letters fit a noun, whatever follows)."""

    titles: list[tuple[int, int]]
    orgs: list[tuple[int, int]]
    agencies: list[tuple[int, int]]
    gatherings: list[int]


@functools.cache
def _head_scanner() -> re.Pattern[str]:
    """One pattern for the four lexicons, tried one character before each word: the trie of
    them all first (most words fail it within a letter or two), then a lookahead per lexicon
    captures its own match (lookaheads let the matches overlap); the three head lexicons want a
    word edge on both sides, the gathering nouns none (the meeting recognizer checks its own)."""
    lists = (
        [r[0] for r in packaged_rows("titles.tsv")],
        [r[0] for r in packaged_rows("org_heads.tsv")],
        [r[0] for r in packaged_rows("news_agencies.tsv") if r[1] in ("safe", "cue")],
    )
    nouns = [r[1] for r in packaged_rows("meeting_nouns.tsv") if r[0] == "noun"]
    each = "".join(f"(?:(?<![{WORD}])(?=({_trie(words)})(?![{WORD}])))?" for words in lists)
    every = _trie([w for words in lists for w in words] + nouns)
    return re.compile(rf"[^{LETTER}](?={every}){each}(?:(?=({_trie(nouns)})))?")


@functools.lru_cache(maxsize=32)
def head_hits(text: str) -> HeadHits:
    """Title heads, organization heads, outlet names and gathering nouns in ``text`` (cached
    per text: the title, organization and meeting stages read the same text)."""
    titles, orgs, agencies, gatherings = out = HeadHits([], [], [], [])
    t_end = o_end = a_end = 1  # where the last kept match of each lexicon ends
    for m in _head_scanner().finditer("\n" + text):  # the scan starts one character before a word
        _, t, o, a, g = m.regs  # (-1, -1) where a lexicon has no match
        if t[0] >= t_end:
            t_end = t[1]
            titles.append((t[0] - 1, t_end - 1))
        if o[0] >= o_end:
            o_end = o[1]
            orgs.append((o[0] - 1, o_end - 1))
        if a[0] >= a_end:
            a_end = a[1]
            agencies.append((a[0] - 1, a_end - 1))
        if g[0] > 0:
            gatherings.append(g[0] - 1)
    return out


# --- tokens -----------------------------------------------------------------------------------
class Clause:
    """Tokens as parallel lists, in text offsets: from ``begin`` to the end of a clause.

    A token is a word («شهرداری‌ها», «شهرداری ها» glued) or one punctuation mark; ``key`` is its
    lexicon key, ``word`` whether it starts with a letter or digit, ``nl`` whether a line break
    precedes it.
    """

    __slots__ = ("begin", "key", "nl", "raw", "start", "word")

    def __init__(self, begin: int, start: list[int], raw: list[str], key: list[str], word: list[bool],
                 nl: list[bool]) -> None:
        self.begin, self.start, self.raw, self.key, self.word, self.nl = begin, start, raw, key, word, nl

    def __len__(self) -> int:
        return len(self.key)

    def index(self, pos: int) -> int:
        """Index of the first token that starts at or after text offset ``pos``."""
        return bisect.bisect_left(self.start, pos)

    def end(self, k: int) -> int:
        """Text offset after token k."""
        return self.start[k] + len(self.raw[k])


def tokenize(text: str, start: int = 0, end: int | None = None) -> Clause:
    """Word and punctuation tokens of ``text[start:end]``, with offsets in ``text``."""
    end = len(text) if end is None else end
    m = _PLAIN.match(text, start, end)
    if m is None:
        return _tokenize_any(text, start, end)
    gap, lead, lead_gap, body, tail = m.groups()
    after = m.end()
    if end - after > 1 or (after < end and not _is_mark(text[after])) or (lead and not _is_mark(lead)):
        return _tokenize_any(text, start, end)
    lines = "\n" in body
    if lines:
        body = body.replace("\n", " ")
    raws, starts = split_words(body, m.start(4))
    # keys: the raw words unless a letter folds or a ZWNJ goes
    keys = _fold(body).replace(ZWNJ, "").replace("،", " ،").split(" ") if _KEYED.search(body) else raws.copy()
    if not _SPLIT_PLURAL.isdisjoint(keys):  # a plural suffix written apart: glued one by one
        return _tokenize_any(text, start, end)
    n = len(raws)
    # every word starts with a letter or digit
    words = list(map("،".__ne__, raws)) if "،" in body else [True] * n
    nl = [text[s - 1] == "\n" for s in starts] if lines else [False] * n
    nl[0] = "\n" in (lead_gap if lead else gap)
    if lead:  # the mark before the first word
        starts.insert(0, m.start(2))
        raws.insert(0, lead)
        keys.insert(0, lead)
        words.insert(0, lead.isalnum())
        nl.insert(0, "\n" in gap)
    if after < end:  # the mark that ends the clause
        mark = text[after]
        starts.append(after)
        raws.append(mark)
        keys.append(mark)
        words.append(mark.isalnum())
        nl.append(tail == "\n")
    return Clause(start, starts, raws, keys, words, nl)


@functools.cache
def _is_mark(ch: str) -> bool:
    """Whether the character ``ch`` is a token of its own (remembered: a few marks recur)."""
    return _MARK.match(ch) is not None


def split_words(body: str, begin: int, marks: str = "،") -> tuple[list[str], list[int]]:
    """Tokens and their offsets in text made of words apart by single spaces, one of ``marks``
    maybe right after a word (a token of its own); ``begin`` is the offset of ``body``."""
    found = [m for m in marks if m in body]
    for m in found:
        body = body.replace(m, " " + m)
    raws = body.split(" ")
    steps = [len(r) + 1 for r in raws]  # from each token to the next
    for m in found:  # no space between a word and the mark after it
        i = 0
        for _ in range(body.count(m)):
            i = raws.index(m, i + 1)
            steps[i - 1] -= 1
    steps.pop()
    return raws, list(accumulate(steps, initial=begin))


def _tokenize_any(text: str, start: int, end: int) -> Clause:
    """``tokenize`` for any text: one regex match per token."""
    out = Clause(start, [], [], [], [], [])
    folded = _fold(text[start:end])
    b = start
    for gap, raw in _TOKEN.findall(text, start, end):  # each match starts where the last ended
        a = b + len(gap)
        b = a + len(raw)
        k = folded[a - start : b - start].replace(ZWNJ, "")
        if gap == " " and k in _SPLIT_PLURAL and out.word and out.word[-1]:
            out.raw[-1] = text[out.start[-1] : b]
            out.key[-1] += k
            continue
        out.start.append(a)
        out.raw.append(raw)
        out.key.append(k)
        out.word.append(raw[0].isalnum() or raw[0] == "_")
        out.nl.append("\n" in gap)
    return out


class Clauses:
    """Tokens of one text around the places asked for, tokenized once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_end: dict[int, Clause] = {}  # by the offset where the clause ends
        self._heads: list[int] | None = None  # where title and organization heads start
        # a head's start → (offset of its clause's end mark, offset after it, first head of the clause)
        self._clause_of: dict[int, tuple[int, int, int]] = {}

    def _read_heads(self) -> list[int]:
        """Where the heads start, and each one's clause: one clause-end search per clause."""
        text, found = self.text, head_hits(self.text)
        self._heads = heads = sorted({s for s, _ in found.titles + found.orgs + found.agencies})
        stop = -1
        for h in heads:
            if h > stop:  # past the last clause's end: h opens a clause
                after = _CLAUSE_END.search(text, h)
                spot = (after.start(), after.end(), h) if after else (len(text), len(text), h)
                stop = spot[0]
            self._clause_of[h] = spot
        return heads

    def at(self, pos: int) -> Clause:
        """Tokens from the one before the word at offset ``pos`` (or before the first head of its
        clause, so that one tokenization serves them all) to the end of its clause."""
        heads = self._heads if self._heads is not None else self._read_heads()
        spot = self._clause_of.get(pos)
        if spot is None:  # not a head: in the clause of the head before it, if no clause ends between
            i = bisect.bisect_left(heads, pos)
            spot = self._clause_of[heads[i - 1]] if i else None
            if spot is None or spot[0] < pos:
                after = _CLAUSE_END.search(self.text, pos)
                spot = (after.start(), after.end(), pos) if after else (len(self.text), len(self.text), pos)
        _, end, first = spot
        c = self._by_end.get(end)
        if c is not None and c.begin <= pos and (c.index(pos) or c.begin == 0):
            return c  # the token before pos is in it
        begin = first
        while True:  # back over the token before (and a plural suffix, which may be glued)
            m = _TOKEN_BEFORE.match(self.text, 0, begin)
            if m is None:
                begin = 0
                break
            begin = m.start()
            if m.group(1)[0] not in "هة" or key(m.group(1)) not in _SPLIT_PLURAL:
                break
        if c is None or c.begin > begin:
            c = self._by_end[end] = tokenize(self.text, begin, end)
        return c


@functools.lru_cache(maxsize=32)
def clauses(text: str) -> Clauses:
    """The clause tokens of ``text``, shared by every recognizer that reads the same text."""
    return Clauses(text)


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
