"""Meetings an article reports: «دومین گردهمایی شهرداران استان سمنان گفت ...».

GUIDELINES «Meetings»: one entry per distinct gathering, with its name as written, ordinal, host
place and venue. A gathering noun from ``meeting_nouns.tsv`` opens a candidate; its name runs on
over the ezafe chain of complements («جلسه شورای حفاظت منابع آب شهرستان قائنات») and stops at
prepositions, verbs, punctuation, honorifics and first names. A noun without a name of its own
(«این نشست», «در جلسه‌ای», «جلسه امروز», «جشنواره مذکور») is a back-reference and joins an
earlier gathering; plurals («جلسات», «نشست‌ها») and counted nouns («چند جلسه») are never one.
Host place and venue come from the words around any mention («به میزبانی همدان», «در هتل
باباطاهر»), the place inside the name («... استان سمنان») or the article's dateline.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from ..recognizers.phrase_lexicon import head_hits
from ..text import keys as _keys
from .meeting_lexicon import _R, ZWNJ, _key, _Lexicon, first_names, lexicon, verb_forms
from .meeting_places import PlaceFinder, after, sentence, sentence_start

Span = tuple[int, int]
_TOKEN = regex.compile(r"[\p{L}\p{M}\d\u200c]+|\n|[^\s\p{L}\p{M}\d]")
_WORD = regex.compile(r"[\p{L}\p{M}\u200c\d]+")
_CONTENT = regex.compile(r"[\p{L}\d]")  # a token that can be part of a name
_ARTICLE = regex.compile(r"[ \u200c]ال")
_SPACES = regex.compile(r"\s+")
_MISSING_AND = regex.compile(r"(?<!\sو)\s+(?!و\s)")
_HEAD_JOINER = regex.compile(r" (?:و|در|از|تا) ")
_PREV_WORD = regex.compile(r"([\p{L}\p{M}\u200c\d]+)[ \u200c]*$")
_WORD_BEFORE = regex.compile(r"(?r)[\p{L}\p{M}\u200c\d]+")  # _PREV_WORD's group, ending where it is tried
_MAX_NAME_TOKENS = 18
_PLURAL = frozenset({"ها", "های", "هایی"})  # «نشست ها» written without ZWNJ
_JOINERS = ("و", "در", "از", "تا")


@dataclass
class MeetingMention:
    """One gathering: the span of its (first) name and every later mention of it."""

    start: int
    end: int
    name: str
    ordinal: int | None = None
    place: str | None = None
    venue: str | None = None
    mentions: list[Span] = field(default_factory=list)
    lemma: str = ""  # the gathering noun's lemma («مراسم» for «آیین ...»)


@functools.lru_cache(maxsize=4096)
def _parse_ordinal(s: str) -> int | None:
    """``muni_ie.numbers`` parse_ordinal («دویست و پنجمین» → 205), else digits + «مین» only
    (remembered: the same ordinals and the words before nouns come back in every article)."""
    try:
        from ..numbers.words import parse_ordinal
    except ImportError:  # pragma: no cover - numbers is part of the package
        m = regex.fullmatch(r"(\d+)\s*\u200c?ا?مین", s)
        return int(m.group(1)) if m else (1 if s in ("نخستین", "اولین") else None)
    return parse_ordinal(s)


_INNER_ORDINAL = regex.compile(r"ین\s+(?=\p{L})")
_POST_ORDINAL = regex.compile(r"\s+((?:[\p{L}\d]+\s+و\s+){0,5}[\p{L}\d]+م)" + _R)
# matched from the end (?r): the same match as a forward search, without the forward search's
# backtracking from every start in the window
_ORDINAL_TAIL = regex.compile(r"(?r)(?:[\p{L}\u200c\d]+\s+(?:و\s+)?){0,5}[\p{L}\u200c\d]+ین\s+$")


def _ordinal_before(text: str, pos: int, lex: _Lexicon) -> tuple[int, int | None] | None:
    """Start and value of an ordinal right before ``pos``: «دویست و پنجمین جلسه» → 205.

    Only «-ین» forms precede a noun: «روز اول جشنواره» is the festival's first day, not its number.
    """
    lo = max(0, pos - 80)
    tail = text[lo:pos].rstrip()  # regex \s is within str.isspace: «-ین» then spaces, or no match
    if len(tail) == pos - lo or not tail.endswith("ین"):
        return None
    m = _ORDINAL_TAIL.search(text, lo, pos)
    if not m:
        return None
    words = list(_WORD.finditer(m.group()))
    if _key(words[-1].group()) in lex.role("ordinal_like"):  # «آخرین جلسه»
        return m.start() + words[-1].start(), None
    for w in words:  # longest first: «دویست و پنجمین» before «پنجمین»
        cand = m.group()[w.start():].strip()
        if w.group() == "و":
            continue
        # «چهارصد و هشتاد سومین» is often written with a «و» left out
        value = _parse_ordinal(cand) or _parse_ordinal(_MISSING_AND.sub(" و ", cand))
        if value:
            return m.start() + w.start(), value
    return None


@dataclass(frozen=True)
class _Name:
    end: int  # end of the name
    content: int  # number of content words after the noun (time words not counted)
    timed: bool  # a time phrase follows the noun («جلسه روز یکشنبه»)
    key: str  # content words and joiners, no time words («جلسه امروز شورا» ~ «جلسه شورا»)


@functools.cache
def _content(ch: str) -> bool:
    """Whether a token that starts with ``ch`` can be part of a name: ``_CONTENT`` remembered
    per character."""
    return _CONTENT.match(ch) is not None


def _read(toks: list[tuple[str, int]], found: Iterator[regex.Match[str]], n: int) -> None:
    """Tokens (text, end) from ``found`` into ``toks`` until it holds ``n`` or ``found`` runs out."""
    if n > len(toks):
        for t in itertools.islice(found, n - len(toks)):
            toks.append((t.group(), t.end()))


class _Scan:
    """Walk the complements after a gathering noun and decide where its name ends."""

    def __init__(self, lex: _Lexicon):
        self.lex, self.verbs, self.names = lex, verb_forms(), first_names()
        self.stop, self.light, self.time = lex.role("stop"), lex.role("light"), lex.role("time")
        self.time_cond, self.after_time = lex.role("time_cond"), lex.role("after_time")
        self.person_ok = lex.role("person_ok")
        self._verbal = self.light | self.verbs

    def verbal(self, tok: str) -> bool:
        return (_key(tok) in self._verbal or tok in ("می", "نمی")
                or tok.startswith(("می" + ZWNJ, "نمی" + ZWNJ, "خواهد")))

    def is_time(self, k: str, nxt: str | None) -> bool:
        """«امروز», and «روز/عصر/هفته» when a time word or digit follows («روز یکشنبه»)."""
        if k in self.time:
            return True
        cond = self.time_cond
        return k in cond and nxt is not None and (_key(nxt) in self.time or _key(nxt) in cond or nxt.isdigit())

    def ends(self, tok: str, nxt: str | None, prev: str, names: bool = True) -> bool:
        """Whether ``tok`` cannot belong to a name: punctuation, verbs, stop words, superlatives, names."""
        k = _key(tok)
        if not _content(tok[:1]) or self.verbal(tok) or (nxt and self.verbal(nxt)):
            return True
        if k in self.stop and not (k in self.lex.stop_unless and nxt and nxt.startswith(self.lex.stop_unless[k])):
            return True
        if k.endswith("ترین") and len(k) > 5:  # «بهترین بازیگری» opens a new phrase
            return True
        return names and k in self.names and prev not in self.person_ok

    def run(self, text: str, pos: int) -> _Name:
        """Where the name that starts at ``pos`` ends, and what it holds."""
        # the first _MAX_NAME_TOKENS + 6 tokens, read only as far as the walk gets: most names
        # end within a few words
        found = itertools.islice(_TOKEN.finditer(text, pos, min(len(text), pos + 400)), _MAX_NAME_TOKENS + 6)
        toks: list[tuple[str, int]] = []
        _read(toks, found, 2)
        end, content, timed, time_mode, prev, i = pos, 0, False, False, "", 0
        keys: list[str] = []
        if toks and toks[0][0] == "ای":  # «جلسه ای» with the indefinite written apart
            end, i = toks[0][1], 1
        while content < _MAX_NAME_TOKENS:
            if len(toks) < i + 2:
                _read(toks, found, i + 2)
            if i >= len(toks):
                break
            tok, tok_end = toks[i]
            k, nxt = _key(tok), (toks[i + 1][0] if i + 1 < len(toks) else None)
            if tok == "«":  # a quoted title belongs to the name: همایش «شهر هوشمند»
                _read(toks, found, i + 14)
                close = next((j for j in range(i + 1, min(len(toks), i + 14)) if toks[j][0] == "»"), None)
                if close is None:
                    break
                keys.extend("«" + _key(t) for t, _ in toks[i + 1:close] if _content(t[:1]))
                end, content, i = toks[close][1], content + 1, close + 1
                continue
            if k in _JOINERS and content and nxt and not self.ends(tok, nxt, prev) and self._joins(k, prev, nxt):
                keys.append(k)
                i += 1
                continue
            if k in _JOINERS or self.ends(tok, nxt, prev):
                break
            if self.is_time(k, nxt) or (time_mode and tok.isdigit()):
                time_mode = timed = True
                end = tok_end
            elif time_mode and k not in self.after_time:
                break
            else:
                time_mode = False
                end, content, prev = tok_end, content + 1, k
                keys.append(k)
            i += 1
        return _Name(end, content, timed, " ".join(keys))

    def _joins(self, k: str, prev: str, nxt: str) -> bool:
        """Whether «و / در / از / تا» keeps the name going: «زمین پاک و مدیریت پسماندها»."""
        nk = _key(nxt)
        if self.ends(nxt, None, prev) or nk in _JOINERS or nk == "به" or self.is_time(nk, None):
            return False
        if nk in self.lex.nouns:  # «جشنواره «الف» و جشنواره «ب»» are two gatherings
            return False
        if k == "در":
            return nk in self.lex.role("dar_cont")
        if k == "از":
            return prev in self.lex.role("az_prev")
        return True


class MeetingRecognizer:
    """Find the gatherings an article reports and their back-references.

    >>> r = MeetingRecognizer().find("شهردار در دومین گردهمایی شهرداران استان سمنان گفت: ...")
    >>> r[0].name, r[0].ordinal, r[0].place
    ('دومین گردهمایی شهرداران استان سمنان', 2, 'سمنان')
    """

    def __init__(self, lexicon_path: str | None = None, venue_path: str | None = None):
        self.lex = lexicon(lexicon_path, venue_path)
        self.scan = _Scan(self.lex)
        self._packaged = lexicon_path is None  # the nouns of meeting_nouns.tsv (see ``_starts``)

    def find(self, text: str, place_names: Iterable[str] = ()) -> list[MeetingMention]:
        """Meetings in ``text`` (normalized), one per gathering, in order of first naming."""
        meetings: list[MeetingMention] = []
        keys: dict[int, str] = {}  # id(meeting) → key of its name without the ordinal
        orphans: list[tuple[str, Span]] = []
        for kind, lemma, span, key, ordinal in self._candidates(text):
            target = (self._same(meetings, keys, key, ordinal, lemma) if kind == "named"
                      else self._antecedent(meetings, lemma, kind))
            if target is not None:
                target.mentions.append(span)
                target.ordinal = target.ordinal or ordinal
            elif kind in ("named", "time"):  # «در جلسه روز یکشنبه» with nothing before it counts too
                meetings.append(MeetingMention(*span, _clean(text[span[0]:span[1]]), ordinal,
                                               mentions=[span], lemma=lemma))
                keys[id(meetings[-1])] = key
                orphans = [o for o in orphans if not self._adopt(o, meetings[-1])]
            else:
                orphans.append((lemma, span))
        if meetings:
            places = PlaceFinder(tuple(place_names), self.lex)
            for m in meetings:
                m.mentions.sort()
                m.place = places.host(text, m.mentions, m.start, m.end)
                m.venue = self._venue(text, m, places)
        return meetings

    def _candidates(self, text: str):
        """(kind, lemma, mention span, name key without ordinal, ordinal) for each gathering noun."""
        lex, consumed = self.lex, 0
        for m in self._nouns(text):
            s, e = m.span()
            if s < consumed:
                continue  # «جلسه هم‌اندیشی ...»: a noun inside a name is part of that name
            lemma, flags = lex.nouns.get(_key(m.group("noun")), ("", frozenset()))
            prev = _prev_word(text, s)
            nxt = _WORD.search(text, e, min(len(text), e + 40))
            nxt_word = nxt.group() if nxt and not text[e:nxt.start()].strip() else ""
            if nxt_word and _ARTICLE.match(text[nxt.end():nxt.end() + 3]):
                nxt_word += "ال"  # «فوق العاده» (extraordinary) is no «فوق» (above-mentioned)
            if self._blocked(prev, nxt_word, lemma):
                continue
            post = _POST_ORDINAL.match(text, e)  # «جشنواره پانزدهم» = «پانزدهمین جشنواره»
            post_value = _parse_ordinal(post.group(1)) if post else None
            name = self.scan.run(text, post.end() if post_value else e)
            demo = _key(prev) in lex.role("demonstrative")
            if demo or (_key(nxt_word) in lex.role("anaphor") and not m.group("indef")):
                yield "demo", lemma, ((s - len(prev) - 1) if demo else s, e), "", None
                continue
            before = _ordinal_before(text, s, lex)
            ordinal = before[1] if before else post_value
            if ordinal is None and "ceremony" in flags:  # «آیین گشایش بیست و یکمین جشنواره ...»
                inner = _INNER_ORDINAL.search(text, e, name.end)
                ordinal = (_ordinal_before(text, inner.end(), lex) or (0, None))[1] if inner else None
            key = f"{_key(lemma)} {name.key}".strip()
            if before is not None or name.content or ordinal:
                consumed = name.end
                yield "named", lemma, (before[0] if before else s, max(name.end, e)), key, ordinal
            elif "named" not in flags:
                yield ("time" if name.timed else "bare"), lemma, (s, name.end if name.timed else e), key, None

    def _nouns(self, text: str):
        """The matches of ``noun_re.finditer(text)``; the slow exact regex is tried only where a
        gathering noun may start."""
        noun_re, pos = self.lex.noun_re, 0
        for at in self._starts(text):
            if at >= pos and (m := noun_re.match(text, at)) is not None:
                yield m
                pos = m.end()

    def _starts(self, text: str) -> list[int]:
        """Where a gathering noun may start: for the packaged nouns, where the title and
        organization heads' scan of the text saw one (``head_hits``, made once per text); for a
        lexicon of one's own, the text's start and the word starts its gate finds."""
        if self._packaged:
            return head_hits(text).gatherings
        return [0, *(g.start() + 1 for g in self.lex.noun_gate.finditer(text))]

    def _blocked(self, prev: str, nxt_word: str, lemma: str) -> bool:
        """Plurals, counted nouns and homographs («نشست زمین», «آیین نامه», «سازمان کنفرانس»)."""
        pk, nk = _key(prev), _key(nxt_word)
        if nxt_word in _PLURAL or (pk, "*") in self.lex.block_prev or (pk, _key(lemma)) in self.lex.block_prev:
            return True
        for b in self.lex.block_next.get(_key(lemma), ()):
            if nk == b or (b.endswith("*") and nk.startswith(b[:-1])):
                return True
        return pk.isdigit() or _is_cardinal(prev)

    @staticmethod
    def _same(meetings: list[MeetingMention], keys: dict[int, str], key: str, ordinal: int | None,
              lemma: str) -> MeetingMention | None:
        """An earlier gathering this name repeats («مراسم کلنگ زنی ...» twice), if any."""
        same = [m for m in reversed(meetings) if m.lemma == lemma]
        if ordinal and (hit := next((m for m in same if m.ordinal == ordinal), None)):
            return hit  # «جشنواره پانزدهم» after «پانزدهمین جشنواره ...»
        if key == _key(lemma):
            return None
        flat, quoted = key.replace(" ", "").replace("«", ""), {w for w in key.split() if w[0] == "«"}
        # «جشنواره پژوهش و نوآوری و وظایف ...» repeats «جشنواره پژوهش و نوآوری در ...»: the words
        # before the first «و/در/از/تا» start the other name
        head = _HEAD_JOINER.split(key + " ", maxsplit=1)[0].strip()
        for m in same:
            other = keys[id(m)]
            oquoted = {w for w in other.split() if w[0] == "«"}
            if (ordinal and m.ordinal and ordinal != m.ordinal) or other == _key(lemma) or (
                    quoted and oquoted and quoted != oquoted):  # «نور» and «باران» are two festivals
                continue
            oflat = other.replace(" ", "").replace("«", "")
            # «مراسم کلنگ زنی توسعه خط یک …» repeated as «مراسم کلنگ زنی خط یک …»: same first three words
            same_opening = len(key.split()) > 3 and key.split()[:3] == other.split()[:3]
            if flat in oflat or oflat in flat or _alike(flat, oflat) or same_opening \
                    or (head != key and head.count(" ") and (other + " ").startswith(head + " ")):
                return m
        return None

    @staticmethod
    def _antecedent(meetings: list[MeetingMention], lemma: str, kind: str) -> MeetingMention | None:
        """«این نشست» → the latest gathering with the same noun, else (not for bare nouns) the latest."""
        same = [m for m in meetings if m.lemma == lemma]
        if same:
            return same[-1]
        return meetings[-1] if meetings and kind != "bare" else None

    @staticmethod
    def _adopt(orphan: tuple[str, Span], meeting: MeetingMention) -> bool:
        """A back-reference before any gathering («دبیرخانه همایش») joins the first that fits."""
        if orphan[0] != meeting.lemma:
            return False
        meeting.mentions.append(orphan[1])
        return True

    def _venue(self, text: str, m: MeetingMention, places: PlaceFinder) -> str | None:
        """«در (محل) سالن جلسات فرمانداری» after a mention, or in the sentence before «این مراسم ...»."""
        regions = [after(text, b) for _, b in m.mentions]
        for a, _ in m.mentions:
            sa = sentence_start(text, a)
            if sa > 0 and not text[sa:a].strip():  # «این مراسم ...» opens a sentence: look back one
                regions.append(sentence(text, sa - 1))
        for lo, hi in regions:
            for v in self.lex.venue_re.finditer(text, lo, hi):
                if v.group("head") or v.group("mahal"):
                    start = v.start("head") if v.group("head") else v.end()
                    end = self._venue_end(text, v.end(), hi, places, _key(v.group("head") or ""))
                    if end > start:
                        return _clean(text[start:end])
        return None

    def _venue_end(self, text: str, pos: int, hi: int, places: PlaceFinder, prev: str, most: int = 4) -> int:
        """End of a venue name: a few words, up to a verb, preposition, time word or the town.

        Venues are often named after people («سالن شهید بهشتی»), so first names do not end one; a
        town does («هتل عباسی اصفهان»), unless it belongs to an office («استانداری خوزستان»).
        """
        toks, end = list(_TOKEN.finditer(text, pos, hi))[:most + 1], pos
        for i, t in enumerate(toks[:most]):
            tok, k, nxt = t.group(), _key(t.group()), (toks[i + 1].group() if i + 1 < len(toks) else None)
            if k in _JOINERS or self.scan.ends(tok, nxt, "", names=False) or self.scan.is_time(k, nxt):
                break
            # «شورای»: a word ending in the ezafe «-ی» after a vowel asks for its complement
            bound = prev in self.lex.venue_heads or prev.endswith(("ای", "وی"))
            if not bound and (k in places.heads or places.at(text, t.start(), False)):
                break
            end, prev = t.end(), k
        return end


def _prev_word(text: str, pos: int) -> str:
    """The word before ``pos`` (within 40 characters), with the ZWNJ it may end in."""
    lo = max(0, pos - 40)
    if pos - lo > 1 and text[pos - 1] == " " and text[pos - 2] not in " \u200c":
        m = _WORD_BEFORE.match(text, lo, pos - 1)  # the usual «word noun»: one space between
        return m.group() if m else ""
    m = _PREV_WORD.search(text[lo:pos])
    return m.group(1) if m else ""


@functools.cache
def _is_cardinal(word: str) -> bool:
    """«دو جلسه», «سه نشست» count gatherings; «یک جلسه» is just «a meeting»."""
    try:
        from ..numbers.words import parse_number
    except ImportError:  # pragma: no cover
        return False
    value = parse_number(word)
    return value is not None and value > 1


def _alike(a: str, b: str) -> bool:
    """``dice(a, b) >= 0.75``, without counting bigrams where the lengths alone rule it out: the
    shared bigrams are at most the fewer of the two counts."""
    na, nb = max(len(_keys.key(a)) - 1, 1), max(len(_keys.key(b)) - 1, 1)
    return 2 * min(na, nb) / (na + nb) >= 0.75 and _keys.dice(a, b) >= 0.75


def _clean(s: str) -> str:
    return _SPACES.sub(" ", s).strip()
