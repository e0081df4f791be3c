"""Export the ledger: ``export(store, fmt, out)``.

Formats (every one streams: records are read from the store and written one at a time):

- ``json``: one object ``{"documents", "claims", "events", "sources"}`` as in the claims-v1
  contract (documents carry their full text and the ``copies`` extension).
- ``jsonl``: one object per line, ``{"type": "document"|"claim"|"event"|"source", ...record}``.
- ``csv``: one row per claim in ACLED-like columns (CSV_COLUMNS): the claim's event,
  date, type, status as ``sub_event_type``, actors, first located place with an ACLED
  ``geo_precision`` (1 town/point, 2 district, 3 region or country), source chain
  ``origin > relay``, ``fatalities`` (conservative count of the dead, empty if not stated).
- ``geojson``: an RFC 7946 FeatureCollection ([lon, lat], WGS 84, flat properties that QGIS
  shows as attributes): one Point per located place of each claim, and one per event at its
  first located place.
- ``parquet``: ``out`` a directory (or a path without ``.parquet`` suffix) gets one file per
  table: documents, claims, events, sources.  ``out`` a ``*.parquet`` path or a binary
  stream gets the claims table only.  The claims table has the CSV columns (typed) plus
  ``claim_json``; nested fields of the other tables are ``*_json`` string columns.

``out`` is a path, a text stream, or a binary stream (written as UTF-8).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Optional, TextIO, Union

from claimgraph.model import Claim, Event, Place
from claimgraph.store.rows import most_precise_place, iso_date

FORMATS = ("json", "jsonl", "csv", "geojson", "parquet")
CSV_COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
               "admin1", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
               "source_side", "notes", "fatalities", "claim_id", "document_id", "url")
DEATH_WORDS = ("kill", "dead", "death", "died", "fatalit", "bodies", "lives")  # units counting the dead
ACTOR_ROLE_ORDER = {"agent": 0, "other": 1, "patient": 2}  # actor1 acts, actor2 is acted on
PARQUET_BATCH = 1000
Output = Union[Path, str, BinaryIO, TextIO]


def export(store: Any, fmt: str, out: Output) -> None:
    """Write the whole ledger held by ``store`` to ``out`` in format ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        write_parquet(store, out)
        return
    with _text_output(out) as stream:
        TEXT_WRITERS[fmt](store, stream)


# -- json / jsonl ----------------------------------------------------------------------------

def ledger_records(store: Any) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """(table name, its records as contract JSON), streamed from the store."""
    yield "documents", (d.to_json() for d in store.all_documents())
    yield "claims", (c.to_json() for c in store.all_claims())
    yield "events", (e.to_json() for e in store.all_events())
    yield "sources", (s.to_json() for s in store.all_sources())


def write_json(store: Any, out: TextIO) -> None:
    out.write("{")
    for table_number, (table, records) in enumerate(ledger_records(store)):
        out.write(f'{", " if table_number else ""}{json.dumps(table)}: [')
        for number, record in enumerate(records):
            out.write(("," if number else "") + "\n" + _dumps(record))
        out.write("]")
    out.write("}\n")


def write_jsonl(store: Any, out: TextIO) -> None:
    for table, records in ledger_records(store):
        kind = table.removesuffix("s")
        for record in records:
            out.write(_dumps({"type": kind, **record}) + "\n")


# -- csv (ACLED-like) ---------------------------------------------------------------------------

