"""The stored events a linking run starts from.

An event within reach of the new claims in time is rebuilt from its own claims when a loader
is given (`Store.get_claim`), so linking in batches sees what `relink` sees; the others cannot
gain claims in this run and are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Sequence

from claimgraph.link.features import ClaimFeatures, features, is_specific, parse_day, place_key
from claimgraph.link.rules import LinkRules
from claimgraph.model import Claim, Document, Event
from claimgraph.settings import Settings


LoadClaim = Callable[[str], Optional[Claim]]  # a stored claim by id (Store.get_claim), None if gone


@dataclass(frozen=True)
class Batch:
    """When and where the claims of a linking run are: which stored events they might join."""
    days: list[int]
    place_keys: set[str]

    @classmethod
    def of(cls, claims: Sequence[ClaimFeatures]) -> "Batch":
        return cls([c.day for c in claims if c.day is not None], {key for c in claims for key in c.place_keys})


def may_last(event: Event, batch: Batch, rules: LinkRules) -> bool:
    """Might the event be a lasting state the batch continues?  By its type, or because it
    names a town the batch names: the type a stored event got from its first claims ("fighting
    around Sudzha") does not say that later claims made it the record of the town's control."""
    towns = {place_key(p) for p in event.places if is_specific(p)}
    return rules.may_persist(event.event_type) or bool(towns & batch.place_keys)


def in_play(event: Event, batch: Batch, settings: Settings, rules: LinkRules) -> bool:
    """Could the batch's claims join the stored event (is it within their reach in time)?"""
    first, last = parse_day(event.first_seen), parse_day(event.last_seen)
    if not batch.days or first is None or last is None:
        return True
    window = rules.persistent_window_days if may_last(event, batch, rules) else settings.link_window_days
    return last >= min(batch.days) - window and first <= max(batch.days) + window


@dataclass
class Stored:
    """The stored events in play, each with its own claims reloaded (so it is as rich as when its
    claims were linked)."""
    reloaded: list[tuple[Event, list[ClaimFeatures]]] = field(default_factory=list)


def stored_events(events: Sequence[Event], claims: Sequence[ClaimFeatures], documents: Mapping[str, Document],
                  settings: Settings, rules: LinkRules, load_claim: Optional[LoadClaim]) -> Stored:
    """The stored events the new claims might join (none without a way to load their claims)."""
    stored, batch = Stored(), Batch.of(claims)
    if load_claim is None:
        return stored
    for event in events:
        if in_play(event, batch, settings, rules):
            found = [load_claim(i) for i in event.claims]
            members = [features(claim, documents, rules) for claim in found if claim is not None]
            if members:
                stored.reloaded.append((event, members))
    return stored
