"""The seed article's expected reading, end to end on the output contract (claims-v1).

The seed is read from ../shared at run time (it is third-party text and never enters the
repository) through the same path as `claimgraph extract`: read -> extract -> resolve.
Claims are found by what they say, not by position, so the test checks the reading and not
the segmentation.  Expectations come from the extraction and resolution issues.
"""

from __future__ import annotations

import math

import pytest

from claimgraph.app import ClaimGraph
from claimgraph.model import Claim, ExtractedDocument
from claimgraph.settings import Settings

pytestmark = pytest.mark.slow

ADVISER = "Office of the President of Ukraine"
POST = "The Washington Post"


@pytest.fixture(scope="module")
def seed(seed_path) -> ExtractedDocument:
    graph = ClaimGraph(Settings.load())
    [document] = list(graph.read([seed_path]))
    [extracted] = list(graph.extract([document]))
    return extracted


def claim_saying(seed: ExtractedDocument, *words: str) -> Claim:
    found = [c for c in seed.claims if all(w.lower() in c.text.lower() for w in words)]
    assert found, f"no claim says {words}: {[c.text for c in seed.claims]}"
    return found[0]


def chain(claim: Claim) -> list[str | None]:
    return [source.canonical for source in claim.source_chain]


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dp, dl = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_seed_header_is_metadata_not_text(seed):
    document = seed.document
    assert (document.published, document.author, document.genre) == ("2024-08-09", "Miriam Judith", "guest post")
    assert all(claim.span[0] >= 0 and "Guest Post" not in claim.text for claim in seed.claims)


def test_seed_advance_is_asserted_in_the_kursk_region_over_four_days(seed):
    claim = claim_saying(seed, "advances", "Kursk")
    assert claim.status == "asserted" and claim.source_chain == []
    assert (claim.time.start, claim.time.end) == ("2024-08-06", "2024-08-09")
    kursk = [p for p in claim.places if p.name == "Kursk Oblast"]
    assert kursk and kursk[0].country == "RU" and kursk[0].precision == "region"
    assert km_between(kursk[0].lat, kursk[0].lon, 51.7, 36.2) <= 161


def test_seed_territory_claim_is_the_advisers_and_unverified(seed):
    claim = claim_saying(seed, "300 kilometers")
    assert claim.status == "unverified"
    assert chain(claim)[0] == ADVISER and claim.source_chain[0].side == "Ukraine"
    [area] = [q for q in claim.quantities if "300" in q.text]
    assert area.approximate and area.min == 300 and area.unit_mismatch


@pytest.mark.parametrize("words", [("towns",), ("hundreds of prisoners",), ("gas-metering station",)])
def test_seed_washington_post_relay_keeps_the_adviser_as_origin(seed, words):
    claim = claim_saying(seed, *words)
    assert claim.status == "reported"
    assert chain(claim) == [ADVISER, POST]


def test_seed_prisoners_are_counted_conservatively(seed):
    claim = claim_saying(seed, "hundreds of prisoners")
    assert claim.event_type == "prisoners"
    [prisoners] = [q for q in claim.quantities if "prisoners" in q.text]
    assert (prisoners.min, prisoners.conservative, prisoners.approximate) == (200, 100, True)


def test_seed_gas_station_captured_is_ground_taken(seed):
    # a site seized is a territorial change (events.yaml); infrastructure is a facility damaged or out
    assert claim_saying(seed, "gas-metering station").event_type == "territorial_change"


def test_seed_surrender_video_is_hedged_with_instagram_evidence(seed):
    claim = claim_saying(seed, "purported to show")
    assert claim.status == "hedged"
    assert any(e.kind == "video" and e.platform == "Instagram" for e in claim.evidence)


def test_seed_units_declining_to_comment_is_a_statement_relayed_by_the_post(seed):
    claim = claim_saying(seed, "declined to comment")
    assert claim.event_type == "statement"
    assert chain(claim)[-1] == POST


def test_seed_convoy_video_is_hedged(seed):
    claim = claim_saying(seed, "appeared to show")
    assert claim.status == "hedged"
    assert any(e.kind == "video" for e in claim.evidence)


def test_seed_nexta_confirmed_the_video_by_geolocation(seed):
    claim = claim_saying(seed, "BREAKING")
    assert claim.status == "confirmed"
    assert chain(claim) == ["NEXTA"]
    assert any(e.kind == "video" and e.method == "geolocation" for e in claim.evidence)


def test_seed_missile_request_flags_loaded_language(seed):
    claim = claim_saying(seed, "long-range")
    assert claim.event_type == "request" and claim.status == "speculative"
    assert [(t.text, t.neutral) for t in claim.loaded_language] == [("Biden regime", "Biden administration")]


def test_seed_leverage_is_the_advisers_speculation(seed):
    claim = claim_saying(seed, "leverage")
    assert claim.status == "speculative" and chain(claim)[0] == ADVISER


def test_seed_closing_questions_are_speculative(seed):
    closing = [c for c in seed.claims if "Putin" in c.text or "diplomatic resolution" in c.text]
    assert closing and all(c.status == "speculative" for c in closing)
