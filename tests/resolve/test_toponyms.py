"""Finding toponyms (resolve/toponyms.py): gazetteer names NER missed, without common-word traps."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from claimgraph.model import Place
from claimgraph.resolve.toponyms import find_toponyms, never_a_place, not_a_place, toponym_rules, without_surnames


def place(text: str, name: str) -> Place:
    start = text.index(name)
    return Place(text=name, span=(start, start + len(name)))


def test_toponyms_find_toponyms_adds_missed_places(gazetteer):
    text = "Fighting spread from Kyiv to Sudzha and beyond the Kursk Region."
    found = {p.text: p.role for p in find_toponyms(text, gazetteer)}
    assert found == {"Kyiv": "place", "Sudzha": "place", "Kursk Region": "place"}


def kind(place):
    """A place's role, or "in_name" for a place inside a longer name (which is never a location)."""
    return "in_name" if place.in_name else place.role


def test_toponyms_find_toponyms_avoids_common_word_traps(gazetteer):
    text = ("We will see. President Kursk spoke to Paris Hilton. The Kyiv Independent reported. "
            "Ukrainian officials said so.")
    found = [(p.text, kind(p)) for p in find_toponyms(text, gazetteer)]
    assert found == [("Kyiv", "in_name"), ("Ukrainian", "demonym")]  # the outlet is not in Kyiv


def test_toponyms_a_common_word_spelling_another_language_s_name_of_a_town_is_no_place(tmp_path):
    from claimgraph.resolve.gazetteer import Gazetteer, PlaceRow

    hyeres = PlaceRow(3012937, "Hyeres", 43.12, 6.13, "FR", "FR.93", "PPL", 50_487, ("Air",))  # as GeoNames has it
    gazetteer = Gazetteer(tmp_path / "gazetteer.sqlite", sources=[hyeres], demonyms=[])
    try:
        assert find_toponyms("Air defence in the area is thin. Hyeres is far away.", gazetteer)[0].text == "Hyeres"
        assert len(find_toponyms("Air defence in the area is thin.", gazetteer)) == 0
    finally:
        gazetteer.close()


@pytest.mark.parametrize("text, name, role", [("The Kyiv Independent reported.", "Kyiv", "in_name"),
                                              ("The Washington Post’s reporter asked.", "Washington", "in_name"),
                                              ("The Kursk Film Society met.", "Kursk", "in_name"),
                                              ("The Russian Ministry of Defence said so.", "Russian", "demonym")])
def test_toponyms_find_toponyms_place_opening_a_longer_name(gazetteer, text, name, role):
    start = text.index(name)
    assert [(p.text, p.span, kind(p)) for p in find_toponyms(text, gazetteer)] == [(name, (start, start + len(name)), role)]


def test_toponyms_find_toponyms_no_place_opening_a_name_without_a_head_word(gazetteer):
    assert find_toponyms("We met Kyiv Smith there.", gazetteer) == []


def test_toponyms_find_toponyms_name_before_a_possessive_inside_a_run(gazetteer):
    text = "Kursk’s Governor Alexei Smirnov spoke."
    assert [(p.text, p.role) for p in find_toponyms(text, gazetteer)] == [("Kursk", "place")]


def test_toponyms_find_toponyms_leaves_taken_spans(gazetteer):
    text = "Shelling hit Kyiv."
    start = text.index("Kyiv")
    assert find_toponyms(text, gazetteer, taken=[(start, start + 4)]) == []


def test_toponyms_small_town_needs_a_locative(gazetteer):
    assert [p.text for p in find_toponyms("Sudzha fell quickly.", gazetteer)] == []
    assert [p.text for p in find_toponyms("Troops took Sudzha, then moved on from Sudzha.", gazetteer)] == ["Sudzha"]


@pytest.mark.parametrize("text, name", [("The Kursk Police Department said so.", "Kursk"),
                                        ("The Henry County Fire Department came.", "Henry County"),
                                        ("The National Bank of Ukraine said so.", "Ukraine"),
                                        ("Kursk Mayor Anna Petrova said so.", "Kursk")])
def test_toponyms_find_toponyms_place_of_an_institution(gazetteer, text, name):
    start = text.index(name)
    assert [(p.text, p.span) for p in find_toponyms(text, gazetteer)] == [(name, (start, start + len(name)))]


@pytest.mark.parametrize("person", ["Anna Kursk", "Anna K. Kursk"])
def test_toponyms_find_toponyms_skips_surnames_of_the_document(gazetteer, person):
    text = f"{person} met reporters. Kursk said the trains to Kursk ran late."
    assert [p.span[0] for p in find_toponyms(text, gazetteer)] == [text.rindex("Kursk")]


