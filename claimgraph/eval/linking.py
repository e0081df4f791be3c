"""Linking evaluation: predicted events vs the hand-made gold clustering of samples/kursk.

The pipeline (read -> extract -> resolve -> link) runs on the sample corpus; each gold claim
(file, quote) is mapped to the predicted claim whose sentence holds the quote, and the
clustering is scored with MUC, B-cubed and CEAF-e over gold-listed claims only (a gold claim
no predicted claim covers counts as a singleton).  CoNLL F1 is the mean of the three F1s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable, Mapping, Optional, Sequence

import yaml
from scipy.optimize import linear_sum_assignment

from claimgraph.eval import Metric, f1
from claimgraph.model import Claim, Document, Event, ExtractedDocument
from claimgraph.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "kursk"
GOLD_FILE = "gold_events.yaml"

Clustering = dict[str, Hashable]  # mention -> cluster id
Predict = Callable[[list[Path]], tuple[Mapping[str, Document], Sequence[Claim]]]


@dataclass(frozen=True)
class GoldClaim:
    mention: str  # "<file>#<n>", unique per gold entry
    file: str
    quote: str


def load_gold(samples_dir: Path) -> tuple[list[GoldClaim], Clustering]:
    raw = yaml.safe_load((samples_dir / GOLD_FILE).read_text(encoding="utf-8"))
    claims, clusters = [], {}
    for event in raw["events"]:
        for member in event["claims"]:
            gold = GoldClaim(f"{member['file']}#{len(claims)}", member["file"], member["quote"])
            claims.append(gold)
            clusters[gold.mention] = event["id"]
    return claims, clusters


# --- scorers: each takes gold and response clusterings over the same mentions ---------------

def as_sets(clustering: Clustering) -> list[frozenset[str]]:
    groups: dict[Hashable, set[str]] = {}
    for mention, cluster in clustering.items():
        groups.setdefault(cluster, set()).add(mention)
    return [frozenset(g) for g in groups.values()]


def muc_recall(key: Clustering, response: Clustering) -> float:
    """Links of `key` clusters kept by `response` (Vilain et al. 1995)."""
    kept = needed = 0
    for cluster in as_sets(key):
        parts = {response[m] for m in cluster}
        kept += len(cluster) - len(parts)
        needed += len(cluster) - 1
    return kept / needed if needed else 0.0


def bcubed_recall(key: Clustering, response: Clustering) -> float:
    key_sets = {m: s for s in as_sets(key) for m in s}
    response_sets = {m: s for s in as_sets(response) for m in s}
    return sum(len(key_sets[m] & response_sets[m]) / len(key_sets[m]) for m in key) / len(key) if key else 0.0


def phi4(key: frozenset[str], response: frozenset[str]) -> float:
    return 2 * len(key & response) / (len(key) + len(response))


def best_alignment(key: Clustering, response: Clustering) -> tuple[list[tuple[frozenset[str], frozenset[str]]], float]:
    """The one-to-one alignment of key and response entities that maximises the summed phi4
    similarity (pairs that share no mention left out), and that sum."""
    keys, responses = as_sets(key), as_sets(response)
    if not keys or not responses:
        return [], 0.0
    similarity = [[phi4(k, r) for r in responses] for k in keys]
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    pairs = [(keys[i], responses[j]) for i, j in zip(rows, cols) if similarity[i][j] > 0]
    return pairs, sum(similarity[i][j] for i, j in zip(rows, cols))


def ceafe(key: Clustering, response: Clustering) -> tuple[float, float]:
    """(precision, recall) of the best one-to-one entity alignment, phi4 similarity."""
    _, total = best_alignment(key, response)
    keys, responses = len(as_sets(key)), len(as_sets(response))
    return (total / responses if responses else 0.0), (total / keys if keys else 0.0)


def ceafe_alignment(key: Clustering, response: Clustering) -> list[tuple[frozenset[str], Hashable]]:
    """(key entity, response cluster id) for each aligned pair of the CEAF-e alignment."""
    pairs, _ = best_alignment(key, response)
    return [(k, response[next(iter(r))]) for k, r in pairs]


def scores(gold: Clustering, predicted: Clustering) -> dict[str, tuple[float, float, float]]:
    """Precision, recall, F1 per metric (precision is recall with the roles swapped)."""
    results = {}
    for name, recall_of in (("muc", muc_recall), ("bcubed", bcubed_recall)):
        precision, recall = recall_of(predicted, gold), recall_of(gold, predicted)
        results[name] = (precision, recall, f1(precision, recall))
    precision, recall = ceafe(gold, predicted)
    results["ceafe"] = (precision, recall, f1(precision, recall))
    return results


# --- mapping predicted claims onto gold claims ----------------------------------------------

def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covering_claim(quote_span: tuple[int, int], claims: Sequence[Claim]) -> Optional[Claim]:
    """The claim whose sentence overlaps the quote most, preferring the claim span itself."""
    best = max(claims, default=None, key=lambda c: (overlap(c.sentence_span, quote_span), overlap(c.span, quote_span)))
    return best if best is not None and overlap(best.sentence_span, quote_span) else None


def document_for(file: str, quote: str, documents: Mapping[str, Document]) -> Optional[Document]:
    """The document read from `file` (by its origin path), else the one containing the quote."""
    by_path = [d for d in documents.values() if d.origin and Path(d.origin.split("#")[0]).name == file]
    return next((d for d in by_path if quote in d.text), None) or next(
        (d for d in documents.values() if quote in d.text), None)


def gold_claim_matches(gold_claims: list[GoldClaim], documents: Mapping[str, Document],
                       claims: Sequence[Claim]) -> dict[str, Claim]:
    """Gold mention -> the predicted claim that covers it, where one does."""
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document_id or claim.id.rsplit(":", 1)[0], []).append(claim)
    matches = {}
    for gold in gold_claims:
        document = document_for(gold.file, gold.quote, documents)
        if document is not None:
            start = document.text.index(gold.quote)
            claim = covering_claim((start, start + len(gold.quote)), by_document.get(document.id, []))
            if claim is not None:
                matches[gold.mention] = claim
    return matches


def predicted_clusters(gold_claims: list[GoldClaim], documents: Mapping[str, Document],
                       claims: Sequence[Claim]) -> tuple[Clustering, int]:
    """Gold mention -> predicted event id (or a singleton of its own); and how many matched."""
    matches = gold_claim_matches(gold_claims, documents, claims)
    clustering, matched = {}, 0
    for gold in gold_claims:
        claim = matches.get(gold.mention)
        matched += claim is not None and claim.event_id is not None
        clustering[gold.mention] = claim.event_id if claim and claim.event_id else ("unmatched", gold.mention)
    return clustering, matched


def pipeline(paths: list[Path], settings: Optional[Settings] = None) -> tuple[dict[str, Document], list[Claim]]:
    """read -> extract -> resolve, the way `claimgraph ingest` runs them."""
    from claimgraph.app import ClaimGraph

    graph = ClaimGraph(settings or Settings.load())
    read = [d for d in graph.read(paths) if isinstance(d, Document)]
    documents: dict[str, Document] = {}
    claims: list[Claim] = []
    for extracted in graph.extract(read):
        if isinstance(extracted, ExtractedDocument):
            documents[extracted.document.id] = extracted.document
            claims += extracted.claims
    return documents, claims


def link_in_batches(claims: Sequence[Claim], documents: Mapping[str, Document], settings: Optional[Settings]) -> None:
    """What `claimgraph ingest` does one file at a time: link each document's claims (in order
    of publication) to the events stored so far, reloading their claims as the app does."""
    from claimgraph.link import link_claims

    events: dict[str, Event] = {}
    linked: dict[str, Claim] = {}
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document_id or claim.id.rsplit(":", 1)[0], []).append(claim)
    for document in sorted(documents.values(), key=lambda d: (d.published or "", d.id)):
        batch = by_document.get(document.id, [])
        events.update((e.id, e) for e in link_claims(batch, documents, list(events.values()), settings, linked.get))
        linked.update((c.id, c) for c in batch)


def link_at_once(claims: Sequence[Claim], documents: Mapping[str, Document], settings: Optional[Settings]) -> None:
    from claimgraph.link import relink

    relink(claims, documents, settings)


def evaluate(samples_dir: Path = SAMPLES, predict: Optional[Predict] = None,
             settings: Optional[Settings] = None, incremental: bool = False) -> list[Metric]:
    """Scores of `relink` on the sample corpus, or of linking it a document at a time."""
    gold_claims, gold = load_gold(samples_dir)
    paths = sorted((samples_dir / "articles").glob("*.txt"))
    documents, claims = predict(paths) if predict else pipeline(paths, settings)
    (link_in_batches if incremental else link_at_once)(claims, documents, settings)
    predicted, matched = predicted_clusters(gold_claims, documents, claims)
    results = scores(gold, predicted)
    metrics = [Metric(f"linking.{name}.f1", f1_value, f"P={p:.3f} R={r:.3f}")
               for name, (p, r, f1_value) in results.items()]
    conll = sum(f for _, _, f in results.values()) / 3
    return metrics + [Metric("linking.conll.f1", conll, "mean of MUC, B-cubed and CEAF-e F1"),
                      Metric("linking.gold_claims_matched", matched / len(gold_claims),
                             f"{matched}/{len(gold_claims)} gold claims found among predicted claims")]
