import pytest

pytestmark = pytest.mark.slow


def event_types(claims_of, text):
    return [c.event_type for c in claims_of(text)]


def first_type(claims_of, text):
    """The type of the sentence's first claim (a clause after it may be a claim of its own)."""
    return event_types(claims_of, text)[0]


def only_type(claims_of, text):
    types = event_types(claims_of, text)
    assert len(types) == 1, types
    return types[0]


@pytest.mark.parametrize("text, event_type", [
    ("Marines captured the hill after a long march.", "territorial_change"),
    ("The brigade took forty prisoners.", "prisoners"),
    ("Fierce battles raged near the airport road.", "armed_clash"),
    ("Artillery destroyed a column of tanks.", "equipment_loss"),
    ("The spokesman declined to comment.", "statement"),
    ("The council met to discuss the school calendar.", "other"),
    ("The foreign minister condemned the missile strikes.", "statement"),
    ("The shelling of the port is unacceptable.", "statement"),  # a verdict is an opinion
    ("The shelling of the port was heavy.", "strike"),
    ("The senator backed the new school budget.", "statement"),
    ("The mayor called for calm after the blast.", "request"),
    ("A firm called Northwind won the contract.", "other"),
    ("The army denied the shelling of the village.", "strike"),
    ("The two foreign ministers held talks in Vienna.", "diplomacy"),
    ("The rebels committed a new act of terrorism at the port facilities.", "strike"),
    ("Both sides accused each other of engaging in terrorism.", "strike"),
    ("Families trapped in the valley are running out of bread and medicine.", "civilian_harm"),
    ("Volunteers could not get the children out of the flooded district.", "evacuation"),
])
def test_event_typer_trigger_lemmas(claims_of, text, event_type):
    assert claims_of(text)[0].event_type == event_type


@pytest.mark.parametrize("text", [
    "Artillery units shelled the power station overnight.",
    "Rockets struck the grain terminal at the port.",
    "The navy delivered a strike on the radar station.",
])
def test_event_typer_attack_predicate_beats_a_facility_object(claims_of, text):
    assert only_type(claims_of, text) == "strike"


@pytest.mark.parametrize("text", [
    "The old railway bridge collapsed on Sunday.",
    "The reservoir dam was destroyed overnight.",
    "The town has been without power since Friday.",
])
def test_event_typer_damage_or_outage_without_an_attack_is_infrastructure(claims_of, text):
    assert only_type(claims_of, text) == "infrastructure"


@pytest.mark.parametrize("text, event_type", [
    ("The governor accused the rebels of blowing up the bridge.", "infrastructure"),
    ("The army blamed the militia for the shelling of the market.", "strike"),
    ("The two sides traded blame over the explosion at the depot.", "strike"),
    ("The defence ministry denied targeting the water plant.", "strike"),
    ("The minister blamed the opposition.", "statement"),
])
def test_event_typer_blame_takes_the_type_of_the_blamed_act(claims_of, text, event_type):
    assert only_type(claims_of, text) == event_type


def test_event_typer_responsibility_naming_no_act_is_about_the_act_before(claims_of):
    claims = claims_of("A missile hit the depot near the river on Monday night. "
                       "The army said it was not responsible.")
    verdict = next(c for c in claims if "responsible" in c.text)
    assert verdict.event_type == "strike"


@pytest.mark.parametrize("text", [
    "A missile hit the prison barracks at dawn. It was a deliberate war crime, a mass murder of captives.",
    "A missile hit the prison barracks on Friday. This provocation was meant to frighten prisoners of war.",
    "A missile hit the prison barracks on Friday. This massacre of prisoners was planned.",
])
def test_event_typer_a_verdict_on_a_happening_named_before_takes_its_type(claims_of, text):
    assert [c.event_type for c in claims_of(text)] == ["strike", "strike"]


@pytest.mark.parametrize("text", [
    "A missile hit the prison barracks at dawn. The army released the intercepted recording.",
    "A missile hit the prison barracks at dawn. The governor's office posted a video.",
])
def test_event_typer_evidence_made_public_is_about_the_happening_named_before(claims_of, text):
    assert [c.event_type for c in claims_of(text)] == ["strike", "strike"]


