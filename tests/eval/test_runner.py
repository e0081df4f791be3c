from claimgraph.eval import Metric
from claimgraph.eval.runner import check_floors, load_floors


def test_runner_check_floors_names_the_metric_under_its_floor():
    problems = check_floors([Metric("x.f1", 0.70), Metric("y.f1", 0.95)], {"x.f1": 0.80, "y.f1": 0.90})
    assert problems == ["x.f1 = 0.700 is under its floor 0.800"]


def test_runner_check_floors_ignores_unpinned_metrics():
    assert check_floors([Metric("z", 0.1)], {"x.f1": 0.8}) == []


def test_runner_baseline_floors_are_fractions():
    floors = load_floors()
    assert floors and all(0.0 <= floor <= 1.0 for floor in floors.values())
