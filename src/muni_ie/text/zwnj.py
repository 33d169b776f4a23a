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
from dataclasses import dataclass
from itertools import accumulate, compress

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

    def analyze(self, key: str, depth: int = 0) -> str | None:
        """ZWNJ spelling of `key` (a word without ZWNJ), or None to leave it as it is."""
        lex = self.lex
        z = lex.zmap.get(key)
        if z is not None or key in lex.known or depth > 2 or len(key) < 4:
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


_ChunkInfo = tuple[tuple[int, ...], bool, bool, str | None, str | None]


class ZwnjRepair:
    """Finds the ZWNJs a Persian text has lost.

    The text is cut at spaces (`str.split`); each distinct chunk is analysed once and memoized, and
    look-ups done in C (`set.difference`, `map`, `compress`) find the new chunks and the few that
    matter, with no Python loop over every word. The chunks that matter are kept in a dict of their
    own: small, so the look-up of every chunk stays in the CPU cache.

    >>> ZwnjRepair().repair("شهرداریها می شود")
    'شهرداری\u200cها می\u200cشود'
    """

    _MEMO_LIMIT = 300_000

    def __init__(self, lexicon_path: str | None = None) -> None:
        self.lexicon = load_lexicon(lexicon_path)
        self._an = _Analyzer(self.lexicon)
        self._memo: dict[str, tuple[int, ...]] = {}  # word → ZWNJ insertion offsets
        self._seen: set[str] = set()  # space-separated chunks analysed
        # those that matter → (their insertion offsets, whether they end in a left word, whether they
        # start with a right word, their first word, their last word)
        self._chunks: dict[str, _ChunkInfo] = {}
        self._edges: dict[str, tuple[str | None, str | None]] = {}  # the same two words, for neighbours
        self._pair_memo: dict[tuple[str, str], bool] = {}
        lex = self.lexicon
        self._space_suffixes = frozenset(s for s, a in lex.suffixes.items() if a.space)
        self._space_prefixes = frozenset(p for p, a in lex.prefixes.items() if a.space)
        # A lost-ZWNJ space has «می/نمی» or the rarer-word head of a lexicon pair before it, or a suffix
        # or the rarer-word tail of a lexicon pair after it («آیت الله»: «الله», not «آیت» … «به روز»: «روز»).
        rare = [(a, b) if lex.counts.get(a, 0) < lex.counts.get(b, 0) else (None, b) for a, b in lex.space_pairs
                if a not in self._space_prefixes and b not in self._space_suffixes]  # those are found anyway
        self._left_words = self._space_prefixes | {a for a, _ in rare if a}
        self._right_words = self._space_suffixes | {b for a, b in rare if not a}

    def fix_word(self, word: str) -> str:
        """The repaired spelling of one word: «بزرگترین» → «بزرگ‌ترین»."""
        for o in reversed(self._offsets(word)):
            word = word[:o] + ZWNJ + word[o:]
        return word

    def _offsets(self, word: str) -> tuple[int, ...]:
        offsets = self._memo.get(word)
        if offsets is None:
            fixed = self._an.analyze(word.replace(ZWNJ, "")) if _IS_WORD.fullmatch(word) else None
            offsets = _insertions(word, fixed) if fixed else ()
            self._memo[word] = offsets
        return offsets

    def edits(self, text: str) -> list[Edit]:
        """Sorted, non-overlapping edits (start, end, replacement) over `text`: an insertion is
        (i, i, ZWNJ); replacing a space by ZWNJ is (i, i+1, ZWNJ). Nothing else changes."""
        chunks = text.split(" ")  # space-separated chunks; a chunk may hold punctuation or newlines
        if len(self._seen) > self._MEMO_LIMIT:  # bound memory on endless streams
            self._forget()
        for chunk in set(chunks).difference(self._seen):
            self._learn(chunk)
        infos = list(map(self._chunks.get, chunks))  # a small dict: the chunks that matter
        ends: list[int] = []  # chunk i starts at ends[i] + i
        last = len(chunks) - 1
        judged = -1  # the space after chunk `judged` was looked at already
        out: list[Edit] = []
        for i in compress(range(len(chunks)), infos):
            if not ends:  # computed once there is something to place
                ends = list(accumulate(map(len, chunks), initial=0))
            offsets, left, right, lead, trail = infos[i]
            if offsets:
                start = ends[i] + i
                out.extend((start + o, start + o, ZWNJ) for o in offsets)
            # the space before a right word, then the one after a left word
            if right and i > judged + 1:
                before = self._edge_words(chunks[i - 1])[1]
                if self._lost_space(before, lead, chunks, i - 1):
                    out.append((ends[i] + i - 1, ends[i] + i, ZWNJ))
            if left and i < last:
                judged = i
                if self._lost_space(trail, self._edge_words(chunks[i + 1])[0], chunks, i):
                    out.append((ends[i + 1] + i, ends[i + 1] + i + 1, ZWNJ))
        out.sort()
        return out

    def _forget(self) -> None:
        for memo in (self._memo, self._seen, self._chunks, self._edges, self._pair_memo):
            memo.clear()

    def _learn(self, chunk: str) -> None:
        """Memoize what matters about a new `chunk` (see `_chunks`)."""
        self._seen.add(chunk)
        parts = _SPLIT_RE.split(chunk)  # word, separator, word, …
        if len(parts) == 1:  # most chunks are one word
            offsets = self._offsets(chunk)
        else:
            found: list[int] = []
            pos = 0
            for j, part in enumerate(parts):
                if j % 2 == 0 and part:
                    found.extend(pos + o for o in self._offsets(part))
                pos += len(part)
            offsets = tuple(found)
        lead, trail = parts[0] or None, parts[-1] or None
        left, right = trail in self._left_words, lead in self._right_words
        if offsets or left or right:
            self._chunks[chunk] = (offsets, left, right, lead, trail)

    def _edge_words(self, chunk: str) -> tuple[str | None, str | None]:
        """The first and last word of `chunk` (None: it starts / ends with a non-letter)."""
        edges = self._edges.get(chunk)
        if edges is None:
            parts = _SPLIT_RE.split(chunk)
            edges = self._edges[chunk] = (parts[0] or None, parts[-1] or None)
        return edges

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

    def _lost_space(self, before: str | None, after: str | None, chunks: list[str], k: int) -> bool:
        """Whether the space after chunk k, between the words `before` and `after`, stands for a
        ZWNJ: lexicon pairs («آن ها»), «می/نمی» + verb («می شود»), word + suffix («شهرداری ها»)."""
        pair = (before, after)
        if before is None or after is None:
            return False
        if pair not in self.lexicon.space_pairs and not (
                (pair[1] in self._space_suffixes or pair[0] in self._space_prefixes) and self._pair_ok(pair)):
            return False
        return not (pair[0] == "می" and k and chunks[k - 1][-1:].isdigit())  # «۵ می» is the month May

    def _pair_ok(self, pair: tuple[str, str]) -> bool:
        ok = self._pair_memo.get(pair)
        if ok is None:
            ok = self._judge_pair(pair[0].replace(ZWNJ, ""), pair[1].replace(ZWNJ, ""))
            self._pair_memo[pair] = ok
        return ok

    def _judge_pair(self, a: str, b: str) -> bool:
        lex, an = self.lexicon, self._an
        prefix = lex.prefixes.get(a)
        if prefix is not None:  # «می شود», «بی توجهی»
            return prefix.space and an.prefix_rest(a, b) is not None
        rule = lex.suffixes.get(b)
        if rule is None or not rule.space or len(a) < 2 or not an.suffix_ok(a, rule):
            return False
        return an.stem_form(a) is not None
