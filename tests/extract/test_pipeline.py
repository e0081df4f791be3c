import pytest

from claimgraph.extract.pipeline import COMPONENTS

pytestmark = pytest.mark.slow


def test_pipeline_components_in_order_after_the_model(claim_nlp):
    names = claim_nlp.pipe_names
    assert [n for n in names if n.startswith("claimgraph_")] == [
        "claimgraph_paragraphs_v1", *[c for c in COMPONENTS if c != "claimgraph_paragraphs_v1"]]
    assert names.index("claimgraph_paragraphs_v1") < names.index("parser") < names.index("claimgraph_attribution_v1")


def test_pipeline_requirements_are_met(claim_nlp):
    problems = claim_nlp.analyze_pipes()["problems"]
    assert all(not missing for missing in problems.values())


def test_pipeline_does_not_change_the_shared_model(claim_nlp):
    from claimgraph.extract.language import load_spacy

    assert not any(n.startswith("claimgraph_") for n in load_spacy("auto").pipe_names)
