"""Repair of stripped or spaced ZWNJ (نیم‌فاصله, U+200C) in Persian text.

Scraped news often loses every ZWNJ: «شهرداریها» for «شهرداری‌ها», «می شود» for «می‌شود».
`ZwnjRepair.edits` returns only insertions of a ZWNJ and space→ZWNJ replacements, so offsets stay
easy to map. It looks words up in a lexicon built from real, well-edited text
(tools/build_zwnj_lexicon.py) and applies a few productive rules (plural «ها», «می/نمی» + verb,
«تر/ترین» after an adjective, clitics after a silent «ه»), each only when the stem is a known word
and the joined form is not: «میدانی», «همین», «بهار» are left whole (hazm splits «میدانی»).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress

from ..resources import data_path, read_rows
from .alignment import Edit

ZWNJ = "\u200c"
# Persian letters after normalization (Arabic ي ك ة … already folded to ی ک ه).
LETTERS = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
TOKEN_RE = re.compile(f"[{LETTERS}](?:[{LETTERS}{ZWNJ}]*[{LETTERS}])?")
_TOK = TOKEN_RE.pattern
_SPLIT_RE = re.compile(f"([^{LETTERS}{ZWNJ}]+)")
_IS_WORD = re.compile(_TOK)
# Letters that never join the next one: a ZWNJ after them is invisible, so writers (and the
# corpus) omit it («کارها», not «کار‌ها»); the rules never insert one there.
NONJOINING = frozenset("آادذرزژوؤأإء")
_PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند", "ه")  # رفتم … رفتند, رفته (می‌رفته)
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")  # روم … روند


@dataclass(frozen=True)
class _Affix:
    after: str  # suffix: allowed last letters of the stem ("" = any joining one); prefix: "V" = before a verb
    adjective: bool  # stem must be an adjective (تر/ترین)
    join: bool  # repair the joined spelling («شهرداریها»)
    space: bool  # repair the spaced spelling («شهرداری ها»)


@dataclass(frozen=True)
class Lexicon:
    zmap: dict[str, str]  # joined spelling → ZWNJ spelling
    known: frozenset[str]  # whole words: never split
    counts: dict[str, int]  # uses of known words in the corpus, to pick between readings
    adjectives: frozenset[str]
    verb_forms: frozenset[str]
    space_pairs: frozenset[tuple[str, str]]  # ("می", "شود"): the space is a lost ZWNJ
    suffixes: dict[str, _Affix]
    prefixes: dict[str, _Affix]


def _verb_forms(stems: list[str]) -> frozenset[str]:
    """Finite forms that follow «می»: past stem + ending, present stem + ending («رو» → «روند», «رویم»)."""
    forms: set[str] = set()
    for row in stems:
        past, _, present = row.partition("#")
        if past:
            forms.update(past + e for e in _PAST_ENDINGS)
        if present and " " not in present:
            forms.update(present + e for e in _PRESENT_ENDINGS)
            if present[-1] in "اوآ":  # vowel-final stems take a glide: گو → گوید
                forms.update(present + "ی" + e for e in _PRESENT_ENDINGS)
    return frozenset(f for f in forms if len(f) >= 2)


def load_lexicon(path: str | None = None) -> Lexicon:
    """Read zwnj_lexicon.tsv (kinds z, s, w, v, x, p; see its header) once per path."""
    return _load_lexicon(str(path or data_path("zwnj_lexicon.tsv")))


@functools.cache
def _load_lexicon(path: str) -> Lexicon:
    zmap: dict[str, str] = {}
    known: set[str] = set()
    counts: dict[str, int] = {}
    adjectives: set[str] = set()
    stems: list[str] = []
    pairs: set[tuple[str, str]] = set()
    affixes: dict[str, dict[str, _Affix]] = {"x": {}, "p": {}}
    for row in read_rows(path):
        kind, form = row[0], row[1]
        if kind == "z":
            zmap[form.replace(ZWNJ, "")] = form
            if len(row) > 2 and row[2] != "0":
                counts[form.replace(ZWNJ, "")] = int(row[2])
        elif kind == "w":
            known.add(form)
            if len(row) > 2 and row[2] != "0":
                counts[form] = int(row[2])
            if len(row) > 3 and "A" in row[3]:
                adjectives.add(form)
        elif kind == "s":
            a, _, b = form.partition(" ")
            pairs.add((a, b))
        elif kind == "v":
            stems.append(form)
        elif kind in affixes:
            flags = row[3]
            affixes[kind][form] = _Affix(row[2], "A" in flags, "J" in flags, "S" in flags)
    adjectives.update(k for k, z in zmap.items() if z.replace(ZWNJ, "") in adjectives)
    # «می شدهاند» too: a part may itself have lost its ZWNJ, if the lexicon maps it back («شده‌اند»).
    pairs.update([(_strip_if_known(a, zmap), _strip_if_known(b, zmap)) for a, b in pairs])
    return Lexicon(zmap, frozenset(known), counts, frozenset(adjectives), _verb_forms(stems),
                   frozenset(pairs), affixes["x"], affixes["p"])


def _strip_if_known(part: str, zmap: dict[str, str]) -> str:
    key = part.replace(ZWNJ, "")
    return key if zmap.get(key) == part else part


def _insertions(token: str, fixed: str) -> tuple[int, ...]:
    """Offsets in `token` where `fixed` has an extra ZWNJ; () if `fixed` drops one of token's ZWNJs."""
    out: list[int] = []
    i = 0
    for ch in fixed:
        if i < len(token) and token[i] == ch:
            i += 1
        elif ch == ZWNJ:
            out.append(i)
        else:
            return ()
    return tuple(out) if i == len(token) else ()


