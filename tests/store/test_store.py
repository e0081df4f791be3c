"""Store behaviours, run on SQLite and PostgreSQL (see conftest.py)."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import IntegrityError

from claimgraph.model import TimeSpan
from claimgraph.store import ClaimFilter, EventFilter, Store
from claimgraph.store.engine import make_engine
from claimgraph.store.migrations import MIGRATIONS, SCHEMA_VERSION, migrate
from claimgraph.store.schema import events
from claimgraph.store.store import MAX_ROWS
from tests.store.factories import make_claim, make_document, make_event, make_origin, make_place, stored_pair

FAR_TEXT = "Shelling near Eastbury damaged a school, residents reported."


def far_pair(store):
    """A second document: other place, date, status, type and origin than `stored_pair`."""
    doc = make_document(FAR_TEXT, title="Eastbury report", published="2024-08-09")
    claim = make_claim(doc, text="Shelling damaged a school", status="hedged", event_type="civilian_harm",
                       places=[make_place("Eastbury", lat=48.0, lon=38.0)], time=None,
                       source_chain=[make_origin("residents", None, kind="witness", side="Russia")])
    store.add_document(doc, [claim])
    return doc, claim


def test_store_document_round_trip(store):
    copy = {"url": "https://mirror.test/b", "outlet": "Mirror", "origin": "mirror.jsonl#line 4"}
    doc = make_document(copies=[copy])
    store.add_document(doc, [])
    assert store.get_document(doc.id) == doc
    assert store.has_document(doc.id)
    assert store.get_document("missing") is None and not store.has_document("missing")


def test_store_claim_round_trip(store):
    doc, claim = stored_pair(store)
    assert store.get_claim(claim.id) == claim
    assert store.claims() == [claim]
    assert list(store.all_claims()) == [claim]


def test_store_event_round_trip_links_members(store):
    doc, claim = stored_pair(store)
    event = make_event(claims=[claim], assessment={"note": "plausible"})
    store.save_events([event])
    assert store.get_event("e1") == event
    assert store.get_claim(claim.id).event_id == "e1"
    assert list(store.unlinked_claims()) == []


def test_store_add_document_is_idempotent(store):
    doc = make_document()
    assert store.add_document(doc, [make_claim(doc)]) is True
    assert store.add_document(doc, [make_claim(doc)]) is False
    assert store.count_claims(ClaimFilter()) == 1
    assert store.get_document(doc.id).copies == []  # same origin again: not a copy


def test_store_add_document_records_each_copy_once(store):
    doc = make_document()
    store.add_document(doc, [])
    copy = doc.model_copy(update={"url": "https://mirror.test/a", "outlet": "Mirror", "origin": "feed.xml#record 2"})
    assert store.add_document(copy, []) is False
    store.add_document(copy, [])
    assert store.get_document(doc.id).copies == [
        {"url": "https://mirror.test/a", "outlet": "Mirror", "origin": "feed.xml#record 2"}]
    assert store.stats()["duplicates"] == 1


def test_store_add_document_is_one_transaction(store):
    doc = make_document()
    twice = [make_claim(doc, 0), make_claim(doc, 0)]  # same claim id: the second insert fails
    with pytest.raises(IntegrityError):
        store.add_document(doc, twice, signature=b"sig")
    assert not store.has_document(doc.id)
    assert store.sources() == [] and list(store.signatures()) == []


def test_store_signatures_stream_back(store):
    doc = make_document()
    store.add_document(doc, [], signature=b"\x00\x01minhash")
    assert list(store.signatures()) == [(doc.id, b"\x00\x01minhash")]


def test_store_sources_merge_names_and_count_claims(store):
    doc, _ = stored_pair(store)
    other = make_document("Another text about the bridge, officials said.")
    relabelled = make_origin("the governor's office", kind=None, side=None)
    store.add_document(other, [make_claim(other, source_chain=[relabelled])])
    source = store.get_source("North Oblast Administration")
    assert source.names == ["the regional governor", "the governor's office"]
    assert (source.kind, source.side, source.claims) == ("official", "Ukraine", 2)
    assert [s.canonical for s in store.sources()] == ["North Oblast Administration"]


@pytest.mark.parametrize(("filters", "expected"), [
    (ClaimFilter(status="hedged"), ["far"]),
    (ClaimFilter(event_type="strike"), ["near"]),
    (ClaimFilter(source="north oblast administration"), ["near"]),
    (ClaimFilter(source="Residents"), ["far"]),  # no canonical: matched by name
    (ClaimFilter(side="Russia"), ["far"]),
    (ClaimFilter(date_from="2024-08-06"), ["far"]),  # far has no time: its document's date
    (ClaimFilter(date_to="2024-08-05"), ["near"]),
    (ClaimFilter(bbox=(37.5, 47.5, 38.5, 48.5)), ["far"]),
    (ClaimFilter(bbox="34,50,36,52"), ["near"]),
    (ClaimFilter(q="schools"), ["far"]),  # stemmed
    (ClaimFilter(q="bridge Monday"), ["near"]),
    (ClaimFilter(q="bridge school"), []),  # every word must occur
    (ClaimFilter(q="bridge", status="hedged"), []),  # full text with another filter
    (ClaimFilter(q='(bridge* -"Monday:'), ["near"]),  # query syntax is not interpreted
    (ClaimFilter(), ["near", "far"]),
])
def test_store_claim_filters_select(store, filters, expected):
    near = stored_pair(store)[1]
    far = far_pair(store)[1]
    names = {near.id: "near", far.id: "far"}
    assert [names[c.id] for c in store.claims(filters)] == expected
    assert store.count_claims(filters) == len(expected)


def test_store_claim_filters_by_document_and_event(store):
    doc, claim = stored_pair(store)
    far_pair(store)
    store.save_events([make_event(claims=[claim])])
    assert store.claims(ClaimFilter(document_id=doc.id)) == store.claims(ClaimFilter(event_id="e1"))
    assert [c.id for c in store.claims(ClaimFilter(event_id="e1"))] == [claim.id]


@pytest.mark.parametrize("bad", [
    dict(status="rumoured"), dict(event_type="battle"), dict(side="Atlantis"),
    dict(date_from="09/08/2024"), dict(date_from="2024-08-09", date_to="2024-08-01"),
    dict(bbox=(1, 2, 3)), dict(bbox="a,b,c,d"), dict(bbox=(10, 0, 5, 1)), dict(bbox=(0, -91, 1, 0)),
    dict(q="?!"),
])
def test_store_filters_reject_bad_values(bad):
    with pytest.raises(ValueError, match=next(iter(bad))):
        ClaimFilter(**bad)


def test_store_event_filter_takes_event_statuses():
    assert EventFilter(status="disputed").status == "disputed"
    with pytest.raises(ValueError, match="status"):
        EventFilter(status="hedged")


def test_store_pagination_is_stable(store):
    doc = make_document()
    store.add_document(doc, [make_claim(doc, i, time=None) for i in range(12)])
    pages = [store.claims(limit=5, offset=offset) for offset in (0, 5, 10)]
    assert [c.id for page in pages for c in page] == [f"{doc.id}:{i}" for i in range(12)]
    with pytest.raises(ValueError, match="negative"):
        store.claims(limit=-1)


@pytest.mark.parametrize(("filters", "expected"), [
    (EventFilter(status="disputed"), ["e2"]),
    (EventFilter(event_type="strike"), ["e1"]),
    (EventFilter(date_from="2024-08-08", date_to="2024-08-08"), ["e1"]),  # inside e1's span
    (EventFilter(date_from="2024-08-10"), ["e2"]),
    (EventFilter(bbox=(37, 47, 39, 49)), ["e2"]),
    (EventFilter(source="Residents"), ["e2"]),
    (EventFilter(side="Ukraine"), ["e1"]),
    (EventFilter(q="school"), ["e2"]),
    (EventFilter(), ["e1", "e2"]),
])
def test_store_event_filters_select(store, filters, expected):
    near, far = stored_pair(store)[1], far_pair(store)[1]
    store.save_events([
        make_event("e1", [near]),
        make_event("e2", [far], status="disputed", event_type="civilian_harm", first_seen="2024-08-10",
                   last_seen=None, places=[make_place("Eastbury", lat=48.0, lon=38.0)]),
    ])
    assert [e.id for e in store.events(filters)] == expected
    assert store.count_events(filters) == len(expected)


def test_store_save_events_unlinks_dropped_claims_and_keeps_assessment(store):
    near, far = stored_pair(store)[1], far_pair(store)[1]
    store.save_events([make_event("e1", [near, far])])
    store.set_assessment("e1", {"analyst": "kb", "note": "two sides agree"})
    store.save_events([make_event("e1", [near], summary="Bridge hit")])
    assert store.get_claim(far.id).event_id is None
    assert [c.id for c in store.unlinked_claims()] == [far.id]
    assert store.get_event("e1").assessment == {"analyst": "kb", "note": "two sides agree"}


def test_store_replace_events_drops_old_events(store):
    near, far = stored_pair(store)[1], far_pair(store)[1]
    store.save_events([make_event("e1", [near]), make_event("e2", [far])])
    store.replace_events([make_event("e3", [far])])
    assert [e.id for e in store.all_events()] == ["e3"]
    assert (store.get_claim(near.id).event_id, store.get_claim(far.id).event_id) == (None, "e3")


def test_store_set_assessment_needs_an_event(store):
    with pytest.raises(KeyError, match="e404"):
        store.set_assessment("e404", {"note": "x"})


def test_store_documents_search_and_page(store):
    doc, _ = stored_pair(store)
    far_doc, _ = far_pair(store)
    assert [d.id for d in store.documents(q="Northford")] == [doc.id]
    assert [d.id for d in store.documents(q="report residents")] == [far_doc.id]  # title and text together
    assert len(store.documents(limit=1)) == 1 and len(list(store.all_documents())) == 2


def test_store_failures_and_stats(store):
    stored_pair(store)
    store.record_failure("bad.warc#record 3", "truncated record")
    assert [str(f) for f in store.failures()] == ["bad.warc#record 3: truncated record"]
    stats = store.stats()
    assert (stats["documents"], stats["sources"], stats["failures"]) == (1, 1, 1)
    assert stats["claims"]["reported"] == 1 and stats["events"]["claimed"] == 0


def test_store_claim_date_falls_back_to_published(store):
    unresolved = TimeSpan(text="recently", note="no anchor")
    doc, claim = stored_pair(store, time=unresolved)
    assert store.claims(ClaimFilter(date_from="2024-08-09", date_to="2024-08-09")) == [claim]


def test_store_migrations_recorded(store_url):
    with Store(store_url) as store:
        assert store.migrations == [m.__name__ for m in MIGRATIONS]
        assert store.schema_version == SCHEMA_VERSION
    with Store(store_url) as reopened:  # reopening applies nothing twice
        assert reopened.schema_version == SCHEMA_VERSION


def test_store_opening_an_older_database_migrates_it(store_url):
    engine = make_engine(store_url)
    migrate(engine, MIGRATIONS[:1])  # a database from before full-text search
    engine.dispose()
    with Store(store_url) as old:
        doc, claim = stored_pair(old)
    with Store(store_url) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.claims(ClaimFilter(q="bridge")) == [claim]


def test_store_migration_counts_source_claims_of_an_older_database(store_url):
    with Store(store_url) as old:
        stored_pair(old)
        with old.engine.begin() as conn:  # as before migration 4: no count column
            conn.execute(text("ALTER TABLE sources DROP COLUMN claims"))
            conn.execute(text("DELETE FROM migrations WHERE name = 'add_source_claim_counts'"))
    with Store(store_url) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [s.claims for s in store.sources()] == [1]


def test_store_sqlite_uses_wal_and_foreign_keys(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'wal.db'}") as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() > 0


def test_store_claim_without_origin_is_authors_voice(store):
    doc = make_document()
    claim = make_claim(doc, source_chain=[], status="asserted")
    store.add_document(doc, [claim])
    assert store.sources() == []
    assert store.claims(ClaimFilter(status="asserted")) == [claim]


def test_store_in_memory_streams_allow_nested_calls():
    with Store("sqlite://") as store:
        doc, claim = stored_pair(store)
        assert [(c.id, store.get_document(c.document_id).id) for c in store.all_claims()] == [(claim.id, doc.id)]
        assert [d.id for d in store.all_documents()] == [doc.id]


def test_store_in_memory_is_one_database_for_all_threads():
    def add(number: int) -> None:
        doc = make_document(f"Report number {number} from the front.")
        store.add_document(doc, [make_claim(doc)])

    with Store("sqlite://") as store, ThreadPoolExecutor(4) as pool:
        list(pool.map(add, range(20)))
        assert list(pool.map(lambda _: store.count_claims(), range(4))) == [20] * 4


def test_store_save_events_with_no_members_unlinks_all(store):
    near = stored_pair(store)[1]
    store.save_events([make_event("e1", [near])])
    store.save_events([make_event("e1", [], contradictions=[], history=[])])
    assert store.get_claim(near.id).event_id is None and store.get_event("e1").claims == []


def test_store_claim_event_id_is_set_only_by_save_events(store):
    doc = make_document()
    claim = make_claim(doc, event_id="e9")  # e.g. re-imported from an export; e9 is not stored
    store.add_document(doc, [claim])
    assert store.get_claim(claim.id).event_id is None
    store.save_events([make_event("e9", [claim])])
    assert store.get_claim(claim.id) == claim


def test_store_source_filter_merges_canonical_and_written_names_in_list_order(store):
    doc = make_document("Five claims, five days.")

    def said_by(idx: int, name: str, canonical: str | None, status: str = "reported"):
        day = TimeSpan(text=f"August {idx + 1}", start=f"2024-08-0{idx + 1}", resolved=True)
        return make_claim(doc, idx, time=day, status=status, source_chain=[make_origin(name, canonical)])

    by_canonical = said_by(0, "a reporter", "Harbour Times")
    by_name = said_by(1, "Harbour Times", "Other Outlet")
    other = said_by(2, "a reporter", "Other Outlet")
    by_both = said_by(3, "harbour times", None)  # no canonical: its origin is the name
    hedged = said_by(4, "Harbour Times", "Harbour Times", status="hedged")
    store.add_document(doc, [by_canonical, by_name, other, by_both, hedged])
    wanted = ClaimFilter(source="HARBOUR times")
    expected = [by_canonical.id, by_name.id, by_both.id, hedged.id]  # each once, oldest first
    assert [c.id for c in store.claims(wanted)] == expected
    assert [c.id for offset in range(5) for c in store.claims(wanted, limit=1, offset=offset)] == expected
    assert store.count_claims(wanted) == 4
    assert store.claims(ClaimFilter(source="Harbour Times", status="hedged")) == [hedged]


def test_store_full_text_matching_many_claims_reads_them_in_list_order(store, monkeypatch):
    monkeypatch.setattr("claimgraph.store.store.MANY_MATCHES", 0)  # every search reads claims in list order
    monkeypatch.setattr("claimgraph.store.store.WALK_SHARE", 1e9)
    near = stored_pair(store)[1]
    other = make_document("A second bridge was hit on Tuesday, officials said.", published="2024-08-09")
    later = make_claim(other, text="A second bridge was hit", time=None)
    store.add_document(other, [later])
    assert store.claims(ClaimFilter(q="bridge")) == [near, later]
    assert store.claims(ClaimFilter(q="bridge"), limit=1, offset=1) == [later]


def test_store_full_text_follows_claims_changed_by_raw_sql(store_url, monkeypatch):
    """Triggers keep the search in step with any write, also on a database migrated from
    before the search keys (migration 7)."""
    engine = make_engine(store_url)
    migrate(engine, MIGRATIONS[:6])
    engine.dispose()
    with Store(store_url) as old:
        doc, claim = stored_pair(old)
    with Store(store_url) as store:
        added = make_document("Drones hit a depot near Eastbury.", published="2024-08-10")
        store.add_document(added, [make_claim(added, text="Drones hit a depot", time=None)])
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE claims SET text = 'A ferry sank' WHERE id = :id"), {"id": claim.id})
            conn.execute(text("DELETE FROM claims WHERE document_id = :id"), {"id": added.id})
        for many, walk_share in ((2000, 0), (0, 1e9)):  # matches looked up, claims read in list order
            monkeypatch.setattr("claimgraph.store.store.MANY_MATCHES", many)
            monkeypatch.setattr("claimgraph.store.store.WALK_SHARE", walk_share)
            assert [c.id for c in store.claims(ClaimFilter(q="ferry"))] == [claim.id]
            assert store.claims(ClaimFilter(q="bridge")) == store.claims(ClaimFilter(q="drones")) == []
        counted = {q: store.count_claims(ClaimFilter(q=q)) for q in ("ferry", "bridge", "drones")}
        assert counted == {"ferry": 1, "bridge": 0, "drones": 0}  # counted apart from the claims (PostgreSQL)


def indexes_after_migrating(store_url: str, applied: int) -> set[str]:
    """Index names of a database made by the first ``applied`` migrations, then opened (migrated)."""
    engine = make_engine(store_url)
    migrate(engine, MIGRATIONS[:applied])
    engine.dispose()
    with Store(store_url) as store, store.engine.connect() as conn:
        listed = ("SELECT name FROM sqlite_master WHERE type = 'index'" if store.dialect == "sqlite" else
                  "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        return set(conn.scalars(text(listed)))  # (expression indexes are not reflected on SQLite)


def test_store_list_indexes_replace_the_narrow_ones(store_url):
    names = indexes_after_migrating(store_url, 5)  # a database from before migration 6
    assert {"claims_order", "claims_origin_keys", "claims_origin_name_keys", "claims_side_order",
            "events_point_seen"} <= names
    assert not names & {"claims_date", "claims_origin_lower", "claims_side_date", "events_point",
                        "claims_origin_order", "claims_origin_name_order"}


def test_store_event_members_are_read_from_claims(store):
    near, far = stored_pair(store)[1], far_pair(store)[1]
    store.save_events([make_event("e1", [near, far])])
    store.save_events([make_event("e2", [far])])  # a later step moved `far`; e1 was not rewritten
    assert (store.get_event("e1").claims, store.get_event("e2").claims) == ([near.id], [far.id])
    assert {e.id: e.claims for e in store.all_events()} == {"e1": [near.id], "e2": [far.id]}
    assert [e.claims for e in store.events(EventFilter())] == [[near.id], [far.id]]


def test_store_linking_steps_run_one_at_a_time(store_url):
    """A second linking step (another Store, as another process has) starts only when the
    first has committed, and then sees what it wrote."""
    first_done, seen = threading.Event(), {}

    def second_step() -> None:
        with Store(store_url) as other, other.linking():
            seen["first done"] = first_done.is_set()
            seen["events"] = [e.id for e in other.all_events()]

    with Store(store_url) as store:
        near = stored_pair(store)[1]
        with store.linking():
            second = threading.Thread(target=second_step)
            second.start()
            time.sleep(0.5)  # time for the second step to reach the lock (it must wait there)
            store.save_events([make_event("e1", [near])])
            first_done.set()
        second.join(timeout=60)
    assert seen == {"first done": True, "events": ["e1"]}


def test_store_linking_step_that_fails_writes_nothing(store):
    near = stored_pair(store)[1]
    with pytest.raises(RuntimeError), store.linking():
        store.save_events([make_event("e1", [near])])
        raise RuntimeError("linking bug")
    assert list(store.all_events()) == [] and store.get_claim(near.id).event_id is None


def test_store_migration_keeps_one_list_of_members(store_url):
    """A ledger written before: each event held its own copy of its member list, and events
    left by linkers that wrote over each other had none."""
    with Store(store_url) as store:
        near = stored_pair(store)[1]
        store.save_events([make_event("e1", [near]), make_event("e2", [])])
        with store.engine.begin() as conn:
            old = {**make_event("e1", [near]).to_json()}
            conn.execute(events.update().where(events.c.id == "e1").values(data=old))
            conn.execute(text("DELETE FROM migrations WHERE name = 'derive_event_members'"))
    with Store(store_url) as store, store.engine.connect() as conn:
        assert [e.id for e in store.all_events()] == ["e1"]
        assert "claims" not in json.loads(conn.scalar(select(events.c.data)))
        assert store.get_event("e1").claims == [near.id]


def test_store_builds_a_statement_once_per_shape_and_runs_it_with_each_requests_values(store):
    _, near = stored_pair(store)
    _, far = far_pair(store)
    for status, found in (("reported", [near]), ("hedged", [far]), ("denied", [])):
        assert store.claims(ClaimFilter(status=status)) == found
    for source, found in (("north oblast administration", [near]), ("RESIDENTS", [far]), ("nobody", [])):
        assert store.claims(ClaimFilter(source=source)) == found  # canonical name or as written: a UNION
    assert store.claims(ClaimFilter(status="hedged"), limit=1, offset=1) == []
    assert store.claims(ClaimFilter(source="residents"), limit=1, offset=1) == []
    assert [shape for shape in store._statements if shape[0] == "claims"] == [("claims", "status"), ("claims", "source")]


def test_store_paging_at_the_integer_limit(store):
    stored_pair(store)
    assert store.claims(limit=50, offset=MAX_ROWS - 50) == [] and store.events(offset=MAX_ROWS - 50) == []
    assert store.documents(limit=1, offset=MAX_ROWS - 1) == [] and store.sources(offset=MAX_ROWS - 50) == []
    assert store.claims(ClaimFilter(source="the regional governor"), offset=MAX_ROWS - 50) == []
    with pytest.raises(ValueError, match="at most"):
        store.claims(ClaimFilter(status="reported", source="x"), limit=50, offset=2**63)


def test_store_record_copy_only_for_somewhere_new(store):
    doc = make_document()
    store.add_document(doc, [])
    assert store.record_copy(doc) is False  # the same file read again
    elsewhere = doc.model_copy(update={"origin": "mirror/a.txt", "url": "https://mirror.test/a"})
    assert store.record_copy(elsewhere) is True and store.record_copy(elsewhere) is False
    assert [copy["origin"] for copy in store.get_document(doc.id).copies] == ["mirror/a.txt"]
    assert store.documents_by_id([doc.id], convert=lambda row: (row.id, row.text)) == [(doc.id, doc.text)]


def test_store_counts_are_kept_until_the_ledger_is_written(store_url):
    with Store(store_url) as reader, Store(store_url) as writer:  # as two API processes would
        stored_pair(writer)
        assert reader.stats()["documents"] == reader.count_claims() == 1
        scans = []
        counting = reader._count
        reader._count = lambda *args: scans.append(args) or counting(*args)
        assert reader.stats()["documents"] == reader.count_claims() == 1
        assert scans == []  # nothing written since: nothing counted again
        far_pair(writer)
        assert reader.stats()["documents"] == reader.count_claims() == 2
        assert reader.count_claims(ClaimFilter(status="hedged")) == 1 and scans


def test_store_stats_are_a_copy(store):
    stored_pair(store)
    store.stats()["claims"]["reported"] = 99
    assert store.stats()["claims"]["reported"] == 1


def test_store_member_index_replaces_the_event_index(store_url):
    names = indexes_after_migrating(store_url, 11)  # a database from before migration 12
    assert "claims_event_order" in names and "claims_event" not in names
    with Store(store_url) as store, store.engine.connect() as conn:
        assert conn.scalar(text("SELECT version FROM ledger_version")) == 0


def test_store_event_members_follow_writes_and_are_copies(store_url):
    with Store(store_url) as reader, Store(store_url) as writer:
        doc, claim = stored_pair(writer)
        writer.save_events([make_event(claims=[claim])])
        first = reader.get_event("e1")
        first.claims.append("not a claim")
        assert reader.events()[0].claims == [claim.id]  # kept, and not the list handed out
        far_doc, far_claim = far_pair(writer)
        writer.save_events([make_event(claims=[claim, far_claim])])
        assert reader.get_event("e1").claims == [claim.id, far_claim.id]


def test_store_reading_reads_through_one_connection(store):
    doc, claim = stored_pair(store)
    store.save_events([make_event(claims=[claim])])
    taken = []
    event.listen(store.engine.pool, "checkout", lambda *_: taken.append(1))
    with store.reading():
        assert store.count_claims(ClaimFilter(status="reported")) == 1 and [c.id for c in store.claims()] == [claim.id]
        assert store.events()[0].claims == [claim.id] and store.stats()["events"]["claimed"] == 1
        assert store.get_document(doc.id) is not None
    assert len(taken) == 1
    store.count_claims(ClaimFilter(side="Ukraine"))
    assert len(taken) >= 3  # outside: one per read (the version, the count)


def test_store_reading_reads_one_snapshot_and_the_version_once(store_url):
    with Store(store_url) as reader, Store(store_url) as writer:  # as two API processes would
        stored_pair(writer)
        versions = []
        event.listen(reader.engine, "before_cursor_execute",
                     lambda _conn, _cursor, sql, *_: versions.append(sql) if "ledger_version" in sql else None)
        with reader.reading():
            assert reader.count_claims() == 1
            far_pair(writer)  # committed while the request reads
            assert reader.count_claims(ClaimFilter(status="hedged")) == 0 and len(reader.claims()) == 1
            assert reader.stats()["documents"] == 1 and len(versions) == 1
        assert reader.count_claims(ClaimFilter(status="hedged")) == 1 and len(reader.claims()) == 2


def test_store_event_pages_follow_writes_in_both_orders(store):
    """Unfiltered pages of events are slices of each list order kept until the next write."""
    store.save_events([make_event("e-mid", first_seen="2024-08-05", last_seen="2024-08-06"),
                       make_event("e-late", first_seen="2024-08-07", last_seen="2024-08-09")])
    assert [e.id for e in store.events()] == ["e-mid", "e-late"]
    assert [e.id for e in store.events(newest_first=True, limit=1)] == ["e-late"]
    store.save_events([make_event("e-early", first_seen="2024-08-01", last_seen="2024-08-10")])
    assert [e.id for e in store.events(limit=2, offset=0)] == ["e-early", "e-mid"]
    assert [e.id for e in store.events(newest_first=True)] == ["e-early", "e-late", "e-mid"]
    assert [e.id for e in store.events(offset=2)] == ["e-late"] and store.events(offset=3) == []
