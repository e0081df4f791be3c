"""Status / event-type evaluation: alignment, scoring, the gold file's integrity.

All texts here are written by the team.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.eval.status import (
    MISS, GoldClaim, Pairing, SpanMismatch, accuracy, align, check_span, confusion, document_path, load_gold,
    macro_f1, make_document, overlap, pair, score, span_hash,
)
from claimgraph.model import Claim, Document
from tests.conftest import EVAL_DATA

TEXT = "The ferry left the harbour at dawn. Officials said it would return on Friday."


def claim(start: int, end: int, **labels) -> Claim:
    return Claim(id=f"d:{start}", text=TEXT[start:end], span=(start, end), sentence_span=(start, end), **labels)


def gold(start: int, end: int, text: str = TEXT, **labels) -> GoldClaim:
    values = {"status": "asserted", "event_type": "other", "negated": False} | labels
    return GoldClaim(corpus="polnear", folder="train", doc="ferry", span=(start, end),
                     sha1=span_hash(text[start:end]), split="test", **values)


def test_status_overlap_counts_shared_characters():
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 10), (10, 20)) == 0


def test_status_align_picks_the_prediction_with_largest_overlap():
    small, large = claim(0, 12), claim(4, 34)
    assert align((4, 34), [small, large]) is large


def test_status_align_returns_none_without_overlap():
    assert align((35, 77), [claim(0, 34)]) is None


def test_status_align_shifts_predicted_spans_into_file_coordinates():
    predicted = claim(0, 10)
    assert align((40, 50), [predicted], shift=40) is predicted
    assert align((40, 50), [predicted]) is None


def test_status_accuracy_counts_misses_as_wrong():
    assert accuracy([("hedged", "hedged"), ("denied", MISS)]) == 0.5


def test_status_macro_f1_averages_over_labels_without_the_miss_marker():
    pairs = [("reported", "reported"), ("reported", "asserted"), ("denied", MISS)]
    # reported: P 1, R 0.5, F1 2/3; asserted: P 0, F1 0; denied: R 0, F1 0.
    assert macro_f1(pairs) == pytest.approx((2 / 3) / 3)


def test_status_macro_f1_is_one_when_every_label_matches():
    assert macro_f1([("hedged", "hedged"), ("speculative", "speculative")]) == 1.0


def test_status_confusion_puts_misses_in_the_last_column():
    table = confusion([("hedged", "hedged"), ("hedged", MISS), ("denied", "hedged")], ["hedged", "denied"])
    rows = {line.split()[0]: line.split()[1:] for line in table.splitlines()[1:]}
    assert rows == {"hedged": ["1", "0", "1"], "denied": ["1", "0", "0"]}


def test_status_check_span_raises_when_the_text_changed():
    record = gold(0, 34)
    check_span(TEXT, record)
    with pytest.raises(SpanMismatch):
        check_span(TEXT.replace("ferry", "barge"), record)


def test_status_make_document_keeps_polnear_text_whole():
    document, shift = make_document(TEXT, "polnear")
    assert (document.text, shift) == (TEXT, 0)


def test_status_make_document_drops_the_seed_header_and_reports_its_length():
    file_text = "date 2025-03-01 Guest Post by Ada Writer\n\n" + TEXT
    document, shift = make_document(file_text, "seed")
    assert file_text[shift:shift + len(document.text)] == document.text
    assert document.text.startswith("The ferry")


def test_status_pair_and_score_on_a_hand_made_corpus(tmp_path: Path):
    folder = tmp_path / "attribution" / "polnear" / "train" / "text"
    folder.mkdir(parents=True)
    (folder / "ferry.txt").write_text(TEXT, encoding="utf-8")
    golds = [gold(0, 34), gold(50, 76, status="speculative")]

    def predict(document: Document) -> list[Claim]:
        return [claim(0, 34, status="asserted", event_type="other")]

    pairings = pair(tmp_path, golds, predict)
    metrics = {m.name: m.value for m in score(pairings, "test")}
    assert [p.predicted is not None for p in pairings] == [True, False]
    assert metrics["status.detection.recall"] == 0.5
    assert metrics["status.status.accuracy"] == 0.5
    assert metrics["status.event_type.accuracy"] == 0.5


def test_status_pairing_label_is_none_for_a_miss():
    assert Pairing(gold(0, 34), None).label("status") == MISS


def test_status_load_gold_splits_by_document():
    dev, test = load_gold("dev"), load_gold("test")
    assert len(dev) + len(test) == len(load_gold("all")) >= 240
    assert not {c.document_key for c in dev} & {c.document_key for c in test}


def test_status_load_gold_rejects_an_unknown_split():
    with pytest.raises(ValueError):
        load_gold("train")


@pytest.mark.evaldata
def test_status_every_gold_span_matches_its_hash_in_the_shared_data():
    if not EVAL_DATA.exists():
        pytest.skip(f"evaluation data not found at {EVAL_DATA}")
    for record in load_gold("all"):
        text = document_path(EVAL_DATA, record).read_text(encoding="utf-8")
        check_span(text, record)
