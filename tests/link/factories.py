"""Small hand-made Claims, Documents and Places for the linking tests (text written by us)."""

from __future__ import annotations

from typing import Optional

from claimgraph.model import Actor, Claim, Document, Evidence, Place, Quantity, SourceRef, TimeSpan

TOWNS = {
    "Sudzha": (51.19, 35.27),
    "Glushkovo": (51.34, 34.63),
    "Zvannoe": (51.33, 34.73),
    "Korenevo": (51.41, 34.91),
    "Oktyabrskoye": (51.64, 35.07),
    "Kyiv": (50.45, 30.52),
}


def town(name: str) -> Place:
    lat, lon = TOWNS[name]
    return Place(text=name, span=(0, len(name)), name=name, lat=lat, lon=lon, precision="town")


def source(name: str, kind: str = "official", side: Optional[str] = None) -> SourceRef:
    return SourceRef(name=name, canonical=name, kind=kind, side=side)


def quantity(text: str, value: float, unit: str, approximate: bool = False, high: Optional[float] = None) -> Quantity:
    return Quantity(text=text, min=value, max=high, unit=unit, approximate=approximate)


def document(doc_id: str, published: str = "2024-08-10", author: str = "Test Author", **fields) -> Document:
    return Document(**({"id": doc_id, "text": "(test)", "published": published, "author": author} | fields))


def claim(claim_id: str, text: str, event_type: str = "territorial_change", *, places: tuple[str, ...] = (),
          chain: tuple[SourceRef, ...] = (), status: str = "reported", day: Optional[str] = None,
          quantities: tuple[Quantity, ...] = (), actors: tuple[str, ...] = (),
          evidence: tuple[Evidence, ...] = ()) -> Claim:
    return Claim(
        id=claim_id, text=text, span=(0, len(text)), sentence_span=(0, len(text)), event_type=event_type,
        status=status, source_chain=list(chain), places=[town(p) for p in places],
        time=TimeSpan(text=day, start=day, end=day, precision="day", resolved=True) if day else None,
        quantities=list(quantities), actors=[Actor(text=a, canonical=a) for a in actors],
        evidence=list(evidence),
    )


def documents(*docs: Document) -> dict[str, Document]:
    return {d.id: d for d in docs}
