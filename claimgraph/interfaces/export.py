"""Export the ledger: ``export(store, fmt, out)``.

Formats (every one streams: records are read from the store and written one at a time):

- ``json``: one object ``{"documents", "claims", "events", "sources"}`` as in the claims-v1
  contract (documents carry their full text and the ``copies`` extension).
- ``jsonl``: one object per line, ``{"type": "document"|"claim"|"event"|"source", ...record}``.
- ``csv`` and ``parquet``: ACLED-compatible tables.  ``events``: one row per event
  (EVENT_COLUMNS); ``claims``: one row per claim (CLAIM_COLUMNS).  A column that shares a name
  with ACLED's dataset has ACLED's meaning (mappings in ``data/acled.yaml``): ``event_date`` the
  day the event happened (its earliest claim) with ``time_precision``, ACLED's ``event_type`` and
  ``sub_event_type`` mapped from ours, ``actor1``/``actor2`` actors the catalogue knows (never a
  pronoun), ``iso`` (numeric) / ``country`` / ``admin1`` / ``admin2`` / ``location`` /
  ``latitude`` / ``longitude`` / ``geo_precision`` of the event's location (its most specific
  place), ``source`` (the outlets) and ``source_scale``, ``notes`` (what happened and how well it
  is established, in the report's words) and ``fatalities`` (ACLED's conservative count, from
  casualty claims only, 0 when none is given).  claimgraph's own columns: ``fatalities_basis``
  (the status of the claims the figure rests on: a hedged or unverified figure says so),
  ``status``, ``independent_sources``, ``origins`` (each with its side), ``sides``,
  ``documents``, ``claims``, ``claimgraph_type``, ``last_seen``, ``event_id``, ``story_id`` (the
  story the event belongs to, when the linker gives one).  The claims table has the claim's own
  date, status, origin and source chain, actors and place, outlet and url, its own fatalities,
  and the claim's text as ``notes``.  ``out`` a folder (a path without ``.csv`` / ``.parquet``)
  gets one file per table (parquet also ``documents`` and ``sources``); a file or a stream gets
  the events table.  In parquet dates are dates and counts integers.
- ``geojson``: an RFC 7946 FeatureCollection ([lon, lat], WGS 84, flat properties that QGIS
  shows as attributes): one Point per located place of each claim, and one per event at its
  first located place.

``out`` is a path, a text stream, or a binary stream (written as UTF-8).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Optional, TextIO, Union

from claimgraph.interfaces.assessment import (EventFacts, estimate, headline, is_happening,
                                              load_facts)
from claimgraph.interfaces.rules import AcledRules, acled_rules
from claimgraph.model import Claim, Event, Place, Quantity
from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.settings import Settings
from claimgraph.resolve.position import claim_place, event_place, event_position, geo_precision
from claimgraph.store.rows import iso_date

FORMATS = ("json", "jsonl", "csv", "geojson", "parquet")
TEXT, INTEGER, NUMBER, DATE = "text", "integer", "number", "date"
Columns = tuple[tuple[str, str], ...]
PLACE_COLUMNS: Columns = (("iso", INTEGER), ("country", TEXT), ("admin1", TEXT), ("admin2", TEXT), ("location", TEXT),
                          ("latitude", NUMBER), ("longitude", NUMBER), ("geo_precision", INTEGER))
EVENT_COLUMNS: Columns = (
    ("event_id_cnty", TEXT), ("event_date", DATE), ("year", INTEGER), ("time_precision", INTEGER),
    ("disorder_type", TEXT), ("event_type", TEXT), ("sub_event_type", TEXT), ("actor1", TEXT), ("actor2", TEXT),
    ("civilian_targeting", TEXT), *PLACE_COLUMNS, ("source", TEXT), ("source_scale", TEXT), ("notes", TEXT),
    ("fatalities", INTEGER),
    # claimgraph's own
    ("fatalities_basis", TEXT), ("status", TEXT), ("independent_sources", INTEGER), ("origins", TEXT),
    ("sides", TEXT), ("documents", INTEGER), ("claims", INTEGER), ("claimgraph_type", TEXT), ("last_seen", DATE),
    ("event_id", TEXT), ("story_id", TEXT),
)
CLAIM_COLUMNS: Columns = (
    ("claim_id", TEXT), ("event_id", TEXT), ("document_id", TEXT), ("event_date", DATE), ("time_precision", INTEGER),
    ("claimgraph_type", TEXT), ("status", TEXT), ("origin", TEXT), ("origin_kind", TEXT), ("origin_side", TEXT),
    ("source_chain", TEXT), ("actor1", TEXT), ("actor2", TEXT), *PLACE_COLUMNS, ("source", TEXT), ("url", TEXT),
    ("published", DATE), ("fatalities", INTEGER), ("fatalities_basis", TEXT), ("notes", TEXT),
)
PARQUET_BATCH = 1000
Output = Union[Path, str, BinaryIO, TextIO]


def export(store: Any, fmt: str, out: Output, settings: Optional[Settings] = None) -> None:
    """Write the whole ledger held by ``store`` to ``out`` in format ``fmt``; ``settings`` (the
    caller's, else the environment's) name the actor catalogue the ACLED tables use."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        write_parquet(store, out, settings)
        return
    if fmt == "csv" and _is_folder(out, ".csv"):
        write_csv_tables(store, Path(out), settings)
        return
    with _text_output(out) as stream:
        if fmt == "csv":
            write_csv(store, stream, settings)
        else:
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


