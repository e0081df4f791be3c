import numpy as np

from claimgraph.eval.train_linking import averaged_fit, pooled_fit
from claimgraph.link.pairs import NAMES


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
