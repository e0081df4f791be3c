"""Model objects <-> table rows (see ``schema.py`` for what each column is for).

Rows carry their ``data`` column as JSON text (see ``engine.py``)."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional, TypeVar

from pydantic import BaseModel
from sqlalchemy import Row

from claimgraph.model import Claim, Document, Event, Place, Source, SourceRef, Story
from claimgraph.resolve.position import claim_place, event_position, position

R = TypeVar("R", bound=BaseModel)
EMPTY_JSON = {str: '""', list: "[]"}  # a placeholder of each type a column's field holds (see _from_stored)
DOCUMENT_COLUMNS = ("url", "outlet", "author", "title", "genre", "language", "duplicate_of",
                    "syndication_group", "origin", "format")


def document_row(doc: Document, ingested_at: str) -> dict[str, Any]:
    row = {name: getattr(doc, name) for name in DOCUMENT_COLUMNS}
    data = doc.to_json()
    del data["text"], data["copies"]  # stored in column `text` and table `document_copies`
    return {**row, "id": doc.id, "published": iso_date(doc.published), "ingested_at": ingested_at,
            "text": doc.text, "data": data}


def document_from_row(row: Row, copies: list[dict[str, Optional[str]]]) -> Document:
    return _from_stored(Document, row.data, text=row.text, copies=copies)


def copy_row(doc_id: str, copy: dict[str, Optional[str]]) -> dict[str, Any]:
    """A row of ``document_copies`` from a copy's url/outlet/origin."""
    return {"document_id": doc_id, "url": copy.get("url"), "outlet": copy.get("outlet"),
            "origin": copy.get("origin") or ""}


def copy_from_row(row: Row) -> dict[str, Optional[str]]:
    return {"url": row.url, "outlet": row.outlet, "origin": row.origin or None}


def claim_row(claim: Claim, doc: Document, idx: int) -> dict[str, Any]:
    origin = claim.origin
    place = claim_place(claim)
    lat, lon = _point(position([place]) if place else None)  # a country alone has no point
    start = claim.time.start if claim.time else None
    return {
        "id": claim.id, "document_id": doc.id, "idx": idx, "text": claim.text,
        "event_type": claim.event_type, "status": claim.status,
        "origin": source_key(origin) if origin else None,
        "origin_name": origin.name if origin else None,
        "origin_side": origin.side if origin else None,
        "date": iso_date(start) or iso_date(doc.published),
        "lat": lat, "lon": lon,
        "event_id": None,  # set by save_events, once the event exists (a foreign key)
        "data": claim.model_copy(update={"document_id": doc.id}).to_json(),
    }


def claim_from_row(row: Row) -> Claim:
    claim = Claim.model_validate_json(row.data)
    # The columns are the truth for links that change after the claim was written.
    claim.document_id, claim.event_id = row.document_id, row.event_id
    return claim


def event_row(event: Event) -> dict[str, Any]:
    lat, lon = _point(event_position(event))
    data = event.to_json()
    del data["claims"]  # membership is column claims.event_id, the one source of truth
    return {"id": event.id, "event_type": event.event_type, "status": event.status,
            "first_seen": iso_date(event.first_seen), "last_seen": iso_date(event.last_seen),
            "lat": lat, "lon": lon, "independent_sources": event.independent_sources,
            "story_id": event.story_id, "data": data}


def event_from_row(row: Row, members: list[str]) -> Event:
    """The event with its member claims (``members``, read from ``claims.event_id``)."""
    return _from_stored(Event, row.data, claims=list(members))  # a copy: the caller may keep `members`


def _from_stored(model: type[R], data: str, **columns: Any) -> R:
    """``model`` from its stored JSON ``data`` and the fields kept in ``columns`` instead,
    already of their types.  The JSON gets those fields as empty placeholders, so pydantic
    parses and validates it in one pass (half the time of json.loads, then validation), and
    the values are set after."""
    placeholders = "".join(f', "{name}": {EMPTY_JSON[type(value)]}' for name, value in columns.items())
    record = model.model_validate_json(data[:data.rindex("}")] + placeholders + "}")
    for name, value in columns.items():
        setattr(record, name, value)
    return record


def story_of(story_id: str, event_rows: list[Any], title: str) -> Story:
    """A story summed up from its events' rows (status, first_seen, last_seen columns)."""
    firsts = [r.first_seen for r in event_rows if r.first_seen]
    lasts = [r.last_seen or r.first_seen for r in event_rows if r.last_seen or r.first_seen]
    statuses: dict[str, int] = {}
    for row in event_rows:
        statuses[row.status] = statuses.get(row.status, 0) + 1
    return Story(id=story_id, title=title, events=len(event_rows), first_seen=min(firsts, default=None),
                 last_seen=max(lasts, default=None), statuses=statuses)


def source_key(ref: SourceRef) -> str:
    return ref.canonical or ref.name


def merged_source(source: Source, ref: SourceRef) -> Source:
    """``source`` updated with what one more claim says of it (values already known win)."""
    names = source.names if ref.name in source.names else [*source.names, ref.name]
    return source.model_copy(update={"kind": source.kind or ref.kind, "side": source.side or ref.side,
                                     "names": names})


def source_row(source: Source) -> dict[str, Any]:
    return {"canonical": source.canonical, "kind": source.kind, "side": source.side,
            "data": source.model_copy(update={"claims": 0}).to_json()}


def source_from_row(row: Row) -> Source:
    source = Source.model_validate_json(row.data)
    source.claims = row.claims  # counted in its column as claims are added
    return source


def _point(place: Optional[Place]) -> tuple[Optional[float], Optional[float]]:
    return (place.lat, place.lon) if place else (None, None)


def iso_date(value: Optional[str]) -> Optional[str]:
    """The YYYY-MM-DD part of an ISO date or datetime; None if there is none."""
    try:
        return date.fromisoformat(value[:10]).isoformat() if value else None
    except ValueError:
        return None
