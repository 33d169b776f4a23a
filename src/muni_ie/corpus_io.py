"""Reading corpora: JSONL (plain or gzip'd), .txt files and folders of them, as a stream.

Every input document becomes exactly one :class:`InputDoc`, even a broken one: a malformed
JSON line or an undecodable file yields an item with ``error`` set and its line number, so
the batch writes an error record instead of stopping.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class InputDoc:
    id: str
    text: str | bytes | None
    source: str
    line: int | None = None
    error: str | None = None


def iter_inputs(paths: list[str | Path]) -> Iterator[InputDoc]:
    """Documents of every path in order; folders are walked in sorted order."""
    for p in map(Path, paths):
        if str(p) == "-":
            import sys

            yield from _iter_jsonl_lines(sys.stdin.buffer, "<stdin>")
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and _kind(f):
                    yield from _iter_file(f)
        elif p.exists():
            yield from _iter_file(p)
        else:
            yield InputDoc(str(p), None, str(p), error=f"no such file: {p}")


def count_inputs(paths: list[str | Path]) -> int | None:
    """About how many documents ``paths`` hold (lines of plain JSONL, one per .txt), for the
    progress bar's ETA; None when it cannot be known cheaply (stdin, gzip'd JSONL)."""
    total = 0
    for p in map(Path, paths):
        files = [f for f in sorted(p.rglob("*")) if f.is_file() and _kind(f)] if p.is_dir() else [p]
        for f in files:
            kind = _kind(f) or "jsonl"
            if str(f) == "-" or (kind == "jsonl" and f.suffix == ".gz"):
                return None
            if kind == "txt" or not f.exists():
                total += 1
                continue
            with open(f, "rb") as fh:
                last = b"\n"
                while chunk := fh.read(1 << 20):
                    total += chunk.count(b"\n")
                    last = chunk[-1:]
                total += last != b"\n"
    return total


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")):
        return "jsonl"
    if name.endswith((".txt", ".txt.gz")):
        return "txt"
    return None


def _open(path: Path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def _iter_file(path: Path) -> Iterator[InputDoc]:
    kind = _kind(path) or "jsonl"
    try:
        if kind == "txt":
            with _open(path) as fh:
                yield InputDoc(path.name.split(".")[0], fh.read(), str(path))
            return
        with _open(path) as fh:
            yield from _iter_jsonl_lines(fh, str(path))
    except (OSError, EOFError) as exc:  # unreadable or truncated gzip: one error record, go on
        yield InputDoc(str(path), None, str(path), error=f"cannot read {path}: {exc}")


def _iter_jsonl_lines(fh, source: str) -> Iterator[InputDoc]:
    stem = Path(source).name.split(".")[0]
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        fallback_id = f"{stem}:{n}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputDoc(fallback_id, None, source, n, f"line is not valid UTF-8 ({exc.reason})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputDoc(fallback_id, None, source, n, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield InputDoc(fallback_id, None, source, n, "JSON line is not an object")
            continue
        doc_id = str(obj["id"]) if obj.get("id") is not None else fallback_id
        text = obj.get("text")
        if not isinstance(text, str):
            yield InputDoc(doc_id, None, source, n, "no 'text' string in the JSON object")
            continue
        yield InputDoc(doc_id, text, source, n)
