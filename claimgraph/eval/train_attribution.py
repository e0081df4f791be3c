"""Train the attribution cue model (``extract/models/attribution_cues.json``) on PolNeAR train.

    .venv/bin/python -m claimgraph.eval.train_attribution [DATA] [--out PATH] [--check]

The AttributionFinder proposes (cue word, subject) pairs; a pair is a positive example when
its subject overlaps a gold Source and its cue word lies in the same attribution's gold Cue.
A logistic regression is fitted to the optimum of its penalised log loss (L-BFGS, so the
file is reproducible), features seen fewer than ``MIN_COUNT`` times and weights near zero
are dropped, and only the weights are written.  ``--check`` first fits on four fifths of the
articles and prints pair precision/recall on the rest.

Parsed articles are cached as a spaCy DocBin under ``~/.cache/claimgraph`` (never in the
repository), keyed by the spaCy pipeline and the files read.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
from scipy import optimize, sparse
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from claimgraph.eval import DEFAULT_DATA
from claimgraph.eval.attribution import Attribution, articles, overlaps, polnear_dir, read_brat
from claimgraph.extract.attribution_model import MODEL_PATH, CueModel, has_double_quote
from claimgraph.extract.convert import char_span
from claimgraph.read.document import find_openers

CACHE = Path.home() / ".cache" / "claimgraph"
THRESHOLD = 0.4  # pair probability from which the finder accepts; best source F1 on held-out train
UNLISTED_STANCE_THRESHOLD = 0.6  # for stances the lexicon does not list (see CueModel)
MIN_COUNT = 5  # features rarer than this in the training pairs get no weight
MIN_WEIGHT = 0.05  # smaller weights are dropped from the file
L2 = 0.25  # penalty on squared weights (best held-out train Source F1 among 0.05, 0.25, 1, 4)
MAX_ITERATIONS = 500
ABOUT = ("Attribution cue model: logistic-regression weights over (cue word, subject) features, "
         "learned from PolNeAR train by `python -m claimgraph.eval.train_attribution`. "
         "See claimgraph/extract/attribution_model.py.")
Example = tuple[list[str], int]


def parsed_articles(nlp: Language, texts: list[str]) -> list[Doc]:
    """The texts parsed as the claim pipeline parses them, from the cache when it holds them."""
    key = hashlib.sha256("\0".join([nlp.meta["name"], nlp.meta["version"], *texts]).encode()).hexdigest()[:16]
    path = CACHE / f"polnear-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def char_extent(doc: Doc, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Tokens [start, end) as the one-piece character extent the gold spans are compared by."""
    return (char_span(doc, start, end),)


def cue_model(weights: dict[str, float]) -> CueModel:
    return CueModel(weights, THRESHOLD, UNLISTED_STANCE_THRESHOLD)


def labelled_pairs(finder, doc: Doc, gold: list[Attribution]) -> list[Example]:
    """The finder's candidate pairs in ``doc``, each with its features and gold label."""
    from claimgraph.extract.attribution import source_bounds

    examples = []
    for sent in doc.sents:
        quoted = has_double_quote(sent)
        for cue, subject in finder.candidates(sent):
            source, word = char_extent(doc, *source_bounds(subject, cue)), char_extent(doc, cue.i, cue.i + 1)
            label = any(overlaps(source, g.source) and overlaps(word, g.cue) for g in gold if g.source and g.cue)
            examples.append((finder.features(cue, subject, quoted), int(label)))
    return examples


def fit(examples: list[Example]) -> dict[str, float]:
    """Logistic-regression weights at the optimum of the L2-penalised log loss (L-BFGS), so the
    weights follow from the examples alone: a few pairs more or less move them a little, not
    by the luck of a stochastic descent."""
    counts = Counter(name for features, _ in examples for name in features)
    names = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    column = {name: index for index, name in enumerate(names)}
    cells = {(row, column[n]) for row, (features, _) in enumerate(examples) for n in features if n in column}
    row_index, column_index = zip(*sorted(cells)) if cells else ((), ())
    matrix = sparse.csr_matrix((np.ones(len(cells)), (row_index, column_index)), shape=(len(examples), len(names)))
    labels = np.array([label for _, label in examples], dtype=float)

    def loss_and_gradient(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = matrix @ weights
        probabilities = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
        loss = np.sum(np.logaddexp(0.0, scores) - labels * scores) + L2 * weights @ weights
        return loss, matrix.T @ (probabilities - labels) + 2 * L2 * weights

    fitted = optimize.minimize(loss_and_gradient, np.zeros(len(names)), jac=True, method="L-BFGS-B",
                               options={"maxiter": MAX_ITERATIONS})
    return {name: round(float(w), 3) for name, w in zip(names, fitted.x) if abs(w) >= MIN_WEIGHT}


def pair_scores(model: CueModel, examples: Iterable[Example]) -> tuple[float, float]:
    """Precision and recall of the model's accepted pairs."""
    accepted = positives = correct = 0
    for features, label in examples:
        taken = model.accepts(features)
        accepted += taken
        positives += label
        correct += taken and label
    return correct / max(accepted, 1), correct / max(positives, 1)


def training_examples(data_dir: Path, limit: Optional[int] = None) -> list[list[Example]]:
    """Labelled pairs of each PolNeAR train article."""
    from claimgraph.extract.attribution import attribution_finder
    from claimgraph.extract.language import load_private
    from claimgraph.extract.extractor import with_openers
    from claimgraph.extract.pipeline import add_parsing_components

    nlp = add_parsing_components(load_private())
    finder = attribution_finder(cue_model({}))
    pairs = list(articles(polnear_dir(data_dir) / "train", limit))
    docs = parsed_articles(nlp, [text for text, _ in pairs])
    # the openers reading finds, as the Extractor gives them (the parse alone does not need them)
    marked = (with_openers(doc, find_openers(text)) for doc, (text, _) in zip(docs, pairs))
    return [labelled_pairs(finder, doc, read_brat(annotation)) for doc, (_, annotation) in zip(marked, pairs)]


def check(per_article: list[list[Example]]) -> str:
    """Pair precision/recall of a model fitted without every fifth article, on those articles."""
    train = [e for i, examples in enumerate(per_article) if i % 5 for e in examples]
    held = [e for i, examples in enumerate(per_article) if not i % 5 for e in examples]
    precision, recall = pair_scores(cue_model(fit(train)), held)
    return f"held-out pairs: precision {precision:.3f}, recall {recall:.3f} ({len(held)} pairs)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--check", action="store_true", help="also report pairs held out of training")
    parser.add_argument("--limit", type=int, help="read only the first N train articles")
    args = parser.parse_args(argv)
    per_article = training_examples(args.data, args.limit)
    if args.check:
        print(check(per_article))
    weights = fit([e for examples in per_article for e in examples])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(cue_model(weights).to_json(ABOUT) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
