"""Batch extraction: parallel, ordered, resumable, loss-free.

Every input document yields exactly one output record (an error record when it cannot be
processed). Output lines are written whole and flushed, and ``--resume`` first cuts a torn
last line left by a killed run, then skips the ids already written.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .corpus_io import InputDoc, count_inputs, iter_inputs
from .document import Document
from .errors import MuniIEError
from .record import error_record
from .text.validate import MAX_CHARS

_PIPELINE = None


def _pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        from . import default_pipeline

        _PIPELINE = default_pipeline()
    return _PIPELINE


def process(item: InputDoc, max_chars: int = MAX_CHARS) -> dict[str, Any]:
    """One input document → its record; never raises."""
    if item.error:
        return error_record(item.id, item.error, line=item.line, source=item.source)
    try:
        return _pipeline()(item.text, id=item.id, max_chars=max_chars).to_dict()  # validates the text
    except MuniIEError as exc:
        return error_record(item.id, f"{exc.code}: {exc}", line=item.line, source=item.source)
    except Exception as exc:  # noqa: BLE001 - a bug must cost one document, not the batch
        return error_record(item.id, f"internal: {type(exc).__name__}: {exc}", line=item.line, source=item.source)


def _process_packed(args: tuple[InputDoc, int]) -> dict[str, Any]:
    return process(*args)


def _process_to_json(args: tuple[InputDoc, int]) -> tuple[bool, str]:
    """Worker side of JSONL output: serializing in the worker leaves the parent, which shares
    the cores with the workers, only the writing; a short string is also cheaper to send back."""
    rec = process(*args)
    return "error" in rec, json.dumps(rec, ensure_ascii=False)


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the parent: it stops the pool and closes the output. A worker that
    died of it would leave the parent waiting for its results for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parallel_map(fn, items: Iterable[InputDoc], workers: int, max_chars: int) -> Iterator[Any]:
    packed = ((it, max_chars) for it in items)
    if workers <= 1:
        yield from map(fn, packed)
        return
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=_ignore_interrupt) as pool:
        yield from pool.imap(fn, packed, chunksize=32)  # fewer round trips: 1.87x vs 1.79x at 8


def _records(items: Iterable[InputDoc], workers: int, max_chars: int) -> Iterator[dict[str, Any]]:
    """Records for ``items``, in input order."""
    return _parallel_map(_process_packed, items, workers, max_chars)


def _json_lines(items: Iterable[InputDoc], workers: int, max_chars: int) -> Iterator[tuple[bool, str]]:
    """``(is_error, JSON line)`` for ``items``, in input order."""
    return _parallel_map(_process_to_json, items, workers, max_chars)


def extract_many(items: Iterable[str | tuple[str, str]], workers: int = 1) -> Iterator[Document]:
    """Documents for ``items`` (texts or ``(text, id)`` pairs), in order; bad input raises."""
    if workers <= 1:
        yield from _pipeline().pipe(items)
        return
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=_ignore_interrupt) as pool:
        yield from pool.imap(_extract_one, items, chunksize=32)


def _extract_one(item):
    return next(_pipeline().pipe([item]))


def done_ids(out: Path) -> set[str]:
    """Ids already in ``out``, after cutting a torn last line a killed run may have left."""
    if not out.exists():
        return set()
    with open(out, "rb+") as fh:
        data = fh.read()
        cut = data.rfind(b"\n") + 1
        if cut < len(data):
            fh.truncate(cut)
            data = data[:cut]
    ids = set()
    for line in data.splitlines():
        try:
            ids.add(str(json.loads(line)["id"]))
        except (ValueError, KeyError, TypeError):
            continue
    return ids


class Progress:
    """docs/s and ETA on a terminal; silent when piped or asked to be quiet."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.total, self.enabled, self.start, self.n, self.last = total, enabled, time.time(), 0, 0.0

    def tick(self) -> None:
        self.n += 1
        now = time.time()
        if self.enabled and now - self.last > 0.5:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.n / max(now - self.start, 1e-9)
        eta = f", ETA {max(self.total - self.n, 0) / rate:,.0f}s" if self.total else ""
        sys.stderr.write(f"\r{self.n:,}{'/' + format(self.total, ',') if self.total else ''} docs, "
                         f"{rate:,.1f} docs/s{eta}   ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.time())  # the final count and rate, not the last half-second's
            sys.stderr.write("\n")


class _JsonlWriter:
    """JSON lines, each flushed whole, so a killed run leaves at most a torn last line."""

    def __init__(self, path: Path | None, append: bool) -> None:
        self.path = path
        self.fh = open(path, "a" if append else "w", encoding="utf-8") if path else sys.stdout  # noqa: SIM115

    def write(self, line: str) -> None:
        self.fh.write(line + "\n")
        self.fh.flush()

    def close(self) -> None:
        if self.path:
            self.fh.close()

    abort = close


def output_format(out: str | None, fmt: str | None = None) -> str:
    """``jsonl`` or ``parquet``: as asked, else from the output's suffix."""
    if fmt:
        return fmt
    return "parquet" if out and out.endswith(".parquet") else "jsonl"


def run_extract(inputs: list[str], out: str | None, *, workers: int | None = None, resume: bool = False,
                quiet: bool = False, max_chars: int = MAX_CHARS, fmt: str | None = None) -> dict[str, int]:
    """The ``muni-ie extract`` job. Returns counts: documents, errors, skipped."""
    workers = workers or os.cpu_count() or 1
    out_path = Path(out) if out and out != "-" else None
    fmt = output_format(out, fmt)
    if fmt == "parquet" and (out_path is None or resume):
        raise MuniIEError("Parquet output needs an output file (-o OUT.parquet) and cannot be resumed; "
                          "write JSONL for resumable runs")
    if out_path:
        out_path.parent.mkdir(parents=True, exist_ok=True)
    skip = done_ids(out_path) if (resume and out_path) else set()
    items = (it for it in iter_inputs(inputs) if it.id not in skip)
    if fmt == "parquet":
        from .parquet import ParquetRecordWriter

        writer: Any = ParquetRecordWriter(out_path)
    else:
        writer = _JsonlWriter(out_path, append=resume)
    show = not quiet and sys.stderr.isatty()
    total = count_inputs(inputs) if show else None
    progress = Progress(None if total is None else max(total - len(skip), 0), enabled=show)
    counts = {"documents": 0, "errors": 0, "skipped": len(skip)}
    finished = False
    try:
        if fmt == "parquet":
            results: Iterable[tuple[bool, Any]] = (("error" in r, r) for r in _records(items, workers, max_chars))
        else:
            results = _json_lines(items, workers, max_chars)
        for is_error, payload in results:
            writer.write(payload)
            counts["documents"] += 1
            counts["errors"] += is_error
            progress.tick()
        finished = True
    finally:
        progress.close()
        if finished:
            writer.close()
        else:
            writer.abort()
    return counts
