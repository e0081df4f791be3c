"""An event as the linker sees it while clustering: what its claims share, kept up to date."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from claimgraph.link.features import ClaimFeatures, is_specific, parse_day, place_key, tokens
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
    types: set[str] = field(default_factory=set)
    first_day: Optional[int] = None
    last_day: Optional[int] = None
    points: set[tuple[float, float]] = field(default_factory=set)
    place_keys: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    ranges: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    def add(self, claim: ClaimFeatures, vector: dict[str, float], rules: LinkRules) -> None:
        claim.vector = vector
        self.members.append(claim)
        self.absorb(vector, claim.claim.event_type, claim.day, claim.day)
        self.points.update(claim.points)
        self.place_keys |= claim.place_keys
        self.actors |= claim.actors
        self._add_quantities(claim.claim.quantities, rules)

    def absorb(self, vector: dict[str, float], event_type: str, first: Optional[int], last: Optional[int]) -> None:
        self.tokens.add(vector)
        self.types.add(event_type)
        if first is not None:
            self.first_day = first if self.first_day is None else min(self.first_day, first)
        if last is not None:
            self.last_day = last if self.last_day is None else max(self.last_day, last)

    def _add_quantities(self, quantities: list[Quantity], rules: LinkRules) -> None:
        for quantity in quantities:
            span = value_range(quantity, rules.approximate_tolerance, rules.open_ended_cues)
            if span is not None:
                self.ranges.setdefault(unit_of(quantity), []).append(span)


def profile_of_event(event: Event, idf: Idf, rules: LinkRules) -> EventProfile:
    """Rebuild a profile from a stored event: its summary stands in for its claims' words."""
    profile = EventProfile(base=event)
    profile.absorb(idf.vector(stored_tokens(event, rules)), event.event_type,
                    parse_day(event.first_seen), parse_day(event.last_seen))
    specific = [p for p in event.places if is_specific(p)]
    profile.points.update((p.lat, p.lon) for p in specific)
    profile.place_keys.update(place_key(p) for p in specific)
    for unit, summary in event.quantities.items():
        profile._add_quantities([record_as_quantity(r, unit) for r in summary.get("values", [])], rules)
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
        rules.may_persist(claim.claim.event_type) and profile.types & rules.persistent_types)
    window = window_days(lasting, bool(claim.place_keys & profile.place_keys), settings, rules)
    return span_allowed(claim.day, claim.day, profile, window) and close_enough(claim.points, profile, settings)


def profiles_within_reach(a: EventProfile, b: EventProfile, settings: Settings, rules: LinkRules) -> bool:
    """Blocking for two events that might be one."""
    lasting = bool((a.types | b.types) & rules.persistent_types)
    window = window_days(lasting, bool(a.place_keys & b.place_keys), settings, rules)
    return span_allowed(a.first_day, a.last_day, b, window) and close_enough(a.points, b, settings)


def place_score(keys: set[str], other: set[str], weights: dict[str, float]) -> float:
    """A bonus for a shared town, a penalty when both name towns and none is shared."""
    if keys & other:
        return weights["place"]
    return -weights["place_mismatch"] if keys and other else 0.0


def numbers_agree(claim: ClaimFeatures, profile: EventProfile, rules: LinkRules) -> float:
    for quantity in claim.claim.quantities:
        span = value_range(quantity, rules.approximate_tolerance, rules.open_ended_cues)
        if span and any(overlaps(span, other) for other in profile.ranges.get(unit_of(quantity), ())):
            return 1.0
    return 0.0


def text_score(cosine: float, rules: LinkRules) -> float:
    return rules.weights["text"] * min(1.0, cosine / rules.text_full_match)


def similarity(claim: ClaimFeatures, vector: dict[str, float], profile: EventProfile, rules: LinkRules) -> float:
    """How well a claim fits an event: words, towns, type, actors, numbers."""
    weights = rules.weights
    shared_actors = len(claim.actors & profile.actors) / len(claim.actors) if claim.actors else 0.0
    return (text_score(profile.tokens.cosine(vector), rules)
            + place_score(claim.place_keys, profile.place_keys, weights)
            + weights["same_type"] * (claim.claim.event_type in profile.types)
            + weights["actors"] * shared_actors
            + weights["numbers"] * numbers_agree(claim, profile, rules))


def profile_similarity(a: EventProfile, b: EventProfile, rules: LinkRules) -> float:
    """Two events as wholes: their summed words, towns and types."""
    weights = rules.weights
    return (text_score(a.tokens.similarity(b.tokens), rules)
            + place_score(a.place_keys, b.place_keys, weights)
            + weights["same_type"] * bool(a.types & b.types))
