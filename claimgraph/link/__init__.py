"""Cross-document linking: claims -> events with origins, contradictions and status history.

`link_claims` attaches new claims to stored events (incremental); `relink` starts afresh;
`events_of_clusters` builds the events of clusters fixed by hand (or by a gold standard).
Near-duplicate documents are found before this, at ingest (`claimgraph.dedup`).
"""

from claimgraph.link.cluster import events_of_clusters, link_claims, relink

__all__ = ["events_of_clusters", "link_claims", "relink"]
