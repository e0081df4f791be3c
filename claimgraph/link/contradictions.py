"""Claims of one event that cannot all be true: kept in the event and listed, never split off.

Numbers, outcomes and places are only compared between claims made within
`contradiction_days` of each other: "encircled" on 8 August and "retaken" in March are a
history, not a contradiction.  Numbers are compared only when they measure the same thing, read
from the words after each (`contradiction_measures`: two death tolls, not a toll and a count of
the wounded; "8 km from the border" and "45 km from the plant" measure nothing named), in the same
unit (any word for people counts as one); a vague number ("many") is never compared, and a later
figure from the same side is an update, not a contradiction.  Who did it is compared too: claims
saying that doers of opposite sides did an attack or a destruction contradict.  A denial
contradicts whatever it denies, whenever it came.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Optional

from claimgraph.link.features import DIGIT, WORD, ClaimFeatures, stem
from claimgraph.link.quantities import overlaps, unit_of, value_range
from claimgraph.link.rules import LinkRules
from claimgraph.link.similarity import nearest_km
from claimgraph.model import Contradiction, Quantity

PEOPLE = "people"


@dataclass
class Statement:
    """The comparable parts of a claim (or of a stored event's quantity record)."""

    claim_id: str
    day: Optional[int]
    quantities: list[Quantity] = field(default_factory=list)
    outcomes: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    place_keys: frozenset[str] = frozenset()
    denied: bool = False
    measures: dict[int, str] = field(default_factory=dict)  # quantity (by position) -> what it measures
    side: Optional[str] = None  # the side of whoever says it
    doers: frozenset[str] = frozenset()  # sides of whoever it says did the attack or destruction


def statement_of(claim: ClaimFeatures, side: Optional[str], rules: LinkRules) -> Statement:
    # Only a denial counts, not any negation: "officials did not comment" denies nothing.
    return Statement(claim.claim.id, claim.day, claim.claim.quantities, claim.outcomes, claim.points,
                     spot_of(claim, rules), claim.claim.status == "denied", measures_of(claim, rules), side,
                     doers_of(claim, rules))


def spot_of(claim: ClaimFeatures, rules: LinkRules) -> frozenset[str]:
    """The one town a claim places its happening at, compared for place conflicts: none for a
    claim naming several, or of a type that reaches many towns (a flood, an evacuation)."""
    one_town = len(claim.place_keys) == 1 and claim.claim.event_type in rules.place_conflict_types
    return claim.place_keys if one_town else frozenset()


def doers_of(claim: ClaimFeatures, rules: LinkRules) -> frozenset[str]:
    """The sides of the agents of a claim that says an attack or destruction was done ("Ukraine
    shelled the plant"); none for a claim about blame, whose subject is the one blaming."""
    if not claim.kinds & rules.responsibility_kinds or "blame" in claim.kinds:
        return frozenset()
    return frozenset(a.side for a in claim.claim.actors if a.role == "agent" and a.side in rules.sides)


def measures_of(claim: ClaimFeatures, rules: LinkRules) -> dict[int, str]:
    """What each of the claim's numbers measures, read from the nearest word naming a measure
    after it, else before it ("40 people were killed", "captured more than 100 servicemen"); a
    vague number ("many") or one with no such word near measures nothing comparable."""
    found = {}
    text = claim.claim.text.lower()
    for number, quantity in enumerate(claim.claim.quantities):
        at = text.find(quantity.text.lower())
        if at < 0 or not is_definite(quantity.text, rules):
            continue
        reach = rules.measure_words
        words = WORD.findall(text[at + len(quantity.text):])[:reach] + WORD.findall(text[:at])[::-1][:reach]
        measure = next((m for word in words for m, listed in rules.contradiction_measures.items()
                        if listed.holds(stem(word))), None)
        if measure:
            found[number] = measure
    return found


def is_definite(text: str, rules: LinkRules) -> bool:
    return bool(DIGIT.search(text) or rules.number_words.search(text))


def measured_unit(quantity: Quantity, rules: LinkRules) -> str:
    unit = unit_of(quantity)
    return PEOPLE if unit in rules.person_units else unit


def same_unit(a: str, b: str) -> bool:
    """Units that count the same thing: equal, or one of them people at large ("40 people" and
    "53 prisoners"; not "8 employees" and "75 prisoners")."""
    return a == b or PEOPLE in (a, b)


def ranges_by_measure(statement: Statement, rules: LinkRules) -> dict[tuple[str, str], list[tuple[Quantity, tuple[float, float]]]]:
    """Readable quantities by what they measure and their unit (both needed to compare)."""
    ranges: dict[tuple[str, str], list[tuple[Quantity, tuple[float, float]]]] = {}
    for number, quantity in enumerate(statement.quantities):
        span = value_range(quantity, rules.approximate_tolerance, rules.open_ended_cues)
        measure = statement.measures.get(number)
        if span and measure and unit_of(quantity):
            ranges.setdefault((measure, measured_unit(quantity, rules)), []).append((quantity, span))
    return ranges


def is_update(a: Statement, b: Statement) -> bool:
    """A later figure from the same side revises the earlier one."""
    return a.side == b.side and a.day is not None and b.day is not None and a.day != b.day


def quantity_note(a: Statement, b: Statement, rules: LinkRules) -> Optional[str]:
    """Two claims disagree on a measure when none of their values for it overlap: a claim giving
    depth and width in km is not contradicted by another giving the same two.  An update is no
    contradiction."""
    if is_update(a, b):
        return None
    theirs = ranges_by_measure(b, rules)
    for (measure, unit), ours in ranges_by_measure(a, rules).items():
        others = [value for (m, u), values in theirs.items() if m == measure and same_unit(u, unit) for value in values]
        if others and not any(overlaps(x, y) for _, x in ours for _, y in others):
            return f"{ours[0][0].text} vs {others[0][0].text}"
    return None


def outcome_note(a: Statement, b: Statement, rules: LinkRules) -> Optional[str]:
    for oa in sorted(a.outcomes):
        for ob in sorted(b.outcomes):
            if frozenset((oa, ob)) in rules.incompatible_outcomes:
                return f"{oa} vs {ob}"
    return None


def responsibility_note(a: Statement, b: Statement, rules: LinkRules) -> Optional[str]:
    """One says a side did it, the other that the opposite side did."""
    if a.doers and b.doers and not a.doers & b.doers:
        return f"done by {'/'.join(sorted(a.doers))} vs {'/'.join(sorted(b.doers))}"
    return None


def place_note(a: Statement, b: Statement, rules: LinkRules) -> Optional[str]:
    """Two claims each placing the happening at one town, far apart (a claim naming several
    places tells where it reaches or whom it concerns, not where it happened)."""
    if a.place_keys and b.place_keys and not a.place_keys & b.place_keys:
        distance = nearest_km(a.points, b.points)
        if distance > rules.place_conflict_km:
            return f"places {distance:.0f} km apart"
    return None


NOTES = (("quantity", quantity_note), ("outcome", outcome_note), ("responsibility", responsibility_note),
         ("place", place_note))


class ConflictLog:
    """The claims of one event seen so far, fed in date order, each new one checked.

    Only claims within `contradiction_days` are kept for comparison, so a long-running event
    costs time in proportion to its claims, not their square.
    """

    def __init__(self, rules: LinkRules):
        self.rules = rules
        self.recent: deque[Statement] = deque()
        self.undated: list[Statement] = []
        self.first_of: dict[bool, Statement] = {}  # denied? -> first such claim

    def remember(self, statement: Statement) -> None:
        (self.undated.append if statement.day is None else self.recent.append)(statement)
        self.first_of.setdefault(statement.denied, statement)

    def check(self, new: Statement) -> list[Contradiction]:
        """At most one contradiction of each kind between a new claim and those before it."""
        found: dict[str, Contradiction] = {}
        opposite = self.first_of.get(not new.denied)
        # Each denial is paired once with the first claim it denies (or the first claim after it).
        if opposite is not None and (new.denied or not self.first_of.get(False)):
            note = "denied" if new.denied else "contradicts a denial"
            found["denial"] = Contradiction(claims=[new.claim_id, opposite.claim_id], kind="denial", note=note)
        for other in self._same_time(new):
            for kind, note_of in NOTES:
                note = note_of(new, other, self.rules) if kind not in found else None
                if note:
                    found[kind] = Contradiction(claims=[new.claim_id, other.claim_id], kind=kind, note=note)
        self.remember(new)
        return list(found.values())

    def _same_time(self, new: Statement) -> list[Statement]:
        if new.day is None:
            return list(self.recent) + self.undated
        while self.recent and self.recent[0].day < new.day - self.rules.contradiction_days:
            self.recent.popleft()
        return list(self.recent) + self.undated
