"""The ledger: documents, claims, events and sources in SQLite or PostgreSQL.

    with Store("sqlite:///claimgraph.db") as store:
        store.add_document(doc, claims)
        store.claims(ClaimFilter(status="denied", q="bridge"))

One code path (SQLAlchemy Core) serves both databases; the few differences (insert-or-ignore,
full-text search, locking) are in ``engine.py``, ``search.py``, ``_insert`` and ``linking``.
Each write method is one transaction; ``linking`` makes a whole read-modify-write of the
events one transaction, serialised per ledger.

An event's member claims have one source of truth, column ``claims.event_id``: an Event's
``claims`` list is read from it, never stored twice.  Lists are paginated, oldest first (by published date, claim
date, or first_seen), ties broken by id.  ``all_*`` methods stream in batches.

Errors: bad filter or paging values raise ValueError; ``set_assessment`` on an unknown
event raises KeyError; database errors propagate (a failed ``add_document`` leaves nothing).
"""

from __future__ import annotations

import copy
import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from functools import reduce, wraps
from typing import Any, Optional, TypeVar

from sqlalchemy import (BigInteger, ColumnElement, Connection, Select, String, any_, bindparam, delete, func, insert,
                        select, text, union, update)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.pool import StaticPool

from claimgraph.model import EVENT_STATUSES, STATUSES, Claim, Document, Event, ReadFailure, Source, Story
from claimgraph.store import rows
from claimgraph.store.conditions import (claim_condition_branches, claim_conditions, event_conditions,
                                        filter_parameters)
from claimgraph.store.engine import WRITE, check_ledger_exists, make_engine
from claimgraph.store.filters import ClaimFilter, EventFilter, check_query
from claimgraph.store.kept import Key, KeptValues
from claimgraph.store.migrations import applied_migrations, migrate
from claimgraph.store.schema import (CLAIM_LIST_ORDER, claims, document_copies, documents, events, failures,
                                    ledger_version, minhashes, sources)
from claimgraph.store.search import (claims_matching, count_claims_matching, documents_matching, search_query,
                                    searchable_claims)
from claimgraph.store.summary import claims_by_status, counted_claims, counts_answer

T = TypeVar("T")
# Values kept per Store (see Store.kept_many): counts, member lists, records' JSON for the API.
# On bench/api_load.py's ledger ~40 MB at most: a claim's JSON ~750 B, an event's member list
# ~5 KB, one version's member lists hold each claim id once.
MAX_KEPT = 45_000
STREAM_BATCH = 500  # rows fetched at a time by the streaming methods
# A full-text search alone (see Store._searched_claims) looks up every match and sorts them, or
# reads claims in list order, testing each, until the page ends.  SQLite reads in list order
# while the page ends within WALK_SHARE x matches claims read (a claim read costs ~0.25 µs, a
# match looked up ~4.5 µs: 100k claims, bench/api_load.py's ledger); PostgreSQL above
# MANY_MATCHES matches.
MANY_MATCHES = 2000
WALK_SHARE = 18.0
KEPT_EVENT_ORDER = 5000  # event ids kept in each list order (see Store._event_order)
MAX_ROWS = 2**63 - 1  # the largest integer both databases hold: limit + offset beyond it cannot be asked
LINK_LOCK_KEY = 0x636C6C6B  # "cllk": the PostgreSQL advisory lock every linking step takes
MAX_STATEMENTS = 512  # statements kept per Store, one per shape of request (see Store._statement)


def kept_until_write(method: Callable[..., T]) -> Callable[..., T]:
    """A counting method whose result is kept, per arguments, until the ledger's next write
    (`Store._counted`): the API asks the same counts again and again between writes."""
    @wraps(method)
    def kept(self: "Store", *args: Any, **kwargs: Any) -> T:
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        return self._counted(key, lambda: method(self, *args, **kwargs))
    return kept


