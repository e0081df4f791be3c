"""End to end on the seed article: read -> mark copies -> extract -> resolve -> link.

The syndicated copy is built at run time from the seed (never stored in the repo).
"""

from __future__ import annotations

import pytest

from claimgraph.link import link_claims
from claimgraph.model import Document

pytestmark = pytest.mark.slow


def read_one(path, settings) -> Document:
    from claimgraph.read import read_paths

    [document] = [d for d in read_paths([path], settings) if isinstance(d, Document)]
    return document


def syndicated_copy(seed_path, tmp_path):
    """The seed under another byline, its first sentence lightly edited."""
    header, body = seed_path.read_text(encoding="utf-8").lstrip().split("\n", 1)
    first_end = body.index(".") + 1
    edited = body[:first_end].replace("In a dramatic escalation", "In a sharp escalation", 1)
    copy = tmp_path / "copy.txt"
    copy.write_text(f"date 2024-08-10 Report by Danube Syndicate Desk\n{edited}{body[first_end:]}", encoding="utf-8")
    return copy


def mark_copies(documents: list[Document], settings) -> list[Document]:
    """What ingest does: a document near-identical to an earlier one is its duplicate."""
    from claimgraph.dedup import NearDuplicateIndex

    index, marked = NearDuplicateIndex(threshold=settings.near_duplicate_threshold), []
    for document in documents:
        signature = index.signature(document.text)
        originals = [other for other, _ in index.find(signature) if other != document.id]
        index.add(document.id, signature)
        if originals:
            document = document.model_copy(update={"duplicate_of": originals[0], "syndication_group": originals[0]})
        marked.append(document)
    return marked


def linked(documents: list[Document], settings):
    from claimgraph.extract import Extractor
    from claimgraph.resolve import Resolver

    resolver, resolved, claims = Resolver(settings), {}, []
    for document, extracted in Extractor(settings).extract_many(documents):
        document, with_values = resolver.resolve(document, extracted)
        resolved[document.id] = document
        claims += with_values
    return link_claims(claims, resolved, (), settings), claims


def test_acceptance_syndicated_copy_adds_no_independent_source(seed_path, tmp_path, settings):
    seed = read_one(seed_path, settings)
    copy = read_one(syndicated_copy(seed_path, tmp_path), settings)
    alone, _ = linked([seed], settings)
    together, _ = linked(mark_copies([seed, copy], settings), settings)
    sources_alone = {claim_id: e.independent_sources for e in alone for claim_id in e.claims}
    for event in together:
        seed_claims = [c for c in event.claims if c.startswith(seed.id)]
        assert seed_claims, f"an event made only of the copy's claims: {event.summary}"
        assert event.independent_sources <= max(sources_alone[c] for c in seed_claims)


def test_acceptance_convoy_video_and_nexta_post_are_one_confirmed_event(seed_path, settings):
    events, claims = linked([read_one(seed_path, settings)], settings)
    convoy_claims = {c.id for c in claims if "convoy" in c.text.lower()}
    convoy_events = [e for e in events if convoy_claims & set(e.claims)]
    assert len(convoy_events) == 1, [e.summary for e in convoy_events]
    [event] = convoy_events
    assert event.status == "confirmed"
    assert [o.casefold() for o in event.origins].count("nexta") == 1
