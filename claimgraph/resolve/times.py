"""Time expressions -> ISO date ranges, read against the publication date.

``normalise(expression, published)`` returns a ``TimeSpan``: ``start``/``end`` as ISO dates,
``precision`` (day/week/month/year), ``anchor`` ("published" for relative expressions,
"explicit" for dates written out) and ``resolved``.  What cannot be dated stays unresolved
with a ``note``; nothing falls back to the publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, Callable, Mapping

import dateparser
from claimgraph.model import TimeSpan
from claimgraph.resolve.numbers import parse_number, word_pattern
from claimgraph.rules import typed_rules

WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = [m.lower() for m in calendar.month_name if m]
MONTH = r"(?P<month>" + "|".join(MONTHS + [m[:3] for m in MONTHS]) + r")\.?"
LEADING = re.compile(r"^(?:on|at|during|over|of|by|the)\s+", re.I)


@dataclass(frozen=True)
class TimeWords:
    """times.yaml: what is too vague to date, what speaks of the future, how long a unit is."""
    vague: frozenset[str]  # whole expressions
    vague_words: frozenset[str]  # any one of them makes an expression vague
    future_cues: re.Pattern[str]  # any of the cues as a whole word, in lower case
    units_days: Mapping[str, int]
    item_heading: re.Pattern[str]  # a digest's dated item heading, a line of its own
    weekday: re.Pattern[str]  # "Friday", "last Friday", "Friday night", "Friday early hours"
    day_prefix: re.Pattern[str]  # "the evening of ", "in the early hours of ": the day after it is dated
    day_edge: re.Pattern[str]  # "early ", "late on ": group "day" is dated if it is one day
    night_into: re.Pattern[str]  # "overnight into <day>", "Saturday night into <day>", "night from X to <day>"
    anaphoric: tuple[tuple[re.Pattern[str], int], ...]  # "the previous day" and its days from the day before it
    anaphoric_count: re.Pattern[str]  # "two days earlier": groups n, unit, way
    count_back: frozenset[str]  # the ways that count backwards ("earlier")
    season_months: Mapping[str, int]  # season -> its first month
    season: re.Pattern[str]  # "last fall", "the summer of 2022 / of last year": which, season, year, of_year


def time_words() -> TimeWords:
    return typed_rules("claimgraph.resolve", "data/times.yaml", _time_words)


def _time_words(raw: dict[str, Any]) -> TimeWords:
    parts, edges, nights = (_alternation(raw[key]) for key in ("parts_of_day", "day_edges", "night_words"))
    return TimeWords(
        vague=frozenset(raw["vague"]), vague_words=frozenset(raw["vague_words"]),
        future_cues=re.compile(r"\b(?:" + "|".join(map(re.escape, raw["future_cues"])) + r")\b"),
        units_days=MappingProxyType({unit: int(days) for unit, days in raw["units_days"].items()}),
        item_heading=re.compile(raw["item_heading"], re.MULTILINE),
        weekday=re.compile(rf"^(?:(?P<last>last|past)\s+)?(?P<day>{'|'.join(WEEKDAYS)})(?:\s+(?:{parts}))?$"),
        day_prefix=re.compile(rf"^(?:in\s+the\s+)?(?:{parts})\s+(?:of|on)\s+"),
        day_edge=re.compile(rf"^(?:{edges})\s+(?:on\s+)?(?P<day>\S.*)$"),
        night_into=re.compile(rf"^(?:.+?\s+)?(?:{nights})\s+(?:from\s+.+?\s+)?(?:into|to)\s+(?P<day>.+)$"),
        anaphoric=tuple((re.compile(f"^(?:{pattern})$"), int(days))
                        for pattern, days in raw["anaphoric"]["fixed"].items()),
        anaphoric_count=re.compile(f"^(?:{raw['anaphoric']['counted']})$"),
        count_back=frozenset(raw["anaphoric"]["back"]),
        season_months=MappingProxyType({season: int(month) for season, month in raw["seasons"].items()}),
        season=re.compile(rf"^(?:(?P<which>last|this|past|previous)\s+)?(?P<season>{_alternation(list(raw['seasons']))})"
                          rf"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)|\s+of\s+(?P<of_year>last|this)\s+year)?$"),
    )


def _alternation(words: list[str]) -> str:
    """Longest first, so that "early hours" is tried before "early"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _span(text: str, start: date, end: date, precision: str, anchor: str, note: str | None = None) -> TimeSpan:
    return TimeSpan(text=text, start=start.isoformat(), end=end.isoformat(), precision=precision,
                    anchor=anchor, resolved=True, note=note)


