"""PostgreSQL-only behaviours.  The shared suite (test_store.py) also runs on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from claimgraph.store import ClaimFilter, Store
from claimgraph.store.engine import make_engine
from claimgraph.store.migrations import MIGRATIONS, migrate
from tests.store.factories import make_claim, make_document

pytestmark = pytest.mark.postgres


def test_postgres_url_uses_psycopg3(postgres_url):
    engine = make_engine(postgres_url)
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    engine.dispose()


def test_postgres_full_text_uses_gin_indexes(postgres_url):
    with Store(postgres_url) as store, store.engine.connect() as conn:
        found = conn.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                                  "AND indexname LIKE '%text_search'")).all()
        vector = conn.scalar(text("SELECT generation_expression FROM information_schema.columns "
                                  "WHERE table_schema = current_schema() AND column_name = 'search_vector'"))
    indexed = dict(found)
    assert sorted(indexed) == ["claims_text_search", "documents_text_search"]
    assert "gin" in indexed["documents_text_search"] and "to_tsvector('english'" in indexed["documents_text_search"]
    assert "gin (search_vector)" in indexed["claims_text_search"] and "to_tsvector('english'" in vector


def test_postgres_search_of_few_matches_sorts_the_matches(postgres_url):
    """Words common alone but rare together: the page is sorted from the matches the index
    finds, fenced off (OFFSET) from a read of every claim in list order, testing each, which
    the planner chose on the 100k-claim bench ledger (1.9 s for no match)."""
    sent = []
    with Store(postgres_url) as store:
        event.listen(store.engine, "before_cursor_execute", lambda _c, _k, statement, *_: sent.append(statement))
        doc = make_document("The depot burned. Satellite images show a bridge.")
        store.add_document(doc, [make_claim(doc, 0, text="The depot burned"),
                                 make_claim(doc, 1, text="Satellite images show a bridge")])
        assert [c.id for c in store.claims(ClaimFilter(q="satellite bridge"))] == [f"{doc.id}:1"]
        assert store.claims(ClaimFilter(q="depot bridge")) == []
        assert [c.id for c in store.claims(ClaimFilter(q="bridge depot burned satellite"), offset=0)] == []
    fenced = [s for s in sent if "search_vector @@" in s and "FROM claims" in s and "count(" not in s]
    # the two searches no claim matches are answered by their count (0): no page is read
    assert len(fenced) == 1 and all(" OFFSET " in " ".join(statement.split()) for statement in fenced)


def test_postgres_source_indexes_hold_the_names_they_lower_case(postgres_url):
    """So a page of a source's claims is an index-only scan (migration 17), also on a database
    made before."""
    engine = make_engine(postgres_url)
    migrate(engine, MIGRATIONS[:16])
    engine.dispose()
    with Store(postgres_url) as store, store.engine.connect() as conn:
        found = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                                       "current_schema() AND indexname LIKE 'claims_origin%keys'")).all())
    assert found["claims_origin_keys"].endswith("INCLUDE (origin)")
    assert found["claims_origin_name_keys"].endswith("INCLUDE (origin_name)")


def test_postgres_search_counts_follow_writes_in_claim_words(postgres_url):
    with Store(postgres_url) as store:
        doc = make_document("The depot burned. Satellite images show a bridge.")
        store.add_document(doc, [make_claim(doc, 0, text="The depot burned"),
                                 make_claim(doc, 1, text="Satellite images show a bridge")])
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE claims SET text = 'The depot was hit' WHERE id = :id"), {"id": f"{doc.id}:0"})
            words = conn.scalar(text("SELECT count(*) FROM claim_words"))
        assert (words, store.count_claims(ClaimFilter(q="depot")), store.count_claims(ClaimFilter(q="burned"))) == (
            2, 1, 0)
