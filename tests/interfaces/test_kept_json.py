"""KeptJson: claims' and events' JSON as pydantic writes it, kept until the ledger's next write."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimgraph.interfaces.api import AnyPage, create_app, with_context
from claimgraph.interfaces.kept_json import KeptJson
from claimgraph.settings import Settings
from claimgraph.store import ClaimFilter


def test_kept_json_is_the_models_json(sample_store):
    kept = KeptJson(sample_store)
    with sample_store.reading():
        for _ in range(2):  # made, then kept
            assert sample_store.claims(convert=kept.claim) == [c.model_dump_json() for c in sample_store.claims()]
            assert sample_store.events(convert=kept.event) == [e.model_dump_json() for e in sample_store.events()]
    assert len(kept.entries) == len(sample_store.claims()) + len(sample_store.events())


def test_kept_json_follows_a_write(fresh_store):
    kept = KeptJson(fresh_store)
    before = fresh_store.get_event("e-bridge", convert=kept.event)
    fresh_store.set_assessment("e-bridge", {"status": "disputed", "note": "seen twice"})
    after = fresh_store.get_event("e-bridge", convert=kept.event)
    assert '"assessment":null' in before and '"note":"seen twice"' in after
    assert after == fresh_store.get_event("e-bridge").model_dump_json()


def test_kept_json_keeps_the_most_recently_used(sample_store):
    kept = KeptJson(sample_store, size=2)
    first, *others = sample_store.claims(convert=lambda row: row)
    kept.claim(first)
    for row in others:
        kept.claim(row)
        kept.claim(first)
    assert len(kept.entries) == 2 and ("claim", first.id) in kept.entries


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
