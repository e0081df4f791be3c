"""Event status per the output contract, kept as a running state so history can be read off.

Adding a claim never lowers the status: an origin, a confirmation or a contradiction, once
in the event, stays.  Precedence: disputed > confirmed > corroborated > claimed.  An origin of
unknown side (a wire, a witness, a UN body) counts as neutral.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.link.origins import Origin, OriginSet
from claimgraph.model import Claim
from claimgraph.resolve.actors import source_name_key

PRECEDENCE = ("claimed", "corroborated", "confirmed", "disputed")
NEUTRAL_SIDES = {None, "neutral"}


@dataclass
class StatusState:
    origins: OriginSet
    confirmers: list[tuple[str, set[str]]] = field(default_factory=list)  # (who checked, whose material)
    voices: set[str] = field(default_factory=set)  # everyone who speaks in the event: origins and the outlets writing unsourced claims
    disputed: bool = False

    def add_voice(self, voice: Origin) -> None:
        self.voices.add(voice.key)

    def add_confirmation(self, claim: Claim, origin: Origin) -> None:
        """Remember who checked (the evidence's verifier, else the claim's origin) and whose material."""
        verifier = next((e.verified_by for e in claim.evidence if e.verified_by), None) or origin.name
        publishers = {source_name_key(e.publisher) for e in claim.evidence if e.publisher}
        self.confirmers.append((source_name_key(verifier), publishers))

    def is_confirmed(self) -> bool:
        """Someone checked material that is not (only) their own: another voice in the event
        tells of it (an origin, or an outlet reporting it in its own words: "a video circulating
        on social media"), or the evidence names another publisher."""
        known = {origin.key for origin in self.origins.values()} | self.voices
        return any((known | publishers) - {verifier} for verifier, publishers in self.confirmers)

    def is_corroborated(self) -> bool:
        sides = [o.side for o in self.origins.values()]
        return len(self.origins) >= 2 and (len(set(sides)) >= 2 or any(s in NEUTRAL_SIDES for s in sides))

    def status(self) -> str:
        if self.disputed:
            return "disputed"
        if self.is_confirmed():
            return "confirmed"
        return "corroborated" if self.is_corroborated() else "claimed"
