"""An event as the linker sees it while clustering: what its claims share, kept up to date."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from claimgraph.link.features import (ClaimFeatures, facilities_of, is_specific, parse_day, place_key, place_names,
                                     tokens)
from claimgraph.link.meaning import MeaningProfile, load_meaning
from claimgraph.link.quantities import overlaps, record_as_quantity, unit_of, value_range
from claimgraph.link.rules import LinkRules
from claimgraph.link.similarity import Idf, TokenProfile, nearest_km
from claimgraph.model import Event, Quantity
from claimgraph.settings import Settings


@dataclass
class EventProfile:
    base: Optional[Event] = None  # the stored event this profile continues, if any
    members: list[ClaimFeatures] = field(default_factory=list)  # claims added in this run
    tokens: TokenProfile = field(default_factory=TokenProfile)
    meaning: MeaningProfile = field(default_factory=MeaningProfile)  # what its claims say (meaning.py)
    types: Counter[str] = field(default_factory=Counter)  # event type -> claims of that type
    facilities: Counter[str] = field(default_factory=Counter)  # facility kind -> claims naming it
    facility_claims: int = 0  # claims that name any facility
    extent_claims: int = 0  # claims that measure held ground
    size: int = 0  # claims absorbed (a stored event known by its summary counts as one)
    first_day: Optional[int] = None
    last_day: Optional[int] = None
    points: set[tuple[float, float]] = field(default_factory=set)
    place_keys: set[str] = field(default_factory=set)
    place_names: set[str] = field(default_factory=set)  # towns named, located or not
    actors: set[str] = field(default_factory=set)
    ranges: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    def add(self, claim: ClaimFeatures, vector: dict[str, float], rules: LinkRules) -> None:
        """A claim joins the event in this run."""
        self.members.append(claim)
        self.absorb_claim(claim, vector, rules)

    def absorb_claim(self, claim: ClaimFeatures, vector: dict[str, float], rules: LinkRules) -> None:
        """What a claim tells about the event (a stored event's own claims come in this way)."""
        claim.vector = vector
        self.absorb(vector, claim.claim.event_type, claim.day, claim.day)
        self.meaning.add(claim.meaning)
        self.count_facilities(claim.facilities)
        self.extent_claims += claim.extent
        self.points.update(claim.points)
        self.place_keys |= claim.place_keys
        self.place_names |= claim.place_names
        self.actors |= claim.actors
        self._add_quantities(claim.claim.quantities, rules)

    def absorb(self, vector: dict[str, float], event_type: str, first: Optional[int], last: Optional[int]) -> None:
        self.tokens.add(vector)
        self.types[event_type] += 1
        self.size += 1
        if first is not None:
            self.first_day = first if self.first_day is None else min(self.first_day, first)
        if last is not None:
            self.last_day = last if self.last_day is None else max(self.last_day, last)

    def count_facilities(self, kinds: frozenset[str]) -> None:
        self.facilities.update(kinds)
        self.facility_claims += bool(kinds)

    def main_type(self, rules: LinkRules) -> Optional[str]:
        """The most common known type of the event's claims; None if all are wildcards."""
        known = [(n, t) for t, n in self.types.items() if not rules.is_wildcard(t)]
        return max(known)[1] if known else None

    def about_facility(self, rules: LinkRules) -> bool:
        return self._held_by_share(self.facility_claims, rules.facility_share)

    def measures_extent(self, rules: LinkRules) -> bool:
        return self._held_by_share(self.extent_claims, rules.extent.share)

    def _held_by_share(self, claims_with_it: int, share: float) -> bool:
        """Do at least `share` of the event's claims have the trait?"""
        return self.size > 0 and claims_with_it >= share * self.size

    def _add_quantities(self, quantities: list[Quantity], rules: LinkRules) -> None:
        for quantity in quantities:
            span = value_range(quantity, rules.approximate_tolerance, rules.open_ended_cues)
            if span is not None:
                self.ranges.setdefault(unit_of(quantity), []).append(span)


def profile_of_event(event: Event, idf: Idf, rules: LinkRules) -> EventProfile:
    """Rebuild a profile from a stored event: its summary stands in for its claims' words."""
    profile = EventProfile(base=event)
    summary_tokens = stored_tokens(event, rules)
    profile.absorb(idf.vector(summary_tokens), event.event_type, parse_day(event.first_seen), parse_day(event.last_seen))
    profile.meaning.add(load_meaning(rules.meaning_file).vector(event.summary))
    profile.count_facilities(facilities_of(event.summary, rules))
    profile.extent_claims = int(bool(event.quantities.keys() & rules.extent.units))
    specific = [p for p in event.places if is_specific(p)]
    profile.points.update((p.lat, p.lon) for p in specific)
    profile.place_keys.update(place_key(p) for p in specific)
    profile.place_names |= place_names(specific, "", rules)
    for unit, summary in event.quantities.items():
        profile._add_quantities([record_as_quantity(r, unit) for r in summary.get("values", [])], rules)
    return profile


def profile_of_members(event: Event, members: list[ClaimFeatures], idf: Idf, rules: LinkRules) -> EventProfile:
    """Rebuild a profile from a stored event's own claims: as rich as when they were linked."""
    profile = EventProfile(base=event)
    for member in members:
        profile.absorb_claim(member, idf.vector(member.tokens), rules)
    return profile


def stored_tokens(event: Event, rules: LinkRules) -> list[str]:
    return tokens(event.summary, rules.stopwords)


def window_days(lasting: bool, shared_town: bool, settings: Settings, rules: LinkRules) -> int:
    """Control of one named town persists, so claims about it get the long window."""
    return rules.persistent_window_days if lasting and shared_town else settings.link_window_days


def span_allowed(first: Optional[int], last: Optional[int], profile: EventProfile, window: int) -> bool:
    """Would the event still span no more than `window` days with these days added?

    So an event never outgrows one window: reports of a happening do not chain on for months.
    A missing date never blocks.
    """
    if first is None or profile.first_day is None:
        return True
    return max(last, profile.last_day) - min(first, profile.first_day) <= window


def close_enough(points: set[tuple[float, float]] | list[tuple[float, float]], profile: EventProfile,
                 settings: Settings) -> bool:
    """Towns within link_distance_km of each other (a missing place never blocks)."""
    return not (points and profile.points) or nearest_km(points, profile.points) <= settings.link_distance_km


def within_reach(claim: ClaimFeatures, profile: EventProfile, settings: Settings, rules: LinkRules) -> bool:
    """Blocking for a claim: close enough to the event in time and space."""
    lasting = claim.claim.event_type in rules.persistent_types or bool(
        rules.may_persist(claim.claim.event_type) and profile.types.keys() & rules.persistent_types)
    window = window_days(lasting, bool(claim.place_keys & profile.place_keys), settings, rules)
    return span_allowed(claim.day, claim.day, profile, window) and close_enough(claim.points, profile, settings)


def profiles_within_reach(a: EventProfile, b: EventProfile, settings: Settings, rules: LinkRules) -> bool:
    """Blocking for two events that might be one."""
    lasting = bool((a.types.keys() | b.types.keys()) & rules.persistent_types)
    window = window_days(lasting, bool(a.place_keys & b.place_keys), settings, rules)
    return span_allowed(a.first_day, a.last_day, b, window) and close_enough(a.points, b, settings)


def place_score(names: set[str], other: set[str], weights: dict[str, float]) -> float:
    """A bonus for a shared town, a penalty when both name towns and none is shared."""
    if names & other:
        return weights["place"]
    return -weights["place_mismatch"] if names and other else 0.0


def numbers_agree(claim: ClaimFeatures, profile: EventProfile, rules: LinkRules) -> float:
    for quantity in claim.claim.quantities:
        span = value_range(quantity, rules.approximate_tolerance, rules.open_ended_cues)
        if span and any(overlaps(span, other) for other in profile.ranges.get(unit_of(quantity), ())):
            return 1.0
    return 0.0


def type_score(event_type: Optional[str], other: Optional[str], rules: LinkRules) -> float:
    """A bonus when both types are known (not a wildcard such as "other") and the same."""
    return rules.weights["same_type"] if event_type is not None and event_type == other else 0.0


def known_type(event_type: str, rules: LinkRules) -> Optional[str]:
    return None if rules.is_wildcard(event_type) else event_type


def facility_score(kinds: frozenset[str], other: frozenset[str], rules: LinkRules) -> float:
    """A penalty when one side is about a facility and the other is not (a town and its gas
    station), or both are about facilities of different kinds (a bridge and a station)."""
    if bool(kinds) != bool(other):
        return -rules.weights["facility_missing"]
    if kinds and not (kinds & other or "any" in kinds | other):
        return -rules.weights["facility_mismatch"]
    return 0.0


def facilities_if_about(profile: EventProfile, rules: LinkRules) -> frozenset[str]:
    """The facility kinds an event is about, empty unless enough of its claims name one."""
    return frozenset(profile.facilities) if profile.about_facility(rules) else frozenset()


def extent_score(claim_measures: bool, event_measures: bool, rules: LinkRules) -> float:
    """A bonus when claim and event both measure held ground, a penalty when only one does."""
    if claim_measures and event_measures:
        return rules.weights["extent"]
    return -rules.weights["extent_missing"] if claim_measures or event_measures else 0.0


def text_score(cosine: float, rules: LinkRules) -> float:
    return rules.weights["text"] * min(1.0, cosine / rules.text_full_match)


def meaning_score(cosine: Optional[float], rules: LinkRules) -> float:
    """A penalty, up to weights.meaning_mismatch, as the claim's meaning falls from `related`
    to `unrelated` away from its event's; nothing when either has no vector."""
    if cosine is None:
        return 0.0
    unrelated, related = rules.meaning_range
    shortfall = min(1.0, max(0.0, (related - cosine) / (related - unrelated)))
    return -rules.weights["meaning_mismatch"] * shortfall


def where_score(names: tuple[set[str], set[str]], facilities: tuple[frozenset[str], frozenset[str]],
                rules: LinkRules) -> float:
    """Towns and facilities together: a facility and the town it stands in are different
    objects, so a shared town earns nothing when the facilities do not match."""
    facility = facility_score(*facilities, rules)
    place = place_score(*names, rules.weights)
    return facility + (min(place, 0.0) if facility < 0 else place)


def similarity(claim: ClaimFeatures, vector: dict[str, float], profile: EventProfile, rules: LinkRules) -> float:
    """How well a claim fits an event: words and meaning, towns and facilities, type, actors, numbers."""
    weights = rules.weights
    shared_actors = len(claim.actors & profile.actors) / len(claim.actors) if claim.actors else 0.0
    return (text_score(profile.tokens.cosine(vector), rules)
            + meaning_score(profile.meaning.cosine(claim.meaning), rules)
            + where_score((claim.place_names, profile.place_names), (claim.facilities, facilities_if_about(profile, rules)),
                          rules)
            + type_score(known_type(claim.claim.event_type, rules), profile.main_type(rules), rules)
            + extent_score(claim.extent, profile.measures_extent(rules), rules)
            + weights["actors"] * shared_actors
            + weights["numbers"] * numbers_agree(claim, profile, rules))


def profile_similarity(a: EventProfile, b: EventProfile, rules: LinkRules) -> float:
    """Average linkage: how well the claims of event `a` fit event `b`, on average.  Unlike the
    cosine of two summed profiles, one strong shared word (a town) cannot carry a whole event."""
    return sum(similarity(m, m.vector, b, rules) for m in a.members) / len(a.members) if a.members else 0.0
