"""Where a claim's speaker speaks from (resolve/seats.py): its origin's seat, else its agent's."""

from __future__ import annotations

from claimgraph.model import Actor, Claim, SourceRef
from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.resolve.seats import Seats

CATALOGUE = {"entities": [
    {"canonical": "Ministry of Harbours", "kind": "official", "side": "Ukraine", "patterns": ["harbour ministry"],
     "seat": {"place": "Kyiv", "country": "UA"}},
    {"canonical": "Tennessee Relief Board", "kind": "official", "patterns": ["relief board"],
     "seat": {"place": "Paris", "country": "US"}},
    {"canonical": "Coastal Brigade", "kind": "official", "side": "Ukraine", "patterns": ["coastal brigade"]},
]}


def claim(sources: list[str] = (), agents: list[str] = ()) -> Claim:
    return Claim(id="d:1", text="The pier must be rebuilt", span=(40, 64), sentence_span=(0, 65),
                 event_type="request",
                 source_chain=[SourceRef(name=s, canonical=s, span=(0, len(s))) for s in sources],
                 actors=[Actor(text=a, canonical=a, role="agent", span=(10, 10 + len(a))) for a in agents])


def test_seats_the_origin_speaks_from_its_seat(gazetteer):
    seat = Seats(ActorCatalogue(CATALOGUE), gazetteer).of_claim(claim(["the harbour ministry"]))
    assert (seat.name, seat.country, seat.precision, seat.span) == ("Kyiv", "UA", "town", (0, 20))


def test_seats_a_seat_is_the_town_of_its_country(gazetteer):
    seat = Seats(ActorCatalogue(CATALOGUE), gazetteer).of_claim(claim(["the relief board"]))
    assert (seat.name, seat.country) == ("Paris", "US")  # not the larger Paris in France


def test_seats_in_the_writers_voice_the_first_seated_agent_speaks(gazetteer):
    seats = Seats(ActorCatalogue(CATALOGUE), gazetteer)
    assert seats.of_claim(claim(agents=["the coastal brigade", "the harbour ministry"])).name == "Kyiv"
    assert seats.of_claim(claim(agents=["the coastal brigade"])) is None


def test_seats_an_origin_without_a_seat_gives_none_whatever_its_agents(gazetteer):
    seats = Seats(ActorCatalogue(CATALOGUE), gazetteer)
    assert seats.of_claim(claim(["the coastal brigade"], agents=["the harbour ministry"])) is None
    assert seats.of_claim(claim(["a local fisherman"])) is None
