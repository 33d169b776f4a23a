"""muni_ie.text.keys: spelling-insensitive keys and their bigram similarity."""

from __future__ import annotations

from collections import Counter

import pytest

from muni_ie.text.keys import dice, key


def _dice(a: str, b: str) -> float:
    """The Dice coefficient as GUIDELINES.md defines it, with multiset intersection of bigrams."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    ga = Counter(ka[i:i + 2] for i in range(len(ka) - 1)) or Counter([ka])
    gb = Counter(kb[i:i + 2] for i in range(len(kb) - 1)) or Counter([kb])
    return 2 * sum((ga & gb).values()) / (sum(ga.values()) + sum(gb.values()))


_WORDS = ["شهردار تهران", "رئیس شورای اسلامی شهر تهران", "شهردار", "ا", "اا", "ااا", "باب", "بابا", "", None,
          "شهرداری\u200cها", "شهرداريها", "معاون شهردار تهران"]


@pytest.mark.parametrize("a", _WORDS)
def test_dice_counts_shared_bigrams_with_their_multiplicity(a):
    for b in _WORDS:
        assert dice(a, b) == _dice(a, b)
        assert dice(a, b) == dice(a, b)  # the remembered bigrams are not changed by a comparison
