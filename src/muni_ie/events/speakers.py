"""Who said it: officials merged over their mentions, and each statement's speaker.

Persian news names a speaker in several ways, and this module ties them to one person:
a full name («رضا امینی، مدیرکل ... گفت»), a surname («امینی تأکید کرد»), a pronoun
(«وی افزود», «او گفت»), a title alone («شهردار همدان افزود»), and the lead convention: a
lead paragraph gives only the title («مجری طرح ... خبر داد») and the next paragraph the name
(«دکتر امی ... افزود») — the title then belongs to that person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document, Official, Statement
from ..recognizers.persons import PersonMention, default_lexicon
from ..text.keys import dice, key
from ..text.tokens import token_spans
from .statements import Clause

Span = tuple[int, int]
_PRONOUNS = ("وی", "او", "ایشان")
# «مهندس بهروز رسماً به عنوان مدیرعامل جدید شرکت ... معرفی شد»
_AS_TITLE = regex.compile(r"[\s،]*(?:[\p{L}\u200c]+\s+){0,2}به\s+عنوان\s+")
_CLAUSE_MARKS = "،.:؛\n"  # a clause opens after one of these (and maybe one space)
_NAME_CHAR = regex.compile(r"[\p{L}\u200c]")
_SPACE = regex.compile(r"\s")
# words that may stand between a bare surname subject and its verb: «ایلیات نیز در این نشست گفت»
_AFTER_SUBJECT = frozenset(["نیز", "هم", "با", "در", "ضمن", "همچنین", "درباره", "پیرامون", "امروز", "روز", "به", "از", "سپس", "اما", "ولی", "همچنان", "تنها", "خود", "پس", "طی", "بعد", "قبل"])


@dataclass
class _Person:
    name: str
    mentions: list[Span] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    has_first_name: bool = True
    first_seen: int = 0

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def add_title(self, title: str) -> None:
        if all(dice(title, t) < 0.9 for t in self.titles):
            self.titles.append(title)


@dataclass
class _TitleMention:
    start: int
    end: int
    text: str


class SpeakerResolver:
    """Build officials and resolve statement speakers for one document."""

    def __init__(self, doc: Document, persons: list[PersonMention], titles: list[_TitleMention],
                 orgs: list[Span]) -> None:
        self.doc, self.text = doc, doc.text
        self.titles = sorted(titles, key=lambda t: t.start)
        self.orgs = orgs
        self.people: list[_Person] = []
        for m in sorted(persons, key=lambda m: m.start):
            self._add_mention(m.name, (m.start, m.end), m.has_first_name, list(m.honorifics))
        self._attach_appositions()

    # -- people -----------------------------------------------------------------------------
    def _add_mention(self, name: str, span: Span, has_first: bool, honors: list[str]) -> _Person:
        p = self._find(name, has_first)
        if p is None:
            p = _Person(name, has_first_name=has_first, first_seen=span[0])
            self.people.append(p)
        elif has_first and (not p.has_first_name or len(key(name)) > len(key(p.name))):
            p.name, p.has_first_name = name, True  # the fullest form the article gives
        p.mentions.append(span)
        p.honorifics.extend(h for h in honors if h not in p.honorifics)
        return p

    def _find(self, name: str, has_first: bool) -> _Person | None:
        k, sk = key(name), key(name.split()[-1])
        for p in self.people:
            pk = key(p.name)
            # «هاشمی تشکری» is the tail of «سید جعفر هاشمی تشکری»: the same person, named shorter
            if pk == k or (" " in name and (pk.endswith(k) or k.endswith(pk))):
                return p
        for p in reversed(self.people):  # a surname joins the latest person who bears it
            if key(p.surname) == sk and (not has_first or not p.has_first_name):
                return p
        return None

    def _attach_appositions(self) -> None:
        """«X، شهردار همدان» / «X عضو شورا» / «شهردار همدان، X»: the title is X's.

        A title right after a name wins; one before a name is only taken when no other name
        claims it, so lists («الف شهردار تهران، ب رئیس شورا، …») pair each name with its own.
        """
        claimed: set[int] = set()
        untitled: list[tuple[_Person, Span]] = []
        for p in self.people:
            for a, b in p.mentions:
                after = [t for t in self.titles if _adjacent(self.text, b, t.start)
                         or _AS_TITLE.fullmatch(self.text, b, t.start)]
                for t in after:
                    p.add_title(t.text)
                    claimed.add(t.start)
                if not after:
                    untitled.append((p, (a, b)))
        for p, (a, _b) in untitled:
            for t in self.titles:
                if t.start not in claimed and _adjacent(self.text, t.end, a):
                    p.add_title(t.text)

    def person_at(self, pos: int) -> _Person | None:
        for p in self.people:
            if any(a <= pos < b for a, b in p.mentions):
                return p
        return None

    # -- speakers ---------------------------------------------------------------------------
    def resolve(self, clauses: list[Clause]) -> list[Statement]:
        statements: list[Statement] = []
        last: _Person | None = None
        pending: list[tuple[str, list[Statement]]] = []  # title-only speakers awaiting a name
        for c in clauses:
            kind, who, span = self._subject(c)
            if kind == "org":
                continue  # «شهرداری اعلام کرد»: an institution, not a person
            st = Statement(trigger=c.trigger, content=c.content, speaker_mention=span)
            person = None
            if kind == "person":
                person = who
                if pending and not person.titles and person.first_seen >= c.subject[0] - 1:
                    title, waiting = pending.pop(0)  # lead convention: the title's bearer is named now
                    if title:
                        person.add_title(title)
                    for w in waiting:
                        w.speaker = person.name
                    pending.clear()
            elif kind == "title":
                person = self._bearer(who, c.subject[0])
                if person is None:
                    for title, waiting in pending:
                        if title and dice(title, who) >= 0.7:
                            waiting.append(st)
                            break
                    else:
                        pending.append((who, [st]))
            elif kind == "pronoun" or kind == "none":
                person = last
                if person is None and kind == "none":  # an unnamed lead subject: named later
                    pending.append(("", [st]))
            if person is not None:
                st.speaker = person.name
                last = person
            statements.append(st)
        for p in self.people:
            if not p.has_first_name:
                self._find_first_name(p)
        for p in self.people:  # names may have grown after a statement was resolved
            surname = key(p.surname)
            for st in statements:
                if st.speaker and st.speaker != p.name and key(st.speaker.split()[-1]) == surname:
                    st.speaker = p.name
        return statements

    def _find_first_name(self, p: _Person) -> None:
        """«حناچی افزود» … «به نقل از ایرنا، پیروز حناچی شامگاه»: a clause-initial word before the
        surname is the first name the lists did not know.

        Tried at each «word surname» pair in text order, never inside an earlier pair (as a
        ``finditer`` would), where the word opens the text or a clause («، X» or «،X»).
        """
        lex, text, surname = default_lexicon(), self.text, p.surname
        resume, at = 0, text.find(" " + surname)
        while at >= 0:
            start, end = at, at + 1 + len(surname)
            while start > 0 and _NAME_CHAR.match(text, start - 1):
                start -= 1
            if resume <= start < at and not _NAME_CHAR.match(text, end) and _opens_clause(text, start):
                first = text[start:at]
                if lex.is_surname_like(first) and first.replace("\u200c", "") not in lex.title_honorifics:
                    p.name, p.has_first_name = f"{first} {surname}", True
                    p.mentions.append((start, end))
                    return
                resume = end
            at = text.find(" " + surname, at + 1)

    def _bearer(self, title: str, before: int) -> _Person | None:
        """The official holding ``title``; a shortened title («معاون شهردار تهران» for «معاون حمل و
        نقل و ترافیک شهرداری تهران») goes to the only official whose title has the same head."""
        best, score = None, 0.7
        for p in self.people:
            for t in p.titles:
                d = dice(t, title)
                if d >= score:
                    best, score = p, d
        if best is None:
            head = title.split()[0]
            same = [p for p in self.people if p.first_seen < before
                    and any(t.split()[0] == head and dice(t, title) >= 0.45 for t in p.titles)]
            if len(same) == 1:
                best = same[0]
        return best

    def _subject(self, c: Clause):
        """The first thing named in the subject region: a person, a pronoun, a title or an org."""
        a, b = c.subject
        toks = token_spans(self.text, a, b)
        if not toks:
            return "none", None, None
        first = toks[0]
        cands = []
        for p in self.people:
            for m in p.mentions:
                if a <= m[0] < b:
                    cands.append((m[0], "person", p, m))
        for t in self.titles:
            if a <= t.start < b:
                cands.append((t.start, "title", t, (t.start, t.end)))
        for s, e in toks:
            if self.text[s:e] in _PRONOUNS:
                cands.append((s, "pronoun", None, (s, e)))
                break
        for s, e in self.orgs:
            if a <= s < b:
                cands.append((s, "org", None, (s, e)))
        bare = self._bare_surname(toks, b)
        if bare is not None:
            cands.append(bare)
        if not cands:
            return "none", None, None
        # an organization only speaks when nothing else is named («شهرداری تهران اعلام کرد»);
        # «به گزارش روابط عمومی شهرداری تهران مهندس تقی‌زاده اظهار کرد» is the engineer's
        people = [c for c in cands if c[1] != "org"]
        pos, kind, obj, span = min(people or cands, key=lambda c: (c[0], c[1] != "person"))
        if kind == "org" and pos > first[0] + 1:
            return "none", None, None
        if kind == "title":
            near = self._apposed_person(obj)
            if near is not None:
                return "person", near, span
            return "title", obj.text, span
        return kind, obj, span

    def _apposed_person(self, t: _TitleMention) -> _Person | None:
        for p in self.people:
            for a, b in p.mentions:
                if _adjacent(self.text, b, t.start) or _adjacent(self.text, t.end, a):
                    return p
        return None

    def _bare_surname(self, toks: list[Span], verb_pos: int):
        """«ایلیات گفت», «الویری نیز در این نشست گفت»: a surname alone opens the clause."""
        s, e = toks[0]
        word = self.text[s:e]
        for p in self.people:
            if key(p.surname) == key(word):
                p.mentions.append((s, e))
                return (s, "person", p, (s, e))
        nxt = self.text[e:verb_pos].split()
        lex = default_lexicon()
        if (lex.is_surname_like(word) and word.replace("\u200c", "") not in lex.common_words
                and not word.endswith("ای")  # «اجرای ...»: a noun in construct, not a surname
                and (not nxt or nxt[0] in _AFTER_SUBJECT) and not self._covered(s)):
            p = self._add_mention(word, (s, e), False, [])
            return (s, "person", p, (s, e))
        return None

    def _covered(self, pos: int) -> bool:
        return any(t.start <= pos < t.end for t in self.titles) or any(a <= pos < b for a, b in self.orgs)

    def officials(self) -> list[Official]:
        return [Official(p.name, list(p.titles), sorted(set(p.mentions)), list(p.honorifics))
                for p in sorted(self.people, key=lambda p: p.first_seen)]


def _opens_clause(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] in _CLAUSE_MARKS or (
        pos >= 2 and text[pos - 2] in _CLAUSE_MARKS and _SPACE.match(text, pos - 1) is not None)


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    """Only spaces or a comma between two spans."""
    if right_start < left_end or right_start - left_end > 3:
        return False
    return text[left_end:right_start].strip(" ،,") == ""
