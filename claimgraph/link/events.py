"""Turn a clustered profile (a stored event plus the claims added now) into an `Event`."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping, Optional

from claimgraph.link.contradictions import ConflictLog, Statement, statement_of
from claimgraph.link.features import DATELINE, ClaimFeatures, parse_day, place_key
from claimgraph.link.origins import Origin, SideOf, no_side, origin_of
from claimgraph.link.profile import EventProfile
from claimgraph.link.quantities import record_as_quantity, summarise, unit_of, value_record
from claimgraph.link.rules import LinkRules
from claimgraph.link.status import NEUTRAL_SIDES, StatusState, state_of_event
from claimgraph.model import Contradiction, Document, Event, Place, StatusChange


@dataclass(frozen=True)
class BuildContext:
    documents: Mapping[str, Document]
    representatives: Mapping[str, Document]  # syndication group -> the copy that stands for it
    rules: LinkRules
    outlet_side: SideOf = no_side  # the side an outlet writes for, from the actor catalogue


def event_id(first_claim_id: str) -> str:
    return "e" + hashlib.sha1(first_claim_id.encode("utf-8")).hexdigest()[:10]


def iso(day: Optional[int]) -> Optional[str]:
    return None if day is None else date.fromordinal(day).isoformat()


def document_of(claim_id: str) -> str:
    return claim_id.rsplit(":", 1)[0]


def origin_for(member: ClaimFeatures, context: BuildContext) -> Origin:
    return origin_of(member.claim, member.document, context.documents, context.representatives,
                     context.rules.material_sources, context.outlet_side)


def stored_statements(event: Optional[Event]) -> list[Statement]:
    """A stored event's quantity records, the part of its old claims we can still compare."""
    if event is None:
        return []
    return [Statement(r["claim"], parse_day(r.get("date")), [record_as_quantity(r, unit)])
            for unit, summary in event.quantities.items() for r in summary.get("values", [])]


def fold_members(profile: EventProfile, context: BuildContext) -> tuple[StatusState, list[StatusChange], list[Contradiction]]:
    """Add claims in date order, recording each contradiction found, each status change and
    each change of reported outcome (encircled -> held -> retaken).

    The stored event's quantity records join the same date order, as claims already checked.
    """
    state = state_of_event(profile.base)
    relaying = relaying_documents(profile)
    history = list(profile.base.history) if profile.base else []
    contradictions = list(profile.base.contradictions) if profile.base else []
    log = ConflictLog(context.rules)
    stored = [(s.day, 0, s, None) for s in stored_statements(profile.base)]
    added = [(m.day, 1, statement_of(m), m) for m in profile.members]
    for _, _, statement, member in sorted(stored + added, key=lambda item: (item[0] is None, item[0] or 0, item[1])):
        if member is None:
            log.remember(statement)
            continue
        before = state.status() if history else None
        found = log.check(statement)
        contradictions += found
        add_to_state(state, member, bool(found), context, relaying)
        outcome = None if statement.denied else main_outcome(member, context.rules)
        if state.status() != before or (outcome and outcome != last_outcome(history)):
            history.append(StatusChange(date=iso(member.day), status=state.status(), claim=member.claim.id,
                                        outcome=outcome))
    return state, history, contradictions


def main_outcome(member: ClaimFeatures, rules: LinkRules) -> Optional[str]:
    """The first outcome the claim names, in the rules file's order."""
    return next((outcome for outcome in rules.outcomes if outcome in member.outcomes), None)


def last_outcome(history: list[StatusChange]) -> Optional[str]:
    return next((change.outcome for change in reversed(history) if change.outcome), None)


def relaying_documents(profile: EventProfile) -> set[str]:
    """Documents that attribute some of their claims about the event to a source."""
    return {document_of(m.claim.id) for m in profile.members if m.claim.source_chain}


def adds_origin(member: ClaimFeatures, relaying: set[str]) -> bool:
    """An outlet that relays a source about the happening restates it when it says more in its
    own voice ("Sudzha had been retaken" after "the ministry said"): only its sources count,
    unless it checked something itself (a claim it confirms, such as a geolocation)."""
    claim = member.claim
    return bool(claim.source_chain) or claim.status == "confirmed" or document_of(claim.id) not in relaying


