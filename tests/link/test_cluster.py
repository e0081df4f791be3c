import pytest

from claimgraph.link import link_claims, relink
from claimgraph.link.cluster import days_apart_within, in_time
from claimgraph.link.features import features
from claimgraph.link.profile import profile_of
from claimgraph.link.rules import load_rules
from claimgraph.settings import Settings
from tests.link.factories import claim, document, documents, source

RULES = load_rules()
RYBAR = source("Rybar", "social", "Russia")
ZELENSKY = source("Volodymyr Zelensky", "official", "Ukraine")
MOD = source("Russian Ministry of Defence", "official", "Russia")
DOCS = documents(document("d1", "2024-08-08"), document("d2", "2024-08-09"), document("d3", "2024-10-30"),
                 document("d4", "2024-08-16"), document("d5", "2024-08-18"), document("d6", "2024-09-30"))
BRIDGE = "Rockets destroyed the road bridge over the Seym river near Glushkovo"


def clusters(events):
    return sorted(sorted(e.claims) for e in events)


def test_cluster_links_one_report_carried_by_two_outlets():
    events = link_claims([claim("d1:0", BRIDGE, "strike", places=("Glushkovo",), chain=(RYBAR,)),
                          claim("d2:0", BRIDGE, "strike", places=("Glushkovo",), chain=(ZELENSKY,))], DOCS)
    assert clusters(events) == [["d1:0", "d2:0"]]


def test_cluster_time_window_separates_the_same_words_weeks_apart():
    events = link_claims([claim("d4:0", BRIDGE, "strike", places=("Glushkovo",)),
                          claim("d6:0", BRIDGE, "strike", places=("Glushkovo",))], DOCS)
    assert len(events) == 2


def test_cluster_distance_separates_far_apart_places():
    settings = Settings.load(link_distance_km=50)
    events = link_claims([claim("d4:0", "A drone strike hit an energy facility overnight", "strike", places=("Sudzha",)),
                          claim("d5:0", "A drone strike hit an energy facility overnight", "strike", places=("Kyiv",))],
                         DOCS, settings=settings)
    assert len(events) == 2


def test_cluster_a_claim_joins_no_event_of_another_story():
    docs = documents(document("a1", "2024-08-16", text="The Seym bridge at Glushkovo was destroyed by rockets. "
                                                        "Glushkovo residents said the bridge fell into the Seym."),
                     document("b1", "2024-08-16", text="The central bank raised interest rates to curb inflation. "
                                                        "Traders said the interest rate rise was expected."))
    events = link_claims([claim("a1:0", "A strike hit overnight", "strike"),
                          claim("b1:0", "A strike hit overnight", "strike")], docs)
    assert len({e.story_id for e in events}) == 2 and len(events) == 2


def test_cluster_incremental_returns_only_new_or_changed_events_with_stable_ids():
    first = link_claims([claim("d1:0", BRIDGE, "strike", places=("Glushkovo",))], DOCS)
    later = link_claims([claim("d2:0", BRIDGE, "strike", places=("Glushkovo",), chain=(MOD,))], DOCS,
                        events=first, load_claim={"d1:0": claim("d1:0", BRIDGE, "strike", places=("Glushkovo",))}.get)
    assert [(e.id, e.claims, e.story_id) for e in later] == [(first[0].id, ["d1:0", "d2:0"], first[0].story_id)]


def test_cluster_without_a_claim_loader_stored_events_are_left_as_they_are():
    first = link_claims([claim("d1:0", BRIDGE, "strike", places=("Glushkovo",))], DOCS)
    [later] = link_claims([claim("d2:0", BRIDGE, "strike", places=("Glushkovo",))], DOCS, events=first)
    assert later.id != first[0].id and later.claims == ["d2:0"]


def test_cluster_sets_event_id_on_linked_claims():
    linked = claim("d1:0", BRIDGE, "strike")
    [event] = relink([linked], DOCS)
    assert linked.event_id == event.id


