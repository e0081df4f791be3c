"""Values derived from one version of the ledger, kept until it changes (see `Store.kept_many`).

The API asks the same counts, member lists and records again and again between two writes;
every write transaction of a Store raises the ledger's version (`Store.version`), so what is
derived from one version stays right until the version rises.  Only the newest version's values
are kept: when a newer one is seen the older ones go at once, so a server reading a ledger that
an ingest keeps writing holds one version's values, not a trail of stale ones.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from typing import Any

Key = Hashable


class KeptValues:
    """At most ``size`` values of the newest version seen, the least recently used dropped
    first.  Thread-safe: the API reads PostgreSQL in a pool of threads."""

    def __init__(self, size: int):
        self.size = size
        self.version: int | None = None
        self.entries: OrderedDict[Key, Any] = OrderedDict()
        self._lock = threading.Lock()

    def found(self, version: int, keys: Iterable[Key]) -> dict[Key, Any]:
        """The values kept for ``keys`` at ``version`` (none for an older one: a reader of an
        older snapshot, while a write committed)."""
        with self._lock:
            self._follow(version)
            if version != self.version:
                return {}
            found = {key: self.entries[key] for key in keys if key in self.entries}
            for key in found:
                self.entries.move_to_end(key)
            return found

    def keep(self, version: int, values: dict[Key, Any]) -> None:
        """Keep ``values``, derived from ``version``, unless a newer version was seen."""
        with self._lock:
            self._follow(version)
            if version != self.version:
                return
            self.entries.update(values)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def _follow(self, version: int) -> None:
        if self.version is None or version > self.version:
            self.entries.clear()
            self.version = version
