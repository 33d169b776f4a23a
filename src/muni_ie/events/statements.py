"""Reporting clauses: «امینی تأکید کرد: ...», «وی با بیان اینکه ... گفت ...».

One statement per sentence that carries a reporting verb (GUIDELINES: two verbs joined in one
sentence, «خبر داد و افزود», are one statement; «با بیان اینکه ... گفت» is one). The verb list
is data (``reporting_verbs.tsv``); this module only finds clauses and their parts. Who spoke is
decided later by :mod:`muni_ie.events.speakers`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from ..resources import data_path, read_rows
from ..text.normalize import fold
from ..text.trie import phrase_trie

Span = tuple[int, int]

_WORD_EDGE_L = r"(?<![\p{L}\u200c])"
_WORD_EDGE_R = r"(?![\p{L}\u200c])"
# «به گفته وی، ...»: the speaker follows the trigger
_ACCORDING_TO = regex.compile(_WORD_EDGE_L + r"به\s+گفته(?=\s)")
# «به گزارش خبرگزاری X،» opens many leads: the agency is a source, not a speaker
_SOURCE_PREFIX = regex.compile(r"\s*(?:به\s+گزارش|به\s+نقل\s+از|طبق\s+گزارش)[^،:]{0,120}[،:]\s*")


@dataclass(frozen=True)
class Clause:
    """A reporting clause: ``subject`` is where the speaker is named (before the verb)."""

    trigger: Span
    content: Span
    subject: Span
    sentence: Span
    paragraph: int


def _verb_words(path: str | None) -> list[list[str]]:
    out = []
    for row in read_rows(path or data_path("reporting_verbs.tsv")):
        words = fold(row[0]).replace("\u200c", " ").split()
        if words[0].startswith("می") and len(words) == 1:  # «می‌گوید» written «میگوید» / «می گوید»
            words = ["می", words[0][2:].lstrip()]
        out.append(words)
    return out


@functools.cache
def reporting_verb_pattern(path: str | None = None) -> regex.Pattern:
    """One regex for all reporting verbs, tolerant of ZWNJ/space/no-space between their parts."""
    forms = [r"[\u200c ]?".join(regex.escape(w) for w in words) for words in _verb_words(path)]
    forms.sort(key=len, reverse=True)
    # the perfect «… کرده است» / «گفته است» of every past form; «گفت و گو» is the noun "conversation"
    perfect = r"(?:ه[\u200c ]?است)?"
    return regex.compile(_WORD_EDGE_L + "(?:" + "|".join(forms) + ")" + perfect + _WORD_EDGE_R + r"(?!\s*و\s*گو)")


@functools.cache
def _verb_gate(path: str | None = None) -> re.Pattern:
    """The reporting verbs as one stdlib trie, without word edges or endings.

    Wherever :func:`reporting_verb_pattern` matches, this matches too, and it is many times
    faster to search: the exact pattern then only runs where this one hits.
    """
    return re.compile(phrase_trie(" ".join(words) for words in _verb_words(path)))


class StatementFinder:
    def __init__(self, pattern: regex.Pattern | None = None) -> None:
        self.pattern = pattern or reporting_verb_pattern()
        self._gate = None if pattern else _verb_gate()

    def _verb(self, text: str, start: int, end: int):
        """``self.pattern.search(text, start, end)``, run only where the gate hits."""
        if self._gate is None:
            return self.pattern.search(text, start, end)
        g = self._gate.search(text, start, end)
        while g is not None:
            m = self.pattern.match(text, g.start(), end)
            if m is not None:
                return m
            g = self._gate.search(text, g.start() + 1, end)
        return None

    def find(self, text: str, sentences: list[Span], paragraphs: list[Span]) -> list[Clause]:
        clauses: list[Clause] = []
        para_of = _paragraph_index(sentences, paragraphs)
        for si, (sa, sb) in enumerate(sentences):
            m = self._verb(text, sa, sb)
            if m is None:
                m = _ACCORDING_TO.search(text, sa, sb) if text.find("گفته", sa, sb) >= 0 else None
                if m is not None:
                    comma = text.find("،", m.end(), sb)
                    subject = (m.end(), min(comma if comma > 0 else sb, m.end() + 40))
                    clauses.append(Clause(m.span(), (0, 0), subject, (sa, sb), para_of[si]))
                continue
            subject_start = _after_dateline(text, sa, m.start())
            if _inside_quote(text, subject_start, m.start()):
                continue
            prefix = _SOURCE_PREFIX.match(text, subject_start, m.start())
            if prefix:
                subject_start = prefix.end()
            clauses.append(Clause((m.start(), m.end()), (0, 0), (subject_start, m.start()), (sa, sb), para_of[si]))
        return [self._with_content(text, c, clauses, paragraphs) for c in clauses]

    @staticmethod
    def _with_content(text: str, c: Clause, clauses: list[Clause], paragraphs: list[Span]) -> Clause:
        """Content runs from the verb («: ...») to the paragraph's end or the next clause."""
        _, pb = paragraphs[c.paragraph]
        nxt = [o.sentence[0] for o in clauses if o.sentence[0] > c.sentence[0] and o.paragraph == c.paragraph]
        end = min(nxt) if nxt else pb
        start = c.trigger[1]
        while start < end and text[start] in " :،":
            start += 1
        if start >= end or start >= c.sentence[1]:  # verb ends its sentence: the content came before it
            return Clause(c.trigger, (c.subject[0], c.trigger[0]), c.subject, c.sentence, c.paragraph)
        while end > start and text[end - 1].isspace():
            end -= 1
        return Clause(c.trigger, (start, end), c.subject, c.sentence, c.paragraph)


def _after_dateline(text: str, start: int, verb: int) -> int:
    """Skip «ایسنا:» / «تبریز - خبرنگار همشهری:» that open a lead before its subject."""
    colon = text.find(":", start, verb)
    if colon < 0 or len(text[start:colon].split()) > 4:
        return start
    return colon + 1


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """A verb inside «...» or after the sentence's colon belongs to quoted speech."""
    seg = text[start:pos]
    return seg.count("«") > seg.count("»") or ":" in seg


def _paragraph_index(sentences: list[Span], paragraphs: list[Span]) -> list[int]:
    out, p = [], 0
    for sa, _ in sentences:
        while p + 1 < len(paragraphs) and paragraphs[p][1] <= sa:
            p += 1
        out.append(p)
    return out
