"""Person names in Persian news: «سید محمدحسین سیف‌السادات», «دکتر امی», «رضا امینی».

Persian has no capital letters, so a name is recognized from evidence around it: a known first
name followed by a surname-like word, an honorific («دکتر», «مهندس», «سید»), or a title in
apposition («X، شهردار همدان» / «شهردار همدان، X»). Bylines («عکس: X», a name alone on the
first or last line) are not people in the news and are skipped.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import regex

from ..resources import packaged_lines, packaged_rows
from ..text.normalize import ZWNJ, fold
from ..text.tokens import TOKEN, token_spans
from ..text.trie import trie_pattern
from .phrase_lexicon import LETTER, key, load_words, split_words

_ALLAH = frozenset({"الله", "اله"})  # «فرج الله»: a first name ends in a word of its own

Span = tuple[int, int]

# text that str.split tokenizes as text.tokens.TOKEN does: letter words (no ZWNJ at the end) or
# digits, apart by one space or line break, maybe with a mark right after
_MARKS = "،.:؛؟!"
_PLAIN = re.compile(rf"(?:[{LETTER}]*[{LETTER[:-1]}]|[0-9]+)[{_MARKS}]?(?:[ \n](?:[{LETTER}]*[{LETTER[:-1]}]|[0-9]+)[{_MARKS}]?)*")
_SEP_BEFORE = regex.compile(r"(?r)\s*")
_IN_WORD = regex.compile(r"[\p{L}\p{M}\u200c]")
_WORD_GOES_ON = regex.compile(r"\u200c*[\p{L}\p{M}]")


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # canonical form: honorifics other than سید/سیده dropped, suffixes joined with ZWNJ
    honorifics: tuple[str, ...] = ()
    has_first_name: bool = True

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class NameLexicon:
    first_names: frozenset[str]
    ambiguous_first: frozenset[str]
    title_honorifics: frozenset[str]
    lineage: frozenset[str]
    stopwords: frozenset[str]
    blockers: frozenset[str]
    suffixes: frozenset[str]
    common_words: frozenset[str]  # a surname candidate among these needs more evidence
    surnames: frozenset[str]
    noun_endings: tuple[str, ...] = ()
    light_verbs: frozenset[str] = frozenset()  # «انجام شود», «نایاب شد»: the word before is a noun
    verb_prefixes: tuple[str, ...] = ()  # «می‌», «نمی‌» (with their ZWNJ): the word is a verb
    ner_common: frozenset[str] = frozenset()  # words the NER corpora (nearly) never tag as a name
    courtesy: frozenset[str] = frozenset()  # forms of address («آقای», «خانم»), plain and space-free

    @functools.cached_property
    def no_surnames(self) -> frozenset[str]:
        """Words that are never a surname: stopwords, title honorifics and blockers (one lookup)."""
        return self.stopwords | self.title_honorifics | self.blockers

    @functools.cached_property
    def nisba_firsts(self) -> frozenset[str]:
        """Listed first names that are another first name plus «ی» («حسینی», «جعفری»): mostly
        surnames, so they are no evidence of a name by themselves («حسینی وزن»)."""
        names = self.first_names | self.ambiguous_first
        return frozenset(n for n in self.first_names if n.endswith("ی") and n[:-1] in names)

    def _ezafe_after_vowel(self, word: str, plain: str) -> bool:
        """«اجرای», «سینمای»: a common noun in «ا» taking its ezafe «ی», not a surname in «ای»
        («کرزای»; Persian ones mostly write it after «ه» and a ZWNJ: «خامنه‌ای»)."""
        return (len(word) > 3 and word.endswith("ای") and word[-3] != ZWNJ
                and plain[:-1] in self.common_words and plain not in self.surnames)

    def is_surname_like(self, word: str) -> bool:
        w = word.replace(ZWNJ, "")
        return (len(w) >= 2 and w not in self.no_surnames and not (len(w) > 5 and w.endswith(self.noun_endings))
                and not word.startswith(self.verb_prefixes) and not self._ezafe_after_vowel(word, w)
                and w.isalpha() and not (word.endswith(_PLURAL) and not word.endswith("ی" + ZWNJ + "ها")
                                         and w not in self.surnames))


# a plural written with its ZWNJ («برش‌های کوچکی»): a noun, not a surname, unless a known one or
# a family name in «ی‌ها» («خوئینی‌ها», «پناهی‌ها»)
_PLURAL = tuple(ZWNJ + p for p in ("ها", "های", "هایی", "هایش", "هایشان"))


def _plain(word: str) -> str:
    return word.replace(ZWNJ, "")


@functools.cache
def default_lexicon() -> NameLexicon:
    firsts, ambiguous = set(), set()
    for row in packaged_rows("first_names.tsv"):
        (ambiguous if len(row) > 1 and row[1] == "ambiguous" else firsts).add(_plain(fold(row[0])))
    honor, lineage, courtesy = set(), set(), set()
    for row in _honorific_rows():
        word = _plain(fold(row[0])).replace(" ", "")
        (lineage if len(row) > 1 and row[1].strip() == "lineage" else honor).add(word)
        if len(row) > 2 and row[2].strip() == "courtesy":
            courtesy.add(word)
    context = {}
    for row in packaged_rows("name_context.tsv"):
        context.setdefault(row[1], set()).add(_plain(row[0]))
    stop = {_plain(w) for w in packaged_lines("name_stopwords.txt")} | context.get("stop", set())
    for row in packaged_rows("reporting_verbs.tsv"):
        stop.update(_plain(w) for w in fold(row[0]).split())
    stop.update(_plain(w) for w in packaged_lines("pronouns.tsv"))
    # a country is never a surname («فرانک سوئیس» is the Swiss franc)
    for row in packaged_rows("titles.tsv"):  # «رئیس گفت» / «وزیر افزود»: a role word is no surname
        stop.update(_plain(fold(w)) for w in row[0].split())
    for row in packaged_rows("countries.tsv"):  # id, kind, name, …, variants
        stop.update(_plain(fold(v)) for v in [row[2], *row[-1].split("|")] if v and " " not in v)
    # words that need more evidence as a surname: frequent in hazm's lexicon, or frequent in the
    # NER corpora and (nearly) never inside a person name there («تیم», «سینمایی», «بگیرد»)
    ner_common = {_plain(w) for w in packaged_lines("ner_common_words.txt")}
    common = {_plain(w) for w in packaged_lines("common_words.txt")} | ner_common
    return NameLexicon(frozenset(firsts), frozenset(ambiguous), frozenset(honor), frozenset(lineage),
                       frozenset(stop), frozenset(context.get("blocker", ())), frozenset(context.get("suffix", ())),
                       frozenset(common), frozenset(_plain(w) for w in packaged_lines("surnames.txt")),
                       tuple(context.get("noun_ending", ())), frozenset(context.get("light_verb", ())),
                       tuple(p + ZWNJ for p in context.get("verb_prefix", ())), frozenset(ner_common),
                       frozenset(courtesy))


def _honorific_rows() -> tuple[tuple[str, ...], ...]:
    try:
        return packaged_rows("honorifics.tsv")
    except FileNotFoundError:  # the lexicon ships with the package; this only guards partial checkouts
        return (("سید", "lineage"), ("سیده", "lineage"), ("دکتر", "title"), ("مهندس", "title"))


def name_openers(lex: NameLexicon) -> tuple[frozenset[str], list[tuple[str, str]]]:
    """The words a name can open on (plain): known first names, honorifics, lineage, and
    «الله»/«اله» (the word before opens there); and honorifics written as two words («حجت الاسلام»)."""
    full = lex.first_names | lex.ambiguous_first | lex.title_honorifics | lex.lineage
    pairs = [(h[:i], h[i:]) for h in lex.title_honorifics for i in range(1, len(h)) if h[:i] not in full]
    return full | _ALLAH, pairs


@functools.cache
def _gate(lex: NameLexicon) -> re.Pattern[str]:
    """One regex for the words a name can open on (see ``name_openers``), tried one character
    before each word; ZWNJ may stand anywhere inside, as ``_plain`` drops it."""
    z = "\u200c*+"

    def units(w: str) -> list[str]:
        return [re.escape(ch) + z for ch in w]

    words, pairs = name_openers(lex)
    seqs = [units(w) for w in words] + [units(a) + [r"\s+" + z] + units(b) for a, b in pairs]
    return re.compile(rf"[^{LETTER}](?=({z}{trie_pattern(seqs)})(?!{z}[{LETTER}]))")


_NEXT = regex.compile(rf"\s*({TOKEN.pattern})")  # the token after an offset
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}\p{M}\u200c]*[\p{L}\p{M}])\s+")  # a letter token, then space


class _Short(Exception):
    """A window of tokens ended before the matcher's reach: widen it and try again."""


