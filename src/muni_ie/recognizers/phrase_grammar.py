"""The complement chain shared by titles and organization names.

A Persian title or body name is a head plus an ezafe chain of nouns and adjectives with no
written marker between them («معاون حمل و نقل و ترافیک شهرداری تهران»), so its end is found
by what can *not* belong to it: punctuation, a preposition or adverb, a verb (or the noun
before a light verb, «اعلام کرد»), a person's first name or honorific, or any word after a
closing place («شهرداری تهران | حسینی گفت»). The closed-class words live in title_words.tsv.

The grammar reads a :class:`Clause` (parallel token lists) by index; every word class is a
set built once, so a token costs a few set lookups.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import regex

from .phrase_lexicon import (
    NUMBER_WORDS,
    PLURALISH,
    Clause,
    Words,
    common_words,
    key,
    load_words,
    packaged_places,
)

__all__ = ["ChainEnd", "PhraseGrammar"]


class ChainEnd(NamedTuple):
    """Where a complement chain stops: ``end`` is the index after its last token."""

    end: int
    words: int  # tokens consumed that are not modifiers
    placed: bool  # it reached a place, a district number or a closed name
    first: str | None  # key of the first consumed word


# light-verb forms on keys (no ZWNJ): prefix + stem + person/participle ending («نمی|کن|ند»)
# (no 2nd-person «ید», «ی»: «شدید» 'severe' and «گیری» are nouns far more often)
_LIGHT_PREFIXES = ("نمی", "می", "ب", "ن", "")
_LIGHT_ENDINGS = ("هاند", "هاست", "هایم", "ند", "یم", "ست", "ن", "ه", "م", "د", "")
# a full verb from the verb list with a negative/subjunctive/continuous prefix: «نبودم», «نرفت»
_VERB_PREFIXES = ("نمی", "می", "ب", "ن")
_VERB_ENDINGS = ("ند", "یم", "م", "ه", "")
_VERB_SHAPE = regex.compile(r"^[بن][\w\u200c]{2,}(?:د|ند|یم|ید)$")
# a verb or indefinite plural by its written shape: «می‌کند», «گذاشته‌ایم», «وام‌هایی»
_VERB_START = ("می\u200c", "نمی\u200c")
_VERB_END = ("\u200cایم", "\u200cاند", "\u200cام", "\u200cاید", "هایی")


def _affixed(stems: Iterable[str], prefixes: tuple[str, ...], endings: tuple[str, ...], bare: bool = True) -> set[str]:
    """Every prefix + stem + ending; ``bare=False`` leaves out the stem alone («زن» is 'woman')."""
    return {p + s + e for s in stems for p in prefixes for e in endings if bare or p or e}


class PhraseGrammar:
    """Finds where the chain after a head ends («شهردار | همدان» → one place, then stop).

    ``places``: place names (any spelling); by default the packaged gazetteer. With them, a word
    after «شهرداری» or «شهر» is a place when the gazetteer has it, or when it is no frequent Persian
    word and has no verb shape («شهرداری قاینات» yes, «شهرداری بتواند» no). ``places=()`` turns the
    gazetteer off: then any plausible word after a place head is taken for a place.
    """

    def __init__(self, words: Words | None = None, max_words: int = 14,
                 places: Iterable[str] | None = None) -> None:
        self.w = w = words or load_words()
        self.max_words = max_words
        iranian = packaged_places() if places is None else frozenset(places)
        names = iranian | packaged_places("countries.tsv") if places is None else iranian
        self.places = frozenset(key(p).replace(" ", "") for p in names) if names else None
        # an Iranian place closes a chain («دادستان کرمانشاه | فعالیت ...»); a country need not
        # («شرکت ایران خودرو»)
        self.closing = frozenset(key(p).replace(" ", "") for p in iranian)
        self.common = common_words() if self.places is not None else frozenset()
        cat = w.cats.get
        empty: frozenset[str] = frozenset()
        self._stop = cat("stop", empty)
        self._modifier = cat("modifier", empty)
        self._terminal = cat("terminal", empty)
        self._placetaker = cat("placetaker", empty)
        self._placelist = cat("placelist", empty)
        self._placesuffix = cat("placesuffix", empty)
        self._nonplace = cat("nonplace", empty)
        self._andstop = cat("andstop", empty)
        self._first_names = w.first_names
        # a form of a light verb («کرد», «می‌شود», «نمی‌کنند», «گردید»), not a full verb («رسیده»)
        self._light = frozenset(_affixed(cat("lightverb", empty), _LIGHT_PREFIXES, _LIGHT_ENDINGS)
                                | _affixed(cat("lightpresent", empty), _LIGHT_PREFIXES, _LIGHT_ENDINGS, bare=False))
        self._light_or_mi = self._light | {"می", "نمی"}  # where ``_light_verb_at`` may hold
        # a verb: listed, a light verb, or a listed verb with a prefix («نبودم», «نرفتند», «میماند»)
        verbs = cat("verb", empty)
        self._verbs = frozenset(verbs | self._light
                                | _affixed((v for v in verbs if len(v) >= 3), _VERB_PREFIXES, _VERB_ENDINGS))
        self._stop_or_verb = self._stop | self._verbs
        self._heads = frozenset(w.head_frames)
        self._title_heads = frozenset(h for h, fs in w.head_frames.items() if any(not f.startswith("body:") for f in fs))
        # every beginning of a closed name or place: ``_closed_end`` stops as soon as none fits
        self._closed_prefixes = frozenset(n[:i] for n in w.closed | (self.places or frozenset())
                                          for i in range(1, len(n) + 1))
        self._anchors = self._heads | self._placetaker | self._terminal | w.closed | (self.places or frozenset())
        numtaker = cat("numtaker", empty)
        self._expect: dict[str, str] = {}
        for k in numtaker | self._placetaker | self._heads:
            num = k in numtaker
            place = k in self._placetaker or bool(w.head_frames.get(k, empty) & {"place", "body:place"})
            if num or place:
                self._expect[k] = "numplace" if num and place else "num" if num else "place"

    # --- word classes -------------------------------------------------------------------
    def is_verbish(self, c: Clause, k: int) -> bool:
        """A verb or auxiliary («شد», «می‌کند», «گذاشته‌ایم», «نبودم», bare «می» where ZWNJ was lost);
        also an indefinite plural («وام‌هایی»), which never ends a name."""
        if not c.word[k]:
            return False
        raw = c.raw[k]
        return c.key[k] in self._verbs or raw.startswith(_VERB_START) or raw.endswith(_VERB_END)

    def _light_verb_at(self, c: Clause, k: int) -> bool:
        """A form of a light verb («کرد», «می‌شود», «نمی‌کنند», «گردید»; not a full verb, «رسیده»)
        starts at token k, also with «می» written apart («می کنند»)."""
        if k >= len(c.key) or c.nl[k]:
            return False
        if c.key[k] in ("می", "نمی") and k + 1 < len(c.key):
            k += 1
        return c.word[k] and c.key[k] in self._light

    def stops(self, c: Clause, k: int, preverb: bool = True) -> bool:
        """True if token k cannot continue a title/name: stop word, verb, name, or a verb's noun."""
        if not c.word[k] or c.nl[k]:
            return True
        w, raw = c.key[k], c.raw[k]
        if w in self._stop_or_verb or w.isdigit() or raw.startswith(_VERB_START) or raw.endswith(_VERB_END):
            return True  # a stop word or ``is_verbish``
        if preverb and k + 1 < len(c.key) and c.key[k + 1] in self._light_or_mi and self._light_verb_at(c, k + 1):
            return True  # «... اعلام | کرد»: a light verb's noun
        return w in self._first_names and self.is_name_start(c, k)

    def is_name_start(self, c: Clause, k: int) -> bool:
        """A first name followed by another word («... تهران | مهرداد تقی‌زاده گفت»)."""
        if c.key[k] not in self._first_names or k + 1 >= len(c.key):
            return False
        n = k + 1
        return c.word[n] and not c.nl[n] and not (
            c.key[n] in self._stop or c.key[n] in self._placesuffix or self.is_verbish(c, n)
        )

    def dar_words(self, rep: bool) -> frozenset[str]:
        """What «در» may introduce inside a title (title_words.tsv darnext, and darrep for MPs)."""
        base = self.w.cats.get("darnext", frozenset())
        return base | self.w.cats.get("darrep", frozenset()) if rep else base

    def is_head(self, w: str) -> bool:
        """A title head or an organization head («معاون», «شهرداری»)."""
        return w in self._heads

    # --- multi-word names -----------------------------------------------------------------
    def _closed_end(self, c: Clause, k: int, places: bool = True) -> int:
        """Index after a closed name at k («سیستان و بلوچستان», «مجلس شورای اسلامی»), or k;
        with ``places`` any gazetteer name counts too, else only an Iranian place.
        The longest name of up to five tokens wins (a place, up to three)."""
        names = self.places if places else self.closing
        prefixes, closed = self._closed_prefixes, self.w.closed
        keys, n = c.key, len(c.key)
        joined, best = "", k
        for j in range(k, min(k + 5, n)):
            if j > k and (not c.word[j] or c.nl[j]):
                break
            joined += keys[j]
            if joined not in prefixes:
                break
            if joined in closed or (names and j - k < 3 and joined in names):
                best = j + 1
        return best

    def place_end(self, c: Clause, k: int) -> int:
        """Index after the place at k with its suffix words («فرون آباد», «خراسان جنوبی»), or k."""
        w = c.key[k]
        if w in self._nonplace or PLURALISH.search(c.raw[k]) or w in self._heads:
            return k
        if k + 1 < len(c.key) and c.key[k + 1] in ("تر", "ترین"):
            return k  # «شهردار ویران ترین شهر»: an adjective
        end = self._closed_end(c, k)
        if end == k:  # not in any list: a plausible unknown name
            if self.stops(c, k, preverb=self.places is None) or (self.places is not None and (
                    w in self.common or _VERB_SHAPE.match(w))):
                return k
            end = k + 1
        while end < len(c.key) and c.word[end] and not c.nl[end] and c.key[end] in self._placesuffix:
            end += 1
        return end

    def _place_list(self, c: Clause, k: int) -> int:
        """After «مردم X»: more places, «، Y و Z» or side by side («نماینده مردم اراک کمیجان و خنداب»)."""
        end = j = k
        while j < len(c.key):
            sep = c.raw[j] in ("،", "و")
            at = j + 1 if sep else j
            if at >= len(c.key) or c.nl[at] or not c.word[at]:
                break
            nxt = self.place_end(c, at) if sep else self._closed_end(c, at)
            if nxt == at:
                break
            end = j = nxt
            if c.raw[at - 1] == "و":
                break
        return end

    def _comma_list(self, c: Clause, k: int) -> bool:
        """After «،» at k: one or two words, then «و» or a head («معاون سیاسی، اجتماعی فرماندار»)."""
        if k and self.places is not None and c.key[k - 1] in self.places:
            return False  # «دانشگاه علوم پزشکی تهران، | دانشکده ...»: a list of names
        n = len(c.key)
        if k + 1 < n and c.key[k + 1] in self._andstop:
            return False
        j = k + 1
        for _ in range(2):  # one or two list words
            if j >= n or c.nl[j] or self.stops(c, j) or c.key[j] in self._heads:
                return False
            j += 1
            if j >= n or not c.word[j] or c.nl[j]:
                return False
            if c.key[j] in self._heads:
                return True  # «سیاسی، اجتماعی | فرماندار»
            if c.key[j] == "و":  # «فرهنگی، اجتماعی و | زیست شهری»: the list goes on after «و»
                return j + 1 < n and c.word[j + 1] and not self.stops(c, j + 1)
        return False

    # --- the chain ------------------------------------------------------------------------
    def extend(self, c: Clause, k: int, expect: str | None = None,
               dar: frozenset[str] = frozenset(), titles: bool = False) -> ChainEnd:
        """Consume the complement chain from token k.

        ``expect="place"`` after a place head: the first word must be a place («شهردار همدان»).
        ``dar``: the words that may follow «در» inside the chain («مشاور ... در امور محیط زیست»).
        ``titles``: a title's chain may hold another role («مشاور شهردار تهران»); a name's may not.
        """
        keys, raws, word, nl, n = c.key, c.raw, c.word, c.nl, len(c.key)
        prep = self.w.prep
        end, words, placed, terminal, first, listing = k, 0, False, False, None, False
        while k < n and words < self.max_words:
            if listing and terminal:
                listing = False
                k2 = self._place_list(c, k)
                if k2 > k:
                    k = end = k2
                    continue
            t = keys[k]
            if raws[k] == "،" and not terminal and words and not nl[k] and self._comma_list(c, k):
                k += 1  # «کمیسیون فرهنگی، اجتماعی و زیست شهری ...»: a list inside the name
                continue
            if nl[k] or not word[k]:
                break
            if expect in ("num", "numplace"):
                if t.isdigit() or t in NUMBER_WORDS:
                    k = end = k + 1
                    words, placed = words + 1, True
                    expect = "afternum" if expect == "numplace" else None
                    continue
                expect = "place" if expect == "numplace" else None
            if t == "در":
                if words and k + 1 < n and word[k + 1] and keys[k + 1] in dar:
                    k, terminal, expect = k + 1, False, None
                    continue
                break
            if t == "و":
                if terminal or words == 0 or k + 1 >= n or not word[k + 1] or keys[k + 1] == "و" or (
                        self.places is not None and keys[k - 1] in self.places):
                    break  # after a place or country «و» joins two phrases: «... ایران | و ...»
                if self.stops(c, k + 1) or keys[k + 1] in self._heads or keys[k + 1] in self._andstop:
                    break  # «وزیر کشور و | رئیس سازمان ...»: a second phrase
                k += 1
                continue
            if terminal:
                break
            if expect in ("place", "afternum"):
                if t in self._modifier:
                    k = end = k + 1
                    continue
                if expect == "place" and t in self._placetaker:  # «استاندار استان مازندران»
                    k = end = k + 1
                    expect = self._expect.get(t)
                    listing = listing or t in self._placelist
                    continue
                pe = self.place_end(c, k)
                if pe > k:
                    first = first or t
                    k = end = pe
                    words, placed, terminal = words + 1, True, True
                    continue
                if expect == "place" or t not in self._heads:
                    break  # «شهرداری | هوشمند»: no place where one must stand
                expect = None  # «منطقه 22 | شهرداری تهران»
            if self.stops(c, k) or (not titles and t in self._title_heads):
                break  # an organization name ends before a role: «شرکت X | مدیرعامل ...»
            ce = self._closed_end(c, k, places=False) if t in self._closed_prefixes else k
            if ce > k:  # a closed name ends the chain: «رئیس قوه قضائیه | پرونده ...»
                first = first or t
                k = end = ce
                words, placed, terminal = words + 1, True, True
                continue
            first = first or t
            k = end = k + 1
            words += 0 if t in self._modifier else 1
            if t in self._terminal:
                terminal = placed = True
            expect = self._expect.get(t)
            listing = t in self._placelist
            p = prep.get(t)
            if p and k + 1 < n and keys[k] == p and not self.stops(c, k + 1, preverb=False):
                k += 1  # «ستاد مبارزه با کرونا»: the preposition belongs to the name
        return ChainEnd(end, words, placed, first)

    def is_anchor(self, c: Clause, k: int) -> bool:
        """A word that makes a chain's tail meaningful: a head, a place word, a closed name."""
        return c.word[k] and c.key[k] in self._anchors

    def trim_to_known(self, spans: list[tuple[Clause, int, int]]) -> list[int]:
        """Cut a chain back to a shorter form of it that the text uses alone, when the rest of it
        holds no head or place: «مجمع امید خدمت رسانی مطلوب تر» → «مجمع امید» (seen alone),
        but «سازمان فرهنگی هنری شهرداری تهران» stays. Spans are token ranges of their clauses;
        returns each span's new end."""
        seen = {tuple(c.key[a:b]) for c, a, b in spans}
        out = []
        for c, a, b in spans:
            keys = c.key[a:b]
            for cut in range(b - 2, a + 1, -1):  # a tail of two words or more
                if tuple(keys[: cut - a]) in seen:
                    if not any(self.is_anchor(c, j) for j in range(cut, b)):
                        b = cut
                    break
            out.append(b)
        return out
