"""Schema migrations: named functions, each recorded in table ``migrations`` once applied.

``migrate`` runs the missing ones in order, in one transaction (on PostgreSQL under an
advisory lock, so two processes opening a new database do not both create it).  The
schema version is the number of migrations applied.

To change the schema: append a new function to MIGRATIONS (never edit an applied one),
and update ``schema.py`` to match.  Because migration 1 creates the tables from
``schema.py``, a new migration must check whether its change is already there (a fresh
database already has it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from sqlalchemy import Engine, delete, func, inspect, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateIndex

from claimgraph.store.engine import WRITE
from claimgraph.store.schema import (DUPLICATE_INDEX, FILTER_INDEXES, LEDGER_TABLES, SUPERSEDED_INDEXES, claims,
                                    events, ledger_version, metadata, migrations, sources)
from claimgraph.store.search import (count_claim_words, create_search, create_search_keys, keep_accents,
                                    store_claim_vectors, use_external_content)
from claimgraph.store.summary import create_claim_counts

Migration = Callable[[Connection], None]
ADVISORY_LOCK_KEY = 0x636C6D67  # "clmg": any constant shared by all claimgraph processes


def create_ledger_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=LEDGER_TABLES)


def create_full_text_search(conn: Connection) -> None:
    create_search(conn)


def add_filter_indexes(conn: Connection) -> None:
    """Composite and lower-case indexes for the API filters, replacing single-column ones.

    Installs the current FILTER_INDEXES, so an old database reaching migration 3 gets the
    indexes of migration 6 at once (and migration 6 then finds nothing to do)."""
    for name in SUPERSEDED_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))  # names are constants, not input
    for index in FILTER_INDEXES:  # a new database has them already, from migration 1
        conn.execute(CreateIndex(index, if_not_exists=True))


def add_source_claim_counts(conn: Connection) -> None:
    """Column ``sources.claims``, filled from the stored claims (the API read it by aggregating)."""
    if "claims" not in {column["name"] for column in inspect(conn).get_columns("sources")}:
        conn.execute(text("ALTER TABLE sources ADD COLUMN claims INTEGER NOT NULL DEFAULT 0"))
    counted = select(func.count()).where(claims.c.origin == sources.c.canonical).scalar_subquery()
    conn.execute(update(sources).values(claims=counted))


def add_duplicate_index(conn: Connection) -> None:
    """An index on ``documents.duplicate_of``, so the stats count near-duplicates without a scan."""
    conn.execute(CreateIndex(DUPLICATE_INDEX, if_not_exists=True))  # a new database has it already


def add_list_order_indexes(conn: Connection) -> None:
    """Filter indexes ending in the list order (and events' point index with their dates), so a
    page of a filtered list is read in order instead of sorting every match."""
    add_filter_indexes(conn)


def add_claim_search_keys(conn: Connection) -> None:
    """SQLite: a table linking each claim to its full-text row, so a common word is tested
    claim by claim in list order (see ``search.py``); PostgreSQL needs none."""
    create_search_keys(conn)


def search_as_datasette_finds_it(conn: Connection) -> None:
    """SQLite: the full-text tables as external-content tables keyed by the rows' rowids (the
    sqlite-utils ``enable_fts`` shape), so Datasette's ``?_search=`` works on claims and
    documents; PostgreSQL is unchanged."""
    use_external_content(conn)


def derive_event_members(conn: Connection) -> None:
    """An event's member claims are read from ``claims.event_id`` alone: the copy of the list in
    ``events.data`` goes, and events no claim points to (left by linking steps that ran at once
    before they were serialised) are dropped.  ``link --full`` rebuilds the figures of the rest."""
    members = select(claims.c.event_id).where(claims.c.event_id.is_not(None))
    conn.execute(delete(events).where(events.c.id.not_in(members)))
    for event_id, data in conn.execute(select(events.c.id, events.c.data)).all():
        stored = json.loads(data)
        if stored.pop("claims", None) is not None:
            conn.execute(update(events).where(events.c.id == event_id).values(data=stored))


def keep_accents_in_search(conn: Connection) -> None:
    """SQLite's full-text tables rebuilt to keep accents, so a query finds on SQLite what it
    finds on PostgreSQL (see ``search.py``)."""
    keep_accents(conn)


def add_event_stories(conn: Connection) -> None:
    """Events name their story in a column of their own (``events.story_id``, indexed), so a
    story's events and the list of stories are read without opening each event."""
    if "story_id" not in {column["name"] for column in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN story_id VARCHAR"))
    story_index = next(index for index in events.indexes if index.name == "events_story")
    conn.execute(CreateIndex(story_index, if_not_exists=True))
    for event_id, data in conn.execute(select(events.c.id, events.c.data)).all():
        story = json.loads(data).get("story_id")
        if story:
            conn.execute(update(events).where(events.c.id == event_id).values(story_id=story))


def add_ledger_version(conn: Connection) -> None:
    """The ledger's version row (see schema.ledger_version), and an index that reads an event's
    members in list order without opening each claim row (it replaces ``claims_event``)."""
    ledger_version.create(conn, checkfirst=True)
    if conn.scalar(select(func.count()).select_from(ledger_version)) == 0:
        conn.execute(insert(ledger_version).values(id=1, version=0))
    member_index = next(index for index in claims.indexes if index.name == "claims_event_order")
    conn.execute(CreateIndex(member_index, if_not_exists=True))
    conn.execute(text("DROP INDEX IF EXISTS claims_event"))


def add_claim_counts(conn: Connection) -> None:
    """Summary rows counting the claims by status, event type, side and date, kept by triggers,
    so a list's total and the stats add up rows instead of counting claims (see summary.py)."""
    create_claim_counts(conn)


def store_claim_search_vectors(conn: Connection) -> None:
    """PostgreSQL: each claim's search vector in a stored column, indexed, so a search testing
    claims in list order reads it instead of computing it (see search.py); SQLite unchanged."""
    store_claim_vectors(conn)


def add_source_key_indexes(conn: Connection) -> None:
    """The two source indexes hold each claim's id too, so a page of a source's claims is read
    from the indexes alone (PostgreSQL read every claim's row, SQLite looked each row up)."""
    add_filter_indexes(conn)


def count_search_matches_in_claim_words(conn: Connection) -> None:
    """PostgreSQL: a narrow table of the claims' words, kept by a trigger, so a search's matches
    are counted without reading the claims' rows (see search.py); SQLite unchanged."""
    count_claim_words(conn)


def cover_source_keys(conn: Connection) -> None:
    """PostgreSQL: the two source indexes made again holding the names they lower-case, so a
    page of a source's claims is read from them alone (PostgreSQL read each claim's row: an
    index on an expression is read alone only if it holds the expression's column); SQLite
    unchanged."""
    if conn.dialect.name != "postgresql":
        return
    for index in FILTER_INDEXES:
        if index.dialect_options["postgresql"]["include"]:
            conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))  # names are constants, not input
            conn.execute(CreateIndex(index))


