"""Claims -> stories -> events: each article joins a story, each claim the event of its story it
fits best on average, or opens one.

Incremental by design.  Stored events within reach of the new claims in time are rebuilt from
their own claims (`stored.py`), so linking in batches comes close to linking everything at
once.  New claims are taken in date order, each article's in reading order; a claim joins the
event of its story whose claims it fits best on average (average linkage: the pair model's
logit, `scorer.py`, over the mean pair features, `pairs.py`) when that reaches the
`link_threshold` probability, within the time window and distance; otherwise it opens an
event.  Events opened in the run then join another event of their story when all their claims
fit it on average, until nothing changes (a claim met early, before the words it shares came,
is placed again).  Only events that are new or gained claims are returned.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping, Optional, Sequence

import numpy as np

from claimgraph.link.day_split import split_by_day
from claimgraph.link.events import BuildContext, build_event
from claimgraph.link.features import ClaimFeatures, date_articles, features
from claimgraph.link.origins import syndication_representatives
from claimgraph.link.pairs import dot, mean_features, merged_features
from claimgraph.link.profile import EventProfile
from claimgraph.link.rules import LinkRules, load_rules
from claimgraph.link.scorer import PairModel, load_model, threshold_logit
from claimgraph.link.similarity import Idf, nearest_km
from claimgraph.link.stored import LoadClaim, Stored, stored_events
from claimgraph.link.stories import Stories, article_words
from claimgraph.model import Claim, Document, Event
from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.settings import Settings

MERGE_PASSES = 3  # events opened in a run are placed again at most this often
MERGE_SAMPLE = 24  # claims of an event compared when it might join another (bounds the cost)


def window_days(types: set[str], shared_town: bool, settings: Settings, rules: LinkRules) -> int:
    """Control of one named town persists, so claims about it get the long window."""
    lasting = bool(types & rules.persistent_types)
    return rules.persistent_window_days if lasting and shared_town else settings.link_window_days


def days_apart_within(day: Optional[int], other: Optional[int], window: int) -> bool:
    """Two days at most `window` apart; a missing day never blocks."""
    return day is None or other is None or abs(day - other) <= window


def in_time(claim: ClaimFeatures, profile: EventProfile, window: int) -> bool:
    """The claim's day (its own, else its article's) within the window of the event's core day
    (the day most of its claims give, else the day most were reported)."""
    return days_apart_within(claim.day, profile.core_day, window)


def close_enough(points, profile: EventProfile, settings: Settings) -> bool:
    """Towns within link_distance_km of each other (a missing place never blocks)."""
    return not (points and profile.points) or nearest_km(points, profile.points) <= settings.link_distance_km


def speech_event(profile: EventProfile, rules: LinkRules) -> bool:
    """An event whose claims mostly tell of a speech act (speech_types) by a known speaker."""
    return bool(profile.speakers[None]) and profile.types.most_common(1)[0][0] in rules.speech_types


def speech_of_others(speakers: Iterable[Optional[str]], profile: EventProfile, rules: LinkRules) -> bool:
    """Speech acts by `speakers` against an event of speech acts by others only: the same
    request or statement by another speaker is another event, however alike the words (the
    pair features `same_speaker`/`other_speaker` weigh this for events of mixed kinds)."""
    named = [s for s in speakers if s is not None]
    return bool(named) and speech_event(profile, rules) and not any(profile.speakers[s] for s in named)


def within_reach(claim: ClaimFeatures, profile: EventProfile, settings: Settings, rules: LinkRules) -> bool:
    """Close enough to the event in time and space, and no speech act joining another speaker's."""
    types = {claim.claim.event_type} | set(profile.types)
    window = window_days(types, bool(claim.place_keys & profile.place_keys), settings, rules)
    return (in_time(claim, profile, window) and close_enough(claim.points, profile, settings)
            and not speech_of_others(claim.speakers, profile, rules))


def profiles_within_reach(a: EventProfile, b: EventProfile, settings: Settings, rules: LinkRules) -> bool:
    """Two events that might be one: their core days within the window, their towns close
    enough, and not two speakers' speech acts."""
    window = window_days(set(a.types) | set(b.types), bool(a.place_keys & b.place_keys), settings, rules)
    return (days_apart_within(a.core_day, b.core_day, window) and close_enough(a.points, b, settings)
            and not (speech_event(a, rules) and speech_of_others(a.speakers, b, rules)))


def stand_in(document_id: str, claims: list[ClaimFeatures]) -> Document:
    """An article known only by its claims (a caller that passed no document)."""
    return Document(id=document_id, text="\n".join(c.claim.text for c in claims))


