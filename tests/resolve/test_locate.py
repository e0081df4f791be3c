"""A place for every claim (resolve/locate.py): the sentence's, else one from around it."""

from __future__ import annotations

import pytest

from claimgraph.model import Claim, Place, SourceRef
from claimgraph.read.document import find_dateline
from claimgraph.resolve.locate import locate_claims, no_speaker

TOWNS = {"Brelsk": (51.2, 35.3, "town", "RU"), "Ostrova": (51.5, 35.9, "town", "RU"),
         "Moscow": (55.75, 37.6, "town", "RU"),
         "Vell region": (51.6, 36.0, "region", "RU"), "Russia": (60.0, 100.0, "country", "RU"),
         "Marden": (48.0, 37.0, "town", "UA")}


def places_in(text: str) -> list[Place]:
    found = []
    for name, (lat, lon, precision, country) in TOWNS.items():
        start = text.lower().find(name.lower())  # a dateline writes names in capitals
        while start >= 0:
            found.append(Place(text=name, span=(start, start + len(name)), name=name, lat=lat, lon=lon,
                               precision=precision, country=country, geonameid=hash(name) % 10_000))
            start = text.lower().find(name.lower(), start + 1)
    return found


def claim_at(text: str, sentence: str, event_type: str = "other", status: str = "asserted") -> Claim:
    start = text.index(sentence)
    return Claim(id=f"d:{start}", text=sentence, span=(start, start + len(sentence)),
                 sentence_span=(start, start + len(sentence)), event_type=event_type, status=status)


def locate(text: str, sentence: str, event_type: str = "other", speaker=no_speaker,
           status: str = "asserted") -> Place | None:
    dateline = find_dateline(text)  # found once, in reading (Document.dateline)
    [claim] = locate_claims(text, [claim_at(text, sentence, event_type, status)], places_in(text),
                            [dateline.span()] if dateline else [], speaker)
    return claim.location


def seat_in_moscow(claim: Claim) -> Place:
    return Place(text="Moscow", span=(0, 6), name="Moscow", lat=55.75, lon=37.6, precision="town", country="RU")


@pytest.mark.parametrize("text, sentence, expected", [
    ("Shelling hit Ostrova at night. A bridge near Brelsk collapsed on Monday.",
     "A bridge near Brelsk collapsed on Monday.", ("Brelsk", "sentence", 1)),
    ("Troops entered Brelsk on Monday. They held the town for days.", "They held the town for days.",
     ("Brelsk", "previous", 1)),
    ("Fires spread in Marden. Crews worked late. Nobody was hurt, the mayor said.",
     "Nobody was hurt, the mayor said.", ("Marden", "paragraph", 2)),
    ("Brelsk was calm. Brelsk was shelled again.\nA school was damaged.", "A school was damaged.",
     ("Brelsk", "focus", 3)),
    ("OSTROVA (Wire) — The shelling went on.\nA school was damaged.", "A school was damaged.",
     ("Ostrova", "dateline", 2)),
    # a country alone: a finer place inside it is looked for, else the country
    ("Shelling hit Brelsk. A strike in Russia killed two.", "A strike in Russia killed two.",
     ("Brelsk", "previous", 1)),
    ("Shelling hit Marden. A strike in Russia killed two.", "A strike in Russia killed two.",
     ("Russia", "sentence", 3)),
])
def test_locate_the_sentence_else_the_one_before_the_paragraph_the_focus_the_dateline(text, sentence, expected):
    where = locate(text, sentence)
    assert (where.name, where.basis, where.geo_precision) == expected


def test_locate_the_sentence_before_counts_only_within_the_paragraph():
    text = "Troops entered Ostrova on Monday, officials said. Then Brelsk was shelled.\nThey held the town for days."
    assert locate(text, "They held the town for days.").basis != "previous"


def test_locate_a_country_or_capital_that_acts_is_no_location():
    text = "Fires spread in Marden.\nRussia said the strike killed two. Moscow denied it."
    assert locate(text, "Russia said the strike killed two.").name == "Marden"
    text = "Fires spread in Marden. Drones flew over Moscow."
    assert locate(text, "Drones flew over Moscow.").name == "Moscow"
    text = "Fires spread in Marden.\nTwo died in the Moscow regime's shelling."
    assert locate(text, "Two died in the Moscow regime's shelling.").name == "Marden"


