"""Where a claim or an event is: the one definition the store, API, export, report and page use.

A position is one of the places given, never an average of them: the most specific (a point or
town before a district, a region, a country), named in the claim's own words before one taken
from around it (``Place.basis``), and on a tie the one most places agree on, then the first.
A country (or a continent, an ocean, a river) is no position: an event known only that coarsely has no
point on a map; it is listed, not drawn at the country's centroid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

import yaml

from claimgraph.model import Claim, Event, Place

PRECISION_RANK = {"point": 0, "town": 1, "region": 2, "country": 3}
TOO_COARSE_FEATURES = frozenset({"CONT", "OCN", "STM"})  # a continent, an ocean, a river: no point says where


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    text = resources.files("claimgraph.resolve").joinpath("data/locations.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def located(place: Place) -> bool:
    """A place with a point that says where something is (not a demonym)."""
    return place.role == "place" and place.lat is not None and place.lon is not None


def drawable(place: Place) -> bool:
    """Located, and finer than a country: what a map may draw as a point."""
    return (located(place) and place.precision in PRECISION_RANK and place.precision != "country"
            and place.feature not in TOO_COARSE_FEATURES)


def place_key(place: Place) -> Any:
    return place.geonameid or (round(place.lat, 3), round(place.lon, 3))


def position(places: Iterable[Place]) -> Optional[Place]:
    """The most specific, best-supported drawable place of ``places`` (None when none is finer
    than a country)."""
    candidates = [p for p in places if drawable(p)]
    support = Counter(place_key(p) for p in candidates)
    bases = rules()["bases"]

    def rank(item: tuple[int, Place]) -> tuple:
        order, place = item
        return (bases.index(place.basis) if place.basis in bases else 0, PRECISION_RANK[place.precision],
                -support[place_key(place)], order)

    return min(enumerate(candidates), key=rank, default=(0, None))[1]


def most_specific(places: Iterable[Place]) -> Optional[Place]:
    """The position, else (for a claim or event known only by country) its located place."""
    located_places = [p for p in places if located(p)]
    return position(located_places) or next(iter(located_places), None)


def event_position(event: Event) -> Optional[Place]:
    """The event's ``location``, or for an event stored before locations were recorded, the
    position of its places."""
    return event.location if event.location is not None else position(event.places)


def geo_precision(place: Place) -> int:
    """ACLED geo_precision: 1 a town or point, 2 a district, 3 a region or a whole country;
    a place taken from around a claim is at least as coarse as its basis allows."""
    if place.precision in ("point", "town"):
        own = 1
    else:
        own = 2 if place.precision == "region" and place.feature not in (None, "ADM1") else 3
    return max(own, rules()["geo_precision_floor"].get(place.basis, 1))


def event_place(event: Event) -> Optional[Place]:
    """Where to file the event in a table or a report's areas: its position, else (known only
    by country) its located place; geo_precision says how coarse."""
    return event_position(event) or most_specific(event.places)


def claim_place(claim: Claim) -> Optional[Place]:
    """The claim's location, or for a claim stored before locations were recorded, its most
    specific place."""
    return claim.location or most_specific(claim.places)
