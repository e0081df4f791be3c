"""Engine creation: one SQLAlchemy Core engine for SQLite or PostgreSQL.

``postgresql://`` (and ``postgres://``) URLs are mapped to the psycopg 3 driver.  Extra
connection options pass through the URL, e.g. a schema for tests:
``postgresql://u@host/db?options=-csearch_path%3Dmy_schema``.

SQLite connections get foreign keys, a busy timeout and WAL.  The stdlib driver's own
transaction handling is switched off (it starts transactions late, after the first read)
and replaced by an explicit ``BEGIN``; writes use ``BEGIN IMMEDIATE`` so two writers wait
for each other (busy_timeout) instead of failing when a read lock would need upgrading.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url

BUSY_TIMEOUT_MS = 10_000
WRITE = {"claimgraph_write": True}  # execution option marking a write transaction


def make_engine(url: str) -> Engine:
    parsed = make_url(_with_driver(url))
    engine = create_engine(parsed)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _with_driver(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def set_pragmas(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see module doc
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")  # constant, not a value
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("claimgraph_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