# -- ACLED-compatible tables (csv, parquet) ------------------------------------------------------

def acled_tables(store: Any, settings: Optional[Settings] = None) -> dict[str, Iterator[dict[str, Any]]]:
    """The events table (one row per event) and the claims table (one row per claim), as rows
    of EVENT_COLUMNS / CLAIM_COLUMNS, streamed from the store."""
    catalogue = ActorCatalogue.load(settings or Settings.load())
    facts = (load_facts(store, event, catalogue) for event in store.all_events())
    return {"events": (event_row(f, catalogue) for f in facts),
            "claims": (claim_row(claim, document, catalogue) for claim, document in store.claims_with_documents())}


def write_csv_tables(store: Any, directory: Path, settings: Optional[Settings] = None) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    columns = {"events": EVENT_COLUMNS, "claims": CLAIM_COLUMNS}
    for table, rows in acled_tables(store, settings).items():
        with open(directory / f"{table}.csv", "w", encoding="utf-8", newline="") as stream:
            _write_csv_table(stream, columns[table], rows)


def write_csv(store: Any, out: TextIO, settings: Optional[Settings] = None) -> None:
    """The events table (a folder gets both tables: see ``export``)."""
    _write_csv_table(out, EVENT_COLUMNS, acled_tables(store, settings)["events"])


def _write_csv_table(out: TextIO, columns: Columns, rows: Iterable[dict[str, Any]]) -> None:
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in columns], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def event_row(facts: EventFacts, catalogue: ActorCatalogue) -> dict[str, Any]:
    """One event with ACLED's meaning for ACLED's column names, and claimgraph's own columns."""
    rules = acled_rules()
    event, claims = facts.event, facts.claims
    day = iso_date(event.first_seen)
    place = event_place(event)
    acled_type = acled_event_type(event.event_type, claims, rules)
    deaths, basis = event_fatalities(claims, rules)
    first, second = ranked_actors(claims, catalogue, rules)
    return {
        "event_id_cnty": f"{_iso3(place)}{event.id}", "event_date": day, "year": int(day[:4]) if day else None,
        "time_precision": time_precision(dating_claim(event, claims), rules), **acled_type,
        "actor1": first, "actor2": second,
        "civilian_targeting": rules.civilian_targeting if event.event_type in rules.civilian_targeting_types
        else None,
        **_place_columns(place),
        "source": "; ".join(dict.fromkeys(o for o in map(facts.outlet_of, claims) if o)) or None,
        "source_scale": source_scale(facts, rules), "notes": event_notes(facts, day),
        "fatalities": deaths, "fatalities_basis": basis,
        "status": event.status, "independent_sources": event.independent_sources,
        "origins": "; ".join(v.label for v in facts.voices) or None, "sides": "; ".join(event.sides) or None,
        "documents": event.documents, "claims": len(event.claims), "claimgraph_type": event.event_type,
        "last_seen": iso_date(event.last_seen), "event_id": event.id, "story_id": getattr(event, "story_id", None),
    }


