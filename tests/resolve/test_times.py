from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.resolve.times import normalise, time_words
from tests.strategies import date_expressions

FRIDAY = date(2024, 8, 9)


@pytest.mark.parametrize("expression, start, end, precision", [
    ("the past four days", "2024-08-06", "2024-08-09", "day"),
    ("In three days", "2024-08-06", "2024-08-09", "day"),
    ("yesterday", "2024-08-08", "2024-08-08", "day"),
    ("on Tuesday", "2024-08-06", "2024-08-06", "day"),
    ("on Friday", "2024-08-09", "2024-08-09", "day"),
    ("last Friday", "2024-08-02", "2024-08-02", "day"),
    ("last week", "2024-07-29", "2024-08-04", "week"),
    ("this week", "2024-08-05", "2024-08-09", "week"),
    ("since August 6", "2024-08-06", "2024-08-09", "day"),
    ("since 2014", "2014-01-01", "2024-08-09", "year"),
    ("since March", "2024-03-01", "2024-08-09", "month"),
    ("on the night of March 21", "2024-03-21", "2024-03-21", "day"),
    ("on August 6", "2024-08-06", "2024-08-06", "day"),
    ("between August 6 and 8", "2024-08-06", "2024-08-08", "day"),
    ("in December", "2023-12-01", "2023-12-31", "month"),
    ("last month", "2024-07-01", "2024-07-31", "month"),
    ("two weeks ago", "2024-07-26", "2024-07-26", "day"),
    ("last fall", "2023-09-01", "2023-11-30", "month"),
    ("last summer", "2023-06-01", "2023-08-31", "month"),
    ("this spring", "2024-03-01", "2024-05-31", "month"),
    ("in the summer", "2024-06-01", "2024-08-09", "month"),
    ("last winter", "2023-12-01", "2024-02-29", "month"),
    ("the summer of last year", "2023-06-01", "2023-08-31", "month"),
])
def test_times_relative_to_publication(expression, start, end, precision):
    span = normalise(expression, FRIDAY)
    assert (span.start, span.end, span.precision, span.anchor, span.resolved) == (
        start, end, precision, "published", True)


@pytest.mark.parametrize("expression, start, end, precision", [
    ("August 6, 2024", "2024-08-06", "2024-08-06", "day"),
    ("6 August 2024", "2024-08-06", "2024-08-06", "day"),
    ("August 6th, 2024", "2024-08-06", "2024-08-06", "day"),
    ("31st May 2023", "2023-05-31", "2023-05-31", "day"),
    ("2024-08-06", "2024-08-06", "2024-08-06", "day"),
    ("March 2022", "2022-03-01", "2022-03-31", "month"),
    ("in 2023", "2023-01-01", "2023-12-31", "year"),
])
def test_times_explicit_dates(expression, start, end, precision):
    span = normalise(expression, FRIDAY)
    assert (span.start, span.end, span.precision, span.anchor) == (start, end, precision, "explicit")


SUNDAY = date(2022, 8, 7)


@pytest.mark.parametrize("expression, start, end", [
    # a part of a day dates that day
    ("On the evening of 6 August", "2022-08-06", "2022-08-06"),
    ("the morning of the 5th of August", "2022-08-05", "2022-08-05"),
    ("in the early hours of Saturday", "2022-08-06", "2022-08-06"),
    ("In the small hours of 6 August", "2022-08-06", "2022-08-06"),
    ("on Friday night", "2022-08-05", "2022-08-05"),
    # an end of a day dates that day
    ("late on Friday", "2022-08-05", "2022-08-05"),
    ("early Saturday", "2022-08-06", "2022-08-06"),
    ("earlier on Sunday", "2022-08-07", "2022-08-07"),
    # a night across two days: from the day before the one it runs into
    ("overnight into Sunday", "2022-08-06", "2022-08-07"),
    ("Saturday night into Sunday", "2022-08-06", "2022-08-07"),
    ("the night from Friday to Saturday", "2022-08-05", "2022-08-06"),
    ("overnight to 7 August", "2022-08-06", "2022-08-07"),
    ("overnight to August 7", "2022-08-06", "2022-08-07"),
    ("the night of 5 to 6 August", "2022-08-05", "2022-08-06"),
    # two days, day first, ordinals allowed
    ("on 5-6 August", "2022-08-05", "2022-08-06"),
    ("5th and 6th of August", "2022-08-05", "2022-08-06"),
    ("August 5th-6th", "2022-08-05", "2022-08-06"),
    # publication-relative nights
    ("last night", "2022-08-06", "2022-08-06"),
    ("overnight", "2022-08-06", "2022-08-06"),
])
def test_times_days_as_news_reports_give_them(expression, start, end):
    span = normalise(expression, SUNDAY)
    assert (span.start, span.end, span.precision, span.resolved) == (start, end, "day", True)


