"""Persian normalization that never loses the way back to the original text.

``normalize(text)`` unifies letters (ي→ی, ك→ک, ة→ه …) and digits (۱۲ / ١٢ → 12), deletes
diacritics, kashida and bidi/zero-width junk, tidies spaces around punctuation and repairs
stripped ZWNJ («شهرداریها» → «شهرداری‌ها»), returning an :class:`AlignedText` whose
``original_span`` maps any normalized span back to the input as given.
"""

from __future__ import annotations

import functools
import re

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
    if any(ord(c) in table for rep in table.values() for c in rep):
        raise ValueError("char_map.tsv maps a character to one it also maps: the fold would depend on order")
    return table


# Deleted outright: Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef),
# kashida, bidi controls, zero-width space/joiner, BOM and carriage returns (a soft hyphen,
# used by some sites instead of ZWNJ, becomes ZWNJ in char_map.tsv).
_JUNK_CHARS = "\u064B-\u065F\u0670\u0640\u200B\u200D-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\r"
# `[…][…]*` rather than `[…]+`: a pattern that opens with a character class lets `re` skip ahead fast.
_JUNK = re.compile(f"[{_JUNK_CHARS}][{_JUNK_CHARS}]*")


@functools.cache
def _special() -> re.Pattern[str]:
    """Characters that ``char_table`` maps or that are junk: most texts hold few kinds of them."""
    return re.compile("[" + re.escape("".join(map(chr, char_table()))) + _JUNK_CHARS + "]")


@functools.cache
def _mapped() -> re.Pattern[str]:
    """Characters that ``char_table`` maps."""
    return re.compile("[" + re.escape("".join(map(chr, char_table()))) + "]")


def _fold(s: str) -> tuple[str, bool]:
    """``s`` with the ``char_table`` characters replaced, and whether it holds junk.

    A search finds the first character of each kind, and one C-speed ``str.replace`` per kind
    removes all the others (the table never maps a character to one it maps): a text is scanned
    about once, with a few matches, rather than a per-character ``str.translate`` with a dict.
    Junk is only noted: the cleanup finds and deletes it.
    """
    table = char_table()
    pattern = _special()
    junk = False
    m = pattern.search(s)
    while m is not None:
        ch = m.group()
        rep = table.get(ord(ch))
        if rep is None:  # junk: from now on only the mapped characters are looked for
            junk, pattern = True, _mapped()
            m = pattern.search(s, m.end())
        else:
            s = s.replace(ch, rep)
            m = pattern.search(s, m.start() + len(rep))
    return s, junk


def fold(s: str) -> str:
    """Letter/digit unification only (no deletions, no ZWNJ repair): for lexicon keys."""
    return _fold(s)[0]


# Punctuation that takes no space before it in Persian typography.
_CLOSE = "،؛:!؟?.)]»"
# Persian letters: a ZWNJ between two of them is left alone without a closer look.
_LETTERS = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
# Unicode Script=Arabic (what `regex` calls \p{Arabic}; a test checks they agree).
_ARABIC = (
    "\u0600-\u0604\u0606-\u060b\u060d-\u061a\u061c-\u061e\u0620-\u063f\u0641-\u064a\u0656-\u066f"
    "\u0671-\u06dc\u06de-\u06ff\u0750-\u077f\u0870-\u0891\u0897-\u08e1\u08e3-\u08ff\ufb50-\ufd3d"
    "\ufd40-\ufdcf\ufdf0-\ufdff\ufe70-\ufe74\ufe76-\ufefc\U00010e60-\U00010e7e\U00010ec2-\U00010ec7"
    "\U00010ec9-\U00010eee\U00010ef0-\U00010eff\U0001ee00-\U0001ee03\U0001ee05-\U0001ee1f\U0001ee21"
    "\U0001ee22\U0001ee24\U0001ee27\U0001ee29-\U0001ee32\U0001ee34-\U0001ee37\U0001ee39\U0001ee3b"
    "\U0001ee42\U0001ee47\U0001ee49\U0001ee4b\U0001ee4d-\U0001ee4f\U0001ee51\U0001ee52\U0001ee54"
    "\U0001ee57\U0001ee59\U0001ee5b\U0001ee5d\U0001ee5f\U0001ee61\U0001ee62\U0001ee64\U0001ee67-\U0001ee6a"
    "\U0001ee6c-\U0001ee72\U0001ee74-\U0001ee77\U0001ee79-\U0001ee7c\U0001ee7e\U0001ee80-\U0001ee89"
    "\U0001ee8b-\U0001ee9b\U0001eea1-\U0001eea3\U0001eea5-\U0001eea9\U0001eeab-\U0001eebb\U0001eef0\U0001eef1"
)
# The places that may need a spacing edit. Every branch opens with a literal, so `re` jumps from
# one space, ZWNJ, line break or punctuation mark to the next; each match starts a run of spaces
# and ZWNJs (the run is the match, or follows the line break) or is a punctuation mark.
_SPACING = re.compile(
    rf" (?=[ \u200c{re.escape(_CLOSE)}\n])[ \u200c]*"  # a run of 2+, or a space before punctuation or a line end
    r"|\n[ \u200c]+"  # a run at a line start
    rf"|\u200c(?:[ \u200c]+|(?![{_LETTERS}])|(?<![{_LETTERS}]\u200c))"  # ZWNJ in a run or by a non-letter
    + "".join(  # «است.شهرداری» → «است. شهرداری» (unless junk follows the mark: junk goes first)
        rf"|{re.escape(p)}(?<=[{_ARABIC}].)(?=[{_ARABIC}])(?![{_JUNK_CHARS}])" for p in ".،؛:!؟"
    )
)