def claim_row(claim: Claim, document: dict[str, Any], catalogue: ActorCatalogue) -> dict[str, Any]:
    """One claim, with ACLED's column names where they mean the same, and its event's id."""
    rules = acled_rules()
    origin = claim.origin
    deaths = claim_fatalities(claim, rules)
    first, second = ranked_actors([claim], catalogue, rules)
    return {
        "claim_id": claim.id, "event_id": claim.event_id, "document_id": claim.document_id,
        "event_date": claim_date(claim, document), "time_precision": time_precision(claim, rules),
        "claimgraph_type": claim.event_type, "status": claim.status,
        "origin": (origin.canonical or origin.name) if origin else None,
        "origin_kind": origin.kind if origin else None, "origin_side": origin.side if origin else None,
        "source_chain": " > ".join(ref.canonical or ref.name for ref in claim.source_chain) or None,
        "actor1": first, "actor2": second, **_place_columns(claim_place(claim)),
        "source": document.get("outlet"), "url": document.get("url"), "published": iso_date(document.get("published")),
        "fatalities": deaths or 0, "fatalities_basis": claim.status if deaths is not None else None,
        "notes": claim.text,
    }


def claim_date(claim: Claim, document: dict[str, Any]) -> Optional[str]:
    """The claim's own date if resolved, else its document's publication date."""
    return iso_date(claim.time.start if claim.time else None) or iso_date(document.get("published"))


def acled_event_type(event_type: str, claims: list[Claim], rules: AcledRules) -> dict[str, str]:
    """ACLED disorder_type, event_type and sub_event_type for one of our types (see acled.yaml)."""
    mapping = rules.type_of(event_type)
    text = " ".join(c.text.lower() for c in claims)
    refined = next((rule.columns for rule in mapping.refinements if _has_word(text, rule.words)), {})
    return {**mapping.columns, **refined}


def _has_word(text: str, starts: Iterable[str]) -> bool:
    return any(re.search(rf"\b{re.escape(start.lower())}", text) for start in starts)


def dating_claim(event: Event, claims: list[Claim]) -> Optional[Claim]:
    """The claim that gives the event its date (first_seen)."""
    return next((c for c in claims if _claim_day(c) == iso_date(event.first_seen)), None)


def _claim_day(claim: Claim) -> Optional[str]:
    return iso_date(claim.time.start) if claim.time and claim.time.resolved else None


def time_precision(claim: Optional[Claim], rules: AcledRules) -> int:
    """ACLED time_precision (1 day, 2 week, 3 month) of the claim's own time."""
    if claim is None or claim.time is None or not claim.time.resolved:
        return rules.time_precision_from_publication
    return rules.time_precision.get(claim.time.precision, rules.time_precision_from_publication)


