import pytest

pytestmark = pytest.mark.slow


def status(claims_of, text):
    return [c.status for c in claims_of(text)]


def test_status_tagger_asserted_and_reported(claims_of):
    assert status(claims_of, "The bridge collapsed on Monday.") == ["asserted"]
    assert status(claims_of, "The ministry said the bridge collapsed on Monday.") == ["reported"]


def test_status_tagger_hedged(claims_of):
    assert status(claims_of, "A clip appeared to show tanks entering the village.") == ["hedged"]
    assert status(claims_of, "The militia allegedly looted the warehouse.") == ["hedged"]


def test_status_tagger_reported_to_be_without_a_source_is_hedged(claims_of):
    assert status(claims_of, "The breach is reported to be more than ten kilometres deep.") == ["hedged"]
    assert status(claims_of, "The looting was reported to the police on Monday.") == ["asserted"]


def test_status_tagger_called_untrue_is_denied(claims_of):
    assert status(claims_of, "The story that the dam was mined by its own guards is simply not true.") == ["denied"]
    assert status(claims_of, "Reports that the mayor had fled the city are false, his office said.") == ["denied"]


def test_status_tagger_satellite_imagery_showing_the_claim_confirms_it(claims_of):
    claims = claims_of("Satellite images taken on Friday morning show heavy damage to the depot.")
    assert [c.status for c in claims] == ["confirmed"]


@pytest.mark.parametrize("text", [
    "Drone footage showed the depot burning and debris on the road beside it.",
    "The monitors said their findings were based on satellite imagery and video clips from the scene.",
])
def test_status_tagger_footage_showing_the_claim_or_photos_behind_it_confirm_it(claims_of, text):
    assert "confirmed" in [c.status for c in claims_of(text)]


def test_status_tagger_a_hedge_on_the_imagery_comes_first(claims_of):
    claims = claims_of("The footage appeared to show a burning tank near the bridge.")
    assert [c.status for c in claims] == ["hedged"]


def test_status_tagger_question_a_speaker_left_open_is_unverified_and_not_theirs(claims_of):
    claims = claims_of("The air force said it had shot down ten drones but did not say whether any "
                       "missiles had been intercepted.")
    intercepted = next(c for c in claims if "intercepted" in c.text)
    assert intercepted.status == "unverified"
    assert all(link.cue != "say" for link in intercepted.source_chain)  # the air force said nothing of it


def test_status_tagger_a_source_that_says_how_it_was_checked_confirms(claims_of):
    claims = claims_of("Geolocated footage published on Monday indicates that the brigade advanced "
                       "along the rail line.")
    assert [(c.text, c.status) for c in claims] == [("the brigade advanced along the rail line", "confirmed")]


def test_status_tagger_a_check_of_an_open_question_leaves_the_claim_unverified(claims_of):
    assert status(claims_of, "The agency is still trying to confirm whether the convoy was hit by a drone.")[-1] == "unverified"
    assert status(claims_of, "The ministry confirmed that the convoy was hit by a drone.") == ["confirmed"]


def test_status_tagger_a_document_confirms_unless_the_claim_hedges_itself(claims_of):
    assert status(claims_of, "According to the inspection report, the valve probably failed first.") == ["hedged"]
    assert status(claims_of, "According to the inspection report, the valve failed first.") == ["confirmed"]


def test_status_tagger_writer_not_seeing_confirmation_later_in_the_sentence(claims_of):
    claims = claims_of("A military blogger claimed that the brigade seized the depot, but we have not observed "
                       "confirmation of this claim.")
    assert [(c.text, c.status) for c in claims] == [("the brigade seized the depot", "unverified")]
    claims = claims_of("A military blogger claimed that the brigade seized the depot. We have not observed "
                       "confirmation of this claim.")
    assert [(c.text, c.status) for c in claims] == [("the brigade seized the depot", "unverified")]


def test_status_tagger_unverified_in_same_sentence(claims_of):
    claims = claims_of("Scouts destroyed a radar station, which could not be independently verified.")
    assert claims[0].status == "unverified"


def test_status_tagger_negated_confirmation_is_unverified(claims_of):
    claims = claims_of("The toll of forty dead cited by local channels has not been independently verified.")
    assert [c.status for c in claims] == ["unverified"]
    assert claims[0].status_cues[0].text == "verified"


def test_status_tagger_check_inside_a_subordinate_clause_confirms_nothing_else(claims_of):
    claims = claims_of("The mapping group adds a village only once footage confirmed a position there.")
    assert [c.status for c in claims] == ["asserted"]


