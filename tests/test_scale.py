"""Extraction on a real local Dask cluster gives what the single process gives."""

from __future__ import annotations

import pytest

from claimgraph.app import ClaimGraph
from claimgraph.model import Document, ExtractedDocument, ReadFailure
from claimgraph.read.normalise import document_id
from claimgraph.settings import Settings

TEXTS = [
    "Officials in Sumy said two drones were shot down on Monday.",
    "The governor said 40 residents were evacuated from Sudzha on Tuesday, according to local media.",
    "A video reportedly showed a bridge over the Seym river destroyed near Glushkovo.",
]


def documents() -> list[Document]:
    return [Document(id=document_id(text), text=text, published="2024-08-16", origin=f"doc-{i}")
            for i, text in enumerate(TEXTS)]


def claims_by_document(results) -> dict[str, list[tuple]]:
    results = list(results)
    assert not [r for r in results if isinstance(r, ReadFailure)]
    return {r.document.id: [(c.text, c.status, c.event_type) for c in r.claims]
            for r in results if isinstance(r, ExtractedDocument)}


@pytest.mark.slow
@pytest.mark.dask
def test_scale_dask_extraction_matches_single_process():
    single = claims_by_document(ClaimGraph(Settings.load()).extract(documents()))
    spread = claims_by_document(ClaimGraph(Settings.load(workers=2)).extract(documents()))
    assert spread == single
    assert len(spread) == len(TEXTS)
