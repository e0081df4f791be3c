"""The stored events a linking run starts from, and the words that weigh them (IDF).

An event within reach of the new claims in time is rebuilt from its own claims when a loader
is given (`Store.get_claim`), so linking in batches sees what `relink` sees; any other stored
event is known by its summary, places, quantities and dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Sequence

from claimgraph.link.events import document_of
from claimgraph.link.features import ClaimFeatures, features, parse_day
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


def in_play(event: Event, days: list[int], settings: Settings, rules: LinkRules) -> bool:
    """Could claims of these days join the stored event (is it within their reach in time)?"""
    first, last = parse_day(event.first_seen), parse_day(event.last_seen)
    if not days or first is None or last is None:
        return True
    window = rules.persistent_window_days if rules.may_persist(event.event_type) else settings.link_window_days
    return last >= min(days) - window and first <= max(days) + window


@dataclass
class Stored:
    """The stored events of a run: those in play with their own claims reloaded (so they are
    as rich as when their claims were linked), the others by their summaries."""
    reloaded: list[tuple[Event, list[ClaimFeatures]]] = field(default_factory=list)
    summarised: list[tuple[Event, list[str]]] = field(default_factory=list)

    def token_lists(self) -> list[list[str]]:
        members = [m for _, claims in self.reloaded for m in claims]
        return list(document_token_sets(members).values()) + [tokens for _, tokens in self.summarised]


def stored_events(events: Sequence[Event], days: list[int], documents: Mapping[str, Document], settings: Settings,
                  rules: LinkRules, load_claim: Optional[LoadClaim]) -> Stored:
    stored = Stored()
    for event in events:
        found = [load_claim(i) for i in event.claims] if load_claim and in_play(event, days, settings, rules) else []
        members = [features(claim, documents, rules) for claim in found if claim is not None]
        if members:
            stored.reloaded.append((event, members))
        else:
            stored.summarised.append((event, stored_tokens(event, rules)))
    return stored
