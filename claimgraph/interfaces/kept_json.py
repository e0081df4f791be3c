"""Claims' and events' JSON as the API sends it, kept until the ledger's next write.

Most of a page of claims' CPU time was its rows made into Claims (pydantic parsing the stored
JSON, ~27 µs a claim) and serialised again (~15 µs): 2 ms of a page of 50.  A claim's or an
event's JSON changes only with a write, and every write through a Store raises the ledger's
version (`Store.version`), so the JSON is kept per version and dropped when it rises.

This is not a response cache: every request still reads its page, count and rows through its
queries; what is kept is each record's JSON, the same bytes whatever the request that asks for
it.  A write that bypasses Store (raw SQL) does not raise the version: its changes show after
the next write through a Store, as the kept counts and member lists do.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Optional

from pydantic import BaseModel

from claimgraph.model import Claim
from claimgraph.store import Store
from claimgraph.store.rows import claim_from_row, event_from_row

# Records whose JSON a server process keeps (least recently used dropped first): 40,000
# claims of bench/api_load.py's ledger are ~30 MB.
MAX_KEPT_JSON = 40_000


class KeptJson:
    """Each claim's and event's JSON (pydantic's, as `model_dump_json` writes it) for the
    ledger's current version, made from its row on first use."""

    def __init__(self, store: Store, size: int = MAX_KEPT_JSON):
        self.store = store
        self.size = size
        self.version: Optional[int] = None
        self.entries: OrderedDict[tuple[str, str], str] = OrderedDict()
        self.lock = threading.Lock()  # PostgreSQL's requests run in threads

    def claim(self, row: Any) -> str:
        """The JSON of the claim in ``row`` (a row of table claims)."""
        return self._kept([("claim", row.id)], lambda _: [claim_from_row(row).model_dump_json()])[0]

    def event(self, row: Any, members: list[str]) -> str:
        """The JSON of the event in ``row`` with its ``members`` (see Store.events)."""
        return self._kept([("event", row.id)], lambda _: [event_from_row(row, members).model_dump_json()])[0]

    def claims_in_context(self, claim_rows: list[Any], in_context: Callable[[list[Claim]], list[BaseModel]]) -> list[str]:
        """The JSON of each claim of ``claim_rows`` as ``in_context`` shows claims (with their
        sentence and document: the documents too change only with a write)."""
        def dump(missing: list[int]) -> list[str]:
            return [view.model_dump_json() for view in in_context([claim_from_row(claim_rows[i]) for i in missing])]

        return self._kept([("claim in context", row.id) for row in claim_rows], dump)

    def _kept(self, keys: list[tuple[str, str]], dump: Callable[[list[int]], list[str]]) -> list[str]:
        """The JSON kept for each of ``keys``; ``dump(positions)`` makes those of the keys at
        ``positions`` that are not kept (in that order)."""
        version = self.store.version()
        with self.lock:
            if self.version is None or version > self.version:
                self.entries.clear()
                self.version = version
            current = version == self.version  # else a request reading an older snapshot: nothing kept
            found = [self.entries.get(key) if current else None for key in keys]
            for key, value in zip(keys, found):
                if value is not None:
                    self.entries.move_to_end(key)
        missing = [i for i, value in enumerate(found) if value is None]
        if missing:
            for i, value in zip(missing, dump(missing)):
                found[i] = value
            self._keep(version, [(keys[i], found[i]) for i in missing])
        return found

    def _keep(self, version: int, values: list[tuple[tuple[str, str], str]]) -> None:
        with self.lock:
            if self.version != version:  # a write came meanwhile
                return
            self.entries.update(values)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