def ranked_actors(claims: list[Claim], catalogue: ActorCatalogue,
                  rules: AcledRules) -> tuple[Optional[str], Optional[str]]:
    """ACLED actor1 (who acts) and actor2 (acted on or the other party): parties the actor
    catalogue knows, named in claims about a happening, the most often named first; never a
    pronoun, a word such as "fighting", or an outlet reporting on it."""
    named: dict[str, list[str]] = {"agent": [], "other": []}
    for claim in filter(is_happening, claims):
        for actor in claim.actors:
            entity = catalogue.lookup(actor.canonical or actor.text)
            if entity is not None and entity.kind not in rules.reporting_kinds:
                named["agent" if actor.role == "agent" else "other"].append(entity.canonical)
    agents = [name for name, _ in Counter(named["agent"]).most_common()]
    others = [name for name, _ in Counter(named["other"]).most_common() if name not in agents[:1]]
    ranked = list(dict.fromkeys([*agents[:1], *others, *agents[1:]]))
    return (ranked + [None, None])[0], (ranked + [None, None])[1]


def source_scale(facts: EventFacts, rules: AcledRules) -> Optional[str]:
    kinds = {(c.origin.kind if c.origin else None) for c in facts.claims}
    found = {rules.source_scales.get(kind, rules.default_source_scale) for kind in kinds}
    return "-".join(scale for scale in rules.source_scale_order if scale in found) or None


def event_notes(facts: EventFacts, day: Optional[str]) -> str:
    """ACLED-style notes: on what day, what happened, and how well it is established."""
    lead = headline(facts)
    what = " ".join((lead.text if lead else facts.event.summary).split()).rstrip(".")
    when = f"{date.fromisoformat(day):%-d %B %Y}: " if day else ""
    return f"{when}{what[:1].upper()}{what[1:]}. {estimate(facts)}."


# -- fatalities ---------------------------------------------------------------------------------

def event_fatalities(claims: list[Claim], rules: AcledRules) -> tuple[int, Optional[str]]:
    """ACLED fatalities of an event and the status of the claims that give it: the lowest figure
    firm claims give, else the lowest hedged or unverified figure; (0, None) when none gives one."""
    figures = [(deaths, claim.status) for claim in claims if (deaths := claim_fatalities(claim, rules)) is not None]
    for statuses in (rules.firm_statuses, rules.soft_statuses):
        kept = [(deaths, status) for deaths, status in figures if status in statuses]
        if kept:
            return min(kept)
    return 0, None


def claim_fatalities(claim: Claim, rules: AcledRules) -> Optional[int]:
    """The dead a casualty claim counts (its counts of people who died, added up), or None."""
    statuses = (*rules.firm_statuses, *rules.soft_statuses)
    if claim.event_type not in rules.casualty_types or claim.status not in statuses:
        return None
    counts = [q.conservative if q.conservative is not None else q.min for q in claim.quantities
              if counts_the_dead(q, claim.text, rules)]
    counts = [value for value in counts if value is not None]
    return int(sum(counts)) if counts else None  # a count of people: a fraction is a parsing artefact


def counts_the_dead(quantity: Quantity, text: str, rules: AcledRules) -> bool:
    unit = (quantity.unit or "").lower()
    if _has_word(unit, rules.death_words):
        return True
    if _has_word(unit, rules.injury_words) or not _has_word(unit, rules.people_units):
        return False
    claim_text = text.lower()
    return _has_word(claim_text, rules.death_words) and not _has_word(claim_text, rules.injury_words)


def _place_columns(place: Optional[Place]) -> dict[str, Any]:
    if place is None:
        return dict.fromkeys(("iso", "country", "admin1", "admin2", "location", "latitude", "longitude",
                              "geo_precision"))
    country = _country(place.country)
    return {"iso": int(country.numeric) if country else None, "country": country.name if country else place.country,
            "admin1": place.admin1, "admin2": place.name if place.feature == "ADM2" else None,
            "location": place.name or place.text, "latitude": place.lat, "longitude": place.lon,
            "geo_precision": geo_precision(place)}


def _country(code: Optional[str]) -> Any:
    import pycountry  # imported here: only exports need it

    return pycountry.countries.get(alpha_2=code) if code else None


