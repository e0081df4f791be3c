"""Russian times and quantities, read against the publication date (resolve/russian.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.resolve.russian import claim_quantities, claim_time
from tests.strategies import russian_time_phrases

PUBLISHED = date(2023, 6, 2)  # a Friday


@pytest.mark.parametrize("text, start, end, precision", [
    ("Обстрел начался 29 мая около полудня.", "2023-05-29", "2023-05-29", "day"),
    ("Это произошло 5 августа 2022 года.", "2022-08-05", "2022-08-05", "day"),
    ("Встреча прошла 20 декабря.", "2022-12-20", "2022-12-20", "day"),  # no year: the latest not after publication
    ("Удар был нанесён в ночь на четверг.", "2023-05-31", "2023-06-01", "day"),
    ("Атака произошла в ночь на 29 июля 2022 года.", "2022-07-28", "2022-07-29", "day"),
    ("Во вторник сбили два беспилотника.", "2023-05-30", "2023-05-30", "day"),
    ("В пятницу вывезли детей.", "2023-06-02", "2023-06-02", "day"),
    ("Вчера в городе пропал свет.", "2023-06-01", "2023-06-01", "day"),
    ("Три дня назад начался пожар.", "2023-05-30", "2023-05-30", "day"),
    ("Накануне были ранены двое.", "2023-06-01", "2023-06-01", "day"),
    ("Сегодня ночью по городу выпустили три ракеты.", "2023-06-02", "2023-06-02", "day"),
    ("Вчера ночью загорелся склад.", "2023-06-01", "2023-06-01", "day"),
    ("Минувшей ночью сбили четыре беспилотника.", "2023-06-01", "2023-06-01", "day"),
    ("Над областью минувшей\nночью сбили дрон.", "2023-06-01", "2023-06-01", "day"),  # a line break inside the phrase
    ("В августе станцию обстреливали несколько раз.", "2022-08-01", "2022-08-31", "month"),
    ("В марте 2022 года станцию захватили.", "2022-03-01", "2022-03-31", "month"),
    ("Дамбу построили в 1956 году.", "1956-01-01", "1956-12-31", "year"),
    ("Прошлой осенью дамбу заминировали.", "2022-09-01", "2022-11-30", "month"),
    ("Этой весной обстрелы усилились.", "2023-03-01", "2023-05-31", "month"),
    ("Мост разрушили летом 2022 года.", "2022-06-01", "2022-08-31", "month"),
    ("Летом прошлого года мост разрушили.", "2022-06-01", "2022-08-31", "month"),
])
def test_russian_times(text, start, end, precision):
    time = claim_time(text, 100, PUBLISHED)
    assert (time.start, time.end, time.precision, time.resolved) == (start, end, precision, True)
    assert text[time.span[0] - 100: time.span[1] - 100] == time.text


def test_russian_times_a_night_word_after_a_relative_day_stays_in_the_expression():
    # linking reads a night from the expression's words (names_a_night)
    assert claim_time("Сегодня ночью по городу выпустили три ракеты.", 0, PUBLISHED).text == "Сегодня ночью"


def test_russian_times_relative_without_a_publication_date_stay_unresolved():
    time = claim_time("Вчера в городе пропал свет.", 0, None)
    assert time.resolved is False and time.start is None and time.note


def test_russian_times_a_date_that_does_not_exist_is_unresolved():
    time = claim_time("Это случилось 31 февраля 2023 года.", 0, PUBLISHED)
    assert time.resolved is False and "not a real date" in time.note


def test_russian_times_none_in_a_claim_without_one():
    assert claim_time("Город остался без света.", 0, PUBLISHED) is None


@pytest.mark.parametrize("text, low, high, conservative, unit, approximate", [
    ("погибли не менее 10 человек", 10, None, 10, "people", False),
    ("ранены по меньшей мере четверо военнослужащих", 4, None, 4, "people", False),
    ("эвакуировали более 1 200 жителей", 1200, None, 1200, "people", True),
    ("пострадали около двадцати человек", 20, 20, 20, "people", True),
    ("противник потерял до 50 военнослужащих", None, 50, 50, "people", True),
    ("повреждены три жилых дома", None, None, None, None, None),  # an adjective between: not read
    ("повреждены три дома", 3, 3, 3, "buildings", False),
    ("вывезли несколько сотен детей", 200, None, 100, "people", True),
    ("менее 5 человек получили ранения", None, 5, None, "people", True),
])
def test_russian_quantities(text, low, high, conservative, unit, approximate):
    found = claim_quantities(text, 0)
    if unit is None:
        assert found == []
        return
    [quantity] = found
    assert (quantity.min, quantity.max, quantity.conservative, quantity.unit, quantity.approximate) == \
        (low, high, conservative, unit, approximate)
    assert text[slice(*quantity.span)] == quantity.text


def test_russian_quantities_a_date_is_not_a_count():
    assert claim_quantities("Обстрел начался 29 мая 2023 года.", 0) == []


@given(text=russian_time_phrases(), published=st.one_of(st.none(), st.dates()))
def test_russian_any_text_gives_a_span_or_unresolved_and_counts_that_are_numbers(text, published):
    time = claim_time(text, 0, published)
    if time is not None and time.resolved:
        assert date.fromisoformat(time.start) <= date.fromisoformat(time.end) and time.precision
    elif time is not None:
        assert (time.start, time.end) == (None, None) and time.note
    for quantity in claim_quantities(text, 0):
        assert text[slice(*quantity.span)] == quantity.text
