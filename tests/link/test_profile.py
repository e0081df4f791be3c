from claimgraph.link.profile import facility_score, place_score, type_score
from claimgraph.link.rules import load_rules

RULES = load_rules()


def test_profile_only_the_same_known_type_earns_a_bonus():
    same, unknown, different = (type_score("strike", other, RULES) for other in ("strike", None, "evacuation"))
    assert same > 0 == unknown == different and type_score(None, None, RULES) == 0


def test_profile_facility_and_town_are_different_objects():
    assert facility_score(frozenset({"station"}), frozenset(), RULES) < 0
    assert facility_score(frozenset({"bridge"}), frozenset({"station"}), RULES) < 0
    assert facility_score(frozenset({"any"}), frozenset({"bridge"}), RULES) == 0
    assert facility_score(frozenset({"bridge"}), frozenset({"bridge", "dam"}), RULES) == 0


def test_profile_a_shared_town_earns_nothing_between_a_facility_and_the_town():
    from claimgraph.link.profile import where_score

    town_and_town = where_score(({"sudzha"}, {"sudzha"}), (frozenset(), frozenset()), RULES)
    station_and_town = where_score(({"sudzha"}, {"sudzha"}), (frozenset({"station"}), frozenset()), RULES)
    assert town_and_town == RULES.weights["place"] and station_and_town == -RULES.weights["facility_missing"]


def test_profile_claims_measuring_held_ground_belong_together():
    from claimgraph.link.profile import extent_score

    assert extent_score(True, True, RULES) > 0 == extent_score(False, False, RULES)
    assert extent_score(True, False, RULES) < 0 and extent_score(False, True, RULES) < 0
