import numpy as np
import pytest

from claimgraph.link.meaning import MeaningModel, load_meaning, plain_words
from claimgraph.link.rules import load_rules

PIECES = ["[PAD]", "[UNK]", "bridge", "##s", "bri", "##dge", "seym", "river"]


@pytest.fixture
def tiny_model(tmp_path):
    vectors = np.eye(len(PIECES), dtype=np.float16)
    path = tmp_path / "tiny.npz"
    np.savez_compressed(path, pieces=np.array(PIECES), vectors=vectors)
    return MeaningModel(path)


def test_meaning_plain_words_are_lower_case_without_accents_and_marks_apart():
    assert plain_words("Ryl’sk's BRIDGE, Ol'chovka-2") == ["ryl", "’", "sk", "'", "s", "bridge", ",", "ol", "'",
                                                          "chovka", "-", "2"]


def test_meaning_word_pieces_take_the_longest_known_piece_first(tiny_model):
    ids = tiny_model.ids
    assert tiny_model.pieces("bridges") == (ids["bridge"], ids["##s"])
    assert tiny_model.pieces("convoy") == ()  # unknown: skipped, as model2vec skips [UNK]


def test_meaning_vector_is_the_unit_mean_of_known_pieces(tiny_model):
    vector = tiny_model.vector("Seym river convoy")
    expected = np.zeros(len(PIECES))
    expected[[tiny_model.ids["seym"], tiny_model.ids["river"]]] = 1 / np.sqrt(2)
    assert np.allclose(vector, expected, atol=1e-3)
    assert tiny_model.vector("convoy") is None


def test_meaning_shipped_model_tells_a_bridge_strike_from_an_evacuation():
    model = load_meaning(load_rules().meaning_file)
    bridge = model.vector("A road bridge over the river was destroyed by rockets")
    same = model.vector("Rockets brought down the bridge across the river")
    other = model.vector("Thousands of residents were evacuated by bus from the border district")
    assert float(bridge @ same) > float(bridge @ other) + 0.1
