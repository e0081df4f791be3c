"""The accuracy gate: every evaluation must stay at or above its pinned floor.

Runs whenever the evaluation corpora are present (CI has them beside the repository).
A failure names the metric, its value and its floor.  See claimgraph/eval/baseline.json.
"""

from __future__ import annotations

import pytest

from claimgraph.eval import DEFAULT_DATA
from claimgraph.eval.runner import EVALUATIONS, check_floors, load_floors

pytestmark = [pytest.mark.slow, pytest.mark.evaldata]


@pytest.fixture(scope="module")
def floors():
    return load_floors()


@pytest.mark.parametrize("name", sorted(EVALUATIONS))
def test_gate_metrics_stay_above_floors(name, floors):
    evaluation = EVALUATIONS[name]
    # no ../shared at all (a clone on its own): skip what reads it; with it, missing data fails
    if evaluation.default_data.is_relative_to(DEFAULT_DATA) and not DEFAULT_DATA.exists():
        pytest.skip(f"evaluation data not present at {DEFAULT_DATA}")
    metrics = evaluation.run(None)
    pinned = {metric for metric in floors if metric.startswith(f"{name}.")}
    missing = pinned - {m.name for m in metrics}
    assert not missing, f"pinned metrics no longer measured: {sorted(missing)}"
    problems = check_floors(metrics, floors)
    assert not problems, "accuracy gate: " + "; ".join(problems)
