"""Full-text search over claims and documents, one implementation per database.

SQLite: FTS5 tables (porter stemming) over ``claims.text`` and ``documents.title``/``text``,
kept in sync by triggers, so every write path (including raw SQL) stays searchable.  Since
migration 8 they are external-content tables in the sqlite-utils ``enable_fts`` shape
(``content="claims"``, an FTS row's rowid is its claim's rowid), which is how Datasette finds
a table's search and answers ``?_search=`` (``rowid in (select rowid from claims_fts where
claims_fts match ...)``).  Before, they were standalone copies with rowids of their own,
because SQLite's documentation allows VACUUM to renumber the implicit rowids of a table with a
text key; SQLite's VACUUM copies tables with their rowids (tested in tests/store), and were a
future release to renumber them, ``INSERT INTO claims_fts(claims_fts) VALUES('rebuild')``
re-aligns the index.  Table ``claims_fts_keys`` (migration 7) links a claim's id to its
``claims_fts`` rowid; since the rowids are the claims' own, searches (``claims_matching``) test
a claim's rowid and no longer read it (a match cost twice as much through its id, and a claim
read in list order a key lookup more); its triggers still keep it.

PostgreSQL: GIN indexes, on ``to_tsvector('english', ...)`` for documents (queries repeat the
indexed expression exactly so the planner uses the index) and on the stored column
``claims.search_vector`` for claims (migration 14).

Both read a query the same way, as ``store/data/search.yaml`` defines it: its words
(``search_words``), lower-cased, stop words left out, must all occur, after stemming; operators
and quotes are no syntax; letters keep their accents (SQLite's tokenizer keeps them since
migration 10, as PostgreSQL's english configuration does).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (Column, ColumnElement, Integer, MetaData, Select, String, Table, Text, func,
                        literal_column, select, text)
from sqlalchemy.engine import Connection

from claimgraph.rules import typed_rules
from claimgraph.store.schema import claims, documents

WORD = re.compile(r"\w+")
_fts = MetaData()  # not created by create_all: the DDL below is SQLite-specific
claims_fts = Table("claims_fts", _fts, Column("id", String), Column("text", Text))
documents_fts = Table("documents_fts", _fts, Column("id", String), Column("title", Text), Column("text", Text))
claims_fts_keys = Table("claims_fts_keys", _fts, Column("fts_rowid", Integer), Column("claim_id", String))

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE claims_fts USING fts5(id UNINDEXED, text, tokenize='porter unicode61')",
    "INSERT INTO claims_fts (id, text) SELECT id, text FROM claims",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
         INSERT INTO claims_fts (id, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
         DELETE FROM claims_fts WHERE id = old.id; END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
         UPDATE claims_fts SET text = new.text WHERE id = old.id; END""",
    "CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text, tokenize='porter unicode61')",
    "INSERT INTO documents_fts (id, title, text) SELECT id, title, text FROM documents",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
         INSERT INTO documents_fts (id, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
         DELETE FROM documents_fts WHERE id = old.id; END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
         UPDATE documents_fts SET title = new.title, text = new.text WHERE id = old.id; END""",
)
# Migration 7: the key table, filled from the existing rows, and the claim triggers replaced
# by ones going through it (they find a row by rowid instead of scanning claims_fts for an id).
# claims_fts.id stays filled, so code from before migration 7 still searches a newer ledger.
SQLITE_KEYS_DDL = (
    "CREATE TABLE claims_fts_keys (fts_rowid INTEGER PRIMARY KEY, claim_id TEXT NOT NULL UNIQUE)",
    "INSERT INTO claims_fts_keys (fts_rowid, claim_id) SELECT rowid, id FROM claims_fts",
    "DROP TRIGGER claims_fts_insert",
    "DROP TRIGGER claims_fts_delete",
    "DROP TRIGGER claims_fts_update",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
         INSERT INTO claims_fts_keys (claim_id) VALUES (new.id);
         INSERT INTO claims_fts (rowid, id, text)
           VALUES ((SELECT fts_rowid FROM claims_fts_keys WHERE claim_id = new.id), new.id, new.text); END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
         DELETE FROM claims_fts WHERE rowid = (SELECT fts_rowid FROM claims_fts_keys WHERE claim_id = old.id);
         DELETE FROM claims_fts_keys WHERE claim_id = old.id; END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF id, text ON claims BEGIN
         UPDATE claims_fts_keys SET claim_id = new.id WHERE claim_id = old.id;
         UPDATE claims_fts SET id = new.id, text = new.text
           WHERE rowid = (SELECT fts_rowid FROM claims_fts_keys WHERE claim_id = new.id); END""",
)
# Migration 8: both search tables rebuilt as external-content tables (rowid = the row's rowid
# in claims / documents), which Datasette detects; the keys table refilled to match.
SQLITE_EXTERNAL_CONTENT_DDL = (
    "DROP TRIGGER claims_fts_insert",
    "DROP TRIGGER claims_fts_delete",
    "DROP TRIGGER claims_fts_update",
    "DROP TRIGGER documents_fts_insert",
    "DROP TRIGGER documents_fts_delete",
    "DROP TRIGGER documents_fts_update",
    "DROP TABLE claims_fts",
    "DROP TABLE documents_fts",
    "DELETE FROM claims_fts_keys",
    """CREATE VIRTUAL TABLE claims_fts USING fts5(id UNINDEXED, text, content="claims",
         tokenize='porter unicode61')""",
    "INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')",
    "INSERT INTO claims_fts_keys (fts_rowid, claim_id) SELECT rowid, id FROM claims",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
         INSERT INTO claims_fts_keys (fts_rowid, claim_id) VALUES (new.rowid, new.id);
         INSERT INTO claims_fts (rowid, id, text) VALUES (new.rowid, new.id, new.text); END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
         INSERT INTO claims_fts (claims_fts, rowid, id, text) VALUES ('delete', old.rowid, old.id, old.text);
         DELETE FROM claims_fts_keys WHERE fts_rowid = old.rowid; END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF id, text ON claims BEGIN
         INSERT INTO claims_fts (claims_fts, rowid, id, text) VALUES ('delete', old.rowid, old.id, old.text);
         INSERT INTO claims_fts (rowid, id, text) VALUES (new.rowid, new.id, new.text);
         UPDATE claims_fts_keys SET claim_id = new.id WHERE fts_rowid = new.rowid; END""",
    """CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text, content="documents",
         tokenize='porter unicode61')""",
    "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
         INSERT INTO documents_fts (rowid, id, title, text) VALUES (new.rowid, new.id, new.title, new.text); END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
         INSERT INTO documents_fts (documents_fts, rowid, id, title, text)
           VALUES ('delete', old.rowid, old.id, old.title, old.text); END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, text ON documents BEGIN
         INSERT INTO documents_fts (documents_fts, rowid, id, title, text)
           VALUES ('delete', old.rowid, old.id, old.title, old.text);
         INSERT INTO documents_fts (rowid, id, title, text) VALUES (new.rowid, new.id, new.title, new.text); END""",
)
# Migration 10: the search tables made again with a tokenizer that keeps accents, as PostgreSQL
# does ("ŝ" found every "s" on SQLite and nothing on PostgreSQL); their triggers and the keys
# table stand as they are (rowids do not change).
SQLITE_ACCENTS_DDL = (
    "DROP TABLE claims_fts",
    """CREATE VIRTUAL TABLE claims_fts USING fts5(id UNINDEXED, text, content="claims",
         tokenize='porter unicode61 remove_diacritics 0')""",
    "INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')",
    "DROP TABLE documents_fts",
    """CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text, content="documents",
         tokenize='porter unicode61 remove_diacritics 0')""",
    "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')",
)
POSTGRES_DDL = (
    "CREATE INDEX claims_text_search ON claims USING gin (to_tsvector('english', text))",
    "CREATE INDEX documents_text_search ON documents "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
)
# Migration 14: PostgreSQL keeps each claim's words in a stored column, indexed in place of the
# expression: a search walking claims in list order tested each by computing to_tsvector (15 µs a
# claim, 36 ms for a page at offset 100 of a word in 1 claim of 15); reading the column costs
# next to nothing.
POSTGRES_VECTOR_DDL = (
    "ALTER TABLE claims ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "DROP INDEX IF EXISTS claims_text_search",
    "CREATE INDEX claims_text_search ON claims USING gin (search_vector)",
)
# Migration 16: PostgreSQL counts a search's matches in a narrow table of the claims' words, kept
# by a trigger: a count read the matching claims' rows (their JSON: 144 MB for 100k claims), a
# sequential scan of 250 ms for a word in one claim of four.
POSTGRES_WORDS_DDL = (
    """CREATE TABLE IF NOT EXISTS claim_words (
         claim_id VARCHAR PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE ON UPDATE CASCADE,
         words tsvector NOT NULL)""",
    "INSERT INTO claim_words (claim_id, words) SELECT id, search_vector FROM claims ON CONFLICT DO NOTHING",
    "CREATE INDEX IF NOT EXISTS claim_words_search ON claim_words USING gin (words)",
    """CREATE OR REPLACE FUNCTION claim_words_keep() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO claim_words (claim_id, words) VALUES (NEW.id, NEW.search_vector)
             ON CONFLICT (claim_id) DO UPDATE SET words = excluded.words;
           RETURN NULL;
         END $$""",
    """CREATE OR REPLACE TRIGGER claim_words_keep AFTER INSERT OR UPDATE OF text ON claims
         FOR EACH ROW EXECUTE FUNCTION claim_words_keep()""",
)
CLAIM_VECTOR = literal_column("claims.search_vector")  # PostgreSQL only, so not in schema.py
CLAIM_WORDS = literal_column("claim_words.words")  # PostgreSQL only
CLAIM_ROWID = literal_column("claims.rowid")  # SQLite only: also the claim's rowid in claims_fts
ENGLISH = literal_column("'english'")  # a literal, not a parameter, so it matches the index expression


