"""Self-denials: a source saying its own side did not do something denies it.

"Moscow denied striking the market" is read by the status tagger from its cue.  A denial said
in other words ("the General Staff said Ukraine's forces had not launched any strikes on the
camp") is found here, once sides are known: a reported, negated claim of a happening
(``happening_types`` in data/denials.yaml) whose doer is on its origin's side is ``denied``.
"""

from __future__ import annotations

from typing import Any

from claimgraph.model import Claim
from claimgraph.rules import typed_rules


def happening_types() -> frozenset[str]:
    return typed_rules("claimgraph.resolve", "data/denials.yaml", _happening_types)


def _happening_types(raw: dict[str, Any]) -> frozenset[str]:
    return frozenset(raw["happening_types"])


def is_self_denial(claim: Claim) -> bool:
    if claim.status != "reported" or not claim.negated or not claim.source_chain:
        return False
    side = claim.source_chain[0].side
    doers = {actor.side for actor in claim.actors if actor.role == "agent"}
    return side is not None and side in doers and claim.event_type in happening_types()


def with_self_denials(claims: list[Claim]) -> list[Claim]:
    return [claim.model_copy(update={"status": "denied"}) if is_self_denial(claim) else claim for claim in claims]
