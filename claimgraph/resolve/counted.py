"""Times counted from another day of the text: "the previous day", "a day earlier", "a week later".

``normalise`` leaves them unresolved, since publication is not what they count from.  Here a
claim's such time is dated from the nearest day given before it in the document (a claim's time
of one day or one night, or a digest item's heading): "Shelling hit the plant on 6 August. A day
earlier, ..." gives 5 August.  With no day before it, it stays unresolved.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Iterable

from claimgraph.model import Claim, TimeSpan
from claimgraph.resolve.times import counted_from

NIGHT = 1  # days a night across midnight spans: a day to count from all the same


def is_day(time: TimeSpan | None) -> bool:
    if not (time and time.resolved and time.precision == "day" and time.span and time.start and time.end):
        return False
    return (date.fromisoformat(time.end[:10]) - date.fromisoformat(time.start[:10])).days <= NIGHT


def with_counted_times(claims: list[Claim], headings: Iterable[TimeSpan] = ()) -> list[Claim]:
    """The claims, those whose time counts from another day dated from the nearest day before it."""
    days = sorted({t.span: t for t in [c.time for c in claims] + list(headings) if is_day(t)}.values(),
                  key=lambda t: t.span)
    starts = [t.span[0] for t in days]
    return [_counted(claim, days, starts) for claim in claims]


def _counted(claim: Claim, days: list[TimeSpan], starts: list[int]) -> Claim:
    time = claim.time
    if time is None or time.resolved or time.span is None:
        return claim
    index = bisect_right(starts, time.span[0] - 1) - 1  # the last day given before this time
    counted = counted_from(time.text, days[index]) if index >= 0 else None
    return claim.model_copy(update={"time": counted.model_copy(update={"span": time.span})}) if counted else claim
