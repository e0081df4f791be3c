"""Cross-document linking: claims -> events with origins, contradictions and status history.

`link_claims` attaches new claims to stored events (incremental); `relink` starts afresh.
Near-duplicate documents are found before this, at ingest (`claimgraph.dedup`).
"""

from claimgraph.link.cluster import link_claims, relink

__all__ = ["link_claims", "relink"]
