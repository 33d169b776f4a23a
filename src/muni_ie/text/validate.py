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
# bytes.translate tables over UTF-16 code units: 1 where the high byte is 0x06; 1 where the low byte,
# in that block, is an Arabic-script character
_HIGH_06 = bytes(int(b == 6) for b in range(256))
_LOW_ARABIC = bytes(int(not _NOT_ARABIC_IN_BLOCK.match(chr(0x600 + b))) for b in range(256))


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
    answer is yes as soon as one letter is found.
    """
    if 3 * _arabic_in_block(head) >= len(head):
        return _LETTER.search(head) is not None
    letters = len(_LETTER.findall(head))
    return letters > 0 and len(_ARABIC_LETTER.findall(head)) >= letters / 3


def _arabic_in_block(text: str) -> int:
    """The Arabic-script characters of the U+0600–U+06FF block, counted in C over the UTF-16 code
    units: each byte becomes a 0/1 flag (``bytes.translate``), and the units whose high-byte and
    low-byte flags are both set are the 1 bits of the AND of the two flag strings read as integers."""
    utf16 = text.encode("utf-16-be", "surrogatepass")
    high = int.from_bytes(utf16[::2].translate(_HIGH_06), "big")
    low = int.from_bytes(utf16[1::2].translate(_LOW_ARABIC), "big")
    return (high & low).bit_count()
