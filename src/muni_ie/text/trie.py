"""Word lists as trie-shaped regex alternations.

``re`` tries an alternation branch by branch; shaped as a trie, a word start costs a few
character tests instead of one per entry, which is what makes scanning a whole article for
thousands of gazetteer names, title heads or reporting verbs cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

ZWNJ = "\u200c"
#: what a space inside a listed phrase matches: a space, a ZWNJ or nothing («اسلامشهر»)
PHRASE_SEP = f"[ {ZWNJ}]*"


def trie_pattern(sequences: Iterable[Sequence[str]]) -> str:
    """Alternation of sequences of regex units, shaped as a trie, longer continuations first."""
    root: dict = {}
    for seq in sequences:
        node = root
        for u in seq:
            node = node.setdefault(u, {})
        node[""] = {}

    def depth(node: dict) -> int:
        return max((1 + depth(sub) for u, sub in node.items() if u), default=0)

    def emit(node: dict) -> str:
        kids = sorted((u for u in node if u), key=lambda u: -depth(node[u]))
        alts = [u + emit(node[u]) for u in kids]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(root) + ")"


def word_trie(words: Iterable[str]) -> str:
    """``trie_pattern`` of literal words («سی(?:صد|زده)?»): at any point the longer word wins."""
    return trie_pattern([re.escape(ch) for ch in w] for w in words)


def phrase_trie(phrases: Iterable[str], sep: str = PHRASE_SEP) -> str:
    """``trie_pattern`` of literal phrases, a space in them matching ``sep``."""
    return trie_pattern([sep if ch == " " else re.escape(ch) for ch in p] for p in phrases)
