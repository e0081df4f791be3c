from datetime import date

from claimgraph.link import link_claims
from claimgraph.link.day_split import anchored_day, split_by_day, split_days
from claimgraph.link.features import features
from claimgraph.link.profile import EventProfile
from claimgraph.link.rules import load_rules
from tests.link.factories import claim, document, documents

RULES = load_rules()
AUG_5, AUG_7 = date(2022, 8, 5).toordinal(), date(2022, 8, 7).toordinal()
DOCS = documents(*(document(name, "2022-08-08") for name in "abcd"))


def told(claim_id: str, sentence: int, day=None, night=False, event_type="strike"):
    """A claim of sentence `sentence` of its article giving `day` (an ordinal) itself."""
    found = features(claim(claim_id, f"Shells hit the plant ({claim_id})", event_type), DOCS, RULES)
    found.sentence, found.dated, found.night = sentence, day, night
    return found


def event_of(*claims) -> EventProfile:
    profile = EventProfile()
    for member in claims:
        profile.add(member)
    return profile


def ids(part: EventProfile) -> set[str]:
    return {member.claim.id for member in part.members}


def never(claim, part) -> float:
    raise AssertionError("every claim here has a dated claim near it")


def test_day_split_needs_two_days_each_given_by_enough_claims():
    assert split_days([told("a:0", 0, AUG_5), told("a:1", 1, AUG_5), told("b:0", 0, AUG_7)], 2) == []
    both = [told("a:0", 0, AUG_5), told("a:1", 1, AUG_5), told("b:0", 0, AUG_7), told("b:1", 1, AUG_7)]
    assert split_days(both, 2) == [AUG_5, AUG_7]


def test_day_split_a_night_opens_no_part_since_it_may_be_either_day_beside_it():
    nights = [told("a:0", 0, AUG_5), told("a:1", 1, AUG_5), told("b:0", 0, AUG_7, True), told("b:1", 1, AUG_7, True)]
    assert split_days(nights, 2) == []


def test_day_split_an_undated_claim_goes_with_the_nearest_dated_claim_of_its_article():
    anchors = [(told("b:0", 0, AUG_5), AUG_5), (told("b:4", 4, AUG_7), AUG_7)]
    assert anchored_day(told("b:3", 3), anchors, 3) == AUG_7
    assert anchored_day(told("b:2", 2), anchors, 3) == AUG_5  # as near to both: the one before it
    assert anchored_day(told("b:9", 9), anchors, 3) is None  # too far from both, which differ
    assert anchored_day(told("c:9", 9), [(told("c:0", 0, AUG_7), AUG_7)], 3) == AUG_7  # its article gives one day
    assert anchored_day(told("a:1", 1), anchors, 3) is None  # another article


def test_day_split_a_strike_told_of_two_days_becomes_two_events():
    friday = [told("a:0", 0, AUG_5), told("a:1", 1), told("b:0", 0, AUG_5)]
    sunday = [told("b:4", 4, AUG_7), told("b:5", 5), told("c:0", 0, AUG_7)]
    parts = split_by_day(event_of(*friday, *sunday), RULES, never)
    assert [ids(part) for part in parts] == [{"a:0", "a:1", "b:0"}, {"b:4", "b:5", "c:0"}]


def test_day_split_a_night_joins_the_part_of_the_evening_it_begins_and_takes_its_neighbours_along():
    friday = [told("a:0", 0, AUG_5), told("b:0", 0, AUG_5)]
    sunday = [told("b:4", 4, AUG_7), told("c:0", 0, AUG_7)]
    night = [told("d:3", 3, AUG_5, night=True), told("d:4", 4)]
    parts = split_by_day(event_of(*friday, *sunday, *night), RULES, never)
    assert {"d:3", "d:4"} <= ids(parts[0])


def test_day_split_a_claim_far_from_any_day_goes_to_the_part_it_fits_best():
    dated = [told("a:0", 0, AUG_5), told("b:0", 0, AUG_5), told("b:4", 4, AUG_7), told("c:0", 0, AUG_7)]
    loose = told("c:9", 9)
    parts = split_by_day(event_of(*dated, loose), RULES, lambda member, part: float("b:4" in ids(part)))
    assert "c:9" in ids(parts[1])


def test_day_split_leaves_a_casualty_toll_told_over_days_whole():
    toll = [told("a:0", 0, AUG_5, event_type="casualties"), told("b:0", 0, AUG_5, event_type="casualties"),
            told("b:4", 4, AUG_7, event_type="casualties"), told("c:0", 0, AUG_7, event_type="casualties")]
    assert split_by_day(event_of(*toll), RULES, never) == []


def test_day_split_linking_keeps_two_shellings_of_one_plant_on_two_days_apart():
    docs = documents(document("p", "2022-08-06"), document("q", "2022-08-08"))
    claims = [claim("p:0", "Artillery shelled the nuclear plant on Friday", "strike", day="2022-08-05"),
              claim("p:1", "Artillery shelled the nuclear plant and its power line on Friday", "strike", day="2022-08-05"),
              claim("q:0", "Artillery shelled the nuclear plant on Sunday", "strike", day="2022-08-07"),
              claim("q:1", "Artillery shelled the nuclear plant and its power line on Sunday", "strike", day="2022-08-07")]
    link_claims(claims, docs)
    assert claims[0].event_id == claims[1].event_id != claims[2].event_id == claims[3].event_id


def test_day_split_a_stored_event_joined_by_another_day_s_reports_keeps_its_id_and_its_own_day():
    docs = documents(document("p", "2022-08-06"), document("q", "2022-08-08"))

    def friday():
        return [claim("p:0", "Artillery shelled the nuclear plant on Friday", "strike", day="2022-08-05"),
                claim("p:1", "Artillery shelled the nuclear plant and its power line on Friday", "strike",
                      day="2022-08-05")]
    [stored] = link_claims(friday(), docs)
    sunday = [claim("q:0", "Artillery shelled the nuclear plant on Sunday", "strike", day="2022-08-07"),
              claim("q:1", "Artillery shelled the nuclear plant and its power line on Sunday", "strike", day="2022-08-07")]
    changed = link_claims(sunday, docs, [stored], load_claim={c.id: c for c in friday()}.get)
    assert sorted(e.claims for e in changed) == [["p:0", "p:1"], ["q:0", "q:1"]]
    assert next(e.id for e in changed if e.claims == ["p:0", "p:1"]) == stored.id
    assert sunday[0].event_id == sunday[1].event_id != stored.id
