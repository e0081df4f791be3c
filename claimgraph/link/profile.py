"""An event as the linker sees it while clustering: counts of what its claims are, kept up to
date as claims join, so that how well a claim fits the event on average over its claims
(average linkage, `pairs.py`) costs a few lookups, not one comparison per claim."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from claimgraph.link.features import ClaimFeatures
from claimgraph.model import Event


def count_values(counter: Counter, values) -> None:
    """One claim's values: each counted, and None counting claims that have any."""
    counter.update(values)
    if values:
        counter[None] += 1


def added(total: Optional[np.ndarray], vector: Optional[np.ndarray]) -> Optional[np.ndarray]:
    if vector is None:
        return total
    return vector.copy() if total is None else total + vector


def add_vector(total: dict[str, float], vector: dict[str, float]) -> float:
    """Add `vector` to `total`; returns how much the squared norm of `total` grew."""
    grown = 0.0
    for token, weight in vector.items():
        old = total.get(token, 0.0)
        total[token] = old + weight
        grown += (old + weight) ** 2 - old * old
    return grown


@dataclass
class EventProfile:
    base: Optional[Event] = None  # the stored event this profile continues, if any
    story: Optional[str] = None  # the story (topic thread) the event belongs to
    members: list[ClaimFeatures] = field(default_factory=list)  # claims added in this run
    stored: list[ClaimFeatures] = field(default_factory=list)  # the stored event's own claims, reloaded
    size: int = 0
    words: dict[str, float] = field(default_factory=dict)  # sum of the claims' unit word vectors
    sentence_words: dict[str, float] = field(default_factory=dict)  # sum of their sentences' vectors
    context_words: dict[str, float] = field(default_factory=dict)  # sum of their context vectors
    words_norm: float = 0.0  # squared norms of the two sums (for cosines with their centroids)
    context_norm: float = 0.0
    meaning: Optional[np.ndarray] = None  # sum of their meaning vectors
    happening: Optional[np.ndarray] = None  # sum of the square roots of their happening probabilities
    articles: Counter[str] = field(default_factory=Counter)
    sentences: Counter[tuple[str, int]] = field(default_factory=Counter)  # (article, sentence number)
    types: Counter[str] = field(default_factory=Counter)
    # per value: how many claims have it; under None: how many have any
    kinds: Counter[Optional[str]] = field(default_factory=Counter)
    counted: Counter[Optional[str]] = field(default_factory=Counter)
    dated: Counter[Optional[int]] = field(default_factory=Counter)
    nights: Counter[int] = field(default_factory=Counter)  # of the dated days, those that are a night's
    places: Counter[Optional[str]] = field(default_factory=Counter)
    facilities: Counter[Optional[str]] = field(default_factory=Counter)
    speakers: Counter[Optional[str]] = field(default_factory=Counter)
    background: int = 0  # claims telling of something long past
    pattern: int = 0  # claims telling of a run of attacks
    days: Counter[int] = field(default_factory=Counter)  # days of its claims (their own, else their article's)
    usual_day: Optional[int] = None  # the day most of its claims have (the earliest of a tie)
    usual_dated: Optional[int] = None  # the day most of the claims giving their own day give
    place_keys: set[str] = field(default_factory=set)
    points: set[tuple[float, float]] = field(default_factory=set)

    def add(self, claim: ClaimFeatures) -> None:
        """A claim joins the event in this run."""
        self.members.append(claim)
        self.count(claim)

    def restore(self, claim: ClaimFeatures) -> None:
        """A stored claim of the event, reloaded: it counts, but is not new."""
        self.stored.append(claim)
        self.count(claim)

    def count(self, claim: ClaimFeatures) -> None:
        self.size += 1
        self.words_norm += add_vector(self.words, claim.vector)
        add_vector(self.sentence_words, claim.sentence_vector)
        self.context_norm += add_vector(self.context_words, claim.context_vector)
        self.meaning = added(self.meaning, claim.meaning)
        self.happening = added(self.happening, claim.happening)
        self.articles[claim.document_id] += 1
        self.sentences[(claim.document_id, claim.sentence)] += 1
        self.types[claim.claim.event_type] += 1
        for counter, values in ((self.kinds, claim.kinds), (self.counted, claim.counted),
                                (self.places, claim.place_names), (self.facilities, claim.facilities),
                                (self.speakers, claim.speakers)):
            count_values(counter, values)
        if claim.dated is not None:
            count_values(self.dated, (claim.dated,))
            self.nights[claim.dated] += claim.night
        self.background += claim.background
        self.pattern += claim.pattern
        self.place_keys |= claim.place_keys
        self.points.update(claim.points)
        if claim.day is not None:
            self.days[claim.day] += 1
            self.usual_day = more_usual(self.days, self.usual_day, claim.day)
        if claim.dated is not None:
            self.usual_dated = more_usual(self.dated, self.usual_dated, claim.dated)

    @property
    def core_day(self) -> Optional[int]:
        """When the event happened, as most of its claims say: the day most of those giving their
        own day give, else the day most of them were reported.  A mode, not a span, so one claim
        telling of something else (a week-old attack recalled) neither stretches the event nor
        keeps the rest of its reports away."""
        return self.usual_dated if self.usual_dated is not None else self.usual_day

    @property
    def claims(self) -> list[ClaimFeatures]:
        return self.stored + self.members

    @property
    def is_live(self) -> bool:
        """Not an event emptied by a merge."""
        return bool(self.size)

    def take(self, other: "EventProfile") -> None:
        """Every new claim of `other` joins this event (other is left empty)."""
        for claim in other.members:
            self.add(claim)
        other.members = []
        other.size = 0


def more_usual(counts: Counter, usual: Optional[int], day: int) -> int:
    """The mode of `counts` after `day` was counted, given the mode before (the earlier day of a tie)."""
    if usual is None or counts[day] > counts[usual] or (counts[day] == counts[usual] and day < usual):
        return day
    return usual


def profile_of(claims: list[ClaimFeatures]) -> EventProfile:
    """A profile holding the given claims (one claim: for comparing two claims)."""
    profile = EventProfile()
    for claim in claims:
        profile.count(claim)
    return profile
