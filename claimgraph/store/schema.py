"""The ledger's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

- ``documents``: one row per distinct text (id = Document.id, a hash of the text)
- ``document_copies``: each further url/outlet/origin that carried the same text,
  unique per (document_id, origin)
- ``minhashes``: a document's MinHash signature, for near-duplicate search
- ``claims``: one row per claim, with its origin, date and point for filtering
- ``events``: clusters of claims; ``claims.event_id`` says which claims are members
- ``sources``: one row per origin (canonical name, else the name as written): kind,
  side, the names it appeared under and how many claims it made (``claims``, counted as
  claims are added, migration 4)
- ``failures``: inputs that could not be read
- ``claim_counts``: how many claims of each status, event type, side and date (summary rows
  kept by triggers, see ``summary.py``)
- ``migrations``: applied migrations (see ``migrations.py``)

These definitions are the *current* schema.  Migration 1 creates them; a later change to
a table goes into a new migration (see ``migrations.py``) as well as here.

Columns beside ``data`` exist for filtering and joining; ``data`` holds the model's JSON
and is what the store returns, with these exceptions (stored once, elsewhere):
``documents.data`` leaves out ``text`` (column ``text``) and ``copies`` (table
``document_copies``); a claim's ``event_id`` is read from column ``claims.event_id``, and so
is an event's list of member claims (``events.data`` leaves out ``claims``, migration 9).

Full-text search is not declared here because it differs per database: SQLite has FTS5
external-content tables ``claims_fts``/``documents_fts`` kept in sync by triggers (found by
Datasette), PostgreSQL has GIN indexes on ``to_tsvector('english', ...)`` and a narrow table
``claim_words`` (each claim's words, kept by a trigger) to count matches in (see ``search.py``).
``store/data/datasette.yaml`` describes every table and column for Datasette.
"""

from __future__ import annotations

from sqlalchemy import (JSON, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint, func)
metadata = MetaData()
# Plain JSON, not JSONB, on PostgreSQL too: the store never queries inside it (filter
# columns exist for that), and JSON keeps key order, so both databases return the same text.
Json = JSON()

migrations = Table(
    "migrations", metadata,
    Column("name", String, primary_key=True),
    Column("applied_at", String, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    Column("url", Text), Column("outlet", Text), Column("author", Text),
    Column("published", String),  # ISO date (YYYY-MM-DD) for filtering; full value in data
    Column("title", Text), Column("genre", String), Column("language", String),
    Column("duplicate_of", String), Column("syndication_group", String),
    Column("origin", Text), Column("format", String),
    Column("ingested_at", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("data", Json, nullable=False),
    Index("documents_published", "published", "id"),
    Index("documents_syndication_group", "syndication_group"),
)

document_copies = Table(
    "document_copies", metadata,
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text), Column("outlet", Text),
    Column("origin", Text, nullable=False),  # "" when the reader gave none
    UniqueConstraint("document_id", "origin", name="document_copies_unique"),
)

minhashes = Table(
    "minhashes", metadata,
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("event_type", String, nullable=False),
    Column("status", String, nullable=False),
    Column("first_seen", String), Column("last_seen", String),
    Column("lat", Float), Column("lon", Float),
    Column("independent_sources", Integer, nullable=False),
    Column("story_id", String),  # the story (topic thread) holding the event
    Column("data", Json, nullable=False),
    Index("events_status", "status"),
    Index("events_story", "story_id", "last_seen"),
    Index("events_event_type", "event_type"),
    Index("events_seen", "first_seen", "last_seen"),
)

claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),  # position in the document, for reading order
    Column("text", Text, nullable=False),
    Column("event_type", String, nullable=False),
    Column("status", String, nullable=False),
    Column("origin", Text),  # source_chain[0].canonical, else its name; None: author's voice
    Column("origin_name", Text),  # source_chain[0].name, as the text puts it
    Column("origin_side", String),
    Column("date", String),  # YYYY-MM-DD: time.start, else the document's published date
    Column("lat", Float), Column("lon", Float),  # first located place (not a demonym)
    Column("event_id", String, ForeignKey("events.id", ondelete="SET NULL")),
    Column("data", Json, nullable=False),
    Index("claims_document", "document_id", "idx"),
    Index("claims_event_type", "event_type"),
    Index("claims_point", "lat", "lon"),
    # an event's members in list order, read from the index alone (migration 12)
    Index("claims_event_order", "event_id", "date", "document_id", "idx", "id"),
)

sources = Table(
    "sources", metadata,
    Column("canonical", Text, primary_key=True),
    Column("kind", String), Column("side", String),
    Column("claims", Integer, nullable=False, server_default="0"),  # claims with this origin
    Column("data", Json, nullable=False),  # the Source JSON without the claims count
)

# One row (id 1): a number every write transaction of the Store raises by one, so a reader
# knows whether counts it keeps still hold (migration 12).
ledger_version = Table(
    "ledger_version", metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)

# Claims counted by status, event type, origin side and date ('' for none), kept by triggers
# (see summary.py, migration 13): the lists' totals and the stats add these up.
claim_counts = Table(
    "claim_counts", metadata,
    Column("status", String, primary_key=True),
    Column("event_type", String, primary_key=True),
    Column("origin_side", String, primary_key=True),
    Column("date", String, primary_key=True),
    Column("claims", Integer, nullable=False),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("at", String, nullable=False),
)

# Indexes for the API's filters (migrations 3, 6, 15 and 17).  Each claim index ends in the list order
# (date, document_id, idx), so a page of a filtered list reads its rows in order and stops,
# instead of sorting every match; the events' point index holds the dates, so a map query
# (bbox and dates) is answered from the index.
CLAIM_LIST_ORDER = (claims.c.date, claims.c.document_id, claims.c.idx)
FILTER_INDEXES = (
    Index("claims_order", *CLAIM_LIST_ORDER),
    Index("claims_status_order", claims.c.status, *CLAIM_LIST_ORDER),
    Index("claims_side_order", claims.c.origin_side, *CLAIM_LIST_ORDER),
    # with the id: a page of a source's claims merges the keys of both, read from them alone
    # (PostgreSQL reads an index on an expression alone only if it holds the expression's
    # column too: migration 17)
    Index("claims_origin_keys", func.lower(claims.c.origin), *CLAIM_LIST_ORDER, claims.c.id,
          postgresql_include=["origin"]),
    Index("claims_origin_name_keys", func.lower(claims.c.origin_name), *CLAIM_LIST_ORDER, claims.c.id,
          postgresql_include=["origin_name"]),
    Index("events_point_seen", events.c.lat, events.c.lon, events.c.first_seen, events.c.last_seen),
)
SUPERSEDED_INDEXES = ("claims_status", "claims_origin", "claims_origin_side",  # by migration 3
                      "claims_date", "claims_side_date", "claims_origin_lower", "claims_origin_name_lower",
                      "events_point",  # by migration 6
                      "claims_origin_order", "claims_origin_name_order")  # by migration 15
# Near-duplicates, counted by the stats (migration 5).
DUPLICATE_INDEX = Index("documents_duplicate_of", documents.c.duplicate_of)

LEDGER_TABLES = (documents, document_copies, minhashes, events, claims, sources, failures)
