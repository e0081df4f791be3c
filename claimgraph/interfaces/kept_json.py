"""Claims' and events' JSON as the API sends it, kept by the store until the ledger's next write.

Most of a page of claims' CPU time was its rows made into Claims (pydantic parsing the stored
JSON, ~27 µs a claim) and serialised again (~15 µs): 2 ms of a page of 50.  A claim's or an
event's JSON changes only with a write, so it is kept with the store's other derived values
(`Store.kept_many`: per ledger version, the least recently used dropped first), a page's
records looked up together.

This is not a response cache: every request still reads its page, count and rows through its
queries; what is kept is each record's JSON, the same bytes whatever the request that asks for
it.  A write that bypasses Store (raw SQL) does not raise the version: its changes show after
the next write through a Store, as the kept counts and member lists do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from claimgraph.model import Claim
from claimgraph.store import Store
from claimgraph.store.rows import claim_from_row, event_from_row


def claims_json(store: Store, claim_rows: Sequence[Any]) -> list[str]:
    """The JSON of the claim of each row (rows of table claims), in order."""
    def dump(missing: list[Any]) -> list[str]:
        return [claim_from_row(row).model_dump_json() for row in missing]

    return _kept(store, "claim", claim_rows, dump)


def events_json(store: Store, events: Sequence[tuple[Any, list[str]]]) -> list[str]:
    """The JSON of each event given as (its row, its member claims), as Store.events reads them."""
    def dump(missing: list[tuple[Any, list[str]]]) -> list[str]:
        return [event_from_row(row, members).model_dump_json() for row, members in missing]

    return _kept(store, "event", events, dump, id_of=lambda event: event[0].id)


def claims_in_context_json(store: Store, claim_rows: Sequence[Any],
                           in_context: Callable[[list[Claim]], list[BaseModel]]) -> list[str]:
    """The JSON of each claim of ``claim_rows`` as ``in_context`` shows claims (with their
    sentence and document: the documents too change only with a write)."""
    def dump(missing: list[Any]) -> list[str]:
        return [view.model_dump_json() for view in in_context([claim_from_row(row) for row in missing])]

    return _kept(store, "claim in context", claim_rows, dump)


def _kept(store: Store, kind: str, records: Sequence[Any], dump: Callable[[list[Any]], list[str]],
          id_of: Callable[[Any], str] = lambda row: row.id) -> list[str]:
    """The JSON of each of ``records`` (kept as (kind, id)); ``dump(records)`` makes it for
    those not kept, in their order."""
    by_key = {(kind, id_of(record)): record for record in records}

    def made(missing: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        return dict(zip(missing, dump([by_key[key] for key in missing])))

    found = store.kept_many(list(by_key), made)
    return [found[kind, id_of(record)] for record in records]
