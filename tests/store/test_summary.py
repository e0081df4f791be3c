"""The claim counts' summary rows (store/summary.py) agree with counting the claims, after every
kind of write, on SQLite and PostgreSQL (the `store` and `store_url` fixtures run both)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select, text

from claimgraph.store import ClaimFilter, Store
from claimgraph.store.conditions import claim_conditions
from claimgraph.store.engine import make_engine
from claimgraph.store.migrations import MIGRATIONS, migrate
from claimgraph.store import rows
from claimgraph.store.schema import claim_counts, claims, documents
from claimgraph.store.summary import counted_claims, counts_answer
from tests.store.factories import make_claim, make_document, make_event, make_origin

FILTERS = [
    ClaimFilter(),
    ClaimFilter(status="denied"),
    ClaimFilter(status="reported", side="Ukraine"),
    ClaimFilter(event_type="casualties"),
    ClaimFilter(side="Russia", date_from="2024-08-06"),
    ClaimFilter(date_to="2024-08-06"),
    ClaimFilter(status="reported", date_from="2024-08-01", date_to="2024-08-31"),
]


def varied_ledger(store: Store) -> list:
    """Documents whose claims differ in status, type, side and date (some with none)."""
    stored = []
    for number, (published, side) in enumerate([("2024-08-05", "Ukraine"), ("2024-08-07", "Russia"), (None, None)]):
        doc = make_document(f"Dispatch {number}: the depot burned and the governor denied it.", published=published)
        origin = [make_origin(side=side)] if side else []
        found = [make_claim(doc, 0, source_chain=origin, time=None),
                 make_claim(doc, 1, status="denied", event_type="casualties", source_chain=origin),
                 make_claim(doc, 2, status="hedged", source_chain=[], time=None)]
        store.add_document(doc, found)
        stored.append((doc, found))
    return stored


def summed_and_scanned(store: Store, filters: ClaimFilter) -> tuple[int, int]:
    with store.engine.connect() as conn:
        summed = conn.scalar(counted_claims(filters))
        scanned = conn.scalar(select(func.count()).select_from(claims).where(*claim_conditions(filters, store.dialect)))
    return summed, scanned


def assert_rows_agree(store: Store) -> None:
    for filters in FILTERS:
        summed, scanned = summed_and_scanned(store, filters)
        assert summed == scanned, filters


def test_summary_counts_claims_as_they_are_stored(store):
    varied_ledger(store)
    assert_rows_agree(store)
    assert summed_and_scanned(store, ClaimFilter()) == (9, 9)
    assert store.count_claims(ClaimFilter(status="denied")) == 3
    assert store.stats()["claims"]["hedged"] == 3


def test_summary_rows_hold_through_relinking(store):
    (_, first), (_, second), _ = varied_ledger(store)
    store.save_events([make_event("e1", claims=first), make_event("e2", claims=second[:1])])
    store.replace_events([make_event("e3", claims=first[:2] + second)])
    assert_rows_agree(store)
    assert store.count_claims(ClaimFilter(event_id="e3")) == 5


def test_summary_rows_follow_raw_sql_deletes_and_updates(store):
    (doc, _), _, _ = varied_ledger(store)
    with store.engine.begin() as conn:  # bypassing the Store: the triggers still count
        conn.execute(text("DELETE FROM documents WHERE id = :id"), {"id": doc.id})  # its claims cascade
        conn.execute(text("UPDATE claims SET status = 'confirmed', origin_side = NULL WHERE status = 'denied'"))
    assert_rows_agree(store)
    assert summed_and_scanned(store, ClaimFilter(status="confirmed")) == (2, 2)
    assert summed_and_scanned(store, ClaimFilter()) == (6, 6)


def test_summary_rows_are_filled_when_an_older_ledger_migrates(store_url):
    engine = make_engine(store_url)
    migrate(engine, MIGRATIONS[:-1])  # a ledger from before the summary rows, holding claims
    with engine.begin() as conn:
        for number, status in enumerate(["denied", "denied", "hedged"]):
            doc = make_document(f"Older dispatch {number}.")
            conn.execute(insert(documents), rows.document_row(doc, "2024-08-09T00:00:00+00:00"))
            conn.execute(insert(claims), [rows.claim_row(make_claim(doc, status=status), doc, 0)])
    engine.dispose()
    with Store(store_url) as store:
        assert_rows_agree(store)
        assert summed_and_scanned(store, ClaimFilter(status="denied")) == (2, 2)


@pytest.mark.parametrize("filters, answered", [
    (ClaimFilter(status="denied", side="Russia", date_from="2024-01-01"), True),
    (ClaimFilter(source="the regional governor"), False),
    (ClaimFilter(q="bridge"), False),
    (ClaimFilter(bbox=(30, 40, 40, 60)), False),
    (ClaimFilter(event_id="e1"), False),
])
def test_summary_answers_only_the_filters_it_counts(filters, answered):
    assert counts_answer(filters) is answered


def test_summary_rows_count_nothing_once_every_claim_is_gone(store):
    varied_ledger(store)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM claims"))
        left = conn.execute(select(func.coalesce(func.sum(claim_counts.c.claims), 0))).scalar()
    assert left == 0 and store.count_claims(ClaimFilter(status="denied")) == 0
