"""StageClock counts each second for one stage, the innermost running, and laps."""

from __future__ import annotations

import time

from claimgraph.timing import StageClock, split_text


def busy(seconds: float) -> None:
    """Wall time passes (sleeping: the clock reads wall time, not CPU)."""
    time.sleep(seconds)


def test_timing_inner_stage_pauses_the_outer_one():
    clock = StageClock()
    with clock.stage("extract"):
        busy(0.02)
        with clock.stage("read"):
            busy(0.05)
    assert clock.totals["read"] >= 0.05
    assert 0.02 <= clock.totals["extract"] < 0.05  # the read time is not extract's too


def test_timing_timed_charges_producing_each_item():
    clock = StageClock()

    def slow_items():
        for item in range(3):
            busy(0.01)
            yield item

    taken = []
    for item in clock.timed("read", slow_items()):
        with clock.stage("store"):
            taken.append(item)
    assert taken == [0, 1, 2]
    assert clock.totals["read"] >= 0.03
    assert clock.totals["store"] < clock.totals["read"]


def test_timing_lap_holds_only_the_seconds_since_the_last_lap():
    clock = StageClock()
    with clock.stage("extract"):
        busy(0.02)
    first = clock.lap()
    with clock.stage("resolve"):
        busy(0.01)
    second = clock.lap()
    assert set(first) == {"extract"} and set(second) == {"resolve"}
    assert clock.totals["extract"] == first["extract"]


def test_timing_split_text_follows_pipeline_order():
    text = split_text({"link": 2.0, "read": 0.31, "extract": 12.06, "other": 1})
    assert text == "read 0.3 s · extract 12.1 s · link 2.0 s · other 1.0 s"
