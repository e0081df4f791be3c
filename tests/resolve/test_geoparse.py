from __future__ import annotations

import re

import pytest

from claimgraph.model import Place
from claimgraph.resolve.gazetteer import Gazetteer, PlaceRow
from claimgraph.resolve.geoparse import distance_km, is_toponym, resolve_places


def place(text: str, name: str, role: str = "place") -> Place:
    start = text.index(name)
    return Place(text=name, span=(start, start + len(name)), role=role)


def resolve(gazetteer, text: str, *names: str) -> list[Place]:
    return resolve_places(text, [place(text, n) for n in names], gazetteer)


def test_geoparse_region_word_after_name_gives_oblast(gazetteer):
    [kursk] = resolve(gazetteer, "Battles raged in the Kursk region for days.", "Kursk")
    assert (kursk.geonameid, kursk.precision, kursk.country) == (538555, "region", "RU")


@pytest.mark.parametrize("text", ["Shells fell on the Kursk and Belgorod regions overnight.",
                                  "Shells fell on the Kursk and Belgorod Regions overnight.",
                                  "Shells fell on the Belgorod, Bryansk and Kursk oblasts overnight."])
def test_geoparse_names_sharing_a_plural_region_word_are_each_a_region(gazetteer, text):
    [kursk] = resolve(gazetteer, text, "Kursk")
    assert (kursk.geonameid, kursk.precision) == (538555, "region")


def test_geoparse_a_plural_region_word_after_a_sentence_end_names_no_region(gazetteer):
    [kursk] = resolve(gazetteer, "Trains reached Kursk. Regions further east waited.", "Kursk")
    assert kursk.precision == "town"


def test_geoparse_bare_name_gives_town(gazetteer):
    [kursk] = resolve(gazetteer, "Trains to Kursk ran late.", "Kursk")
    assert (kursk.geonameid, kursk.feature, kursk.precision) == (538560, "PPL", "town")


@pytest.mark.parametrize("name", ["Kyiv’s", "Kyivʼs"])  # the modifier-letter apostrophe stays in its NER span
def test_geoparse_possessive_is_read_off_a_name(gazetteer, name):
    [kyiv] = resolve(gazetteer, f"Russia ignored {name} demand.", name)
    assert kyiv.geonameid == 703448


def test_geoparse_bare_name_after_region_mention_keeps_region(gazetteer):
    text = "Troops entered the Kursk region on Tuesday. Soldiers in Kursk surrendered."
    first = place(text, "Kursk")
    later = Place(text="Kursk", span=(text.rindex("Kursk"), text.rindex("Kursk") + 5))
    assert [p.geonameid for p in resolve_places(text, [first, later], gazetteer)] == [538555, 538555]


def test_geoparse_nearby_names_support_each_other(gazetteer):
    [paris, county] = resolve(gazetteer, "The fair in Paris drew crowds from across Henry County.",
                              "Paris", "Henry County")
    assert paris.geonameid == 4646571 and county.geonameid == 4626334


def test_geoparse_lone_capital_wins(gazetteer):
    [paris] = resolve(gazetteer, "Talks in Paris ended.", "Paris")
    assert paris.country == "FR"


def test_geoparse_region_after_comma_decides(gazetteer):
    [paris] = resolve(gazetteer, "He lives in Paris, Tennessee.", "Paris")
    assert paris.geonameid == 4646571


def test_geoparse_demonym_resolves_to_country(gazetteer):
    text = "Ukrainian forces advanced."
    [demonym] = resolve_places(text, [place(text, "Ukrainian", role="demonym")], gazetteer)
    assert (demonym.role, demonym.country, demonym.precision) == ("demonym", "UA", "country")


def test_geoparse_ner_place_that_is_a_demonym_changes_role(gazetteer):
    [ukrainian] = resolve(gazetteer, "Ukrainian troops held.", "Ukrainian")
    assert ukrainian.role == "demonym" and ukrainian.country == "UA"


def test_geoparse_unknown_name_stays_a_mention(gazetteer):
    [nowhere] = resolve(gazetteer, "They met in Xyzzyville.", "Xyzzyville")
    assert nowhere.geonameid is None and nowhere.text == "Xyzzyville"


def test_geoparse_unknown_long_name_uses_known_part(gazetteer):
    [station] = resolve(gazetteer, "Gas flowed through Sudzha Metering Station.", "Sudzha Metering Station")
    assert station.geonameid == 486816


def test_geoparse_feature_without_geonames_id(gazetteer):
    [sea] = resolve(gazetteer, "Drones struck ships in the Black Sea.", "Black Sea")
    assert (sea.geonameid, sea.precision, sea.country, sea.lat) == (None, "region", None, 43.0)


def test_geoparse_distance_km_kyiv_kursk():
    assert distance_km(50.45, 30.52, 51.73, 36.19) == pytest.approx(420, abs=10)


def test_geoparse_repeated_name_votes_once(gazetteer):
    text = "Paris voted. Paris spent. Paris grew. Paris, the seat of Henry County, is small."
    starts = [m.start() for m in re.finditer("Paris", text)]
    mentions = [Place(text="Paris", span=(s, s + 5)) for s in starts] + [place(text, "Henry County")]
    resolved = resolve_places(text, mentions, gazetteer)
    assert {p.geonameid for p in resolved[:-1]} == {4646571}


def test_geoparse_township_is_its_town_however_small(tmp_path):
    hamlet = PlaceRow(-1_038_301, "Maple Hollow", 36.1, -88.1, "US", "US.TN", "PPL", 0, ())
    gazetteer = Gazetteer(tmp_path / "gazetteer.sqlite", sources=[hamlet], demonyms=[])
    text = "Maple Hollow Township voted, and Maple Hollow Park reopened."
    township, park = resolve(gazetteer, text, "Maple Hollow Township", "Maple Hollow Park")
    assert township.geonameid is None and (township.lat, township.name) == (36.1, "Maple Hollow")
    assert park.lat is None  # other generic words still need a town of some size
    gazetteer.close()



def test_geoparse_a_place_inside_a_longer_name_is_resolved_and_counts_as_a_toponym(gazetteer):
    text = "The Kyiv Independent reported it."
    [kyiv] = resolve_places(text, [place(text, "Kyiv").model_copy(update={"in_name": True})], gazetteer)
    assert (kyiv.geonameid, kyiv.in_name) == (703448, True) and is_toponym(kyiv) and not kyiv.locates
