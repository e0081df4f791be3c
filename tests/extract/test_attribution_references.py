import pytest

pytestmark = pytest.mark.slow


def read(claims):
    return [(c.text, c.source_chain[0].name if c.source_chain else "author", c.status) for c in claims]


def test_attribution_references_a_passive_back_reference_names_the_sentence_before(claims_of):
    text = ("Shells fell on the pumping station in Dalmar overnight. This was reported on Monday, May 4, "
            "in the press service of the civil administration of Dalmar.")
    assert read(claims_of(text)) == [("Shells fell on the pumping station in Dalmar overnight",
                                      "the press service of the civil administration of Dalmar", "reported")]


def test_attribution_references_the_source_may_stand_after_an_addressee(claims_of):
    text = "The depot in Korvo was struck at night. This was reported to journalists in the Valdonian Defense Ministry."
    assert read(claims_of(text)) == [("The depot in Korvo was struck at night", "the Valdonian Defense Ministry",
                                      "reported")]


def test_attribution_references_an_active_back_reference(claims_of):
    text = "Two ferries were sunk near the port. The harbour master announced this on Monday."
    assert read(claims_of(text)) == [("Two ferries were sunk near the port", "The harbour master", "reported")]


def test_attribution_references_opening_a_paragraph_it_points_at_the_paragraph_before(claims_of):
    text = ("A mission will look into the fire at the camp. The mission will be led by General Ivo Sand.\n"
            "Secretary-General Ana Koss said this during a speech in Lviv.\n\nThe camp was closed in May.")
    assert [source for _, source, _ in read(claims_of(text))] == ["Secretary-General Ana Koss"] * 2 + ["author"]


def test_attribution_references_this_as_a_subject_of_no_report_points_at_nothing(claims_of):
    text = "Snow closed the pass. This was the third time in a month."
    assert [source for _, source, _ in read(claims_of(text))] == ["author", "author"]


@pytest.mark.parametrize("opening", ["It was reported on May 3 that", "A day earlier, it was reported that",
                                     "It has been reported that", "It is said that"])
def test_attribution_references_a_past_impersonal_cue_names_no_one(claims_of, opening):
    claims = claims_of(f"{opening} the bridge at Korvo was closed.")
    assert read(claims) == [("the bridge at Korvo was closed", "unnamed reports", "reported")]


def test_attribution_references_a_present_impersonal_cue_reads_on_the_message_named_before(claims_of):
    text = ('"The roof of the engine hall collapsed," the harbour office said in a statement.\n\n'
            "It is also emphasized that no workers were injured.")
    assert read(claims_of(text))[-1] == ("no workers were injured", "the harbour office", "reported")


def test_attribution_references_it_with_no_speech_verb_is_no_cue(claims_of):
    assert read(claims_of("It was clear that the bridge at Korvo was closed.")) == [
        ("It was clear that the bridge at Korvo was closed", "author", "asserted")]