def unresolved(text: str, note: str, anchor: str | None = None) -> TimeSpan:
    return TimeSpan(text=text, resolved=False, note=note, anchor=anchor)


def clean(expression: str) -> str:
    text = expression.strip().lower().rstrip(".,;")
    previous = None
    while previous != text:  # "on the evening of", "in the early hours of"
        previous, text = text, time_words().day_prefix.sub("", LEADING.sub("", text))
    # "in December", "in 2023" (but "in three days" keeps "in": it counts elapsed time)
    return re.sub(rf"^in\s+(?=(?:{'|'.join(MONTHS)})\b|(?:19|20)\d\d\b)", "", text)


def normalise(expression: str, published: date | None) -> TimeSpan:
    """Date ``expression`` against ``published`` (the anchor of relative expressions).

    A date that does not exist ("February 30", "2024-13-45", "99999999 days ago") or a range
    that ends before it starts is unresolved, with a note saying so: a bad date in an article
    costs that date, never the article."""
    try:
        span = _normalise(expression, published)
    except (ValueError, OverflowError) as error:
        return unresolved(expression, f"not a real date: {error}")
    if span.resolved and span.end < span.start:
        return unresolved(expression, "the range ends before it starts")
    return span


def _normalise(expression: str, published: date | None) -> TimeSpan:
    text = clean(expression)
    if text in time_words().vague or time_words().vague_words.intersection(text.split()):
        return unresolved(expression, "too vague to date")
    if is_anaphoric(text):
        return unresolved(expression, "counted from another time in the text, not from publication")
    explicit = explicit_date(expression, text, published)
    if explicit is not None:
        return explicit
    if published is None:
        return unresolved(expression, "relative expression and no publication date to anchor it", "unknown")
    for rule in RELATIVE_RULES:
        span = rule(expression, text, published)
        if span is not None:
            return span
    return unresolved(expression, "not a date expression the rules know")


# ---------------------------------------------------------------- counted from another day of the text

LONGEST_COUNTED_UNIT = 7  # days: "a week later" still names a day; "a month later" (30 days, roughly) does not


def _edgeless(text: str) -> str:
    """"later that day" counts as "that day" does."""
    m = time_words().day_edge.match(text)
    return m["day"] if m else text


def is_anaphoric(text: str) -> bool:
    words, text = time_words(), _edgeless(text)
    return words.anaphoric_count.match(text) is not None or any(p.match(text) for p, _ in words.anaphoric)


def days_after(text: str) -> int | None:
    """How many days "the previous day" (-1), "a week later" (7) ... are from the day they
    count from; None for other expressions and for counts of months or years (no day)."""
    words, text = time_words(), _edgeless(text)
    fixed = [days for pattern, days in words.anaphoric if pattern.match(text)]
    if fixed:
        return fixed[0]
    m = words.anaphoric_count.match(text)
    count = parse_number(m["n"]) if m else None
    if count is None or words.units_days[m["unit"]] > LONGEST_COUNTED_UNIT:
        return None
    days = int(count * words.units_days[m["unit"]])
    return -days if m["way"] in words.count_back else days


def counted_from(expression: str, reference: TimeSpan) -> TimeSpan | None:
    """``expression`` ("a day earlier") dated from ``reference``, the day the text gave before it;
    None when it is no such expression or the reference is no day."""
    offset = days_after(clean(expression))
    if offset is None or not (reference.resolved and reference.precision == "day" and reference.start):
        return None
    try:
        day = date.fromisoformat(reference.start) + timedelta(days=offset)
    except OverflowError:  # "99999999 days later" is no day
        return None
    return _span(expression, day, day, "day", reference.anchor or "published", f"counted from {reference.text!r}")


