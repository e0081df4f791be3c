from claimgraph.link.features import claim_day, claim_tokens, features, located_places, outcomes_of, stem
from claimgraph.link.rules import load_rules
from claimgraph.model import Document
from tests.link.factories import claim, document, source, town

RULES = load_rules()


def test_features_stem_merges_inflections():
    assert stem("encircled") == stem("encircles") == "encircl"
    assert stem("bus") == "bus"  # too short to strip


def test_features_claim_day_prefers_resolved_time_over_publication():
    doc = document("d1", published="2024-08-15")
    assert claim_day(claim("d1:0", "x", day="2024-08-07"), doc) < claim_day(claim("d1:1", "x"), doc)


def test_features_tokens_drop_dateline_and_source_names():
    text = "KYIV (Meridian Wire) — Rybar said Sudzha is encircled"
    doc = Document(id="d1", text=text)
    said = claim("d1:0", text, chain=(source("Rybar", "social"),)).model_copy(update={"sentence_span": (0, len(text))})
    assert set(claim_tokens(said, doc, RULES)) == {"sudzha", "encircl"}


def test_features_places_come_from_the_sentence_but_not_the_dateline():
    text = "LONDON (Wire) — Fighting reached Sudzha. Other news."
    london = town("Sudzha").model_copy(update={"text": "LONDON", "name": "London", "span": (0, 6), "lat": 51.5})
    sudzha = town("Sudzha").model_copy(update={"span": (33, 39)})
    doc = Document(id="d1", text=text, places=[london, sudzha])
    fighting = claim("d1:0", "Fighting reached Sudzha").model_copy(update={"sentence_span": (0, 40)})
    assert [p.name for p in located_places(fighting, doc)] == ["Sudzha"]


def test_features_outcomes_are_found_by_stem_and_phrase():
    assert outcomes_of("Russian troops retook the town", RULES) == {"retaken"}
    assert outcomes_of("its troops are holding back the attack", RULES) == {"repelled"}


def test_features_wildcard_type_is_compared_with_every_group():
    unknown = features(claim("d1:0", "x", "other"), {"d1": document("d1")}, RULES)
    assert set(unknown.groups) == set(RULES.type_groups)


def test_features_outcomes_only_for_types_that_report_control():
    docs = {"d1": document("d1")}
    assert features(claim("d1:0", "121,000 people have left", "evacuation"), docs, RULES).outcomes == set()
    assert features(claim("d1:1", "Ukrainian troops have left Sudzha"), docs, RULES).outcomes == {"withdrawn"}
