"""Claim status, event type and negation against a hand-annotated gold set.

The gold set (``gold/status_events.jsonl``, described in ``gold/README.md``) stores only
document ids, character spans, a short hash of each span and labels; the text is read from
``data_dir`` (PolNeAR) and ``data_dir.parent / "seed"`` (the seed article).

Each gold claim is aligned with the predicted claim whose span overlaps it most; a gold
claim with no overlapping prediction is a miss and its predicted labels are ``"none"``.
Reported: claim-detection recall, accuracy and macro-F1 for ``status`` and ``event_type``
(misses count as wrong), negation accuracy, and a status confusion matrix.

Run: ``python -m claimgraph.eval.status [DATA_DIR] [--split dev|test|all]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from claimgraph.eval import DEFAULT_DATA, Metric, prf
from claimgraph.model import EVENT_TYPES, STATUSES, Claim, Document, Span
from claimgraph.read import read_bytes
from claimgraph.read.document import find_openers
from claimgraph.settings import Settings

GOLD_FILE = Path(__file__).with_name("gold") / "status_events.jsonl"
MISS = "none"
SPLITS = ("dev", "test", "all")

Predictor = Callable[[Document], list[Claim]]


class SpanMismatch(ValueError):
    """A gold span no longer matches its hash: the data or the gold file changed."""


@dataclass(frozen=True)
class GoldClaim:
    corpus: str  # "polnear" | "seed"
    folder: Optional[str]  # PolNeAR split folder ("train" | "dev"); None for the seed
    doc: str  # file name without ".txt"
    span: Span  # [start, end) into the file's text
    sha1: str  # sha1(span text)[:10]
    status: str
    event_type: str
    negated: bool
    split: str  # "dev" | "test"

    @property
    def document_key(self) -> tuple[str, Optional[str], str]:
        return self.corpus, self.folder, self.doc


@dataclass(frozen=True)
class Pairing:
    """A gold claim and the predicted claim aligned with it (None: missed)."""

    gold: GoldClaim
    predicted: Optional[Claim]

    def label(self, field: str) -> str:
        if self.predicted is None:
            return MISS
        return str(getattr(self.predicted, field))


def load_gold(split: str = "test", path: Path = GOLD_FILE) -> list[GoldClaim]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = [_gold_claim(record) for record in records]
    return [claim for claim in claims if split == "all" or claim.split == split]


def _gold_claim(record: dict) -> GoldClaim:
    return GoldClaim(corpus=record["corpus"], folder=record["split_folder"], doc=record["doc"],
                     span=(record["span"][0], record["span"][1]), sha1=record["sha1"], status=record["status"],
                     event_type=record["event_type"], negated=record["negated"], split=record["split"])


def document_path(data_dir: Path, claim: GoldClaim) -> Path:
    if claim.corpus == "seed":
        return data_dir.parent / "seed" / f"{claim.doc}.txt"
    return data_dir / "attribution" / "polnear" / str(claim.folder) / "text" / f"{claim.doc}.txt"


def span_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def check_span(file_text: str, claim: GoldClaim) -> None:
    start, end = claim.span
    if end > len(file_text) or span_hash(file_text[start:end]) != claim.sha1:
        raise SpanMismatch(f"{claim.corpus}/{claim.folder}/{claim.doc} span {list(claim.span)}: "
                           f"text does not match the gold hash {claim.sha1}")


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align(gold_span: Span, predicted: Iterable[Claim], shift: int = 0) -> Optional[Claim]:
    """The predicted claim overlapping ``gold_span`` most (first on ties); None if none overlaps.

    ``shift`` is added to predicted spans to bring them into the gold file's coordinates.
    """
    best, best_overlap = None, 0
    for claim in predicted:
        shared = overlap(gold_span, (claim.span[0] + shift, claim.span[1] + shift))
        if shared > best_overlap:
            best, best_overlap = claim, shared
    return best


def accuracy(pairs: list[tuple[str, str]]) -> float:
    return sum(gold == predicted for gold, predicted in pairs) / len(pairs) if pairs else 0.0


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over every label seen in gold or predictions, except the miss marker."""
    labels = sorted({label for pair in pairs for label in pair} - {MISS})
    gold_counts = Counter(gold for gold, _ in pairs)
    predicted_counts = Counter(predicted for _, predicted in pairs)
    hits = Counter(gold for gold, predicted in pairs if gold == predicted)
    scores = [prf(hits[label], predicted_counts[label], gold_counts[label])[2] for label in labels]
    return sum(scores) / len(scores) if scores else 0.0


