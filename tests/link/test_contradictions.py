from claimgraph.link.contradictions import ConflictLog, Statement
from claimgraph.link.rules import load_rules
from tests.link.factories import quantity, town

RULES = load_rules()


def statement(claim_id, day=100, quantities=(), outcomes=(), places=(), denied=False, measure="captured",
              side=None, doers=()):
    towns = [town(p) for p in places]
    return Statement(claim_id, day, list(quantities), set(outcomes), [(t.lat, t.lon) for t in towns],
                     frozenset(t.name for t in towns), denied, {n: measure for n in range(len(quantities))} if measure
                     else {}, side, frozenset(doers))


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


def test_contradictions_numbers_of_different_measures_are_not_compared():
    border = statement("a", quantities=[quantity("8 km from the border", 8, "km")], measure=None)
    plant = statement("b", quantities=[quantity("45 km from the plant", 45, "km")], measure=None)
    killed = statement("c", quantities=[quantity("40 killed", 40, "people")], measure="killed")
    wounded = statement("d", quantities=[quantity("75 wounded", 75, "people")], measure="injured")
    assert kinds(plant, border) == [] and kinds(wounded, killed) == []


def test_contradictions_any_word_for_people_is_one_unit():
    forty = statement("a", quantities=[quantity("40 people", 40, "people")], measure="killed", side="Russia")
    prisoners = statement("b", quantities=[quantity("53 prisoners", 53, "prisoners")], measure="killed",
                          side="Ukraine")
    assert kinds(prisoners, forty) == ["quantity"]


def test_contradictions_a_later_figure_from_the_same_side_is_an_update():
    first = statement("a", day=100, quantities=[quantity("40 people", 40, "people")], measure="killed", side="Russia")
    later = statement("b", day=101, quantities=[quantity("53 people", 53, "people")], measure="killed", side="Russia")
    assert kinds(later, first) == []


def test_contradictions_a_number_measures_what_the_words_after_it_name():
    from claimgraph.link.contradictions import measures_of
    from claimgraph.link.features import features
    from tests.link.factories import claim, document

    docs = {"d1": document("d1")}
    toll = claim("d1:0", "40 people were killed and 75 were wounded", "casualties",
                 quantities=(quantity("40 people", 40, "people"), quantity("75", 75, "people")))
    vague = claim("d1:1", "many people were killed", "casualties", quantities=(quantity("many people", 10, "people"),))
    distance = claim("d1:2", "a village 8 km from the border", "strike", quantities=(quantity("8 km", 8, "km"),))
    assert measures_of(features(toll, docs, RULES), RULES) == {0: "killed", 1: "injured"}
    assert measures_of(features(vague, docs, RULES), RULES) == {} == measures_of(features(distance, docs, RULES), RULES)


def test_contradictions_doers_of_opposite_sides_contradict():
    ukraine = statement("a", doers=("Ukraine",))
    russia = statement("b", doers=("Russia",))
    assert kinds(russia, ukraine) == ["responsibility"] and kinds(statement("c", doers=("Russia",)), russia) == []


def test_contradictions_only_a_happening_at_one_spot_conflicts_on_place():
    from claimgraph.link.contradictions import spot_of
    from claimgraph.link.features import features
    from tests.link.factories import claim, document, documents

    docs = documents(document("d1"))
    strike = features(claim("d1:0", "Rockets hit Sudzha", "strike", places=("Sudzha",)), docs, RULES)
    flood = features(claim("d1:1", "Water flooded Sudzha", "civilian_harm", places=("Sudzha",)), docs, RULES)
    assert spot_of(strike, RULES) == strike.place_keys and strike.place_keys
    assert spot_of(flood, RULES) == frozenset()  # a flood reaches many towns: two of them are no conflict
