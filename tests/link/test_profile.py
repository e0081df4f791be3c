from claimgraph.link.features import features
from claimgraph.link.profile import EventProfile, profile_of
from claimgraph.link.rules import load_rules
from tests.link.factories import claim, document, documents

RULES = load_rules()
DOCS = documents(document("d1", "2024-08-08"), document("d2", "2024-08-12"))


def prepared(claim_id, text, event_type="strike", **fields):
    return features(claim(claim_id, text, event_type, **fields), DOCS, RULES)


def test_profile_counts_what_its_claims_are():
    event = profile_of([prepared("d1:0", "Shells hit the plant", places=("Sudzha",)),
                        prepared("d2:0", "Three workers were killed", "casualties")])
    assert event.size == 2 and event.types == {"strike": 1, "casualties": 1}
    assert event.articles == {"d1": 1, "d2": 1} and event.places[None] == 1
    assert event.kinds["attack"] == 1 and event.kinds["casualty"] == 1 and event.kinds[None] == 2


def test_profile_core_day_is_the_day_most_claims_give_before_the_days_they_were_reported():
    from datetime import date

    event = profile_of([prepared("d2:0", "Shells hit the plant"), prepared("d2:1", "Shells hit the plant"),
                        prepared("d1:0", "Shells hit the plant", day="2024-08-05")])
    assert event.core_day == date(2024, 8, 5).toordinal()
    undated = profile_of([prepared("d2:0", "Shells hit the plant"), prepared("d1:0", "Shells hit it"),
                          prepared("d2:1", "Shells hit the plant")])
    assert undated.core_day == date(2024, 8, 12).toordinal()


def test_profile_take_moves_the_new_claims_and_empties_the_other():
    first, second = EventProfile(), EventProfile()
    first.add(prepared("d1:0", "Shells hit the plant"))
    second.add(prepared("d2:0", "Shells hit the plant again"))
    first.take(second)
    assert [m.claim.id for m in first.members] == ["d1:0", "d2:0"] and first.size == 2
    assert not second.is_live and second.members == []
