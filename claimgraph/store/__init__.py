"""Ledger storage: SQLAlchemy Core over SQLite (default) or PostgreSQL.

Modules: ``store`` (the Store API), ``schema`` (tables), ``migrations``, ``search``
(full text per database), ``filters`` (ClaimFilter/EventFilter and their validation),
``conditions`` (filters -> SQL), ``rows`` (models <-> rows), ``engine`` (URL, pragmas).
"""

from claimgraph.store.filters import ClaimFilter, EventFilter
from claimgraph.store.store import Store

__all__ = ["ClaimFilter", "EventFilter", "Store"]
