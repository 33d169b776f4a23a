"""Loading of packaged language data (``muni_ie/lang/<lang>/``), once per process.

Data files are plain UTF-8 text: ``#`` lines are comments (source and license), other lines are
tab-separated fields. Researchers can point any loader at their own file instead.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

DEFAULT_LANG = "fa"


def data_path(name: str, lang: str = DEFAULT_LANG) -> Path:
    """Path of a packaged data file, e.g. ``data_path("titles.tsv")``."""
    return Path(str(resources.files("muni_ie") / "lang" / lang / name))


@functools.cache
def read_rows(path: str | Path) -> tuple[tuple[str, ...], ...]:
    """Non-comment, non-blank lines of a TSV file, split on tabs (cached per path)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(tuple(line.split("\t")))
    return tuple(rows)


def read_lines(path: str | Path) -> tuple[str, ...]:
    """First column of each data row: for one-item-per-line lists."""
    return tuple(r[0].strip() for r in read_rows(path) if r[0].strip())


def packaged_rows(name: str, lang: str = DEFAULT_LANG) -> tuple[tuple[str, ...], ...]:
    return read_rows(data_path(name, lang))


def packaged_lines(name: str, lang: str = DEFAULT_LANG) -> tuple[str, ...]:
    return read_lines(data_path(name, lang))
