import spacy
from spacy.tokens import Doc

from claimgraph.eval.attribution import Attribution
from claimgraph.eval.train_attribution import MIN_COUNT, fit, labelled_pairs, pair_scores
from claimgraph.extract.attribution import attribution_finder
from claimgraph.extract.attribution_model import CueModel

# The mayor said the bridge was closed .
WORDS = ["The", "mayor", "said", "the", "bridge", "was", "closed", "."]
HEADS = [1, 2, 2, 4, 6, 6, 2, 2]
DEPS = ["det", "nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"]
TAGS = ["DT", "NN", "VBD", "DT", "NN", "VBD", "VBN", "."]
POS = ["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
LEMMAS = ["the", "mayor", "say", "the", "bridge", "be", "close", "."]


def test_attribution_training_labels_pairs_against_gold_spans():
    doc = Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, tags=TAGS, pos=POS, lemmas=LEMMAS)
    finder = attribution_finder(CueModel({}, threshold=0.4, unlisted_stance_threshold=0.6))
    gold = [Attribution(source=((0, 9),), cue=((10, 14),), content=((15, 36),))]
    assert [(features[1], label) for features, label in labelled_pairs(finder, doc, gold)] == [("lemma=say", 1)]
    wrong_cue = [Attribution(source=((0, 9),), cue=((20, 26),), content=((15, 36),))]
    assert [label for _, label in labelled_pairs(finder, doc, wrong_cue)] == [0]


def test_attribution_training_fit_separates_features_and_drops_rare_ones():
    examples = [(["bias", "lemma=say"], 1), (["bias", "lemma=eat"], 0)] * MIN_COUNT + [(["bias", "rare"], 1)]
    weights = fit(examples)
    assert weights["lemma=say"] > 0 > weights["lemma=eat"]
    assert "rare" not in weights
    assert fit(examples) == weights  # an optimum, not a random descent: the same file every time


def test_attribution_training_pair_scores():
    model = CueModel({"yes": 5.0, "no": -5.0}, threshold=0.5, unlisted_stance_threshold=0.9)
    examples = [(["yes"], 1), (["yes"], 0), (["no"], 1), (["no"], 0)]
    assert pair_scores(model, examples) == (0.5, 0.5)
