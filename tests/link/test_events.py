import numpy as np

from claimgraph.link import link_claims
from claimgraph.link.events import event_id, main_type
from claimgraph.link.happening import TYPES
from claimgraph.link.profile import EventProfile
from claimgraph.link.rules import load_rules
from claimgraph.model import Evidence, TimeSpan
from tests.link.factories import claim, document, documents, quantity, source

ZELENSKY = source("Volodymyr Zelensky", "official", "Ukraine")
BLOGGER = source("Northern Front Notes", "social", "Russia")
SMIRNOV = source("Alexei Smirnov", "official", "Russia")


def one_event(claims, docs, **kwargs):
    [event] = link_claims(claims, docs, **kwargs)
    return event


def prisoner_claims():
    return [
        claim("d1:0", "Ukrainian forces captured more than 100 Russian servicemen in the Kursk region", "prisoners",
              chain=(ZELENSKY,), quantities=(quantity("more than 100 Russian servicemen", 100, "prisoners"),)),
        claim("d2:0", "Only a few dozen Russian servicemen were captured in the Kursk region", "prisoners",
              chain=(BLOGGER,), status="hedged", quantities=(quantity("a few dozen", 24, "prisoners", high=36),)),
    ]


def test_events_quantities_are_summarised_per_unit_and_conflicts_dispute_the_event():
    docs = documents(document("d1", "2024-08-14"), document("d2", "2024-08-14"))
    event = one_event(prisoner_claims(), docs)
    assert (event.quantities["prisoners"]["min"], event.quantities["prisoners"]["max"]) == (24, 100)
    assert [c.kind for c in event.contradictions] == ["quantity"]
    assert event.status == "disputed"


def test_events_summary_comes_from_the_best_supported_claim():
    docs = documents(document("d1", "2024-08-14"), document("d2", "2024-08-14"))
    event = one_event(prisoner_claims(), docs)
    assert event.summary.startswith("Ukrainian forces captured")


def test_events_summary_prefers_a_claim_that_names_what_it_is_about():
    docs = documents(document("d1", "2024-08-14"), document("d2", "2024-08-14"))
    event = one_event([
        claim("d1:0", "It captured more than 100 Russian servicemen in the Kursk region", "prisoners",
              chain=(ZELENSKY,), status="confirmed"),
        claim("d2:0", "Ukrainian forces captured more than 100 Russian servicemen in the Kursk region", "prisoners",
              chain=(BLOGGER,)),
    ], docs)
    assert event.summary.startswith("Ukrainian forces captured")


def test_events_summary_prefers_a_claim_naming_the_happening_to_a_remark_beside_it():
    docs = documents(document("d1", "2024-08-14"), document("d2", "2024-08-14"))
    event = one_event([
        claim("d1:0", "Before the war Sudzha had about 5,000 residents", "territorial_change", chain=(ZELENSKY,),
              status="confirmed"),
        claim("d2:0", "Ukrainian troops entered Sudzha", "territorial_change", chain=(BLOGGER,)),
    ], docs)
    assert event.summary.startswith("Ukrainian troops entered")


def test_events_history_reads_in_date_order():
    docs = documents(document("d1", "2024-08-12"), document("d2", "2024-08-13"))
    event = one_event([
        claim("d1:0", "121,000 people were evacuated from the Kursk border districts", "evacuation", chain=(SMIRNOV,)),
        claim("d2:0", "121,000 people were evacuated from the Kursk border districts", "evacuation",
              chain=(source("Meridian Wire", "media"),)),
    ], docs)
    assert [(h.date, h.status) for h in event.history] == [("2024-08-12", "claimed"), ("2024-08-13", "corroborated")]
    assert (event.first_seen, event.last_seen, event.documents) == ("2024-08-12", "2024-08-13", 2)


def test_events_the_writer_s_own_background_adds_no_origin():
    docs = documents(document("d1", "2024-08-12", outlet="Meridian Wire"), document("d2", "2024-08-12"))
    event = one_event([
        claim("d1:0", "121,000 people were evacuated from the Kursk border districts", "evacuation", chain=(SMIRNOV,)),
        claim("d2:0", "121,000 people were evacuated from the Kursk border districts", "evacuation", status="asserted"),
    ], docs)
    assert event.origins == ["Alexei Smirnov"] and event.status == "claimed"


def test_events_syndicated_copy_adds_no_independent_source():
    text = "The acting governor said 121,000 people had left the danger zone"
    original = [claim("d1:0", text, "evacuation", chain=(SMIRNOV,))]
    copy = claim("d2:0", text, "evacuation", chain=(SMIRNOV,))
    docs = documents(document("d1", "2024-08-12", author="Sergei Volkov"),
                     document("d2", "2024-08-12", author="Danube Desk", duplicate_of="d1"))
    alone = one_event(original, docs)
    with_copy = one_event(original + [copy], docs)
    assert with_copy.independent_sources == alone.independent_sources == 1


def test_events_geolocation_by_a_second_party_confirms():
    docs = documents(document("d1", "2024-08-09", author="NEXTA"), document("d2", "2024-08-09", author="GeoTrace Desk"))
    event = one_event([
        claim("d1:0", "Video shows a destroyed convoy of Russian trucks near Oktyabrskoye", "equipment_loss",
              places=("Oktyabrskoye",), status="reported", chain=(source("NEXTA", "social"),)),
        claim("d2:0", "We geolocated the video of the destroyed convoy of trucks to Oktyabrskoye", "equipment_loss",
              places=("Oktyabrskoye",), status="confirmed", evidence=(Evidence(kind="video", publisher="NEXTA"),)),
    ], docs)
    assert event.status == "confirmed" and event.origins == ["NEXTA"]


