"""Person names in Persian news: «سید محمدحسین سیف‌السادات», «دکتر امی», «رضا امینی».

Persian has no capital letters, so a name is recognized from evidence around it: a known first
name followed by a surname-like word, an honorific («دکتر», «مهندس», «سید»), or a title in
apposition («X، شهردار همدان» / «شهردار همدان، X»). Bylines («عکس: X», a name alone on the
first or last line) are not people in the news and are skipped.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..resources import packaged_lines, packaged_rows
from ..text.normalize import ZWNJ, fold
from ..text.tokens import token_spans

Span = tuple[int, int]


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
    common_words: frozenset[str]
    surnames: frozenset[str]
    noun_endings: tuple[str, ...] = ()

    def is_first(self, word: str) -> bool:
        return _plain(word) in self.first_names

    def is_surname_like(self, word: str) -> bool:
        w = _plain(word)
        return (len(w) >= 2 and w not in self.stopwords and w not in self.title_honorifics
                and not (len(w) > 5 and w.endswith(self.noun_endings))
                and w not in self.blockers and all(c.isalpha() or c == ZWNJ for c in word))


def _plain(word: str) -> str:
    return word.replace(ZWNJ, "")


@functools.cache
def default_lexicon() -> NameLexicon:
    firsts, ambiguous = set(), set()
    for row in packaged_rows("first_names.tsv"):
        (ambiguous if len(row) > 1 and row[1] == "ambiguous" else firsts).add(_plain(fold(row[0])))
    honor, lineage = set(), set()
    for row in _honorific_rows():
        word = _plain(fold(row[0])).replace(" ", "")
        (lineage if len(row) > 1 and row[1].strip() == "lineage" else honor).add(word)
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
    common = {_plain(w) for w in packaged_lines("common_words.txt")}
    return NameLexicon(frozenset(firsts), frozenset(ambiguous), frozenset(honor), frozenset(lineage),
                       frozenset(stop), frozenset(context.get("blocker", ())), frozenset(context.get("suffix", ())),
                       frozenset(common), frozenset(_plain(w) for w in packaged_lines("surnames.txt")),
                       tuple(context.get("noun_ending", ())))


def _honorific_rows() -> tuple[tuple[str, ...], ...]:
    try:
        return packaged_rows("honorifics.tsv")
    except FileNotFoundError:  # the lexicon ships with the package; this only guards partial checkouts
        return (("سید", "lineage"), ("سیده", "lineage"), ("دکتر", "title"), ("مهندس", "title"))


class PersonRecognizer:
    """Find person-name mentions; ``titles`` are TITLE spans found earlier (for appositions)."""

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        self.lex = lexicon or default_lexicon()
        lex = self.lex
        # a name can only open on one of these words (or a word before «الله»): checked first
        self._openers = (lex.first_names | lex.ambiguous_first | lex.lineage
                         | {h[:3] for h in lex.title_honorifics} | lex.title_honorifics)

    def _may_open(self, words: list[str], i: int) -> bool:
        w = _plain(words[i])
        return (w in self._openers or w[:3] in self._openers
                or (i + 1 < len(words) and words[i + 1] in ("الله", "اله")))

    def find(self, text: str, titles: list[Span] = ()) -> list[PersonMention]:
        toks = token_spans(text)
        words = [text[a:b] for a, b in toks]
        title_starts = {s for s, _ in titles}
        title_ends = {e for _, e in titles}
        found: list[PersonMention] = []
        i = 0
        while i < len(toks):
            m = self._match(text, toks, words, i, title_starts, title_ends) if self._may_open(words, i) else None
            if m is None:
                i += 1
                continue
            mention, i = m
            found.append(mention)
        found.extend(self._before_titles(toks, words, title_starts, found))
        found.sort(key=lambda m: m.start)
        return [m for m in found if not _is_byline(text, m)]

    def _before_titles(self, toks, words, title_starts, found) -> list[PersonMention]:
        """A bare surname in apposition after a function word and before a title:
        «با حضور نخعی‌نژاد معاون وقت استاندار», «و نمکی وزیر بهداشت»."""
        taken = [(m.start, m.end) for m in found]
        out = []
        for k in range(1, len(toks)):
            if toks[k][0] not in title_starts:
                continue
            last = words[k - 1]
            if not (self._bare_surname_ok(last) and (_surname_shaped(last) or _plain(last) in self.lex.surnames)):
                continue
            start = k - 1
            if _plain(words[start - 1]) not in self.lex.stopwords:
                # «اقبال شاکری عضو سابق شورای شهر»: an unlisted first name opening the sentence
                opener = words[k - 2] if k >= 3 else ""
                named = self.lex.is_surname_like(opener) and not opener.endswith("ای")
                if not (named and not words[k - 3][0].isalpha()):
                    continue
                start = k - 2
            a, b = toks[start][0], toks[k - 1][1]
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(PersonMention(a, b, " ".join(words[start:k]), (), start == k - 2))
        return out

    def _bare_surname_ok(self, word: str) -> bool:
        w = _plain(word)
        return (self.lex.is_surname_like(word) and w not in self.lex.common_words and not w.endswith("ای")
                and w not in self.lex.first_names and w not in self.lex.ambiguous_first)

    # -- matching one candidate starting at token i ---------------------------------------
    def _match(self, text, toks, words, i, title_starts, title_ends):
        lex = self.lex
        if _plain(words[i]) in lex.blockers:  # «امام خمینی», «شهید بهشتی»
            return None
        k = i - 1
        while k >= 0 and _plain(words[k]) in lex.title_honorifics:  # «خیابان دکتر علی شریعتی»
            k -= 1
        if k >= 0 and _plain(words[k]) in lex.blockers:
            return None
        j, honors = i, []
        while j < len(words):
            w = _plain(words[j])
            two = w + (_plain(words[j + 1]) if j + 1 < len(words) else "")
            if w in lex.title_honorifics:
                honors.append(words[j])
                j += 1
            elif honors and w in ("والمسلمین", "و", "المسلمین"):  # «حجت‌الاسلام والمسلمین»
                honors[-1] += " " + words[j]
                j += 1
            elif two in lex.title_honorifics:  # «حجت الاسلام» written with a space
                honors.append(words[j] + " " + words[j + 1])
                j += 2
            else:
                break
        lineage = None
        if j < len(words) and _plain(words[j]) in lex.lineage:
            lineage = words[j]
            j += 1
        surname = None
        first, j2 = self._first_name(words, j)
        if first:
            surname, end = self._surname(words, j2, toks, title_starts)
            if surname is None and (honors or lineage) and " " not in first:
                first, surname, end = None, first, j2  # «دکتر حجت،»: the «first name» is the surname
            elif surname is None:
                return None
        if first:
            known_first = _plain(first.split()[0]) in lex.first_names
            rare_surname = all(_plain(part) not in lex.common_words or _plain(part) in lex.surnames
                               for part in surname.split())
            strong = honors or lineage or (known_first and rare_surname)
            apposed = self._apposed(text, toks, i, end, title_starts, title_ends,
                                    comma=not rare_surname and not known_first)
            weak = not strong and not apposed
            last = surname.split()[-1]
            shaped = " " not in surname and _surname_shaped(surname)
            alone = _recurs(words, last, first, end) if weak else 0
            # a common-word surname («عارف», «نوین») needs a known first name and two later uses
            if weak and not ((rare_surname or shaped) and alone or known_first and " " not in surname and alone >= 2):
                return None  # «پیروز حناچی» only counts if «حناچی» comes back alone later
            name = " ".join(x for x in (lineage, first, surname) if x)
            return PersonMention(toks[i][0], toks[end - 1][1], name, tuple(honors)), end
        if honors or lineage:
            if surname is None:
                surname, end = self._surname(words, j, toks, title_starts)
            if surname is None:
                return None
            name = " ".join(x for x in (lineage, surname) if x)
            return PersonMention(toks[i][0], toks[end - 1][1], name, tuple(honors), False), end
        return None

    def _first_name(self, words, j):
        lex = self.lex
        if j >= len(words):
            return None, j
        w = words[j]
        if j + 1 < len(words) and _plain(words[j + 1]) in ("الله", "اله") and lex.is_surname_like(w):
            return w + ZWNJ + words[j + 1], j + 2  # «فرج الله», «عطاء الله»: a theophoric first name
        if _plain(w) not in lex.first_names and _plain(w) not in lex.ambiguous_first:
            return None, j
        j += 1
        # compound first names written apart: «محمد حسین سیف‌السادات», but «حسن بیادی» stays
        if (j + 1 < len(words) and lex.is_first(words[j]) and lex.is_surname_like(words[j + 1])
                and _plain(w) in _COMPOUND_HEADS):
            return w + " " + words[j], j + 1
        return w, j

    def _surname(self, words, j, toks=(), title_starts=frozenset()):
        lex = self.lex
        if j >= len(words) or not lex.is_surname_like(words[j]) or _plain(words[j]) in lex.title_honorifics:
            return None, j
        surname, j = words[j], j + 1
        if j < len(words) and _plain(words[j]) in lex.suffixes:  # «تقی زاده» → «تقی‌زاده»
            surname, j = surname + ZWNJ + words[j], j + 1
        elif j < len(words) and _plain(surname) in lex.suffixes and lex.is_surname_like(words[j]):
            surname, j = surname + ZWNJ + words[j], j + 1  # «نژاد بهرام» → «نژاد‌بهرام»
        elif j < len(words) and self._second_surname(words[j], words, surname, j,
                                                     j + 1 < len(toks) and toks[j + 1][0] in title_starts):
            surname, j = surname + " " + words[j], j + 1
        return surname, j

    def _second_surname(self, word: str, words: list[str], first_part: str, j: int, titled: bool = False) -> bool:
        """Double-barrelled surnames end in an adjectival «ی», are no common word, and are known
        surnames, come back together later («رحمانی فضلی» … «رحمانی فضلی») or stand before a title
        («ملک مدنی شهردار تهران»)."""
        w = _plain(word)
        if not (w.endswith("ی") and len(w) > 3 and self.lex.is_surname_like(word)
                and (titled or w not in self.lex.common_words) and w not in self.lex.first_names):
            return False
        return titled or w in self.lex.surnames or any(
            words[k] == word and words[k - 1] == first_part for k in range(j + 1, len(words)))

    @staticmethod
    def _apposed(text, toks, i, end, title_starts, title_ends, comma=False):
        """A title right before or after the name, across a comma or (unless ``comma``) a space."""
        left = toks[i][0]
        while left > 0 and text[left - 1] in " ،,":
            left -= 1
        right = toks[end - 1][1]
        while right < len(text) and text[right] in " ،,":
            right += 1
        if comma:
            return (left in title_ends and "،" in text[left:toks[i][0]]) or (
                right in title_starts and "،" in text[toks[end - 1][1]:right])
        return left in title_ends or right in title_starts


#: first names that open a compound first name when followed by another («محمد حسین», «علی اکبر»)
_COMPOUND_HEADS = frozenset({"محمد", "علی", "امیر", "سید", "غلام", "عبد", "میر"})


_SURNAME_ENDINGS = ("ی", "زاده", "پور", "نژاد", "یان", "فر", "نیا", "راد", "لو", "وند")


def _surname_shaped(word: str) -> bool:
    """«حیدری», «شاکری», «تقی‌زاده»: the endings most Iranian surnames carry."""
    return len(word) >= 4 and word.endswith(_SURNAME_ENDINGS)


def _recurs(words: list[str], surname: str, first: str, after: int) -> int:
    """How often the surname stands again later without the first name: how news refers back."""
    return sum(w == surname and words[k - 1] != first.split()[-1] for k, w in enumerate(words[after:], after))


def _is_byline(text: str, m: PersonMention) -> bool:
    """«عکس: X», «گروه اقتصادی - X:», or a line that holds nothing but the name."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip(" .:،")
    if line == text[m.start:m.end] and (line_start == 0 or line_end == len(text)):
        return True
    prefix = text[line_start:m.start].strip()
    return prefix.endswith(("عکس:", "عکس :", "عکاس:", "خبرنگار:", "-")) and len(prefix) < 40
