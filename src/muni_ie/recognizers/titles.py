"""Titles (roles) of officials in Persian news, and the honorifics that stand before names.

A title is a role head from titles.tsv plus its complement chain (phrase_grammar):
«معاون هماهنگی امور عمرانی استاندار سمنان», «شهردار همدان», «مشاور شهردار تهران در امور
محیط زیست». It stops before the official's name, so «شهردار همدان سید مسعود حسینی گفت» gives
«شهردار همدان» and the person recognizer finds the name beside it. Plurals («شهرداران»,
«معاونان») never match, and a head after «هر/چند/برخی» is generic, not a title.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..resources import packaged_rows
from .organizations import OrganizationRecognizer, OrgMention
from .phrase_grammar import PhraseGrammar, Token, alternation, key, token_starts, tokenize


@dataclass(frozen=True)
class TitleMention:
    """A title phrase as written, its canonical head and the body it belongs to."""

    start: int
    end: int
    text: str  # «معاون هماهنگی امور عمرانی استاندار سمنان»
    head: str  # canonical head: «معاون»
    org: str | None  # «استانداری سمنان», or None


@dataclass(frozen=True)
class _Heads:
    pattern: regex.Pattern[str]
    canon: dict[str, str]  # space-free key of a surface → canonical head
    frames: dict[str, frozenset[str]]
    body_of: dict[str, str]  # «شهردار» → «شهرداری»: «شهردار همدان» works for «شهرداری همدان»


@functools.cache
def _heads() -> _Heads:
    rows = packaged_rows("titles.tsv")
    canon = {key(r[0]).replace(" ", ""): r[1] for r in rows}
    frames = {key(r[0]).replace(" ", ""): frozenset(r[2].split(",")) for r in rows}
    body_of = {key(r[0]): r[3] for r in rows if len(r) > 3 and r[3]}
    return _Heads(regex.compile(alternation([r[0] for r in rows])), canon, frames, body_of)


class TitleRecognizer:
    """Finds title phrases in normalized Persian text.

    >>> [m.text for m in TitleRecognizer().find("محمود مسگریان، رئیس شورای شهر همدان نیز گفت")]
    ['رئیس شورای شهر همدان']
    """

    def __init__(self, grammar: PhraseGrammar | None = None, orgs: OrganizationRecognizer | None = None):
        self.grammar = grammar or PhraseGrammar()
        self.orgs = orgs or OrganizationRecognizer(self.grammar)
        self.heads = _heads()

    def find(self, text: str) -> list[TitleMention]:
        toks = tokenize(text)
        starts = token_starts(text)
        found: list[tuple[int, int, str]] = []  # token range and canonical head
        last = -1
        for m in self.heads.pattern.finditer(text):
            if m.start() < last:
                continue  # a head inside the previous title («مشاور شهردار تهران»)
            span = self._title_tokens(toks, starts, m)
            if span is not None:
                found.append(span)
                last = toks[span[1] - 1].end
        out = []
        for a, b, head in found:
            s, e = toks[a].start, toks[b - 1].end
            out.append(TitleMention(s, e, text[s:e], head, None))
        bodies: dict[str, list[OrgMention]] = {}  # the organizations inside each distinct title
        for t in out:
            if t.text not in bodies:
                bodies[t.text] = self.orgs.find(t.text)
        return [_with_org(t, bodies[t.text], self.heads.body_of) for t in out]

    def _title_tokens(self, toks: Sequence[Token], starts: list[int], m: regex.Match[str]):
        """(first token, end token, canonical head) of the title headed by ``m``, or None."""
        g = self.grammar
        hk = key(m.group()).replace(" ", "")
        frames = self.heads.frames.get(hk, frozenset({"org"}))
        i = bisect.bisect_left(starts, m.start())
        k = bisect.bisect_left(starts, m.end())
        if toks[k - 1].end > m.end():
            return None  # a plural written apart («شهردار ها»)
        prev = toks[i - 1].key if i > 0 and not toks[i].nl_before else ""
        if g.w.has("generic", prev) or prev.isdigit():
            return None  # «هر شهردار باید», «11 عضو شورا»
        chain = g.extend(toks, k, expect="place" if "place" in frames else None,
                         dar=g.dar_words("rep" in frames), titles=True)
        if "orgreq" in frames and not any(g.is_anchor(t) for t in toks[k:chain.end]):
            return None  # «مسئول برنامه‌ریزی ...» is a duty, «مسئول دفتر شهرداری ...» a post
        if chain.words == 0:
            if "bare" not in frames or g.w.has("demonstrative", prev):
                return None
            return i, k, self.heads.canon.get(hk, m.group())
        return i, chain.end, self.heads.canon.get(hk, m.group())


def _with_org(t: TitleMention, inside: list[OrgMention], body_of: dict[str, str]) -> TitleMention:
    """Attach the longest organization inside the title, else the body of a place head."""
    if inside:
        best = max(inside, key=lambda o: (o.end - o.start, -o.start))
        return TitleMention(t.start, t.end, t.text, t.head, best.name)
    words = t.text.split()
    for i in range(len(words) - 2, -1, -1):  # the last place head: «معاون ... استاندار سمنان»
        body = body_of.get(key(words[i]))
        if body and key(words[i + 1]) not in body_of:
            rest = words[i + 1:]
            cut = next((j for j, w in enumerate(rest) if w == "در"), len(rest))
            return TitleMention(t.start, t.end, t.text, t.head, " ".join([body, *rest[:cut]]))
    return t


@dataclass(frozen=True)
class _HonorificTable:
    lineage: frozenset[str]
    title: frozenset[str]
    ambiguous: frozenset[str]
    lead: regex.Pattern[str]  # any honorific at the start of a name
    title_alt: str  # alternation of title honorifics (not lineage, not ambiguous)


@functools.cache
def _honorific_table() -> _HonorificTable:
    rows = packaged_rows("honorifics.tsv")
    by_kind: dict[str, set[str]] = {"lineage": set(), "title": set(), "ambiguous": set()}
    for r in rows:
        by_kind.setdefault(r[1].strip(), set()).add(key(r[0]).replace(" ", ""))
    lead = regex.compile(alternation([r[0] for r in rows]) + r"[ \u200c]*")
    title_alt = alternation([r[0] for r in rows if r[1].strip() == "title"])
    return _HonorificTable(frozenset(by_kind["lineage"]), frozenset(by_kind["title"]),
                           frozenset(by_kind["ambiguous"]), lead, title_alt)


class Honorifics:
    """Strips honorifics off a name; «سید/سیده» are lineage and stay in the name.

    >>> Honorifics().strip("دکتر سید محمدحسین سیف‌السادات")
    (['دکتر'], 'سید محمدحسین سیف\u200cالسادات')
    """

    def __init__(self) -> None:
        self.t = _honorific_table()

    def strip(self, name: str) -> tuple[list[str], str]:
        stripped: list[str] = []
        lineage: list[str] = []
        rest = " ".join(name.split())
        while True:
            m = self.t.lead.match(rest)
            if m is None:
                break
            word = m.group().strip(" \u200c")
            k = key(word).replace(" ", "")
            remaining = rest[m.end():]
            if not remaining.strip():
                break  # never strip a name down to nothing («آقای قاضی» keeps «قاضی»)
            if k in self.t.ambiguous and len(remaining.split()) < 2:
                break  # «امیر حسینی» is a name, «امیر حسین رضایی» may be a rank
            (lineage if k in self.t.lineage else stripped).append(word)
            rest = remaining
        return stripped, " ".join(lineage + [rest]) if lineage else rest

    def pattern(self) -> str:
        """Regex alternation of title honorifics, for matching before a name («دکتر», «حجت‌الاسلام»)."""
        return self.t.title_alt


__all__ = ["Honorifics", "TitleMention", "TitleRecognizer"]
