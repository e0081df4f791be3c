import pytest
import spacy
from spacy.tokens import Span

from claimgraph.extract.lexicon import mention_rules
from claimgraph.extract.mention_tagger import MentionTagger, is_bare_count


def tag(text):
    nlp = spacy.blank("en")
    rules = mention_rules()
    tagger = MentionTagger(vocab=nlp.vocab, time_patterns=rules.time_patterns,
                           quantity_patterns=rules.quantity_patterns, place_nouns=rules.place_nouns)
    return tagger(nlp(text))


def test_mention_tagger_vague_quantities():
    doc = tag("The unit lost up to 260 servicemen and dozens of vehicles near the river.")
    assert {s.text for s in doc.spans["cg_quantities"]} >= {"up to 260 servicemen", "dozens of vehicles"}


def test_mention_tagger_relative_time_patterns():
    doc = tag("Shelling went on for the past four days, and on the night of March 21 it stopped.")
    assert {s.text for s in doc.spans["cg_times"]} >= {"the past four days", "on the night of March 21"}


@pytest.mark.parametrize("sentence, phrase", [
    ("On the evening of 6 August, rockets hit the plant.", "On the evening of 6 August"),
    ("Drones struck in the early hours of Saturday, officials said.", "in the early hours of Saturday"),
    ("The plant was shelled on the night of 5 to 6 August.", "on the night of 5 to 6 August"),
    ("The depot burned on the night from Friday to Saturday.", "on the night from Friday to Saturday"),
    ("The depot burned Saturday night into Sunday.", "Saturday night into Sunday"),
    ("The depot burned overnight to 7 August.", "overnight to 7 August"),
    ("Shells hit the depot overnight to August 7.", "overnight to August 7"),
    ("The bridge was hit late on Friday.", "late on Friday"),
    ("The day before, the mayor spoke.", "The day before,"),
    ("Earlier in the day, the mayor spoke.", "Earlier in the day"),
])
def test_mention_tagger_days_with_their_part_whole(sentence, phrase):
    """A part of a day and its date are one mention, so the claim's time is the date, not "the evening"."""
    doc = tag(sentence)
    assert phrase in {s.text for s in doc.spans["cg_times"]}


def test_mention_tagger_the_day_before_something_named_is_no_time_of_its_own():
    doc = tag("The mayor spoke the day before the vote.")
    assert list(doc.spans["cg_times"]) == []


@pytest.mark.parametrize("words, bare", [("68", True), ("12", True), ("2022", False), ("Monday", False),
                                          ("12:40", False)])
def test_mention_tagger_a_lone_short_number_is_no_time(words, bare):
    doc = spacy.blank("en")(f"The farmer, {words}, said so.")
    assert is_bare_count(Span(doc, 3, 4, label="DATE")) is bare


def test_mention_tagger_no_mentions_in_plain_words():
    doc = tag("Nobody answered the phone.")
    assert list(doc.spans["cg_times"]) == [] and list(doc.spans["cg_quantities"]) == []