def test_events_incremental_conflict_with_stored_claims_is_found():
    docs = documents(document("d1", "2024-0814"[:8] + "-14"), document("d2", "2024-08-14"))
    first, second = prisoner_claims()
    stored = link_claims([first], docs)
    [event] = link_claims([second], docs, events=stored, load_claim={first.id: first}.get)
    assert event.id == event_id("d1:0") and [c.kind for c in event.contradictions] == ["quantity"]


def test_events_history_records_a_town_changing_hands():
    docs = documents(document("d1", "2024-08-08"), document("d2", "2024-08-15"), document("d3", "2025-03-13"))
    event = one_event([
        claim("d1:0", "Sudzha is all but encircled", places=("Sudzha",), chain=(BLOGGER,)),
        claim("d2:0", "Ukrainian forces have taken full control of Sudzha", places=("Sudzha",), chain=(ZELENSKY,)),
        claim("d3:0", "Russian forces have retaken the town of Sudzha", places=("Sudzha",),
              chain=(source("Russian Ministry of Defence", "official", "Russia"),)),
    ], docs)
    assert [(h.date, h.outcome) for h in event.history] == [
        ("2024-08-08", "encircled"), ("2024-08-15", "held"), ("2025-03-13", "retaken")]
    assert [h.status for h in event.history] == ["claimed", "corroborated", "corroborated"]


def test_events_a_source_under_two_names_counts_once():
    docs = documents(document("d1", "2025-03-13"), document("d2", "2025-03-14"))
    event = one_event([
        claim("d1:0", "Russian forces have retaken the town of Sudzha", places=("Sudzha",),
              chain=(source("Defence ministry spokesman Igor Konashenkov", "official", "Russia"),)),
        claim("d2:0", "Russian forces have retaken the town of Sudzha", places=("Sudzha",),
              chain=(source("Konashenkov", "official", "Russia"),)),
    ], docs)
    assert event.independent_sources == 1


def test_events_headline_starts_with_a_capital():
    from claimgraph.link.events import headline

    assert headline("the bridge had collapsed") == "The bridge had collapsed"


def test_events_a_claim_dated_by_year_is_shown_on_its_publication_day():
    docs = documents(document("d1", "2024-08-12"))
    in_a_year = claim("d1:0", "The steel plant at Mariupol was captured in 2022", "territorial_change",
                      chain=(SMIRNOV,)).model_copy(update={"time": TimeSpan(
                          text="in 2022", start="2022-01-01", end="2022-12-31", precision="year", resolved=True)})
    event = one_event([in_a_year], docs)
    assert (event.first_seen, event.last_seen) == ("2024-08-12", "2024-08-12")


def test_events_location_is_the_most_specific_best_supported_place():
    docs = documents(document("d1", "2024-08-14"), document("d2", "2024-08-14"), document("d3", "2024-08-14"))
    event = one_event([
        claim("d1:0", "Ukrainian forces entered Korenevo and Sudzha", places=("Korenevo", "Sudzha")),
        claim("d2:0", "Ukrainian forces entered Sudzha, officials said", places=("Sudzha",), chain=(ZELENSKY,)),
        claim("d3:0", "Ukrainian forces entered Sudzha", places=("Sudzha",), chain=(BLOGGER,)),
    ], docs)
    assert event.location.text == "Sudzha"  # two claims are located there, one at Korenevo; never their average


def profile_of_types(types, happening):
    """A profile whose claims have these types and whose happening probabilities add up so."""
    profile = EventProfile()
    profile.types.update(types)
    profile.happening = np.array([happening.get(t, 0.0) for t in TYPES])
    return profile


def test_events_type_is_the_claims_most_common_type_whatever_the_happening_sum():
    profile = profile_of_types({"infrastructure": 3, "strike": 2}, {"strike": 4.0, "infrastructure": 1.0})
    assert main_type(profile, load_rules()) == "infrastructure"


def test_events_type_between_types_as_common_follows_the_happening_sum():
    profile = profile_of_types({"strike": 1, "civilian_harm": 1}, {"strike": 0.7, "civilian_harm": 1.3})
    assert main_type(profile, load_rules()) == "civilian_harm"


def test_events_type_leaves_out_wildcard_types():
    profile = profile_of_types({"other": 3, "strike": 1}, {"other": 3.0, "strike": 1.0})
    assert main_type(profile, load_rules()) == "strike"


def test_events_a_speaker_heard_only_on_another_matter_adds_no_origin():
    from claimgraph.link.cluster import events_of_clusters

    docs = documents(document("d1", "2024-08-10"), document("d2", "2024-08-10"), document("d3", "2024-08-10"))
    [event] = events_of_clusters([[
        claim("d1:0", "Drones struck the bridge at Glushkovo", "strike", chain=(ZELENSKY,)),
        claim("d2:0", "The bridge at Glushkovo was hit by a drone", "strike", chain=(SMIRNOV,)),
        claim("d2:1", "The bridge's loss will cut supplies to thousands", "statement",
              chain=(source("UN aid coordinator", "international", None),)),
        claim("d3:0", "Something happened at the bridge", "other", chain=(BLOGGER,)),
    ]], docs)
    assert event.event_type == "strike"
    assert sorted(event.origins) == ["Alexei Smirnov", "Northern Front Notes", "Volodymyr Zelensky"]
    assert event.independent_sources == 3
