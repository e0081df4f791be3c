import pytest
import numpy as np

from claimgraph.link.cluster import Linker
from claimgraph.link.features import features
from claimgraph.link.pairs import FEATURES, NAMES, mean_features, merged_features, pair_features
from claimgraph.link.profile import profile_of
from claimgraph.link.rules import load_rules
from claimgraph.link.scorer import PairModel
from claimgraph.link.stored import Stored
from claimgraph.settings import Settings
from tests.link.factories import claim, document, documents, source

RULES = load_rules()
DOCS = documents(document("d1", "2024-08-08"), document("d2", "2024-08-08"), document("d3", "2024-08-09"))


def weighed(*claims):
    """Claims as the linker sees them, their words weighed over the articles in play."""
    prepared = [features(c, DOCS, RULES) for c in claims]
    Linker(prepared, Stored(), Settings.load(), RULES, PairModel((0.0,) * len(NAMES), {}))
    return prepared


def named(values):
    return dict(zip(NAMES, values))


def test_pairs_every_feature_is_named_and_described():
    assert NAMES == tuple(FEATURES)
    assert all(FEATURES.values())


def test_pairs_two_reports_of_one_strike_share_type_words_and_place():
    a, b = weighed(claim("d1:0", "Rockets hit the bridge near Glushkovo", "strike", places=("Glushkovo",)),
                   claim("d2:0", "Rockets hit the bridge at Glushkovo overnight", "strike", places=("Glushkovo",)))
    pair = named(pair_features(a, b, RULES))
    assert pair["bias"] == 1 and pair["same_type"] == 1 and pair["same_place"] == 1 and pair["other_place"] == 0
    assert pair["claim_words"] > 0.5 and pair["same_kind"] == 1 and pair["other_kinds"] == 0
    assert pair["same_article"] == 0


def test_pairs_a_toll_beside_the_strike_is_told_apart_by_its_number():
    strike, toll = weighed(claim("d1:0", "A missile struck the prison", "strike"),
                           claim("d1:1", "At least 40 prisoners were killed", "casualties"))
    pair = named(pair_features(strike, toll, RULES))
    assert pair["one_counted"] == 1 and pair["same_count"] == 0 and pair["same_type"] == 0
    assert pair["related_types"] == 1 and pair["same_article"] == 1 and pair["next_sentence"] == 1


def test_pairs_other_days_are_a_feature_only_when_both_claims_give_them():
    on_fifth, on_seventh, undated = weighed(claim("d1:0", "Shells hit the plant", "strike", day="2024-08-05"),
                                            claim("d2:0", "Shells hit the plant", "strike", day="2024-08-07"),
                                            claim("d3:0", "Shells hit the plant", "strike"))
    assert named(pair_features(on_fifth, on_seventh, RULES))["other_day"] == 1
    assert named(pair_features(on_fifth, undated, RULES))["other_day"] == 0


def test_pairs_a_run_of_attacks_is_told_apart_from_one_strike():
    strike, run, other_run = weighed(claim("d1:0", "A drone hit the fuel depot", "strike"),
                                     claim("d1:1", "Drones kept attacking towns in the region", "strike"),
                                     claim("d2:0", "Nightly drone attacks go on across the region", "strike"))
    assert named(pair_features(strike, run, RULES))["pattern"] == 1
    assert named(pair_features(run, other_run, RULES))["pattern"] == 0
    assert named(pair_features(strike, strike, RULES))["pattern"] == 0


def at_night(found):
    """The claim with its day named as a night's ("overnight")."""
    return found.model_copy(update={"time": found.time.model_copy(update={"text": "overnight"})})


def test_pairs_two_days_are_other_days_unless_one_is_a_night_s_which_may_be_either_day_beside_it():
    shells = "Shells hit the plant"
    fifth, sixth, night, eighth = weighed(claim("d1:0", shells, "strike", day="2024-08-05"),
                                          claim("d2:0", shells, "strike", day="2024-08-06"),
                                          at_night(claim("d2:1", shells, "strike", day="2024-08-06")),
                                          claim("d3:0", shells, "strike", day="2024-08-08"))
    assert night.night and not sixth.night
    assert named(pair_features(fifth, sixth, RULES))["other_day"] == 1
    assert named(pair_features(fifth, night, RULES))["other_day"] == 0
    assert named(pair_features(night, fifth, RULES))["other_day"] == 0
    assert named(pair_features(night, eighth, RULES))["other_day"] == 1


