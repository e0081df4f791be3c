"""Engine creation: one SQLAlchemy Core engine for SQLite or PostgreSQL.

A plain path (``ledger.db``, no ``scheme://``) means that SQLite file.  ``postgresql://`` (and
``postgres://``) URLs are mapped to the psycopg 3 driver.  Extra
connection options pass through the URL, e.g. a schema for tests:
``postgresql://u@host/db?options=-csearch_path%3Dmy_schema``.

SQLite connections get foreign keys, a busy timeout, WAL and synchronous=NORMAL.  The
stdlib driver's own transaction handling is switched off (it starts transactions late,
after the first read) and replaced by an explicit ``BEGIN``; writes use ``BEGIN IMMEDIATE``
so two writers wait for each other (busy_timeout) instead of failing when a read lock
would need upgrading.

JSON columns are read back as their text, not parsed: ``rows.py`` builds the models from
it with pydantic, which parses and validates in one pass (half the time of ``json.loads``
then validation, and lists of claims are most of the API's work).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.pool import StaticPool

WRITE = {"claimgraph_write": True}  # execution option marking a write transaction
BUSY_TIMEOUT_MS = 600_000
WAL_RETRY_SECONDS = 0.05


class MissingLedger(Exception):
    """A command that reads a ledger was pointed at a SQLite file that does not exist."""


def database_url(value: str) -> str:
    """``value`` as a database URL: a plain path names a SQLite file."""
    return value if "://" in value else f"sqlite:///{value}"


def sqlite_file(url: str) -> Optional[Path]:
    """The file a SQLite URL names; None for other databases and in-memory SQLite."""
    parsed = make_url(database_url(url))
    if parsed.get_backend_name() != "sqlite" or _in_memory(parsed):
        return None
    return Path(parsed.database)


def check_ledger_exists(url: str) -> None:
    """Raise MissingLedger if ``url`` names a SQLite file that is not there (opening it would
    quietly create an empty ledger, and every read would then find nothing)."""
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise MissingLedger(f"no ledger at {path}: run `claimgraph ingest` first, or give --db")


def make_engine(url: str) -> Engine:
    parsed = make_url(_with_driver(database_url(url)))
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, json_deserializer=json_text)
    engine = create_engine(parsed, json_deserializer=json_text, **_in_memory_options(parsed))
    _configure_sqlite(engine)
    return engine


def json_text(raw: str | bytes) -> str:
    """A JSON value as the database returned it (psycopg hands over bytes, sqlite3 text)."""
    return raw if isinstance(raw, str) else bytes(raw).decode("utf-8")


def _in_memory_options(url: URL) -> dict[str, Any]:
    """In-memory SQLite: ONE connection shared by all threads (the default pool would give
    each thread its own, empty, database); the Store makes threads take turns on it."""
    if not _in_memory(url):
        return {}
    return {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}


def _in_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"


def _with_driver(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def use_wal(cursor: sqlite3.Cursor) -> None:
    """Put the file in WAL mode.  The switch needs the file to itself and SQLite answers "database
    is locked" at once, without waiting out busy_timeout, when another process opens a new ledger
    at the same moment (two ingests started together): so wait and try again, as long as a busy
    writer would be waited for."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def set_pragmas(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see module doc
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        # ms a writer waits for another to finish: a linking step holds the write lock while
        # it links (Store.linking), which on a large ledger takes a minute or more
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        use_wal(cursor)
        # NORMAL is safe with WAL (no corruption); a power cut may lose the last commits,
        # which a re-run of the idempotent ingest restores.  FULL costs an fsync per document.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("claimgraph_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
