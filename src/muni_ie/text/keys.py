"""Spelling-insensitive comparison keys, as GUIDELINES.md («Keys») defines them.

«شهرداری‌ها», «شهرداريها» and «شهرداری ها» share one key; names also drop leading
honorifics («سید», «دکتر», «حجت‌الاسلام»). Used to merge mentions and by ``muni-ie evaluate``.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter

_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و",
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})
_DROP = re.compile(r"[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\s]+")
# longest first; these are the honorifics the key of a *name* ignores
NAME_HONORIFICS = ("حجت الاسلام والمسلمین", "حجت الاسلام و المسلمین", "حجت الاسلام", "حجتالاسلام",
                   "آیت الله", "آیتالله", "سیده", "سید", "دکتر", "مهندس", "سردار", "سرتیپ", "سرهنگ",
                   "امیر", "استاد", "خانم", "آقای", "حاج")


@functools.lru_cache(maxsize=65536)
def key(s: str | None) -> str:
    """«شهرداری‌ها» → «شهرداریها»: letters unified, ZWNJ, spaces and diacritics dropped."""
    if s is None:
        return ""
    return _DROP.sub("", str(s).translate(_LETTERS))


def name_key(s: str | None) -> str:
    """Key of a person name without leading honorifics: «سید مسعود حسینی» → «مسعودحسینی»."""
    s = re.sub(r"\s+", " ", (s or "").translate(_LETTERS).replace("\u200c", " ")).strip()
    changed = True
    while changed:
        changed = False
        for h in NAME_HONORIFICS:
            if s.startswith(h + " "):
                s, changed = s[len(h) + 1:].strip(), True
    return key(s)


@functools.lru_cache(maxsize=65536)
def _bigrams(k: str) -> Counter:
    """The bigrams of a key (shared, never to be changed: the same titles are compared again and again)."""
    return Counter(map(operator.add, k, k[1:])) or Counter([k])


def dice(a: str | None, b: str | None) -> float:
    """Character-bigram Dice coefficient of two keys (1.0 for equal keys)."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    ga, gb = _bigrams(ka), _bigrams(kb)
    common = sum(min(n, gb[g]) for g, n in ga.items() if g in gb)
    return 2 * common / (sum(ga.values()) + sum(gb.values()))
