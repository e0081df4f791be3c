from __future__ import annotations

import pytest

from claimgraph.resolve.gazetteer import Gazetteer
from claimgraph.resolve.geoparse import distance_km
from claimgraph.settings import Settings


def ids(candidates) -> list[int]:
    return [c.geonameid for c in candidates]


@pytest.mark.parametrize("name", ["Kursk Oblast", "Kurskaya oblast'", "the Kursk region", "Kursk Region"])
def test_gazetteer_kursk_region_spellings(gazetteer, name):
    assert 538555 in ids(gazetteer.candidates(name))


@pytest.mark.parametrize("name, geonameid", [("Kiev", 703448), ("Kyiv", 703448), ("Avdiivka", 713122),
                                              ("Avdiyivka", 713122), ("Zaporozhye", 687700)])
def test_gazetteer_transliteration_variants(gazetteer, name, geonameid):
    assert geonameid in ids(gazetteer.candidates(name))


def test_gazetteer_diacritics_and_case_are_ignored(gazetteer):
    assert ids(gazetteer.candidates("SUDŽHA")) == ids(gazetteer.candidates("sudzha")) == [486816]


def test_gazetteer_skips_code_alternates(gazetteer):
    assert gazetteer.candidates("IEV") == []


def test_gazetteer_candidates_most_populous_first(gazetteer):
    assert ids(gazetteer.candidates("Paris")) == [2988507, 4646571]


def test_gazetteer_demonym_gives_country(gazetteer):
    assert gazetteer.demonym("Ukrainians").name == "Ukraine"
    assert gazetteer.demonym("Martian") is None


def test_gazetteer_candidate_precision(gazetteer):
    precisions = {c.geonameid: c.precision for c in gazetteer.candidates("Kursk")}
    assert precisions == {538555: "region", 538560: "town"}


def test_gazetteer_admin1_name_filled(gazetteer):
    assert gazetteer.by_id(486816).admin1 == "Kursk Oblast"


@pytest.mark.slow
def test_gazetteer_packaged_kursk_oblast():
    gazetteer = Gazetteer(Settings.load().gazetteer)
    oblast = next(c for c in gazetteer.candidates("Kursk Oblast") if c.feature == "ADM1")
    assert oblast.geonameid == 538555 and oblast.country == "RU" and oblast.name == "Kursk Oblast"
    assert distance_km(oblast.lat, oblast.lon, 51.7, 36.2) < 161
    assert gazetteer.candidates("Zaporozhye")[0].country == "UA"
    assert gazetteer.demonym("Ukrainian").geonameid == 690791
    assert gazetteer.candidates("Atlantic")[0].feature == "OCN"
    assert gazetteer.candidates("Belgorod region")[0].name == "Belgorod Oblast"
    # region_points.yaml: Ontario sits mid-province, not among its southern towns
    ontario = next(c for c in gazetteer.candidates("Ontario") if c.feature == "ADM1")
    assert distance_km(ontario.lat, ontario.lon, 49.25, -84.5) < 1 and ontario.lat > 48


def test_gazetteer_region_demonym_from_yaml(gazetteer):
    # demonyms.yaml maps "Tennessean" to the place named Tennessee; "-ns" plurals come free
    assert gazetteer.demonym("Tennesseans").geonameid == 4662168


def test_gazetteer_towns_in_a_box_most_populous_first(gazetteer):
    around_kursk = gazetteer.towns((34.0, 50.0, 37.0, 52.5), limit=5)
    assert [t.name for t in around_kursk] == ["Kursk", "Sudzha"]  # not the oblast, nor Kyiv outside
    assert [t.name for t in gazetteer.towns((-180, -90, 180, 90), limit=2)] == ["Kyiv", "Paris"]

