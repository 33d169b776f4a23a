"""Parquet output for ``muni-ie extract -o out.parquet`` (the ``[parquet]`` extra, pyarrow).

One row per input document, with the muni_ie/1 record as nested columns (lists of structs),
so ``pandas.read_parquet(...).explode("facts")`` gives a table of facts. The Arrow schema is
fixed, not inferred, so every part file of a corpus has the same columns whatever its records
hold. Record keys the schema does not know (a user stage's attributes) are kept as a JSON
string in the ``extra`` field of their struct: nothing is dropped.

A Parquet file is unreadable until its footer is written, so the writer fills
``OUT.partial`` and renames it to ``OUT`` on close: a killed run never leaves a broken file
under the name the user asked for.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .errors import MuniIEError


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MuniIEError("Parquet output needs pyarrow: pip install 'muni-ie[parquet]'") from None
    return pa, pq


def _fields(pa, spec: dict[str, Any]) -> list:
    return [pa.field(name, typ) for name, typ in spec.items()]


def record_schema():
    """The Arrow schema of one muni_ie/1 record (error records fill only id/schema/error/line/source)."""
    pa, _ = _pyarrow()
    s, i = pa.string(), pa.int64()
    span = pa.list_(i)
    spans = pa.list_(span)
    entity = pa.struct(_fields(pa, {
        "label": s, "start": i, "end": i, "text": s, "norm": s,
        "type": s, "province": s, "id": s, "head": s, "org": s, "unit": s, "ref": s, "extra": s}))
    official = pa.struct(_fields(pa, {"name": s, "titles": pa.list_(s), "mentions": spans, "extra": s}))
    place = pa.struct(_fields(pa, {"name": s, "type": s, "province": s, "id": s, "mentions": spans, "extra": s}))
    org = pa.struct(_fields(pa, {"name": s, "mentions": spans, "extra": s}))
    fact = pa.struct(_fields(pa, {
        "value": pa.float64(), "unit": s, "of": s, "cmp": s, "text": s, "start": i, "end": i, "speaker": s,
        "extra": s}))
    event = pa.struct(_fields(pa, {
        "type": s, "speaker": s, "trigger": s, "start": i, "end": i, "content": span,
        "name": s, "ordinal": i, "place": s, "venue": s, "mentions": spans, "extra": s}))
    return pa.schema(_fields(pa, {
        "id": s, "schema": s, "error": s, "line": i, "source": s,
        "entities": pa.list_(entity), "officials": pa.list_(official), "places": pa.list_(place),
        "organizations": pa.list_(org), "facts": pa.list_(fact), "events": pa.list_(event),
        "unresolved_statements": pa.list_(event), "extra": s}))


def _conform(value: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """``value`` restricted to the schema's keys; the rest JSON-encoded in ``extra``."""
    out = {k: v for k, v in value.items() if k in known}
    rest = {k: v for k, v in value.items() if k not in known}
    if rest:
        out["extra"] = json.dumps(rest, ensure_ascii=False)
    if "id" in out and out["id"] is not None:
        out["id"] = str(out["id"])
    return out


class ParquetRecordWriter:
    """Writes muni_ie/1 records to ``path`` in row groups of ``batch_size`` documents."""

    def __init__(self, path: str | os.PathLike, batch_size: int = 1000) -> None:
        self.pa, pq = _pyarrow()
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.schema = record_schema()
        self._known = {f.name: {g.name for g in f.type.value_type} for f in self.schema
                       if self.pa.types.is_list(f.type)}
        self._top = set(self.schema.names)
        self._writer = pq.ParquetWriter(self.partial, self.schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self.batch_size = batch_size

    def write(self, record: dict[str, Any]) -> None:
        row = _conform(record, self._top)
        for col, keys in self._known.items():
            if row.get(col) is not None:
                row[col] = [_conform(item, keys) for item in row[col]]
        self._rows.append(row)
        if len(self._rows) >= self.batch_size:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self.pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        """Write the last row group and the footer, then move the file into place."""
        self._flush()
        self._writer.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        """Close without publishing: the ``.partial`` file stays for inspection."""
        self._writer.close()
