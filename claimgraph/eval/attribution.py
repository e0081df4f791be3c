"""Attribution evaluation on PolNeAR (Newell et al., LREC 2018).

Reads ``<data>/{train,dev}/text/*.txt`` and the brat files in ``attributions/``, runs the
Extractor over the texts and compares each claim's source chain with the gold
attributions (``E Attribution:T Source:T Cue:T Content:T``, and ``Attribution-no-source``):

- every attribution holding a claim is one predicted attribution: Source = the link's
  ``span``, Cue = its ``cue_span``, Content = the extent of the claims it covers (claims
  sharing one source and cue are one attribution, split into propositions).  The links are
  read before ``source_chain`` names a source once in a row ("X said he thinks ..."), as
  PolNeAR marks each cue;
- several annotators labelled some articles: the annotation with the alphabetically first
  annotator suffix is used, so the choice is deterministic;
- a discontinuous gold span is compared through its extent (first start, last end) for
  *exact* matches and through each piece for *overlap*;
- overlap precision counts predicted spans overlapping some gold span of that kind; overlap
  recall counts gold spans overlapped by some prediction; relation F1 counts a gold
  attribution as found when a prediction matches its source (overlap) and overlaps its
  content.  Attributions without a source count for Cue/Content and not for Source.

For scale, ``attribution.agreement.*`` scores one annotator against another by the same
measures, over every article of train and dev that two annotators labelled (no model is
involved, so reading train does not leak): a system scoring near it does as well as a
second person would.

``data_dir`` may be the PolNeAR folder itself or an evaluation root holding
``attribution/polnear``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from claimgraph.eval import Metric, f1, prf
from claimgraph.model import Claim, Document
from claimgraph.read.document import find_openers

Extent = tuple[int, int]
Pieces = tuple[Extent, ...]
KINDS = ("source", "cue", "content")


@dataclass(frozen=True)
class Attribution:
    """One attribution; each part is a tuple of (start, end) pieces, empty when absent."""

    source: Pieces
    cue: Pieces
    content: Pieces


@dataclass
class Counts:
    """Match counts for one span kind (or for whole relations)."""

    exact: int = 0
    predicted_overlapping: int = 0
    gold_overlapped: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self, name: str) -> list[Metric]:
        detail = f"{self.predicted} predicted, {self.gold} gold"
        precision = self.predicted_overlapping / self.predicted if self.predicted else 0.0
        recall = self.gold_overlapped / self.gold if self.gold else 0.0
        rows = [("exact", prf(self.exact, self.predicted, self.gold)),
                ("overlap", (precision, recall, f1(precision, recall)))]
        return [Metric(f"attribution.{name}.{measure}_{kind}", value, detail)
                for kind, values in rows for measure, value in zip(("precision", "recall", "f1"), values)]


def extent(pieces: Pieces) -> Extent:
    return pieces[0][0], pieces[-1][1]


def overlaps(a: Pieces, b: Pieces) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def compare_spans(predicted: set[Pieces], gold: set[Pieces]) -> Counts:
    gold_extents = {extent(g) for g in gold}
    return Counts(
        exact=sum(extent(p) in gold_extents for p in predicted),
        predicted_overlapping=sum(any(overlaps(p, g) for g in gold) for p in predicted),
        gold_overlapped=sum(any(overlaps(p, g) for p in predicted) for g in gold),
        predicted=len(predicted), gold=len(gold),
    )


def compare_relations(predicted: list[Attribution], gold: list[Attribution]) -> Counts:
    def same(p: Attribution, g: Attribution) -> bool:
        source_ok = overlaps(p.source, g.source) if g.source else not p.source
        return source_ok and overlaps(p.content, g.content)

    return Counts(
        exact=sum(any(same(p, g) for g in gold) for p in predicted),
        predicted_overlapping=sum(any(same(p, g) for g in gold) for p in predicted),
        gold_overlapped=sum(any(same(p, g) for p in predicted) for g in gold),
        predicted=len(predicted), gold=len(gold),
    )


def compare(predicted: list[Attribution], gold: list[Attribution]) -> dict[str, Counts]:
    counts = {kind: compare_spans({getattr(a, kind) for a in predicted if getattr(a, kind)},
                                  {getattr(a, kind) for a in gold if getattr(a, kind)}) for kind in KINDS}
    counts["relation"] = compare_relations(predicted, gold)
    return counts


# -- gold ------------------------------------------------------------------------------
def parse_pieces(offsets: str) -> Pieces:
    """brat offsets "12 30;35 40" -> ((12, 30), (35, 40))."""
    return tuple(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))  # type: ignore[misc]


def read_brat(path: Path) -> list[Attribution]:
    """The Attribution events of one .ann file."""
    spans: dict[str, Pieces] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, offsets = fields[1].split(" ", 1)
            spans[fields[0]] = parse_pieces(offsets)
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(arg.split(":", 1) for arg in fields[1].split())
            if any(role.startswith("Attribution") for role in roles):
                events.append(roles)
    return [Attribution(*(spans.get(roles.get(role.capitalize(), ""), ()) for role in KINDS))
            for roles in events]


def pick_annotation(folder: Path, article: str) -> Optional[Path]:
    """The annotation with the alphabetically first annotator suffix."""
    candidates = sorted(folder.glob(f"{article}_*.ann"))
    return candidates[0] if candidates else None


def annotator_agreement(polnear: Path, splits: Iterable[str] = ("train", "dev")) -> list[Metric]:
    """The second annotator (alphabetically) scored against the first, as a system would be,
    over the articles of ``splits`` that two annotators labelled."""
    totals = {name: Counts() for name in KINDS + ("relation",)}
    articles_read = 0
    for split in splits:
        folder = polnear / split / "attributions"
        for text_path in sorted((polnear / split / "text").glob("*.txt")):
            annotations = sorted(folder.glob(f"{text_path.stem}_*.ann"))
            if len(annotations) < 2:
                continue
            articles_read += 1
            for name, counts in compare(read_brat(annotations[1]), read_brat(annotations[0])).items():
                totals[name].add(counts)
    detail = f"annotator against annotator, {articles_read} articles ({', '.join(splits)})"
    return [Metric(m.name.replace("attribution.", "attribution.agreement.", 1), m.value, detail)
            for name in ("source", "cue", "content") for m in totals[name].metrics(name) if "f1" in m.name]


def polnear_dir(data_dir: Path) -> Path:
    nested = data_dir / "attribution" / "polnear"
    return nested if nested.exists() else data_dir


def articles(split_dir: Path, limit: Optional[int] = None) -> Iterator[tuple[str, Path]]:
    """(text, annotation) pairs of one split, in file-name order."""
    for index, text_path in enumerate(sorted((split_dir / "text").glob("*.txt"))):
        if limit is not None and index >= limit:
            return
        annotation = pick_annotation(split_dir / "attributions", text_path.stem)
        if annotation is not None:
            yield text_path.read_text(encoding="utf-8"), annotation


# -- predictions -----------------------------------------------------------------------
def predicted_attributions(claims: Iterable[Claim]) -> list[Attribution]:
    """One attribution per (source, cue) in the claims' chains; content = extent of its claims."""
    contents: dict[tuple[Pieces, Pieces], list[int]] = defaultdict(list)
    for claim in claims:
        for link in claim.source_chain:
            source = (tuple(link.span),) if link.span else ()
            cue = (tuple(link.cue_span),) if link.cue_span else ()
            contents[(source, cue)] += list(claim.span)
    return [Attribution(source, cue, ((min(offsets), max(offsets)),))
            for (source, cue), offsets in contents.items()]


