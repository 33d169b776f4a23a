"""Host place of a gathering: «به میزبانی همدان», a place inside its name, «در X» after it,
the dateline, or the place the article names most.

The article's place names are matched as an alternation would match them (longest name first,
whole words, «ی»/«ئ» and ZWNJ/space/nothing alike) but without compiling a regex per article:
each name has its own small pattern, compiled once per process, and word edges are checked only
where a pattern hits.
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


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A name's surface forms: «قاینات» also matches «قائنات», «اسلام‌شهر» «اسلام شهر»."""
    parts = []
    for ch in name.replace(ZWNJ, " "):
        parts.append("[\u200c ]?" if ch == " " else "[یئ]" if ch in "یئ" else re.escape(ch))
    return re.compile("".join(parts))


def sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (hard-wrapped lines do not end a sentence)."""
    start = max(0, pos - 400)
    for m in _SENT_END.finditer(text, start, pos):
        start = m.end()
    m = _SENT_END.search(text, pos, min(len(text), pos + 400))
    return start, (m.start() if m else min(len(text), pos + 400))


def after(text: str, pos: int) -> tuple[int, int]:
    """From ``pos`` to the end of its sentence or to the colon that opens a quote."""
    _, end = sentence(text, pos)
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
        self._patterns = [_name_pattern(n) for n in order]
        self._first = frozenset(c for n in order for c in ("یئ" if n[0] in "یئ" else n[0]))
        self._canon: dict[str, str] = {}  # spelling key → the first name given with that key
        for n in names:
            self._canon.setdefault(_place_key(n), n)
        self._article_place: tuple[str | None, str | None] = (None, None)  # (text, its place)

    def _edges_ok(self, text: str, start: int, end: int, endpos: int) -> bool:
        return (start == 0 or _EDGE.match(text, start - 1) is None) and (
            end >= endpos or _EDGE.match(text, end, endpos) is None)

    def _match(self, text: str, pos: int, endpos: int) -> tuple[int, int] | None:
        """The span of the first name (in alternation order) that matches at ``pos``."""
        if text[pos:pos + 1] not in self._first or (pos and _EDGE.match(text, pos - 1)):
            return None
        for p in self._patterns:
            m = p.match(text, pos, endpos)
            if m and self._edges_ok(text, pos, m.end(), endpos):
                return pos, m.end()
        return None

    def _matches(self, text: str, start: int, endpos: int) -> Iterator[tuple[int, int]]:
        """Non-overlapping name spans in ``text[start:endpos]``, leftmost first (like ``finditer``)."""

        def first(p: re.Pattern[str], pos: int) -> tuple[int, int] | None:
            while (m := p.search(text, pos, endpos)) is not None:
                if self._edges_ok(text, m.start(), m.end(), endpos):
                    return m.span()
                pos = m.start() + 1
            return None

        nxt = [first(p, start) for p in self._patterns]
        pos = start
        while True:
            best = None
            for i, span in enumerate(nxt):
                if span is not None and span[0] < pos:
                    span = nxt[i] = first(self._patterns[i], pos)
                if span is not None and (best is None or span[0] < best[0]):
                    best = span  # on a tie the earlier (longer) name wins
            if best is None:
                return
            yield best
            pos = best[1]

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
