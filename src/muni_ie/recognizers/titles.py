"""Titles (roles) of officials in Persian news, and the honorifics that stand before names.

A title is a role head from titles.tsv plus its complement chain (phrase_grammar):
«معاون هماهنگی امور عمرانی استاندار سمنان», «شهردار همدان», «مشاور شهردار تهران در امور
محیط زیست». It stops before the official's name, so «شهردار همدان سید مسعود حسینی گفت» gives
«شهردار همدان» and the person recognizer finds the name beside it. Plurals («شهرداران»,
«معاونان») never match, and a head after «هر/چند/برخی» is generic, not a title.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..resources import packaged_rows
from .organizations import OrganizationRecognizer, OrgMention
from .phrase_grammar import PhraseGrammar
from .phrase_lexicon import Clause, alternation, clauses, head_hits, key


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
    canon: dict[str, str]  # space-free key of a surface → canonical head
    frames: dict[str, frozenset[str]]
    body_of: dict[str, str]  # «شهردار» → «شهرداری»: «شهردار همدان» works for «شهرداری همدان»


class _Frame(NamedTuple):
    """What a head as written asks of its chain (titles.tsv FRAME), read once per spelling."""

    canon: str
    expect: str | None  # "place" for a place head
    dar: frozenset[str]  # what «در» may introduce in its chain
    orgreq: bool
    bare: bool


@functools.cache
def _heads() -> _Heads:
    rows = packaged_rows("titles.tsv")
    canon = {key(r[0]).replace(" ", ""): r[1] for r in rows}
    frames = {key(r[0]).replace(" ", ""): frozenset(r[2].split(",")) for r in rows}
    body_of = {key(r[0]): r[3] for r in rows if len(r) > 3 and r[3]}
    return _Heads(canon, frames, body_of)


class TitleRecognizer:
    """Finds title phrases in normalized Persian text.

    >>> [m.text for m in TitleRecognizer().find("محمود مسگریان، رئیس شورای شهر همدان نیز گفت")]
    ['رئیس شورای شهر همدان']
    """

    def __init__(self, grammar: PhraseGrammar | None = None, orgs: OrganizationRecognizer | None = None):
        self.grammar = grammar or PhraseGrammar()
        self.orgs = orgs or OrganizationRecognizer(self.grammar)
        self.heads = _heads()
        cat = self.grammar.w.cats.get
        self._generic = cat("generic", frozenset())
        self._demonstrative = cat("demonstrative", frozenset())
        self._frames: dict[str, _Frame] = {}  # a head as written → its frame (the same few recur)
        self._orgs_of: dict[str, str | None] = {}  # a title's text → its body (titles recur in the news)

    def find(self, text: str) -> list[TitleMention]:
        found = head_hits(text)
        heads = found.titles
        if not heads:
            return []
        bodies = found.orgs + found.agencies
        cl = clauses(text)
        out: list[TitleMention] = []
        last = -1
        for s, e in heads:
            if s < last:
                continue  # a head inside the previous title («مشاور شهردار تهران»)
            c = cl.at(s)
            span = self._title_tokens(c, text[s:e], c.index(s), c.index(e), e)
            if span is not None:
                a, b, head = span
                first, last = c.start[a], c.end(b - 1)
                t = text[first:last]
                org = self._orgs_of.get(t, _UNSEEN)
                if org is _UNSEEN:
                    # no organization or outlet head of the text within the title: none in its text either
                    org = self._org(t, any(x < last and first < y for x, y in bodies))
                out.append(TitleMention(first, last, t, head, org))
        return out

    def _org(self, title: str, named: bool) -> str | None:
        """The body a title belongs to (``_org_of``), remembered per title text. ``named``: an
        organization head or outlet name of the whole text lies in the title."""
        if len(self._orgs_of) >= 50_000:
            self._orgs_of.clear()
        inside = self.orgs.find(title) if named or self.orgs.lex.site.search(title) else []
        org = self._orgs_of[title] = _org_of(title, inside, self.heads.body_of)
        return org

    def _frame(self, head: str) -> _Frame:
        """The frame of a head as written, remembered (the same few heads come back all the time)."""
        f = self._frames.get(head)
        if f is None:
            hk = key(head).replace(" ", "")
            frames = self.heads.frames.get(hk, frozenset({"org"}))
            f = self._frames[head] = _Frame(self.heads.canon.get(hk, head), "place" if "place" in frames else None,
                                            self.grammar.dar_words("rep" in frames), "orgreq" in frames,
                                            "bare" in frames)
        return f

    def _title_tokens(self, c: Clause, head: str, i: int, k: int, head_end: int):
        """(first token, end token, canonical head) of the title whose head ``head`` spans tokens
        i..k-1 of clause ``c``, or None."""
        if c.end(k - 1) > head_end:
            return None  # a plural written apart («شهردار ها»)
        f = self._frame(head)
        prev = c.key[i - 1] if i > 0 and not c.nl[i] else ""
        if prev in self._generic or prev.isdigit():
            return None  # «هر شهردار باید», «11 عضو شورا»
        g = self.grammar
        chain = g.extend(c, k, f.expect, f.dar, True)
        if f.orgreq and not any(g.is_anchor(c, j) for j in range(k, chain.end)):
            return None  # «مسئول برنامه‌ریزی ...» is a duty, «مسئول دفتر شهرداری ...» a post
        if chain.words == 0:
            if not f.bare or prev in self._demonstrative:
                return None
            return i, k, f.canon
        return i, chain.end, f.canon


_UNSEEN = object()  # no body remembered for a title yet (None is an answer: no body)


def _org_of(title: str, inside: list[OrgMention], body_of: dict[str, str]) -> str | None:
    """The longest organization inside the title, else the body of a place head."""
    if inside:
        return max(inside, key=lambda o: (o.end - o.start, -o.start)).name
    words = title.split()
    for i in range(len(words) - 2, -1, -1):  # the last place head: «معاون ... استاندار سمنان»
        body = body_of.get(key(words[i]))
        if body and key(words[i + 1]) not in body_of:
            rest = words[i + 1:]
            cut = next((j for j, w in enumerate(rest) if w == "در"), len(rest))
            return " ".join([body, *rest[:cut]])
    return None


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