def document_for(text: str) -> Document:
    """The text as annotated (not read: reading would strip it), with the openers reading finds."""
    return Document(id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], text=text, openers=find_openers(text))


def evaluate(data_dir: Path, split: str = "dev", limit: Optional[int] = None, extractor=None) -> list[Metric]:
    """Source / Cue / Content P-R-F1 (exact and overlap) and relation F1 on one split."""
    from claimgraph.extract import Extractor
    from claimgraph.extract.convert import attribution_links, to_claims
    from claimgraph.settings import Settings

    extractor = extractor or Extractor(Settings.load())
    pairs = list(articles(polnear_dir(Path(data_dir)) / split, limit))
    totals = {name: Counts() for name in KINDS + ("relation",)}
    documents = [document_for(text) for text, _ in pairs]
    parsed = extractor.parse((document.text, document.openers) for document in documents)
    for document, (_, annotation), doc in zip(documents, pairs, parsed):
        claims = to_claims(document, doc, links=attribution_links)
        for name, counts in compare(predicted_attributions(claims), read_brat(annotation)).items():
            totals[name].add(counts)
    metrics = [m for name in KINDS for m in totals[name].metrics(name)]
    relation = totals["relation"]
    precision, recall = (relation.predicted_overlapping / relation.predicted if relation.predicted else 0.0,
                         relation.gold_overlapped / relation.gold if relation.gold else 0.0)
    metrics += [Metric("attribution.relation.f1", f1(precision, recall),
                       f"precision {precision:.3f}, recall {recall:.3f}; {len(pairs)} articles ({split})")]
    return metrics + annotator_agreement(polnear_dir(Path(data_dir)))
