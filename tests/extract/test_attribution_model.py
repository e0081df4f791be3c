import json

import pytest
import spacy
from spacy.tokens import Doc

from claimgraph.extract.attribution_model import MODEL_PATH, CueModel, has_double_quote, inside_quotation, pair_features

# “ Prices will fall , ” the minister said .
WORDS = ["“", "Prices", "will", "fall", ",", "”", "the", "minister", "said", "."]
HEADS = [3, 3, 3, 8, 8, 8, 7, 8, 8, 8]
DEPS = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "det", "nsubj", "ROOT", "punct"]
TAGS = ["``", "NNS", "MD", "VB", ",", "''", "DT", "NN", "VBD", "."]
POS = ["PUNCT", "NOUN", "AUX", "VERB", "PUNCT", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
LEMMAS = ["“", "price", "will", "fall", ",", "”", "the", "minister", "say", "."]


@pytest.fixture(scope="module")
def quoted_doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, tags=TAGS, pos=POS, lemmas=LEMMAS)


def test_attribution_model_pair_features_describe_cue_subject_and_quotation(quoted_doc):
    features = pair_features(quoted_doc[8], quoted_doc[7], sentence_quoted=True)
    assert features[0] == "bias" and len(features) == len(set(features))
    for expected in ("lemma=say", "lemma=say|clause=True", "lemma=say|ccomp=fall", "subject_head=minister",
                     "subject_before", "subject_length=2", "sentence_quoted=True", "inside_quotation=False"):
        assert expected in features


def test_attribution_model_has_double_quote_reads_the_sentence(quoted_doc):
    assert has_double_quote(quoted_doc[0:10])
    assert not has_double_quote(quoted_doc[6:10])


def test_attribution_model_inside_quotation_counts_open_marks(quoted_doc):
    assert inside_quotation(quoted_doc[3]) and not inside_quotation(quoted_doc[8])


def test_attribution_model_inside_quotation_a_straight_mark_closes_a_curly_opening():
    # “ Prices will fall , " the minister said .
    words = ["“", "Prices", "will", "fall", ",", '"', "the", "minister", "said", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert inside_quotation(doc[3]) and not inside_quotation(doc[8])


def test_attribution_model_probability_is_logistic_of_summed_weights():
    model = CueModel({"bias": -1.0, "lemma=say": 3.0}, threshold=0.5, unlisted_stance_threshold=0.9)
    assert model.probability(["bias"]) == pytest.approx(0.2689, abs=1e-4)
    assert model.probability(["bias", "lemma=say", "unknown"]) == pytest.approx(0.8808, abs=1e-4)
    assert model.accepts(["bias", "lemma=say"]) and not model.accepts(["bias"])


def test_attribution_model_json_round_trip(tmp_path):
    model = CueModel({"bias": -0.5, "lemma=warn": 1.25}, threshold=0.4, unlisted_stance_threshold=0.6)
    path = tmp_path / "cues.json"
    path.write_text(model.to_json("test model"), encoding="utf-8")
    assert CueModel.load(path) == model
    assert json.loads(path.read_text())["about"] == "test model"


def test_attribution_model_committed_file_holds_feature_weights_only():
    model = CueModel.load()
    assert 0 < model.threshold <= model.unlisted_stance_threshold < 1
    assert MODEL_PATH.stat().st_size < 500_000
    assert all(" " not in name for name in model.weights)  # feature names, never corpus text
    assert model.weights["lemma=say"] > 0
