"""Who said it: officials merged over their mentions, and each statement's speaker.

Persian news names a speaker in several ways, and this module ties them to one person:
a full name («رضا امینی، مدیرکل ... گفت»), a surname («امینی تأکید کرد»), a pronoun
(«وی افزود», «او گفت»), a title alone («شهردار همدان افزود»), and the lead convention: a
lead paragraph gives only the title («مجری طرح ... خبر داد») and the next paragraph the name
(«دکتر امی ... افزود») — the title then belongs to that person. A title alone after someone
has spoken is that person's when it points back («این عضو شورای شهر افزود») or goes on with a
verb of going on («رئیس فراکسیون امید ادامه داد»).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from ..document import Document, Official, Statement
from ..recognizers.persons import PersonMention, default_lexicon
from ..resources import packaged_rows
from ..text.keys import dice, key
from ..text.tokens import TOKEN, token_spans
from .statements import Clause

Span = tuple[int, int]
_PRONOUNS = ("وی", "او", "ایشان")
# «مهندس بهروز رسماً به عنوان مدیرعامل جدید شرکت ... معرفی شد»
_AS_TITLE = regex.compile(r"[\s،]*(?:[\p{L}\u200c]+\s+){0,2}به\s+عنوان\s+")
# «X، رئیس و ...»: a role head (one or two words) that «و» joins to what follows
_COORDINATED_HEAD = regex.compile(r" ?، ?([\p{L}\u200c]+(?: [\p{L}\u200c]+)?) و ")
# the word right before a span, searched backwards from it
_WORD_BEFORE = regex.compile(r"(?r)(?<![\p{L}\u200c])([\p{L}\u200c]+)[ ،]{1,3}$")
_CLAUSE_MARKS = "،.:؛\n"  # a clause opens after one of these (and maybe one space)
_NAME_CHAR = regex.compile(r"[\p{L}\u200c]")
_SPACE = regex.compile(r"\s")
# a pronoun that is a whole token of :data:`~muni_ie.text.tokens.TOKEN` (read in the slice of a region)
_PRONOUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}\u200c])(?:{'|'.join(_PRONOUNS)})(?=\u200c*(?![\p{{L}}\p{{M}}\u200c]))")
# words that may stand between a bare surname subject and its verb: «ایلیات نیز در این نشست گفت»
_AFTER_SUBJECT = frozenset(["نیز", "هم", "با", "در", "ضمن", "همچنین", "درباره", "پیرامون", "امروز", "روز", "به", "از", "سپس", "اما", "ولی", "همچنان", "تنها", "خود", "پس", "طی", "بعد", "قبل"])


@dataclass(frozen=True)
class _Cues:
    continues: frozenset[str]  # keys of «افزود», «ادامه داد»: the last speaker goes on
    also: frozenset[str]  # «نیز», «همچنین»: another speaker joins
    demonstrative: frozenset[str]  # «این», «همین»: «این عضو شورا» is someone already named
    generic: frozenset[str]  # «یک», «هر»: «یک عضو شورا» is someone unnamed
    modifiers: frozenset[str]  # «جدید», «وقت»: «شهردار جدید قم» is the post «شهردار قم»
    org_heads: frozenset[str]  # space-free keys of role heads that take a body («رئیس», «مدیرعامل»)


@functools.cache
def _cues() -> _Cues:
    words = packaged_rows("title_words.tsv")
    return _Cues(
        frozenset(key(r[0]) for r in packaged_rows("reporting_verbs.tsv") if "continues" in r[2:]),
        frozenset(key(r[0]) for r in packaged_rows("speaker_cues.tsv") if r[1] == "also"),
        frozenset(key(r[0]) for r in words if r[1] == "demonstrative"),
        frozenset(key(r[0]) for r in words if r[1] == "generic"),
        frozenset(key(r[0]) for r in words if r[1] == "modifier"),
        frozenset(key(r[0]).replace(" ", "") for r in packaged_rows("titles.tsv") if "org" in r[2].split(",")))


@functools.lru_cache(maxsize=4096)
def _post(title: str) -> tuple[str, ...]:
    """The word keys of a title without its modifiers: one post whether or not it is «جدید» or «وقت»
    (remembered: the same titles come back all the time)."""
    mods = _cues().modifiers
    return tuple(k for k in map(key, title.split()) if k not in mods)


@functools.lru_cache(maxsize=4096)
def _surname_key(name: str) -> str:
    """The key of a name's last word (remembered: people are told apart by it over and over)."""
    return key(name.split()[-1])


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
        """A new post, unless it is one the person has, maybe shortened («نماینده مردم» for
        «نماینده مردم اراک در مجلس») or with another modifier («شهردار جدید قم»)."""
        post = _post(title)
        if all(dice(title, t) < 0.9 and _post(t)[:len(post)] != post for t in self.titles):
            self.titles.append(title)

    def holds(self, title: str) -> bool:
        """``title`` is one of the person's posts, maybe shortened («وزیر بهداشت» of «وزیر بهداشت
        و درمان»): the lead's «وزیر بهداشت گفت» is the minister named next with the fuller title."""
        post = _post(title)
        return bool(post) and any(dice(title, t) >= 0.7 or _post(t)[:len(post)] == post for t in self.titles)

    def posts(self) -> list[str]:
        """The titles to report: a shorter form seen before its fuller one («وزیر بهداشت», then
        «وزیر بهداشت و درمان») is the same post. (Kept until now: speakers are matched on it.)"""
        posts = [_post(t) for t in self.titles]
        return [t for t, p in zip(self.titles, posts) if not any(q != p and q[:len(p)] == p for q in posts)]


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
        self._surname_opens: dict[tuple[int, int, int], bool] = {}  # see _opens_as_surname
        self._first_tokens: dict[Span, Span | None] = {}
        for m in sorted(persons, key=lambda m: m.start):
            self._add_mention(m.name, (m.start, m.end), m.has_first_name, list(m.honorifics))
        self._attach_appositions()

    def _first_token(self, a: int, b: int) -> Span | None:
        """The first of the ``token_spans`` of a subject region: most rules read no further (and
        both passes over the clauses read it)."""
        if (a, b) not in self._first_tokens:
            m = TOKEN.search(self.text, a, b)
            self._first_tokens[a, b] = m.span() if m else None
        return self._first_tokens[a, b]

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
        k, sk = key(name), _surname_key(name)
        for p in self.people:
            pk = key(p.name)
            # «هاشمی تشکری» is the tail of «سید جعفر هاشمی تشکری»: the same person, named shorter
            if pk == k or (" " in name and (pk.endswith(k) or k.endswith(pk))):
                return p
        for p in reversed(self.people):  # a surname joins the latest person who bears it
            if _surname_key(p.name) == sk and (not has_first or not p.has_first_name):
                return p
        return None

    def _attach_appositions(self) -> None:
        """«X، شهردار همدان» / «X عضو شورا» / «شهردار همدان، X»: the title is X's.

        A title right after a name wins; one before a name is only taken when no other name
        claims it, so lists («الف شهردار تهران، ب رئیس شورا، …») pair each name with its own.
        """
        claimed: set[int] = set()
        untitled: list[tuple[_Person, Span]] = []
        as_in_text = "عنوان" in self.text
        for p in self.people:
            for a, b in p.mentions:
                # «X به عنوان T» needs an «عنوان» between them: where is the first one?
                as_at = self.text.find("عنوان", b) if as_in_text else -1
                after = [t for t in self.titles if b <= t.start <= b + 3 and _adjacent(self.text, b, t.start)
                         or 0 <= as_at <= t.start - 5 and _AS_TITLE.fullmatch(self.text, b, t.start)]
                for t in after:
                    p.add_title(t.text)
                    claimed.add(t.start)
                if not after:
                    shared = self._shared_complement(b)
                    if shared:
                        p.add_title(shared)
                    else:
                        untitled.append((p, (a, b)))
        for p, (a, _b) in untitled:
            for t in self.titles:
                if t.end <= a <= t.end + 3 and t.start not in claimed and _adjacent(self.text, t.end, a):
                    p.add_title(t.text)
                    claimed.add(t.start)
        self._surname_appositions(claimed)

    def _surname_appositions(self, claimed: set[int]) -> None:
        """«در پاسخ به سؤال شکری نماینده تالش» … «آقای شکری»: a title no name claims, right after
        the surname of someone the article names, is that person's (a mention the name lists
        missed: a surname alone is the same official) — unless the word before the surname opens
        its clause: that may be another person's first name."""
        surnames = {_surname_key(p.name): p for p in self.people}
        for t in self.titles:
            if t.start in claimed:
                continue
            m = _WORD_BEFORE.search(self.text, max(0, t.start - 40), t.start)
            p = surnames.get(key(m.group(1))) if m else None
            if p is None or self.person_at(m.start(1)) is not None:
                continue
            w = _WORD_BEFORE.search(self.text, max(0, m.start(1) - 40), m.start(1))
            if w is None or self._after_word(w.start(1)):  # «[n] نادره رضایی، معاون ...»: another person
                p.add_title(t.text)
                p.mentions.append(m.span(1))

    def _after_word(self, pos: int) -> bool:
        """A word and one space stand right before ``pos``: it is inside a phrase."""
        return pos >= 2 and self.text[pos - 1] == " " and _NAME_CHAR.match(self.text, pos - 2) is not None

    def _shared_complement(self, end: int) -> str | None:
        """«مهندس چمران، رئیس و تنی چند از اعضای شورای اسلامی شهر تهران»: a role head joined by
        «و» to others that share one body; the head with the first organization after it, within
        the same comma segment, is the title («رئیس شورای اسلامی شهر تهران»)."""
        m = _COORDINATED_HEAD.match(self.text, end)
        if m is None or key(m.group(1)).replace(" ", "") not in _cues().org_heads:
            return None
        for s, e in self.orgs:
            if m.end() <= s <= m.end() + 60 and not any(ch in _CLAUSE_MARKS for ch in self.text[m.end():s]):
                return f"{m.group(1)} {self.text[s:e]}"
        return None

    def person_at(self, pos: int) -> _Person | None:
        for p in self.people:
            if any(a <= pos < b for a, b in p.mentions):
                return p
        return None

    # -- speakers ---------------------------------------------------------------------------
    def resolve(self, clauses: list[Clause]) -> list[Statement]:
        self._bare_surname_subjects(clauses)
        statements: list[Statement] = []
        last: _Person | None = None
        last_para = -2  # the paragraph where ``last`` last spoke
        pending: list[tuple[str, list[Statement]]] = []  # title-only speakers awaiting a name
        for c in clauses:
            kind, who, span = self._subject(c)
            if kind == "org":
                continue  # «شهرداری اعلام کرد»: an institution, not a person
            st = Statement(trigger=c.trigger, content=c.content, speaker_mention=span)
            person = None
            if kind == "person":
                person = who
                if pending and person.first_seen >= c.subject[0] - 1 and (
                        not person.titles or person.holds(pending[0][0])):
                    title, waiting = pending.pop(0)  # lead convention: the title's bearer is named now
                    if title:
                        person.add_title(title)
                    for w in waiting:
                        w.speaker = person.name
                    pending.clear()
            elif kind == "title":
                person = self._bearer(who, c.subject[0])
                joined = None if person else next((w for t, w in pending if t and dice(t, who) >= 0.7), None)
                if joined is not None:
                    joined.append(st)
                elif person is None and last is not None and statements and statements[-1].speaker == last.name \
                        and self._same_speaker(c, span, last, c.paragraph - last_para):
                    person = last
                    person.add_title(who)
                elif person is None:
                    pending.append((who, [st]))
            elif kind == "pronoun" or kind == "none":
                person = last
                if person is None and kind == "none":  # an unnamed lead subject: named later
                    pending.append(("", [st]))
            if person is not None:
                st.speaker = person.name
                last, last_para = person, c.paragraph
            statements.append(st)
        for p in self.people:
            if not p.has_first_name:
                self._find_first_name(p)
        by_surname: dict[str, list[Statement]] = {}  # a speaker renamed below keeps his surname
        for st in statements:
            if st.speaker:
                by_surname.setdefault(_surname_key(st.speaker), []).append(st)
        for p in self.people:  # names may have grown after a statement was resolved
            for st in by_surname.get(_surname_key(p.name), ()):
                st.speaker = p.name
        return statements

    def _bare_surname_subjects(self, clauses: list[Clause]) -> None:
        """People first named by a surname alone as a later clause's subject («حناچی ادامه داد»),
        with the first name the text gives them (``_find_first_name``), before any speaker is
        resolved: an earlier clause («به نقل از ایرنا، پیروز حناچی … اظهار داشت») is theirs too."""
        known = len(self.people)
        for c in clauses:
            first = self._first_token(*c.subject)
            if first:
                s, e = first
                word = self.text[s:e]
                if self._bearer_of_surname(word) is None and self._opens_as_surname(word, s, e, c.subject[1]):
                    self._add_mention(word, (s, e), False, [])
        for p in self.people[known:]:
            self._find_first_name(p)

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

    def _same_speaker(self, c: Clause, span: Span, last: _Person, paragraphs: int) -> bool:
        """A title alone that goes on with ``last``, the last speaker, ``paragraphs`` after he spoke:
        an anaphor («این عضو شورای شهر افزود»), or a title before a verb of going on («رئیس
        فراکسیون امید ادامه داد») within two paragraphs (a roundup's next item starts afresh) —
        unless «نیز/همچنین» says another speaker joins («معاون شهردار نیز افزود»)."""
        cues = _cues()
        words = [key(self.text[s:e]) for s, e in token_spans(self.text, *c.subject)]
        if any(w in cues.also for w in words):
            return False
        before = self.text[max(c.subject[0], span[0] - 8):span[0]].split()
        if before and key(before[-1]) in cues.demonstrative:
            return not self._introduced_unnamed(span, last)
        return paragraphs <= 2 and key(self.text[c.trigger[0]:c.trigger[1]]) in cues.continues

    def _introduced_unnamed(self, span: Span, last: _Person) -> bool:
        """«مقیمی افزود ... یک نماینده شورای عالی بانک‌ها گفت ... این نماینده شورای عالی بانک‌ها
        افزود»: the title came after ``last`` was last named, after an indefinite word, so «این»
        points back to that unnamed person (a lead's «یک عضو کمیسیون ... گفت» is named next)."""
        title, generic = self.text[span[0]:span[1]], _cues().generic
        named = max((a for a, _b in last.mentions if a < span[0]), default=-1)
        at = self.text.rfind(title, named + 1, span[0])
        while at > named:
            words = self.text[max(0, at - 10):at].split()
            if words and key(words[-1]) in generic:
                return True
            at = self.text.rfind(title, named + 1, at)
        return False

    def _subject(self, c: Clause):
        """The first thing named in the subject region: a person, a pronoun, a title or an org.

        A semicolon closes a clause of its own: when a name opens the next one («... جعفری
        جوزانی؛ تورج منصوری ... گفت»), the subject is named there.
        """
        a, b = c.subject
        semi = self.text.rfind("؛", a, b)
        if semi >= 0:
            after = semi + 1 + (self.text[semi + 1:semi + 2] == " ")
            if self.person_at(after) is not None:
                a = after
        first = self._first_token(a, b)
        if first is None:
            return "none", None, None
        cands = []
        for p in self.people:
            for m in p.mentions:
                if a <= m[0] < b:
                    cands.append((m[0], "person", p, m))
        for t in self.titles:
            if a <= t.start < b:
                cands.append((t.start, "title", t, (t.start, t.end)))
        pronoun = _PRONOUN.search(self.text[a:b])
        if pronoun is not None:
            cands.append((a + pronoun.start(), "pronoun", None, (a + pronoun.start(), a + pronoun.end())))
        for s, e in self.orgs:
            if a <= s < b:
                cands.append((s, "org", None, (s, e)))
        bare = self._bare_surname(first, b)
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
            named = self._named_after_adjunct(obj, a, cands)
            if named is not None:
                return "person", named[2], named[3]
            return "title", obj.text, span
        return kind, obj, span

    def _named_after_adjunct(self, t: _TitleMention, a: int, cands: list):
        """«قبل از بازدید شهردار تهران از تونل، دکتر حجت ... گفت»: a title inside a phrase (a word
        stands before it) that a comma closes is an adjunct's; the person who opens the next
        comma segment, not apposed to a title of his own, is the subject."""
        if t.start <= a or not self._after_word(t.start):
            return None
        for cand in sorted(cands, key=lambda c: c[0]):
            if cand[1] == "person" and cand[0] > t.end and self.text[a:cand[0]].rstrip().endswith("،") \
                    and not any(_adjacent(self.text, o.end, cand[0]) for o in self.titles):
                return cand
        return None

    def _apposed_person(self, t: _TitleMention) -> _Person | None:
        for p in self.people:
            for a, b in p.mentions:
                if _adjacent(self.text, b, t.start) or _adjacent(self.text, t.end, a):
                    return p
        return None

    def _bare_surname(self, first: Span, verb_pos: int):
        """«ایلیات گفت», «الویری نیز در این نشست گفت»: a surname alone opens the clause."""
        s, e = first
        word = self.text[s:e]
        p = self._bearer_of_surname(word)
        if p is not None:
            if (s, e) not in p.mentions:
                p.mentions.append((s, e))
            return (s, "person", p, (s, e))
        if self._opens_as_surname(word, s, e, verb_pos):
            p = self._add_mention(word, (s, e), False, [])
            return (s, "person", p, (s, e))
        return None

    def _bearer_of_surname(self, word: str) -> _Person | None:
        k = key(word)
        return next((p for p in self.people if _surname_key(p.name) == k), None)

    def _opens_as_surname(self, word: str, s: int, e: int, verb_pos: int) -> bool:
        """``word`` at [s, e) opens a clause as a surname no one bears yet: then a new person.

        The answer depends on the text alone, and both passes over the clauses ask it: it is kept.
        """
        opens = self._surname_opens.get((s, e, verb_pos))
        if opens is None:
            nxt = self.text[e:verb_pos].split(None, 1)
            lex = default_lexicon()
            opens = self._surname_opens[s, e, verb_pos] = (
                (not nxt or nxt[0] in _AFTER_SUBJECT)
                and not word.endswith("ای")  # «اجرای ...»: a noun in construct, not a surname
                and lex.is_surname_like(word) and word.replace("\u200c", "") not in lex.common_words
                and not self._covered(s))
        return opens

    def _covered(self, pos: int) -> bool:
        return any(t.start <= pos < t.end for t in self.titles) or any(a <= pos < b for a, b in self.orgs)

    def officials(self) -> list[Official]:
        return [Official(p.name, p.posts(), sorted(set(p.mentions)), list(p.honorifics))
                for p in sorted(self.people, key=lambda p: p.first_seen)]


def _opens_clause(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] in _CLAUSE_MARKS or (
        pos >= 2 and text[pos - 2] in _CLAUSE_MARKS and _SPACE.match(text, pos - 1) is not None)


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    """Only spaces or a comma between two spans."""
    if right_start < left_end or right_start - left_end > 3:
        return False
    return text[left_end:right_start].strip(" ،,") == ""
