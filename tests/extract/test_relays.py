from __future__ import annotations

import pytest

from claimgraph.extract.relays import quoted_origin
from claimgraph.model import Claim, SourceRef


def claim_in(text: str, relay: str, relay_span: tuple[int, int] | None = None, cue: str = "reported") -> Claim:
    start = text.index(relay)
    ref = SourceRef(name=relay, cue=cue, span=relay_span or (start, start + len(relay)))
    return Claim(id="d:0", text="x", span=(len(text) - 10, len(text)), sentence_span=(0, len(text)), source_chain=[ref])


@pytest.mark.parametrize("text, relay, origin", [
    ("The Harbour Gazette, quoting Ivan Petrenko, the exiled mayor of the town, reported that three died.",
     "The Harbour Gazette", "Ivan Petrenko, the exiled mayor of the town"),
    ("According to Example Wire, citing two officials, the dam was mined.", "Example Wire", "two officials"),
])
def test_relays_the_quoted_source_is_the_origin(text, relay, origin):
    chain = quoted_origin(text, claim_in(text, relay)).source_chain
    assert [ref.name for ref in chain] == [origin, relay]


def test_relays_an_apposition_inside_the_relays_span_is_read_after_its_name():
    text = "The Harbour Gazette, quoting the port captain, reported that the pier collapsed."
    relay = claim_in(text, "The Harbour Gazette", relay_span=(0, text.index(", reported")))
    assert quoted_origin(text, relay).source_chain[0].name == "the port captain"


@pytest.mark.parametrize("text, relay, cue", [
    ("The Harbour Gazette reported that the pier collapsed, citing nobody.", "The Harbour Gazette", "reported"),
    ("The mayor, citing the flood, cancelled the fair.", "The mayor", "citing"),  # the mayor's own act
])
def test_relays_no_quoted_source_leaves_the_chain(text, relay, cue):
    claim = claim_in(text, relay, cue=cue)
    assert quoted_origin(text, claim).source_chain == claim.source_chain
