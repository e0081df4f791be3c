"""Shared fixtures.  Everything here is written by the team; no third-party text."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EVAL_DATA = SHARED / "eval"
SAMPLES = REPO / "samples" / "kursk"


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    from claimgraph.settings import Settings

    return Settings.load(db=f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = SHARED / "seed" / "kursk-2024-08-09.txt"
    if not path.exists():
        pytest.skip(f"seed article not found at {path}")
    return path
