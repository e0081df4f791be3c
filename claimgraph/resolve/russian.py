"""Times and quantities in Russian claims, found in the claim's text and read (data/ru.yaml).

``claim_time(text, published)``: the claim's first time expression as a ``TimeSpan``, dated with
the English precision rules (times.py): a date or weekday is a day, a month a month, a year a
year, relative days against the publication date; nothing falls back to the publication date.
``claim_quantities(text)``: every number (or vague count) with what it counts, read the ACLED
way (quantities.yaml): "не менее 10 человек" -> min 10, conservative 10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional

import dateparser

from claimgraph.model import Quantity, TimeSpan
from claimgraph.resolve.times import normalise, unresolved
from claimgraph.rules import typed_rules

NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?"
NO_ANCHOR = "relative expression and no publication date to anchor it"


@dataclass(frozen=True)
class RussianReadings:
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    number_words: Mapping[str, int]
    vague: Mapping[str, tuple[int, int]]  # word -> (min, conservative)
    qualifiers: Mapping[str, Mapping[str, Any]]
    units: Mapping[str, str]  # word prefix -> unit
    seasons: Mapping[str, str]  # season word -> English season (times.yaml)
    season_which: Mapping[str, str]  # "прошлой" -> "last"
    times: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), tried in order
    quantity: re.Pattern[str]


def readings() -> RussianReadings:
    return typed_rules("claimgraph.resolve", "data/ru.yaml", _readings)


def _alternatives(words) -> str:
    """A pattern matching any of ``words``, longest first; the words of a phrase may be parted
    by any white space, a line break too ("минувшей\nночью")."""
    phrases = (r"\s+".join(map(re.escape, word.split())) for word in sorted(words, key=len, reverse=True))
    return "|".join(phrases)


def _readings(raw: dict[str, Any]) -> RussianReadings:
    months, weekdays = _alternatives(raw["months"]), _alternatives(raw["weekdays"])
    day = rf"(?P<day>\d{{1,2}})\s+(?P<month>{months})(?:\s+(?P<year>\d{{4}})(?:\s+года)?)?"
    times = (
        ("night", re.compile(rf"\bв\s+ночь\s+(?:с\s+\S+\s+)?на\s+(?:(?P<weekday>{weekdays})|{day})", re.I)),
        ("date", re.compile(rf"\b{day}", re.I)),
        ("weekday", re.compile(rf"\bв[о]?\s+(?P<weekday>{weekdays})\b", re.I)),
        ("month", re.compile(rf"\bв\s+(?P<month>{months})(?:\s+(?P<year>\d{{4}})\s+года)?", re.I)),
        ("year", re.compile(r"\bв\s+(?P<year>\d{4})\s+году\b", re.I)),
        ("season", re.compile(rf"(?<!\w)(?:(?P<which>{_alternatives(raw['season_which'])})\s+)?"
                              rf"(?P<season>{_alternatives(raw['seasons'])})(?!\w)"
                              rf"(?:\s+(?P<year>\d{{4}})(?:\s+года)?"
                              rf"|\s+(?P<of_year>прошлого|этого)\s+года)?", re.I)),
        ("relative", re.compile(rf"(?P<when>\b(?:{_alternatives(raw['relative_days'])})\b|\b(?:\d+|\w+)\s+"
                                rf"(?:{_alternatives(raw['ago'])})\s+назад\b)"
                                rf"(?:\s+(?:{_alternatives(raw['night_after'])})\b)?", re.I)),
        ("day_before", re.compile(rf"\b(?:{_alternatives(raw['day_before'])})\b", re.I)),
    )
    counts = _alternatives([*raw["number_words"], *raw["vague"]])
    quantity = re.compile(rf"(?:(?P<qualifier>{_alternatives(raw['qualifiers'])})\s+)?"
                          rf"(?P<number>{NUMBER}|\b(?:{counts})\b)\s+(?P<unit>[^\W\d_]+)", re.I)
    return RussianReadings(
        months=MappingProxyType(raw["months"]), weekdays=MappingProxyType(raw["weekdays"]),
        number_words=MappingProxyType(raw["number_words"]),
        vague=MappingProxyType({word: (low, coded) for word, (low, coded) in raw["vague"].items()}),
        qualifiers=MappingProxyType(raw["qualifiers"]), units=MappingProxyType(raw["units"]),
        seasons=MappingProxyType(raw["seasons"]), season_which=MappingProxyType(raw["season_which"]),
        times=times, quantity=quantity)


# ---------------------------------------------------------------- times

def claim_time(text: str, offset: int, published: Optional[date]) -> Optional[TimeSpan]:
    """The first time expression of a claim's ``text`` (which starts at ``offset`` in its
    document), dated against ``published``."""
    found = [(match.start(), kind, match) for kind, pattern in readings().times
             if (match := pattern.search(text))]
    if not found:
        return None
    _, kind, match = min(found, key=lambda item: item[0])
    expression = match.group().strip()
    try:
        span = READERS[kind](expression, match, published)
    except (ValueError, OverflowError) as error:
        span = unresolved(expression, f"not a real date: {error}")
    return span.model_copy(update={"span": (offset + match.start(), offset + match.end())})


def _unanchored(expression: str) -> TimeSpan:
    return unresolved(expression, NO_ANCHOR, "unknown")


def _dated(expression: str, start: date, end: date, precision: str, anchor: str) -> TimeSpan:
    return TimeSpan(text=expression, start=start.isoformat(), end=end.isoformat(), precision=precision,
                    anchor=anchor, resolved=True)


def _day_of(match: re.Match[str], published: Optional[date]) -> Optional[tuple[date, str]]:
    """The day a "5 августа [2023 года]" group names; without a year, the latest one not after
    publication (None when there is no publication date to tell the year)."""
    month, day = readings().months[match["month"].lower()], int(match["day"])
    if match["year"]:
        return date(int(match["year"]), month, day), "explicit"
    if published is None:
        return None
    year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    return date(year, month, day), "published"


def _weekday_before(weekday: str, published: date) -> date:
    """The latest such weekday on or before publication (the English rule, times.py)."""
    back = (published.weekday() - readings().weekdays[weekday.lower()]) % 7
    return published - timedelta(days=back)


def _read_date(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    day = _day_of(match, published)
    if day is None:
        return _unanchored(expression)
    return _dated(expression, day[0], day[0], "day", day[1])


def _read_night(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    """"в ночь на пятницу": the night ending that day, so it starts the day before."""
    if match["weekday"]:
        if published is None:
            return _unanchored(expression)
        end, anchor = _weekday_before(match["weekday"], published), "published"
    else:
        day = _day_of(match, published)
        if day is None:
            return _unanchored(expression)
        end, anchor = day
    return _dated(expression, end - timedelta(days=1), end, "day", anchor)


def _read_weekday(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    if published is None:
        return _unanchored(expression)
    day = _weekday_before(match["weekday"], published)
    return _dated(expression, day, day, "day", "published")


def _read_month(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    month = readings().months[match["month"].lower()]
    if match["year"]:
        year, anchor = int(match["year"]), "explicit"
    elif published is not None:
        year, anchor = (published.year if month <= published.month else published.year - 1), "published"
    else:
        return _unanchored(expression)
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return _dated(expression, date(year, month, 1), last, "month", anchor)


def _read_year(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    return normalise(match["year"], published).model_copy(update={"text": expression})


def _read_season(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    """"прошлой осенью", "летом 2022 года": read as the English season (times.py)."""
    words = readings()
    which = words.season_which[match["which"].lower()] + " " if match["which"] else ""
    year = " " + match["year"] if match["year"] else ""
    if match["of_year"]:  # "летом прошлого года": "summer of last year"
        year = " of " + ("last" if match["of_year"].lower() == "прошлого" else "this") + " year"
    return normalise(which + words.seasons[match["season"].lower()] + year, published).model_copy(
        update={"text": expression})


def _read_relative(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    """"вчера", "три дня назад": dateparser (languages ru) against the publication date; a
    night word after it ("сегодня ночью") stays in the expression but not in what is parsed."""
    if published is None:
        return _unanchored(expression)
    settings = {"RELATIVE_BASE": datetime.combine(published, datetime.min.time()), "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(match["when"], languages=["ru"], settings=settings)
    if parsed is None:
        return unresolved(expression, "not a date expression the rules know")
    return _dated(expression, parsed.date(), parsed.date(), "day", "published")


def _read_day_before(expression: str, match: re.Match[str], published: Optional[date]) -> TimeSpan:
    if published is None:
        return _unanchored(expression)
    day = published - timedelta(days=1)
    return _dated(expression, day, day, "day", "published")


READERS: dict[str, Callable[[str, re.Match[str], Optional[date]], TimeSpan]] = {
    "night": _read_night, "date": _read_date, "weekday": _read_weekday, "month": _read_month,
    "year": _read_year, "season": _read_season, "relative": _read_relative, "day_before": _read_day_before,
}


# ---------------------------------------------------------------- quantities

def claim_quantities(text: str, offset: int) -> list[Quantity]:
    """Every count in a claim's ``text`` (starting at ``offset``) whose next word names what it
    counts (``units``); a number before a month or "года" is a date, not a count."""
    found = []
    for match in readings().quantity.finditer(text):
        unit = unit_of(match["unit"])
        if unit is None:
            continue
        value = _quantity(match, unit)
        found.append(value.model_copy(update={"span": (offset + match.start(), offset + match.end())}))
    return found


def unit_of(word: str) -> Optional[str]:
    word = word.lower()
    return next((unit for prefix, unit in readings().units.items() if word.startswith(prefix)), None)


def _number(written: str) -> tuple[float, Optional[float]]:
    """(the figure, the lowest reading) of a number as written: digits, a word, a vague count."""
    rules, word = readings(), written.lower()
    if word in rules.vague:
        low, coded = rules.vague[word]
        return float(coded), float(low)
    if word in rules.number_words:
        value = float(rules.number_words[word])
        return value, value
    value = float(re.sub(r"[ \u00a0]", "", written).replace(",", "."))
    return value, value


def _quantity(match: re.Match[str], unit: str) -> Quantity:
    figure, lowest = _number(match["number"])
    vague = match["number"].lower() in readings().vague
    qualifier = readings().qualifiers.get((match["qualifier"] or "").lower())
    if qualifier is None:
        low, high = (lowest, None) if vague else (figure, figure)
        return Quantity(text=match.group(), min=low, max=high, conservative=figure, unit=unit, approximate=vague)
    bound = qualifier["bound"]
    return Quantity(text=match.group(), unit=unit, approximate=bool(qualifier["approximate"]) or vague,
                    min=figure if bound in ("min", "exact") else None,
                    max=figure if bound in ("max", "exact") else None,
                    conservative=figure if qualifier["conservative"] == "figure" else None)
