"""Building the gazetteer index: rebuilds, GeoNames dumps, US post-office towns."""

from __future__ import annotations

import logging
import zipfile

import pytest

from claimgraph.resolve import gazetteer_index
from claimgraph.resolve.gazetteer import Gazetteer, PlaceRow
from claimgraph.resolve.gazetteer_index import add_admin1_names, add_postal_towns, import_geonames
from claimgraph.resolve.gazetteer_sources import POSTAL_ID_BASE


def ids(candidates) -> list[int]:
    return [c.geonameid for c in candidates]


GEONAMES_LINES = [
    # geonameid name asciiname alternates lat lon class code cc cc2 adm1 adm2 adm3 adm4 pop elev dem tz date
    "9000001\tMalaya Loknya\tMalaya Loknya\tMalaja Loknja,Малая Локня\t51.28\t35.30\tP\tPPL\tRU\t\t41\t\t\t\t700\t\t190\tEurope/Moscow\t2024-01-01",
    "9000002\tGuevo\tGuevo\tGuyevo\t51.13\t35.27\tP\tPPL\tRU\t\t41\t\t\t\t350\t\t180\tEurope/Moscow\t2024-01-01",
]


def _write_dump(tmp_path, zipped: bool):
    text = "\n".join(GEONAMES_LINES) + "\n"
    if not zipped:
        path = tmp_path / "RU.txt"
        path.write_text(text, encoding="utf-8")
        return path
    path = tmp_path / "RU.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not data\n")
        archive.writestr("RU.txt", text)
    return path


@pytest.mark.parametrize("zipped", [False, True])
def test_gazetteer_import_geonames_adds_villages(gazetteer, tmp_path, zipped):
    gazetteer.candidates("Kursk")  # builds the index
    gazetteer.close()
    added = import_geonames(_write_dump(tmp_path, zipped), gazetteer.path)
    assert added == 2
    reopened = Gazetteer(gazetteer.path)
    village = reopened.candidates("Malaja Loknja")[0]
    assert (village.geonameid, village.admin1, village.precision) == (9000001, "Kursk Oblast", "town")
    assert ids(reopened.candidates("Guyevo")) == [9000002]
    reopened.close()


def test_gazetteer_imports_survive_a_rebuild(gazetteer, tmp_path, monkeypatch):
    gazetteer.build()
    import_geonames(_write_dump(tmp_path, zipped=False), gazetteer.path)
    gazetteer.build(force=True)
    village = gazetteer.candidates("Malaja Loknja")[0]  # an alternate name (GeoNames column 4)
    assert (village.geonameid, village.admin1) == (9000001, "Kursk Oblast")
    gazetteer.close()
    monkeypatch.setattr(gazetteer_index, "BUILD_CODE", "upgraded")  # the rebuild recorded the dump again
    assert ids(gazetteer.candidates("Guevo")) == [9000002]


def test_gazetteer_rebuild_warns_about_a_deleted_import(gazetteer, tmp_path, caplog):
    gazetteer.build()
    dump = _write_dump(tmp_path, zipped=True)
    import_geonames(dump, gazetteer.path)
    dump.unlink()
    gazetteer.build(force=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and str(dump.resolve()) in warnings[0]
    assert gazetteer.candidates("Guevo") == []
    assert ids(gazetteer.candidates("Kyiv")) == [703448]


def test_gazetteer_rebuilds_over_an_unreadable_index(gazetteer):
    gazetteer.path.write_bytes(b"not a database")
    assert ids(gazetteer.candidates("Kyiv")) == [703448]


def _zip(code: str, city: str, state: str, lat: str, lon: str) -> dict:
    return {"zip_code": code, "city": city, "state": state, "country": "US", "lat": lat, "long": lon}


POSTAL = [
    _zip("38301", "Maple Hollow", "TN", "36.0", "-88.0"),
    _zip("38305", "Maple Hollow", "TN", "36.2", "-88.2"),
    _zip("38242", "Paris", "TN", "36.3", "-88.3"),  # Paris, Tennessee is indexed already
    _zip("30601", "Paris", "GA", "33.9", "-83.4"),  # no Paris in Georgia yet
    _zip("00601", "Maple Hollow", "PR", "18.2", "-66.7"),  # Puerto Rico is no US state in GeoNames
]


def test_gazetteer_postal_towns_fill_gaps_within_a_state(gazetteer):
    add_postal_towns(gazetteer.db, POSTAL)
    add_admin1_names(gazetteer.db)
    hollow = gazetteer.candidates("Maple Hollow")
    assert [(c.geonameid, c.admin1, c.population, c.precision) for c in hollow] == [
        (-(POSTAL_ID_BASE + 38301), "Tennessee", 0, "town")]
    assert (hollow[0].lat, hollow[0].lon) == pytest.approx((36.1, -88.1))
    paris = gazetteer.candidates("Paris")
    assert ids(paris)[:2] == [2988507, 4646571] and len(paris) == 3 and paris[2].admin1 == "Georgia"


def test_gazetteer_build_on_demand_and_forced(gazetteer):
    gazetteer.build()
    assert gazetteer.path.exists()
    stamp = gazetteer.path.stat().st_mtime_ns
    gazetteer.build()  # up to date: left alone
    assert gazetteer.path.stat().st_mtime_ns == stamp
    gazetteer.build(force=True)
    assert gazetteer.candidates("Kyiv")[0].geonameid == 703448


def test_gazetteer_cyrillic_alternate_names_match(tmp_path):
    village = PlaceRow(9000003, "Vorsklino", 51.3, 35.2, "RU", "RU.41", "PPL", 900, ("Ворсклино", "Ворскліно"))
    gazetteer = Gazetteer(tmp_path / "gazetteer.sqlite", sources=[village], demonyms=[])
    assert ids(gazetteer.candidates("Ворсклино")) == ids(gazetteer.candidates("Ворскліно")) == [9000003]
    gazetteer.close()