# ---------------------------------------------------------------- explicit dates

def _year_for(month: int, day: int, published: date | None) -> int | None:
    """A date written without a year is the latest one not after publication."""
    if published is None:
        return None
    candidate = date(published.year, month, min(day, 28))
    return published.year if candidate <= published else published.year - 1


def _month_number(name: str) -> int:
    name = name.lower()[:3]
    return [m[:3] for m in MONTHS].index(name) + 1


ORDINAL = r"(?:st|nd|rd|th)?"  # outside the day's group, which int() reads
YEAR_SUFFIX = r"(?:,?\s+(?P<year>\d{4}))?"
DAY_MONTH = re.compile(  # "6 August", "the 6th of August", "August 6th, 2024"
    rf"^(?:(?P<day>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?{MONTH}|{MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}}){ORDINAL})"
    rf"{YEAR_SUFFIX}$")
MONTH_YEAR = re.compile(rf"^{MONTH}(?:\s+(?:of\s+)?(?P<year>\d{{4}}))?$")
YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})$")
ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
SINCE = re.compile(r"^since\s+(?P<rest>.+)$")
RANGE = re.compile(  # "between August 6 and 8", "August 6-8, 2024"
    rf"^(?:between|from)?\s*{MONTH}\s+(?P<d1>\d{{1,2}}){ORDINAL}\s*(?:-|–|to|and|until)\s*(?P<d2>\d{{1,2}}){ORDINAL}"
    rf"{YEAR_SUFFIX}$")
DAYS_MONTH = re.compile(  # "5-6 August", "between 5 and 6 August 2022": the range above, day first
    rf"^(?:between|from)?\s*(?P<d1>\d{{1,2}}){ORDINAL}\s*(?:-|–|to|and|until|into)\s*(?P<d2>\d{{1,2}}){ORDINAL}"
    rf"\s+(?:of\s+)?{MONTH}{YEAR_SUFFIX}$")


def explicit_date(expression: str, text: str, published: date | None) -> TimeSpan | None:
    for parser in (_iso, _day_month, _range, _month_year, _year, _season, _since, _night_into, _day_edge):
        span = parser(expression, text, published)
        if span is not None:
            return span
    return None


def _iso(expression: str, text: str, published: date | None) -> TimeSpan | None:
    m = ISO.match(text)
    if not m:
        return None
    day = date(int(m["year"]), int(m["month"]), int(m["day"]))
    return _span(expression, day, day, "day", "explicit")


def _day_month(expression: str, text: str, published: date | None) -> TimeSpan | None:
    m = DAY_MONTH.match(text)
    if not m:
        return None
    month = _month_number(m["month"] or m["month2"])
    day = int(m["day"] or m["day2"])
    year = int(m["year"]) if m["year"] else _year_for(month, day, published)
    if year is None:
        return unresolved(expression, "day and month without a year, and no publication date", "unknown")
    anchor = "explicit" if m["year"] else "published"
    when = date(year, month, day)
    return _span(expression, when, when, "day", anchor)


def _range(expression: str, text: str, published: date | None) -> TimeSpan | None:
    m = RANGE.match(text) or DAYS_MONTH.match(text)
    if not m:
        return None
    month = _month_number(m["month"])
    year = int(m["year"]) if m["year"] else _year_for(month, int(m["d1"]), published)
    if year is None:
        return unresolved(expression, "day range without a year, and no publication date", "unknown")
    return _span(expression, date(year, month, int(m["d1"])), date(year, month, int(m["d2"])), "day",
                 "explicit" if m["year"] else "published")


def _month_year(expression: str, text: str, published: date | None) -> TimeSpan | None:
    m = MONTH_YEAR.match(text)
    if not m:
        return None
    month = _month_number(m["month"])
    year = int(m["year"]) if m["year"] else _year_for(month, 1, published)
    if year is None:
        return unresolved(expression, "month without a year, and no publication date", "unknown")
    last = calendar.monthrange(year, month)[1]
    return _span(expression, date(year, month, 1), date(year, month, last), "month",
                 "explicit" if m["year"] else "published")


