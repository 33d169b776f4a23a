"""Edit-tracking strings: every normalized character remembers the original range it came from.

Normalization deletes (diacritics), replaces (space → ZWNJ) and inserts (a stripped ZWNJ)
characters. Offsets emitted by muni_ie must point into the text *as given*, so each step is
expressed as a list of edits and the alignment is carried through them.
"""

from __future__ import annotations

from collections.abc import Iterable

Edit = tuple[int, int, str]  # (start, end, replacement) over the current text


class AlignedText:
    """A string plus, for each of its characters, the ``[start, end)`` range in the original.

    >>> t = AlignedText("شهرداريها").apply([(6, 6, "\u200c")])
    >>> t.text, t.original_span(0, 7)
    ('شهرداري\u200cها', (0, 6))
    """

    __slots__ = ("_ends", "_starts", "original", "text")

    def __init__(self, original: str, text: str | None = None,
                 starts: list[int] | None = None, ends: list[int] | None = None) -> None:
        self.original = original
        self.text = original if text is None else text
        # None means identity: the common case of an already clean text costs nothing.
        self._starts = starts
        self._ends = ends

    def apply(self, edits: Iterable[Edit]) -> AlignedText:
        """Return a new AlignedText with sorted, non-overlapping ``edits`` applied."""
        edits = list(edits)
        if not edits:
            return self
        text, n = self.text, len(self.text)
        starts = self._starts if self._starts is not None else list(range(n))
        ends = self._ends if self._ends is not None else list(range(1, n + 1))
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        pos = 0
        for a, b, rep in edits:
            if a < pos or b < a or b > n:
                raise ValueError(f"edit {(a, b)} overlaps or leaves the text")
            out.append(text[pos:a])
            new_starts.extend(starts[pos:a])
            new_ends.extend(ends[pos:a])
            if rep:
                if b > a:
                    lo, hi = starts[a], ends[b - 1]
                else:  # an insertion is anchored, zero-width, before the next original character
                    lo = hi = starts[a] if a < n else len(self.original)
                out.append(rep)
                new_starts.extend([lo] * len(rep))
                new_ends.extend([hi] * len(rep))
            pos = b
        out.append(text[pos:])
        new_starts.extend(starts[pos:])
        new_ends.extend(ends[pos:])
        return AlignedText(self.original, "".join(out), new_starts, new_ends)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`text` to the original text."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise IndexError(f"span {(start, end)} outside normalized text of length {n}")
        if self._starts is None:
            return start, end
        if start == end:
            p = self._starts[start] if start < n else len(self.original)
            return p, p
        lo, hi = self._starts[start], self._ends[end - 1]
        return lo, max(lo, hi)

    def original_text(self, start: int, end: int) -> str:
        lo, hi = self.original_span(start, end)
        return self.original[lo:hi]

    def __repr__(self) -> str:
        return f"AlignedText({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"
