"""Named organizations in Persian news: ministries, municipalities, councils, companies, outlets.

A name is a head from org_heads.tsv plus its chain (phrase_grammar): «سازمان حفاظت محیط زیست»,
«شورای اسلامی شهر تهران», «شرکت «نیرو محرکه»». Generic uses are not names: plurals
(«شهرداری‌ها»), a place-body with no place («شهرداری» alone, «شهرداری هوشمند»), a head with no
name («سازمان»), or a head after a demonstrative («این سازمان»). News outlets come from
news_agencies.tsv; names that are also common words («مهر», «همشهری») need a source cue.
Bodies nested in a longer name are mentions too: «سازمان فرهنگی هنری شهرداری تهران» also
yields «شهرداری تهران».
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..resources import packaged_rows
from .phrase_grammar import PhraseGrammar, Token, alternation, key, surface_pattern, token_starts, tokenize


@dataclass(frozen=True)
class OrgMention:
    """An organization name as written (normalized text), with its offsets."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Lexicon:
    heads: regex.Pattern[str]
    frames: dict[str, str]  # key of a head surface → fixed/place/name/weak/agency
    agencies: regex.Pattern[str]
    agency_modes: dict[str, str]  # key → safe/cue
    cue: regex.Pattern[str]  # a source cue ending where an outlet name starts: «به گزارش |مهر»
    site: regex.Pattern[str]  # «پایگاه خبری تحلیلی |امیدنامه»: group 1 is the site's name


@functools.cache
def _lexicon() -> _Lexicon:
    heads = packaged_rows("org_heads.tsv")
    rows = packaged_rows("news_agencies.tsv")
    outlets = [r for r in rows if r[1] in ("safe", "cue")]
    cues = [surface_pattern(r[0]) for r in rows if r[1] == "sourcecue"]
    sites = sorted((surface_pattern(r[0]) for r in rows if r[1] == "sitecue"), key=len, reverse=True)
    return _Lexicon(
        regex.compile(alternation([r[0] for r in heads])),
        {_k(r[0]): r[1].strip() for r in heads},
        regex.compile(alternation([r[0] for r in outlets])),
        {_k(r[0]): r[1].strip() for r in outlets},
        regex.compile(r"(?:" + "|".join(cues) + r")[ \u200c]*[«\"]?$"),
        regex.compile(r"(?<![\w\u200c])(?:" + "|".join(sites) + r") [«\"]?([\w\u200c]+)"),
    )


def _k(s: str) -> str:
    """Head/agency lookup key: spelling-insensitive and space-insensitive."""
    return key(s).replace(" ", "").replace("،", "")


