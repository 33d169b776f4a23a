"""`muni-ie extract` on messy corpora: one record per input, error records, resume."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from muni_ie.batch import done_ids
from muni_ie.cli import main

GOOD = "شهردار همدان گفت: ۷۰ درصد خدمات شهرداری همدان غیرحضوری است."


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    src = tmp_path / "in.jsonl"
    with open(src, "wb") as fh:
        fh.write(json.dumps({"id": "a", "text": GOOD}, ensure_ascii=False).encode() + b"\n")
        fh.write(b'{"id": "b", "text": "broken\n')                       # malformed JSON
        fh.write(b'{"id": "c", "text": "\xff\xfe bad utf8"}\n')            # invalid UTF-8
        fh.write(json.dumps({"id": "d", "text": "   "}).encode() + b"\n")  # empty text
        fh.write(json.dumps({"id": "e", "text": "Hello world, plain English."}).encode() + b"\n")
        fh.write(json.dumps({"id": "f", "text": "شهر " * 300}, ensure_ascii=False).encode() + b"\n")  # too long
        fh.write(json.dumps({"text": GOOD}, ensure_ascii=False).encode() + b"\n")  # no id
    return src


def test_every_input_line_yields_exactly_one_record(messy, tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(messy), "-o", str(out), "--workers", "1", "--quiet", "--max-chars", "1000"]) == 0
    recs = _lines(out)
    assert [r["id"] for r in recs] == ["a", "in:2", "in:3", "d", "e", "f", "in:7"]
    errors = {r["id"]: r["error"] for r in recs if "error" in r}
    assert errors["in:2"].startswith("malformed JSON") and errors["in:3"].startswith("line is not valid UTF-8")
    assert errors["d"].startswith("empty") and errors["e"].startswith("not_persian")
    assert errors["f"].startswith("too_long")
    assert recs[0]["schema"] == "muni_ie/1" and "error" not in recs[0] and recs[0]["facts"]


def test_parallel_workers_keep_input_order(messy, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    main(["extract", str(messy), "-o", str(one), "--workers", "1", "--quiet"])
    main(["extract", str(messy), "-o", str(two), "--workers", "2", "--quiet"])
    assert _lines(one) == _lines(two)


def test_txt_files_gzip_and_folders(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "x1.txt").write_text(GOOD, encoding="utf-8")
    with gzip.open(folder / "batch.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": GOOD}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    main(["extract", str(folder), "-o", str(out), "--workers", "1", "--quiet"])
    assert sorted(r["id"] for r in _lines(out)) == ["g1", "x1"]


def test_resume_cuts_a_torn_line_and_skips_done_ids(messy, tmp_path):
    full = tmp_path / "full.jsonl"
    main(["extract", str(messy), "-o", str(full), "--workers", "1", "--quiet"])
    part = tmp_path / "part.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    part.write_text("".join(lines[:3]) + lines[3][:10], encoding="utf-8")  # killed mid-line
    assert done_ids(part) == {r["id"] for r in map(json.loads, lines[:3])}
    main(["extract", str(messy), "-o", str(part), "--workers", "1", "--quiet", "--resume"])
    assert sorted(map(json.dumps, _lines(part))) == sorted(map(json.dumps, _lines(full)))


def test_evaluate_agrees_with_the_reference_scorer(shared, tmp_path, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("ref_score", shared / "eval/score.py")
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    texts = tmp_path / "texts.jsonl"
    gold = tmp_path / "gold.jsonl"
    texts.write_bytes((shared / "eval/dev.texts.jsonl").read_bytes() + (shared / "seeds/seeds.jsonl").read_bytes())
    gold.write_bytes((shared / "eval/dev.gold.jsonl").read_bytes() + (shared / "eval/seeds.gold.jsonl").read_bytes())
    pred = tmp_path / "pred.jsonl"
    main(["extract", str(texts), "-o", str(pred), "--quiet"])
    capsys.readouterr()
    ref.main([str(gold), str(pred), "--texts", str(texts), "--json"])
    want = json.loads(capsys.readouterr().out)
    main(["evaluate", str(gold), str(pred), "--texts", str(texts), "--json"])
    got = json.loads(capsys.readouterr().out)
    assert got == want


def _same_as_json(row, rec) -> bool:
    """A Parquet row equals its JSON record once the schema's unused (null) fields are dropped."""
    if isinstance(rec, dict):
        extra = set(row) - set(rec)
        return (all(row[k] is None for k in extra)
                and all(_same_as_json(row[k], rec[k]) for k in rec))
    if isinstance(rec, list):
        return len(row) == len(rec) and all(_same_as_json(a, b) for a, b in zip(row, rec))
    return row == rec


