from claimgraph.link import link_claims, relink
from claimgraph.settings import Settings
from tests.link.factories import claim, document, documents, source

RYBAR = source("Rybar", "social", "Russia")
ZELENSKY = source("Volodymyr Zelensky", "official", "Ukraine")
MOD = source("Russian Ministry of Defence", "official", "Russia")
DOCS = documents(document("d1", "2024-08-08"), document("d2", "2024-08-15"), document("d3", "2025-03-13"),
                 document("d4", "2024-08-16"), document("d5", "2024-08-18"), document("d6", "2024-09-30"))


def clusters(events):
    return sorted(sorted(e.claims) for e in events)


def test_cluster_links_reports_of_one_town_from_different_outlets():
    events = link_claims([
        claim("d1:0", "Ukrainian groups have entered the western part of Sudzha", places=("Sudzha",), chain=(RYBAR,)),
        claim("d2:0", "Ukrainian forces have taken full control of the town of Sudzha", places=("Sudzha",), chain=(ZELENSKY,)),
    ], DOCS)
    assert clusters(events) == [["d1:0", "d2:0"]]


def test_cluster_keeps_two_bridges_in_nearby_villages_apart():
    events = link_claims([
        claim("d4:0", "A road bridge over the Seym river near Glushkovo was destroyed", "strike", places=("Glushkovo",)),
        claim("d5:0", "A bridge over the Seym river near Zvannoe was struck", "strike", places=("Zvannoe",)),
    ], DOCS)
    assert clusters(events) == [["d4:0"], ["d5:0"]]


def test_cluster_follows_control_of_a_town_across_months():
    events = link_claims([
        claim("d1:0", "Sudzha is all but encircled", places=("Sudzha",), chain=(RYBAR,)),
        claim("d3:0", "Russian forces have retaken the town of Sudzha", places=("Sudzha",), chain=(MOD,)),
    ], DOCS)
    assert clusters(events) == [["d1:0", "d3:0"]]


def test_cluster_time_window_separates_the_same_words_weeks_apart():
    events = link_claims([
        claim("d4:0", "A bridge over the Seym river near Glushkovo was destroyed", "strike", places=("Glushkovo",)),
        claim("d6:0", "A bridge over the Seym river near Glushkovo was destroyed", "strike", places=("Glushkovo",)),
    ], DOCS)
    assert len(events) == 2


def test_cluster_distance_separates_far_apart_places():
    settings = Settings.load(link_distance_km=50)
    events = link_claims([
        claim("d4:0", "A drone strike hit an energy facility overnight", "strike", places=("Sudzha",)),
        claim("d5:0", "A drone strike hit an energy facility overnight", "strike", places=("Kyiv",)),
    ], DOCS, settings=settings)
    assert len(events) == 2


def test_cluster_type_groups_keep_unrelated_types_apart():
    events = link_claims([
        claim("d4:0", "Residents of Sudzha were taken out by bus", "evacuation", places=("Sudzha",)),
        claim("d4:1", "Residents of Sudzha were taken out by bus", "evacuation", places=("Sudzha",)),
        claim("d5:0", "Residents of Sudzha were taken out by bus", "strike", places=("Sudzha",)),
        claim("d5:1", "Residents of Sudzha were taken out by bus", "strike", places=("Sudzha",)),
    ], DOCS)
    assert clusters(events) == [["d4:0", "d4:1"], ["d5:0", "d5:1"]]


def test_cluster_lone_claim_joins_an_event_it_clearly_fits_whatever_its_type():
    events = link_claims([
        claim("d4:0", "Residents of Sudzha were taken out by bus", "evacuation", places=("Sudzha",)),
        claim("d5:0", "Residents of Sudzha were taken out by bus", "strike", places=("Sudzha",)),
    ], DOCS)
    assert clusters(events) == [["d4:0", "d5:0"]]


def test_cluster_lone_claim_needs_more_than_link_threshold_to_cross_type_groups():
    settings = Settings.load(link_threshold=0.0)  # the shared town alone links within a group
    evacuation = claim("d4:0", "Residents of Sudzha were taken out by bus", "evacuation", places=("Sudzha",))

    def linked_with(event_type):
        return clusters(link_claims([evacuation.model_copy(), claim(
            "d5:0", "Families left their homes overnight", event_type, places=("Sudzha",))], DOCS, settings=settings))

    assert linked_with("civilian_harm") == [["d4:0", "d5:0"]]
    assert linked_with("strike") == [["d4:0"], ["d5:0"]]


def test_cluster_incremental_returns_only_new_or_changed_events_with_stable_ids():
    first = link_claims([
        claim("d1:0", "Sudzha is all but encircled", places=("Sudzha",), chain=(RYBAR,)),
        claim("d4:0", "A bridge over the Seym near Glushkovo was destroyed", "strike", places=("Glushkovo",)),
    ], DOCS)
    sudzha = next(e for e in first if "d1:0" in e.claims)
    later = link_claims([
        claim("d2:0", "Ukrainian forces have taken full control of Sudzha", places=("Sudzha",), chain=(ZELENSKY,)),
    ], DOCS, events=first)
    assert [(e.id, e.claims) for e in later] == [(sudzha.id, ["d1:0", "d2:0"])]


