"""Word tokens of normalized text as ``(start, end)`` spans.

Persian words keep their ZWNJ («شهرداری‌ها» is one token); digits with their separators
(«2٫5», «1,000», «12/5») are one token; every punctuation mark is its own token.
"""

from __future__ import annotations

import functools
import re

import regex

Span = tuple[int, int]

TOKEN = regex.compile(r"[\p{L}\p{M}\u200c]+(?<!\u200c)|\d+(?:[٫٬.,/]\d+)*|\S")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _bmp_token() -> re.Pattern[str]:
    """:data:`TOKEN` for text without characters beyond the BMP, in `re`, which finds tokens
    half as fast again. Its classes are read off `regex` once, so the two agree on every BMP
    character (`re` alone has older Unicode tables, and a class with astral ranges is slow)."""
    bmp = "".join(map(chr, range(0x10000)))

    def ranges(cls: str) -> str:
        return "".join(f"{re.escape(m[0][0])}-{re.escape(m[0][-1])}" for m in regex.finditer(f"{cls}+", bmp))

    letter, digit, space = ranges(r"[\p{L}\p{M}\u200c]"), ranges(r"\d"), ranges(r"\s")
    return re.compile(rf"[{letter}]+(?<!\u200c)|[{digit}]+(?:[٫٬.,/][{digit}]+)*|[^{space}]")


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Token spans of ``text[start:end]``, in ``text`` coordinates.

    >>> t = "شهرداری‌ها ۲٫۵ میلیون،"
    >>> [t[a:b] for a, b in token_spans(t)]
    ['شهرداری\u200cها', '۲٫۵', 'میلیون', '،']
    """
    end = len(text) if end is None else end
    pattern = TOKEN if _ASTRAL.search(text, start, end) else _bmp_token()
    return [m.span() for m in pattern.finditer(text, start, end)]
