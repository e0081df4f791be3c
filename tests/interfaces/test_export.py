"""Exports of a small ledger (a temp SQLite store) in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimgraph.interfaces.export import (CLAIM_COLUMNS, EVENT_COLUMNS, FORMATS, claim_fatalities, event_fatalities,
                                          acled_tables, export, ranked_actors)
from claimgraph.interfaces.rules import acled_rules
from claimgraph.model import Actor, Quantity
from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.store import Store
from tests.store.factories import make_claim, make_document, make_event, make_place

EVENT_NAMES = [name for name, _ in EVENT_COLUMNS]
CLAIM_NAMES = [name for name, _ in CLAIM_COLUMNS]


@pytest.fixture
def ledger(tmp_path):
    """Two documents (one with a recorded copy), three claims, one event."""
    with Store(f"sqlite:///{tmp_path / 'ledger.db'}") as store:
        doc = make_document()
        first = make_claim(doc, 0)
        second = make_claim(doc, 1, text="Two people were killed", status="hedged", event_type="casualties",
                            quantities=[Quantity(text="two", conservative=2, unit="killed")])
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


def test_export_csv_is_one_row_per_event_with_acled_meanings(ledger):
    [row] = list(csv.DictReader(io.StringIO(exported(ledger, "csv"))))
    assert list(row) == EVENT_NAMES
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-08-05", "2024", "1")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert (row["actor1"], row["actor2"]) == ("Armed Forces of the Russian Federation", "")  # "the bridge": no actor
    assert (row["iso"], row["country"], row["admin1"], row["location"], row["geo_precision"]) == (
        "804", "Ukraine", "North Oblast", "Northford", "1")
    assert (row["latitude"], row["longitude"], row["event_id_cnty"]) == ("51.0", "35.0", "UKRe1")
    assert (row["fatalities"], row["fatalities_basis"]) == ("2", "hedged")  # the only figure is hedged: marked
    assert (row["status"], row["independent_sources"], row["event_id"], row["story_id"]) == ("claimed", "1", "e1", "")
    assert row["source"] == "Example Daily" and row["origins"] == "the regional governor (Ukraine)"
    assert row["notes"] == "5 August 2024: The bridge at Northford was hit on Monday. Claimed only by the regional governor (Ukraine)."


def test_export_csv_folder_holds_events_and_claims_tables(ledger, tmp_path):
    export(ledger, "csv", tmp_path / "out")
    events = list(csv.DictReader((tmp_path / "out" / "events.csv").open(encoding="utf-8")))
    claims = list(csv.DictReader((tmp_path / "out" / "claims.csv").open(encoding="utf-8")))
    assert len(events) == 1 and list(claims[0]) == CLAIM_NAMES and len(claims) == 3
    killed = next(row for row in claims if row["notes"] == "Two people were killed")
    assert (killed["event_id"], killed["event_date"], killed["fatalities"], killed["fatalities_basis"]) == (
        "e1", "2024-08-05", "2", "hedged")
    assert killed["source_chain"] == "North Oblast Administration > Example Daily"
    unplaced = next(row for row in claims if row["notes"] == "Officials met")
    assert (unplaced["latitude"], unplaced["fatalities"], unplaced["event_date"]) == ("", "0", "2024-08-09")


def test_export_tables_load_in_pandas_with_their_types(ledger, tmp_path):
    pd = pytest.importorskip("pandas")
    export(ledger, "parquet", tmp_path / "parquet")
    export(ledger, "csv", tmp_path / "csv")
    for table in ("events", "claims"):
        typed = pd.read_parquet(tmp_path / "parquet" / f"{table}.parquet", dtype_backend="pyarrow")
        assert str(typed["event_date"].dtype) == "date32[day][pyarrow]"
        assert {str(typed[c].dtype) for c in ("fatalities", "geo_precision", "iso", "time_precision")} == {
            "int64[pyarrow]"}
        assert str(typed["latitude"].dtype) == "double[pyarrow]" and str(typed["notes"].dtype) == "string[pyarrow]"
        read = pd.read_csv(tmp_path / "csv" / f"{table}.csv", parse_dates=["event_date"])
        assert pd.api.types.is_datetime64_any_dtype(read["event_date"])
        assert str(read["fatalities"].dtype) == "int64" and str(read["latitude"].dtype) == "float64"
    events = pd.read_parquet(tmp_path / "parquet" / "events.parquet", dtype_backend="pyarrow")
    assert str(events["independent_sources"].dtype) == "int64[pyarrow]" and events["fatalities"].tolist() == [2]


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
    assert tables["events"][0]["claims"] == len(ledger.get_event("e1").claims)
    assert {row["claim_id"] for row in tables["claims"]} == {c.id for c in ledger.all_claims()}
    assert tables["sources"][0]["names"] == ["the regional governor"]


def test_export_parquet_file_or_stream_is_the_events_table(ledger, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(ledger, "parquet", tmp_path / "events.parquet")
    stream = io.BytesIO()
    export(ledger, "parquet", stream)
    from_file = pq.read_table(tmp_path / "events.parquet")
    assert from_file.column_names == EVENT_NAMES and from_file.num_rows == 1
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
        assert exported(store, "csv").strip() == ",".join(EVENT_NAMES)


def test_export_refuses_unknown_format_and_text_parquet(ledger):
    with pytest.raises(ValueError, match="xml"):
        export(ledger, "xml", io.StringIO())
    with pytest.raises(ValueError, match="binary"):
        export(ledger, "parquet", io.StringIO())


ACLED = acled_rules()


def casualty(text: str, *quantities: Quantity, status: str = "reported", event_type: str = "casualties"):
    return make_claim(make_document(), text=text, status=status, event_type=event_type, quantities=list(quantities))


def test_export_fatalities_count_only_the_dead_of_casualty_claims():
    wounded, dead = Quantity(text="30 wounded", conservative=30, unit="wounded"), Quantity(
        text="at least 12 dead", min=12, unit="dead")
    civilians = Quantity(text="12 civilians", conservative=12, unit="civilians")
    assert claim_fatalities(casualty("30 wounded and at least 12 dead", wounded, dead), ACLED) == 12
    assert claim_fatalities(casualty("12 civilians had been killed", civilians), ACLED) == 12  # the verb says so
    assert claim_fatalities(casualty("12 civilians were wounded", civilians), ACLED) is None
    assert claim_fatalities(casualty("30 wounded", wounded), ACLED) is None
    assert claim_fatalities(casualty("Drones killed 12 civilians", civilians, event_type="strike"), ACLED) is None
    area = Quantity(text="40 km²", conservative=40, unit="km²")
    assert claim_fatalities(casualty("troops killed in a 40 km² area", area), ACLED) is None
    for status in ("denied", "speculative"):
        assert claim_fatalities(casualty("12 civilians had been killed", civilians, status=status), ACLED) is None


def test_export_event_fatalities_are_conservative_and_say_when_unverified():
    hundreds = Quantity(text="hundreds of dead", conservative=100, unit="dead")
    twelve = Quantity(text="12 civilians", conservative=12, unit="civilians")
    unverified = casualty("hundreds of dead, not verified", hundreds, status="unverified")
    reported = casualty("12 civilians had been killed", twelve)
    fewer = casualty("at least 5 civilians had been killed", Quantity(text="5", conservative=5, unit="civilians"))
    assert event_fatalities([unverified, reported], ACLED) == (12, "reported")  # a firm figure wins
    assert event_fatalities([reported, fewer], ACLED) == (5, "reported")  # the lowest of firm figures
    assert event_fatalities([unverified], ACLED) == (100, "unverified")
    assert event_fatalities([casualty("Shelling continued")], ACLED) == (0, None)


def test_export_actors_are_known_parties_never_pronouns_or_outlets():
    doc = make_document()
    catalogue = ActorCatalogue.load()
    words = [Actor(text=t, canonical=t.lower(), role="agent") for t in ("He", "they", "fighting", "Reuters")]
    parties = [Actor(text="Russian troops", role="agent"), Actor(text="Ukrainian forces", role="patient")]
    claims = [make_claim(doc, i, text="Russian troops shelled Ukrainian forces near the river", actors=actors)
              for i, actors in enumerate((words, parties, words))]
    assert ranked_actors(claims, catalogue, ACLED) == ("Armed Forces of the Russian Federation",
                                                      "Armed Forces of Ukraine")
    assert ranked_actors(claims[:1], catalogue, ACLED) == (None, None)




def test_export_an_event_known_only_by_country_has_no_point_but_a_country_row(tmp_path):
    russia = make_place("Russia", lat=60.0, lon=100.0, feature="PCLI", precision="country", country="RU", admin1=None)
    with Store(f"sqlite:///{tmp_path / 'country.db'}") as store:
        doc = make_document()
        claim = make_claim(doc, 0, places=[russia])
        store.add_document(doc, [claim])
        store.save_events([make_event("e1", [claim], places=[russia], location=None)])
        kinds = [f["properties"]["kind"] for f in json.loads(exported(store, "geojson"))["features"]]
        [row] = acled_tables(store)["events"]
    assert kinds == ["claim"]  # the claim names Russia; the event is not drawn at Russia's centroid
    assert (row["country"], row["latitude"], row["geo_precision"]) == ("Russian Federation", 60.0, 3)
