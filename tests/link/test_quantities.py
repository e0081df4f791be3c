import math

from claimgraph.link.quantities import overlaps, summarise, value_range
from claimgraph.link.rules import load_rules
from tests.link.factories import quantity

CUES = load_rules().open_ended_cues


def test_quantities_open_ended_text_runs_to_infinity():
    assert value_range(quantity("more than 100 soldiers", 100, "prisoners"), 0.25, CUES) == (100, math.inf)


def test_quantities_exact_number_is_a_point_and_approximate_is_widened():
    assert value_range(quantity("300 soldiers", 300, "prisoners"), 0.25, CUES) == (300, 300)
    assert value_range(quantity("about 300", 300, "prisoners", approximate=True), 0.25, CUES) == (225, 375)


def test_quantities_overlap_and_summary():
    assert overlaps((1, 5), (5, 9)) and not overlaps((1, 4), (5, 9))
    values = [{"min": 76000, "max": None}, {"min": 121000, "max": None}]
    assert (summarise(values)["min"], summarise(values)["max"]) == (76000, 121000)
