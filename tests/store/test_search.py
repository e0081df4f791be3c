"""Full-text search as Datasette sees it (a real Datasette app over a SQLite ledger), and the query
language, one for both databases: the same cases, the same answers."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette
from sqlalchemy import select

from claimgraph.store import ClaimFilter, Store
from claimgraph.store.schema import LEDGER_TABLES, claim_counts, claims, migrations
from claimgraph.store.search import claims_fts_keys, claims_matching, search_query
from claimgraph.store.store import CLAIM_ORDER
from tests.store.factories import make_claim, make_document

METADATA = Path(__file__).resolve().parents[2] / "claimgraph" / "store" / "data" / "datasette.yaml"
BRIDGE = "The bridge at Northford was hit on Monday, the governor said."
FERRY = "A ferry was damaged in the port of Eastbury on Tuesday, the port authority said."
DEPOT = "Drones struck a fuel depot near Westmark overnight, local officials said."


@pytest.fixture
def ledger(tmp_path) -> Path:
    """A SQLite ledger named as the metadata expects (Datasette names a database after its file)."""
    path = tmp_path / "claimgraph.db"
    with Store(str(path)) as store:
        for body, claim_text in ((BRIDGE, "The bridge at Northford was hit"), (FERRY, "A ferry was damaged"),
                                 (DEPOT, "Drones struck a fuel depot")):
            doc = make_document(body, title=claim_text)
            store.add_document(doc, [make_claim(doc, 0, text=claim_text)])
    return path


def datasette_rows(path: Path, query: str) -> list[dict]:
    """Rows Datasette's JSON API returns for ``query`` (a path under the database)."""
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))

    async def get() -> list[dict]:
        app = Datasette([str(path)], metadata=metadata)
        response = await app.client.get(f"/{path.stem}/{query}&_shape=array")
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(get())


def test_search_datasette_searches_claims_and_documents(ledger):
    assert [row["text"] for row in datasette_rows(ledger, "claims.json?_search=ferry")] == ["A ferry was damaged"]
    assert [row["title"] for row in datasette_rows(ledger, "documents.json?_search=drones")] == [
        "Drones struck a fuel depot"]
    assert len(datasette_rows(ledger, "claims.json?_search=said")) == 0  # claims hold no attribution words
    assert len(datasette_rows(ledger, "documents.json?_search=said")) == 3


def test_search_follows_deletes_and_vacuum(ledger):
    with sqlite3.connect(ledger, isolation_level=None) as conn:  # a gap in the rowids, then VACUUM
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM documents WHERE text = ?", (BRIDGE,))
        conn.execute("VACUUM")
    with Store(str(ledger)) as store:
        doc = make_document("A second ferry sank near Eastbury, the port authority said.", title="Ferry sank")
        store.add_document(doc, [make_claim(doc, 0, text="A second ferry sank")])
        ours = [c.text for c in store.claims(ClaimFilter(q="ferry"))]
    assert sorted(row["text"] for row in datasette_rows(ledger, "claims.json?_search=ferry")) == sorted(ours) == [
        "A ferry was damaged", "A second ferry sank"]
    assert datasette_rows(ledger, "claims.json?_search=bridge") == []


@pytest.mark.parametrize("walk, steps", [
    (False, ("SEARCH claims USING INTEGER PRIMARY KEY (rowid=?)", "USE TEMP B-TREE FOR ORDER BY")),
    (True, ("SCAN claims USING INDEX claims_order",)),
])
def test_search_sqlite_plans_test_claims_by_rowid(ledger, walk, steps):
    """The matches are claims' rowids: looked up one by one, or (walk) claims read in list
    order from their index, tested by the rowid it holds, unsorted and without a row read."""
    with Store(str(ledger)) as store, store.engine.connect() as conn:
        statement = (select(claims.c.id).where(claims_matching("sqlite", search_query("sqlite", "ferry"), walk=walk))
                     .order_by(*CLAIM_ORDER).limit(10))
        sql = str(statement.compile(store.engine, compile_kwargs={"literal_binds": True}))
        plan = [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
        assert [row[0] for row in conn.exec_driver_sql(sql)] == [c.id for c in store.claims(ClaimFilter(q="ferry"))]
    assert [step for step in plan if step.startswith(("SEARCH claims", "SCAN claims ", "USE TEMP"))] == list(steps)


def test_search_without_matches_reads_no_page(ledger):
    """Words that never occur together: the count (0) answers, no claims are looked for."""
    from sqlalchemy import event

    statements: list[str] = []
    with Store(str(ledger)) as store:
        event.listen(store.engine, "before_cursor_execute", lambda _c, _k, sql, *_: statements.append(sql))
        assert store.claims(ClaimFilter(q="ferry drones")) == []
        assert store.claims(ClaimFilter(q="ferry damaged")) != []
    pages = [sql for sql in statements if "LIMIT" in sql]
    assert len(pages) == 1 and "claims_fts" in pages[0]


def test_search_datasette_metadata_describes_every_column():
    described = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["claimgraph"]["tables"]
    tables = (*LEDGER_TABLES, claim_counts, migrations, claims_fts_keys)
    assert {name: set(table["columns"]) for name, table in described.items()} == {
        table.name: {column.name for column in table.columns} for table in tables}


TEXTS = {
    "count": "Officials said 1 drone and 12 shells hit the depot",
    "accent": "Crews in Čаčak and Niš cleared the road after the storm",
    "plain": "Crews in Nis cleared the road, residents said",
    "possessive": "Russia's ministry said its forces took the village",
    "hyphen": "A pro-Russian channel posted a video of the bridge",
    "or": "Residents fled or sheltered in basements overnight",
}
CASES = [
    ("' OR 1=1 --", ["count"]),  # no syntax: the word "1" (and "or", a stop word, left out)
    ("Niš", ["accent"]),  # accents kept: not "Nis"
    ("nis", ["plain"]),
    ("ŝ", []),
    ("Russia's", ["possessive"]),  # "s" is a stop word
    ("pro-Russian", ["hyphen"]),
    ("drones depot", ["count"]),  # stemmed, every word must occur
    ("sheltered OR fled", ["or"]),
    ('"bridge" NEAR video', []),  # NEAR is a word, not an operator
    ('"bridge" video', ["hyphen"]),
]


@pytest.fixture
def searchable(store):
    ids = {}
    for name, text in TEXTS.items():
        doc = make_document(f"{text}.")
        claim = make_claim(doc, text=text)
        store.add_document(doc, [claim])
        ids[claim.id] = name
    return store, ids


@pytest.mark.parametrize("q, expected", CASES)
def test_search_same_answers_on_both_databases(searchable, q, expected):
    store, names = searchable
    assert sorted(names[c.id] for c in store.claims(ClaimFilter(q=q))) == sorted(expected)
    assert store.count_claims(ClaimFilter(q=q)) == len(expected)
    assert store.count_documents(q) == len(expected)


@pytest.mark.parametrize("q", ["the", "' OR --", "it is what it is"])
def test_search_query_of_stop_words_only_is_refused(searchable, q):
    store, _ = searchable
    with pytest.raises(ValueError, match="no word to search for"):
        store.claims(ClaimFilter(q=q))
