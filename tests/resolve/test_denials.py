from __future__ import annotations

import pytest

from claimgraph.model import Actor, Claim, SourceRef
from claimgraph.resolve.denials import with_self_denials


def claim(source_side: str | None, doer_side: str | None, *, negated: bool = True, event_type: str = "strike",
          status: str = "reported") -> Claim:
    return Claim(id="d:0", text="its forces had not shelled the camp", span=(0, 35), sentence_span=(0, 35),
                 status=status, negated=negated, event_type=event_type,
                 source_chain=[SourceRef(name="the general staff", side=source_side)],
                 actors=[Actor(text="its forces", role="agent", side=doer_side)])


@pytest.mark.parametrize("made, expected", [
    (claim("Ukraine", "Ukraine"), "denied"),  # its own side did not do it
    (claim("Ukraine", "Russia"), "reported"),  # the other side did not: no denial
    (claim("Ukraine", "Ukraine", negated=False), "reported"),
    (claim("Ukraine", "Ukraine", event_type="military_aid"), "reported"),  # "has not received the shells"
    (claim(None, None), "reported"),
    (claim("Ukraine", "Ukraine", status="hedged"), "hedged"),
])
def test_denials_a_side_saying_it_did_not_do_it_denies_it(made, expected):
    assert with_self_denials([made])[0].status == expected
