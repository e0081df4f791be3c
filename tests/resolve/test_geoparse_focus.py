"""A settlement resolves inside the document's focus region when it has a namesake there."""

from __future__ import annotations

import pytest

from claimgraph.resolve.gazetteer import PlaceRow
from tests.resolve.invented import invented_gazetteer, resolve

MAP = [
    PlaceRow(9100001, "Vell Oblast", 55.0, 40.0, "RU", "RU.90", "ADM1", 900_000, ()),
    PlaceRow(9100002, "Ostrova", 54.0, 39.0, "RU", "RU.90", "PPL", 3_000, ()),
    PlaceRow(9100003, "Brelsk", 54.2, 39.3, "RU", "RU.90", "PPL", 2_000, ()),
    # two namesakes: the larger far away in another region, the smaller in Vell Oblast but far
    # from the other places named (so nearness alone does not decide)
    PlaceRow(9100004, "Lipovo", 47.0, 39.0, "RU", "RU.91", "PPL", 90_000, ()),
    PlaceRow(9100007, "Kamensk", 47.1, 39.1, "RU", "RU.91", "PPL", 40_000, ()),
    PlaceRow(9100005, "Lipovo", 58.5, 44.0, "RU", "RU.90", "PPL", 600, ()),
    PlaceRow(9100006, "Tarn Oblast", 47.5, 40.0, "RU", "RU.91", "ADM1", 700_000, ()),
]


@pytest.fixture()
def gazetteer(tmp_path):
    yield from invented_gazetteer(tmp_path, MAP)


def test_geoparse_focus_settlement_resolves_inside_the_focus_region(gazetteer):
    text = ("Troops entered the Vell region. Fighting near Ostrova and Brelsk spread to Lipovo. "
            "Kamensk sent buses.")
    assert resolve(gazetteer, text, "Vell", "Ostrova", "Brelsk", "Lipovo", "Kamensk")["Lipovo"].geonameid == 9100005


def test_geoparse_focus_without_a_focus_the_larger_namesake_stays(gazetteer):
    assert resolve(gazetteer, "Shelling hit Lipovo.", "Lipovo")["Lipovo"].geonameid == 9100004


def test_geoparse_focus_a_region_given_after_the_name_still_decides(gazetteer):
    text = "Troops entered the Vell region near Ostrova and Brelsk. Lipovo, Tarn Oblast, was calm."
    assert resolve(gazetteer, text, "Vell", "Ostrova", "Brelsk", "Lipovo")["Lipovo"].geonameid == 9100004


def test_geoparse_focus_takes_only_a_namesake_bearing_the_name_itself(tmp_path):
    # Lipovo in the focus region is listed only as an alternate name of Stavok: no namesake
    stavok = PlaceRow(9100008, "Stavok", 58.5, 44.0, "RU", "RU.90", "PPL", 600, ("Lipovo",))
    places = [row for row in MAP if row.geonameid != 9100005] + [stavok]
    for gazetteer in invented_gazetteer(tmp_path, places):
        text = ("Troops entered the Vell region. Fighting near Ostrova and Brelsk spread to Lipovo. "
                "Kamensk sent buses.")
        assert resolve(gazetteer, text, "Vell", "Ostrova", "Brelsk", "Lipovo", "Kamensk")["Lipovo"].geonameid == 9100004