def article_token_lists(articles: Mapping[str, Document], rules: LinkRules) -> list[list[str]]:
    return [article_words(article, rules) for article in articles.values()]


class Linker:
    """One linking run: stories, event profiles, the IDF of the articles in play, the pair model."""

    def __init__(self, claims: list[ClaimFeatures], stored: Stored, settings: Settings, rules: LinkRules,
                 model: PairModel):
        self.settings, self.rules, self.model = settings, rules, model
        self.threshold = threshold_logit(settings.link_threshold)
        self.articles = articles_of(claims + [m for _, members in stored.reloaded for m in members])
        self.idf = Idf(article_token_lists(self.articles, rules))
        self.stories = Stories(self.idf, rules)
        self.profiles: list[EventProfile] = []
        self.story_events: dict[str, list[int]] = defaultdict(list)
        for claim in claims:
            self.weigh(claim)
        for event, members in stored.reloaded:
            self._restore(event, members)

    def weigh(self, claim: ClaimFeatures) -> None:
        claim.vector = self.idf.vector(claim.own_tokens)
        claim.sentence_vector = self.idf.vector(claim.sentence_tokens)
        claim.context_vector = self.idf.vector(claim.tokens)
        if self.model.happening.fitted:
            # Square roots, so a dot product is the Bhattacharyya coefficient: two claims the
            # classifier finds equally unsure about (a dam's "sabotage": strike 0.5, infrastructure
            # 0.3) are alike (1.0), where the chance both are one type was 0.37 and kept the dam
            # breach in 11 events.  Left out: CoNLL 0.748 -> 0.759 (0.755-0.759 at L2 1-30).
            claim.happening = np.sqrt(self.model.happening.probabilities(claim.happening_words()))

    def _restore(self, event: Event, members: list[ClaimFeatures]) -> None:
        """A stored event in play, rebuilt from its claims, in its story."""
        story = event.story_id
        for member in members:
            self.weigh(member)
            article = self.articles[member.document_id]
            if story is None:
                story = self.stories.assign(article)
            self.stories.restore(story, article)
        profile = EventProfile(base=event, story=story)
        for member in members:
            profile.restore(member)
        self._file(profile)

    def _file(self, profile: EventProfile) -> int:
        self.profiles.append(profile)
        number = len(self.profiles) - 1
        self.story_events[profile.story].append(number)
        return number

    def link(self, claims: Sequence[ClaimFeatures]) -> list[int]:
        """Place each claim; returns the numbers of the events that gained claims."""
        touched = set()
        for claim in claims:
            story = self.stories.assign(self.articles[claim.document_id])
            number = self.best_event(claim, story)
            if number is None:
                number = self._file(EventProfile(story=story))
            self.profiles[number].add(claim)
            touched.add(number)
        merged = self.merge_new_events(sorted(touched))
        return sorted(part for number in merged for part in self.split_by_day(number))

    def split_by_day(self, number: int) -> list[int]:
        """The event's number, and those of the events split off it by day (day_split.py)."""
        parts = split_by_day(self.profiles[number], self.rules, self.fit)
        if not parts:
            return [number]
        self.profiles[number] = parts[0]
        return [number] + [self._file(part) for part in parts[1:]]

    def candidates(self, claim: ClaimFeatures, story: str, besides: int = -1) -> list[int]:
        """The live events of the story, at most `events_scored`: those whose words the claim
        shares most."""
        numbers = [n for n in self.story_events[story] if n != besides and self.profiles[n].is_live]
        if len(numbers) > self.rules.events_scored:
            numbers.sort(key=lambda n: -dot(claim.vector, self.profiles[n].words) / self.profiles[n].size)
            numbers = numbers[:self.rules.events_scored]
        return numbers

    def fit(self, claim: ClaimFeatures, profile: EventProfile) -> float:
        """How well the claim fits the event on average over its claims: the pair model's logit."""
        return self.model.logit(mean_features(claim, profile, self.rules))

    def best_event(self, claim: ClaimFeatures, story: str) -> Optional[int]:
        """The event of the story the claim fits best on average, if that reaches the threshold."""
        scored = [(self.fit(claim, self.profiles[n]), -n, n)
                  for n in self.candidates(claim, story)
                  if within_reach(claim, self.profiles[n], self.settings, self.rules)]
        logit, _, number = max(scored, default=(0.0, 0, None))
        return number if number is not None and logit >= self.threshold else None

    def merge_new_events(self, numbers: list[int]) -> list[int]:
        """Events opened in this run join the event of their story all their claims fit best on
        average, while any does; returns the numbers of the events changed, still holding claims."""
        changed = set(numbers)
        for _ in range(MERGE_PASSES):
            moved = False
            for number in numbers:
                target = self.best_merge(number)
                if target is not None:
                    self.profiles[target].take(self.profiles[number])
                    changed.add(target)
                    moved = True
            if not moved:
                break
        return sorted(n for n in changed if self.profiles[n].members)

    def best_merge(self, number: int) -> Optional[int]:
        profile = self.profiles[number]
        if profile.base is not None or not profile.is_live:
            return None
        scored = [(self.model.logit(merged_features(profile, self.profiles[n], self.rules, MERGE_SAMPLE)), -n, n)
                  for n in self.candidates(profile.members[0], profile.story, besides=number)
                  if profiles_within_reach(profile, self.profiles[n], self.settings, self.rules)]
        logit, _, target = max(scored, default=(0.0, 0, None))
        return target if target is not None and logit >= self.threshold else None


