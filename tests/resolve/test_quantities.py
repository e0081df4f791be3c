from __future__ import annotations

import math

import pytest
from hypothesis import given

from claimgraph.resolve.quantities import find_quantities, parse, quantity_rules
from tests.strategies import quantity_phrases


def test_quantities_hundreds_of_prisoners():
    q = parse("hundreds of prisoners")
    assert (q.min, q.max, q.conservative, q.unit, q.approximate) == (200, None, 100, "prisoners", True)


def test_quantities_length_for_territory_is_flagged():
    q = parse("approximately 300 kilometers of territory")
    assert (q.min, q.max, q.conservative, q.unit, q.approximate) == (300, 300, 300, "km", True)
    assert "km²" in q.unit_mismatch


def test_quantities_mismatch_seen_in_following_text():
    assert parse("approximately 300 kilometers", after=" of Russian territory").unit_mismatch
    assert parse("approximately 300 kilometers", after=" from the border").unit_mismatch is None


@pytest.mark.parametrize("text, low, high, conservative, approximate", [
    ("up to 260 servicemen", None, 260, 260, True),
    ("at least three civilians", 3, None, 3, False),
    ("more than 120,000 residents", 120000, None, 120000, True),
    ("fewer than ten soldiers", None, 10, None, True),
    ("between 100 and 300 soldiers", 100, 300, 100, False),
    ("dozens of drones", 24, None, 12, True),
    ("tens of tanks", 20, None, 10, True),
    ("tens of thousands of people", 20000, None, 10000, True),
    ("thousands of residents", 2000, None, 1000, True),
    ("a dozen tanks", 12, 12, 12, True),
    ("1.5 million refugees", 1500000, 1500000, 1500000, False),
])
def test_quantities_bounds_and_conservative(text, low, high, conservative, approximate):
    q = parse(text)
    assert (q.min, q.max, q.conservative, q.approximate) == (low, high, conservative, approximate)


def test_quantities_square_kilometres_are_an_area():
    q = parse("1,000 square kilometres")
    assert q.unit == "km²" and q.unit_mismatch is None


def test_quantities_no_number_keeps_text_only():
    q = parse("a large force")
    assert q.min is None and q.conservative is None and q.text == "a large force"


def test_quantities_finder_spans_and_skips_dates():
    text = "On August 6 2024 troops seized approximately 300 kilometers of territory and took hundreds of prisoners."
    found = find_quantities(text)
    assert [q.text for q in found] == ["approximately 300 kilometers", "hundreds of prisoners"]
    assert all(text[q.span[0]:q.span[1]] == q.text for q in found)
    assert found[0].unit_mismatch and found[1].conservative == 100


@pytest.mark.parametrize("text, unit", [
    ("two nearby villages", "villages"),
    ("more than 20 armoured vehicles", "vehicles"),
    ("at least 3 more settlements", "settlements"),
    ("more than 100 Russian servicemen", "servicemen"),
    ("five wounded", "wounded"),
])
def test_quantities_unit_is_the_counted_noun_after_its_modifiers(text, unit):
    assert [q.unit for q in find_quantities(text)] == [unit]


def test_quantities_unit_read_past_a_phrase_cut_short():
    quantity = parse("more than 1,100 square", " kilometres of the region")
    assert (quantity.text, quantity.unit, quantity.min) == ("more than 1,100 square", "km²", 1100.0)
    assert parse("more than 20 armoured", " vehicles took part").unit == "vehicles"
    assert parse("more than 100", " Russian servicemen in a day").unit == "servicemen"
    assert parse("12", " civilians were killed").unit == "civilians"


@pytest.mark.parametrize("text, low, conservative", [
    ("several hundred residents", 300, 100), ("a few thousand people", 2000, 1000), ("several dozen trucks", 36, 12),
])
def test_quantities_vague_multiples(text, low, conservative):
    q = parse(text)
    assert (q.min, q.conservative, q.approximate) == (low, conservative, True)
    assert parse("59,000", " were evacuated").unit is None and parse("3 more", " were sent").unit is None


def test_quantities_a_preposition_or_possessive_is_no_unit_and_a_partitive_counts_its_noun():
    found = find_quantities("19 of the drones were shot down over Bryansk, 12 over Kursk, in one of its largest raids.")
    assert [(q.text, q.unit, q.conservative) for q in found] == [("19 of the drones", "drones", 19)]


@given(phrase=quantity_phrases())
def test_quantities_any_phrase_parses_to_ordered_bounds(phrase):
    for quantity in [parse(phrase), *find_quantities(phrase)]:
        low, high = quantity.min, quantity.max
        assert low is None or high is None or low <= high
        assert all(value is None or math.isfinite(value) for value in (low, high, quantity.conservative))
        if quantity.conservative is not None:
            assert (low is None or quantity.conservative <= low) or (high is not None and quantity.conservative <= high)


def test_quantities_range_written_high_first_is_ordered():
    q = parse("between 300 and 100 soldiers")
    assert (q.min, q.max, q.conservative) == (100, 300, 100)


@pytest.mark.parametrize("text", ["A Mi-28 helicopter came down near the river.", "The S-400 battery fired twice.",
                                  "Crews lost a T-90 tank."])
def test_quantities_the_number_of_a_model_name_is_no_count(text):
    assert find_quantities(text) == []


def test_quantities_a_count_of_models_still_counts():
    assert [(q.min, q.unit) for q in find_quantities("Two Su-34 jets and 3 tanks were lost.")] == [
        (2.0, "jets"), (3.0, "tanks")]


def test_quantities_rules_are_typed_and_frozen():
    rules = quantity_rules()
    assert rules.qualifiers["at least"].bound == "min" and rules.qualifiers["under"].conservative is None
    assert rules.vague["dozens"].min == 24 and rules.designator_before.search("Mi-")
    with pytest.raises(TypeError):
        rules.units["km"] = "mi"
