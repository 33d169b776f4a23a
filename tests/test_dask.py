"""The Dask engine on a local dask.distributed cluster (loopback only)."""

from __future__ import annotations

import json

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

import muni_ie.dask as mdask
from muni_ie.cli import main

ITEMS = [
    {"id": "a", "text": "شهردار همدان گفت: ۷۰ درصد خدمات شهرداری همدان غیرحضوری است."},
    {"id": "b", "text": ""},
    {"id": "c", "text": "رضا امینی، مدیرکل امور شهری استانداری سمنان گفت: ۱۷ شهر زیر ۵۰ هزار نفر جمعیت دارند."},
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_bag_gives_the_same_records_as_the_local_pipeline(client):
    import muni_ie

    recs = mdask.extract_bag(dask_bag.from_sequence(ITEMS, npartitions=2)).compute()
    assert [r["id"] for r in recs] == ["a", "b", "c"]
    assert recs[1]["error"].startswith("empty")
    assert recs[0] == muni_ie.extract(ITEMS[0]["text"], id="a").to_dict()


def test_cli_dask_engine_writes_one_record_per_line(client, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in ITEMS) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "--engine", "dask", "--scheduler", client.scheduler.address]) == 0
    recs = [json.loads(x) for f in sorted(out.glob("part-*.jsonl")) for x in f.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 4 and sum("error" in r for r in recs) == 2
