"""Small builders for model objects used by the store and export tests (text written by us)."""

from __future__ import annotations

import hashlib
from typing import Any

from claimgraph.model import (Actor, Claim, Contradiction, Cue, Document, Event, Evidence, LoadedTerm, Place,
                              Quantity, SourceRef, StatusChange, TimeSpan)


def make_document(text: str = "The bridge at Northford was hit on Monday, the governor said.",
                  **fields: Any) -> Document:
    defaults = dict(url="https://example.test/a", outlet="Example Daily", author="Ann Writer",
                    published="2024-08-09", title="Bridge hit", genre="news", language="en",
                    origin="articles/a.txt", format="text",
                    places=[make_place("Northford", lat=51.0, lon=35.0, span=(14, 23))])
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Document(id=doc_id, text=text, **{**defaults, **fields})


def make_place(name: str = "Northford", lat: float | None = 51.0, lon: float | None = 35.0,
               **fields: Any) -> Place:
    defaults = dict(text=name, span=(0, len(name)), name=name, geonameid=12345, country="UA",
                    admin1="North Oblast", feature="PPL", precision="town")
    return Place(lat=lat, lon=lon, **{**defaults, **fields})


def make_origin(name: str = "the regional governor", canonical: str | None = "North Oblast Administration",
                **fields: Any) -> SourceRef:
    defaults = dict(kind="official", side="Ukraine", cue="said", span=(40, 60))
    return SourceRef(name=name, canonical=canonical, **{**defaults, **fields})


def make_claim(doc: Document, idx: int = 0, text: str = "The bridge at Northford was hit on Monday",
               **fields: Any) -> Claim:
    """A claim with every field filled, so a round trip checks them all."""
    defaults = dict(
        span=(0, len(text)), sentence_span=(0, len(text) + 19), event_type="strike", status="reported",
        status_cues=[Cue(text="said", span=(55, 59))],
        source_chain=[make_origin(), SourceRef(name="Example Daily", canonical="Example Daily", kind="media")],
        actors=[Actor(text="Russian forces", canonical="Armed Forces of Russia", side="Russia", role="agent"),
                Actor(text="the bridge", role="patient")],
        places=[make_place(role="demonym", lat=60.0, lon=90.0, name="Russia"), make_place()],
        time=TimeSpan(text="on Monday", span=(31, 40), start="2024-08-05", end="2024-08-05",
                      precision="day", anchor="published", resolved=True),
        quantities=[Quantity(text="two spans", min=2, max=2, conservative=2, unit="spans")],
        evidence=[Evidence(kind="video", platform="Telegram", publisher="a local channel")],
        loaded_language=[LoadedTerm(text="terror strike", span=(0, 13), neutral="strike")],
    )
    return Claim(id=f"{doc.id}:{idx}", text=text, document_id=doc.id, **{**defaults, **fields})


def make_event(event_id: str = "e1", claims: list[Claim] | None = None, **fields: Any) -> Event:
    claim_ids = [claim.id for claim in claims or []]
    defaults = dict(
        event_type="strike", summary="Bridge at Northford hit", documents=1,
        origins=["North Oblast Administration"], independent_sources=1, sides=["Ukraine"],
        status="claimed", first_seen="2024-08-05", last_seen="2024-08-09", places=[make_place()],
        quantities={"spans": {"min": 2, "max": 2, "values": [2]}},
        contradictions=[Contradiction(claims=claim_ids[:2], kind="quantity", note="2 vs 3 spans")],
        history=[StatusChange(date="2024-08-05", status="claimed", claim=claim_ids[0] if claim_ids else None)],
    )
    return Event(id=event_id, claims=claim_ids, **{**defaults, **fields})


def stored_pair(store, doc_text: str = "The bridge at Northford was hit on Monday, the governor said.",
                **claim_fields: Any) -> tuple[Document, Claim]:
    """Store one document with one claim; return both as written."""
    doc = make_document(doc_text)
    claim = make_claim(doc, **claim_fields)
    store.add_document(doc, [claim])
    return doc, claim
