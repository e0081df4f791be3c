"""Event status per the output contract, kept as a running state so history can be read off.

Adding a claim never lowers the status: an origin, a confirmation or a contradiction, once
in the event, stays.  Precedence: disputed > confirmed > corroborated > claimed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from claimgraph.link.origins import Origin
from claimgraph.model import Claim, Event
from claimgraph.resolve.actors import source_name_key

PRECEDENCE = ("claimed", "corroborated", "confirmed", "disputed")
NEUTRAL_SIDES = {None, "neutral"}


@dataclass
class StatusState:
    origins: dict[str, Origin] = field(default_factory=dict)  # by source_name_key
    confirmers: list[tuple[str, set[str]]] = field(default_factory=list)  # (who checked, whose material)
    disputed: bool = False
    floor: str = "claimed"  # the stored event's status when continuing it

    def add_origin(self, origin: Origin) -> None:
        self.origins.setdefault(source_name_key(origin.name), origin)

    def add_confirmation(self, claim: Claim, origin: Origin) -> None:
        """Remember who checked (the evidence's verifier, else the claim's origin) and whose material."""
        verifier = next((e.verified_by for e in claim.evidence if e.verified_by), None) or origin.name
        publishers = {source_name_key(e.publisher) for e in claim.evidence if e.publisher}
        self.confirmers.append((source_name_key(verifier), publishers))

    def is_confirmed(self) -> bool:
        """Someone checked material that is not (only) their own."""
        return any((set(self.origins) | publishers) - {verifier} for verifier, publishers in self.confirmers)

    def is_corroborated(self) -> bool:
        sides = [o.side for o in self.origins.values()]
        return len(self.origins) >= 2 and (len(set(sides)) >= 2 or any(s in NEUTRAL_SIDES for s in sides))

    def status(self) -> str:
        if self.disputed:
            computed = "disputed"
        elif self.is_confirmed():
            computed = "confirmed"
        else:
            computed = "corroborated" if self.is_corroborated() else "claimed"
        return max(computed, self.floor, key=PRECEDENCE.index)


def state_of_event(event: Optional[Event]) -> StatusState:
    """Continue a stored event: its origins (sides unknown per origin) and its status as floor."""
    state = StatusState()
    if event is None:
        return state
    sides = [s for s in event.sides if s not in NEUTRAL_SIDES]
    only_side = sides[0] if len(sides) == 1 else None
    for name in event.origins:
        state.add_origin(Origin(name, None, only_side))
    state.floor = event.status
    state.disputed = event.status == "disputed"
    return state
