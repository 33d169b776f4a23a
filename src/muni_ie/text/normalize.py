"""Persian normalization that never loses the way back to the original text.

``normalize(text)`` unifies letters (ي→ی, ك→ک, ة→ه …) and digits (۱۲ / ١٢ → 12), deletes
diacritics, kashida and bidi/zero-width junk, tidies spaces around punctuation and repairs
stripped ZWNJ («شهرداریها» → «شهرداری‌ها»), returning an :class:`AlignedText` whose
``original_span`` maps any normalized span back to the input as given.
"""

from __future__ import annotations

import functools

import regex

from ..resources import data_path, read_rows
from .alignment import AlignedText, Edit

ZWNJ = "\u200c"


@functools.cache
def char_table(path: str | None = None) -> dict[int, str]:
    """The 1:1 letter/digit/space unification table from ``char_map.tsv``."""
    table: dict[int, str] = {}
    for row in read_rows(path or data_path("char_map.tsv")):
        src = chr(int(row[0][2:], 16))  # noqa: FURB166
        table[ord(src)] = "".join(chr(int(c[2:], 16)) for c in row[1].split())  # noqa: FURB166
    return table


def fold(s: str) -> str:
    """Letter/digit unification only (no deletions, no ZWNJ repair): for lexicon keys."""
    return s.translate(char_table())


# Deleted outright: Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef),
# kashida, bidi controls, zero-width space/joiner, BOM and carriage returns (a soft hyphen,
# used by some sites instead of ZWNJ, becomes ZWNJ in char_map.tsv).
_JUNK = r"[\u064B-\u065F\u0670\u0640\u200B\u200D-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\r]+"
# Punctuation that takes no space before it in Persian typography.
_CLOSE = r"[،؛:!؟?.)\]»]"
_CLEAN = regex.compile(
    rf"(?P<junk>{_JUNK})"
    r"|(?P<zwnjspace>[ \u200c]*\u200c[\u200c ]*)"  # ZWNJ runs, or ZWNJ touching a space, → one ZWNJ or space
    rf"|(?P<prepunct> +(?={_CLOSE}))"  # «گفت :» → «گفت:»
    r"|(?P<spaces>  +| +(?=\n)|(?<=\n) +)"  # space runs; spaces at line ends/starts
    r"|(?P<nospace>(?<=\p{Arabic}[.،؛:!؟])(?=\p{Arabic}))",  # «است.شهرداری» → «است. شهرداری»
)


def _cleanup_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _CLEAN.finditer(text):
        kind, a, b = m.lastgroup, m.start(), m.end()
        if kind == "junk" or kind == "prepunct":
            edits.append((a, b, ""))
        elif kind == "zwnjspace":
            s = m.group()
            rep = " " if " " in s else ZWNJ
            # ZWNJ next to a space or at a word edge carries nothing
            if rep == ZWNJ and (a == 0 or b == len(text) or not text[a - 1].isalpha() or not text[b].isalpha()):
                rep = ""
            if rep != s:
                edits.append((a, b, rep))
        elif kind == "spaces":
            rep = "" if (b < len(text) and text[b] == "\n") or (a > 0 and text[a - 1] == "\n") else " "
            edits.append((a, b, rep))
        elif kind == "nospace":
            edits.append((a, a, " "))
    return edits


_LINE_END = ".!?؟:»)"
_NEWLINE = regex.compile(r"\n")


def _unwrap_edits(text: str) -> list[Edit]:
    """Archives that hard-wrap lines mid-sentence («… رئیس شورای اسلامی\nشهر تهران»): when most
    lines end without sentence punctuation, such a line break becomes a space."""
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    if len(breaks) < 5:
        return []
    open_ended = [i for i in breaks if i > 0 and text[i - 1] not in _LINE_END and text[i - 1] != "\n"
                  and i + 1 < len(text) and text[i + 1] != "\n"]
    if len(open_ended) / len(breaks) <= 0.6:
        return []
    return [(i, i + 1, " ") for i in open_ended]


@functools.cache
def _zwnj_repair():
    try:
        from .zwnj import ZwnjRepair
    except ImportError:  # pragma: no cover - the lexicon is part of the package
        return None
    return ZwnjRepair()


def normalize(text: str, *, repair_zwnj: bool = True) -> AlignedText:
    """Normalize Persian ``text``; the result maps back to ``text`` via ``original_span``.

    >>> n = normalize("شهرداريها ۲٫۵ ميليون")
    >>> n.text
    'شهرداری\u200cها 2٫5 میلیون'
    """
    aligned = AlignedText(text, text.translate(char_table()))  # 1:1, identity alignment
    aligned = aligned.apply(_cleanup_edits(aligned.text))
    aligned = aligned.apply(_unwrap_edits(aligned.text))
    if repair_zwnj:
        repair = _zwnj_repair()
        if repair is not None:
            aligned = aligned.apply(repair.edits(aligned.text))
    return aligned