def create_search(conn: Connection) -> None:
    """Create (and fill from existing rows) the full-text search structures."""
    for statement in SQLITE_DDL if conn.dialect.name == "sqlite" else POSTGRES_DDL:
        conn.execute(text(statement))


def create_search_keys(conn: Connection) -> None:
    """SQLite: the claim <-> full-text row keys (PostgreSQL's GIN index needs none)."""
    _run_on_sqlite(conn, SQLITE_KEYS_DDL)


def use_external_content(conn: Connection) -> None:
    """SQLite: the search tables as external-content tables over the rows' own rowids."""
    _run_on_sqlite(conn, SQLITE_EXTERNAL_CONTENT_DDL)


def keep_accents(conn: Connection) -> None:
    """SQLite: search tables whose tokenizer keeps accents (PostgreSQL's does already)."""
    _run_on_sqlite(conn, SQLITE_ACCENTS_DDL)


def store_claim_vectors(conn: Connection) -> None:
    """PostgreSQL: claims' search vectors stored and indexed (SQLite's FTS5 tables hold them)."""
    if conn.dialect.name == "postgresql":
        for statement in POSTGRES_VECTOR_DDL:
            conn.execute(text(statement))


def count_claim_words(conn: Connection) -> None:
    """PostgreSQL: the claims' words in a narrow table, kept by a trigger, to count matches in."""
    if conn.dialect.name == "postgresql":
        for statement in POSTGRES_WORDS_DDL:
            conn.execute(text(statement))