def articles_of(claims: Sequence[ClaimFeatures]) -> dict[str, Document]:
    """The articles of the claims in play, by id (a stand-in where a caller gave none)."""
    grouped: dict[str, list[ClaimFeatures]] = defaultdict(list)
    for claim in claims:
        grouped[claim.document_id].append(claim)
    return {doc_id: members[0].document or stand_in(doc_id, members) for doc_id, members in grouped.items()}


def date_order(claim: ClaimFeatures) -> tuple[bool, int, str, int]:
    """By date (undated last), then article, then reading order."""
    return claim.day is None, claim.day or 0, claim.document_id, claim.claim.span[0]


def link_claims(claims: Sequence[Claim], documents: Mapping[str, Document], events: Sequence[Event] = (),
                settings: Optional[Settings] = None, load_claim: Optional[LoadClaim] = None,
                model: Optional[PairModel] = None) -> list[Event]:
    """Attach `claims` to `events` (or to new events); return the events that are new or changed.

    Each linked claim's `event_id` is set to its event's id.  With `load_claim` (e.g.
    `Store.get_claim`) the stored events within reach of the new claims in time are rebuilt from
    their own claims and may gain claims; without it stored events are left as they are.
    `model` replaces the packaged pair model (training and its evaluation use this).
    """
    settings = settings or Settings.load()
    rules = load_rules()
    prepared = [features(c, documents, rules) for c in claims]
    date_articles(prepared, settings.link_window_days)
    prepared.sort(key=date_order)
    stored = stored_events(events, prepared, documents, settings, rules, load_claim)
    linker = Linker(prepared, stored, settings, rules, model or load_model())
    touched = linker.link(prepared)
    return built_events([linker.profiles[number] for number in touched], documents, settings, rules)


def built_events(profiles: Sequence[EventProfile], documents: Mapping[str, Document], settings: Settings,
                 rules: LinkRules) -> list[Event]:
    """An event for each profile, read afresh from its claims; each new claim's `event_id` set."""
    catalogue = ActorCatalogue.load(settings)
    context = BuildContext(documents, syndication_representatives(documents), rules, catalogue.side_of_entity,
                           catalogue.tokens)
    events = [build_event(profile, context) for profile in profiles]
    for event, profile in zip(events, profiles):
        for member in profile.members:
            member.claim.event_id = event.id
    return events


def events_of_clusters(clusters: Sequence[Sequence[Claim]], documents: Mapping[str, Document],
                       settings: Optional[Settings] = None, model: Optional[PairModel] = None) -> list[Event]:
    """One event per given cluster of claims, built the way linking builds its own (type,
    origins, status, history, contradictions, place): for clusters fixed by hand or by a gold
    standard, so what the event layer makes of them can be told apart from how claims were
    clustered.  Each claim's `event_id` is set."""
    settings = settings or Settings.load()
    rules = load_rules()
    prepared = [[features(claim, documents, rules) for claim in cluster] for cluster in clusters if cluster]
    flat = [member for cluster in prepared for member in cluster]
    date_articles(flat, settings.link_window_days)
    linker = Linker(flat, Stored(), settings, rules, model or load_model())  # weighs them
    profiles = []
    for cluster in prepared:
        profile = EventProfile(story=linker.stories.assign(linker.articles[cluster[0].document_id]))
        for member in cluster:
            profile.add(member)
        profiles.append(profile)
    return built_events(profiles, documents, settings, rules)


def relink(claims: Sequence[Claim], documents: Mapping[str, Document], settings: Optional[Settings] = None,
           model: Optional[PairModel] = None) -> list[Event]:
    """Link everything from scratch (after a change of settings or rules)."""
    return link_claims(claims, documents, (), settings, model=model)