def test_parquet_output_holds_the_same_records_as_jsonl(messy, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = Path(__file__).resolve().parents[1] / "corpus/articles.jsonl"
    js, pa_out = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    for out in (js, pa_out):
        assert main(["extract", str(messy), str(corpus), "-o", str(out), "--workers", "1", "--quiet"]) == 0
    rows, recs = pq.read_table(pa_out).to_pylist(), _lines(js)
    assert len(rows) == len(recs) == 7 + 15
    assert sum(r["error"] is not None for r in rows) == 4  # malformed, bad UTF-8, empty, English
    assert all(_same_as_json(row, rec) for row, rec in zip(rows, recs))
    assert not (tmp_path / "out.parquet.partial").exists()


def test_parquet_keeps_unknown_record_keys_and_publishes_only_finished_files(tmp_path):
    pytest.importorskip("pyarrow")
    from muni_ie.parquet import ParquetRecordWriter

    rec = {"id": 7, "schema": "muni_ie/1", "entities": [
        {"label": "PERSON", "start": 0, "end": 3, "text": "علی", "norm": "علی", "gender": "m"}],
        "sentiment": -0.5}
    out = tmp_path / "x.parquet"
    w = ParquetRecordWriter(out)
    w.write(rec)
    w.abort()  # a run that died: nothing under the asked name
    assert not out.exists()
    w = ParquetRecordWriter(out)
    w.write(rec)
    w.close()
    import pyarrow.parquet as pq

    row = pq.read_table(out).to_pylist()[0]
    assert row["id"] == "7" and json.loads(row["extra"]) == {"sentiment": -0.5}
    assert json.loads(row["entities"][0]["extra"]) == {"gender": "m"}


def test_parquet_to_stdout_or_resumed_is_a_usage_error(messy, tmp_path, capsys):
    assert main(["extract", str(messy), "-o", "-", "--format", "parquet", "--quiet"]) == 2
    assert main(["extract", str(messy), "-o", str(tmp_path / "o.parquet"), "--resume", "--quiet"]) == 2
    assert "cannot be resumed" in capsys.readouterr().err


def test_input_count_for_the_progress_eta(messy, tmp_path):
    from muni_ie.corpus_io import count_inputs

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}', encoding="utf-8")  # no final \n
    assert count_inputs([messy]) == 7
    assert count_inputs([folder, messy]) == 1 + 2 + 7
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as fh:
        fh.write("{}\n")
    assert count_inputs([messy, tmp_path / "c.jsonl.gz"]) is None  # not worth decompressing twice


def test_ctrl_c_stops_a_parallel_run_with_whole_lines_and_resume_finishes_it(tmp_path):
    """Ctrl-C reaches the parent and both workers (one process group): the workers leave it to
    the parent, which stops the pool, keeps whole lines and exits 130 instead of waiting for
    results that never come."""
    import os
    import signal
    import subprocess
    import sys
    import time

    src, out, ref = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "ref.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": f"d{i}", "text": GOOD}, ensure_ascii=False) + "\n" for i in range(3000))
    cmd = [sys.executable, "-m", "muni_ie.cli", "extract", str(src), "-o", str(out), "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True)
    while not out.exists() or out.stat().st_size < 10_000:  # some records written
        assert proc.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(timeout=60) == 130  # (a hang fails here)
    assert b"--resume" in proc.stderr.read()
    done = _lines(out)  # every line whole
    assert 0 < len(done) < 3000
    assert main(["extract", str(src), "-o", str(out), "--workers", "2", "--quiet", "--resume"]) == 0
    main(["extract", str(src), "-o", str(ref), "--workers", "1", "--quiet"])
    assert sorted(_lines(out), key=lambda r: r["id"]) == sorted(_lines(ref), key=lambda r: r["id"])
