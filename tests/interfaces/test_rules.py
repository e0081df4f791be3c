"""The output rule files as typed, frozen rules."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from claimgraph.interfaces.rules import acled_rules, estimative_rules, happening_rules, report_rules


def test_rules_estimative_counts_are_words_from_zero():
    assert estimative_rules().numbers[:3] == ("no", "one", "two")  # YAML would read a bare no as False
    assert None in estimative_rules().neutral_sides  # an origin of no stated side counts as neutral


def test_rules_acled_types_fall_back_to_other_and_keep_their_refinements():
    rules = acled_rules()
    assert rules.type_of("not-a-type") is rules.types["other"]
    strike = rules.type_of("strike")
    assert set(strike.columns) == {"disorder_type", "event_type", "sub_event_type"}
    assert strike.refinements[0].columns == {"sub_event_type": "Air/drone strike"}
    assert "default" not in rules.source_scales and rules.default_source_scale
    with pytest.raises(TypeError):
        rules.types["strike"] = strike


def test_rules_report_and_happenings_are_typed_and_frozen():
    assert report_rules().takeaways.changed > 0 and isinstance(report_rules().title_chars, int)
    assert happening_rules().about_the_reporting.search("Officials DID NOT COMMENT on it")
    with pytest.raises(FrozenInstanceError):
        report_rules().no_place = ""
