"""One event per day for happenings of a day: a site shelled on Friday and again on Sunday is
two strikes.

Linking compares a claim with an event's claims on average, and most reports give no day of
their own, so the undated reports of two strikes on one plant join them into one event.  Once
an event is built, `split_by_day` looks at the days its claims give themselves (`dated`): when
two or more days are each given by at least `day_split.least` claims, not counting nights
(which reach the day after too), each such day opens a part.  A claim giving one of those days
joins its part, a night's included (the resolver dates a night by the evening it begins: "last
night", "overnight to 7 August").  Every other claim goes with the nearest claim of its own
article that joined a part, within `day_split.reach` sentences ("On August 5 the army fired
twice at the plant. The first attack came at noon"), else with the one day its article's claims in
parts give, if they give one, else to the part it fits best.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Optional, Sequence

from claimgraph.link.events import event_id
from claimgraph.link.features import ClaimFeatures
from claimgraph.link.profile import EventProfile
from claimgraph.link.rules import LinkRules

Fit = Callable[[ClaimFeatures, EventProfile], float]  # how well a claim fits an event (a logit)


def own_day(claim: ClaimFeatures) -> Optional[int]:
    """The day a claim gives itself, unless that day is a night's."""
    return None if claim.night else claim.dated


def split_days(claims: Sequence[ClaimFeatures], least: int) -> list[int]:
    """The days at least `least` of the claims give themselves, when there are two or more."""
    given = Counter(day for day in map(own_day, claims) if day is not None)
    days = sorted(day for day, count in given.items() if count >= least)
    return days if len(days) > 1 else []


def anchored_day(claim: ClaimFeatures, anchors: Sequence[tuple[ClaimFeatures, int]], reach: int) -> Optional[int]:
    """The day of the nearest anchor (a claim and its day) in the claim's article within
    `reach` sentences (of two as near, the one before it), else the day its article's anchors
    give when they all give one."""
    own = [(a, day) for a, day in anchors if a.document_id == claim.document_id]
    near = [(abs(a.sentence - claim.sentence), a.sentence > claim.sentence, day) for a, day in own
            if abs(a.sentence - claim.sentence) <= reach]
    if near:
        return min(near)[2]
    days = {day for _, day in own}
    return days.pop() if len(days) == 1 else None


def split_by_day(profile: EventProfile, rules: LinkRules, fit: Fit) -> list[EventProfile]:
    """The event's parts, one per day (see the module), or [] when it stays whole.  A stored
    event (one that gained claims in this run) splits too: the part holding the claim its id
    was made from continues it (`continuing`), the others are new events."""
    split = rules.day_split
    if not profile.size or profile.types.most_common(1)[0][0] not in split.types:
        return []
    days = split_days(profile.claims, split.least)
    if not days:
        return []
    parts = {day: EventProfile(story=profile.story) for day in days}
    anchors = [(claim, claim.dated) for claim in profile.claims if claim.dated in parts]
    for claim, day in anchors:
        parts[day].add(claim)  # type: ignore[index]
    placed = {id(claim) for claim, _ in anchors}
    for claim in profile.claims:
        if id(claim) in placed:
            continue
        day = anchored_day(claim, anchors, split.reach)
        part = parts[day] if day is not None else max(parts.values(), key=lambda p: fit(claim, p))
        part.add(claim)
    return continuing(profile, list(parts.values()))


def continuing(profile: EventProfile, parts: list[EventProfile]) -> list[EventProfile]:
    """The parts of a split event, the one continuing a stored event first: it keeps the
    stored event (its id, made from its first claim, and its stored claims as stored), and the
    stored claims of the other parts move to them as new members."""
    if profile.base is None:
        return parts
    base_id, stored = profile.base.id, {id(claim) for claim in profile.stored}
    keeper = max(parts, key=lambda part: (any(event_id(c.claim.id) == base_id for c in part.members),
                                          sum(id(c) in stored for c in part.members)))
    kept = EventProfile(base=profile.base, story=profile.story)
    for claim in keeper.members:
        (kept.restore if id(claim) in stored else kept.add)(claim)
    return [kept] + [part for part in parts if part is not keeper]
