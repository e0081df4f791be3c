"""The seed article must read as its issue describes.

The article is read at run time from ../shared/seed (never copied here); every assertion
looks claims up by words of the reading, not by position.
"""

import pytest

from claimgraph.read import read_paths

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_claims(seed_path, settings, extractor):
    documents = [d for d in read_paths([seed_path], settings) if hasattr(d, "text")]
    assert len(documents) == 1
    return extractor.extract(documents[0])


def find(claims, *words):
    found = [c for c in claims if all(w.lower() in c.text.lower() for w in words)]
    assert found, f"no claim with {words}"
    return found[0]


def origin(claim):
    return claim.source_chain[0].name.lower() if claim.source_chain else None


def names(claim):
    return [link.name.lower() for link in claim.source_chain]


def test_seed_reading_advance_is_asserted(seed_claims):
    claim = find(seed_claims, "advances", "Kursk")
    assert claim.status == "asserted" and claim.source_chain == []
    assert claim.time is not None and "four days" in claim.time.text


def test_seed_reading_territory_claim_is_unverified(seed_claims):
    claim = find(seed_claims, "captured", "kilometers")
    assert claim.status == "unverified"
    assert "advis" in origin(claim) and "zelensky" in origin(claim)
    assert claim.event_type == "territorial_change"


def test_seed_reading_three_propositions_through_the_post(seed_claims):
    expected = {("advanced", "towns"): "territorial_change", ("took", "prisoners"): "prisoners",
                ("captured", "station"): "territorial_change"}  # a site seized is ground taken
    for words, event_type in expected.items():
        claim = find(seed_claims, *words)
        assert claim.status == "reported"
        assert len(names(claim)) == 2 and "advis" in names(claim)[0] and "washington post" in names(claim)[1]
        assert claim.event_type == event_type


def test_seed_reading_instagram_video_is_hedged(seed_claims):
    claim = find(seed_claims, "purported", "surrendering")
    assert claim.status == "hedged"
    assert [(e.kind, e.platform) for e in claim.evidence] == [("video", "Instagram")]


def test_seed_reading_units_declined_to_comment(seed_claims):
    claim = find(seed_claims, "declined to comment")
    assert claim.event_type == "statement"
    assert names(claim) == ["the washington post"]


def test_seed_reading_convoy_video_is_hedged(seed_claims):
    claim = find(seed_claims, "appeared to show", "convoy")
    assert claim.status == "hedged"
    assert claim.event_type in ("equipment_loss", "strike")


def test_seed_reading_post_confirmed_by_geolocation(seed_claims):
    confirmed = [c for c in seed_claims if c.status == "confirmed"]
    assert confirmed and origin(confirmed[0]) == "nexta"
    assert any(e.kind == "video" and e.method == "geolocation" for e in confirmed[0].evidence)


def test_seed_reading_missile_request_with_loaded_language(seed_claims):
    claim = find(seed_claims, "asking", "missiles")
    assert claim.event_type == "request" and claim.status == "speculative"
    assert origin(claim) == "zelensky"  # Zelensky asks; not the adviser named after him earlier
    assert [(t.text, t.neutral) for t in claim.loaded_language] == [("Biden regime", "Biden administration")]


def test_seed_reading_leverage_is_speculative_from_the_adviser(seed_claims):
    claim = find(seed_claims, "leverage")
    assert claim.status == "speculative" and "advis" in origin(claim)


def test_seed_reading_closing_questions_are_speculative(seed_claims):
    for words in (("Putin", "respond"), ("intensify",)):
        assert find(seed_claims, *words).status == "speculative"
