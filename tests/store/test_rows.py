from claimgraph.model import Place
from claimgraph.store.rows import most_precise_place


def place(text: str, precision: str | None, role: str = "place", lat: float | None = 50.0) -> Place:
    return Place(text=text, span=(0, len(text)), role=role, lat=lat, lon=30.0 if lat is not None else None,
                 precision=precision)


def test_rows_most_precise_place_prefers_a_town_over_its_country():
    chosen = most_precise_place([place("Russia", "country"), place("Kursk region", "region"), place("Sudzha", "town")])
    assert chosen.text == "Sudzha"


def test_rows_most_precise_place_skips_demonyms_and_unlocated_places():
    chosen = most_precise_place([place("Ukrainian", "country", role="demonym"), place("Zvannoe", "town", lat=None),
                                 place("Kursk region", "region")])
    assert chosen.text == "Kursk region"


def test_rows_most_precise_place_keeps_the_first_on_a_tie_and_none_when_empty():
    assert most_precise_place([place("Sumy", "town"), place("Kharkiv", "town")]).text == "Sumy"
    assert most_precise_place([]) is None
