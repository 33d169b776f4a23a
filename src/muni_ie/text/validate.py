"""Input checks run before anything else: bad input fails early with a clear error type."""

from __future__ import annotations

import re

import regex

from ..errors import DecodingError, EmptyTextError, InputTypeError, NotPersianError, TextTooLongError

#: texts longer than this (in characters) are refused; batch tools pass their own limit
MAX_CHARS = 1_000_000
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_LETTER = regex.compile(r"\p{L}")
# The characters of the Arabic block U+0600–U+06FF that are not Script=Arabic (a test checks).
_NOT_ARABIC_IN_BLOCK = re.compile("[\u0605\u060c\u061b\u061f\u0640\u064b-\u0655\u0670\u06dd]")


def validate_text(text: object, *, max_chars: int = MAX_CHARS) -> str:
    """Return ``text`` as ``str`` or raise a :class:`~muni_ie.errors.MuniIEError`.

    Bytes are decoded as strict UTF-8. At least a third of the letters in the first 5,000
    characters must be Arabic-script, so English pages or binary junk are refused
    rather than silently yielding an empty record.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodingError(f"input is not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    if not isinstance(text, str):
        raise InputTypeError(f"expected str or UTF-8 bytes, got {type(text).__name__}")
    if not text or text.isspace():
        raise EmptyTextError("text is empty or whitespace only")
    if len(text) > max_chars:
        raise TextTooLongError(f"text has {len(text)} characters, above the limit of {max_chars}")
    if not _persian_enough(text[:5000]):
        raise NotPersianError("text has too few Persian letters to be Persian news")
    return text


def _persian_enough(head: str) -> bool:
    """At least one letter, and Arabic-script characters at least a third as many as letters.

    Counting both exactly costs two regex passes; Persian news needs neither: when the Arabic
    script characters of the U+0600–U+06FF block alone are a third of *all* characters, the
    answer is yes as soon as one letter is found. The block is counted in C, as the code units
    whose high byte is 0x06 in UTF-16.
    """
    in_block = head.encode("utf-16-be", "surrogatepass")[::2].count(6)
    if 3 * (in_block - len(_NOT_ARABIC_IN_BLOCK.findall(head))) >= len(head):
        return _LETTER.search(head) is not None
    letters = len(_LETTER.findall(head))
    return letters > 0 and len(_ARABIC_LETTER.findall(head)) >= letters / 3