def test_cluster_reloads_only_stored_events_within_reach_in_time():
    [old] = link_claims([claim("d4:0", BRIDGE, "strike")], DOCS)
    asked = []
    link_claims([claim("d6:0", "A drone hit a depot", "strike")], DOCS, [old], load_claim=lambda i: asked.append(i))
    link_claims([claim("d5:0", "A drone hit a depot", "strike")], DOCS, [old], load_claim=lambda i: asked.append(i))
    assert asked == ["d4:0"]


def test_cluster_days_must_fit_the_window_and_a_missing_day_never_blocks():
    assert days_apart_within(1, 10, 9) and days_apart_within(10, 1, 9) and not days_apart_within(1, 11, 9)
    assert days_apart_within(None, 11, 1) and days_apart_within(11, None, 1)


def test_cluster_a_claim_is_in_time_within_the_window_of_the_days_the_event_gives():
    docs = documents(document("d1", "2024-08-09"), document("d3", "2024-08-30"))
    event = profile_of([features(claim("d1:0", BRIDGE, "strike", day="2024-08-08"), docs, RULES)])
    window = Settings.load().link_window_days
    assert in_time(features(claim("d1:1", BRIDGE, "strike"), docs, RULES), event, window)
    assert not in_time(features(claim("d3:0", BRIDGE, "strike"), docs, RULES), event, window)


def test_cluster_one_claim_recalling_an_older_day_keeps_no_report_of_the_event_away():
    docs = documents(document("d1", "2024-08-09"), document("d3", "2024-08-15"))
    recalled = features(claim("d1:0", "The offensive began on July 30", "armed_clash", day="2024-07-30"), docs, RULES)
    event = profile_of([features(claim(f"d1:{n}", BRIDGE, "strike", day="2024-08-08"), docs, RULES)
                        for n in (1, 2)] + [recalled])
    window = Settings.load().link_window_days
    assert in_time(features(claim("d3:0", BRIDGE, "strike"), docs, RULES), event, window)


def test_cluster_an_article_looking_back_dates_its_other_claims_by_the_day_it_tells_of():
    from claimgraph.link.features import date_articles

    docs = documents(document("d3", "2024-10-30"))
    dated = features(claim("d3:0", "The blast on August 8 killed dozens", "strike", day="2024-08-08"), docs, RULES)
    undated = features(claim("d3:1", "Evidence suggested a misfired rocket caused it", "strike"), docs, RULES)
    date_articles([dated, undated], Settings.load().link_window_days)
    assert undated.day == dated.dated and undated.dated is None


@pytest.mark.parametrize("line_break", ["\n\n", "\n"])  # a paragraph is a line, blank lines or not
def test_cluster_an_undated_claim_takes_the_day_given_before_it_in_its_paragraph_only(line_break):
    from claimgraph.link.features import date_articles

    text = f"On August 5 the army fired twice at the plant. The first attack came at noon.{line_break}Workers hid in bunkers."
    docs = documents(document("d7", "2024-08-07", text=text))

    def sentence(number: int, words: str, day=None):
        start = text.index(words)
        found = claim(f"d7:{number}", words, "strike", day=day)
        return features(found.model_copy(update={"span": (start, start + len(words)),
                                                 "sentence_span": (start, start + len(words))}), docs, RULES)
    dated = sentence(0, "On August 5 the army fired twice at the plant.", day="2024-08-05")
    next_one = sentence(1, "The first attack came at noon.")
    next_paragraph = sentence(2, "Workers hid in bunkers.")
    date_articles([next_paragraph, next_one, dated], Settings.load().link_window_days)
    assert next_one.dated == dated.dated and next_paragraph.dated is None
    assert next_one.day == next_one.published  # the time window still reads the article's date


