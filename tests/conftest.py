"""Shared fixtures: paths to ../shared (skipped cleanly where it is absent) and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").exists():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared) -> list[dict]:
    return _jsonl(shared / "seeds/seeds.jsonl")


@pytest.fixture(scope="session")
def news_sample(shared) -> list[dict]:
    """The first 300 real municipal and general articles: messy text as found."""
    out = _jsonl(shared / "data/news/municipal_dev.jsonl")
    with (shared / "data/news/general_sample.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 200:
                break
            out.append(json.loads(line))
    return out


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    return _jsonl(ROOT / "corpus/articles.jsonl")
