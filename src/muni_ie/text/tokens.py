"""Word tokens of normalized text as ``(start, end)`` spans.

Persian words keep their ZWNJ («شهرداری‌ها» is one token); digits with their separators
(«2٫5», «1,000», «12/5») are one token; every punctuation mark is its own token.
"""

from __future__ import annotations

import regex

Span = tuple[int, int]

TOKEN = regex.compile(r"[\p{L}\p{M}\u200c]+(?<!\u200c)|\d+(?:[٫٬.,/]\d+)*|\S")


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Token spans of ``text[start:end]``, in ``text`` coordinates.

    >>> t = "شهرداری‌ها ۲٫۵ میلیون،"
    >>> [t[a:b] for a, b in token_spans(t)]
    ['شهرداری\u200cها', '۲٫۵', 'میلیون', '،']
    """
    return [m.span() for m in TOKEN.finditer(text, start, len(text) if end is None else end)]
