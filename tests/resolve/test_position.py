"""Where a claim or an event is (resolve/position.py): one of its places, never an average."""

from __future__ import annotations

import pytest

from claimgraph.model import Event, Place
from claimgraph.resolve.position import (agreed_position, bases, event_place, event_position, geo_precision,
                                        location_rules, position)


def place(text: str, precision: str | None, role: str = "place", lat: float | None = 50.0, lon: float = 30.0,
          basis: str | None = None, feature: str | None = None, geonameid: int | None = None) -> Place:
    return Place(text=text, span=(0, len(text)), role=role, lat=lat, lon=lon if lat is not None else None,
                 precision=precision, basis=basis, feature=feature, geonameid=geonameid)


def event(places: list[Place], location: Place | None = None) -> Event:
    return Event(id="e1", event_type="strike", summary="A strike.", claims=["d:1"], documents=1, origins=[],
                 independent_sources=0, sides=[], status="claimed", places=places, location=location)


def test_position_prefers_a_town_over_its_region_and_country():
    chosen = position([place("Russia", "country"), place("Kursk region", "region"), place("Sudzha", "town")])
    assert chosen.text == "Sudzha"


def test_position_skips_demonyms_and_unlocated_places():
    chosen = position([place("Ukrainian", "country", role="demonym"), place("Zvannoe", "town", lat=None),
                       place("Kursk region", "region")])
    assert chosen.text == "Kursk region"


def test_position_of_a_country_alone_is_none():
    assert position([place("Russia", "country", lat=60.0, lon=100.0)]) is None
    assert position([place("Europe", "region", feature="CONT")]) is None
    assert position([place("Dnipro", "region", feature="STM")]) is None  # a river's middle says nothing
    assert position([]) is None


def test_position_takes_the_place_most_agree_on_then_the_first():
    towns = [place("Oskol", "town", geonameid=1), place("Pelna", "town", geonameid=2),
             place("Pelna", "town", geonameid=2)]
    assert position(towns).text == "Pelna"
    assert position([place("Sumy", "town", geonameid=3), place("Kharkiv", "town", geonameid=4)]).text == "Sumy"


def test_position_named_in_the_sentence_beats_a_finer_place_taken_from_around_it():
    chosen = position([place("Lanor", "town", basis="focus"), place("Vell region", "region", basis="sentence")])
    assert chosen.text == "Vell region"


def test_position_a_statement_is_where_its_speaker_sits_a_strike_where_the_text_says():
    seat = place("Vienna", "town", lat=48.2, lon=16.4, basis="speaker", geonameid=1)
    named = place("Brelsk", "town", lat=51.2, lon=35.3, basis="sentence", geonameid=2)
    assert position([named, seat], "statement").text == "Vienna"
    assert position([seat, named], "strike").text == "Brelsk"
    assert position([seat], "strike").text == "Vienna"  # a seat is still better than nothing


def test_position_agreed_one_stray_place_does_not_pull_the_event():
    stray = place("Lanor", "town", lat=40.0, lon=-74.0, basis="sentence", geonameid=1)
    near = [place("Brelsk", "town", lat=51.2, lon=35.3, basis="focus", geonameid=2),
            place("Vell region", "region", lat=51.6, lon=36.0, basis="paragraph", geonameid=3)]
    assert position([stray, *near]).text == "Lanor"  # alone, the sentence's place ranks first
    assert agreed_position([stray, *near]).text == "Vell region"  # the two near places agree
    assert agreed_position([stray, near[0]]).text == "Lanor"  # one against one: the usual order
    assert agreed_position([]) is None


@pytest.mark.parametrize("event_type, expected", [("statement", "Vienna"), ("request", "Vienna"),
                                                  ("strike", "Brelsk")])
def test_position_agreed_a_speakers_seat_is_not_outvoted_by_the_documents_focus(event_type, expected):
    seat = place("Vienna", "town", lat=48.2, lon=16.4, basis="speaker", geonameid=1)
    focus = [place("Brelsk", "town", lat=51.2, lon=35.3, basis=basis, geonameid=2) for basis in ("focus", "dateline")]
    assert agreed_position([seat, *focus], event_type).text == expected
    assert agreed_position(focus, event_type).text == "Brelsk"  # the focus is still better than nothing


def test_position_event_uses_its_location_and_is_never_a_country_centroid():
    town = place("Sudzha", "town")
    assert event_position(event([place("Russia", "country")], location=town)) is town
    assert event_position(event([place("Russia", "country")])) is None
    assert event_place(event([place("Russia", "country")])).text == "Russia"  # a table still files it by country


@pytest.mark.parametrize(("precision", "feature", "basis", "expected"), [
    ("town", "PPL", None, 1), ("point", None, "sentence", 1), ("region", "ADM2", None, 2), ("region", "ADM1", None, 3),
    ("country", "PCLI", None, 3), ("town", "PPL", "paragraph", 2), ("town", "PPL", "focus", 3),
])
def test_position_geo_precision_follows_acled(precision, feature, basis, expected):
    assert geo_precision(place("x", precision, feature=feature, basis=basis)) == expected


def test_position_rules_are_typed_and_frozen():
    rules = location_rules()
    assert bases("statement")[:2] == ("spoken", "speaker") and "speaker" not in bases("strike")
    assert "kyiv" in rules.seats_of_government and "in" in rules.locative_words
    with pytest.raises(TypeError):
        rules.geo_precision_floor["focus"] = 1
