"""Reporting clauses: «امینی تأکید کرد: ...», «وی با بیان اینکه ... گفت ...».

One statement per sentence that carries a reporting verb (GUIDELINES: two verbs joined in one
sentence, «خبر داد و افزود», are one statement; «با بیان اینکه ... گفت» is one). The verb list
is data (``reporting_verbs.tsv``); this module only finds clauses and their parts. Who spoke is
decided later by :mod:`muni_ie.events.speakers`.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..resources import data_path, read_rows
from ..text.charclass import char_class
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


class _VerbGate(NamedTuple):
    """The reporting verbs as stdlib tries, without word edges or endings (see :func:`_verb_gate`)."""

    at: re.Pattern  # a verb's words from where it is tried
    after_edge: re.Pattern  # a character that is no letter, then a verb: one search finds the verb starts


@functools.cache
def _verb_gate(path: str | None = None) -> _VerbGate:
    """Where :func:`reporting_verb_pattern` can match, these find a verb start too.

    That pattern opens with a word edge, so a verb starts at the text's start or after a
    character that is no letter; a search for such a character before a verb's words, many
    times faster than the exact pattern, gives every such start of a text at once, and the
    exact pattern then only runs there.
    """
    letters = set("".join(regex.findall(r"[\p{L}\u200c]+", "".join(map(chr, range(0x10000))))))
    edge = char_class(lambda c: c not in letters or not (c.isalpha() or c == "\u200c"))
    verbs = phrase_trie(" ".join(words) for words in _verb_words(path))
    return _VerbGate(re.compile(verbs), re.compile(f"{edge}(?={verbs})"))


class StatementFinder:
    def __init__(self, pattern: regex.Pattern | None = None) -> None:
        self.pattern = pattern or reporting_verb_pattern()
        self._gate = None if pattern else _verb_gate()

    def _verb_starts(self, text: str) -> list[int] | None:
        """The offsets where a reporting verb may start, in order; None for a custom pattern (no gate)."""
        if self._gate is None:
            return None
        starts = [0] if self._gate.at.match(text) else []
        starts += [m.end() for m in self._gate.after_edge.finditer(text)]
        return starts

    def _verb(self, text: str, start: int, end: int, starts: list[int] | None = None):
        """``self.pattern.search(text, start, end)``, tried only at the ``starts`` of :meth:`_verb_starts`."""
        if self._gate is None:
            return self.pattern.search(text, start, end)
        if starts is None:
            starts = self._verb_starts(text)
        for i in range(bisect_left(starts, start), len(starts)):
            if starts[i] >= end:
                break
            m = self.pattern.match(text, starts[i], end)
            if m is not None:
                return m
        return None

    def find(self, text: str, sentences: list[Span], paragraphs: list[Span]) -> list[Clause]:
        found: list[tuple[Span, Span, Span, int]] = []  # trigger, subject, sentence, paragraph
        para_of = _paragraph_index(sentences, paragraphs)
        starts = self._verb_starts(text)
        n = len(starts) if starts is not None else 0
        for si, (sa, sb) in enumerate(sentences):
            # most sentences have no verb start at all: not worth a call
            if starts is None or (i := bisect_left(starts, sa)) < n and starts[i] < sb:
                m = self._verb(text, sa, sb, starts)
            else:
                m = None
            if m is None:
                m = _ACCORDING_TO.search(text, sa, sb) if text.find("گفته", sa, sb) >= 0 else None
                if m is not None:
                    comma = text.find("،", m.end(), sb)
                    subject = (m.end(), min(comma if comma > 0 else sb, m.end() + 40))
                    found.append((m.span(), subject, (sa, sb), para_of[si]))
                continue
            subject_start = _after_dateline(text, sa, m.start())
            if _inside_quote(text, subject_start, m.start()):
                continue
            prefix = _SOURCE_PREFIX.match(text, subject_start, m.start())
            if prefix:
                subject_start = prefix.end()
            found.append(((m.start(), m.end()), (subject_start, m.start()), (sa, sb), para_of[si]))
        clause_starts: dict[int, list[int]] = {}  # by paragraph: where its clauses' sentences start
        for _, _, sentence, para in found:
            clause_starts.setdefault(para, []).append(sentence[0])
        for v in clause_starts.values():
            v.sort()
        return [Clause(trigger, _content(text, trigger, subject, sentence, paragraphs[para][1], clause_starts[para]),
                       subject, sentence, para) for trigger, subject, sentence, para in found]


def _content(text: str, trigger: Span, subject: Span, sentence: Span, para_end: int, clause_starts: list[int]) -> Span:
    """Content runs from the verb («: ...») to the paragraph's end or the next clause's sentence."""
    i = bisect_right(clause_starts, sentence[0])
    end = clause_starts[i] if i < len(clause_starts) else para_end
    start = trigger[1]
    while start < end and text[start] in " :،":
        start += 1
    if start >= end or start >= sentence[1]:  # verb ends its sentence: the content came before it
        return subject[0], trigger[0]
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