class _Window:
    """The tokens of ``text[a:b]``, where a and b lie at token boundaries."""

    __slots__ = ("head", "plain", "starts", "tail", "words")

    def __init__(self, text: str, a: int, b: int) -> None:
        if _PLAIN.fullmatch(text, a, b):
            self.words, self.starts = split_words(text[a:b].replace("\n", " "), a, _MARKS)
        else:
            spans = token_spans(text, a, b)
            self.starts = [s for s, _ in spans]
            self.words = [text[s:e] for s, e in spans]
        # the words without ZWNJ, as the lexicons hold them (``_plain``), read once per window
        self.plain = [w.replace(ZWNJ, "") for w in self.words] if text.find(ZWNJ, a, b) >= 0 else self.words
        self.head = a == 0  # nothing before it
        self.tail = b == len(text)  # nothing after it

    def end(self, k: int) -> int:
        """Text offset after token k."""
        return self.starts[k] + len(self.words[k])

    def covers(self, p: int) -> bool:
        """Whether the window holds two tokens before offset ``p`` and seven from it on, as the
        matcher mostly needs (it asks for more by raising ``_Short``)."""
        i = bisect.bisect_left(self.starts, p)
        return (i >= 2 or self.head) and (i + 7 < len(self.starts) or self.tail)