MIGRATIONS: tuple[Migration, ...] = (create_ledger_tables, create_full_text_search, add_filter_indexes,
                                     add_source_claim_counts, add_duplicate_index, add_list_order_indexes,
                                     add_claim_search_keys, search_as_datasette_finds_it, derive_event_members,
                                     keep_accents_in_search, add_event_stories, add_ledger_version,
                                     add_claim_counts, store_claim_search_vectors, add_source_key_indexes,
                                     count_search_matches_in_claim_words, cover_source_keys)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(engine: Engine, pending: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the migrations of ``pending`` not yet recorded; return their names."""
    with engine.connect().execution_options(**WRITE) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        migrations.create(conn, checkfirst=True)
        done = applied_migrations(conn)
        missing = [step for step in pending if step.__name__ not in done]
        for step in missing:
            step(conn)
            conn.execute(insert(migrations).values(name=step.__name__, applied_at=_now()))
        return [step.__name__ for step in missing]


def applied_migrations(conn: Connection) -> list[str]:
    """Names recorded in ``migrations``, in MIGRATIONS order (unknown ones, from newer code, last)."""
    names = set(conn.scalars(select(migrations.c.name)))
    known = [step.__name__ for step in MIGRATIONS if step.__name__ in names]
    return known + sorted(names - set(known))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")
