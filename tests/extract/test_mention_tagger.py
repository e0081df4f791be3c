import spacy

from claimgraph.extract.lexicon import mention_rules
from claimgraph.extract.mention_tagger import MentionTagger


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


def test_mention_tagger_no_mentions_in_plain_words():
    doc = tag("Nobody answered the phone.")
    assert list(doc.spans["cg_times"]) == [] and list(doc.spans["cg_quantities"]) == []
