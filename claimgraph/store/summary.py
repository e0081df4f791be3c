"""Claim counts kept in summary rows (table ``claim_counts``, migration 13), so the lists' totals
and the stats add up a few hundred rows instead of counting the claims.

A row counts the claims of one status, event type, origin side and date (``''`` for a claim
without a side or a date: key columns hold no NULL, which would never conflict).  Triggers in
the database keep the rows right on every write, raw SQL and cascading deletes included: on
SQLite one per row; on PostgreSQL one per statement, which adds up the statement's claims by
key and applies them in key order, so two transactions inserting claims at once lock the same
rows in the same order (a deadlock otherwise).  Changing a claim's event (linking) changes no
key and leaves the rows as they are.

``counts_answer(filters)`` says whether the rows answer a filter: those on status, event type,
side and dates alone.
"""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.engine import Connection

from claimgraph.store.filters import ClaimFilter
from claimgraph.store.schema import claim_counts

KEY = "status, event_type, origin_side, date"  # the rows' key, and the claim columns it comes from
COUNTED_FIELDS = {"status", "event_type", "side", "date_from", "date_to"}


def _upsert(rows: str) -> str:
    """Add to the summary rows the signed counts ``rows`` selects (its columns: KEY, n)."""
    return (f"INSERT INTO claim_counts ({KEY}, claims) {rows} "
            f"ON CONFLICT ({KEY}) DO UPDATE SET claims = claim_counts.claims + excluded.claims")


def _row_of(claim: str, sign: int) -> str:
    """The key of the claim row ``claim`` (new or old) with a signed count of one (SQLite)."""
    return (f"SELECT {claim}.status, {claim}.event_type, coalesce({claim}.origin_side, ''), "
            f"coalesce({claim}.date, ''), {sign} WHERE true")  # WHERE: SQLite reads ON CONFLICT as the upsert's


def _rows_of(table: str, sign: int) -> str:
    """The keys of ``table``'s claims (claims, or a transition table) with signed counts."""
    return (f"SELECT status, event_type, coalesce(origin_side, '') AS origin_side, coalesce(date, '') AS date, "
            f"{sign} AS n FROM {table}")


def _summed(rows: str) -> str:
    """``rows`` added up by key, in key order (WHERE: SQLite reads ON CONFLICT as the upsert's)."""
    return f"SELECT {KEY}, sum(n) FROM ({rows}) AS change WHERE true GROUP BY {KEY} HAVING sum(n) <> 0 ORDER BY {KEY}"


SQLITE_DDL = (
    f"""CREATE TRIGGER claim_counts_insert AFTER INSERT ON claims BEGIN
          {_upsert(_row_of("new", 1))}; END""",
    f"""CREATE TRIGGER claim_counts_delete AFTER DELETE ON claims BEGIN
          {_upsert(_row_of("old", -1))}; END""",
    f"""CREATE TRIGGER claim_counts_update AFTER UPDATE OF {KEY} ON claims BEGIN
          {_upsert(_row_of("old", -1))}; {_upsert(_row_of("new", 1))}; END""",
)
_POSTGRES_CHANGES = {  # trigger event -> its transition tables and the counts they change
    "INSERT": ("REFERENCING NEW TABLE AS added", _rows_of("added", 1)),
    "DELETE": ("REFERENCING OLD TABLE AS removed", _rows_of("removed", -1)),
    "UPDATE": ("REFERENCING OLD TABLE AS removed NEW TABLE AS added",
               f"{_rows_of('removed', -1)} UNION ALL {_rows_of('added', 1)}"),
}
POSTGRES_DDL = tuple(statement for event, (tables, rows) in _POSTGRES_CHANGES.items() for statement in (
    f"""CREATE FUNCTION claim_counts_{event.lower()}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN {_upsert(_summed(rows))}; RETURN NULL; END $$""",
    f"""CREATE TRIGGER claim_counts_{event.lower()} AFTER {event} ON claims {tables}
          FOR EACH STATEMENT EXECUTE FUNCTION claim_counts_{event.lower()}()""",
))


def create_claim_counts(conn: Connection) -> None:
    """The summary rows, filled from the stored claims, and the triggers that keep them."""
    claim_counts.create(conn, checkfirst=True)
    conn.execute(claim_counts.delete())
    conn.execute(text(_upsert(_summed(_rows_of("claims", 1)))))
    for statement in SQLITE_DDL if conn.dialect.name == "sqlite" else POSTGRES_DDL:
        conn.execute(text(statement))


def counts_answer(filters: ClaimFilter) -> bool:
    """True if the summary rows count the claims ``filters`` match (no other field is set)."""
    return all(getattr(filters, field.name) is None for field in fields(filters) if field.name not in COUNTED_FIELDS)


def counted_claims(filters: ClaimFilter):
    """SELECT the number of claims ``filters`` match, from the summary rows (see counts_answer)."""
    return select(func.coalesce(func.sum(claim_counts.c.claims), 0)).where(*_conditions(filters))


def claims_by_status():
    """SELECT status, claims: every status's claims, from the summary rows."""
    return select(claim_counts.c.status, func.sum(claim_counts.c.claims)).group_by(claim_counts.c.status)


def _conditions(filters: ClaimFilter) -> list[ColumnElement[bool]]:
    f, row = filters, claim_counts.c
    return [condition for condition in (
        row.status == f.status if f.status else None,
        row.event_type == f.event_type if f.event_type else None,
        row.origin_side == f.side if f.side else None,
        row.date >= f.date_from if f.date_from else None,
        row.date <= f.date_to if f.date_to else None,
        row.date != "" if f.date_to else None,  # an undated claim (NULL) is before no date
    ) if condition is not None]

