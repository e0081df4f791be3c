"""PostgreSQL-only behaviours.  The shared suite (test_store.py) also runs on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from claimgraph.store import Store
from claimgraph.store.engine import make_engine

pytestmark = pytest.mark.postgres


def test_postgres_url_uses_psycopg3(postgres_url):
    engine = make_engine(postgres_url)
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    engine.dispose()


def test_postgres_full_text_uses_gin_indexes(postgres_url):
    with Store(postgres_url) as store, store.engine.connect() as conn:
        found = conn.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                                  "AND indexname LIKE '%text_search'")).all()
    assert sorted(name for name, _ in found) == ["claims_text_search", "documents_text_search"]
    assert all("gin" in definition and "to_tsvector('english'" in definition for _, definition in found)


def test_postgres_store_lives_in_the_url_schema(postgres_url):
    schema = postgres_url.rsplit("%3D", 1)[1]
    with Store(postgres_url) as store, store.engine.connect() as conn:
        tables = conn.scalars(text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s"),
                              {"s": schema}).all()
    assert {"documents", "claims", "events", "sources", "migrations"} <= set(tables)
