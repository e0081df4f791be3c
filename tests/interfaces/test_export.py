"""Exports of a small ledger (a temp SQLite store) in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimgraph.interfaces.export import CSV_COLUMNS, FORMATS, export, fatalities, geo_precision
from claimgraph.model import Quantity
from claimgraph.store import Store
from tests.store.factories import make_claim, make_document, make_event, make_place


@pytest.fixture
def ledger(tmp_path):
    """Two documents (one with a recorded copy), three claims, one event."""
    with Store(f"sqlite:///{tmp_path / 'ledger.db'}") as store:
        doc = make_document()
        first, second = make_claim(doc, 0), make_claim(doc, 1, text="Two people were killed", status="hedged",
                                                        quantities=[Quantity(text="two", conservative=2,
                                                                             unit="killed")])
        store.add_document(doc, [first, second])
        store.add_document(doc.model_copy(update={"url": "https://mirror.test/a", "origin": "b.txt"}), [])
        other = make_document("Officials met in Westport to talk.", places=[])
        store.add_document(other, [make_claim(other, 0, text="Officials met", places=[], source_chain=[],
                                                  time=None)])
        store.save_events([make_event("e1", [first, second])])
        yield store


def exported(store, fmt: str) -> str:
    out = io.StringIO()
    export(store, fmt, out)
    return out.getvalue()


def test_export_json_is_one_contract_object(ledger):
    data = json.loads(exported(ledger, "json"))
    assert list(data) == ["documents", "claims", "events", "sources"]
    assert data["claims"] == [c.to_json() for c in ledger.all_claims()]
    assert data["events"] == [ledger.get_event("e1").to_json()]
    assert [d["copies"] for d in data["documents"] if d["copies"]] == [
        [{"url": "https://mirror.test/a", "outlet": "Example Daily", "origin": "b.txt"}]]
    assert data["sources"][0]["claims"] == 2


def test_export_jsonl_types_each_record(ledger):
    lines = [json.loads(line) for line in exported(ledger, "jsonl").splitlines()]
    assert [line["type"] for line in lines] == ["document"] * 2 + ["claim"] * 3 + ["event", "source"]
    claim_line = lines[2]
    assert claim_line == {"type": "claim", **ledger.get_claim(claim_line["id"]).to_json()}


def test_export_csv_has_acled_columns(ledger):
    rows = list(csv.DictReader(io.StringIO(exported(ledger, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 3
    killed = next(row for row in rows if row["notes"] == "Two people were killed")
    assert killed["event_id_cnty"] == "e1" and killed["event_date"] == "2024-08-05"
    assert (killed["country"], killed["location"], killed["latitude"], killed["longitude"]) == (
        "Ukraine", "Northford", "51.0", "35.0")
    assert (killed["geo_precision"], killed["fatalities"], killed["sub_event_type"]) == ("1", "2", "hedged")
    assert killed["source"] == "North Oblast Administration > Example Daily"
    assert (killed["actor1"], killed["actor2"]) == ("Armed Forces of Russia", "the bridge")
    unplaced = next(row for row in rows if row["notes"] == "Officials met")
    assert unplaced["latitude"] == "" and unplaced["source"] == "" and unplaced["event_date"] == "2024-08-09"


def test_export_geojson_is_rfc7946_points(ledger):
    data = json.loads(exported(ledger, "geojson"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert kinds == ["claim", "claim", "event"]  # demonym places and unplaced claims give no point
    for feature in data["features"]:
        assert feature["type"] == "Feature" and feature["geometry"] == {"type": "Point", "coordinates": [35.0, 51.0]}
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())


def test_export_parquet_directory_holds_every_table(ledger, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(ledger, "parquet", tmp_path / "out")
    tables = {name: pq.read_table(tmp_path / "out" / f"{name}.parquet").to_pylist()
              for name in ("documents", "claims", "events", "sources")}
    assert [len(rows) for rows in tables.values()] == [2, 3, 1, 1]
    assert tables["events"][0]["claims"] == ledger.get_event("e1").claims
    assert json.loads(tables["claims"][0]["claim_json"]) == ledger.get_claim(tables["claims"][0]["claim_id"]).to_json()
    assert tables["sources"][0]["names"] == ["the regional governor"]


def test_export_parquet_file_or_stream_is_the_claims_table(ledger, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(ledger, "parquet", tmp_path / "claims.parquet")
    stream = io.BytesIO()
    export(ledger, "parquet", stream)
    from_file = pq.read_table(tmp_path / "claims.parquet")
    assert from_file.column_names == [*CSV_COLUMNS, "claim_json"] and from_file.num_rows == 3
    assert pq.read_table(io.BytesIO(stream.getvalue())).equals(from_file)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "parquet"])
def test_export_writes_paths_and_binary_streams_alike(ledger, tmp_path, fmt):
    binary = io.BytesIO()
    export(ledger, fmt, binary)
    export(ledger, fmt, tmp_path / f"ledger.{fmt}")
    assert not binary.closed  # the caller's stream stays open
    assert binary.getvalue().decode("utf-8") == (tmp_path / f"ledger.{fmt}").read_text("utf-8") == exported(ledger, fmt)


def test_export_empty_ledger_is_valid(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'empty.db'}") as store:
        assert json.loads(exported(store, "json")) == {"documents": [], "claims": [], "events": [], "sources": []}
        assert json.loads(exported(store, "geojson")) == {"type": "FeatureCollection", "features": []}
        assert exported(store, "csv").strip() == ",".join(CSV_COLUMNS)


def test_export_refuses_unknown_format_and_text_parquet(ledger):
    with pytest.raises(ValueError, match="xml"):
        export(ledger, "xml", io.StringIO())
    with pytest.raises(ValueError, match="binary"):
        export(ledger, "parquet", io.StringIO())


def test_export_fatalities_counts_only_the_dead():
    doc = make_document()
    wounded = Quantity(text="30 wounded", conservative=30, unit="wounded")
    dead = Quantity(text="at least 12 dead", min=12, unit="dead")
    assert fatalities(make_claim(doc, quantities=[wounded, dead])) == 12
    assert fatalities(make_claim(doc, quantities=[wounded])) is None


@pytest.mark.parametrize(("precision", "feature", "expected"), [
    ("town", "PPL", 1), ("point", None, 1), ("region", "ADM2", 2), ("region", "ADM1", 3), ("country", "PCLI", 3),
])
def test_export_geo_precision_follows_acled(precision, feature, expected):
    assert geo_precision(make_place(precision=precision, feature=feature)) == expected
