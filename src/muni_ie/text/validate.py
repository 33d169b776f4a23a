"""Input checks run before anything else: bad input fails early with a clear error type."""

from __future__ import annotations

import regex

from ..errors import DecodingError, EmptyTextError, InputTypeError, NotPersianError, TextTooLongError

#: texts longer than this (in characters) are refused; batch tools pass their own limit
MAX_CHARS = 1_000_000
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_LETTER = regex.compile(r"\p{L}")


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
    if not text.strip():
        raise EmptyTextError("text is empty or whitespace only")
    if len(text) > max_chars:
        raise TextTooLongError(f"text has {len(text)} characters, above the limit of {max_chars}")
    head = text[:5000]
    letters = len(_LETTER.findall(head))
    if letters == 0 or len(_ARABIC_LETTER.findall(head)) < letters / 3:
        raise NotPersianError("text has too few Persian letters to be Persian news")
    return text