def test_event_typer_blame_for_a_verdict_is_about_the_happening_named_before(claims_of):
    claims = claims_of("A missile hit the prison barracks on Friday. The governor accused the rebels of a massacre.")
    assert [c.event_type for c in claims] == ["strike", "strike"]


def test_event_typer_a_verdict_on_a_named_happening_keeps_the_subjects_type(claims_of):
    # a guard: the subject named the type before verdicts were read too
    assert only_type(claims_of, "The collapse of the bridge was an act of terror against the town.") == "infrastructure"


def test_event_typer_subject_before_a_relative_clause(claims_of):
    assert only_type(claims_of, "Two explosions shook the barracks where the militia held its captives.") == "strike"


@pytest.mark.parametrize("text", [
    "Hundreds of homes were flooded after the river rose.",
    "Water levels in the lower town rose by four metres.",
    "About 30 villages were underwater on Wednesday.",
    "Some 200 square kilometres of farmland lay underwater.",
])
def test_event_typer_flooding_is_civilian_harm_and_land_underwater_is_not_taken(claims_of, text):
    assert first_type(claims_of, text) == "civilian_harm"


@pytest.mark.parametrize("text, event_type", [
    ("Eleven workers were hospitalized with burns.", "casualties"),
    ("Rescuers recovered the bodies of two fishermen.", "casualties"),
    ("Several residents drowned in their cellars.", "casualties"),
    ("The strike killed 14 people.", "casualties"),
    ("A blast killed several guards at the gate.", "strike"),
    ("The flooding caused dozens of deaths.", "casualties"),
])
def test_event_typer_casualties_and_a_toll_against_the_attack_that_caused_it(claims_of, text, event_type):
    assert only_type(claims_of, text) == event_type


@pytest.mark.parametrize("text", [
    "Inspectors must have access to the site.",
    "There should be an independent inquiry into the fire.",
    "The mayor stressed the need for more shelters.",
    "The council has a duty to protect the tenants.",
])
def test_event_typer_obligations_and_appeals_are_requests(claims_of, text):
    assert only_type(claims_of, text) == "request"


def test_event_typer_must_have_done_is_no_request(claims_of):
    assert only_type(claims_of, "The convoy must have left the city before dawn.") != "request"


@pytest.mark.parametrize("text", [
    "The UN will send a fact-finding mission to the camp.",
    "Moscow invited Red Cross experts to examine the site.",
])
def test_event_typer_missions_and_invitations_are_diplomacy(claims_of, text):
    assert only_type(claims_of, text) == "diplomacy"


@pytest.mark.parametrize("text", [
    "The agency voiced deep concern about the fighting near the reactor.",
    "The envoy warned of a humanitarian catastrophe.",
])
def test_event_typer_concern_and_warnings_are_statements(claims_of, text):
    assert only_type(claims_of, text) == "statement"


@pytest.mark.parametrize("text, event_type", [
    ("Rebel fighters seized the airport on Tuesday.", "territorial_change"),
    ("The brigade captured 40 enemy soldiers.", "prisoners"),
    ("Shops in the occupied city reopened on Monday.", "other"),
])
def test_event_typer_what_is_captured_decides(claims_of, text, event_type):
    assert only_type(claims_of, text) == event_type


@pytest.mark.parametrize("text, event_type", [
    ("Air defences shot down a helicopter near the border.", "equipment_loss"),
    ("The helicopter was insured for two million dollars.", "other"),
])
def test_event_typer_equipment_is_lost_only_when_something_befalls_it(claims_of, text, event_type):
    assert only_type(claims_of, text) == event_type


def test_event_typer_background_phrase_comes_last(claims_of):
    assert only_type(claims_of, "Thousands were evacuated after the destruction of the dam.") == "evacuation"


@pytest.mark.parametrize("text, event_type", [
    ("The border guards were taken by the raiders.", "prisoners"),
    ("Buses took residents out of the valley.", "other"),
    ("The garrison had been encircled in the forest.", "territorial_change"),
])
def test_event_typer_taking_people_is_prisoners_only_for_fighters(claims_of, text, event_type):
    assert only_type(claims_of, text) == event_type