def test_cluster_sets_event_id_on_linked_claims():
    linked = claim("d1:0", "Sudzha is all but encircled", places=("Sudzha",))
    [event] = relink([linked], DOCS)
    assert linked.event_id == event.id


def test_cluster_second_pass_joins_an_event_that_matches_only_as_a_whole():
    docs = documents(document("d4", "2024-08-16"), document("d5", "2024-08-17"), document("d6", "2024-08-18"))
    events = link_claims([
        claim("d4:0", "Glushkovo bridge over the Seym destroyed", "strike"),
        claim("d5:0", "HIMARS rockets brought the crossing down", "strike"),
        claim("d6:0", "The Seym bridge was destroyed when HIMARS rockets hit the crossing", "strike"),
    ], docs)
    assert clusters(events) == [["d4:0", "d5:0", "d6:0"]]


def test_cluster_merging_into_a_stored_event_reports_that_event_as_changed():
    from claimgraph.link.cluster import Linker
    from claimgraph.link.stored import Batch, stored_events
    from claimgraph.link.features import features
    from claimgraph.link.profile import EventProfile
    from claimgraph.link.rules import load_rules

    rules, settings = load_rules(), Settings.load()
    [stored] = link_claims([claim("d4:0", "A bridge over the Seym near Glushkovo was destroyed", "strike")], DOCS)
    opened = features(claim("d5:0", "The bridge over the Seym near Glushkovo was destroyed", "strike"), DOCS, rules)
    linker = Linker([opened], stored_events([stored], Batch.of([]), DOCS, settings, rules, None), settings, rules)
    linker.profiles.append(EventProfile())
    linker.profiles[1].add(opened, linker.idf.vector(opened.tokens), rules)
    assert linker.merge_new_events([1]) == [0]


def test_cluster_keeps_a_facility_apart_from_the_town_it_stands_in():
    events = link_claims([
        claim("d1:0", "Ukrainian groups have entered the town of Sudzha", places=("Sudzha",), chain=(RYBAR,)),
        claim("d1:1", "Video shows Ukrainian soldiers at the gas metering station near Sudzha", "infrastructure",
              places=("Sudzha",), chain=(RYBAR,)),
        claim("d2:0", "Ukrainian forces have taken the town of Sudzha", places=("Sudzha",), chain=(ZELENSKY,)),
    ], DOCS)
    assert clusters(events) == [["d1:0", "d2:0"], ["d1:1"]]


def test_cluster_idf_counts_documents_not_claims():
    from claimgraph.link.stored import document_token_sets
    from claimgraph.link.features import features
    from claimgraph.link.rules import load_rules
    from claimgraph.link.similarity import Idf

    rules = load_rules()
    prepared = [features(claim(i, text), DOCS, rules) for i, text in
                [("d1:0", "Sudzha encircled"), ("d1:1", "Sudzha encircled again"), ("d2:0", "bridge encircled")]]
    idf = Idf(document_token_sets(prepared).values())
    assert idf["sudzha"] == idf["bridge"]


def linked_in_two_batches(load_claim):
    first = [claim("d4:0", "A road bridge over the Seym near Glushkovo was destroyed", "strike"),
             claim("d4:1", "Bloggers said HIMARS rockets had brought the Seym bridge down", "strike")]
    stored = link_claims(first, DOCS)  # one event, summarised by d4:0
    later = claim("d5:0", "Bloggers said HIMARS rockets brought it down", "strike")
    by_id = {c.id: c for c in first}
    return stored, link_claims([later], DOCS, stored, load_claim=by_id.get if load_claim else None)


def test_cluster_incremental_reloads_stored_claims_to_match_relink():
    stored, with_claims = linked_in_two_batches(load_claim=True)
    _, summary_only = linked_in_two_batches(load_claim=False)
    assert [e.id for e in with_claims] == [e.id for e in stored] and with_claims[0].claims == ["d4:0", "d4:1", "d5:0"]
    assert summary_only[0].id != stored[0].id


def test_cluster_reloads_only_stored_events_within_reach_in_time():
    [old] = link_claims([claim("d4:0", "A bridge over the Seym near Glushkovo was destroyed", "strike")], DOCS)
    asked = []
    link_claims([claim("d6:0", "A drone hit a depot", "strike")], DOCS, [old], load_claim=lambda i: asked.append(i))
    link_claims([claim("d5:0", "A drone hit a depot", "strike")], DOCS, [old], load_claim=lambda i: asked.append(i))
    assert asked == ["d4:0"]


def test_cluster_reloads_a_stored_event_naming_a_town_of_the_batch_over_the_lasting_window():
    encircled = claim("d1:0", "Heavy fighting around Sudzha", "armed_clash", places=("Sudzha",), day="2024-08-08")
    [old] = link_claims([encircled], DOCS)
    asked = []
    later = claim("d3:0", "Russian forces have retaken Sudzha", places=("Sudzha",), day="2025-03-13")
    elsewhere = claim("d3:0", "Russian forces have retaken Korenevo", places=("Korenevo",), day="2025-03-13")
    for batch in (later, elsewhere):
        link_claims([batch], DOCS, [old], load_claim=lambda i: asked.append(i))
    assert asked == ["d1:0"]
