"""Reading a GeoNames dump (resolve/geonames_dump.py): places kept, other lines skipped and counted."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from claimgraph.resolve.geonames_dump import DumpRows, dump_rules

COLUMNS = "{id}\t{name}\t{name}\t{alternates}\t{lat}\t{lon}\t{cls}\t{code}\tRU\t\t41\t\t\t\t{population}\t\t190\tEurope/Moscow\t2024-01-01"


def line(id: str = "9000001", name: str = "Malaya Loknya", alternates: str = "Малая Локня", lat: str = "51.28",
         lon: str = "35.30", cls: str = "P", code: str = "PPL", population: str = "700") -> str:
    return COLUMNS.format(id=id, name=name, alternates=alternates, lat=lat, lon=lon, cls=cls, code=code,
                          population=population)


def test_geonames_dump_keeps_populated_places_and_units_and_counts_the_rest(tmp_path):
    dump = tmp_path / "RU.txt"
    dump.write_text("\n".join([
        line(), line(id="9000002", name="Kursk Oblast", cls="A", code="ADM1", population="1100000"),
        line(id="9000003", name="Psel", cls="H", code="STM"),  # a river: no place to land on
        line(id="9000004", lat="north"), line(id="9000005", lat="95.0"),  # no number, off the globe
        "# a comment line", line(id="9000006", population=""),
    ]) + "\n", encoding="utf-8")
    rows = DumpRows(dump)
    kept = [(r.geonameid, r.feature, r.population) for r in rows]
    assert kept == [(9000001, "PPL", 700), (9000002, "ADM1", 1100000), (9000006, "PPL", 0)]
    assert rows.skipped == 4


def test_geonames_dump_rules_are_typed_and_frozen():
    rules = dump_rules()
    assert "P" in rules.feature_classes and dump_rules() is rules
    with pytest.raises(FrozenInstanceError):
        rules.feature_classes = frozenset()