@pytest.mark.parametrize("expression", [
    "the previous day", "a day earlier", "The day before", "the next day", "the following morning",
    "A week later", "later that day", "two days earlier", "the same day", "earlier in the day",
])
def test_times_counted_from_another_time_of_the_text_are_left_undated(expression):
    """"The previous day" is the day before some day the text gave, not before publication:
    no day is better than a wrong one."""
    span = normalise(expression, SUNDAY)
    assert not span.resolved and span.start is None and "another time" in span.note


@pytest.mark.parametrize("expression", ["in the coming days", "the past days", "over the coming hours", "the day",
                                        "The week"])
def test_times_uncounted_days_name_no_day(expression):
    """How many days, or which, is not said ("The day" is what the model tags of "The day the dam broke")."""
    assert not normalise(expression, SUNDAY).resolved


@pytest.mark.parametrize("expression", ["40 years", "three months", "two weeks"])
def test_times_a_bare_length_of_weeks_or_more_is_no_date(expression):
    """"a pilot with 40 years in the air", "the siege lasted two weeks": how long, not
    when (a span back from publication day would date the claim decades back)."""
    span = normalise(expression, SUNDAY)
    assert not span.resolved and span.start is None and "length of time" in span.note


def test_times_a_counted_period_with_its_reference_still_dates():
    assert normalise("the past two years", SUNDAY).resolved and normalise("40 years ago", SUNDAY).resolved


@pytest.mark.parametrize("expression", ["late July", "early August", "late last year", "later in the day"])
def test_times_an_edge_of_anything_but_a_day_gives_no_day(expression):
    """"late July" is not the first of July, and "later in the day" counts from a day the text gave."""
    span = normalise(expression, SUNDAY)
    assert not span.resolved and span.start is None


def test_times_since_a_month_is_no_day():
    assert normalise("since March", SUNDAY).precision == "month"


def test_times_explicit_date_needs_no_publication_date():
    assert normalise("August 6, 2024", None).start == "2024-08-06"


def test_times_relative_without_publication_date_is_unresolved():
    span = normalise("yesterday", None)
    assert not span.resolved and span.start is None and "publication date" in span.note
    assert span.anchor == "unknown"


def test_times_vague_expression_is_unresolved_with_reason():
    span = normalise("in recent days", FRIDAY)
    assert not span.resolved and span.start is None and span.note == "too vague to date"


def test_times_unknown_expression_does_not_fall_back_to_publication():
    span = normalise("when the moon was full", FRIDAY)
    assert not span.resolved and span.start is None and span.note


def test_times_future_cue_looks_forward():
    span = normalise("in the next three days", FRIDAY)
    assert (span.start, span.end) == ("2024-08-10", "2024-08-12")


def test_times_date_without_year_after_publication_is_last_year():
    assert normalise("on December 25", FRIDAY).start == "2023-12-25"


@pytest.mark.parametrize("expression", [
    "February 30, 2024", "31 September", "2024-13-45", "between August 30 and 34", "since February 30",
    "99999999 days ago", "in 99999999 days", "the past 9999999999999 years", "0 August 2024",
    "between August 8 and 6",
])
def test_times_impossible_date_is_unresolved(expression):
    span = normalise(expression, FRIDAY)
    assert (span.resolved, span.start, span.end) == (False, None, None)
    assert span.note


@given(expression=date_expressions(), published=st.one_of(st.none(), st.dates()))
def test_times_any_expression_is_a_span_or_unresolved(expression, published):
    span = normalise(expression, published)
    if span.resolved:
        start, end = date.fromisoformat(span.start), date.fromisoformat(span.end)
        assert start <= end and span.precision
    else:
        assert (span.start, span.end) == (None, None) and span.note


def test_times_words_are_typed_and_frozen():
    words = time_words()
    assert words.future_cues.search("in the coming days") and not words.future_cues.search("becoming")
    assert words.units_days["weeks"] == 7 and "recently" in words.vague
    with pytest.raises(TypeError):
        words.units_days["fortnight"] = 14


@pytest.mark.parametrize("expression, start, end", [
    ("autumn 2022", "2022-09-01", "2022-11-30"),
    ("in the fall of 2014", "2014-09-01", "2014-11-30"),
    ("the winter of 2022", "2022-12-01", "2023-02-28"),
])
def test_times_a_season_of_a_year_is_its_three_months(expression, start, end):
    span = normalise(expression, FRIDAY)
    assert (span.start, span.end, span.precision, span.anchor) == (start, end, "month", "explicit")


def test_times_a_season_still_ahead_is_the_future():
    span = normalise("this winter", FRIDAY)
    assert (span.start, span.end, span.note) == ("2024-12-01", "2025-02-28", "future")
