"""Fixtures for the interface tests: the sample ledger (tests/interfaces/ledger.py) in a
temporary SQLite file, and apps over it."""

from __future__ import annotations

import pytest

from tests.interfaces import ledger


def open_ledger(path, with_hostile: bool = False):
    from claimgraph.store import Store

    store = Store(f"sqlite:///{path}")
    ledger.fill(store, with_hostile=with_hostile)
    return store


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    store = open_ledger(tmp_path_factory.mktemp("ledger") / "sample.db")
    yield store
    store.close()


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    store = open_ledger(tmp_path_factory.mktemp("ledger") / "hostile.db", with_hostile=True)
    yield store
    store.close()


@pytest.fixture
def fresh_store(tmp_path):
    store = open_ledger(tmp_path / "fresh.db")
    yield store
    store.close()
