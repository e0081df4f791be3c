"""The per-document stage: what it cuts from claims before resolving them."""

from __future__ import annotations

from claimgraph.model import Claim, Document, Place, SourceRef
from claimgraph.read.normalise import document_id
from claimgraph.stage import outside_dateline


def document(text: str) -> Document:
    return Document(id=document_id(text), text=text, language="en", published="2024-08-12", origin="en.txt")


def test_stage_dateline_is_not_part_of_the_claim():
    text = "STOCKHOLM (Baltic Evening Post) — More than 76,000 people left Sudzha district."
    doc = document(text)
    places = [Place(text="STOCKHOLM", span=(0, 9)), Place(text="Sudzha", span=(text.index("Sudzha"),
                                                                                 text.index("Sudzha") + 6))]
    claim = Claim(id=f"{doc.id}:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)), places=places)
    [kept] = outside_dateline(doc, [claim])
    assert [p.text for p in kept.places] == ["Sudzha"]
    assert kept.text == "More than 76,000 people left Sudzha district." == text[kept.span[0]:kept.span[1]]


def test_stage_a_city_and_colon_dateline_is_no_source():
    text = "ODESA: Two ferries were damaged in the port overnight."
    doc = document(text)
    claim = Claim(id=f"{doc.id}:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)), status="reported",
                  source_chain=[SourceRef(name="ODESA", cue=":", span=(0, 5))])
    [kept] = outside_dateline(doc, [claim])
    assert (kept.source_chain, kept.status, kept.text) == ([], "asserted", "Two ferries were damaged in the port overnight.")