def test_status_tagger_confirmed_with_method(claims_of):
    claims = claims_of("Researchers geolocated the video of the strike on the fuel depot.")
    assert claims[0].status == "confirmed"


def test_status_tagger_denied(claims_of):
    claims = claims_of("The defence ministry denied that its aircraft bombed the hospital.")
    assert claims[0].status == "denied"
    assert claims[0].source_chain[0].name == "The defence ministry"


def test_status_tagger_speculative_future_question_request(claims_of):
    assert status(claims_of, "The offensive will stall before winter.") == ["speculative"]
    assert status(claims_of, "Will the garrison surrender?") == ["speculative"]
    claims = claims_of("The mayor is asking the government to send more generators.")
    assert claims[0].status == "speculative" and claims[0].event_type == "request"


@pytest.mark.parametrize("text, expected", [
    ("It is necessary to close the harbour at once, the port office said.", "speculative"),
    ("The union stressed the need for a new crane, its chairman said.", "speculative"),
    ("The bridge needs to be repaired before winter, the mayor said.", "speculative"),
    ("The port office said there was no need for an evacuation.", "reported"),
])
def test_status_tagger_a_necessity_is_a_demand(claims_of, text, expected):
    assert status(claims_of, text)[0] == expected


def test_status_tagger_cues_point_into_text(claims_of, make_document, extractor):
    document = make_document("Witnesses said the depot reportedly burned for hours.")
    claim = extractor.extract(document)[0]
    assert claim.status == "hedged"
    assert [document.text[s:e] for s, e in (cue.span for cue in claim.status_cues)] == ["reportedly"]


def test_status_tagger_later_dismissal_denies_previous_claim(claims_of):
    claims = claims_of("The army said it downed four drones. The governor dismissed the claim as invented.")
    assert [c.status for c in claims] == ["denied", "reported"]
    # a denial names no happening of its own: it is about the one it denies, named before
    assert claims[1].event_type == claims[0].event_type != "other"


def test_status_tagger_call_names_unless_it_calls_for_or_on(claims_of):
    assert status(claims_of, "Kyiv called the strike a war crime.") == ["reported"]
    assert status(claims_of, "The mayor called for calm after the strike.") == ["speculative"]
    assert status(claims_of, "The governor called on residents to leave the district.") == ["speculative"]


def test_status_tagger_the_images_could_not_be_verified_marks_the_claim_before(claims_of):
    claims = claims_of("Photos published by the city council show a burnt-out bus near the market.\n\n"
                       "The images could not be independently verified.")
    assert [(c.text, c.status) for c in claims] == [
        ("Photos published by the city council show a burnt-out bus near the market", "unverified")]


def test_status_tagger_what_a_denier_says_instead_is_not_denied(claims_of):
    claims = claims_of("The General Staff denied the claim, saying its forces were still holding positions "
                       "north of the village.")
    holding = next(c for c in claims if "holding" in c.text)
    assert holding.status == "reported"


def test_status_tagger_could_be_heard_is_no_speculation(claims_of):
    assert status(claims_of, "Explosions could be heard across the city overnight.") == ["asserted"]
    assert status(claims_of, "The strike could cut power to the city again.") == ["speculative"]


def test_status_tagger_which_the_accused_denies_denies_the_accusation(claims_of):
    claims = claims_of("The army accuses the militia of shelling the camp, which the militia denies.")
    assert [(c.status, "denies" in c.text) for c in claims] == [("denied", False)]


@pytest.mark.parametrize("text, expected", [
    # hedges of real reporting
    ("The spokesman said the strike had probably killed dozens of people.", "hedged"),
    ("The crater came from an apparent artillery round, the inspectors said.", "hedged"),
    # not known, not yet checked
    ("“We don’t know who fired the rocket,” the officer said.", "unverified"),
    ("The army said it was looking into the report of a strike on the school.", "unverified"),
    ("It is not possible yet to know how many people drowned.", "unverified"),
    # obligations, demands and what will not happen
    ("“There must be a full investigation of the fire,” the minister said.", "speculative"),
    ("The inspectors should have access to the depot, the envoy said.", "speculative"),
    ("“We won’t be able to count the damage for a week,” he told reporters.", "speculative"),
    # denials in other words than "deny"
    ("The ministry disputes this figure.", "denied"),
    ("A government spokesman said that the army was not involved in the blast.", "denied"),
    ("The militia leader said the report was biased and unfounded.", "denied"),
])
def test_status_tagger_cues_of_real_reporting(claims_of, text, expected):
    assert status(claims_of, text)[0] == expected
