import pytest

from claimgraph.link.similarity import Idf, TokenProfile, haversine_km


def test_similarity_idf_weighs_rare_words_more():
    idf = Idf([["sudzha", "bridge"], ["sudzha", "convoy"], ["sudzha"]])
    assert idf["bridge"] > idf["sudzha"]


def test_similarity_profile_cosine_of_an_identical_claim_is_one():
    idf = Idf([["bridge", "seym"], ["convoy"]])
    profile = TokenProfile()
    profile.add(idf.vector(["bridge", "seym"]))
    assert profile.cosine(idf.vector(["bridge", "seym"])) == pytest.approx(1.0)
    assert profile.cosine(idf.vector(["convoy"])) == 0.0


def test_similarity_haversine_sudzha_to_glushkovo_is_about_47_km():
    assert haversine_km((51.19, 35.27), (51.34, 34.63)) == pytest.approx(47, abs=3)
