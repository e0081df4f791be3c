"""Relays that name whom they quote: "The Gazette, quoting the exiled mayor, reported that ...",
"according to Reuters, citing two officials, ...".  The outlet the cue attributes the claim to
relays it; the one it quotes or cites is the origin and goes first in the chain (the spec's
order: origin, then relays).  The pattern is ``relay_quoting`` in ``lexicons/carried_sources.yaml``.
"""

from __future__ import annotations

from ..model import Claim, Document, SourceRef
from .lexicon import carried_source_rules
from .sources import guess_kind

QUOTING_CUES = {"citing", "quoting"}


def with_quoted_origins(document: Document, claims: list[Claim]) -> list[Claim]:
    return [quoted_origin(document.text, claim) for claim in claims]


def quoted_origin(text: str, claim: Claim) -> Claim:
    """The claim with the source its first link quotes put before it, if that link names one
    (after the link's name: the parser may take the apposition into the source's span)."""
    if not claim.source_chain or not claim.source_chain[0].span:
        return claim
    if (claim.source_chain[0].cue or "").lower() in QUOTING_CUES:  # "X, citing Y" is X's own act
        return claim
    relay = claim.source_chain[0]
    name_end = relay.span[0] + len(relay.name) if text.startswith(relay.name, relay.span[0]) else relay.span[1]
    relay_quoting = carried_source_rules().relay_quoting
    quoting = relay_quoting.match(text, name_end) or relay_quoting.match(text, relay.span[1])
    if quoting is None:
        return claim
    end = quoting.start()
    name = quoting.group("name")
    origin = SourceRef(name=name, kind=guess_kind(name), cue=text[end:quoting.start("name")].strip(" ,"),
                       span=(quoting.start("name"), quoting.end("name")))
    return claim.model_copy(update={"source_chain": [origin, *claim.source_chain]})