CENTROID = {"claim_centroid", "context_centroid"}  # cosines with the event's centroid, not means of pairs


def without_centroid(values):
    return [v for name, v in zip(NAMES, values) if name not in CENTROID]


def test_pairs_the_mean_over_an_event_is_the_mean_of_the_pairs():
    claims = weighed(claim("d1:0", "Rockets hit the bridge near Glushkovo", "strike", places=("Glushkovo",)),
                     claim("d2:0", "Forty people were killed", "casualties", places=("Sudzha",), day="2024-08-07"),
                     claim("d3:0", "The bridge collapsed", "infrastructure", day="2024-08-09"),
                     claim("d3:1", "Residents were evacuated", "evacuation"))
    new, members = claims[0], claims[1:]
    pairs = [without_centroid(pair_features(new, m, RULES)) for m in members]
    expected = [sum(column) / len(pairs) for column in zip(*pairs)]
    assert without_centroid(mean_features(new, profile_of(members), RULES)) == pytest.approx(expected)


def test_pairs_a_claim_s_cosine_with_an_event_s_centroid_is_that_of_a_pair_for_one_claim():
    a, b = weighed(claim("d1:0", "Rockets hit the bridge near Glushkovo", "strike"),
                   claim("d2:0", "Rockets hit the bridge at Glushkovo", "strike"))
    pair = named(pair_features(a, b, RULES))
    assert pair["claim_centroid"] == pytest.approx(pair["claim_words"])
    assert pair["context_centroid"] == pytest.approx(pair["context_words"])


def test_pairs_merged_features_average_over_both_events_claims():
    a, b, c = weighed(claim("d1:0", "Rockets hit the bridge", "strike"), claim("d2:0", "The bridge collapsed", "strike"),
                      claim("d3:0", "Residents were evacuated", "evacuation"))
    first, second = profile_of([a]), profile_of([b, c])
    first.members = [a]
    assert merged_features(first, second, RULES) == pytest.approx(mean_features(a, second, RULES))


def test_pairs_speech_acts_are_told_apart_by_their_speakers():
    icrc, guterres = source("International Committee of the Red Cross"), source("UN Secretary-General")
    asked, asked_again, other = weighed(
        claim("d1:0", "Access to the prison must be granted", "request", chain=(icrc,)),
        claim("d2:0", "Access to the prison must be granted at once", "request", chain=(icrc,)),
        claim("d3:0", "Access to the prison must be granted", "request", chain=(guterres,)))
    assert named(pair_features(asked, asked_again, RULES))["same_speaker"] == 1
    assert named(pair_features(asked, other, RULES))["other_speaker"] == 1


def test_pairs_a_happening_told_by_two_speakers_is_no_speech_act():
    by_icrc, by_un = weighed(claim("d1:0", "A blast hit the prison", "strike", chain=(source("ICRC"),)),
                             claim("d2:0", "A blast hit the prison", "strike", chain=(source("UN"),)))
    pair = named(pair_features(by_icrc, by_un, RULES))
    assert pair["same_speaker"] == pair["other_speaker"] == 0


def test_pairs_claims_the_classifier_is_equally_unsure_about_tell_of_one_kind_of_happening():
    """same_happening compares the two claims' happening distributions (Bhattacharyya
    coefficient), not the chance that both are one type: an unsure 0.5 / 0.3 / 0.2 on both is
    alike, it and a sure evacuation are not."""
    from claimgraph.link.happening import TYPES, HappeningModel

    unsure = np.log(np.array([{"strike": 0.5, "infrastructure": 0.3}.get(t, 0.2 / (len(TYPES) - 2)) for t in TYPES]))
    sure_evacuation = np.where(np.array(TYPES) == "evacuation", 20.0, 0.0)
    happening = HappeningModel(np.zeros(len(TYPES)), {"type:infrastructure": unsure,
                                                      "type:evacuation": sure_evacuation})
    prepared = [features(c, DOCS, RULES) for c in (
        claim("d1:0", "This was deliberate sabotage", "infrastructure"),
        claim("d2:0", "Saboteurs did it on purpose", "infrastructure"),
        claim("d3:0", "Residents were evacuated", "evacuation"))]
    Linker(prepared, Stored(), Settings.load(), RULES, PairModel((0.0,) * len(NAMES), {}, happening))
    first, second, evacuation = prepared
    assert named(pair_features(first, second, RULES))["same_happening"] == pytest.approx(1.0)
    assert named(pair_features(first, evacuation, RULES))["same_happening"] < 0.2
