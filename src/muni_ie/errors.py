"""Errors muni_ie raises for input it cannot process.

Every error derives from :class:`MuniIEError`, so a batch job can catch one type and turn the
document into an error record (schema ``muni_ie/1``: ``{"id", "schema", "error"}``) without
losing the rest of the batch.
"""

from __future__ import annotations


class MuniIEError(Exception):
    """Base class of everything muni_ie raises on purpose."""

    #: short machine-readable reason, written to error records
    code = "error"


class InputTypeError(MuniIEError, TypeError):
    """The input is neither ``str`` nor UTF-8 ``bytes``."""

    code = "bad_type"


class DecodingError(MuniIEError, ValueError):
    """Bytes that are not valid UTF-8 (e.g. a Windows-1256 file read as UTF-8)."""

    code = "bad_encoding"


class EmptyTextError(MuniIEError, ValueError):
    """Empty or whitespace-only text: there is nothing to extract."""

    code = "empty"


class NotPersianError(MuniIEError, ValueError):
    """Text with too few Arabic-script letters to be Persian news (English, code, binary junk)."""

    code = "not_persian"


class TextTooLongError(MuniIEError, ValueError):
    """Text above the configured size limit; protects batch runs from pathological inputs."""

    code = "too_long"


class PipelineError(MuniIEError):
    """A pipeline built with an unknown stage or a stage whose requirements are not met."""

    code = "pipeline"
