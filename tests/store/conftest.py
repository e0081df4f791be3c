"""The `store` fixture: one test suite, run on SQLite and (marked `postgres`) on PostgreSQL
(the `store_url` fixture, in tests/conftest.py)."""

from __future__ import annotations

import pytest

from claimgraph.store import Store


@pytest.fixture
def store(store_url):
    with Store(store_url) as opened:
        yield opened
