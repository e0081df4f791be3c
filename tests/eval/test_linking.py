import pytest

from claimgraph.eval.linking import (SAMPLES, GoldClaim, bcubed_recall, ceafe, evaluate, load_gold,
                                     muc_recall, predicted_clusters, scores)
from claimgraph.model import Claim, Document

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
SPLIT = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_linking_muc_on_a_known_example():
    assert muc_recall(GOLD, SPLIT) == pytest.approx(2 / 3)
    assert muc_recall(SPLIT, GOLD) == pytest.approx(2 / 3)


def test_linking_bcubed_on_a_known_example():
    assert bcubed_recall(GOLD, SPLIT) == pytest.approx(11 / 15)
    assert bcubed_recall(SPLIT, GOLD) == pytest.approx(11 / 15)


def test_linking_ceafe_on_a_known_example():
    assert ceafe(GOLD, SPLIT) == pytest.approx((0.8, 0.8))


def test_linking_perfect_clustering_scores_one():
    assert all(f == pytest.approx(1.0) for _, _, f in scores(GOLD, dict(GOLD)).values())


def test_linking_all_singletons_have_no_muc_links():
    singletons = {m: m for m in GOLD}
    assert scores(GOLD, singletons)["muc"] == (0.0, 0.0, 0.0)


def test_linking_gold_claims_map_to_the_claim_whose_sentence_holds_the_quote():
    text = "Sudzha fell. Bridges burned. Prisoners were taken."
    document = Document(id="d", text=text, origin="samples/kursk/01-x.txt")
    claims = [Claim(id="d:0", text="Sudzha fell", span=(0, 11), sentence_span=(0, 12), event_id="e1"),
              Claim(id="d:1", text="Bridges burned", span=(13, 27), sentence_span=(13, 28), event_id="e2")]
    gold = [GoldClaim("g0", "01-x.txt", "Bridges"), GoldClaim("g1", "01-x.txt", "Prisoners")]
    clustering, matched = predicted_clusters(gold, {"d": document}, claims)
    assert clustering["g0"] == "e2" and clustering["g1"] == ("unmatched", "g1") and matched == 1


def test_linking_gold_quotes_are_unique_in_their_files():
    gold_claims, _ = load_gold(SAMPLES)
    counts = {(g.file, g.quote): (SAMPLES / "articles" / g.file).read_text(encoding="utf-8").count(g.quote) for g in gold_claims}
    assert set(counts.values()) == {1}


def test_linking_evaluate_with_a_given_prediction_reports_conll():
    def one_claim_per_quote(paths):
        gold_claims, gold = load_gold(SAMPLES)
        documents, claims = {}, []
        for index, g in enumerate(gold_claims):
            documents[f"d{index}"] = Document(id=f"d{index}", text=g.quote, published="2024-08-10",
                                              origin=str(SAMPLES / g.file))
            claims.append(Claim(id=f"d{index}:0", text=g.quote, span=(0, len(g.quote)),
                                sentence_span=(0, len(g.quote)), event_type="other"))
        return documents, claims

    metrics = {m.name: m.value for m in evaluate(SAMPLES, predict=one_claim_per_quote)}
    assert metrics["linking.gold_claims_matched"] == 1.0
    assert 0.0 < metrics["linking.conll.f1"] < 1.0



def test_linking_in_batches_links_a_later_document_to_an_earlier_event():
    from claimgraph.eval.linking import link_in_batches

    text = "Ukrainian forces have entered the western part of Sudzha."
    documents = {d: Document(id=d, text=text, published=day) for d, day in (("d2", "2024-08-09"), ("d1", "2024-08-08"))}
    claims = [Claim(id=f"{d}:0", text=text, span=(0, len(text)), sentence_span=(0, len(text))) for d in documents]
    link_in_batches(claims, documents, None)
    assert claims[0].event_id is not None and claims[0].event_id == claims[1].event_id
