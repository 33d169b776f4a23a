"""Running muni_ie over a Dask cluster, partition by partition.

Each worker process builds the pipeline once (the first partition it sees loads the lexicons;
later partitions reuse them) and turns every ``{"id", "text"}`` item into its ``muni_ie/1``
record — an error record for bad input, exactly as ``muni-ie extract`` does::

    from dask.distributed import Client
    import muni_ie.dask as mdask

    client = Client("tcp://scheduler:8786")
    records = mdask.extract_bag(mdask.read_jsonl(["s3://…/news-*.jsonl"]))
    records.map(json.dumps, ensure_ascii=False).to_textfiles("out/*.jsonl")

Requires the ``[dask]`` extra (``pip install "muni-ie[dask]"``); every worker needs muni_ie installed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import dask.bag as db

from .batch import process
from .corpus_io import InputDoc
from .text.validate import MAX_CHARS


def _records(partition: Iterable[dict[str, Any]], max_chars: int) -> Iterator[dict[str, Any]]:
    for n, item in enumerate(partition):
        if not isinstance(item, dict) or not isinstance(item.get("text"), (str, bytes)):
            doc_id = item.get("id") if isinstance(item, dict) else None
            yield process(InputDoc(str(doc_id), None, "dask", n, "no 'text' string in the item"), max_chars)
            continue
        yield process(InputDoc(str(item.get("id")), item["text"], "dask", n), max_chars)


def extract_bag(bag: db.Bag, max_chars: int = MAX_CHARS) -> db.Bag:
    """A bag of ``{"id", "text"}`` dicts → a bag of ``muni_ie/1`` records, one per item."""
    return bag.map_partitions(lambda part: list(_records(part, max_chars)))


def _parse(line: str, path: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "text": None, "error": f"malformed JSON in {path}: {exc.msg}"}
    return obj if isinstance(obj, dict) else {"id": None, "text": None}


def read_jsonl(paths: str | list[str], blocksize: int | str | None = "64MiB") -> db.Bag:
    """JSON Lines files (local or any fsspec URL) as a bag of dicts; a malformed line stays an item."""
    lines = db.read_text(paths, blocksize=blocksize, include_path=True)
    return lines.filter(lambda lp: lp[0].strip() != "").map(lambda lp: _parse(lp[0], lp[1]))


def run(inputs: list[str], output: str, scheduler: str | None = None, max_chars: int = MAX_CHARS) -> int:
    """``muni-ie extract --engine dask``: records written as ``output`` (a folder of part files)."""
    from dask.distributed import Client

    client = Client(scheduler) if scheduler else Client(processes=True)
    try:
        recs = extract_bag(read_jsonl(inputs), max_chars)
        recs.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(f"{output.rstrip('/')}/part-*.jsonl")
        return recs.count().compute()
    finally:
        client.close()