class _Analyzer:
    """Decides the written form of one joined word; every answer is memoized by the caller."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        # joining suffixes by length: a word's possible suffixes are found by slicing, not by trying each
        self.suffixes: dict[int, dict[str, _Affix]] = {}
        for s, a in lex.suffixes.items():
            if a.join:
                self.suffixes.setdefault(len(s), {})[s] = a
        self.prefixes = sorted((p for p, a in lex.prefixes.items() if a.join), key=len, reverse=True)
        self._suffix_tuple = tuple(s for by_len in self.suffixes.values() for s in by_len)
        self._prefix_tuple = tuple(self.prefixes)

    def may_split(self, key: str) -> bool:
        """Whether any rule below could cut `key`: most words that are in no lexicon are spared the rules."""
        return (key.endswith(self._suffix_tuple) or key.startswith(self._prefix_tuple)
                or key.find("ه", 2, len(key) - 3) >= 0 or key.find("ال", 3, len(key) - 4) >= 0)

    def analyze(self, key: str, depth: int = 0) -> str | None:
        """ZWNJ spelling of `key` (a word without ZWNJ), or None to leave it as it is."""
        lex = self.lex
        z = lex.zmap.get(key)
        if z is not None or key in lex.known or depth > 2 or len(key) < 4 or not self.may_split(key):
            return z
        by_suffix = self._by_suffix(key, depth)
        if by_suffix is not None:  # "" = a plural after a non-joining letter: «نهادهای» is fine as it is
            return by_suffix or None
        return self._by_prefix(key, depth) or self._by_compound(key, depth) or self._by_article(key)

    def stem_form(self, stem: str, depth: int = 0) -> str | None:
        """How a known stem is written («شهرداری», «بهره‌برداری»), None if the stem is unknown."""
        lex = self.lex
        if stem in lex.known:
            return stem
        z = lex.zmap.get(stem)
        if z is not None:
            return z
        if len(stem) >= 4 and stem[-1] == "ی" and stem[:-1] in lex.known:
            return stem  # relational adjective: امید → امیدی (امیدی‌پور)
        return self.analyze(stem, depth + 1)

    def suffix_ok(self, stem: str, rule: _Affix) -> bool:
        if rule.after and (stem[-1] not in rule.after or stem.endswith("اه")):
            return False  # after «اه» the ه is a consonant: «شاهم», not «شاه‌ام»
        return not rule.adjective or stem in self.lex.adjectives

    def _by_suffix(self, key: str, depth: int) -> str | None:
        """Stem + suffix; «Xهای» can be «X‌های» or «Xه‌ای» (نام‌های / نامه‌ای): the commoner stem wins.
        "" when that stem ends in a non-joining letter: no ZWNJ is needed («نهادهای» stays)."""
        best: tuple[int, str, str] | None = None  # scores differ: the order suffixes are tried in is moot
        for n, rules in self.suffixes.items():
            suffix = key[-n:]
            rule = rules.get(suffix) if len(key) - n >= 2 else None
            if rule is None:
                continue
            stem = key[:-n]
            if not self.suffix_ok(stem, rule):
                continue
            form = self.stem_form(stem, depth)
            if form is not None:
                score = self.lex.counts.get(stem, 0) * 100 + len(suffix)
                if best is None or score > best[0]:
                    best = (score, form, suffix)
        if best is None:
            return None
        return "" if best[1][-1] in NONJOINING else best[1] + ZWNJ + best[2]

    def _by_prefix(self, key: str, depth: int) -> str | None:
        """«می/نمی» + a finite verb form («میشود» → «می‌شود», «نمیتوانند» → «نمی‌توانند»), or
        «بی» + a known word («بیتوجهی» → «بی‌توجهی»)."""
        for prefix in self.prefixes:
            rest = key[len(prefix):]
            if key.startswith(prefix) and len(rest) >= 2:
                form = self.prefix_rest(prefix, rest, depth)
                if form is not None:
                    return prefix + ZWNJ + form
        return None

    def prefix_rest(self, prefix: str, rest: str, depth: int = 0) -> str | None:
        """How `rest` is written after `prefix`, None if it cannot follow it."""
        lex = self.lex
        if lex.prefixes[prefix].after == "V":
            if rest in lex.verb_forms:
                return rest
            form = self.analyze(rest, depth + 1)
            return form if form is not None and form.split(ZWNJ, 1)[0] in lex.verb_forms else None
        return self.stem_form(rest, depth) if len(rest) >= 3 else None

    def _by_compound(self, key: str, depth: int) -> str | None:
        """Two known words after a silent ه, which never joins inside a simple word: «کوچهباغ».
        After «اه/وه/یه» the ه is usually a consonant (شاه، کوه، فقیه): «شاهدانه» stays whole."""
        known = self.lex.known
        for i in range(3, len(key) - 2):
            if key[i - 1] == "ه" and key[i - 2] not in "اوی" and key[:i] in known:
                form = self.stem_form(key[i:], depth)
                if form is not None:
                    return key[:i] + ZWNJ + form
        return None

    def _by_article(self, key: str) -> str | None:
        """Arabic construct names: known word + «ال» + known word, «سیفالسادات» → «سیف‌السادات».
        Both words have 3+ letters, or «مخالفیم», «کمالی» would be cut."""
        known = self.lex.known
        i = key.find("ال", 3)
        while 0 < i <= len(key) - 6:
            head = key[:i]
            if head[-1] not in NONJOINING and head in known and key[i + 2:] in known:
                return head + ZWNJ + key[i:]
            i = key.find("ال", i + 1)
        return None


# What edits() keeps about a chunk. A bare word that needs nothing: (); a chunk that holds more than a
# word and needs nothing: _MIXED (its edge words are worked out if a neighbour needs them). A bare word
# next to which a space may be a lost ZWNJ, and nothing else: an int of the flags below (small ints cost
# no memory look-up). Any other chunk: (ZWNJ insertion offsets, flags, first word, last word), the edge
# words "" when it starts or ends with a non-letter.
_ChunkInfo = int | tuple[tuple[int, ...], int, str, str] | tuple[()] | frozenset[str]
_MIXED: frozenset[str] = frozenset()  # falsy like (), so `compress` skips it in C
_AFTER_PAIR = 1  # may end a lexicon pair: the space before it is looked up in the pairs
_BEFORE_PAIR = 2  # may start one: the space after it is
_AFTER_RULE = 4  # a suffix («ها»): a rule judges the space before it
_BEFORE_RULE = 8  # «می»: a rule judges the space after it
_AFTER = _AFTER_PAIR | _AFTER_RULE
_BEFORE = _BEFORE_PAIR | _BEFORE_RULE
_NEW = object()  # not in the table
# The commonest non-letters of news text, turned into spaces (same length: offsets hold) before the text
# is cut, so that chunks are bare words, which repeat far more often than «word،» or «(word».
_CUT = ".،\n:\"«»()؛؟"
# What _space_kind answers: no lost ZWNJ; a lost ZWNJ; one unless «می» follows a number («۵ می», May).
_KEEP, _LOST, _LOST_UNLESS_MAY = 0, 1, 2


def _pair_cover(pairs: Iterable[tuple[str, str]], counts: dict[str, int]) -> set[str]:
    """Words that cover every pair (one of its two words is in the set), chosen rare: a space is looked
    at only next to them. Each pair's rarer word first, then those whose pairs are all covered anyway."""
    cover = {a if counts.get(a, 0) < counts.get(b, 0) else b for a, b in pairs}
    others: dict[str, set[str]] = {}
    for a, b in pairs:
        others.setdefault(a, set()).add(b)
        others.setdefault(b, set()).add(a)
    for word in sorted(cover, key=lambda w: (-counts.get(w, 0), w)):
        if word not in others[word] and others[word] <= cover:
            cover.discard(word)
    return cover


