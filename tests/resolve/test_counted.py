"""Times counted from another day of the text ("a day earlier"), dated from the day given before them."""

from __future__ import annotations

from datetime import date

from hypothesis import given

from claimgraph.model import Claim, TimeSpan
from claimgraph.resolve.counted import with_counted_times
from claimgraph.resolve.times import counted_from, normalise
from tests.strategies import date_expressions

PUBLISHED = date(2022, 8, 8)
TEXT = ("Rockets hit the depot on 6 August. A day earlier, a drone fell near the gate. "
        "The plant has been shelled since March. Two days later, the mayor spoke.")


def claim(number: int, sentence: str, time: str | None, text: str = TEXT) -> Claim:
    """A claim over ``sentence`` of ``text`` whose time is ``time`` (a phrase in it), read as the resolver does."""
    start = text.index(sentence)
    found = None
    if time is not None:
        at = text.index(time, start)
        found = normalise(time, PUBLISHED).model_copy(update={"span": (at, at + len(time))})
    return Claim(id=f"d:{number}", text=sentence, span=(start, start + len(sentence)),
                 sentence_span=(start, start + len(sentence)), time=found)


def test_counted_a_day_earlier_is_the_day_before_the_day_given_before_it():
    depot, drone = with_counted_times([claim(0, "Rockets hit the depot on 6 August.", "on 6 August"),
                                       claim(1, "A day earlier, a drone fell near the gate.", "A day earlier")])
    assert (drone.time.start, drone.time.end, drone.time.precision, drone.time.resolved) == (
        "2022-08-05", "2022-08-05", "day", True)
    assert "on 6 August" in drone.time.note and drone.time.span == (35, 48)
    assert depot.time.start == "2022-08-06"


def test_counted_with_no_day_before_it_stays_undated():
    [drone] = with_counted_times([claim(1, "A day earlier, a drone fell near the gate.", "A day earlier")])
    assert not drone.time.resolved and drone.time.start is None


def test_counted_a_day_given_after_it_is_not_counted_from():
    text = "A day earlier, a drone fell near the gate. Rockets hit the depot on 6 August."
    drone, depot = with_counted_times([claim(1, "A day earlier, a drone fell near the gate.", "A day earlier", text),
                                       claim(0, "Rockets hit the depot on 6 August.", "on 6 August", text)])
    assert not drone.time.resolved and depot.time.resolved


def test_counted_from_the_nearest_day_not_a_longer_period():
    """"since March" names no day; the count goes from 6 August, the nearest day before."""
    *_, mayor = with_counted_times([claim(0, "Rockets hit the depot on 6 August.", "on 6 August"),
                                    claim(2, "The plant has been shelled since March.", "since March"),
                                    claim(3, "Two days later, the mayor spoke.", "Two days later")])
    assert mayor.time.start == "2022-08-08"


def test_counted_a_digest_heading_is_a_day_to_count_from():
    heading = TimeSpan(text="5 August 2022", span=(0, 13), start="2022-08-05", end="2022-08-05", precision="day",
                       anchor="explicit", resolved=True)
    [drone] = with_counted_times([claim(1, "A day earlier, a drone fell near the gate.", "A day earlier")], [heading])
    assert (drone.time.start, drone.time.anchor) == ("2022-08-04", "explicit")


def test_counted_an_impossible_count_stays_undated():
    text = "Rockets hit the depot on 6 August. 99999999 days later, the mayor spoke."
    _, mayor = with_counted_times([claim(0, "Rockets hit the depot on 6 August.", "on 6 August", text),
                                   claim(1, "99999999 days later, the mayor spoke.", "99999999 days later", text)])
    assert not mayor.time.resolved


@given(expression=date_expressions())
def test_counted_any_expression_is_a_day_or_nothing(expression):
    counted = counted_from(expression, normalise("6 August 2022", None))
    assert counted is None or (counted.precision == "day" and counted.start == counted.end)
