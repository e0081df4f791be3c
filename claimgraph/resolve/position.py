"""Where a claim or an event is: the one definition the store, API, export, report and page use.

A position is one of the places given, never an average of them: the most specific (a point or
town before a district, a region, a country), named in the claim's own words before one taken
from around it (``Place.basis``, in the order its event type gives: ``bases``), and on a tie the
one most places agree on, then the first.
A country (or a continent, an ocean, a river) is no position: an event known only that coarsely has no
point on a map; it is listed, not drawn at the country's centroid.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Optional

from claimgraph.model import Claim, Event, Place
from claimgraph.resolve.geoparse import distance_km
from claimgraph.rules import typed_rules

PRECISION_RANK = {"point": 0, "town": 1, "region": 2, "country": 3}
TOO_COARSE_FEATURES = frozenset({"CONT", "OCN", "STM"})  # a continent, an ocean, a river: no point says where
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LocationRules:
    """locations.yaml: where a claim's location may come from, how precise that is, and the
    words that tell a place named as where from one named as who."""
    bases: tuple[str, ...]  # where a location may come from, best first
    bases_by_type: Mapping[str, tuple[str, ...]]  # event type -> its own order of bases
    bases_by_status: Mapping[str, tuple[str, ...]]  # claim status -> its order of bases, before its type's
    reach_words: frozenset[str]  # a sentence asking to reach a place ("access", "visit") is about that place
    document_bases: frozenset[str]  # bases that say where a document is, not where a claim's speaker is
    agreement_km: float  # claims' locations this close agree on where their event is
    geo_precision_floor: Mapping[str, int]  # basis -> the finest ACLED geo_precision it allows
    seats_of_government: frozenset[str]
    locative_words: frozenset[str]  # "in Russia": a country named as where
    actor_heads: frozenset[str]  # "the Kiev regime": a place named as who
    spoken_at: re.Pattern[str]  # what stands between a speaker's name and where it spoke, up to "in "


SPEAKER_BASES = frozenset({"spoken", "speaker"})  # bases that place a speech act where its speaker is


def location_rules() -> LocationRules:
    return typed_rules("claimgraph.resolve", "data/locations.yaml", _location_rules)


def _location_rules(raw: dict[str, Any]) -> LocationRules:
    return LocationRules(
        bases=tuple(raw["bases"]),
        bases_by_type=MappingProxyType({kind: tuple(order) for kind, order in raw["bases_by_type"].items()}),
        bases_by_status=MappingProxyType({status: tuple(order) for status, order in raw["bases_by_status"].items()}),
        agreement_km=raw["agreement_km"],
        geo_precision_floor=MappingProxyType(dict(raw["geo_precision_floor"])),
        **{name: frozenset(raw[name]) for name in ("reach_words", "document_bases", "seats_of_government",
                                                   "locative_words", "actor_heads")},
        spoken_at=spoken_at_pattern(raw["spoken_at"]),
    )


def spoken_at_pattern(raw: dict[str, Any]) -> re.Pattern[str]:
    """A speech verb, an object or a setting ("at a briefing"), then "in " at the end."""
    def words(key: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in raw[key])

    setting = (rf"(?:(?:at|during|in)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+)?"
               rf"(?:{words('settings')})\s+)")
    return re.compile(rf"\b(?:{words('verbs')})\s+(?:(?:{words('objects')})\s+)?{setting}?in\s+(?:the\s+)?$",
                      re.IGNORECASE)


def located(place: Place) -> bool:
    """A place with a point that says where something is (not a demonym)."""
    return place.locates and place.lat is not None and place.lon is not None


def drawable(place: Place) -> bool:
    """Located, and finer than a country: what a map may draw as a point."""
    return (located(place) and place.precision in PRECISION_RANK and place.precision != "country"
            and place.feature not in TOO_COARSE_FEATURES)


def place_key(place: Place) -> Any:
    return place.geonameid or (round(place.lat, 3), round(place.lon, 3))


def bases(event_type: Optional[str]) -> tuple[str, ...]:
    """Where a location of a claim (or an event) of this type may come from, best first."""
    rules = location_rules()
    return rules.bases_by_type.get(event_type, rules.bases)


def claim_bases(claim: Claim, sentence: str) -> tuple[str, ...]:
    """Where a claim's location may come from, best first.  A claim whose ``sentence`` asks to
    reach a place ("requested access to the prison") is about where it would happen: the usual
    order, its speaker's seat left out.  Else the order of its status when locations.yaml gives
    one (a forecast or a demand tells only of someone's words: what it speaks of has not
    happened, the speaking has), else of its event type."""
    rules = location_rules()
    if rules.reach_words.intersection(WORD.findall(sentence.lower())):
        return rules.bases
    return rules.bases_by_status.get(claim.status) or bases(claim.event_type)


def basis_rank(place: Place, order: tuple[str, ...]) -> int:
    """A place named in the text (no basis) first; a basis the order leaves out last."""
    if place.basis is None:
        return 0
    return order.index(place.basis) if place.basis in order else len(order)


def position(places: Iterable[Place], event_type: Optional[str] = None) -> Optional[Place]:
    """The most specific, best-supported drawable place of ``places`` (None when none is finer
    than a country); ``event_type`` orders their bases (a statement's seat first, a strike's
    never before a place read from the text)."""
    candidates = [p for p in places if drawable(p)]
    support = Counter(place_key(p) for p in candidates)
    order = bases(event_type)

    def rank(item: tuple[int, Place]) -> tuple:
        order_given, place = item
        return (basis_rank(place, order), PRECISION_RANK[place.precision], -support[place_key(place)], order_given)

    return min(enumerate(candidates), key=rank, default=(0, None))[1]


def agreed_position(places: Iterable[Place], event_type: Optional[str] = None) -> Optional[Place]:
    """An event's position over its claims' locations: the position of those that most of the
    others lie near (within ``agreement_km``), so one claim's stray place (what a statement was
    about, a place named in passing) does not pull the event away from where the rest put it.
    An event located at its speaker's seat first (a statement, a request) leaves out the claims
    that only took the document's own place (``document_bases``) when others say more."""
    candidates = [p for p in places if drawable(p)]
    if bases(event_type)[0] in SPEAKER_BASES:
        candidates = [p for p in candidates if p.basis not in location_rules().document_bases] or candidates
    counts = Counter(place_key(p) for p in candidates)
    points = {place_key(p): p for p in candidates}
    reach = location_rules().agreement_km
    near = {key: sum(n for other, n in counts.items()
                     if distance_km(points[key].lat, points[key].lon, points[other].lat, points[other].lon) <= reach)
            for key in counts}
    most = max(near.values(), default=0)
    return position((p for p in candidates if near[place_key(p)] == most), event_type)


def most_specific(places: Iterable[Place]) -> Optional[Place]:
    """The position, else (for a claim or event known only by country) its located place."""
    located_places = [p for p in places if located(p)]
    return position(located_places) or next(iter(located_places), None)


def event_position(event: Event) -> Optional[Place]:
    """The event's ``location``, or for an event stored before locations were recorded, the
    position of its places."""
    return event.location if event.location is not None else agreed_position(event.places, event.event_type)


def geo_precision(place: Place) -> int:
    """ACLED geo_precision: 1 a town or point, 2 a district, 3 a region or a whole country;
    a place taken from around a claim is at least as coarse as its basis allows."""
    if place.precision in ("point", "town"):
        own = 1
    else:
        own = 2 if place.precision == "region" and place.feature not in (None, "ADM1") else 3
    return max(own, location_rules().geo_precision_floor.get(place.basis, 1))


def event_place(event: Event) -> Optional[Place]:
    """Where to file the event in a table or a report's areas: its position, else (known only
    by country) its located place; geo_precision says how coarse."""
    return event_position(event) or most_specific(event.places)


def claim_place(claim: Claim) -> Optional[Place]:
    """The claim's location, or for a claim stored before locations were recorded, its most
    specific place."""
    return claim.location or most_specific(claim.places)