def _window(text: str, p: int, before: int, after: int) -> _Window:
    """Tokens around offset ``p``: from a space about ``before`` characters back to one about
    ``after`` characters on (tokens never hold a space, so the window tokenizes as the text)."""
    a = max(0, p - before)
    if a:
        a = text.find(" ", a, p) + 1 or p
    b = text.find(" ", min(len(text), p + after))
    return _Window(text, a, len(text) if b < 0 else b)


class PersonRecognizer:
    """Find person-name mentions; ``titles`` are TITLE spans found earlier (for appositions).

    Only the tokens around the few words that can open a name are read: one regex finds the
    known first names, honorifics and «... الله» in the text (``_gate``).
    """

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        self.lex = lexicon or default_lexicon()
        lex = self.lex
        # a name can only open on one of these words (or a word before «الله»): checked first
        self._openers = (lex.first_names | lex.ambiguous_first | lex.lineage
                         | {h[:3] for h in lex.title_honorifics} | lex.title_honorifics)
        self._gate = _gate(lex)
        # first names that open a name only with a surname right after (no honorific, lineage or
        # compound head): ``_opens_no_name`` settles them
        self._plain_firsts = (lex.first_names | lex.ambiguous_first) - lex.title_honorifics - lex.lineage - _COMPOUND_HEADS
        # function words that are no honorific: after «قاضی» a common word is the title's object again
        self._function_words = lex.stopwords - lex.title_honorifics

    def _may_open(self, words: list[str], i: int) -> bool:
        w = _plain(words[i])
        return (w in self._openers or w[:3] in self._openers
                or (i + 1 < len(words) and words[i + 1] in ("الله", "اله")))

    def _candidates(self, text: str) -> list[tuple[int, str]]:
        """Offsets and text of the words that can open a name, in order; at «الله»/«اله» the word
        before opens («فرج الله»). A superset: ``_may_open`` decides."""
        # the scan starts one character before a word
        return [(m.start(1) - 1, m.group(1)) for m in self._gate.finditer("\n" + text)]

    def _opens_no_name(self, text: str, p: int, word: str) -> bool:
        """Whether the word at ``p`` surely opens no name, read from the text alone (``_match``
        would say no, at the cost of a window): a blocker («امام خمینی», «شهید بهشتی»), or a
        first name the word after which can be no surname."""
        w = word.rstrip(ZWNJ)  # the gate's match may hold the ZWNJ after the word
        first = w.replace(ZWNJ, "")
        blocker = first in self.lex.blockers
        if not (blocker or first in self._plain_firsts):
            return False
        e = p + len(w)
        spaced = text[e:e + 1] == " "
        if not spaced and _WORD_GOES_ON.match(text, e):
            return False  # the word goes on in a letter the gate does not know
        if blocker:
            return True
        nxt = _token_after(text, e)
        if nxt is None:
            return True
        plain = nxt.replace(ZWNJ, "")
        return not (plain in _ALLAH or first + plain in self.lex.title_honorifics or self.lex.is_surname_like(nxt))

    def find(self, text: str, titles: list[Span] = ()) -> list[PersonMention]:
        title_starts = {s for s, _ in titles}
        title_ends = {e for s, e in titles if not _ends_open(text[s:e])}
        found: list[PersonMention] = []
        free = 0  # tokens before this offset are in a mention already
        done: set[int] = set()  # token starts tried
        weak: list[PersonMention] = []  # names short of evidence on their own (``_listed``)
        win = None
        for p, word in self._candidates(text):
            before_allah = word.replace(ZWNJ, "") in _ALLAH
            if p < free or (not before_allah and self._opens_no_name(text, p, word)):
                continue
            reach = 16, 48
            while True:
                if win is None or not win.covers(p):
                    win = _window(text, p, *reach)
                try:
                    m = self._try(text, win, p, before_allah, free, done, title_starts, title_ends, weak)
                    break
                except _Short:
                    reach = reach[0] * 4, reach[1] * 4
                    win = None
            if m is not None:
                found.append(m)
                free = m.end
        found.extend(self._before_titles(text, sorted(title_starts), found))
        found.sort(key=lambda m: m.start)
        if weak:
            found = self._listed(text, found, weak)
        return [m for m in found if not _is_byline(text, m)]

    def _try(self, text, win, p, before_allah, free, done, title_starts, title_ends, weak) -> PersonMention | None:
        """The name opening at the token at ``p`` (or, ``before_allah``, the one before it), unless
        that token was tried already or lies in a mention."""
        i = bisect.bisect_left(win.starts, p)
        if i == len(win.starts) or win.starts[i] != p:
            return None  # the gate's word boundary is no token start
        i -= before_allah
        if i < 0:
            if win.head:
                return None
            raise _Short
        start = win.starts[i]
        if start < free or start in done:
            return None
        if i + 1 >= len(win.words) and not win.tail:
            raise _Short
        m = self._match(text, win, i, title_starts, title_ends, weak) if self._may_open(win.words, i) else None
        done.add(start)
        return m[0] if m else None

    def _before_titles(self, text: str, title_starts: list[int], found: list[PersonMention]) -> list[PersonMention]:
        """A bare surname in apposition after a function word and before a title:
        «با حضور نخعی‌نژاد معاون وقت استاندار», «و نمکی وزیر بهداشت»."""
        taken = [(m.start, m.end) for m in found]
        out = []
        for s in title_starts:
            m = _WORD_BEFORE.match(text, 0, s)
            if m is None or not self._lone_surname(m.group(1)):
                continue  # read from the text alone, before any window: the word before is no surname
            back = 24
            while True:  # the three tokens before the title
                win = _window(text, s, back, 0)
                k = bisect.bisect_left(win.starts, s)
                if k >= 3 or win.head:
                    break
                back *= 4
            if win.starts[k:k + 1] != [s] or (win.head and k == 0):
                continue  # no token starts there, or it is the first of the text
            words = win.words
            if not self._lone_surname(words[k - 1]):
                continue
            start = k - 1
            before = words[k - 2] if k >= 2 else _last_token(text)  # (the text's last for k = 1)
            if _plain(before) not in self.lex.stopwords:
                # «اقبال شاکری عضو سابق شورای شهر»: an unlisted first name opening the sentence
                opener = words[k - 2] if k >= 3 else ""
                named = self.lex.is_surname_like(opener) and not opener.endswith("ای")
                if not (named and not words[k - 3][0].isalpha()):
                    continue
                start = k - 2
            a, b = win.starts[start], win.end(k - 1)
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(PersonMention(a, b, " ".join(words[start:k]), (), start == k - 2))
        return out

    def _listed(self, text: str, found: list[PersonMention], weak: list[PersonMention]) -> list[PersonMention]:
        """Names short of evidence that stand in a list with a name found («حامد علیپور، زهره اسلامی و
        محمد بانوج»): a list of people holds people. One more word before the next comma belongs
        to the item («مهدی چاه جویی،»). ``found`` is in text order."""
        found = list(found)
        grew = True
        while grew:
            grew = False
            for w in weak:
                starts = [m.start for m in found]
                i = bisect.bisect_left(starts, w.start)
                if (i and found[i - 1].end > w.start) or (i < len(found) and found[i].start < w.end):
                    continue  # overlaps a name found
                if i < len(found) and _LIST_GAP.fullmatch(text, w.end, found[i].start):
                    found.insert(i, w)
                elif i and _LIST_GAP.fullmatch(text, found[i - 1].end, w.start):
                    tail = _ITEM_TAIL.match(text, w.end)
                    if tail and self.lex.is_surname_like(tail.group(1)) and (
                            i == len(found) or tail.end() <= found[i].start):
                        w = PersonMention(w.start, tail.end(), f"{w.name} {tail.group(1)}")
                    found.insert(i, w)
                else:
                    continue
                weak = [x for x in weak if x.start != w.start]
                grew = True
                break
        return found

    def _lone_surname(self, word: str) -> bool:
        """A surname that may stand alone before a title: surname-shaped or a known surname."""
        return self._bare_surname_ok(word) and (_surname_shaped(word) or _plain(word) in self.lex.surnames)

    def _bare_surname_ok(self, word: str) -> bool:
        w = _plain(word)
        return (self.lex.is_surname_like(word) and w not in self.lex.common_words and not w.endswith("ای")
                and w not in self.lex.first_names and w not in self.lex.ambiguous_first)

    # -- matching one candidate starting at token i ---------------------------------------
    def _match(self, text, win, i, title_starts, title_ends, weak=None):
        lex, words, plain = self.lex, win.words, win.plain
        n, honorifics = len(words), lex.title_honorifics
        if plain[i] in lex.blockers:  # «امام خمینی», «شهید بهشتی»
            return None
        if i and plain[i - 1][-1:].isdigit() and (plain[i] in lex.ambiguous_first or plain[i] in lex.courtesy):
            return None  # a counted noun: «۴۰ پروانه اکتشافی», «۲۰ خانم باردار»
        k = i - 1
        while k >= 0 and plain[k] in honorifics:  # «خیابان دکتر علی شریعتی»
            k -= 1
        if k < 0 and not win.head:
            raise _Short
        if k >= 0 and plain[k] in lex.blockers:
            return None
        j, honors = i, []
        while j < n:
            w = plain[j]
            if j + 1 < n and w + plain[j + 1] in honorifics:  # «آیت‌الله العظمی», «حجت الاسلام»
                honors.append(words[j] + " " + words[j + 1])
                j += 2
            elif w in honorifics:
                honors.append(words[j])
                j += 1
            elif honors and (w in _CLERICAL_TAIL or w == "و" and j + 1 < n and plain[j + 1] in _CLERICAL_TAIL):
                honors[-1] += " " + words[j]  # «حجت‌الاسلام والمسلمین», «… و المسلمین» (not «قاضی و کارمند»)
                j += 1
            else:
                break
        if j + 5 >= n and not win.tail:
            raise _Short  # what follows reads up to five tokens on
        lineage = None
        if j < n and plain[j] in lex.lineage:
            lineage = words[j]
            j += 1
        surname = None
        first, j2 = self._first_name(win, j)
        if first:
            surname, end = self._surname(text, win, j2, title_starts)
            if surname is None and (honors or lineage) and " " not in first:
                first, surname, end = None, first, j2  # «دکتر حجت،»: the «first name» is the surname
            elif surname is None:
                return None
        if first:
            if not (honors or lineage):  # evidence beyond the words themselves
                plain_first = _plain(first.split()[0])
                rare_surname = all(_plain(part) not in lex.common_words or _plain(part) in lex.surnames
                                   for part in surname.split())
                # «هاشمی رفسنجانی» is a double surname, but «حسینی وزن» no name
                known_first = plain_first in lex.first_names and (rare_surname or plain_first not in lex.nisba_firsts)
                if not (known_first and rare_surname or self._apposed(
                        text, win.starts[i], win.end(end - 1), title_starts, title_ends,
                        comma=not rare_surname and not known_first)):
                    if end < n and plain[end] in lex.light_verbs:
                        return None  # «با شاخصه‌های معین انجام شود»: a compound verb's noun
                    # a common-word surname («عارف», «نوین») needs a known first name and two later uses
                    # after a first name that is a common word too («فرهنگ», «پروانه»), a common word
                    # comes back as a name only after a function word or a mark: after a noun it is
                    # an adjective again («هنر ایرانی» after «فرهنگ ایرانی»)
                    strict = not rare_surname and plain_first in lex.ambiguous_first
                    alone = _recurs(text, surname.split()[-1], first, win.end(end - 1), lex.light_verbs,
                                    lex.no_surnames if strict else None)
                    shaped = " " not in surname and _surname_shaped(surname)
                    if not ((rare_surname or shaped) and alone or known_first and " " not in surname and alone >= 2):
                        if known_first and weak is not None and _plain(f"{first} {surname}") not in lex.first_names:
                            # it may stand in a list of names (``_listed``); «علی اکبر» is one first name
                            weak.append(PersonMention(win.starts[i], win.end(end - 1), f"{first} {surname}"))
                        return None  # «پیروز حناچی» only counts if «حناچی» comes back alone later
            name = f"{lineage} {first} {surname}" if lineage else f"{first} {surname}"
            return PersonMention(win.starts[i], win.end(end - 1), name, tuple(honors)), end
        if honors or lineage:
            if surname is None:
                surname, end = self._surname(text, win, j, title_starts)
            if surname is None or not self._honored_surname_ok(text, surname, win.end(end - 1), honors):
                return None
            name = f"{lineage} {surname}" if lineage else surname
            return PersonMention(win.starts[i], win.end(end - 1), name, tuple(honors), False), end
        return None

    def _honored_surname_ok(self, text: str, surname: str, after: int, honors: list[str]) -> bool:
        """After an honorific alone, a common word is mostly what the title is of («استاد علوم»,
        «قاضی پرونده», «خلبان هواپیما»): it is a surname only if surname-shaped, a known surname or
        first name, or used alone again later where a name stands (after a mark or a function word).
        After a profession a word the NER corpora never tag as a name is none («استاد مهندسی»);
        after a form of address it may be («آقای انتظامی»)."""
        lex, w = self.lex, _plain(surname)
        if " " in surname or w in lex.surnames or w in lex.first_names or w in lex.ambiguous_first:
            return True
        if w in lex.ner_common and not any(_plain(h).replace(" ", "") in lex.courtesy for h in honors):
            return False
        if w not in lex.common_words or _surname_shaped(surname):
            return True
        return any(_after_function_word(text, k, self._function_words) for k in _occurrences(text, surname, after))

    def _first_name(self, win, j):
        lex, words, plain = self.lex, win.words, win.plain
        if j >= len(words):
            return None, j
        w = words[j]
        if j + 1 < len(words) and plain[j + 1] in _ALLAH and lex.is_surname_like(w):
            return w + ZWNJ + words[j + 1], j + 2  # «فرج الله», «عطاء الله»: a theophoric first name
        if plain[j] not in lex.first_names and plain[j] not in lex.ambiguous_first:
            return None, j
        j += 1
        # compound first names written apart: «محمد حسین سیف‌السادات», but «حسن بیادی» stays
        if (plain[j - 1] in _COMPOUND_HEADS and j + 1 < len(words) and plain[j] in lex.first_names
                and lex.is_surname_like(words[j + 1])):
            return w + " " + words[j], j + 1
        return w, j

    def _surname(self, text, win, j, title_starts):
        lex, words, plain = self.lex, win.words, win.plain
        if j >= len(words) or not lex.is_surname_like(words[j]):  # (no title honorific either)
            return None, j
        surname, j = words[j], j + 1
        if j < len(words) and plain[j] in lex.suffixes:  # «تقی زاده» → «تقی‌زاده»
            surname, j = surname + ZWNJ + words[j], j + 1
        elif j < len(words) and plain[j - 1] in lex.suffixes and lex.is_surname_like(words[j]):
            surname, j = surname + ZWNJ + words[j], j + 1  # «نژاد بهرام» → «نژاد‌بهرام»
        elif j < len(words) and self._second_surname(text, words[j], surname, win.end(j),
                                                     j + 1 < len(words) and win.starts[j + 1] in title_starts):
            surname, j = surname + " " + words[j], j + 1
        return surname, j

    def _second_surname(self, text: str, word: str, first_part: str, after: int, titled: bool = False) -> bool:
        """Double-barrelled surnames end in an adjectival «ی», are no common word, and are known
        surnames, come back together later («رحمانی فضلی» … «رحمانی فضلی») or stand before a title
        («ملک مدنی شهردار تهران»). ``after``: the end of ``word`` in the text."""
        w = _plain(word)
        if not (w.endswith("ی") and len(w) > 3 and self.lex.is_surname_like(word)
                and (titled or w not in self.lex.common_words) and w not in self.lex.first_names):
            return False
        return titled or w in self.lex.surnames or any(
            _token_before_is(text, k, first_part) for k in _occurrences(text, word, after))

    @staticmethod
    def _apposed(text, start, end, title_starts, title_ends, comma=False):
        """A title right before or after the name text[start:end], across a comma or (unless
        ``comma``) a space."""
        left = start
        while left > 0 and text[left - 1] in " ،,":
            left -= 1
        right = end
        while right < len(text) and text[right] in " ،,":
            right += 1
        if comma:
            return (left in title_ends and "،" in text[left:start]) or (
                right in title_starts and "،" in text[end:right])
        return left in title_ends or right in title_starts


