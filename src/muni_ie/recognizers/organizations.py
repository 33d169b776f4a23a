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

import functools
import re
from dataclasses import dataclass

import regex

from ..resources import packaged_rows
from ..text import keys
from .phrase_grammar import PhraseGrammar
from .phrase_lexicon import Clause, Clauses, alternation, clauses, head_hits, key, surface_pattern


@dataclass(frozen=True)
class OrgMention:
    """An organization name as written (normalized text), with its offsets."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Lexicon:
    frames: dict[str, str]  # key of a head surface → fixed/place/name/weak/agency
    agencies: re.Pattern[str]
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
        {_k(r[0]): r[1].strip() for r in heads},
        re.compile(alternation([r[0] for r in outlets])),
        {_k(r[0]): r[1].strip() for r in outlets},
        regex.compile(r"(?:" + "|".join(cues) + r")[ \u200c]*[«\"]?$"),
        regex.compile(r"(?<![\w\u200c])(?:" + "|".join(sites) + r") [«\"]?([\w\u200c]+)"),
    )


@functools.lru_cache(maxsize=4096)
def _k(s: str) -> str:
    """Head/agency lookup key: spelling-insensitive and space-insensitive (remembered: the same
    few heads come back all the time)."""
    return key(s).replace(" ", "").replace("،", "")


class OrganizationRecognizer:
    """Finds organization mentions in normalized Persian text.

    >>> [m.name for m in OrganizationRecognizer().find("رئیس شورای شهر همدان گفت")]
    ['شورای شهر همدان']
    """

    def __init__(self, grammar: PhraseGrammar | None = None) -> None:
        self.lex = _lexicon()
        self.grammar = grammar or PhraseGrammar()
        w = self.grammar.w.cats.get
        self._before_generic = w("generic", frozenset()) | w("demonstrative", frozenset())
        self._fixedstop = w("fixedstop", frozenset())
        self._placetaker = w("placetaker", frozenset())

    def find(self, text: str) -> list[OrgMention]:
        found = head_hits(text)
        cl = clauses(text)
        spans = []  # (clause, first token, end token) of each name
        for s, e in found.orgs:
            c = cl.at(s)
            span = self._head_span(text, c, s, e)
            if span is not None:
                spans.append(span)
        out = []
        for (c, a, _), b in zip(spans, self.grammar.trim_to_known(spans)):
            out.append(_mention(text, c.start[a], c.end(b - 1)))
        out.extend(self._agencies(text, found.agencies, cl, out))
        out.sort(key=lambda o: (o.start, -o.end))
        return out

    def _head_span(self, text: str, c: Clause, s: int, e: int) -> tuple[Clause, int, int] | None:
        """(clause, first token, end token) of the organization whose head spans text[s:e], or
        None if it is generic."""
        frame = self.lex.frames.get(_k(text[s:e]), "name")
        g = self.grammar
        i = c.index(s)
        k = c.index(e)  # first token after the head
        if c.end(k - 1) > e:
            return None  # the head is the stem of a plural written apart («شهرداری ها»)
        if i > 0 and not c.nl[i] and (c.key[i - 1] in self._before_generic or c.key[i - 1].isdigit()):
            return None  # «این سازمان», «هر شهرداری», «11 عضو»
        n = len(c.key)
        if frame == "fixed":
            if k < n and c.word[k] and c.key[k] in self._fixedstop:
                return None  # «مجلس ختم»
            return c, i, k
        if frame == "agency" and k < n:
            a = self.lex.agencies.match(text, c.start[k])
            if a is not None:
                return c, i, c.index(a.end())
        quoted = self._quoted(c, k) if frame in ("name", "weak") else None
        if quoted is not None:
            return c, i, quoted
        if k < n and g.is_head(c.key[k]) and frame != "place":
            return None  # «سازمان شهرداری» is caught by the inner head
        chain = g.extend(c, k, expect="place" if frame == "place" else None)
        if chain.words == 0 or (frame == "place" and not chain.placed):
            return None
        first = chain.first or ""
        if g.w.has("namestop", first) or (frame == "weak" and (chain.words < 2 or g.w.has("weakstop", first))):
            return None  # «مرکز استان», «بانک اطلاعات», «شورای پنجم»
        return c, i, chain.end

    @staticmethod
    def _quoted(c: Clause, k: int) -> int | None:
        """End token of a quoted name right after the head («شرکت «نیرو محرکه»»), up to 6 words."""
        if k >= len(c.key) or c.raw[k] not in "«\"":
            return None
        close = "»" if c.raw[k] == "«" else '"'
        for j in range(k + 1, min(k + 8, len(c.key))):
            if c.raw[j] == close:
                return j + 1 if j > k + 1 else None
            if not c.word[j] or c.nl[j]:
                return None
        return None

    def _agencies(self, text: str, outlets: list[tuple[int, int]], cl: Clauses, found: list[OrgMention]):
        """Outlet names: always for safe ones, after a source cue or as a dateline for cue ones."""
        taken = [(o.start, o.end) for o in found]
        for s, e in outlets:
            if any(a <= s and e <= b for a, b in taken):
                continue  # inside «خبرگزاری صدا و سیما»
            if self.lex.agency_modes.get(_k(text[s:e]), "cue") == "cue" and not self._cued(text, cl, s, e):
                continue
            yield OrgMention(s, e, text[s:e])
        for m in self.lex.site.finditer(text):
            s, e = m.span(1)
            c = cl.at(s)
            if not self.grammar.stops(c, c.index(s)) and not any(a <= s and e <= b for a, b in taken):
                yield OrgMention(s, e, m.group(1))

    def _cued(self, text: str, cl: Clauses, s: int, e: int) -> bool:
        if self.lex.cue.search(text, max(0, s - 40), s):
            return True
        # dateline «مهر: ...» / «سما: ...», but not «استان فارس:» or «15 مهر:»
        if not text[e : e + 2].lstrip(" ").startswith(":"):
            return False
        c = cl.at(s)
        i = c.index(s)
        if i == 0 or c.nl[i] or not c.word[i - 1]:
            return True
        return not (c.key[i - 1].isdigit() or c.key[i - 1] in self._placetaker)


def _mention(text: str, start: int, end: int) -> OrgMention:
    name = text[start:end].replace("«", "").replace("»", "").replace('"', "")
    return OrgMention(start, end, " ".join(name.split()))


@functools.cache
def short_forms() -> dict[str, str]:
    """Key of a short fixed name → key of the full name it stands for (org_heads.tsv, third
    column): «مجلس» is «مجلس شورای اسلامی», so a document naming both has one organization.
    Keys are :func:`muni_ie.text.keys.key`, as in the document's organization list."""
    return {keys.key(r[0]): keys.key(r[2]) for r in packaged_rows("org_heads.tsv") if len(r) > 2 and r[2].strip()}


def org_pattern() -> str:
    """Regex alternation of all organization heads (for other recognizers' cues)."""
    return alternation([r[0] for r in packaged_rows("org_heads.tsv")])


__all__ = ["OrgMention", "OrganizationRecognizer", "org_pattern", "short_forms", "surface_pattern"]