class Store:
    def __init__(self, url: str, create: bool = True):
        """Open the ledger at ``url`` (a database URL or a SQLite file path); with ``create``
        False a SQLite file that does not exist raises MissingLedger instead of being created."""
        if not create:
            check_ledger_exists(url)
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        # In-memory SQLite is one connection (see engine.py): threads take turns using it.
        self._one_connection = isinstance(self.engine.pool, StaticPool)
        self._turn = threading.RLock() if self._one_connection else nullcontext()
        self._held = threading.local()  # the connection of a `linking` step, per thread
        self._kept = KeptValues(MAX_KEPT)  # see kept_many
        self._statements: dict[tuple, Select] = {}  # see _statement
        migrate(self.engine)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def migrations(self) -> list[str]:
        """Names of the migrations applied to this database."""
        with self._read() as conn:
            return applied_migrations(conn)

    @property
    def schema_version(self) -> int:
        return len(self.migrations)

    # -- documents -------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self._scalar(select(documents.c.id).where(documents.c.id == doc_id)) is not None

    def add_document(self, doc: Document, claim_list: list[Claim], signature: bytes | None = None) -> bool:
        """Store a document with its claims; False (and a recorded copy) if its id is stored."""
        with self._write() as conn:
            if not self._insert_ignore(conn, documents, rows.document_row(doc, _now())):
                self._record_copy(conn, doc)
                return False
            for copy in doc.copies:  # copies the caller already knows of (e.g. a re-imported ledger)
                self._insert_ignore(conn, document_copies, rows.copy_row(doc.id, copy))
            if claim_list:
                conn.execute(insert(claims), [rows.claim_row(c, doc, i) for i, c in enumerate(claim_list)])
            if signature is not None:
                conn.execute(insert(minhashes).values(document_id=doc.id, signature=signature))
            self._merge_sources(conn, claim_list)
            return True

    def record_copy(self, doc: Document) -> bool:
        """Record where a stored document was read again: True if that is a copy not known yet
        (another url/outlet/origin), False for the same file read again."""
        with self._write() as conn:
            return self._record_copy(conn, doc)

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        return self._stream(select(minhashes.c.document_id, minhashes.c.signature),
                            lambda row: (row.document_id, bytes(row.signature)))

    def get_document(self, doc_id: str) -> Optional[Document]:
        found = self.documents_by_id([doc_id])
        return found[0] if found else None

    def documents(self, limit: int = 50, offset: int = 0, q: str | None = None) -> list[Document]:
        statement = select(documents).where(*self._document_conditions(q))
        return self._with_copies(self._page(statement.order_by(*DOCUMENT_ORDER), lambda row: row, limit, offset))

    @kept_until_write
    def count_documents(self, q: str | None = None) -> int:
        return self._count(documents, self._document_conditions(q))

    def _document_conditions(self, q: str | None) -> list[ColumnElement[bool]]:
        check_query(q)
        return [documents_matching(self.dialect, q)] if q else []

    def documents_by_id(self, doc_ids: Sequence[str], convert: Optional[Callable[[Any], T]] = None) -> list[T]:
        """The stored documents among ``doc_ids`` (in no particular order); with ``convert``,
        what it makes of each one's row instead (without its copies, a query fewer: a claim's
        context needs only a few fields, not a whole Document and its places)."""
        found = self._all(self._by_ids(documents), {"ids": list(doc_ids)})
        return [convert(row) for row in found] if convert else self._with_copies(found)

    def all_documents(self) -> Iterator[Document]:
        for batch in self._batches(select(documents).order_by(documents.c.id)):
            yield from self._with_copies(batch)

    # -- claims ------------------------------------------------------------------------

    def claims(self, filters: ClaimFilter = ClaimFilter(), limit: int = 50, offset: int = 0,
               convert: Callable[[Any], T] = rows.claim_from_row) -> list[T]:
        """A page of claims, each its row made into a Claim (or what ``convert`` makes of it:
        the API makes its JSON)."""
        if _text_only(filters):
            return self._searched_claims(filters, limit, offset, convert)
        values = filter_parameters(filters, self.dialect)
        statement = self._statement(("claims", *values), lambda: _claims_page(filters, self.dialect))
        return [convert(row) for row in self._all(statement, {**values, **_paging(limit, offset)})]

    @kept_until_write
    def count_claims(self, filters: ClaimFilter = ClaimFilter()) -> int:
        if _text_only(filters):  # counted in the search index alone
            query = search_query(self.dialect, filters.q)
            counting = self._statement(("count search",),
                                       lambda: count_claims_matching(self.dialect, bindparam("q", query)))
            return self._scalar(counting, {"q": query})
        if counts_answer(filters):
            return self._scalar(counted_claims(filters))
        values = filter_parameters(filters, self.dialect)
        counting = self._statement(("count claims", *values),
                                   lambda: _counting(claims, claim_conditions(filters, self.dialect)))
        return self._scalar(counting, values)

    def _searched_claims(self, filters: ClaimFilter, limit: int, offset: int, convert: Callable[[Any], T]) -> list[T]:
        """A page of a full-text search alone, by a plan that fits how many claims match: few,
        the matches are found in the search index and sorted (a database's planner may instead
        read every claim in list order, testing each, when the words are common alone but rare
        together); many, claims are read in list order and tested until the page ends.  None:
        no page is read (words common alone but never together took 5 ms to find so)."""
        values = {"q": search_query(self.dialect, filters.q), **_paging(limit, offset)}
        matches = self.count_claims(filters)
        if matches == 0:
            return []
        query = bindparam("q", values["q"])
        if self._search_walks(matches, limit, offset):
            statement = self._statement(("search walks",), lambda: _paged(
                select(claims).where(claims_matching(self.dialect, query, walk=True)).order_by(*CLAIM_ORDER)))
        else:
            statement = self._statement(("search matches",),
                                        lambda: _page_of_matches(claims_matching(self.dialect, query)))
        return [convert(row) for row in self._all(statement, values)]

    def _search_walks(self, matches: int, limit: int, offset: int) -> bool:
        """Whether a search page reads claims in list order (see WALK_SHARE, MANY_MATCHES)."""
        if self.dialect != "sqlite":
            return matches > MANY_MATCHES
        if matches == 0:
            return False
        stored = self._counted(("searchable claims",), lambda: self._scalar(searchable_claims())) or 0
        read_to_page_end = (offset + limit) * stored / matches  # claims read in list order
        return read_to_page_end < WALK_SHARE * matches

    def get_claim(self, claim_id: str, convert: Callable[[Any], T] = rows.claim_from_row) -> Optional[T]:
        found = self._all(self._statement(("claim",), lambda: select(claims).where(claims.c.id == bindparam("id"))),
                          {"id": claim_id})
        return convert(found[0]) if found else None

    def all_claims(self) -> Iterator[Claim]:
        """Every claim, in document then reading order, streamed."""
        return self._stream(select(claims).order_by(*READING_ORDER), rows.claim_from_row)

    def unlinked_claims(self) -> Iterator[Claim]:
        """Claims not yet in an event (what incremental linking works on), streamed."""
        statement = select(claims).where(claims.c.event_id.is_(None)).order_by(*READING_ORDER)
        return self._stream(statement, rows.claim_from_row)

    def claims_with_documents(self) -> Iterator[tuple[Claim, dict[str, Any]]]:
        """Every claim with its document's url, outlet, published and title (for exports)."""
        columns = (documents.c.url, documents.c.outlet, documents.c.published, documents.c.title)
        statement = (select(claims, *[c.label(f"doc_{c.name}") for c in columns])
                     .join(documents, claims.c.document_id == documents.c.id)
                     .order_by(*READING_ORDER))
        return self._stream(statement, _claim_and_document)

    # -- events ------------------------------------------------------------------------

    def events(self, filters: EventFilter = EventFilter(), limit: int = 50, offset: int = 0,
               newest_first: bool = False, convert: Callable[[Any, list[str]], T] = rows.event_from_row) -> list[T]:
        """A page of events: oldest first (by first report), or newest first (by latest report);
        ``convert`` makes each from its row and member claims."""
        values = filter_parameters(filters, self.dialect)
        paging = _paging(limit, offset)
        if not values and offset + limit <= KEPT_EVENT_ORDER:
            return self._with_members(self._rows_by_id(events, self._event_order(newest_first)[offset:offset + limit]),
                                      convert=convert)
        order = NEWEST_EVENT_ORDER if newest_first else EVENT_ORDER
        ids = self._statement(("event ids", newest_first, *values), lambda: _paged(
            select(events.c.id).where(*event_conditions(filters, self.dialect)).order_by(*order)))
        page = [row.id for row in self._all(ids, {**values, **paging})]
        return self._with_members(self._rows_by_id(events, page), convert=convert)

    def _event_order(self, newest_first: bool) -> list[str]:
        """The ids of the first KEPT_EVENT_ORDER events in list order, kept until the next write:
        unfiltered pages of events are slices of it, where each sorted every event."""
        key = ("event order", newest_first)
        order = NEWEST_EVENT_ORDER if newest_first else EVENT_ORDER
        first = select(events.c.id).order_by(*order).limit(KEPT_EVENT_ORDER)
        return self.kept_many([key], lambda _: {key: [row[0] for row in self._driver_rows(first)]})[key]

    @kept_until_write
    def count_events(self, filters: EventFilter = EventFilter()) -> int:
        values = filter_parameters(filters, self.dialect)
        counting = self._statement(("count events", *values),
                                   lambda: _counting(events, event_conditions(filters, self.dialect)))
        return self._scalar(counting, values)

    def get_event(self, event_id: str, convert: Callable[[Any, list[str]], T] = rows.event_from_row) -> Optional[T]:
        found = self._all(self._statement(("event",), lambda: select(events).where(events.c.id == bindparam("id"))),
                          {"id": event_id})
        return self._with_members(found, convert=convert)[0] if found else None

    def all_events(self) -> Iterator[Event]:
        for batch in self._batches(select(events).order_by(events.c.id)):
            yield from self._with_members(batch)

    # -- stories -------------------------------------------------------------------------

    def stories(self, limit: int = 50, offset: int = 0) -> list[Story]:
        """A page of stories, the most recently reported first."""
        last = func.max(func.coalesce(events.c.last_seen, events.c.first_seen))
        page = (select(events.c.story_id).where(events.c.story_id.is_not(None)).group_by(events.c.story_id)
                .order_by(last.desc().nulls_last(), events.c.story_id))
        return self._stories([row.story_id for row in self._page(page, lambda row: row, limit, offset)])

    @kept_until_write
    def count_stories(self) -> int:
        return self._scalar(select(func.count(func.distinct(events.c.story_id)))) or 0

    def get_story(self, story_id: str) -> Optional[Story]:
        found = self._stories([story_id])
        return found[0] if found else None

    def _stories(self, story_ids: list[str]) -> list[Story]:
        """The stories named, in that order, summed up from their events' columns."""
        columns = (events.c.story_id, events.c.status, events.c.first_seen, events.c.last_seen,
                   events.c.independent_sources, events.c.id)
        held: dict[str, list[Any]] = defaultdict(list)
        for row in self._all(select(*columns).where(events.c.story_id.in_(story_ids))):
            held[row.story_id].append(row)
        titles = self._titles({story: max(rows_, key=lambda r: (r.independent_sources, r.id)).id
                               for story, rows_ in held.items()})
        return [rows.story_of(story, held[story], titles[story]) for story in story_ids if story in held]

    def _titles(self, best_events: dict[str, str]) -> dict[str, str]:
        """Story -> the summary of its best-backed event."""
        found = {row.id: json.loads(row.data).get("summary", "") for row in
                 self._all(select(events.c.id, events.c.data).where(events.c.id.in_(best_events.values())))}
        return {story: found.get(event_id, "") for story, event_id in best_events.items()}

    def save_events(self, event_list: list[Event]) -> None:
        """Insert or update events and point their member claims at them.

        A claim an event no longer lists is unlinked.  An analyst's assessment survives an
        update that does not carry one.
        """
        with self._write() as conn:
            kept = self._assessments(conn, events.c.id.in_([e.id for e in event_list]))
            self._upsert_events(conn, [_keep_assessment(e, kept) for e in event_list])
            for event in event_list:
                conn.execute(update(claims).where(claims.c.event_id == event.id, claims.c.id.not_in(event.claims))
                             .values(event_id=None))
                self._link_members(conn, event)

    def replace_events(self, event_list: list[Event]) -> None:
        """Full re-link: drop every event and store these (assessments kept by event id)."""
        with self._write() as conn:
            kept = self._assessments(conn)
            conn.execute(update(claims).values(event_id=None))
            conn.execute(delete(events))
            self._upsert_events(conn, [_keep_assessment(e, kept) for e in event_list])
            for event in event_list:
                self._link_members(conn, event)

    def set_assessment(self, event_id: str, assessment: dict[str, Any]) -> Event:
        """Store an analyst's note on an event; KeyError if there is no such event."""
        with self._write() as conn:
            row = conn.execute(select(events).where(events.c.id == event_id).with_for_update()).first()
            if row is None:
                raise KeyError(f"no event {event_id!r}")
            event = self._with_members([row], conn)[0].model_copy(update={"assessment": assessment})
            conn.execute(update(events).where(events.c.id == event_id).values(data=rows.event_row(event)["data"]))
            return event

    # -- sources, failures, stats --------------------------------------------------------

    def sources(self, limit: int = 50, offset: int = 0) -> list[Source]:
        return self._page(select(sources).order_by(sources.c.canonical), rows.source_from_row, limit, offset)

    @kept_until_write
    def count_sources(self) -> int:
        return self._count(sources, [])

    def get_source(self, canonical: str) -> Optional[Source]:
        return self._first(select(sources).where(sources.c.canonical == canonical), rows.source_from_row)

    def all_sources(self) -> Iterator[Source]:
        return self._stream(select(sources).order_by(sources.c.canonical), rows.source_from_row)

    def record_failure(self, origin: str, message: str) -> None:
        with self._write() as conn:
            conn.execute(insert(failures).values(origin=origin, message=message, at=_now()))

    def failures(self) -> list[ReadFailure]:
        found = self._all(select(failures).order_by(failures.c.id))
        return [ReadFailure(origin=row.origin, message=row.message) for row in found]

    def stats(self) -> dict[str, Any]:
        """Counts: documents, duplicates (exact copies + near-duplicates), claims and events
        by status, stories, sources, failures (a copy of those kept until the next write)."""
        return copy.deepcopy(self._counted(("stats",), self._stats))

    def _stats(self) -> dict[str, Any]:
        near = self._count(documents, [documents.c.duplicate_of.is_not(None)])
        return {
            "documents": self._count(documents, []),
            "duplicates": self._count(document_copies, []) + near,
            "claims": self._by_status(claims_by_status(), STATUSES),
            "events": self._by_status(select(events.c.status, func.count()).group_by(events.c.status), EVENT_STATUSES),
            "stories": self.count_stories(),
            "sources": self.count_sources(),
            "failures": self._count(failures, []),
        }

    # -- helpers -----------------------------------------------------------------------

    @contextmanager
    def linking(self) -> Iterator[None]:
        """Run a linking step (read unlinked claims and events, link, save events) as one
        transaction, one step at a time per ledger: on PostgreSQL under an advisory lock, on
        SQLite in a write transaction (BEGIN IMMEDIATE).  Two linkers reading the same state
        and writing over each other's events is what left events and claims disagreeing.
        Inside, this thread's store calls use that transaction; writers elsewhere wait."""
        with self._write() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINK_LOCK_KEY})
            self._held.conn = conn
            try:
                yield
            finally:
                self._held.conn = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Run this thread's reads inside in one connection and transaction: a request of the
        API reads the ledger's version, a count, a page and its documents through one
        connection, instead of taking one from the pool (and beginning and ending a
        transaction) for each.  They read one snapshot (SQLite's reads do; on PostgreSQL
        REPEATABLE READ, where READ COMMITTED shows each statement the latest commits), so the
        ledger's version is read once."""
        if self._held_connection() is not None:  # inside `linking`, or already reading
            yield
            return
        with self._turn, self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            self._held.reader = conn
            try:
                yield
            finally:
                self._held.reader = self._held.version = None

    def _held_connection(self) -> Optional[Connection]:
        """The connection of this thread's `linking` step or `reading`, if any."""
        return getattr(self._held, "conn", None) or getattr(self._held, "reader", None)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        held = self._held_connection()
        if held is not None:
            yield held
            return
        with self._turn, self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        held = getattr(self._held, "conn", None)
        if held is not None:  # inside `linking`: its transaction commits or rolls back the whole step
            yield held
            return
        with self._turn, self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
            yield conn
            # last, so the row is locked (PostgreSQL) only for the commit
            conn.execute(update(ledger_version).values(version=ledger_version.c.version + 1))

    def _counted(self, key: tuple, count: Callable[[], T]) -> T:
        """``count()``, kept for ``key`` until the ledger's next write: counts scan rows, the
        version is one row (see `kept_many`)."""
        return self.kept_many([key], lambda keys: {key: count()})[key]

    def kept_many(self, keys: Sequence[Key], compute: Callable[[list[Key]], dict[Key, T]]) -> dict[Key, T]:
        """The values of ``keys`` derived from the ledger as it is: those kept since its last
        write (store/kept.py), the others from ``compute(missing keys)`` (which returns each),
        then kept.  Counts, member lists and, for the API, records' JSON are kept so.  What is
        computed is kept only when no write committed meanwhile (versions only grow; inside a
        `reading`, one snapshot, none shows), and nothing is kept inside `linking`, whose
        writes are not committed yet."""
        if getattr(self._held, "conn", None) is not None:
            return compute(list(keys))
        version = self.version()
        found = self._kept.found(version, keys)
        missing = [key for key in keys if key not in found]
        if missing:
            computed = compute(missing)
            if self.version() == version:
                self._kept.keep(version, computed)
            found.update(computed)
        return found

    def version(self) -> int:
        """The ledger's version: raised by every write transaction of a Store, so what is derived
        from the ledger may be kept until it changes (as `kept_many` does).  Read once per
        `reading` (one snapshot: a write meanwhile is not seen)."""
        if getattr(self._held, "version", None) is not None:
            return self._held.version
        version = self._scalar(VERSION)
        if getattr(self._held, "reader", None) is not None:
            self._held.version = version
        return version

    def _statement(self, shape: tuple, build: Callable[[], Select]) -> Select:
        """The statement of ``shape``, built once (by ``build``) and run again with each
        request's parameters: SQLAlchemy took ~0.1 ms to build a page's statement anew and find
        its compiled form (~0.5 ms a source's UNION).  ``shape`` names what the statement is
        and every parameter it holds (see conditions.py), never a value."""
        statement = self._statements.get(shape)
        if statement is None:
            if len(self._statements) >= MAX_STATEMENTS:
                self._statements.clear()
            statement = self._statements[shape] = build()
        return statement

    def _all(self, statement: Select, parameters: Optional[dict[str, Any]] = None) -> list[Any]:
        with self._read() as conn:
            return conn.execute(statement, parameters).all()

    def _page(self, statement: Select, convert: Callable[[Any], T], limit: int, offset: int) -> list[T]:
        return [convert(row) for row in self._all(_paged(statement), _paging(limit, offset))]

    def _by_ids(self, table) -> Select:
        """SELECT the rows of ``table`` whose id is in parameter ``ids`` (a list).  On PostgreSQL
        the list is one array parameter (``= ANY``): SQLAlchemy wrote an IN list of one parameter
        per id at each run (~0.07 ms for 50), and the text, the same for any number of ids, is
        prepared once per connection."""
        def build() -> Select:
            if self.dialect == "postgresql":
                return select(table).where(table.c.id == any_(bindparam("ids", type_=postgresql.ARRAY(String))))
            return select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))

        return self._statement(("by ids", table.name), build)

    def _rows_by_id(self, table, ids: list[str]) -> list[Any]:
        """The rows of ``table`` with these ``ids``, in that order (a page of ids read first, so
        the rows skipped by an offset and sorted are only ids and sort keys: an event's row
        holds its JSON, and a page at offset 900 read 950 of them)."""
        found = {row.id: row for row in self._all(self._by_ids(table), {"ids": ids})}
        return [found[row_id] for row_id in ids]

    def _driver_rows(self, statement: Select, conn: Optional[Connection] = None) -> list[tuple]:
        """Rows as the database driver returns them (tuples, no SQLAlchemy Row): for thousands
        of rows of plain text columns, building Rows cost as much as the query."""
        if conn is not None:
            return conn.execute(statement).cursor.fetchall()
        with self._read() as conn:
            return conn.execute(statement).cursor.fetchall()

    def _scalar(self, statement: Select, parameters: Optional[dict[str, Any]] = None) -> Any:
        with self._read() as conn:
            return conn.scalar(statement, parameters)

    def _first(self, statement: Select, convert: Callable[[Any], T]) -> Optional[T]:
        found = self._all(statement.limit(1))
        return convert(found[0]) if found else None

    def _count(self, table, conditions: list[ColumnElement[bool]]) -> int:
        return self._scalar(_counting(table, conditions))

    def _by_status(self, counts: Select, statuses: Iterable[str]) -> dict[str, int]:
        """``counts`` (rows of status, number) for every one of ``statuses``."""
        counted = {status: int(number) for status, number in self._all(counts)}
        return {status: counted.get(status, 0) for status in statuses}

    def _stream(self, statement: Select, convert: Callable[[Any], T]) -> Iterator[T]:
        for batch in self._batches(statement):
            yield from (convert(row) for row in batch)

    def _batches(self, statement: Select) -> Iterator[Sequence[Any]]:
        if self._one_connection:
            # Read everything first, so the caller may use the store while iterating (and
            # other threads get their turn); the data is in memory already.
            return iter([self._all(statement)])
        return self._cursor_batches(statement)

    def _cursor_batches(self, statement: Select) -> Iterator[Sequence[Any]]:
        # STREAM_BATCH rows at a time (a server-side cursor on PostgreSQL).
        with self._read() as conn:
            # per statement: Connection.execution_options would change a held (`linking`) connection
            yield from conn.execute(statement.execution_options(yield_per=STREAM_BATCH)).partitions()

    def _with_copies(self, document_rows: Sequence[Any]) -> list[Document]:
        ids = [row.id for row in document_rows]
        by_document: dict[str, list[dict]] = defaultdict(list)
        statement = select(document_copies).where(document_copies.c.document_id.in_(ids))
        for copy in self._all(statement.order_by(document_copies.c.document_id, document_copies.c.origin)):
            by_document[copy.document_id].append(rows.copy_from_row(copy))
        return [rows.document_from_row(row, by_document[row.id]) for row in document_rows]

    def _with_members(self, event_rows: Sequence[Any], conn: Optional[Connection] = None,
                      convert: Callable[[Any, list[str]], T] = rows.event_from_row) -> list[T]:
        """Events with their member claims, read from ``claims.event_id`` (in list order)."""
        keys = [("members", row.id) for row in event_rows]
        if conn is None:  # kept until the next write: a page of events holds thousands of members
            members = self.kept_many(keys, self._read_members)
        else:
            members = self._read_members(keys, conn)
        return [convert(row, members[key]) for row, key in zip(event_rows, keys)]

    def _read_members(self, keys: list[tuple], conn: Optional[Connection] = None) -> dict[tuple, list[str]]:
        """("members", event id) -> the event's member claims in list order."""
        ids = [event_id for _, event_id in keys]
        statement = select(claims.c.event_id, claims.c.id).where(claims.c.event_id.in_(ids)).order_by(*CLAIM_ORDER)
        members: dict[tuple, list[str]] = {key: [] for key in keys}
        for event_id, claim_id in self._driver_rows(statement, conn):
            members["members", event_id].append(claim_id)
        return members

    def _insert(self, table):
        return (postgresql if self.dialect == "postgresql" else sqlite).insert(table)

    def _insert_ignore(self, conn: Connection, table, row: dict[str, Any]) -> bool:
        """Insert ``row`` unless its key exists; True if it was inserted."""
        # RETURNING, not rowcount: psycopg reports -1 for this statement through SQLAlchemy.
        statement = self._insert(table).values(row).on_conflict_do_nothing()
        key = list(table.primary_key.columns) or list(table.columns)[:1]
        return conn.execute(statement.returning(*key)).first() is not None

    def _record_copy(self, conn: Connection, doc: Document) -> bool:
        stored_origin = conn.scalar(select(documents.c.origin).where(documents.c.id == doc.id))
        if doc.origin == stored_origin:  # reading the same file again is not a copy
            return False
        return self._insert_ignore(conn, document_copies, rows.copy_row(doc.id, _where_read(doc)))

    def _merge_sources(self, conn: Connection, claim_list: list[Claim]) -> None:
        refs_by_key = defaultdict(list)
        for claim in claim_list:
            if claim.origin:
                refs_by_key[rows.source_key(claim.origin)].append(claim.origin)
        for key, refs in sorted(refs_by_key.items()):  # sorted: concurrent writers lock in one order
            self._insert_ignore(conn, sources, rows.source_row(Source(canonical=key)))
            row = conn.execute(select(sources).where(sources.c.canonical == key).with_for_update()).one()
            merged = reduce(rows.merged_source, refs, rows.source_from_row(row))
            conn.execute(update(sources).where(sources.c.canonical == key)
                         .values(**rows.source_row(merged), claims=sources.c.claims + len(refs)))

    def _assessments(self, conn: Connection, *conditions: ColumnElement[bool]) -> dict[str, dict]:
        stored = (rows.event_from_row(row, []) for row in conn.execute(select(events).where(*conditions)))
        return {event.id: event.assessment for event in stored if event.assessment}

    def _upsert_events(self, conn: Connection, event_list: list[Event]) -> None:
        if not event_list:
            return
        statement = self._insert(events)
        replace = {c.name: statement.excluded[c.name] for c in events.columns if c.name != "id"}
        conn.execute(statement.on_conflict_do_update(index_elements=[events.c.id], set_=replace),
                     [rows.event_row(e) for e in event_list])

    def _link_members(self, conn: Connection, event: Event) -> None:
        if event.claims:
            conn.execute(update(claims).where(claims.c.id.in_(event.claims)).values(event_id=event.id))


