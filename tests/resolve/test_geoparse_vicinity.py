"""A local paper's small places: the home-region reading, and names no gazetteer knows placed at
the document's vicinity.  An invented map (names, ids and points made up)."""

from __future__ import annotations

import pytest

from claimgraph.model import Place
from claimgraph.resolve.gazetteer import PlaceRow
from claimgraph.resolve.geoparse import resolve_places
from tests.resolve.invented import invented_gazetteer, resolve

PLACES = [
    # R6 holds three small places lying together (post-office towns without a population,
    # and a county); each name has a far larger namesake in another region
    PlaceRow(1, "Pinecrest", 46.0, -95.6, "US", "US.R6", "PPL", 0, ()),
    PlaceRow(2, "Quarry", 45.9, -95.3, "US", "US.R6", "PPL", 0, ()),
    PlaceRow(3, "Ridley County", 45.95, -95.45, "US", "US.R6", "ADM2", 300, ()),
    PlaceRow(4, "Pinecrest", 27.9, -82.3, "US", "US.R7", "PPL", 1_000_000, ()),
    PlaceRow(5, "Quarry", 42.6, -73.8, "US", "US.R8", "PPL", 1_000_000, ()),
    PlaceRow(6, "Ridley County", 41.3, -96.1, "US", "US.R9", "ADM2", 5_000_000, ()),
    PlaceRow(10, "Westmark", 32.0, -98.0, "US", "US.R2", "ADM1", 5_000_000, ()),
    PlaceRow(11, "Alder", 40.0, -100.0, "US", "US.R2", "PPL", 50_000, ()),
    PlaceRow(12, "Granby", 44.0, -70.0, "US", "US.R1", "PPL", 200_000, ()),
    PlaceRow(13, "Hollis County", 44.1, -70.1, "US", "US.R1", "ADM2", 60_000, ()),
    PlaceRow(20, "Zembla", 20.0, 10.0, "ZZ", None, "PCLI", 100_000_000, ()),
]


@pytest.fixture()
def gazetteer(tmp_path):
    yield from invented_gazetteer(tmp_path, PLACES)


def test_geoparse_vicinity_names_settle_in_the_region_holding_them_all(gazetteer):
    # alone, each name is likelier its large namesake (and support from the others does not
    # outweigh that); read from the region where all three have a place, they agree
    text = "A crash near Pinecrest hurt a Quarry driver, Ridley County deputies said."
    resolved = resolve(gazetteer, text, "Pinecrest", "Quarry", "Ridley County")
    assert [resolved[name].geonameid for name in ("Pinecrest", "Quarry", "Ridley County")] == [1, 2, 3]


def test_geoparse_vicinity_unknown_name_is_placed_at_the_local_place_named(gazetteer):
    text = "Alder firefighters put out a blaze at Zorvex Mill; Alder police closed the road."
    resolved = resolve_places(text, [Place(text="Alder", span=(0, 5)),
                                     Place(text="Zorvex Mill", span=(38, 49))], gazetteer)
    mill = resolved[1]
    assert (mill.lat, mill.lon, mill.country, mill.admin1) == (40.0, -100.0, "US", "Westmark")
    assert mill.geonameid is None and mill.name is None
    assert mill.precision == "region"  # a guess of the area, not of the place


def test_geoparse_vicinity_is_never_more_precise_than_its_source(gazetteer):
    text = "Zembla's army shelled Vorlak."
    village = resolve(gazetteer, text, "Zembla", "Vorlak")["Vorlak"]
    assert (village.lat, village.lon, village.country, village.precision) == (20.0, 10.0, "ZZ", "country")


def test_geoparse_vicinity_unknown_name_alone_stays_unresolved(gazetteer):
    text = "A blaze at Zorvex Mill."
    [mill] = resolve_places(text, [Place(text="Zorvex Mill", span=(11, 22))], gazetteer)
    assert mill.lat is None and mill.precision is None


def test_geoparse_vicinity_part_read_far_from_the_story_is_placed_at_its_vicinity(gazetteer):
    # "Granby Park" is read through Granby, 2,500 km from the town the story is about
    text = "Alder council will repair Granby Park, Alder's mayor said."
    park = resolve(gazetteer, text, "Alder", "Granby Park")["Granby Park"]
    assert (park.lat, park.lon, park.geonameid) == (40.0, -100.0, None)


def test_geoparse_vicinity_part_read_near_the_story_is_kept(gazetteer):
    text = "Hollis County will repair Granby Park."
    park = resolve(gazetteer, text, "Hollis County", "Granby Park")["Granby Park"]
    assert park.geonameid == 12


def test_geoparse_vicinity_part_read_outside_the_region_named_is_placed_in_it(gazetteer):
    text = "Westmark officials inspected Granby Park."
    park = resolve(gazetteer, text, "Westmark", "Granby Park")["Granby Park"]
    assert (park.lat, park.lon, park.admin1) == (32.0, -98.0, "Westmark")


def test_geoparse_vicinity_none_when_the_story_spans_several_areas(gazetteer):
    # Alder (R2), Granby (R1) and Zembla: no area holds more than half the places, so an
    # unknown name may lie anywhere and is left unplaced
    text = "Alder and Granby sent aid to Zembla through Zorvex."
    unknown = resolve(gazetteer, text, "Alder", "Granby", "Zembla", "Zorvex")["Zorvex"]
    assert unknown.lat is None and unknown.precision is None
