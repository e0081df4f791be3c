"""Where a claim's speaker speaks from: the seat the actor catalogue gives a body (``seat`` in
data/actors.yaml), as a place.

A statement or a request happens where it is made: an agency's warning about a plant is made at
its headquarters, a ministry's appeal in its capital.  The speaker is the claim's origin (the
first source of its chain); a claim in the writer's own voice ("The agency's head raised
concerns ...") is spoken by its first agent the catalogue gives a seat.  ``locate`` decides for
which event types the seat is the claim's location (data/locations.yaml).
"""

from __future__ import annotations

from typing import Optional

from claimgraph.model import Claim, Place, Span
from claimgraph.resolve.actors import ActorCatalogue, Seat
from claimgraph.resolve.gazetteer import Candidate, Gazetteer


class Seats:
    def __init__(self, actors: ActorCatalogue, gazetteer: Gazetteer):
        self.actors = actors
        self.gazetteer = gazetteer
        self._towns: dict[Seat, Optional[Candidate]] = {}

    def of_claim(self, claim: Claim) -> Optional[Place]:
        """The seat of the claim's speaker, None when it has none (or its speaker is unknown)."""
        if claim.source_chain:
            origin = claim.source_chain[0]
            return self.place(origin.canonical or origin.name, origin.span or claim.span)
        agents = (a for a in claim.actors if a.role == "agent")
        return next((seat for a in agents if (seat := self.place(a.canonical or a.text, a.span or claim.span))), None)

    def place(self, name: str, span: Span) -> Optional[Place]:
        """The seat of the body ``name`` names, as a place taken from the name's ``span``."""
        entity = self.actors.lookup(name)
        town = self.town(entity.seat) if entity and entity.seat else None
        if town is None:
            return None
        return Place(text=town.name, span=span, name=town.name, geonameid=town.geonameid, lat=town.lat,
                     lon=town.lon, country=town.country, admin1=town.admin1, feature=town.feature,
                     precision=town.precision)

    def town(self, seat: Seat) -> Optional[Candidate]:
        """The most populous town of that name in that country."""
        if seat not in self._towns:
            towns = [c for c in self.gazetteer.candidates(seat.place)
                     if c.country == seat.country and c.feature.startswith("PPL")]
            self._towns[seat] = max(towns, key=lambda c: c.population, default=None)
        return self._towns[seat]
