"""Claims -> events: each claim joins the most similar event within reach, or opens one.

Incremental by design: stored events are rebuilt as profiles (from their own claims when a
loader is given, see `stored.py`; else from their summary, places, quantities and dates), new
claims are attached in date order (a claim that points back to what its article has just
described, "the attack was repelled", together with it: `coreference.py`), events opened in
the run then join an earlier event their claims fit on average (average linkage), a claim
still alone then joins any event it clearly fits whatever its type, and only events that are
new or gained claims are returned.  Candidates come from an inverted index over blocking
keys, so each claim is scored against a bounded number of events.
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

from claimgraph.link.coreference import document_groups
from claimgraph.link.events import BuildContext, build_event
from claimgraph.link.features import ClaimFeatures, features
from claimgraph.link.index import CandidateIndex, Key, blocking_keys
from claimgraph.link.origins import syndication_representatives
from claimgraph.link.profile import (EventProfile, profile_of_event, profile_of_members, profile_similarity,
                                    profiles_within_reach, similarity, within_reach)
from claimgraph.link.rules import LinkRules, load_rules
from claimgraph.link.similarity import Idf
from claimgraph.link.stored import Batch, LoadClaim, Stored, document_token_sets, stored_events
from claimgraph.model import Claim, Document, Event
from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.settings import Settings


class Linker:
    """One linking run: the event profiles, their index, and the IDF of the texts in play."""

    def __init__(self, claims: list[ClaimFeatures], stored: Stored, settings: Settings, rules: LinkRules):
        self.settings, self.rules = settings, rules
        self.idf = Idf(list(document_token_sets(claims).values()) + stored.token_lists())
        self.index = CandidateIndex(rules.candidates["recent_per_key"])
        self.profiles: list[EventProfile] = []
        for event, summary_tokens in stored.summarised:
            self._file_event(profile_of_event(event, self.idf, rules), summary_tokens)
        for event, members in stored.reloaded:
            self._file_members(event, members)

    def _keys(self, groups: tuple[str, ...], day: Optional[int], place_keys: set[str], token_list: list[str],
              event_type: str) -> tuple[list[Key], list[Key]]:
        """(keys to look up, keys to file under) for a claim or a stored event."""
        rare = self.idf.heaviest(token_list, self.rules.candidates["tokens_per_claim"])
        persistent = self.rules.may_persist(event_type)
        window = self.settings.link_window_days
        lookup, filing = (blocking_keys(groups, day, place_keys, rare, window, persistent, neighbours)
                          for neighbours in (True, False))
        return lookup, filing

    def _file_event(self, profile: EventProfile, summary_tokens: list[str]) -> None:
        self.profiles.append(profile)
        event = profile.base
        groups = self.rules.groups_of(event.event_type)
        for day in {profile.first_day, profile.last_day}:
            _, filing = self._keys(groups, day, profile.place_keys, summary_tokens, event.event_type)
            self.index.add(filing, len(self.profiles) - 1)

    def _file_members(self, event: Event, members: list[ClaimFeatures]) -> None:
        """A stored event rebuilt from its claims is filed under each claim's keys."""
        self.profiles.append(profile_of_members(event, members, self.idf, self.rules))
        for member in members:
            self.index.add(self._claim_keys(member)[1], len(self.profiles) - 1)

    def best_event(self, claim: ClaimFeatures, vector: dict[str, float], lookup: list[Key],
                   besides: Optional[int] = None, threshold: Optional[float] = None) -> Optional[int]:
        """The event the claim fits best, if any reaches `threshold` (default link_threshold);
        `besides` is the claim's own event."""
        return self._best_above_threshold(self._scored(claim, vector, lookup, besides), threshold)

    def _scored(self, claim: ClaimFeatures, vector: dict[str, float], lookup: list[Key],
                besides: Optional[int] = None) -> list[tuple[float, int]]:
        """(similarity, event) for the candidate events within the claim's reach."""
        limit = self.rules.candidates["max_scored"]
        return [(similarity(claim, vector, self.profiles[i], self.rules), i)
                for i in self.index.candidates(lookup, limit)
                if i != besides and self.is_live(i)
                and within_reach(claim, self.profiles[i], self.settings, self.rules)]

    def is_live(self, number: int) -> bool:
        """Not an event emptied by a merge (the index still files it)."""
        return bool(self.profiles[number].members or self.profiles[number].base)

    def _best_above_threshold(self, scored: list[tuple[float, int]],
                              threshold: Optional[float] = None) -> Optional[int]:
        """The highest-scoring event (the oldest on a tie) if it reaches `threshold` (default
        link_threshold)."""
        score, number = max(scored, key=lambda pair: (pair[0], -pair[1]), default=(0.0, None))
        needed = self.settings.link_threshold if threshold is None else threshold
        return number if score >= needed else None

    def _claim_keys(self, claim: ClaimFeatures) -> tuple[list[Key], list[Key]]:
        return self._keys(claim.groups, claim.day, claim.place_keys, claim.tokens, claim.claim.event_type)

    def add_group(self, group: list[ClaimFeatures]) -> int:
        """Attach the claims one article gives about one happening (coreference.py) together:
        to the event one of them fits best, or to a new one; returns the profile number.  The
        best single fit decides, since the claims that point back ("the attack was repelled")
        say little on their own."""
        vectors = [self.idf.vector(member.tokens) for member in group]
        keys = [self._claim_keys(member) for member in group]
        scored = [pair for member, vector, (lookup, _) in zip(group, vectors, keys)
                  for pair in self._scored(member, vector, lookup)]
        number = self._best_above_threshold(scored)
        if number is None:
            self.profiles.append(EventProfile())
            number = len(self.profiles) - 1
        for member, vector, (_, filing) in zip(group, vectors, keys):
            self._attach(member, vector, number, filing)
        return number

    def _attach(self, claim: ClaimFeatures, vector: dict[str, float], number: int, filing: list[Key]) -> None:
        self.profiles[number].add(claim, vector, self.rules)
        self.index.add(filing, number)

    def merge_new_events(self, numbers: Sequence[int]) -> list[int]:
        """Second pass: an event opened in this run joins an earlier event its claims fit on
        average (average linkage).  The earlier event is now complete, so links the first pass
        missed (a clause that came before the words it shares) are found here.  Returns the
        numbers of the events changed in this run (a stored event may have gained claims here)."""
        changed = set(numbers)
        for number in numbers:
            target = None if self.profiles[number].base else self.best_merge(number)
            if target is not None:
                self._move(number, target)
                changed.add(target)
        return self._still_filled(changed)

    def rehome_lone_claims(self, numbers: Sequence[int]) -> list[int]:
        """Third pass: a claim still alone in an event opened in this run joins the event it
        fits clearly (lone_claim_threshold), whatever that event's type group.  Extracted
        types are often wrong ("had repelled the attack" typed a strike, "had repelled
        attempts to advance" a territorial change), and a lone claim's move cannot pull an
        event apart, so the groups that keep whole events apart need not keep it out.
        Returns the numbers of the events changed."""
        changed = set(numbers)
        for number in numbers:
            profile = self.profiles[number]
            if profile.base or len(profile.members) != 1:
                continue
            claim = profile.members[0]
            target = self.best_event(claim, claim.vector, self._any_group_keys(claim), number,
                                     self.rules.lone_claim_threshold)
            if target is not None:
                self._move(number, target)
                changed.add(target)
        return self._still_filled(changed)

    def _move(self, number: int, target: int) -> None:
        """Every claim of event `number` joins event `target`, which is filed under their keys."""
        profile = self.profiles[number]
        for member in profile.members:
            self._attach(member, member.vector, target, self._claim_keys(member)[1])  # tf-idf set when first attached
        profile.members = []

    def _still_filled(self, numbers: set[int]) -> list[int]:
        return sorted(n for n in numbers if self.profiles[n].members)

    def _any_group_keys(self, claim: ClaimFeatures) -> list[Key]:
        groups = tuple(dict.fromkeys((*self.rules.type_groups, *claim.groups)))  # every group, in a fixed order
        return self._keys(groups, claim.day, claim.place_keys, claim.tokens, claim.claim.event_type)[0]

    def best_merge(self, number: int) -> Optional[int]:
        profile, limit = self.profiles[number], self.rules.candidates["max_scored"]
        candidates = {i for member in profile.members for i in self.index.candidates(self._claim_keys(member)[0], limit)
                      if i < number and self.is_live(i)}
        scored = [(profile_similarity(profile, self.profiles[i], self.rules), i) for i in candidates
                  if profiles_within_reach(profile, self.profiles[i], self.settings, self.rules)]
        return self._best_above_threshold(scored)


