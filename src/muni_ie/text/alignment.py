"""Edit-tracking strings: every normalized character remembers the original range it came from.

Normalization deletes (diacritics), replaces (space → ZWNJ) and inserts (a stripped ZWNJ)
characters. Offsets emitted by muni_ie must point into the text *as given*, so each step is
expressed as a list of edits and the alignment is carried through them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

Edit = tuple[int, int, str]  # (start, end, replacement) over the current text


class AlignedText:
    """A string plus, for each of its characters, the ``[start, end)`` range in the original.

    The alignment is stored sparsely, as segments of :attr:`text`: a *copied* segment maps
    character ``i`` to ``[lo + i - at, lo + i - at + 1)``, a *replaced* one maps every character
    to ``[lo, hi)``. A text has as many segments as edits, not as characters, so applying edits
    and mapping the few emitted spans back cost next to nothing.

    >>> t = AlignedText("شهرداريها").apply([(7, 7, "\u200c")])
    >>> t.text == "شهرداري\u200cها", t.original_span(0, 7), t.original_span(7, 8)
    (True, (0, 7), (7, 7))
    """

    __slots__ = ("_at", "_hi", "_lo", "original", "text")

    def __init__(self, original: str, text: str | None = None) -> None:
        """``text`` (default: ``original``) must have the same length: characters map 1:1."""
        self.original = original
        self.text = original if text is None else text
        # segment k covers text[_at[k]:_at[k + 1]]; _hi[k] is None for a copied segment
        self._at = [0]
        self._lo = [0]
        self._hi: list[int | None] = [None]

    def apply(self, edits: Iterable[Edit]) -> AlignedText:
        """Return a new AlignedText with sorted, non-overlapping ``edits`` applied.

        A one-character replacement (space → ZWNJ, most of the ZWNJ repair) leaves the
        character's original range as it was: it changes the text only, not the segments.
        """
        edits = list(edits)
        if not edits:
            return self
        text, n = self.text, len(self.text)
        old_at, old_lo, old_hi = self._at, self._lo, self._hi
        last = len(old_at) - 1
        out: list[str] = []
        at: list[int] = []
        lo: list[int] = []
        hi: list[int | None] = []
        done = 0  # old text up to here is in `out`
        size = pos = k = 0  # new text length up to old position `pos`; the old segment holding it
        edits.append((n, n, ""))  # copies the tail
        for a, b, rep in edits:
            if a < done or b < a or b > n:
                raise ValueError(f"edit {(a, b)} overlaps or leaves the text")
            out.append(text[done:a])
            out.append(rep)
            done = b
            if b == a + 1 and len(rep) == 1:  # the segments stay as they are
                continue
            if pos < a:  # old text[pos:a] is copied: its segments move to `size`
                while k < last and old_at[k + 1] <= pos:
                    k += 1
                at.append(size)
                lo.append(old_lo[k] + pos - old_at[k] if old_hi[k] is None else old_lo[k])
                hi.append(old_hi[k])
                while k < last and old_at[k + 1] < a:
                    k += 1
                    at.append(old_at[k] + size - pos)
                    lo.append(old_lo[k])
                    hi.append(old_hi[k])
                size += a - pos
            if rep:
                if a < n:
                    while k < last and old_at[k + 1] <= a:
                        k += 1
                    span_lo = old_lo[k] + a - old_at[k] if old_hi[k] is None else old_lo[k]
                    if b > a:
                        while k < last and old_at[k + 1] < b:
                            k += 1
                        span_hi = old_lo[k] + b - old_at[k] if old_hi[k] is None else old_hi[k]
                    else:  # an insertion is anchored, zero-width, before the next original character
                        span_hi = span_lo
                else:
                    span_lo = span_hi = len(self.original)
                at.append(size)
                lo.append(span_lo)
                hi.append(span_hi)
                size += len(rep)
            pos = b
        new = AlignedText(self.original, "".join(out))
        if at:
            new._at, new._lo, new._hi = at, lo, hi
        return new

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`text` to the original text."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise IndexError(f"span {(start, end)} outside normalized text of length {n}")
        # a record maps dozens of spans: the common case (one segment, non-empty) goes first
        at, lo = self._at, self._lo
        k = bisect_right(at, start) - 1
        h = self._hi[k]
        a = lo[k] + start - at[k] if h is None else lo[k]
        if start < end:
            if end > at[-1] or at[k + 1] < end:  # the last character may be in a later segment
                k = bisect_right(at, end - 1, k) - 1
                h = self._hi[k]
            b = lo[k] + end - at[k] if h is None else h
            return (a, b) if b > a else (a, a)
        if start == n:
            return len(self.original), len(self.original)
        return a, a

    def original_text(self, start: int, end: int) -> str:
        lo, hi = self.original_span(start, end)
        return self.original[lo:hi]

    def __repr__(self) -> str:
        return f"AlignedText({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"