def _year(expression: str, text: str, published: date | None) -> TimeSpan | None:
    m = YEAR.match(text)
    if not m:
        return None
    year = int(m["year"])
    return _span(expression, date(year, 1, 1), date(year, 12, 31), "year", "explicit")


SEASON_MONTHS = 3


def _season_bounds(first_month: int, year: int) -> tuple[date, date]:
    """The season beginning in `first_month` of `year` (a winter ends in the next year)."""
    end_month = (first_month + SEASON_MONTHS - 2) % 12 + 1
    end_year = year + (end_month < first_month)
    return date(year, first_month, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _season(expression: str, text: str, published: date | None) -> TimeSpan | None:
    """"autumn 2022", "last fall", "this spring", "the summer" (see `seasons` in times.yaml)."""
    words = time_words()
    m = words.season.match(re.sub(r"^in\s+(?:the\s+)?", "", text))
    if not m:
        return None
    first_month = words.season_months[m["season"]]
    if m["year"]:
        return _span(expression, *_season_bounds(first_month, int(m["year"])), "month", "explicit")
    if published is None:
        return unresolved(expression, "a season without a year, and no publication date", "unknown")
    if m["of_year"]:  # "the summer of last year"
        return _season_so_far(expression, *_season_bounds(first_month, published.year - (m["of_year"] == "last")),
                              published)
    year = published.year if published.month >= first_month else published.year - 1  # the latest begun
    start, end = _season_bounds(first_month, year)
    if m["which"] in ("last", "past", "previous") and end >= published:
        start, end = _season_bounds(first_month, year - 1)  # the latest over
    elif m["which"] == "this" and first_month == 12 and published.month >= 3:
        start, end = _season_bounds(first_month, published.year)  # the coming winter
    return _season_so_far(expression, start, end, published)


def _season_so_far(expression: str, start: date, end: date, published: date) -> TimeSpan:
    """A season as known at publication: one under way ends at publication, one ahead is the future."""
    if start > published:
        return _span(expression, start, end, "month", "published", "future")
    return _span(expression, start, min(end, published), "month", "published")


def _since(expression: str, text: str, published: date | None) -> TimeSpan | None:
    m = SINCE.match(text)
    if not m:
        return None
    if published is None:
        return unresolved(expression, "'since' needs the publication date as its end", "unknown")
    start = normalise(m["rest"], published)
    if not start.resolved:
        return unresolved(expression, f"start not understood: {start.note}")
    # as precise as its start: "since 2014" knows the year, not the first of January
    return _span(expression, date.fromisoformat(start.start), published, start.precision, "published")


def _night_into(expression: str, text: str, published: date | None) -> TimeSpan | None:
    """"overnight into Sunday", "Saturday night into Sunday", "the night from 6 to 7 August": the
    night ending on the day named, so from the day before it to that day."""
    m = time_words().night_into.match(text)
    if not m:
        return None
    day = normalise(m["day"], published)
    if not (day.resolved and day.precision == "day" and day.start == day.end):
        return None
    end = date.fromisoformat(day.end)
    return _span(expression, end - timedelta(days=1), end, "day", day.anchor or "published")


def _day_edge(expression: str, text: str, published: date | None) -> TimeSpan | None:
    """"early Tuesday", "late on 6 August": that day.  Only a day: "late July" is not July, and
    "later in the day" counts from a day the text gave."""
    m = time_words().day_edge.match(text)
    day = normalise(m["day"], published) if m else None
    if not (day and day.resolved and day.precision == "day" and day.start == day.end):
        return None
    return day.model_copy(update={"text": expression})


# ---------------------------------------------------------------- relative to publication

def _days_back(published: date, days: int) -> date:
    return published - timedelta(days=days)


def _named_day(expression: str, text: str, published: date) -> TimeSpan | None:
    offsets = {"today": 0, "tonight": 0, "yesterday": 1, "last night": 1, "overnight": 1,
               "day before yesterday": 2}
    if text not in offsets:
        return None
    day = _days_back(published, offsets[text])
    return _span(expression, day, day, "day", "published")


def _weekday(expression: str, text: str, published: date) -> TimeSpan | None:
    m = time_words().weekday.match(text)
    if not m:
        return None
    back = (published.weekday() - WEEKDAYS.index(m["day"])) % 7
    if m["last"] and back == 0:
        back = 7
    day = _days_back(published, back)
    return _span(expression, day, day, "day", "published")


DURATION_DAYS = 7  # a bare count of this many days or more ("two weeks", "three years") is a duration
PAST_COUNT = re.compile(  # "the past four days", "in three days", "within the next 24 hours", "two weeks ago"
    rf"^(?P<elapsed>in\s+)?(?P<which>(?:the\s+)?(?:past|last|previous|next|coming)\s+|within\s+(?:the\s+)?(?:next\s+)?)?"
    rf"(?P<n>\d+|{word_pattern()})?\s*(?P<unit>hours?|days?|weeks?|months?|years?)(?:\s+ago)?$")


def _counted_period(expression: str, text: str, published: date) -> TimeSpan | None:
    """'the past four days', 'in three days', '24 hours', 'two weeks ago'."""
    m = PAST_COUNT.match(re.sub(r"^the\s+", "", text))
    if not m:
        return None
    if not m["n"] and (m["unit"].endswith("s") or not m["which"]):  # "the coming days", "the day": how many or which is not said
        return unresolved(expression, "too vague to date")
    count = parse_number(m["n"]) if m["n"] else 1
    if count is None:
        return None
    days = time_words().units_days[m["unit"]]
    ago = text.endswith(" ago")
    if not (m["which"] or m["elapsed"] or ago) and days >= DURATION_DAYS:
        # "a pilot with 40 years in the air", "the siege lasted two weeks": how long, not when
        return unresolved(expression, "a length of time, not a date")
    if _is_future(expression):
        return _span(expression, published + timedelta(days=1), published + timedelta(days=max(1, int(days * count))),
                     "day", "published", "future")
    if ago:
        day = _days_back(published, int(days * count))
        return _span(expression, day, day, "day", "published")
    # "the past four days" counts publication day as one of the four; "in three days" is
    # elapsed time, three days back from publication (the contract's example)
    back = int(days * count) - (0 if m["elapsed"] else 1)
    start = _days_back(published, max(0, back)) if days else _days_back(published, 1)
    return _span(expression, start, published, "day", "published")


def _is_future(expression: str) -> bool:
    lowered = expression.lower()
    return time_words().future_cues.search(lowered) is not None


def _calendar_unit(expression: str, text: str, published: date) -> TimeSpan | None:
    """'last week', 'this month', 'earlier this year', 'last year'."""
    m = re.match(r"^(?:earlier\s+)?(?P<which>last|this|previous|current)\s+(?P<unit>week|month|year)$", text)
    if not m:
        return None
    unit = m["unit"]
    last = m["which"] in ("last", "previous")
    start, end = _unit_bounds(unit, published, last)
    if not last:
        end = published
    return _span(expression, start, end, unit, "published")


def _unit_bounds(unit: str, published: date, previous: bool) -> tuple[date, date]:
    if unit == "week":
        monday = published - timedelta(days=published.weekday() + (7 if previous else 0))
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = published.replace(day=1)
        if previous:
            first = (first - timedelta(days=1)).replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    year = published.year - (1 if previous else 0)
    return date(year, 1, 1), date(year, 12, 31)


def _dateparser(expression: str, text: str, published: date) -> TimeSpan | None:
    """Last resort for phrasings the rules above do not cover."""
    from datetime import datetime

    settings = {"RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
                "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return _span(expression, parsed.date(), parsed.date(), "day", "published", "read by dateparser")


RELATIVE_RULES: tuple[Callable[[str, str, date], TimeSpan | None], ...] = (
    _named_day, _weekday, _calendar_unit, _counted_period, _dateparser,
)