def test_locate_the_dateline_is_no_sentence_place_and_comes_last():
    text = "OSTROVA (Wire) — Shelling went on, officials said.\nBrelsk was hit. A school was damaged."
    assert locate(text, "OSTROVA (Wire) — Shelling went on, officials said.").name == "Brelsk"


def test_locate_a_dateline_after_a_title_is_no_sentence_place():
    text = "Shelling goes on\n\nOSTROVA,  (Wire) – A school in Brelsk was damaged."
    claim = claim_at(text, "A school in Brelsk was damaged.")
    claim = claim.model_copy(update={"sentence_span": (text.index("OSTROVA"), len(text))})
    opener = (text.index("OSTROVA"), text.index("– ") + 1)  # Document.openers: found in reading
    [brelsk] = locate_claims(text, [claim], places_in(text), [opener])
    [ostrova] = locate_claims(text, [claim], places_in(text), [])
    assert (brelsk.location.name, ostrova.location.name) == ("Brelsk", "Ostrova")


def test_locate_a_document_without_places_leaves_claims_unplaced():
    assert locate("Nothing was named here.", "Nothing was named here.") is None


@pytest.mark.parametrize("event_type", ["statement", "request", "diplomacy"])
def test_locate_a_statement_is_made_at_its_speakers_seat_not_where_it_is_about(event_type):
    text = "The ministry warned of new shelling at Brelsk."
    where = locate(text, text, event_type, seat_in_moscow)
    assert (where.name, where.basis, where.geo_precision) == ("Moscow", "speaker", 2)


def test_locate_a_happening_is_never_placed_at_a_speakers_seat():
    text = "Fires spread in Marden.\nThe ministry said two died."
    assert locate(text, "The ministry said two died.", "casualties", seat_in_moscow).name == "Marden"


def test_locate_a_statement_by_a_speaker_without_a_seat_falls_back_to_the_text():
    text = "The ministry warned of new shelling at Brelsk."
    assert locate(text, text, "statement").name == "Brelsk"


def test_locate_a_forecast_or_a_demand_is_where_its_speaker_says_it_whatever_it_is_about():
    text = "Shells hit Brelsk.\nThe ministry said the flooding will leave thousands homeless."
    forecast = "The ministry said the flooding will leave thousands homeless."
    assert locate(text, forecast, "civilian_harm", seat_in_moscow, status="speculative").basis == "speaker"
    assert locate(text, forecast, "civilian_harm", seat_in_moscow, status="reported").name == "Brelsk"


@pytest.mark.parametrize("sentence", ["The agency requested access to the prison.",
                                      "The agency asked to visit the prison.",
                                      "The agency called for its team to travel there."])
def test_locate_a_request_to_reach_a_place_is_about_that_place_not_at_the_askers_seat(sentence):
    text = f"Shells hit the prison in Brelsk.\n{sentence}"
    where = locate(text, sentence, "request", seat_in_moscow, status="speculative")
    assert (where.name, where.basis) == ("Brelsk", "focus")
    other = "The agency called on both sides to stop the shelling."
    assert locate(f"Shells hit the prison in Brelsk.\n{other}", other, "request", seat_in_moscow).name == "Moscow"


def spoken_by(text: str, sentence: str, speaker_name: str, event_type: str) -> Place | None:
    """A claim whose source is named (with its span) somewhere in ``text``, located with a seat."""
    start = text.index(speaker_name)
    claim = claim_at(text, sentence, event_type).model_copy(
        update={"source_chain": [SourceRef(name=speaker_name, span=(start, start + len(speaker_name)))]})
    [located] = locate_claims(text, [claim], places_in(text), [], seat_in_moscow)
    return located.location


def test_locate_a_statement_is_made_where_the_text_says_its_speaker_spoke():
    text = ("Brelsk was shelled. Brelsk lost power.\n"
            "Nobody has answered the request to hand over the remains. "
            "The minister said this at a news conference in Marden.")
    where = spoken_by(text, "Nobody has answered the request to hand over the remains.", "The minister", "request")
    assert (where.name, where.basis, where.geo_precision) == ("Marden", "spoken", 1)


def test_locate_a_place_the_speaker_speaks_of_is_not_where_it_spoke():
    text = "The minister said troops in Brelsk were shelling homes."
    where = spoken_by(text, "troops in Brelsk were shelling homes", "The minister", "statement")
    assert (where.name, where.basis) == ("Moscow", "speaker")
