"""Full-text search over claims and documents, one implementation per database.

SQLite: FTS5 tables (porter stemming) holding a copy of the searchable text, kept in sync
by triggers, so every write path (including raw SQL) stays searchable.  They are
standalone rather than external-content tables because ``claims``/``documents`` have text
keys and VACUUM may renumber the implicit rowids an external-content table relies on.

PostgreSQL: GIN indexes on ``to_tsvector('english', ...)``; queries repeat the indexed
expression exactly so the planner uses the index.

Both treat a query as plain words that must all occur (``plainto_tsquery`` semantics);
operators and quotes in the query are ignored rather than parsed.
"""

from __future__ import annotations

import re

from sqlalchemy import (Column, ColumnElement, MetaData, Select, String, Table, Text, func, literal_column, select,
                        text)
from sqlalchemy.engine import Connection

from claimgraph.store.schema import claims, documents

WORD = re.compile(r"\w+")
_fts = MetaData()  # not created by create_all: the DDL below is SQLite-specific
claims_fts = Table("claims_fts", _fts, Column("id", String), Column("text", Text))
documents_fts = Table("documents_fts", _fts, Column("id", String), Column("title", Text), Column("text", Text))

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
POSTGRES_DDL = (
    "CREATE INDEX claims_text_search ON claims USING gin (to_tsvector('english', text))",
    "CREATE INDEX documents_text_search ON documents "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
)
ENGLISH = literal_column("'english'")  # a literal, not a parameter, so it matches the index expression


def create_search(conn: Connection) -> None:
    """Create (and fill from existing rows) the full-text search structures."""
    for statement in SQLITE_DDL if conn.dialect.name == "sqlite" else POSTGRES_DDL:
        conn.execute(text(statement))


def search_words(q: str) -> list[str]:
    return WORD.findall(q)


def claims_matching(dialect: str, q: str, many: bool = False) -> ColumnElement[bool]:
    """Condition on ``claims``: its text contains every word of ``q``.

    ``many`` (SQLite): the matches are many, so read claims in list order and test each
    against them, rather than look up every match by id and sort them all."""
    if dialect == "sqlite":
        key = claims.c.id.concat("") if many else claims.c.id  # ``id || ''`` keeps SQLite off the id index
        return key.in_(select(claims_fts.c.id).where(_claims_fts_match(q)))
    return _ts_match(claims.c.text, q)


def count_claims_matching(dialect: str, q: str) -> Select:
    """How many claims contain every word of ``q``; on SQLite counted in the FTS table alone,
    without looking up each match in ``claims``."""
    if dialect == "sqlite":
        return select(func.count()).select_from(claims_fts).where(_claims_fts_match(q))
    return select(func.count()).select_from(claims).where(claims_matching(dialect, q))


def documents_matching(dialect: str, q: str) -> ColumnElement[bool]:
    """Condition on ``documents``: title and text together contain every word of ``q``."""
    if dialect == "sqlite":
        return documents.c.id.in_(
            select(documents_fts.c.id).where(literal_column("documents_fts").match(_fts5_query(q))))
    title = func.coalesce(documents.c.title, literal_column("''"))
    return _ts_match(title.concat(literal_column("' '")).concat(documents.c.text), q)


def _claims_fts_match(q: str) -> ColumnElement[bool]:
    return literal_column("claims_fts").match(_fts5_query(q))


def _fts5_query(q: str) -> str:
    # Each word quoted: FTS5 then reads it as a plain term, never as syntax (AND, NEAR, col:).
    return " ".join(f'"{word}"' for word in search_words(q))


def _ts_match(document: ColumnElement[str], q: str) -> ColumnElement[bool]:
    return func.to_tsvector(ENGLISH, document).op("@@")(func.plainto_tsquery(ENGLISH, q))