def _iso3(place: Optional[Place]) -> str:
    country = _country(place.country) if place else None
    return country.alpha_3 if country else ""


# -- geojson ------------------------------------------------------------------------------------

def write_geojson(store: Any, out: TextIO) -> None:
    out.write('{"type": "FeatureCollection", "features": [')
    for number, feature in enumerate(_features(store)):
        out.write(("," if number else "") + "\n" + _dumps(feature))
    out.write("]}\n")


def _features(store: Any) -> Iterator[dict[str, Any]]:
    for claim, document in store.claims_with_documents():
        for place in claim.places:
            if place.locates and _valid_point(place):
                yield _point_feature(place, _claim_properties(claim, document, place))
    for event in store.all_events():
        place = event_position(event)
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

def write_parquet(store: Any, out: Output, settings: Optional[Settings] = None) -> None:
    if isinstance(out, io.TextIOBase):
        raise ValueError("parquet is binary: give a path, a folder or a binary stream, not a text stream")
    if _is_folder(out, ".parquet"):
        directory = Path(out)
        directory.mkdir(parents=True, exist_ok=True)
        for table, (schema, records) in _parquet_tables(store, settings).items():
            _write_parquet_table(directory / f"{table}.parquet", schema, records)
        return
    schema, records = _parquet_tables(store, settings)["events"]
    _write_parquet_table(str(out) if isinstance(out, Path) else out, schema, records)


def _is_folder(out: Output, suffix: str) -> bool:
    """A path without the format's suffix names a folder to hold every table."""
    return isinstance(out, (str, Path)) and Path(out).suffix != suffix


def _parquet_tables(store: Any, settings: Optional[Settings] = None) -> dict[str, tuple[Any, Iterable[dict[str, Any]]]]:
    """Table name -> (arrow schema, rows); rows are generators, read only when written."""
    import pyarrow as pa  # imported here: only parquet needs it

    text, integer, texts = pa.string(), pa.int64(), pa.list_(pa.string())
    documents = pa.schema([(name, text) for name in (
        "id", "url", "outlet", "author", "published", "title", "genre", "language", "duplicate_of",
        "syndication_group", "origin", "format", "text", "places_json", "copies_json")])
    sources = pa.schema([("canonical", text), ("kind", text), ("side", text), ("names", texts), ("claims", integer)])
    acled = acled_tables(store, settings)
    return {
        "events": (_arrow_schema(EVENT_COLUMNS), _typed(acled["events"], EVENT_COLUMNS)),
        "claims": (_arrow_schema(CLAIM_COLUMNS), _typed(acled["claims"], CLAIM_COLUMNS)),
        "documents": (documents, (_flat(d.to_json(), documents) for d in store.all_documents())),
        "sources": (sources, (s.to_json() for s in store.all_sources())),
    }


def _arrow_schema(columns: Columns) -> Any:
    import pyarrow as pa

    types = {TEXT: pa.string(), INTEGER: pa.int64(), NUMBER: pa.float64(), DATE: pa.date32()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def _typed(rows: Iterable[dict[str, Any]], columns: Columns) -> Iterator[dict[str, Any]]:
    """Rows with their date columns as dates (arrow's date type wants them so)."""
    dates = [name for name, kind in columns if kind == DATE]
    for row in rows:
        yield {**row, **{name: date.fromisoformat(row[name]) if row[name] else None for name in dates}}


def _flat(record: dict[str, Any], schema: Any) -> dict[str, Any]:
    """``record`` shaped for ``schema``: a ``<field>_json`` column holds that field as JSON text."""
    return {name: _json_or_none(record[name[:-5]]) if name.endswith("_json") else record[name]
            for name in schema.names}


def _json_or_none(value: Any) -> Optional[str]:
    return None if value is None else _dumps(value)


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


TEXT_WRITERS = {"json": write_json, "jsonl": write_jsonl, "geojson": write_geojson}  # csv: see export
