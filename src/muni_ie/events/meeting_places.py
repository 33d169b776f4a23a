"""Host place of a gathering: «به میزبانی همدان», a place inside its name, «در X» after it,
the dateline, or the place the article names most.

The article's place names are matched as an alternation would match them (longest name first,
whole words, «ی»/«ئ» and ZWNJ/space/nothing alike) but without compiling a regex: each name is
a few plain strings (``_name_forms``) sought in the text with «ئ» and ZWNJ folded (``_fold``),
and word edges are checked only where one is found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from .meeting_lexicon import ZWNJ, _key, _Lexicon

_WORD = regex.compile(r"[\p{L}\p{M}\u200c\d]+")
_EDGE = regex.compile(r"[\p{L}\p{M}\u200c]")  # a place name may not touch one of these
_FROM = regex.compile(r"(?<!نقل)\sاز\s+([\p{L}\u200c]+)\s*$")  # «... فارس از قم»
# «[.!?؟](?=\s|$)|\n\s*\n» in stdlib re, which searches it many times faster: the first character
# is one class, and \s is regex's White_Space (re's \s also has U+001C..U+001F)
_WS = r"[^\S\x1c-\x1f]"
_SENT_END = re.compile(rf"[.!?؟\n](?:(?<=[.!?؟])(?={_WS}|$)|(?<=\n){_WS}*\n)")


def _fold(text: str) -> str:
    """«ئ» as «ی» and ZWNJ as a space: one character for one, so offsets stay valid."""
    return text.replace("ئ", "ی").replace(ZWNJ, " ")


@functools.lru_cache(maxsize=4096)
def _name_forms(name: str) -> tuple[str, ...]:
    """A name's surface forms in ``_fold``ed text: «قاینات» also matches «قائنات», «اسلام‌شهر»
    «اسلام شهر» and «اسلامشهر» (a ZWNJ or space in a name is one, the other or nothing). Where
    two forms fit at one offset (a space at the end), the first is what a regex of the name,
    greedy, would match."""
    parts = _fold(name).split(" ")
    forms = [parts[0]]
    for part in parts[1:]:
        forms = [f + sep + part for f in forms for sep in (" ", "")]
    return tuple(dict.fromkeys(forms))


@functools.cache
def _in_word(ch: str) -> bool:
    """Whether a place name may not touch ``ch`` (``_EDGE``, remembered per character)."""
    return _EDGE.match(ch) is not None


def sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (hard-wrapped lines do not end a sentence)."""
    return sentence_start(text, pos), _sentence_end(text, pos)


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence around ``pos``, as ``sentence`` gives it."""
    start = max(0, pos - 400)
    for m in _SENT_END.finditer(text, start, pos):
        start = m.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    """End of the sentence around ``pos``, as ``sentence`` gives it."""
    m = _SENT_END.search(text, pos, min(len(text), pos + 400))
    return m.start() if m else min(len(text), pos + 400)


def after(text: str, pos: int) -> tuple[int, int]:
    """From ``pos`` to the end of its sentence or to the colon that opens a quote."""
    end = _sentence_end(text, pos)
    colon = text.find(":", pos, end)
    return pos, (colon if colon >= 0 else end)


def _place_key(s: str) -> str:
    return _key(s).replace("ئ", "ی")


class PlaceFinder:
    """Host place of a gathering, from the article's place names (or a fallback without them)."""

    _HOST = regex.compile(r"میزبانی\s+(?:(?:استان|شهرستان|شهر|کلانشهر)\s+)?")
    _IN = regex.compile(r"\s*(?:که\s+)?در\s+(?:(?P<head>استان|شهرستان|شهر)\s+)?")
    _DATELINE = regex.compile(r"(?:به\s+گزارش|به\s+نقل\s+از)[^.،:\n]{0,150}")

    def __init__(self, names: tuple[str, ...], lex: _Lexicon):
        self.names, self.heads = names, lex.role("place_head")
        order = sorted(set(names) - {""}, key=len, reverse=True)  # longest first, as an alternation tries them
        self._forms = [_name_forms(n) for n in order]
        self._first = frozenset(c for n in order for c in ("یئ" if n[0] in "یئ" else n[0]))
        self._canon: dict[str, str] = {}  # spelling key → the first name given with that key
        for n in names:
            self._canon.setdefault(_place_key(n), n)
        self._article_place: tuple[str | None, str | None] = (None, None)  # (text, its place)
        self._folded = ("", "")  # (text, _fold(text)) for the text last read

    def _fold_text(self, text: str) -> str:
        if self._folded[0] is not text:
            self._folded = (text, _fold(text))
        return self._folded[1]

    @staticmethod
    def _edges_ok(text: str, start: int, end: int, endpos: int) -> bool:
        return (start == 0 or not _in_word(text[start - 1])) and (end >= endpos or not _in_word(text[end]))

    def _match(self, text: str, pos: int, endpos: int) -> tuple[int, int] | None:
        """The span of the first name (in alternation order) that matches at ``pos``."""
        if text[pos:pos + 1] not in self._first or (pos and _in_word(text[pos - 1])):
            return None
        folded = self._fold_text(text)
        for forms in self._forms:
            for f in forms:
                if folded.startswith(f, pos, endpos):
                    if self._edges_ok(text, pos, pos + len(f), endpos):
                        return pos, pos + len(f)
                    break  # the name's match here (its first form that fits) touches a word
        return None

    def _matches(self, text: str, start: int, endpos: int) -> Iterator[tuple[int, int]]:
        """Non-overlapping name spans in ``text[start:endpos]``, leftmost first (like ``finditer``):
        every span where a name matches, then the leftmost of those, on a tie the earlier
        (longer) name."""
        folded, found = self._fold_text(text), []
        for i, forms in enumerate(self._forms):
            ends: dict[int, int] = {}  # where the name is found → the end of its first form there
            for f in forms:
                a = folded.find(f, start, endpos)
                while a >= 0:
                    ends.setdefault(a, a + len(f))
                    a = folded.find(f, a + 1, endpos)
            found.extend((a, i, b) for a, b in ends.items() if self._edges_ok(text, a, b, endpos))
        pos = start
        for a, _, b in sorted(found):
            if a >= pos:
                yield a, b
                pos = b

    def at(self, text: str, pos: int, guess: bool) -> str | None:
        """The place starting at ``pos``; without place names, the next word when ``guess``."""
        if self.names:
            span = self._match(text, pos, len(text))
            return self._canonical(text[span[0]:span[1]]) if span else None
        m = _WORD.match(text, pos)
        return m.group() if m and guess else None

    def _canonical(self, surface: str) -> str:
        return self._canon.get(_place_key(surface), surface)

    def host(self, text: str, mentions: list[tuple[int, int]], start: int, end: int) -> str | None:
        """«به میزبانی X» > place in the name > «در X» after it > dateline > most mentioned place."""
        for _, b in mentions:
            h = self._HOST.search(text, *after(text, b))
            if h and (p := self.at(text, h.end(), True)):
                return p
        if inside := self._in_name(text, start, end):
            return inside
        h = self._IN.match(text, end, after(text, end)[1])
        if h and (p := self.at(text, h.end(), bool(h.group("head")))):
            return p
        if self._article_place[0] is not text:  # the same for every gathering of the article
            self._article_place = (text, self._dateline_or_most_named(text))
        return self._article_place[1]

    def _dateline_or_most_named(self, text: str) -> str | None:
        d = self._DATELINE.search(text, 0, min(len(text), 400))
        if not self.names:  # «به گزارش خبرگزاری فارس از قم،»
            p = d and _FROM.search(d.group())
            return p.group(1) if p and text[d.end():d.end() + 1] in "،," else None
        if d and (span := next(self._matches(text, d.start(), d.end()), None)):
            return self._canonical(text[span[0]:span[1]])
        counts: dict[str, int] = {}
        for a, b in self._matches(text, 0, len(text)):
            c = self._canonical(text[a:b])
            counts[c] = counts.get(c, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    def _in_name(self, text: str, start: int, end: int) -> str | None:
        """«... شهرداران استان سمنان» → سمنان: the place after a head word, else the last place."""
        found = None
        for w in _WORD.finditer(text, start, end):
            if _key(w.group()) in self.heads and (p := self.at(text, w.end() + 1, w.end() + 1 < end)):
                return p
            if self.names and (p := self.at(text, w.start(), False)):
                found = p
        return found
