"""kept_json: claims' and events' JSON as pydantic writes it, kept by the store until the ledger's next write."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimgraph.interfaces.api import AnyPage, create_app, with_context
from claimgraph.interfaces.kept_json import claims_json, events_json
from claimgraph.settings import Settings
from claimgraph.store import ClaimFilter


def _row(row):
    return row


def _row_and_members(row, members):
    return row, members


def test_kept_json_is_the_models_json(sample_store):
    with sample_store.reading():
        for _ in range(2):  # made, then kept
            claim_rows, event_rows = sample_store.claims(convert=_row), sample_store.events(convert=_row_and_members)
            assert claims_json(sample_store, claim_rows) == [c.model_dump_json() for c in sample_store.claims()]
            assert events_json(sample_store, event_rows) == [e.model_dump_json() for e in sample_store.events()]
    kept = {key for key in sample_store._kept.entries if key[0] in ("claim", "event")}
    assert len(kept) == len(sample_store.claims()) + len(sample_store.events())


def test_kept_json_of_a_page_is_made_once(sample_store):
    claim_rows = sample_store.claims(convert=_row)
    made = []
    with sample_store.reading():
        first = claims_json(sample_store, claim_rows)
        sample_store.kept_many = lambda keys, compute: made.append(keys) or compute(keys)  # nothing kept from here
        claims_json(sample_store, claim_rows)
    assert len(made) == 1 and len(made[0]) == len(claim_rows) == len(first)  # one look-up for the page


def test_kept_json_follows_a_write(fresh_store):
    def event_json():
        return events_json(fresh_store, [fresh_store.get_event("e-bridge", convert=_row_and_members)])[0]

    before = event_json()
    fresh_store.set_assessment("e-bridge", {"status": "disputed", "note": "seen twice"})
    after = event_json()
    assert '"assessment":null' in before and '"note":"seen twice"' in after
    assert after == fresh_store.get_event("e-bridge").model_dump_json()


def test_kept_json_page_is_the_page_pydantic_writes(sample_store):
    client = TestClient(create_app(sample_store, Settings.load(), cache_seconds=0))
    for params in ({}, {"limit": 2, "offset": 1}, {"status": "reported"}, {"q": "nothing-matches-this"}):
        for context in (False, True):
            filters = ClaimFilter(**{k: v for k, v in params.items() if k not in ("limit", "offset")})
            page = {"limit": params.get("limit", 50), "offset": params.get("offset", 0)}
            items = sample_store.claims(filters, **page)
            expected = AnyPage(total=sample_store.count_claims(filters), **page,
                               items=with_context(sample_store, items) if context else items)
            response = client.get("/api/claims", params={**params, "context": context})
            assert response.content == expected.model_dump_json().encode()
    event_page = AnyPage(total=len(sample_store.events()), items=sample_store.events(), limit=50, offset=0)
    assert client.get("/api/events").content == event_page.model_dump_json().encode()


def test_kept_json_of_a_claim_by_id_with_and_without_context(sample_store):
    client = TestClient(create_app(sample_store, Settings.load(), cache_seconds=0))
    for claim in sample_store.claims():
        assert client.get(f"/api/claims/{claim.id}").content == claim.model_dump_json().encode()
        in_context = with_context(sample_store, [claim])[0].model_dump_json().encode()
        assert client.get(f"/api/claims/{claim.id}", params={"context": "true"}).content == in_context