def add_to_state(state: StatusState, member: ClaimFeatures, contradicted: bool, context: BuildContext,
                 relaying: set[str]) -> None:
    origin = origin_for(member, context)
    if adds_origin(member, relaying):
        state.add_origin(origin)
    state.disputed |= contradicted
    if member.claim.status == "confirmed":
        state.add_confirmation(member.claim, origin)


def summary_claim(profile: EventProfile, event_type: str, rules: LinkRules) -> Optional[ClaimFeatures]:
    """The best-supported new claim: of the event's type, naming what it is about (not "It
    controlled Sudzha"), best status, closest to what the event's claims say together.  None
    keeps a stored event's summary."""
    def support(member: ClaimFeatures) -> tuple[bool, bool, int, float]:
        first_word = next(iter(member.claim.text.lower().split()), "")
        return (member.claim.event_type == event_type, first_word not in rules.vague_openings,
                rules.support_rank.get(member.claim.status, 0), profile.tokens.cosine(member.vector))

    best = max(profile.members, key=support, default=None)
    if best is None or profile.base is None:
        return best
    base_rank = rules.support_rank["confirmed" if profile.base.status == "confirmed" else "reported"]
    return best if rules.support_rank.get(best.claim.status, 0) > base_rank else None


def merged_places(profile: EventProfile) -> list[Place]:
    places = {place_key(p): p for p in (profile.base.places if profile.base else [])}
    for member in profile.members:
        for place in member.claim.places:
            if place.role == "place":
                places.setdefault(place_key(place), place)
    return list(places.values())


def merged_quantities(profile: EventProfile) -> dict[str, dict[str, Any]]:
    values: dict[str, list[dict[str, Any]]] = {}
    for unit, summary in (profile.base.quantities if profile.base else {}).items():
        values[unit] = list(summary.get("values", []))
    for member in profile.members:
        for quantity in member.claim.quantities:
            if not unit_of(quantity) or (quantity.min is None and quantity.max is None):
                continue  # a number without a unit or a value says nothing to compare
            record = value_record(member.claim.id, quantity) | {"date": iso(member.day)}
            values.setdefault(unit_of(quantity), []).append(record)
    return {unit: summarise(records) for unit, records in values.items()}


def claim_ids(profile: EventProfile) -> list[str]:
    ids = list(profile.base.claims) if profile.base else []
    known = set(ids)
    return ids + [m.claim.id for m in profile.members if m.claim.id not in known]


def main_type(profile: EventProfile) -> str:
    """A stored event keeps its type; a new one takes its members' most common known type."""
    if profile.base:
        return profile.base.event_type
    counts = Counter(m.claim.event_type for m in profile.members)
    known = Counter({t: n for t, n in counts.items() if t != "other"})
    return (known or counts).most_common(1)[0][0]


def headline(text: str) -> str:
    """A claim's words as an event's summary: no dateline, and a capital first letter (claims
    cut from reported speech start in lower case: "the bridge had collapsed")."""
    text = DATELINE.sub("", text)
    return text[:1].upper() + text[1:]


def build_event(profile: EventProfile, context: BuildContext) -> Event:
    state, history, contradictions = fold_members(profile, context)
    ids = claim_ids(profile)
    event_type = main_type(profile)
    best = summary_claim(profile, event_type, context.rules)
    origins = [o.shown() for o in state.origins.values()]
    sides = sorted({o.side for o in state.origins.values() if o.side not in NEUTRAL_SIDES}
                   | set(profile.base.sides if profile.base else ()))
    return Event(
        id=profile.base.id if profile.base else event_id(ids[0]),
        event_type=event_type,
        summary=headline(best.claim.text) if best else profile.base.summary,
        claims=ids,
        documents=len({document_of(i) for i in ids}),
        origins=origins,
        independent_sources=len(origins),
        sides=sides,
        status=state.status(),
        first_seen=iso(profile.first_day),
        last_seen=iso(profile.last_day),
        places=merged_places(profile),
        quantities=merged_quantities(profile),
        contradictions=contradictions,
        history=sorted(history, key=lambda change: change.date or ""),
        assessment=profile.base.assessment if profile.base else None,
    )