#: what «حجت‌الاسلام» takes after it, joined or after «و»
_CLERICAL_TAIL = frozenset({"والمسلمین", "المسلمین"})

#: first names that open a compound first name when followed by another («محمد حسین», «علی اکبر»)
_COMPOUND_HEADS = frozenset({"محمد", "علی", "امیر", "سید", "غلام", "عبد", "میر"})


_SURNAME_ENDINGS = ("ی", "زاده", "پور", "نژاد", "یان", "فر", "نیا", "راد", "لو", "وند")


def _ends_open(title: str) -> bool:
    """Whether a title ends in the head of a body that still wants its name («عضو سازمان»): what
    follows is that name («عضو سازمان پیمان آتلانتیک»), not a person in apposition."""
    frames = load_words().head_frames.get(key(title.rsplit(None, 1)[-1]), ())
    return any(f in _OPEN_BODIES for f in frames)


_OPEN_BODIES = frozenset({"body:name", "body:weak", "body:place"})


_LIST_GAP = re.compile(r"\s*(?:[،,]\s*(?:و\s+)?|و\s+)")  # between two items of a list
_ITEM_TAIL = re.compile(rf"[ {ZWNJ}]([^\W\d_]+(?:{ZWNJ}[^\W\d_]+)*)(?=\s*[،,])")  # a last word, then a comma