def confusion(pairs: list[tuple[str, str]], labels: Iterable[str]) -> str:
    """A text confusion matrix: one row per gold label, one column per predicted label."""
    columns = [*labels, MISS]
    counts = Counter(pairs)
    corner = "gold \\ predicted"
    width = max(len(label) for label in [*columns, corner]) + 1
    lines = [corner.ljust(width) + " ".join(c[:6].rjust(6) for c in columns)]
    for gold in labels:
        lines.append(gold.ljust(width) + " ".join(str(counts[gold, c]).rjust(6) for c in columns))
    return "\n".join(lines)


def pair(data_dir: Path, gold: list[GoldClaim], predict: Predictor) -> list[Pairing]:
    """Read each gold document once, check its spans, run ``predict`` and align."""
    by_document: dict[tuple, list[GoldClaim]] = defaultdict(list)
    for claim in gold:
        by_document[claim.document_key].append(claim)
    pairings: list[Pairing] = []
    for claims in by_document.values():
        file_text = document_path(data_dir, claims[0]).read_text(encoding="utf-8")
        for claim in claims:
            check_span(file_text, claim)
        document, shift = make_document(file_text, claims[0].corpus)
        predicted = predict(document)
        pairings += [Pairing(claim, align(claim.span, predicted, shift)) for claim in claims]
    return pairings


def make_document(file_text: str, corpus: str) -> tuple[Document, int]:
    """The document the extractor sees, and where its text starts in the file.

    PolNeAR files are the text as annotated.  The seed starts with a header line that the
    reader turns into metadata, so its predicted offsets are shifted by the header's length.
    """
    if corpus != "seed":
        return Document(id=document_id(file_text), text=file_text, openers=find_openers(file_text)), 0
    document = read_seed(file_text)
    start = file_text.find(document.text)
    if not document.text or start < 0:
        raise SpanMismatch("the reader's seed text is not a slice of the file: offsets cannot be mapped")
    return document, start


def read_seed(file_text: str) -> Document:
    """The seed as the project's reader sees it (header line parsed into metadata)."""
    read = read_bytes(file_text.encode("utf-8"), "seed", Settings.load())
    documents = [document for document in read if isinstance(document, Document)]
    if not documents:
        raise ValueError("the reader returned no document for the seed article")
    return documents[0]


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def default_predictor() -> Predictor:
    from claimgraph.extract import Extractor  # imported late: it loads spaCy

    return Extractor(Settings.load()).extract


def score(pairings: list[Pairing], split: str) -> list[Metric]:
    found = sum(p.predicted is not None for p in pairings)
    note = f"{split}: {len(pairings)} gold claims, {found} matched"
    status_pairs = [(p.gold.status, p.label("status")) for p in pairings]
    event_pairs = [(p.gold.event_type, p.label("event_type")) for p in pairings]
    negation_pairs = [(str(p.gold.negated), p.label("negated")) for p in pairings]
    return [
        Metric("status.detection.recall", found / len(pairings) if pairings else 0.0, note),
        Metric("status.status.accuracy", accuracy(status_pairs), confusion(status_pairs, STATUSES)),
        Metric("status.status.macro_f1", macro_f1(status_pairs), note),
        Metric("status.event_type.accuracy", accuracy(event_pairs), confusion(event_pairs, EVENT_TYPES)),
        Metric("status.event_type.macro_f1", macro_f1(event_pairs), note),
        Metric("status.negated.accuracy", accuracy(negation_pairs), note),
    ]


def evaluate(data_dir: Path = DEFAULT_DATA, split: str = "test",
             predict: Optional[Predictor] = None) -> list[Metric]:
    gold = load_gold(split)
    return score(pair(data_dir, gold, predict or default_predictor()), split)


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=SPLITS, default="test")
    args = parser.parse_args(argv)
    for metric in evaluate(args.data_dir, args.split):
        table = "\n" in metric.detail
        print(f"{metric.name:32} {metric.value:.3f}  {'' if table else metric.detail}")
        if table:
            print(metric.detail)


if __name__ == "__main__":
    main()
