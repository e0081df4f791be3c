import json

import pytest

from claimgraph.link.pairs import NAMES
from claimgraph.link.scorer import MODEL_FILE, PairModel, load_model, threshold_logit


def test_scorer_probability_rises_with_the_weighted_features():
    model = PairModel(tuple(1.0 if name == "same_type" else 0.0 for name in NAMES), {})
    features = [0.0] * len(NAMES)
    same = list(features)
    same[NAMES.index("same_type")] = 1.0
    assert model.probability(features) == 0.5 < model.probability(same)


def test_scorer_threshold_logit_is_zero_at_one_half_and_finite_at_the_ends():
    assert threshold_logit(0.5) == 0.0 and threshold_logit(0.0) < -10 and threshold_logit(1.0) > 10


def test_scorer_a_model_without_every_feature_asks_to_be_refitted():
    with pytest.raises(ValueError, match="refit"):
        PairModel.from_json({"weights": {"bias": 0.0}})


def test_scorer_the_packaged_model_says_what_it_was_fitted_on():
    model = load_model()
    assert model.about["trained_on"] and set(json.loads(MODEL_FILE.read_text())["weights"]) == set(NAMES)
    assert PairModel.from_json(model.to_json()).to_json() == model.to_json()