def _surname_shaped(word: str) -> bool:
    """«حیدری», «شاکری», «تقی‌زاده»: the endings most Iranian surnames carry."""
    return len(word) >= 4 and word.endswith(_SURNAME_ENDINGS)


def _recurs(text: str, surname: str, first: str, after: int, light_verbs: frozenset[str] = frozenset(),
            function_words: frozenset[str] | None = None) -> int:
    """How often the surname stands again after offset ``after`` without the first name: how news
    refers back. A use before a light verb («انجام شد») is a compound verb's noun, not a name.
    With ``function_words``, a use counts only after one of them, a mark or nothing."""
    name_end = first.split()[-1]
    return sum(not _token_before_is(text, k, name_end)
               and (_token_after(text, k + len(surname)) or "").replace(ZWNJ, "") not in light_verbs
               and (function_words is None or _after_function_word(text, k, function_words))
               for k in _occurrences(text, surname, after))


def _after_function_word(text: str, k: int, function_words: frozenset[str]) -> bool:
    """Whether the word before offset ``k`` is one of ``function_words``, or no letter word stands there."""
    m = _WORD_BEFORE.match(text, 0, k)
    return m is None or m.group(1).replace(ZWNJ, "") in function_words


def _token_after(text: str, pos: int) -> str | None:
    """The token after offset ``pos``. Mostly one space and a word of letters alone come next:
    then it is read without a regex."""
    if text[pos:pos + 1] == " ":
        k = text.find(" ", pos + 1)
        nxt = text[pos + 1:k] if k >= 0 else text[pos + 1:]
        if nxt.isalpha():
            return nxt
    m = _NEXT.match(text, pos)
    return m.group(1) if m else None