def _run_on_sqlite(conn: Connection, statements: tuple[str, ...]) -> None:
    if conn.dialect.name == "sqlite":
        for statement in statements:
            conn.execute(text(statement))


def stop_words() -> frozenset[str]:
    return typed_rules("claimgraph.store", "data/search.yaml", _stop_words)


def _stop_words(raw: dict[str, Any]) -> frozenset[str]:
    return frozenset(raw["stop_words"])


def search_words(q: str) -> list[str]:
    """The words a query asks for (see store/data/search.yaml)."""
    return [word for word in WORD.findall(q.lower()) if word not in stop_words()]


def search_query(dialect: str, q: str) -> str:
    """``q`` as the database's search reads it: its words, each quoted for FTS5 on SQLite (see
    _fts5_query), for ``plainto_tsquery`` on PostgreSQL (the words SQLite searches, not
    PostgreSQL's own parse of q)."""
    return _fts5_query(q) if dialect == "sqlite" else " ".join(search_words(q))


def claims_matching(dialect: str, query: ColumnElement[str] | str, walk: bool = False) -> ColumnElement[bool]:
    """Condition on ``claims``: its text contains every word of the search ``query`` (a
    `search_query`, or the bound parameter holding one).

    On SQLite a claim's full-text row has the claim's rowid (migration 8), so the matches are
    rowids: looked up in ``claims`` one by one, or, with ``walk`` (many matches), collected once
    while claims are read in list order from an index and each tested by the rowid that index
    holds (``rowid + 0`` keeps SQLite from looking up every match and sorting them instead)."""
    if dialect != "sqlite":
        return CLAIM_VECTOR.op("@@")(_ts_query(query))
    rowid = CLAIM_ROWID + literal_column("0") if walk else CLAIM_ROWID
    return rowid.in_(select(literal_column("rowid")).select_from(claims_fts).where(_claims_fts_match(query)))


def count_claims_matching(dialect: str, query: ColumnElement[str] | str) -> Select:
    """How many claims contain every word of the search ``query`` (see claims_matching), counted
    without reading the claims: in the FTS table on SQLite, in ``claim_words`` on PostgreSQL."""
    if dialect == "sqlite":
        return select(func.count()).select_from(claims_fts).where(_claims_fts_match(query))
    return select(func.count()).select_from(text("claim_words")).where(CLAIM_WORDS.op("@@")(_ts_query(query)))


def searchable_claims() -> Select:
    """SQLite: about how many claims the search holds, read at no cost (the largest rowid;
    rowids grow with each claim added)."""
    return select(func.max(CLAIM_ROWID)).select_from(claims)


def documents_matching(dialect: str, q: str) -> ColumnElement[bool]:
    """Condition on ``documents``: title and text together contain every word of ``q``."""
    query = search_query(dialect, q)
    if dialect == "sqlite":
        return literal_column("documents.rowid").in_(
            select(literal_column("rowid")).select_from(documents_fts)
            .where(literal_column("documents_fts").match(query)))
    title = func.coalesce(documents.c.title, literal_column("''"))
    return func.to_tsvector(ENGLISH, title.concat(literal_column("' '")).concat(documents.c.text)).op("@@")(
        _ts_query(query))


def _claims_fts_match(query: ColumnElement[str] | str) -> ColumnElement[bool]:
    return literal_column("claims_fts").match(query)


def _fts5_query(q: str) -> str:
    # Each word quoted: FTS5 then reads it as a plain term, never as syntax (AND, NEAR, col:).
    return " ".join(f'"{word}"' for word in search_words(q))


def _ts_query(query: ColumnElement[str] | str) -> ColumnElement:
    return func.plainto_tsquery(ENGLISH, query)