def write_csv(store: Any, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim, document in store.claims_with_documents():
        writer.writerow(acled_row(claim, document))


def acled_row(claim: Claim, document: dict[str, Any]) -> dict[str, Any]:
    """One claim as an ACLED-like row (values None where unknown)."""
    place = most_precise_place(claim.places)
    actors = sorted(claim.actors, key=lambda actor: ACTOR_ROLE_ORDER[actor.role])
    names = [actor.canonical or actor.text for actor in actors] + [None, None]
    origin = claim.origin
    return {
        "event_id_cnty": claim.event_id, "event_date": claim_date(claim, document),
        "event_type": claim.event_type, "sub_event_type": claim.status,
        "actor1": names[0], "actor2": names[1],
        **_place_columns(place),
        "source": " > ".join(ref.canonical or ref.name for ref in claim.source_chain) or None,
        "source_scale": origin.kind if origin else None, "source_side": origin.side if origin else None,
        "notes": claim.text, "fatalities": fatalities(claim),
        "claim_id": claim.id, "document_id": claim.document_id, "url": document.get("url"),
    }


def claim_date(claim: Claim, document: dict[str, Any]) -> Optional[str]:
    """The claim's own date if resolved, else its document's publication date."""
    return iso_date(claim.time.start if claim.time else None) or iso_date(document.get("published"))


def fatalities(claim: Claim) -> Optional[int]:
    """Conservative count of the dead stated by the claim, or None if it states none."""
    for quantity in claim.quantities:
        unit = (quantity.unit or "").lower()
        value = next((v for v in (quantity.conservative, quantity.min, quantity.max) if v is not None), None)
        if value is not None and any(word in unit for word in DEATH_WORDS):
            return int(value)  # a count of people: a fractional value is a parsing artefact
    return None


def geo_precision(place: Place) -> int:
    """ACLED geo_precision: 1 a town or point, 2 a district, 3 a region or a whole country."""
    if place.precision in ("point", "town"):
        return 1
    return 2 if place.precision == "region" and place.feature not in (None, "ADM1") else 3


def _place_columns(place: Optional[Place]) -> dict[str, Any]:
    if place is None:
        return dict.fromkeys(("country", "admin1", "location", "latitude", "longitude", "geo_precision"))
    return {"country": country_name(place.country), "admin1": place.admin1, "location": place.name or place.text,
            "latitude": place.lat, "longitude": place.lon, "geo_precision": geo_precision(place)}


def country_name(code: Optional[str]) -> Optional[str]:
    import pycountry  # imported here: only exports need it

    found = pycountry.countries.get(alpha_2=code) if code else None
    return found.name if found else code


# -- geojson ------------------------------------------------------------------------------------

def write_geojson(store: Any, out: TextIO) -> None:
    out.write('{"type": "FeatureCollection", "features": [')
    for number, feature in enumerate(_features(store)):
        out.write(("," if number else "") + "\n" + _dumps(feature))
    out.write("]}\n")


def _features(store: Any) -> Iterator[dict[str, Any]]:
    for claim, document in store.claims_with_documents():
        for place in claim.places:
            if place.role == "place" and _valid_point(place):
                yield _point_feature(place, _claim_properties(claim, document, place))
    for event in store.all_events():
        place = most_precise_place(event.places)
        if place is not None and _valid_point(place):
            yield _point_feature(place, _event_properties(event, place))


def _claim_properties(claim: Claim, document: dict[str, Any], place: Place) -> dict[str, Any]:
    origin = claim.origin
    return {"kind": "claim", "id": claim.id, "event_id": claim.event_id, "document_id": claim.document_id,
            "date": claim_date(claim, document), "event_type": claim.event_type, "status": claim.status,
            "text": claim.text, "origin": (origin.canonical or origin.name) if origin else None,
            "origin_side": origin.side if origin else None, "url": document.get("url"),
            **_place_properties(place)}


def _event_properties(event: Event, place: Place) -> dict[str, Any]:
    return {"kind": "event", "id": event.id, "event_type": event.event_type, "status": event.status,
            "text": event.summary, "first_seen": event.first_seen, "last_seen": event.last_seen,
            "independent_sources": event.independent_sources, "documents": event.documents,
            "claims": len(event.claims), "origins": "; ".join(event.origins), **_place_properties(place)}


def _place_properties(place: Place) -> dict[str, Any]:
    return {"place": place.name or place.text, "place_text": place.text, "country": place.country,
            "admin1": place.admin1, "precision": place.precision, "geo_precision": geo_precision(place)}


def _point_feature(place: Place, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": properties}


def _valid_point(place: Place) -> bool:
    if place.lat is None or place.lon is None:
        return False
    return -180 <= place.lon <= 180 and -90 <= place.lat <= 90


# -- parquet ------------------------------------------------------------------------------------

def write_parquet(store: Any, out: Output) -> None:
    if isinstance(out, io.TextIOBase):
        raise ValueError("parquet is binary: give a path, a folder or a binary stream, not a text stream")
    if isinstance(out, (str, Path)) and Path(out).suffix != ".parquet":
        directory = Path(out)
        directory.mkdir(parents=True, exist_ok=True)
        for table, (schema, records) in _parquet_tables(store).items():
            _write_parquet_table(directory / f"{table}.parquet", schema, records)
        return
    schema, records = _parquet_tables(store)["claims"]
    _write_parquet_table(str(out) if isinstance(out, Path) else out, schema, records)


def _parquet_tables(store: Any) -> dict[str, tuple[Any, Iterable[dict[str, Any]]]]:
    """Table name -> (arrow schema, rows); rows are generators, read only when written."""
    import pyarrow as pa  # imported here: only parquet needs it

    text, number, integer, texts = pa.string(), pa.float64(), pa.int64(), pa.list_(pa.string())
    claim_types = {"latitude": number, "longitude": number, "geo_precision": integer, "fatalities": integer}
    claims = pa.schema([(name, claim_types.get(name, text)) for name in CSV_COLUMNS] + [("claim_json", text)])
    documents = pa.schema([(name, text) for name in (
        "id", "url", "outlet", "author", "published", "title", "genre", "language", "duplicate_of",
        "syndication_group", "origin", "format", "text", "places_json", "copies_json")])
    events = pa.schema([("id", text), ("event_type", text), ("summary", text), ("status", text),
                        ("first_seen", text), ("last_seen", text), ("claims", texts), ("documents", integer),
                        ("origins", texts), ("independent_sources", integer), ("sides", texts),
                        *[(f"{name}_json", text) for name in
                          ("places", "quantities", "contradictions", "history", "assessment")]])
    sources = pa.schema([("canonical", text), ("kind", text), ("side", text), ("names", texts), ("claims", integer)])
    return {
        "documents": (documents, (_flat(d.to_json(), documents) for d in store.all_documents())),
        "claims": (claims, (_claim_parquet_row(claim, doc) for claim, doc in store.claims_with_documents())),
        "events": (events, (_flat(e.to_json(), events) for e in store.all_events())),
        "sources": (sources, (s.to_json() for s in store.all_sources())),
    }


def _flat(record: dict[str, Any], schema: Any) -> dict[str, Any]:
    """``record`` shaped for ``schema``: a ``<field>_json`` column holds that field as JSON text."""
    return {name: _json_or_none(record[name[:-5]]) if name.endswith("_json") else record[name]
            for name in schema.names}


def _json_or_none(value: Any) -> Optional[str]:
    return None if value is None else _dumps(value)


def _claim_parquet_row(claim: Claim, document: dict[str, Any]) -> dict[str, Any]:
    return {**acled_row(claim, document), "claim_json": _dumps(claim.to_json())}


def _write_parquet_table(sink: Any, schema: Any, records: Iterable[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = iter(records)
    with pq.ParquetWriter(sink, schema) as writer:
        while batch := list(islice(records, PARQUET_BATCH)):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))


# -- output plumbing ------------------------------------------------------------------------------

@contextmanager
def _text_output(out: Output) -> Iterator[TextIO]:
    """A text stream over a path (opened and closed here), a text stream, or a binary stream."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    elif isinstance(out, io.TextIOBase):
        yield out
    else:
        stream = io.TextIOWrapper(out, encoding="utf-8", newline="")
        try:
            yield stream
        finally:
            stream.flush()
            stream.detach()  # the caller owns `out`: do not close it with the wrapper


def _dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False)


TEXT_WRITERS = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