def test_toponyms_ner_places_lose_unknown_surnames(gazetteer):
    text = "Anna Farrin spoke. Farrin said Kursk was calm, and trains ran to Farrin."
    places = [place(text, "Kursk"), Place(text="Farrin", span=(19, 25)),
              Place(text="Farrin", span=(text.rindex("Farrin"), len(text) - 1))]
    assert [p.span for p in without_surnames(text, places, gazetteer)] == [places[0].span, places[2].span]


def test_toponyms_title_must_touch_the_name(gazetteer):
    assert [p.text for p in find_toponyms("She lives at 4 Orchard St., Kyiv, now.", gazetteer)] == ["Kyiv"]


@pytest.mark.parametrize("text", ["A Kursk man was fined.", "Kursk’s trains ran late.", "Kursk's trains ran late.",
                                  "Kurskʼs trains ran late."])
def test_toponyms_find_toponyms_reads_article_and_possessive_off(gazetteer, text):
    start = text.index("Kursk")
    assert [(p.text, p.span) for p in find_toponyms(text, gazetteer)] == [("Kursk", (start, start + 5))]


@pytest.mark.parametrize("name", ["Deep State", "PA", "Mi-28", "S-400", "the Black Sea Fleet", "Central Federal District",
                                  "Southern Military District", "Reuters"])
def test_toponyms_media_organisations_weapons_and_units_are_never_places(name):
    assert never_a_place(name)


@pytest.mark.parametrize("name", ["Black Sea", "Kursk", "Sudzha", "Paris", "Pennsylvania"])
def test_toponyms_places_are_not_mistaken_for_named_things(name):
    assert not never_a_place(name)


def test_toponyms_named_things_are_not_found_as_places(gazetteer):
    text = "Maps by Deep State showed gains, PA reported, as a Mi-28 and the Kursk brigade moved on Kyiv."
    assert [p.text for p in find_toponyms(text, gazetteer)] == ["Kyiv"]


@pytest.mark.parametrize("text, expected", [("Bodies of the Azov battalion were returned.", True),
                                            ("Azov Fighters came home.", True), ("Shelling hit Azov again.", False)])
def test_toponyms_a_name_before_a_unit_word_is_the_unit(text, expected):
    assert not_a_place(text, place(text, "Azov")) == expected


def test_toponyms_rules_are_typed_and_frozen():
    rules = toponym_rules()
    assert "Deep State" in rules.never_places and rules.designator.match("Su-34")
    assert rules.min_population_after_locative < rules.min_population
    with pytest.raises(FrozenInstanceError):
        rules.min_population = 0


@pytest.mark.parametrize("text, taken, expected", [
    # NER took the first of two names a hyphen joins: the second is still found
    ("The Kyiv-Kursk train was cancelled.", "Kyiv", ["Kursk"]),
    ("Talks on the Russia-Ukraine border resumed.", None, ["Russia", "Ukraine"]),
    # a heading in capitals before the words that follow it
    ("KYIV The latest on the shelling.", None, ["KYIV"]),
    # a run joined through "on" to a weekday: the name before the joining word
    ("Kursk on Monday reported outages.", None, ["Kursk"]),
])
def test_toponyms_find_toponyms_names_inside_a_run(gazetteer, text, taken, expected):
    taken_spans = [place(text, taken).span] if taken else []
    assert [p.text for p in find_toponyms(text, gazetteer, taken=taken_spans)] == expected


def test_toponyms_a_name_inside_a_longer_name_is_not_split_off(gazetteer):
    # a name in mixed case before a capitalised word is part of a longer name ("Kursk Smith")
    assert find_toponyms("Then Kursk Smith Jones spoke.", gazetteer) == []


def test_toponyms_a_county_name_alone_is_the_town_that_shares_it(tmp_path):
    from claimgraph.resolve.gazetteer import Gazetteer, PlaceRow

    rows = [PlaceRow(1, "Marlow", 50.0, 10.0, "GB", "GB.ENG", "ADM2", 900_000, ()),
            PlaceRow(2, "Marlow", 50.1, 10.1, "GB", "GB.ENG", "PPL", 400_000, ()),
            PlaceRow(3, "Barlow", 51.0, 11.0, "GB", "GB.ENG", "ADM2", 900_000, ())]
    gazetteer = Gazetteer(tmp_path / "g.sqlite", sources=rows, demonyms=[])
    try:
        # Barlow is only a county: its bare name stays a common word or a surname
        assert [p.text for p in find_toponyms("Marlow and Barlow voted.", gazetteer)] == ["Marlow"]
    finally:
        gazetteer.close()


def test_toponyms_a_commissioner_is_an_office_of_its_place(gazetteer):
    text = "The Kursk Commissioner for Health said so."
    assert [(p.text, p.span[0]) for p in find_toponyms(text, gazetteer)] == [("Kursk", text.index("Kursk"))]