# Lists read chronologically (undated last), then in a fixed order: pages never overlap.
READING_ORDER = (claims.c.document_id, claims.c.idx)
DOCUMENT_ORDER = (documents.c.published.nulls_last(), documents.c.id)
CLAIM_ORDER = (claims.c.date.nulls_last(), claims.c.document_id, claims.c.idx)
EVENT_ORDER = (events.c.first_seen.nulls_last(), events.c.id)
NEWEST_EVENT_ORDER = (events.c.last_seen.desc().nulls_last(), events.c.first_seen.desc().nulls_last(), events.c.id)
# Paging as named parameters, so a statement is built once and run for every page (see _paging).
LIMIT, OFFSET, FIRST = (bindparam(name, type_=BigInteger) for name in ("limit", "offset", "first"))
VERSION = select(ledger_version.c.version)


def _counting(table, conditions: list[ColumnElement[bool]]) -> Select:
    return select(func.count()).select_from(table).where(*conditions)


def _paged(statement: Select) -> Select:
    """``statement`` limited and offset by the parameters of `_paging`."""
    return statement.limit(LIMIT).offset(OFFSET)


def _paging(limit: int, offset: int) -> dict[str, int]:
    """The paging parameters (checked): ``first``, the rows up to the page's end, bounds each
    branch of a union (see _page_of_union)."""
    _check_paging(limit, offset)
    return {"limit": limit, "offset": offset, "first": offset + limit}


