import pytest

pytestmark = pytest.mark.slow


def test_claim_segmenter_splits_coordinated_predicates(claims_of):
    claims = claims_of("The battalion crossed the river, shelled the depot, and seized a railway station.")
    assert len(claims) == 3
    assert all(c.actors and c.actors[0].text == "The battalion" for c in claims)
    assert [c.event_type for c in claims][2] == "territorial_change"  # a site seized is ground taken


def test_claim_segmenter_an_actor_is_named_without_an_age_beside_it(claims_of):
    [claim] = claims_of("One woman, Maria Petrenko, 71, had waded across the flooded street.")
    assert [a.text for a in claim.actors] == ["One woman, Maria Petrenko"]


def test_claim_segmenter_retro_sentence_is_not_a_claim(claims_of):
    claims = claims_of("Rebels say they shot down a helicopter. This claim could not be independently verified.")
    assert len(claims) == 1
    assert claims[0].status == "unverified"


def test_claim_segmenter_a_report_saying_that_is_a_claim_not_a_comment(claims_of):
    claims = claims_of("The port office said two cranes were damaged. The report notes that the quay was flooded.")
    assert [(c.text, c.source_chain[0].name) for c in claims][1] == ("the quay was flooded", "The report")


def test_claim_segmenter_failed_check_of_an_account_is_no_claim(claims_of):
    claims = claims_of("The governor said drones hit the fuel depot. The Harbour Desk could not independently "
                       "verify the governor's account.")
    assert len(claims) == 1 and claims[0].status == "unverified"


def test_claim_segmenter_inferred_clause_is_a_hedged_claim_of_its_own(claims_of):
    claims = claims_of("The crater lies east of Kherson, which suggests the strike came from the river.")
    assert [(c.text, c.status) for c in claims] == [
        ("The crater lies east of Kherson", "asserted"), ("the strike came from the river", "hedged")]
    assert not any(c.source_chain for c in claims)


def test_claim_segmenter_heading_without_a_verb_is_no_claim(claims_of):
    claims = claims_of("Key points from our morning briefing\n\nThe ferry to the island stopped running.")
    assert [c.text for c in claims] == ["The ferry to the island stopped running"]


def test_claim_segmenter_sentence_about_both_previous_figures_is_no_claim(claims_of):
    claims = claims_of("Kyiv said 40 drones were downed. Moscow said it lost none. Neither figure could be "
                       "independently checked.")
    assert len(claims) == 2 and claims[-1].status == "unverified"


@pytest.mark.parametrize("text", [
    "ODESA (Harbour Desk) \u2014 The port's new harbour master, Ivan Lutsenko, said two tugs had sunk.",
    "ODESA (Harbour Desk) \u2014 The port's harbour master, Ivan Lutsenko, closed the outer channel on Monday.",
    # the clause a closing "…, the governor said" reports, with the dateline hung on it
    "ODESA, Ukraine (Harbour Desk) \u2014 Drones struck a grain terminal in the port overnight, "
    "starting a fire, the regional governor said on Tuesday.",
    # the parser splits the dateline and hangs its tail on the clause
    "Harbour Workers Strike\n\nKHERSON, Ukraine (Wire) - Rebel gunners opened fire on the plant overnight.",
])
def test_claim_segmenter_dateline_is_no_claim_and_no_part_of_one(claims_of, text):
    claims = claims_of(text)
    assert claims and not any(word in claim.text for claim in claims for word in ("ODESA", "Desk", "Wire"))


def test_claim_segmenter_hedged_relative_clause_is_its_own_claim(claims_of):
    claims = claims_of("Drones hit a barge that reportedly carried fuel.")
    texts = [c.text for c in claims]
    assert any(t.startswith("a barge reportedly carried fuel") for t in texts)
    assert [c.status for c in claims] == ["asserted", "hedged"]


def test_claim_segmenter_ids_and_spans(claims_of, make_document, extractor):
    document = make_document("The army retreated. Aid trucks arrived at noon.")
    claims = extractor.extract(document)
    assert [c.id for c in claims] == [f"{document.id}:0", f"{document.id}:1"]
    assert all(document.text[c.span[0]: c.span[1]] in c.text for c in claims)
    assert all(c.document_id == document.id for c in claims)


def test_claim_segmenter_a_us_president_is_not_the_writer_commenting(claims_of):
    # "US" lower-cased is "us": the sentence is no first-person comment on the one before
    claims = claims_of("The army said the town held. US President Donald Trump had said on Friday that thousands "
                       "of soldiers were surrounded, and the Kremlin later repeated the claim.")
    assert any(c.text.startswith("thousands of soldiers were surrounded") for c in claims)


def test_claim_segmenter_subject_hung_on_an_auxiliary_stays_with_its_clause(claims_of):
    claims = claims_of("More than 300 homes were damaged, and at least 12 schools were closed.\n\n"
                       "The school year will start late.")
    assert [c.text for c in claims][:2] == ["More than 300 homes were damaged", "at least 12 schools were closed"]


def test_claim_segmenter_appended_comment_marks_the_claims_before_and_is_part_of_none(claims_of):
    claims = claims_of("The command said the dam had been mined and blown up from the inside, a claim the Herald "
                       "could not verify.")
    assert claims and all("a claim" not in c.text and c.status == "unverified" for c in claims)
    claims = claims_of("Kyiv says the shelling of the city was staged by the occupiers themselves, a claim Moscow "
                       "rejects.")
    assert [(c.text, c.status) for c in claims] == [
        ("the shelling of the city was staged by the occupiers themselves", "denied")]