def _run_edit(text: str, a: int, b: int) -> Edit | None:
    """The edit for the maximal run ``text[a:b]`` of spaces and ZWNJs, if it needs one."""
    s = text[a:b]
    nxt = text[b] if b < len(text) else ""
    prev = text[a - 1] if a else ""
    if ZWNJ in s:  # ZWNJ runs, or ZWNJ touching a space, → one ZWNJ or space
        rep = " " if " " in s else ZWNJ
        # ZWNJ next to a space or at a word edge carries nothing
        if rep == ZWNJ and not (prev.isalpha() and nxt.isalpha()):
            rep = ""
        return None if rep == s else (a, b, rep)
    if nxt and nxt in _CLOSE:  # «گفت :» → «گفت:»
        return a, b, ""
    if len(s) > 1 or nxt == "\n" or prev == "\n":  # space runs; spaces at line ends/starts
        return a, b, "" if nxt == "\n" or prev == "\n" else " "
    return None


def _cleanup_edits(text: str, junk: bool = True) -> list[Edit]:
    """Deletions of junk (``junk=False``: the caller knows there is none) and spacing fixes."""
    edits = [(m.start(), m.end(), "") for m in _JUNK.finditer(text)] if junk else []
    for m in _SPACING.finditer(text):
        a, b = m.span()
        first = text[a]
        if first == " " or first == ZWNJ:
            edit = _run_edit(text, a, b)
        elif first == "\n":
            edit = _run_edit(text, a + 1, b)
        else:
            edit = (b, b, " ")
        if edit is not None:
            edits.append(edit)
    if junk:
        edits.sort()
    return edits


_LINE_END = ".!?؟:»)"
# a line break after a line that ends without sentence punctuation, before a non-empty line
# (the literal first: `re` jumps from one line break to the next)
_OPEN_END = re.compile(f"\n(?<=[^{re.escape(_LINE_END)}\n]\n)(?=[^\n])")


def _unwrap_edits(text: str) -> list[Edit]:
    """Archives that hard-wrap lines mid-sentence («… رئیس شورای اسلامی\nشهر تهران»): when most
    lines end without sentence punctuation, such a line break becomes a space."""
    breaks = text.count("\n")
    if breaks < 5:
        return []
    open_ended = [m.start() for m in _OPEN_END.finditer(text)]
    if len(open_ended) / breaks <= 0.6:
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
    folded, junk = _fold(text)
    aligned = AlignedText(text, folded)  # 1:1, identity alignment
    aligned = aligned.apply(_cleanup_edits(folded, junk))
    aligned = aligned.apply(_unwrap_edits(aligned.text))
    if repair_zwnj:
        repair = _zwnj_repair()
        if repair is not None:
            aligned = aligned.apply(repair.edits(aligned.text))
    return aligned
