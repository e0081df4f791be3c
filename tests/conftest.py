"""Shared fixtures.  Everything here is written by the team; no third-party text.

`store_url` runs a test on SQLite and (marked `postgres`) on PostgreSQL.  PostgreSQL tests use
a fresh schema per test (via search_path in the URL), dropped afterwards; they are skipped, with
the reason shown, only when the server is unreachable.  Server URL: $CLAIMGRAPH_TEST_POSTGRES,
default postgresql://postgres@127.0.0.1:5432/test.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests (tests/strategies.py): 200 examples each in the suite; bench/fuzz.py runs them
# with the "fuzz" profile, many more, for as long as it is given.
settings.register_profile("suite", max_examples=200, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile("suite")

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


POSTGRES = os.environ.get("CLAIMGRAPH_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture
def postgres_url():
    yield from postgres_schema_url()


def postgres_schema_url():
    """A URL naming a fresh schema of the test server, dropped afterwards (a generator)."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(POSTGRES, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES}: {error}")
    schema = f"claimgraph_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(psycopg.sql.SQL("CREATE SCHEMA {}").format(psycopg.sql.Identifier(schema)))
        try:
            yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
        finally:
            admin.execute(psycopg.sql.SQL("DROP SCHEMA {} CASCADE").format(psycopg.sql.Identifier(schema)))
