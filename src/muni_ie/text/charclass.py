"""Regex character classes spelled out from a predicate, for scans that test one class per character."""

from __future__ import annotations

import re
from collections.abc import Callable


def char_class(pred: Callable[[str], bool]) -> str:
    """A regex class of the BMP characters that satisfy ``pred``, and every one beyond the BMP.

    ``re`` tests such a class with a table lookup, several times faster than a category such as
    ``\\W`` or ``\\d``; beyond the BMP it is a superset, for a lookbehind after it to settle.
    """
    ranges, start = [], None
    for c in range(0x10001):
        if c < 0x10000 and pred(chr(c)):
            start = c if start is None else start
        elif start is not None:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(c - 1)) if c - 1 > start else ""))
            start = None
    return "[" + "".join(ranges) + "\U00010000-\U0010ffff]"