def test_claim_segmenter_relative_clause_hung_on_a_source_is_a_claim_of_its_own(claims_of):
    claims = claims_of("Russia has repeatedly said it does not target civilians, a claim contradicted by UN "
                       "monitors, who have documented thousands of civilian deaths since February 2022.")
    assert "UN monitors have documented thousands of civilian deaths since February 2022" in [c.text for c in claims]
    assert [link.name for link in claims[0].source_chain] == ["Russia"]


def test_claim_segmenter_a_toll_after_a_comma_is_a_claim_of_its_own(claims_of):
    claims = claims_of("The ministry said rockets struck the depot, killing 12 soldiers and leaving 30 wounded.")
    assert [c.text for c in claims] == ["rockets struck the depot", "killing 12 soldiers and leaving 30 wounded"]
    assert [c.event_type for c in claims] == ["strike", "casualties"]
    assert all(c.source_chain and c.source_chain[0].name == "The ministry" for c in claims)


def test_claim_segmenter_another_act_joined_to_a_consequence_is_a_claim_of_its_own(claims_of):
    claims = claims_of("The army answered the raid by sealing the border, cutting the valley off from "
                       "its markets, and shelling the villages along the river.")
    assert [c.text for c in claims][-2:] == ["cutting the valley off from its markets",
                                             "shelling the villages along the river"]


def test_claim_segmenter_a_verdict_after_a_comma_is_a_claim_of_its_own(claims_of):
    claims = claims_of("A missile strike hit a school on Monday, marking — if the toll holds — the deadliest attack "
                       "on the town this year.")
    assert [c.text for c in claims] == ["A missile strike hit a school on Monday",
                                        "marking — if the toll holds — the deadliest attack on the town this year"]
    assert claims[0].status == "asserted"


def test_claim_segmenter_a_participle_that_ranks_nothing_stays(claims_of):
    claims = claims_of("The mapping group updated its map of the region on Tuesday, marking new areas around "
                       "the town as contested.")
    assert len(claims) == 1


def test_claim_segmenter_the_attack_that_caused_a_harm_is_a_claim_of_its_own(claims_of):
    claims = claims_of("The operator said a technician was injured when drones struck the substation on Friday.")
    assert [c.text for c in claims] == ["a technician was injured", "when drones struck the substation on Friday"]
    assert [c.event_type for c in claims] == ["casualties", "strike"]
    assert all(c.source_chain and c.source_chain[0].name == "The operator" for c in claims)


def test_claim_segmenter_a_harm_told_with_a_clause_of_no_attack_stays_one_claim(claims_of):
    claims = claims_of("A soldier was wounded when he tried to cross the river.")
    assert [c.text for c in claims] == ["A soldier was wounded when he tried to cross the river"]


def test_claim_segmenter_a_participle_of_speech_stays_with_its_clause(claims_of):
    claims = claims_of("The army shelled the town, saying it targeted fighters.")
    assert [c.text for c in claims] == ["The army shelled the town", "it targeted fighters"]


def test_claim_segmenter_an_outcome_after_a_comma_is_a_claim_of_its_own(claims_of):
    claims = claims_of("The dam burst overnight, unleashing a wall of water on the villages below.")
    assert [c.text for c in claims] == ["The dam burst overnight", "unleashing a wall of water on the villages below"]


def test_claim_segmenter_a_clause_of_time_with_a_subject_of_its_own_is_a_claim_of_its_own(claims_of):
    claims = claims_of("The shelling was the heaviest in weeks since the army began its offensive in March.")
    assert [c.text for c in claims] == ["The shelling was the heaviest in weeks",
                                        "the army began its offensive in March"]
    claims = claims_of("Smoke rose over the port as drones attacked the city.")
    assert [c.text for c in claims] == ["Smoke rose over the port", "drones attacked the city"]


def test_claim_segmenter_a_clause_of_time_on_a_cue_is_a_claim_of_its_own(claims_of):
    claims = claims_of("As anger spread through the region, the rebels said they would fight on.")
    assert [c.text for c in claims] == ["anger spread through the region", "they would fight on"]
    assert claims[0].source_chain == []


def test_claim_segmenter_what_happened_at_a_place_is_the_writers_claim_of_its_own(claims_of):
    claims = claims_of("The aid agency on Monday asked to inspect a camp where scores of detainees died "
                       "in a blast two days before.")
    assert [(c.text, c.status, [s.name for s in c.source_chain]) for c in claims] == [
        ("The aid agency on Monday asked to inspect a camp", "speculative", ["The aid agency"]),
        ("where scores of detainees died in a blast two days before", "asserted", [])]


def test_claim_segmenter_a_place_clause_inside_a_report_stays_reported(claims_of):
    claims = claims_of("The ministry said the shell hit a school where 40 people died.")
    assert all([s.name for s in c.source_chain] == ["The ministry"] for c in claims)


def test_claim_segmenter_a_named_actor_acting_in_a_deeper_clause_of_time_is_a_claim_of_its_own(claims_of):
    claims = claims_of("Families have taken shelter in the school hoping to avoid the fighting "
                       "after Moscow cut off the town's water.")
    assert [c.text for c in claims] == ["Families have taken shelter in the school hoping to avoid the fighting",
                                        "Moscow cut off the town's water"]


@pytest.mark.parametrize("text", [
    # its subject is a pronoun: it refers back to the clause it hangs on
    "Residents must leave the area before they are cut off.",
    # it describes a noun of a clause that is no claim of its own
    "Officials described a bombardment that began after the militia crossed the border.",
    # a copula tells the state the happening took place in
    "The bridge was hit while the ferry was empty.",
])
def test_claim_segmenter_a_clause_of_time_that_tells_no_happening_of_its_own_stays_with_its_clause(claims_of, text):
    assert len(claims_of(text)) == 1