class OrganizationRecognizer:
    """Finds organization mentions in normalized Persian text.

    >>> [m.name for m in OrganizationRecognizer().find("رئیس شورای شهر همدان گفت")]
    ['شورای شهر همدان']
    """

    def __init__(self, grammar: PhraseGrammar | None = None) -> None:
        self.lex = _lexicon()
        self.grammar = grammar or PhraseGrammar()

    def find(self, text: str) -> list[OrgMention]:
        toks = tokenize(text)
        starts = token_starts(text)
        spans = []
        for m in self.lex.heads.finditer(text):
            span = self._head_span(text, toks, starts, m)
            if span is not None:
                spans.append(span)
        out = [_mention(text, s, e) for s, e in self._trim(toks, starts, spans)]
        out.extend(self._agencies(text, toks, starts, out))
        out.sort(key=lambda o: (o.start, -o.end))
        return out

    def _trim(self, toks: Sequence[Token], starts: list[int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Chains cut back to a form the text uses alone (PhraseGrammar.trim_to_known)."""
        idx = [(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)) for s, e in spans]
        return [(toks[a].start, toks[b - 1].end) for a, b in self.grammar.trim_to_known(toks, idx)]

    def _head_span(self, text: str, toks: Sequence[Token], starts: list[int], m: regex.Match[str]):
        """(start, end) of the organization whose head is ``m``, or None if it is generic."""
        frame = self.lex.frames.get(_k(m.group()), "name")
        g = self.grammar
        i = bisect.bisect_left(starts, m.start())
        k = bisect.bisect_left(starts, m.end())  # first token after the head
        if toks[k - 1].end > m.end():
            return None  # the head is the stem of a plural written apart («شهرداری ها»)
        if i > 0 and not toks[i].nl_before and (g.w.has("generic", toks[i - 1].key) or g.w.has(
                "demonstrative", toks[i - 1].key) or toks[i - 1].key.isdigit()):
            return None  # «این سازمان», «هر شهرداری», «11 عضو»
        if frame == "fixed":
            nxt = toks[k] if k < len(toks) else None
            if nxt is not None and nxt.word and g.w.has("fixedstop", nxt.key):
                return None  # «مجلس ختم»
            return m.start(), m.end()
        if frame == "agency":
            a = self.lex.agencies.match(text, toks[k].start) if k < len(toks) else None
            if a is not None:
                return m.start(), a.end()
        quoted = self._quoted(toks, k) if frame in ("name", "weak") else None
        if quoted is not None:
            return m.start(), quoted
        if k < len(toks) and g.is_head(toks[k].key) and frame != "place":
            return None  # «سازمان شهرداری» is caught by the inner head
        chain = g.extend(toks, k, expect="place" if frame == "place" else None)
        if chain.words == 0 or (frame == "place" and not chain.placed):
            return None
        first = chain.first or ""
        if g.w.has("namestop", first) or (frame == "weak" and (chain.words < 2 or g.w.has("weakstop", first))):
            return None  # «مرکز استان», «بانک اطلاعات», «شورای پنجم»
        return m.start(), toks[chain.end - 1].end

    @staticmethod
    def _quoted(toks: Sequence[Token], k: int) -> int | None:
        """End of a quoted name right after the head («شرکت «نیرو محرکه»»), up to 6 words."""
        if k >= len(toks) or toks[k].raw not in "«\"":
            return None
        close = "»" if toks[k].raw == "«" else '"'
        for j in range(k + 1, min(k + 8, len(toks))):
            if toks[j].raw == close:
                return toks[j].end if j > k + 1 else None
            if not toks[j].word or toks[j].nl_before:
                return None
        return None

    def _agencies(self, text: str, toks: Sequence[Token], starts: list[int], found: list[OrgMention]):
        """Outlet names: always for safe ones, after a source cue or as a dateline for cue ones."""
        taken = [(o.start, o.end) for o in found]
        for m in self.lex.agencies.finditer(text):
            if any(a <= m.start() and m.end() <= b for a, b in taken):
                continue  # inside «خبرگزاری صدا و سیما»
            if self.lex.agency_modes.get(_k(m.group()), "cue") == "cue" and not self._cued(text, toks, starts, m):
                continue
            yield OrgMention(m.start(), m.end(), m.group())
        for m in self.lex.site.finditer(text):
            s, e = m.span(1)
            i = bisect.bisect_left(starts, s)
            if not self.grammar.stops(toks, i) and not any(a <= s and e <= b for a, b in taken):
                yield OrgMention(s, e, m.group(1))

    def _cued(self, text: str, toks: Sequence[Token], starts: list[int], m: regex.Match[str]) -> bool:
        if self.lex.cue.search(text, max(0, m.start() - 40), m.start()):
            return True
        # dateline «مهر: ...» / «سما: ...», but not «استان فارس:» or «15 مهر:»
        after = text[m.end() : m.end() + 2].lstrip(" ")
        i = bisect.bisect_left(starts, m.start())
        prev = toks[i - 1] if i > 0 else None
        if not after.startswith(":"):
            return False
        if prev is None or toks[i].nl_before or not prev.word:
            return True
        return not (prev.key.isdigit() or self.grammar.w.has("placetaker", prev.key))


def _mention(text: str, start: int, end: int) -> OrgMention:
    name = text[start:end].replace("«", "").replace("»", "").replace('"', "")
    return OrgMention(start, end, " ".join(name.split()))


def org_pattern() -> str:
    """Regex alternation of all organization heads (for other recognizers' cues)."""
    return alternation([r[0] for r in packaged_rows("org_heads.tsv")])


__all__ = ["OrgMention", "OrganizationRecognizer", "org_pattern", "surface_pattern"]
