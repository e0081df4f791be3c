from claimgraph.link.contradictions import ConflictLog, Statement
from claimgraph.link.rules import load_rules
from tests.link.factories import quantity, town

RULES = load_rules()


def statement(claim_id, day=100, quantities=(), outcomes=(), places=(), denied=False):
    towns = [town(p) for p in places]
    return Statement(claim_id, day, list(quantities), set(outcomes), [(t.lat, t.lon) for t in towns],
                     {t.name for t in towns}, denied)


def kinds(new, *earlier):
    log = ConflictLog(RULES)
    for statement in earlier:
        log.remember(statement)
    return [c.kind for c in log.check(new)]


def test_contradictions_numbers_beyond_their_approximation():
    many = statement("a", quantities=[quantity("more than 100 prisoners", 100, "prisoners")])
    few = statement("b", quantities=[quantity("a few dozen", 24, "prisoners", high=36)])
    assert kinds(few, many) == ["quantity"]


def test_contradictions_approximate_numbers_that_overlap_agree():
    about = statement("a", quantities=[quantity("about 1,000 km²", 1000, "km2", approximate=True)])
    close = statement("b", quantities=[quantity("1,150 km²", 1150, "km2")])
    assert kinds(close, about) == []


def test_contradictions_different_units_are_not_compared():
    area = statement("a", quantities=[quantity("1,000 km²", 1000, "km2")])
    villages = statement("b", quantities=[quantity("28 settlements", 28, "settlements")])
    assert kinds(villages, area) == []


def test_contradictions_denial_contradicts_even_months_later():
    assert kinds(statement("b", day=300, denied=True), statement("a", day=100)) == ["denial"]


def test_contradictions_incompatible_outcomes_at_the_same_time():
    assert kinds(statement("b", outcomes={"repelled"}), statement("a", outcomes={"held"})) == ["outcome"]


def test_contradictions_outcomes_months_apart_are_history():
    assert kinds(statement("b", day=300, outcomes={"retaken"}), statement("a", outcomes={"held"})) == []


def test_contradictions_places_far_apart():
    assert kinds(statement("b", places=("Kyiv",)), statement("a", places=("Sudzha",))) == ["place"]
    assert kinds(statement("b", places=("Zvannoe",)), statement("a", places=("Glushkovo",))) == []


def test_contradictions_each_denial_is_reported_once():
    log = ConflictLog(RULES)
    found = [log.check(s) for s in (statement("a"), statement("b", denied=True), statement("c"), statement("d"))]
    assert [[c.kind for c in f] for f in found] == [[], ["denial"], [], []]


def test_contradictions_two_measures_in_one_unit_agree_with_the_same_two():
    depth_and_width = [quantity("up to 12 kilometres", 12, "km"), quantity("about 40 kilometres", 40, "km")]
    assert kinds(statement("b", quantities=depth_and_width), statement("a", quantities=depth_and_width)) == []