def test_cluster_events_of_clusters_builds_one_event_per_given_cluster():
    from claimgraph.link import events_of_clusters

    same_words = [claim("d1:0", BRIDGE, "strike", chain=(RYBAR,)), claim("d2:0", BRIDGE, "strike", chain=(ZELENSKY,))]
    apart = [claim("d1:1", "A drone hit a depot", "strike", chain=(MOD,))]
    events = events_of_clusters([same_words[:1], same_words[1:] + apart], DOCS)
    assert clusters(events) == [["d1:0"], ["d1:1", "d2:0"]]
    assert [c.event_id for c in same_words + apart] == [events[0].id, events[1].id, events[1].id]
    assert events[1].independent_sources == 2 and events[1].status == "corroborated"


LOOKING_BACK = documents(document("d3", "2024-10-30"))


def two_sentences_of_august_8():
    return [features(claim(f"d3:{n}", text, "strike", day="2024-08-08"), LOOKING_BACK, RULES)
            for n, text in enumerate(["The blast on August 8 killed dozens", "On August 8 the depot burned"])]


def test_cluster_an_article_looking_back_is_dated_by_the_day_most_of_its_dated_sentences_give():
    from claimgraph.link.features import date_articles

    docs = LOOKING_BACK
    told = two_sentences_of_august_8()
    asked = features(claim("d3:2", "Questions were sent two weeks ago", "statement", day="2024-10-16"), docs, RULES)
    undated = features(claim("d3:3", "The report was biased", "strike"), docs, RULES)
    date_articles(told + [asked, undated], Settings.load().link_window_days)
    assert undated.day == told[0].dated


def test_cluster_a_sentence_cut_into_claims_gives_its_day_once():
    from claimgraph.link.features import date_articles

    docs = LOOKING_BACK
    told = two_sentences_of_august_8()
    sentence = "Two weeks ago the agency was asked questions, asked for a delay, and told to wait"
    asked = [features(claim(f"d3:{n}", part, "statement", day="2024-10-16").model_copy(
                 update={"sentence_span": (0, len(sentence))}), docs, RULES)
             for n, part in enumerate(sentence.split(", "), start=2)]
    undated = features(claim("d3:9", "The report was biased", "strike"), docs, RULES)
    date_articles(told + asked + [undated], Settings.load().link_window_days)
    assert undated.day == told[0].dated


def test_cluster_an_article_mostly_about_recent_days_is_not_looking_back():
    from claimgraph.link.features import date_articles

    docs = documents(document("d3", "2024-10-30"))
    old = features(claim("d3:0", "Gas stopped on August 8", "infrastructure", day="2024-08-08"), docs, RULES)
    new = features(claim("d3:1", "The town was retaken on Tuesday", "territorial_change", day="2024-10-29"), docs, RULES)
    undated = features(claim("d3:2", "Troops left the centre", "territorial_change"), docs, RULES)
    date_articles([old, new, undated], Settings.load().link_window_days)
    assert undated.day == undated.published


def test_cluster_the_same_request_by_another_speaker_is_another_event():
    from claimgraph.link.cluster import speech_of_others, within_reach

    settings, docs = Settings.load(), documents(document("d1"), document("d2"))
    asked = [features(claim(f"d1:{n}", "The Red Cross must be given access to the prison", "request",
                            chain=(source("Red Cross", "ngo"),)), docs, RULES) for n in (0, 1)]
    event = profile_of(asked)
    same_words_other_speaker = features(claim("d2:0", "The Red Cross must be given access to the prison", "request",
                                              chain=(source("President of Ukraine"),)), docs, RULES)
    same_speaker = features(claim("d2:1", "The Red Cross must be given access to the prison", "request",
                                  chain=(source("Red Cross", "ngo"),)), docs, RULES)
    assert speech_of_others(same_words_other_speaker.speakers, event, RULES)
    assert not within_reach(same_words_other_speaker, event, settings, RULES)
    assert within_reach(same_speaker, event, settings, RULES)
    # a happening the speakers talk of is no speech act: anyone's report of it may join
    strike = profile_of([features(claim("d1:2", BRIDGE, "strike", chain=(RYBAR,)), docs, RULES)])
    assert not speech_of_others(same_words_other_speaker.speakers, strike, RULES)
