"""The complement chain shared by titles and organization names.

A Persian title or body name is a head plus an ezafe chain of nouns and adjectives with no
written marker between them («معاون حمل و نقل و ترافیک شهرداری تهران»), so its end is found
by what can *not* belong to it: punctuation, a preposition or adverb, a verb (or the noun
before a light verb, «اعلام کرد»), a person's first name or honorific, or any word after a
closing place («شهرداری تهران | حسینی گفت»). The closed-class words live in title_words.tsv.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import regex

from .phrase_lexicon import (
    NUMBER_WORDS,
    PLURALISH,
    Token,
    Words,
    alternation,
    common_words,
    key,
    load_words,
    packaged_places,
    surface_pattern,
    token_starts,
    tokenize,
)

__all__ = ["ChainEnd", "PhraseGrammar", "Token", "alternation", "key", "surface_pattern", "token_starts",
           "tokenize"]


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


class PhraseGrammar:
    """Finds where the chain after a head ends («شهردار | همدان» → one place, then stop).

    ``places``: place names (any spelling); by default the packaged gazetteer. With them, a word
    after «شهرداری» or «شهر» is a place when the gazetteer has it, or when it is no frequent Persian
    word and has no verb shape («شهرداری قاینات» yes, «شهرداری بتواند» no). ``places=()`` turns the
    gazetteer off: then any plausible word after a place head is taken for a place.
    """

    def __init__(self, words: Words | None = None, max_words: int = 14,
                 places: Iterable[str] | None = None) -> None:
        self.w = words or load_words()
        self.max_words = max_words
        iranian = packaged_places() if places is None else frozenset(places)
        names = iranian | packaged_places("countries.tsv") if places is None else iranian
        self.places = frozenset(key(p).replace(" ", "") for p in names) if names else None
        # an Iranian place closes a chain («دادستان کرمانشاه | فعالیت ...»); a country need not
        # («شرکت ایران خودرو»)
        self.closing = frozenset(key(p).replace(" ", "") for p in iranian)
        self.common = common_words() if self.places is not None else frozenset()

    # --- word classes -------------------------------------------------------------------
    def is_verbish(self, t: Token) -> bool:
        """A verb or auxiliary («شد», «می‌کند», «گذاشته‌ایم», «نبودم», bare «می» where ZWNJ was lost);
        also an indefinite plural («وام‌هایی»), which never ends a name."""
        return t.word and (self.w.has("verb", t.key) or t.raw.startswith(("می\u200c", "نمی\u200c"))
                           or t.raw.endswith(("\u200cایم", "\u200cاند", "\u200cام", "\u200cاید", "هایی"))
                           or self.is_light_verb(t) or self._negated_verb(t.key))

    def is_light_verb(self, t: Token) -> bool:
        """A form of a light verb («کرد», «می‌شود», «نمی‌کنند», «گردید»), not a full verb («رسیده»)."""
        return t.word and (self._verb_form(t.key, "lightverb") or self._verb_form(t.key, "lightpresent", True))

    def _negated_verb(self, w: str) -> bool:
        """«نبودم», «نرفتند», «می‌ماند» without ZWNJ: a prefixed form of a listed full verb."""
        for pre in _VERB_PREFIXES:
            if w.startswith(pre):
                rest = w[len(pre):]
                for suf in _VERB_ENDINGS:
                    stem = rest[: len(rest) - len(suf)] if suf else rest
                    if rest.endswith(suf) and len(stem) >= 3 and self.w.has("verb", stem):
                        return True
        return False

    def _verb_form(self, w: str, cat: str, affixed: bool = False) -> bool:
        """``w`` is a stem of ``cat`` with verb prefixes/endings («نمی|کن|ند», «ن|بود|م»);
        ``affixed``: the bare stem does not count («زن» is 'woman')."""
        for pre in _LIGHT_PREFIXES:
            if not w.startswith(pre):
                continue
            rest = w[len(pre):]
            for suf in _LIGHT_ENDINGS:
                if (pre or suf or not affixed) and rest.endswith(suf) and self.w.has(
                        cat, rest[: len(rest) - len(suf)] if suf else rest):
                    return True
        return False

    def _light_verb_at(self, toks: Sequence[Token], k: int) -> bool:
        """A light verb starts at toks[k], also with «می» written apart («می کنند»)."""
        if k >= len(toks) or toks[k].nl_before:
            return False
        if toks[k].key in ("می", "نمی") and k + 1 < len(toks):
            k += 1
        return self.is_light_verb(toks[k])

    def stops(self, toks: Sequence[Token], k: int, preverb: bool = True) -> bool:
        """True if toks[k] cannot continue a title/name: stop word, verb, name, or a verb's noun."""
        t = toks[k]
        if not t.word or t.nl_before or self.w.has("stop", t.key) or self.is_verbish(t) or t.key.isdigit():
            return True
        if preverb and self._light_verb_at(toks, k + 1):
            return True  # «... اعلام | کرد»: a light verb's noun
        return self.is_name_start(toks, k)

    def is_name_start(self, toks: Sequence[Token], k: int) -> bool:
        """A first name followed by another word («... تهران | مهرداد تقی‌زاده گفت»)."""
        if toks[k].key not in self.w.first_names or k + 1 >= len(toks):
            return False
        nxt = toks[k + 1]
        return nxt.word and not nxt.nl_before and not (
            self.w.has("stop", nxt.key) or self.w.has("placesuffix", nxt.key) or self.is_verbish(nxt)
        )

    def is_title_head(self, w: str) -> bool:
        """A one-word role head («معاون», «شهردار»), not an organization head."""
        return any(not f.startswith("body:") for f in self.w.head_frames.get(w, ()))

    def dar_words(self, rep: bool) -> frozenset[str]:
        """What «در» may introduce inside a title (title_words.tsv darnext, and darrep for MPs)."""
        base = self.w.cats.get("darnext", frozenset())
        return base | self.w.cats.get("darrep", frozenset()) if rep else base

    def is_head(self, w: str) -> bool:
        """A title head or an organization head («معاون», «شهرداری»)."""
        return w in self.w.head_frames

    def _expect_after(self, w: str) -> str | None:
        frames = self.w.head_frames.get(w, frozenset())
        num, place = self.w.has("numtaker", w), self.w.has("placetaker", w) or bool(
            frames & {"place", "body:place"})
        return "numplace" if num and place else "num" if num else "place" if place else None

    # --- multi-word names -----------------------------------------------------------------
    def _closed_end(self, toks: Sequence[Token], k: int, places: bool = True) -> int:
        """Index after a closed name at k («سیستان و بلوچستان», «مجلس شورای اسلامی»), or k;
        with ``places`` any gazetteer name counts too, else only an Iranian place."""
        names = self.places if places else self.closing
        for n in (5, 4, 3, 2, 1):
            part = toks[k : k + n]
            if len(part) == n and all(t.word and not t.nl_before for t in part[1:]):
                joined = "".join(t.key for t in part).replace(" ", "")
                if joined in self.w.closed or (names and n <= 3 and joined in names):
                    return k + n
        return k

    def place_end(self, toks: Sequence[Token], k: int) -> int:
        """Index after the place at k with its suffix words («فرون آباد», «خراسان جنوبی»), or k."""
        t = toks[k]
        if self.w.has("nonplace", t.key) or PLURALISH.search(t.raw) or self.is_head(t.key):
            return k
        if k + 1 < len(toks) and toks[k + 1].key in ("تر", "ترین"):
            return k  # «شهردار ویران ترین شهر»: an adjective
        end = self._closed_end(toks, k)
        if end == k:  # not in any list: a plausible unknown name
            if self.stops(toks, k, preverb=self.places is None) or (self.places is not None and (
                    t.key in self.common or _VERB_SHAPE.match(t.key))):
                return k
            end = k + 1
        while end < len(toks) and toks[end].word and not toks[end].nl_before and (
                self.w.has("placesuffix", toks[end].key)):
            end += 1
        return end

    def _place_list(self, toks: Sequence[Token], k: int) -> int:
        """After «مردم X»: more places, «، Y و Z» or side by side («نماینده مردم اراک کمیجان و خنداب»)."""
        end = j = k
        while j < len(toks):
            sep = toks[j].raw in ("،", "و")
            at = j + 1 if sep else j
            if at >= len(toks) or toks[at].nl_before or not toks[at].word:
                break
            nxt = self.place_end(toks, at) if sep else self._closed_end(toks, at)
            if nxt == at:
                break
            end = j = nxt
            if toks[at - 1].raw == "و":
                break
        return end

    def _comma_list(self, toks: Sequence[Token], k: int) -> bool:
        """After «،» at k: one or two words, then «و» or a head («معاون سیاسی، اجتماعی فرماندار»)."""
        if k and self.places is not None and toks[k - 1].key in self.places:
            return False  # «دانشگاه علوم پزشکی تهران، | دانشکده ...»: a list of names
        if k + 1 < len(toks) and self.w.has("andstop", toks[k + 1].key):
            return False
        j = k + 1
        for _ in range(2):  # one or two list words
            if j >= len(toks) or toks[j].nl_before or self.stops(toks, j) or self.is_head(toks[j].key):
                return False
            j += 1
            if j >= len(toks) or not toks[j].word or toks[j].nl_before:
                return False
            if self.is_head(toks[j].key):
                return True  # «سیاسی، اجتماعی | فرماندار»
            if toks[j].key == "و":  # «فرهنگی، اجتماعی و | زیست شهری»: the list goes on after «و»
                return j + 1 < len(toks) and toks[j + 1].word and not self.stops(toks, j + 1)
        return False

    # --- the chain ------------------------------------------------------------------------
    def extend(self, toks: Sequence[Token], k: int, expect: str | None = None,
               dar: frozenset[str] = frozenset(), titles: bool = False) -> ChainEnd:
        """Consume the complement chain from toks[k].

        ``expect="place"`` after a place head: the first word must be a place («شهردار همدان»).
        ``dar``: the words that may follow «در» inside the chain («مشاور ... در امور محیط زیست»).
        ``titles``: a title's chain may hold another role («مشاور شهردار تهران»); a name's may not.
        """
        w = self.w
        end, words, placed, terminal, first, listing = k, 0, False, False, None, False
        while k < len(toks) and words < self.max_words:
            t = toks[k]
            if listing and terminal:
                listing = False
                k2 = self._place_list(toks, k)
                if k2 > k:
                    k = end = k2
                    continue
            if t.raw == "،" and not terminal and words and not t.nl_before and self._comma_list(toks, k):
                k += 1  # «کمیسیون فرهنگی، اجتماعی و زیست شهری ...»: a list inside the name
                continue
            if t.nl_before or not t.word:
                break
            if expect in ("num", "numplace"):
                if t.key.isdigit() or t.key in NUMBER_WORDS:
                    k = end = k + 1
                    words, placed = words + 1, True
                    expect = "afternum" if expect == "numplace" else None
                    continue
                expect = "place" if expect == "numplace" else None
            if t.key == "در":
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                if words and nxt is not None and nxt.word and nxt.key in dar:
                    k, terminal, expect = k + 1, False, None
                    continue
                break
            if t.key == "و":
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                if terminal or words == 0 or nxt is None or not nxt.word or nxt.key == "و" or (
                        self.places is not None and toks[k - 1].key in self.places):
                    break  # after a place or country «و» joins two phrases: «... ایران | و ...»
                if self.stops(toks, k + 1) or self.is_head(nxt.key) or w.has("andstop", nxt.key):
                    break  # «وزیر کشور و | رئیس سازمان ...»: a second phrase
                k += 1
                continue
            if terminal:
                break
            if expect in ("place", "afternum"):
                if w.has("modifier", t.key):
                    k = end = k + 1
                    continue
                if expect == "place" and w.has("placetaker", t.key):  # «استاندار استان مازندران»
                    k = end = k + 1
                    expect = self._expect_after(t.key)
                    listing = listing or w.has("placelist", t.key)
                    continue
                pe = self.place_end(toks, k)
                if pe > k:
                    first = first or t.key
                    k = end = pe
                    words, placed, terminal = words + 1, True, True
                    continue
                if expect == "place" or not self.is_head(t.key):
                    break  # «شهرداری | هوشمند»: no place where one must stand
                expect = None  # «منطقه 22 | شهرداری تهران»
            if self.stops(toks, k) or (not titles and self.is_title_head(t.key)):
                break  # an organization name ends before a role: «شرکت X | مدیرعامل ...»
            ce = self._closed_end(toks, k, places=False)
            if ce > k:  # a closed name ends the chain: «رئیس قوه قضائیه | پرونده ...»
                first = first or t.key
                k = end = ce
                words, placed, terminal = words + 1, True, True
                continue
            first = first or t.key
            k = end = k + 1
            words += 0 if w.has("modifier", t.key) else 1
            if w.has("terminal", t.key):
                terminal = placed = True
            expect = self._expect_after(t.key)
            listing = w.has("placelist", t.key)
            p = w.prep.get(t.key)
            if p and k + 1 < len(toks) and toks[k].key == p and not self.stops(toks, k + 1, preverb=False):
                k += 1  # «ستاد مبارزه با کرونا»: the preposition belongs to the name
        return ChainEnd(end, words, placed, first)

    def is_anchor(self, t: Token) -> bool:
        """A word that makes a chain's tail meaningful: a head, a place word, a closed name."""
        return t.word and (self.is_head(t.key) or self.w.has("placetaker", t.key) or self.w.has("terminal", t.key)
                           or t.key in self.w.closed or (self.places is not None and t.key in self.places))

    def trim_to_known(self, toks: Sequence[Token], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Cut a chain back to a shorter form of it that the text uses alone, when the rest of it
        holds no head or place: «مجمع امید خدمت رسانی مطلوب تر» → «مجمع امید» (seen alone),
        but «سازمان فرهنگی هنری شهرداری تهران» stays. Spans are token index ranges."""
        seen = {tuple(t.key for t in toks[a:b]) for a, b in spans}
        out = []
        for a, b in spans:
            keys = tuple(t.key for t in toks[a:b])
            for cut in range(b - 2, a + 1, -1):  # a tail of two words or more
                if keys[: cut - a] in seen:
                    if not any(self.is_anchor(t) for t in toks[cut:b]):
                        b = cut
                    break
            out.append((a, b))
        return out
