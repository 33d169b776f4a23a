"""Word lists of the meeting recognizer: gathering nouns, venue heads, first names, verb forms.

Loaded once per process from ``meeting_nouns.tsv`` and ``venue_heads.tsv`` (and the person
and hazm verb data the recognizer needs to know where a meeting name stops).
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

from ..recognizers.phrase_lexicon import LETTER
from ..resources import data_path, read_rows
from ..text.trie import phrase_trie

ZWNJ = "\u200c"
_L = r"(?<![\p{L}\p{M}\u200c])"  # word edges: ZWNJ is inside a word («نشست‌ها» is one word)
_R = r"(?![\p{L}\p{M}\u200c])"


@functools.lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """Lexicon key: ZWNJ and space dropped, so «هم‌اندیشی» = «هم اندیشی» = «هماندیشی»
    (remembered: the recognizer asks for the same words' keys many times)."""
    return word.replace(ZWNJ, "").replace(" ", "")


def _alternation(words: Iterable[str]) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(ZWNJ, "[\u200c ]?").replace(r"\ ", "[\u200c ]?") for w in forms)


@dataclass(frozen=True)
class _Lexicon:
    nouns: dict[str, tuple[str, frozenset[str]]]  # key → (lemma, flags: named, ceremony)
    words: dict[str, frozenset[str]]  # role → keys
    block_next: dict[str, tuple[str, ...]]  # lemma → next words (a trailing * is a prefix)
    block_prev: frozenset[tuple[str, str]]  # (previous word, lemma or *)
    stop_unless: dict[str, str]  # stop word → prefix of the next word that lifts it
    noun_re: regex.Pattern
    noun_gate: re.Pattern  # the character before a noun (stdlib trie): before every noun_re match but at 0
    venue_re: regex.Pattern
    venue_heads: frozenset[str]

    def role(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())


@functools.cache
def lexicon(path: str | None = None, venue_path: str | None = None) -> _Lexicon:
    """Load ``meeting_nouns.tsv`` and ``venue_heads.tsv`` once."""
    nouns: dict[str, tuple[str, frozenset[str]]] = {}
    words: dict[str, set[str]] = {}
    block_next: dict[str, list[str]] = {}
    block_prev, stop_unless = set(), {}
    for row in read_rows(path or data_path("meeting_nouns.tsv")):
        role, word, scope = row[0], row[1], (row[2] if len(row) > 2 else "")
        if role == "noun":
            nouns[_key(word)] = (scope or word, frozenset(row[3].split(",") if len(row) > 3 else ()))
        elif role == "block_next":
            block_next.setdefault(_key(word), []).append(_key(scope))
        elif role == "block_prev":
            block_prev.add((_key(word), scope if scope == "*" else _key(scope)))
        else:
            words.setdefault(role, set()).add(_key(word))
            if role == "stop" and scope:
                stop_unless[_key(word)] = scope
    surfaces = [r[1] for r in read_rows(path or data_path("meeting_nouns.tsv")) if r[0] == "noun"]
    noun_re = regex.compile(
        _L + rf"(?P<noun>{_alternation(surfaces)})(?:(?P<indef>\u200c?ای|ی)|\u200cی)?" + _R)
    # tried only before a word (``[^LETTER]`` is a charset ``re`` skips to), not at every letter
    # a noun starts with («م», «ن», «ا» are everywhere)
    noun_gate = re.compile(rf"[^{LETTER}](?={phrase_trie(w.replace(ZWNJ, ' ') for w in surfaces)})")
    heads = [r[0] for r in read_rows(venue_path or data_path("venue_heads.tsv"))]
    venue_re = regex.compile(_L + rf"در\s+(?P<mahal>محل\s+)?(?:(?P<head>{_alternation(heads)}){_R})?")
    return _Lexicon(nouns, {k: frozenset(v) for k, v in words.items()},
                    {k: tuple(v) for k, v in block_next.items()}, frozenset(block_prev), stop_unless,
                    noun_re, noun_gate, venue_re, frozenset(_key(h) for h in heads))


@functools.cache
def first_names() -> frozenset[str]:
    """Unambiguous first names (``first_names.tsv``): one starts a person, so it ends a meeting name."""
    try:
        return frozenset(_key(r[0]) for r in read_rows(data_path("first_names.tsv")) if r[1:2] == ("name",))
    except OSError:  # pragma: no cover - shipped by the person recognizer
        return frozenset()


@functools.cache
def verb_forms() -> frozenset[str]:
    """Finite verb forms built from hazm's verb stems (hazm/data/verbs.dat, MIT, a dependency).

    Person endings, negation and «ب»-forms of each stem: «بودیم», «نیامد», «بگیریم». Bare past
    stems are left out («نشست», «برداشت» are nouns too), and so is any form that is a frequent
    word (``common_words.txt``): «ستاد», «مردم», «تولید» look like verbs but are not here.
    """
    spec = importlib.util.find_spec("hazm")  # locate the data without importing hazm (slow)
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "verbs.dat"
    if not path.exists():
        return frozenset()
    forms: set[str] = set()

    def neg(stem: str, prefix: str) -> str:  # «آمد» → «نیامد», «آید» → «بیاید»
        return prefix + "یا" + stem[1:] if stem.startswith("آ") else prefix + stem

    for line in path.read_text(encoding="utf-8").split():
        past, _, present = line.partition("#")
        if past:
            # no bare «-ی» (2nd person) on a positive past stem: «زیستی» is an adjective
            forms.update(past + e for e in ("م", "یم", "ید", "ند"))
            forms.update(neg(past, "ن") + e for e in ("", "م", "ی", "یم", "ید", "ند", "ه"))
        if present:
            for e in ("د", "ند", "م", "یم", "ید"):
                forms.update((present + e, neg(present, "ن") + e, neg(present, "ب") + e))
    try:
        common = {_key(w) for w in (r[0] for r in read_rows(data_path("common_words.txt")))}
    except OSError:  # pragma: no cover
        common = set()
    # «هشتم» is «eighth» before it is «I let»
    return frozenset(f for f in forms if f not in common and not (f.endswith("م") and _ordinal(f)))


def _ordinal(s: str) -> int | None:
    from ..numbers.words import parse_ordinal

    return parse_ordinal(s)