class _Memo(dict[str, _ChunkInfo]):
    """chunk → what matters about it; a chunk not seen yet is found in the table of lexicon words or
    analysed, from within the C-level look-up of every chunk (`map(memo.__getitem__, chunks)`)."""

    def __init__(self, table: dict[str, _ChunkInfo], learn: Callable[[str], _ChunkInfo]) -> None:
        super().__init__()
        self._table, self._learn = table, learn

    def __missing__(self, chunk: str) -> _ChunkInfo:
        info = self._table.get(chunk, _NEW)
        if info is _NEW:
            info = self._learn(chunk)
        self[chunk] = info
        return info


class ZwnjRepair:
    """Finds the ZWNJs a Persian text has lost.

    The text is cut at spaces and common punctuation. Each distinct chunk is analysed once and
    memoized (every lexicon word is analysed at construction), and a single dict look-up per chunk,
    done in C (`map`, `compress`), finds the few chunks that matter, with no Python loop over every
    word. Memory look-ups are what cost most once other work has evicted the caches, so the loop over
    the chunks that matter makes few: most flags are small ints, words come from the text, and a space
    is looked at only next to a rare word of each lexicon pair (`_pair_cover`).

    >>> ZwnjRepair().repair("شهرداریها می شود")
    'شهرداری\u200cها می\u200cشود'
    """

    _MEMO_LIMIT = 300_000

    def __init__(self, lexicon_path: str | None = None) -> None:
        self.lexicon = lex = load_lexicon(lexicon_path)
        self._an = _Analyzer(lex)
        self._open_suffixes = frozenset(s for s, a in lex.suffixes.items() if a.space)
        self._open_prefixes = frozenset(p for p, a in lex.prefixes.items() if a.space)
        # A lost-ZWNJ space has «می/نمی» before it or a suffix after it (a rule judges it), or is inside
        # a lexicon pair, which has a word of a rare-word cover on one side («آیت الله»: «الله»).
        pairs = [(a, b) for a, b in lex.space_pairs
                 if a not in self._open_prefixes and b not in self._open_suffixes]  # those are found anyway
        cover = _pair_cover(pairs, lex.counts)
        self._flags: dict[str, int] = {}
        for a, b in pairs:
            if a in cover:
                self._flags[a] = self._flags.get(a, 0) | _BEFORE_PAIR
            if b in cover:
                self._flags[b] = self._flags.get(b, 0) | _AFTER_PAIR
        for word in self._open_prefixes:
            self._flags[word] = self._flags.get(word, 0) | _BEFORE_RULE
        for word in self._open_suffixes:
            self._flags[word] = self._flags.get(word, 0) | _AFTER_RULE
        self._spaces: dict[tuple[str, str], int] = {}  # (word, next word) → _KEEP / _LOST / …, for the rules
        # what the lexicon's words need, worked out once; then every chunk seen
        table = {word: self._learn(word) for word in {*lex.known, *lex.zmap, *lex.zmap.values()}}
        self._chunks = _Memo(table, self._learn)

    def fix_word(self, word: str) -> str:
        """The repaired spelling of one word: «بزرگترین» → «بزرگ‌ترین»."""
        for o in reversed(self._offsets(word)):
            word = word[:o] + ZWNJ + word[o:]
        return word

    def _offsets(self, word: str) -> tuple[int, ...]:
        fixed = self._an.analyze(word.replace(ZWNJ, "")) if _IS_WORD.fullmatch(word) else None
        return _insertions(word, fixed) if fixed else ()

    def edits(self, text: str) -> list[Edit]:
        """Sorted, non-overlapping edits (start, end, replacement) over `text`: an insertion is
        (i, i, ZWNJ); replacing a space by ZWNJ is (i, i+1, ZWNJ). Nothing else changes."""
        cut = text
        for ch in _CUT:
            cut = cut.replace(ch, " ")
        chunks = cut.split(" ")  # a chunk may still hold a digit or a rarer mark
        if len(self._chunks) > self._MEMO_LIMIT:  # bound memory on endless streams
            self._chunks.clear()
            self._spaces.clear()
        infos = list(map(self._chunks.__getitem__, chunks))
        pairs = self.lexicon.space_pairs
        last = len(chunks) - 1
        judged = -1  # the space after chunk `judged` was looked at already
        known, start = 0, 0  # chunk `known` starts at `start`; later ones are placed when needed
        out: list[Edit] = []
        for i in compress(range(len(chunks)), infos):
            info = infos[i]
            if info.__class__ is int:
                flags, lead, trail = info, chunks[i], chunks[i]
            else:
                offsets, flags, lead, trail = info
                if offsets:
                    start += sum(map(len, chunks[known:i])) + i - known
                    known = i
                    out.extend((start + o, start + o, ZWNJ) for o in offsets)
            # the space before a word that may end a pair, then the one after a word that may start one
            if flags & _AFTER and i > judged + 1:
                before = infos[i - 1]
                if before.__class__ is tuple and before:
                    before = before[3]
                else:
                    before = _SPLIT_RE.split(chunks[i - 1])[-1] if before is _MIXED else chunks[i - 1]
                if (before, lead) in pairs:
                    kind = _LOST_UNLESS_MAY if before == "می" else _LOST
                else:
                    kind = self._space_kind(before, lead) if flags & _AFTER_RULE else _KEEP
                if kind:
                    start += sum(map(len, chunks[known:i])) + i - known
                    known = i
                    if self._lost_space(kind, text, start - 1):
                        out.append((start - 1, start, ZWNJ))
            if flags & _BEFORE and i < last:
                after = infos[i + 1]
                if after.__class__ is tuple and after:
                    after = after[2]
                else:
                    after = _SPLIT_RE.split(chunks[i + 1])[0] if after is _MIXED else chunks[i + 1]
                if (trail, after) in pairs:
                    kind = _LOST_UNLESS_MAY if trail == "می" else _LOST
                elif flags & _BEFORE_RULE:
                    kind = self._space_kind(trail, after)
                else:
                    continue  # not settled: a rule may yet join a suffix after it
                judged = i
                if kind:
                    start += sum(map(len, chunks[known:i])) + i - known
                    known = i
                    at = start + len(chunks[i])
                    if self._lost_space(kind, text, at):
                        out.append((at, at + 1, ZWNJ))
        out.sort()
        return out

    def _learn(self, chunk: str) -> _ChunkInfo:
        """What matters about `chunk` (see `_ChunkInfo`)."""
        parts = _SPLIT_RE.split(chunk)  # word, separator, word, …
        mixed = len(parts) > 1
        if not mixed:  # most chunks are one word
            offsets = self._offsets(chunk)
        else:
            found: list[int] = []
            pos = 0
            for j, part in enumerate(parts):
                if j % 2 == 0 and part:
                    found.extend(pos + o for o in self._offsets(part))
                pos += len(part)
            offsets = tuple(found)
        lead, trail = parts[0], parts[-1]
        flags = self._flags.get(lead, 0) & _AFTER | self._flags.get(trail, 0) & _BEFORE
        if offsets or mixed and flags:
            return offsets, flags, lead, trail
        return _MIXED if mixed else flags or ()

    def repair(self, text: str) -> str:
        """`text` with all edits applied: «بهویژه در کلانشهرها» → «به‌ویژه در کلان‌شهرها»."""
        parts: list[str] = []
        last = 0
        for start, end, rep in self.edits(text):
            parts.append(text[last:start])
            parts.append(rep)
            last = end
        parts.append(text[last:])
        return "".join(parts)

    @staticmethod
    def _lost_space(kind: int, text: str, at: int) -> bool:
        """Whether `text[at]`, between two words that `kind` says may be one, is a space to replace."""
        if text[at] != " ":  # a mark the text was cut at
            return False
        if kind == _LOST_UNLESS_MAY:  # «۵ می»: the chunk before the one that ends in «می» ends in a digit
            before = text.rfind(" ", 0, at)
            return not (before > 0 and text[before - 1].isdigit())
        return True

    def _space_kind(self, before: str, after: str) -> int:
        """Whether a space between the words `before` and `after` ("": none) is a lost ZWNJ by a rule
        (memoized): «می/نمی» + verb («می شود»), word + suffix («شهرداری ها»)."""
        pair = (before, after)
        kind = self._spaces.get(pair)
        if kind is None:
            if before and after and (after in self._open_suffixes or before in self._open_prefixes) \
                    and self._judge_pair(before.replace(ZWNJ, ""), after.replace(ZWNJ, "")):
                kind = _LOST_UNLESS_MAY if before == "می" else _LOST
            else:
                kind = _KEEP
            self._spaces[pair] = kind
        return kind

    def _judge_pair(self, a: str, b: str) -> bool:
        lex, an = self.lexicon, self._an
        prefix = lex.prefixes.get(a)
        if prefix is not None:  # «می شود», «بی توجهی»
            return prefix.space and an.prefix_rest(a, b) is not None
        rule = lex.suffixes.get(b)
        if rule is None or not rule.space or len(a) < 2 or not an.suffix_ok(a, rule):
            return False
        return an.stem_form(a) is not None
