"""The stored events a linking run starts from, and the words that weigh them (IDF).

An event within reach of the new claims in time is rebuilt from its own claims when a loader
is given (`Store.get_claim`), so linking in batches sees what `relink` sees; any other stored
event is known by its summary, places, quantities and dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Sequence

from claimgraph.link.events import document_of
from claimgraph.link.features import ClaimFeatures, features, is_specific, parse_day, place_key
from claimgraph.link.profile import stored_tokens
from claimgraph.link.rules import LinkRules
from claimgraph.model import Claim, Document, Event
from claimgraph.settings import Settings


def document_token_sets(claims: Sequence[ClaimFeatures]) -> dict[str, list[str]]:
    """Each document's words (from its claims' contexts), so that IDF counts documents: a word
    repeated by the many claims of one article is not made common by it."""
    words: dict[str, set[str]] = {}
    for claim in claims:
        words.setdefault(document_of(claim.claim.id), set()).update(claim.tokens)
    return {document: sorted(found) for document, found in words.items()}


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
    """The stored events of a run: those in play with their own claims reloaded (so they are
    as rich as when their claims were linked), the others by their summaries."""
    reloaded: list[tuple[Event, list[ClaimFeatures]]] = field(default_factory=list)
    summarised: list[tuple[Event, list[str]]] = field(default_factory=list)

    def token_lists(self) -> list[list[str]]:
        members = [m for _, claims in self.reloaded for m in claims]
        return list(document_token_sets(members).values()) + [tokens for _, tokens in self.summarised]


def stored_events(events: Sequence[Event], batch: Batch, documents: Mapping[str, Document], settings: Settings,
                  rules: LinkRules, load_claim: Optional[LoadClaim]) -> Stored:
    stored = Stored()
    for event in events:
        found = [load_claim(i) for i in event.claims] if load_claim and in_play(event, batch, settings, rules) else []
        members = [features(claim, documents, rules) for claim in found if claim is not None]
        if members:
            stored.reloaded.append((event, members))
        else:
            stored.summarised.append((event, stored_tokens(event, rules)))
    return stored