def _occurrences(text: str, word: str, start: int):
    """Offsets at or after ``start`` where ``word`` (a letter word) stands as a whole token."""
    n = len(word)
    k = text.find(word, start)
    while k >= 0:  # (a space around the word settles each side without a regex)
        if ((k == 0 or text[k - 1] == " " or not _IN_WORD.match(text, k - 1))
                and (text[k + n:k + n + 1] in ("", " ") or not _WORD_GOES_ON.match(text, k + n))):
            yield k
        k = text.find(word, k + 1)


def _token_before_is(text: str, k: int, word: str) -> bool:
    """Whether the token before the one at offset ``k`` is ``word`` (a letter word)."""
    if text[k - 1:k] == " " and text[k - 2:k - 1].isalpha():  # one space before: no regex
        q = k - 1
    else:
        q = _SEP_BEFORE.match(text, 0, k).start()
    s = q - len(word)
    return (s >= 0 and text.startswith(word, s)
            and (s == 0 or text[s - 1] == " " or not _IN_WORD.match(text, s - 1)))


def _last_token(text: str) -> str:
    """The last token of the text (what ``words[-1]`` reads for a title at the second token)."""
    spans = token_spans(text)
    return text[spans[-1][0]:spans[-1][1]] if spans else ""


def _is_byline(text: str, m: PersonMention) -> bool:
    """«عکس: X», «گروه اقتصادی - X:», or a line that holds nothing but the name."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    if (line_start == 0 or line_end == len(text)) and text[line_start:line_end].strip(" .:،") == text[m.start:m.end]:
        return True
    prefix = text[line_start:m.start].strip()
    return len(prefix) < 40 and prefix.endswith(("عکس:", "عکس :", "عکاس:", "خبرنگار:", "-"))