def date_order(claim: ClaimFeatures) -> tuple[bool, int, str]:
    return claim.day is None, claim.day or 0, claim.claim.id


def link_claims(claims: Sequence[Claim], documents: Mapping[str, Document], events: Sequence[Event] = (),
                settings: Optional[Settings] = None, load_claim: Optional[LoadClaim] = None) -> list[Event]:
    """Attach `claims` to `events` (or to new events); return the events that are new or changed.

    Each linked claim's `event_id` is set to its event's id.  With `load_claim` (e.g.
    `Store.get_claim`) the stored events within reach of the new claims are rebuilt from their
    own claims, so linking in batches comes close to linking everything at once; without it
    a stored event is known by its summary, places, quantities and dates only.
    """
    settings = settings or Settings.load()
    rules = load_rules()
    prepared = sorted((features(c, documents, rules) for c in claims), key=date_order)
    linker = Linker(prepared, stored_events(events, Batch.of(prepared), documents, settings, rules, load_claim),
                    settings, rules)
    groups = sorted(document_groups(prepared, rules.references), key=lambda group: min(map(date_order, group)))
    with_new_claims = sorted({linker.add_group(group) for group in groups})
    touched = linker.rehome_lone_claims(linker.merge_new_events(with_new_claims))
    context = BuildContext(documents, syndication_representatives(documents), rules,
                           ActorCatalogue.load(settings).side_of_entity)
    changed = [build_event(linker.profiles[number], context) for number in touched]
    for event, number in zip(changed, touched):
        for member in linker.profiles[number].members:
            member.claim.event_id = event.id
    return changed


def relink(claims: Sequence[Claim], documents: Mapping[str, Document], settings: Optional[Settings] = None) -> list[Event]:
    """Link everything from scratch (after a change of settings or rules)."""
    return link_claims(claims, documents, (), settings)
