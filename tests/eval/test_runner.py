import io
from pathlib import Path

from rich.console import Console

from claimgraph.eval import DEFAULT_DATA, Metric
from claimgraph.eval.runner import EVALUATIONS, Evaluation, check_floors, load_floors, reads_default, run_evaluations


def test_runner_check_floors_names_the_metric_under_its_floor():
    problems = check_floors([Metric("x.f1", 0.70), Metric("y.f1", 0.95)], {"x.f1": 0.80, "y.f1": 0.90})
    assert problems == ["x.f1 = 0.700 is under its floor 0.800"]


def test_runner_check_floors_ignores_unpinned_metrics():
    assert check_floors([Metric("z", 0.1)], {"x.f1": 0.8}) == []


def test_runner_baseline_floors_are_fractions():
    floors = load_floors()
    assert floors and all(0.0 <= floor <= 1.0 for floor in floors.values())


def test_runner_floors_are_pinned_for_the_default_corpora_only():
    assert reads_default("linking_real", None)
    assert reads_default("linking_real", DEFAULT_DATA / "linking-real" / ".")
    assert not reads_default("linking_real", Path("tests/fixtures/linking_real_ru"))


class LowScore(Evaluation):
    def run(self, data):
        return [Metric("attribution.source.f1_overlap", 0.1)]


def test_runner_a_corpus_of_ones_own_is_not_held_to_the_floors(monkeypatch):
    monkeypatch.setitem(EVALUATIONS, "attribution", LowScore("attribution", "", DEFAULT_DATA, "."))
    quiet = Console(file=io.StringIO())
    assert not run_evaluations({"attribution": None}, quiet)
    assert run_evaluations({"attribution": Path("elsewhere")}, quiet, pinned=False)