@pytest.mark.parametrize("text, event_type", [
    ("The garrison repelled the attack on the bridge.", "armed_clash"),
    ("The troops held back the attack for two days.", "armed_clash"),
    ("The two sides exchanged 90 prisoners of war on Friday.", "prisoners"),
    ("The army retook the village on Sunday.", "territorial_change"),
])
def test_event_typer_fighting_and_exchanges(claims_of, text, event_type):
    assert only_type(claims_of, text) == event_type


def test_event_typer_what_a_shared_video_shows(claims_of):
    text = "A video that shows a row of burnt-out army trucks was posted on Monday, as the offensive entered its third week."
    assert first_type(claims_of, text) == "equipment_loss"


def test_event_typer_a_compound_inside_a_two_word_trigger_is_not_read_alone(claims_of):
    assert only_type(claims_of, "Rockets hit the detention center near the airfield.") == "strike"
    assert only_type(claims_of, "Guards moved the men into the detention center.") == "prisoners"


def test_event_typer_supplied_things_are_described_not_supplied(claims_of):
    assert only_type(claims_of, "US-supplied rockets landed near the square.") == "strike"


@pytest.mark.parametrize("text, event_type", [
    ("Germany will send more air defence systems to Ukraine.", "military_aid"),
    ("The agency delivered blankets and tents to the town.", "other"),
    ("The rebels took control of the river port.", "territorial_change"),
    ("The mayor had been told about the plan in advance.", "other"),
])
def test_event_typer_supplies_take_control_and_idioms(claims_of, text, event_type):
    assert only_type(claims_of, text) == event_type


@pytest.mark.parametrize("text, event_type", [
    # the last claim of the paragraph naming a happening
    ("Rockets struck the fuel depot on Monday night. The circumstances of the incident are being examined.", "strike"),
    ("Floodwater covered the lower town. The situation there is catastrophic.", "civilian_harm"),
    # a denial or a blamed act naming nothing typed
    ("Shelling hit the central market at dawn.\n\nThe defence ministry disputes this account.", "strike"),
    ("Shelling hit the central market at dawn.\n\nThe mayor accused the rebels of what had happened.", "strike"),
    # no paragraph before names one: the document's first claim that does (its headline)
    ("Three tanks destroyed near the river crossing\n\nShells hit two trucks on the road.\n\n"
     "The governor declined to comment.\n\nPolice sealed off the area on Tuesday.",
     "equipment_loss"),
    # a toll opens the document: its main happening is what caused it
    ("Twelve people were killed in the town on Sunday.\n\nRockets hit the bus station at noon.\n\n"
     "Police sealed off the area on Tuesday.", "strike"),
])
def test_event_typer_a_claim_naming_no_happening_takes_the_one_named_before(claims_of, text, event_type):
    assert claims_of(text)[-1].event_type == event_type


@pytest.mark.parametrize("text", [
    "Rockets struck the fuel depot on Monday night. A team of engineers arrived at the site a week later.",
    "Shelling hit the clinic at dawn.\n\nThe clinic served as a shelter for hundreds of families.",
    "Shelling hit the clinic at dawn.\n\nHundreds of families had taken refuge in the clinic.",
])
def test_event_typer_an_activity_of_its_own_does_not_take_the_happening_named_before(claims_of, text):
    assert claims_of(text)[-1].event_type == "other"


def test_event_typer_statements_and_requests_hand_on_no_happening(claims_of):
    claims = claims_of("The minister urged both sides to talk.\n\nThe situation remains unclear.")
    assert [c.event_type for c in claims] == ["request", "other"]


def test_event_typer_hands_on_a_happening_only_in_a_report_of_happenings(claims_of):
    # one claim of four names a happening (a figure of speech): the others are about politics
    text = ("The senator attacked the governor's budget plan. Her staff published a long memo. "
            "The memo covers school funding and roads. The vote is due in May.")
    types = event_types(claims_of, text)
    assert types[0] == "strike" and types[-1] == "other", types

