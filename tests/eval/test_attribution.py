import pytest

from claimgraph.eval.attribution import (
    Attribution, annotator_agreement, compare, compare_spans, evaluate, pick_annotation, predicted_attributions,
    read_brat,
)
from claimgraph.model import Claim, SourceRef

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 30;40 52\tthe dam held up and it did\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 60 70\tit emerged\n"
    "T6\tContent 71 90\tthat roads reopened\n"
    "E2\tAttribution-no-source:T5 Content:T6 Cue:T5\n"
    "T7\tDiscuss 1 2\tx\n"
)


def test_attribution_read_brat_events_and_discontinuous_spans(tmp_path):
    path = tmp_path / "a_x.ann"
    path.write_text(ANN, encoding="utf-8")
    gold = read_brat(path)
    assert gold[0] == Attribution(source=((0, 9),), cue=((10, 14),), content=((15, 30), (40, 52)))
    assert gold[1].source == () and gold[1].cue == ((60, 70),)


def test_attribution_pick_annotation_is_alphabetical(tmp_path):
    for suffix in ("ef2d", "4b22", "6b86"):
        (tmp_path / f"story_{suffix}.ann").write_text("", encoding="utf-8")
    assert pick_annotation(tmp_path, "story").name == "story_4b22.ann"


def test_attribution_agreement_scores_the_second_annotator_against_the_first(tmp_path):
    other = ANN.replace("T1\tSource 0 9\tThe mayor", "T1\tSource 4 9\tmayor")
    for split, texts in (("train", {"one": (ANN, other), "two": (ANN,)}), ("dev", {"three": (ANN, "")})):
        for article, annotations in texts.items():
            (tmp_path / split / "text").mkdir(parents=True, exist_ok=True)
            (tmp_path / split / "attributions").mkdir(exist_ok=True)
            (tmp_path / split / "text" / f"{article}.txt").write_text("x" * 90, encoding="utf-8")
            for suffix, annotation in zip(("a1", "b2"), annotations):
                (tmp_path / split / "attributions" / f"{article}_{suffix}.ann").write_text(annotation, encoding="utf-8")
    metrics = {m.name: m for m in annotator_agreement(tmp_path)}
    # "one": same source by overlap, not exactly; "three": the second annotator marked nothing
    assert metrics["attribution.agreement.source.f1_overlap"].value == pytest.approx(2 * 0.5 / 1.5)
    assert metrics["attribution.agreement.source.f1_exact"].value == 0.0
    assert "2 articles" in metrics["attribution.agreement.source.f1_overlap"].detail


def test_attribution_compare_spans_exact_and_overlap():
    counts = compare_spans({((0, 9),), ((20, 25),)}, {((0, 9),), ((22, 30),), ((50, 60),)})
    assert (counts.exact, counts.predicted_overlapping, counts.gold_overlapped) == (1, 2, 2)
    assert (counts.predicted, counts.gold) == (2, 3)


def test_attribution_relation_needs_source_and_content():
    gold = [Attribution(((0, 9),), ((10, 14),), ((15, 30),))]
    wrong_content = [Attribution(((0, 9),), ((10, 14),), ((40, 50),))]
    assert compare(wrong_content, gold)["relation"].gold_overlapped == 0
    right = [Attribution(((2, 5),), ((10, 14),), ((20, 22),))]
    assert compare(right, gold)["relation"].gold_overlapped == 1


def test_attribution_claims_sharing_a_source_are_one_prediction():
    link = SourceRef(name="The mayor", span=(0, 9), cue="said", cue_span=(10, 14))
    claims = [Claim(id=f"d:{i}", text="t", span=span, sentence_span=(0, 60), source_chain=[link])
              for i, span in enumerate([(15, 30), (35, 52)])]
    assert predicted_attributions(claims) == [Attribution(((0, 9),), ((10, 14),), ((15, 52),))]


@pytest.mark.slow
@pytest.mark.evaldata
def test_attribution_evaluate_on_a_few_dev_articles(tmp_path):
    from tests.conftest import EVAL_DATA

    if not (EVAL_DATA / "attribution" / "polnear" / "dev").exists():
        pytest.skip("PolNeAR not found under ../shared/eval")
    metrics = {m.name: m.value for m in evaluate(EVAL_DATA, split="dev", limit=5)}
    assert metrics["attribution.source.f1_overlap"] > 0.3
    assert 0.0 <= metrics["attribution.relation.f1"] <= 1.0