def _claims_page(filters: ClaimFilter, dialect: str) -> Select:
    """A page of the claims ``filters`` match (its parameters bound, see conditions.py)."""
    branches = claim_condition_branches(filters, dialect)
    if len(branches) == 1:
        return _paged(select(claims).where(*branches[0]).order_by(*CLAIM_ORDER))
    return _page_of_union(branches)


def _page_of_matches(condition: ColumnElement[bool]) -> Select:
    """A page of the claims meeting ``condition``, sorted from the keys of every match: the
    matches are found first, on their own (OFFSET 0 keeps a planner from merging them into a
    read of all claims in list order), then the page's rows are read."""
    matched = select(claims.c.id, *CLAIM_LIST_ORDER).where(condition).offset(0).subquery()
    page = _paged(select(matched.c.id).order_by(matched.c.date.nulls_last(), matched.c.document_id, matched.c.idx))
    return select(claims).where(claims.c.id.in_(page)).order_by(*CLAIM_ORDER)


def _page_of_union(branches: list[list[ColumnElement[bool]]]) -> Select:
    """A page of the claims meeting any branch: the first ``offset + limit`` keys of each
    branch, read in list order from its index and no further (the page lies within them),
    merged (UNION); then the page's rows."""
    def first_keys(branch: list[ColumnElement[bool]]) -> Select:
        keys = select(claims.c.id, *CLAIM_LIST_ORDER).where(*branch).order_by(*CLAIM_ORDER).limit(FIRST)
        return select(keys.subquery())  # a compound's member may not be ordered itself

    keys = union(*(first_keys(branch) for branch in branches))
    key = keys.selected_columns
    page = keys.order_by(key.date.nulls_last(), key.document_id, key.idx).limit(LIMIT).offset(OFFSET).subquery()
    return select(claims).where(claims.c.id.in_(select(page.c.id))).order_by(*CLAIM_ORDER)


def _check_paging(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise ValueError(f"limit ({limit}) and offset ({offset}) must not be negative")
    if limit + offset > MAX_ROWS:
        raise ValueError(f"limit + offset ({limit} + {offset}) must be at most {MAX_ROWS}")


def _text_only(filters: ClaimFilter) -> bool:
    return bool(filters.q) and filters == ClaimFilter(q=filters.q)


def _claim_and_document(row: Any) -> tuple[Claim, dict[str, Any]]:
    document = {name: getattr(row, f"doc_{name}") for name in ("url", "outlet", "published", "title")}
    return rows.claim_from_row(row), document


def _where_read(doc: Document) -> dict[str, Optional[str]]:
    return {"url": doc.url, "outlet": doc.outlet, "origin": doc.origin}


def _keep_assessment(event: Event, kept: dict[str, dict]) -> Event:
    if event.assessment is not None or event.id not in kept:
        return event
    return event.model_copy(update={"assessment": kept[event.id]})


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
