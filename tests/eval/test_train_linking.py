from types import SimpleNamespace

import numpy as np
import pytest

from claimgraph.eval.train_linking import averaged_fit, load_folds, pooled_fit, save_folds
from claimgraph.link.happening import HappeningModel
from claimgraph.link.pairs import NAMES
from claimgraph.link.scorer import PairModel


def corpus(seed, size=60):
    """Pairs whose label follows the first word feature, with some noise."""
    rng = np.random.default_rng(seed)
    matrix = rng.random((size, len(NAMES)))
    matrix[:, NAMES.index("bias")] = 1.0
    labels = (matrix[:, NAMES.index("claim_words")] + 0.2 * rng.random(size) > 0.6).astype(float)
    return matrix, labels


def test_train_linking_averaged_fit_is_the_mean_of_the_fits_leaving_one_corpus_out():
    pairs = [corpus(seed) for seed in range(3)]
    expected = np.mean([pooled_fit([p for i, p in enumerate(pairs) if i != left]) for left in range(3)], axis=0)
    assert np.allclose(averaged_fit(pairs), expected)
    assert not np.allclose(averaged_fit(pairs), pooled_fit(pairs))


def test_train_linking_two_corpora_are_fitted_together():
    pairs = [corpus(seed) for seed in range(2)]
    assert np.allclose(averaged_fit(pairs), pooled_fit(pairs))


def fold(bias):
    weights = tuple(bias if name == "bias" else 0.5 for name in NAMES)
    return PairModel(weights, {"trained_on": ["other"]}, HappeningModel.uniform())


def test_train_linking_saved_folds_score_as_they_were_fitted(tmp_path):
    path = tmp_path / "folds.json"
    save_folds({"dam": fold(-1.5), "plant": fold(-2.0)}, path)
    episodes = [SimpleNamespace(name="dam"), SimpleNamespace(name="plant")]
    loaded = load_folds(path, episodes)
    assert loaded["dam"].weights[NAMES.index("bias")] == -1.5
    assert loaded["plant"].weights == fold(-2.0).weights


def test_train_linking_folds_missing_an_episode_are_refused(tmp_path):
    path = tmp_path / "folds.json"
    save_folds({"dam": fold(-1.5)}, path)
    with pytest.raises(ValueError, match="no fold model for prison"):
        load_folds(path, [SimpleNamespace(name="dam"), SimpleNamespace(name="prison")])
