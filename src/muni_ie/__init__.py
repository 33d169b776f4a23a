"""muni_ie: structured data from Persian (Farsi) news about cities and municipalities.

>>> import muni_ie
>>> doc = muni_ie.extract("رضا امینی، مدیرکل امور شهری استانداری سمنان گفت: ...")
>>> record = doc.to_dict()          # schema "muni_ie/1", offsets into the text as given

The public API is small: :func:`extract`, :func:`extract_many`, :func:`normalize`,
:func:`parse_number`, :func:`find_numbers`, :func:`parse_ordinal`, :class:`Document`,
:class:`Pipeline` and :func:`register_stage`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from .document import Document
from .errors import (
    DecodingError,
    EmptyTextError,
    InputTypeError,
    MuniIEError,
    NotPersianError,
    PipelineError,
    TextTooLongError,
)
from .pipeline import Pipeline, register_stage
from .text.normalize import normalize

__version__ = "0.1.0"


@functools.cache
def default_pipeline() -> Pipeline:
    """The pipeline :func:`extract` uses, built once per process."""
    return Pipeline()


def extract(text: str | bytes, id: str | None = None) -> Document:
    """Run the default pipeline on one article.

    Raises a :class:`MuniIEError` subclass for unusable input: :class:`EmptyTextError`,
    :class:`NotPersianError`, :class:`DecodingError` (bytes that are not UTF-8),
    :class:`InputTypeError`, :class:`TextTooLongError`.
    """
    return default_pipeline()(text, id=id)


def extract_many(items: Iterable[str | tuple[str, str]], workers: int = 1) -> Iterator[Document]:
    """Documents for many articles, in input order; see :mod:`muni_ie.batch` for error records."""
    from .batch import extract_many as _extract_many

    return _extract_many(items, workers=workers)


def __getattr__(name: str):
    # the number layer is imported on first use: most callers never need it directly
    if name in ("parse_number", "find_numbers", "parse_ordinal"):
        from . import numbers

        return getattr(numbers, name)
    raise AttributeError(name)


__all__ = [
    "DecodingError",
    "Document",
    "EmptyTextError",
    "InputTypeError",
    "MuniIEError",
    "NotPersianError",
    "Pipeline",
    "PipelineError",
    "TextTooLongError",
    "default_pipeline",
    "extract",
    "extract_many",
    "find_numbers",
    "normalize",
    "parse_number",
    "parse_ordinal",
    "register_stage",
]
