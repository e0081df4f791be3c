"""Digest pages: a page of dated items (a live blog, a daily roundup) dates each item on its own.

An item starts at a heading line that is only a date, perhaps with a weekday and a clock time
("7 August 2022", "Sunday, August 7 — 14:30"; ``data/times.yaml`` item_heading).  A page
with at least two such headings is a digest: each claim below a heading reads its relative
times against that heading's day, and a claim with no time of its own is dated by it, rather
than every item taking the page's publication date.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Optional

from claimgraph.model import TimeSpan
from claimgraph.resolve.times import normalise, time_words

MIN_HEADINGS = 2  # fewer dated lines make a dated paragraph, not a digest


class DigestItems:
    """The dated item headings of one document (none when it is no digest)."""

    def __init__(self, text: str, published: Optional[date]):
        headings = []
        for match in time_words().item_heading.finditer(text):
            span = normalise(match.group("date"), published)
            if span.resolved and span.precision == "day":
                headings.append((match.start(), span.model_copy(update={"span": (match.start(), match.end())})))
        self.headings = headings if len(headings) >= MIN_HEADINGS else []
        self.starts = [start for start, _ in self.headings]

    def time_at(self, offset: int) -> Optional[TimeSpan]:
        """The date of the item holding ``offset`` (None above the first heading or on no digest)."""
        index = bisect_right(self.starts, offset) - 1
        return self.headings[index][1] if index >= 0 else None

    def anchor_at(self, offset: int, published: Optional[date]) -> Optional[date]:
        """What relative times at ``offset`` are read against: the item's day, else publication."""
        item = self.time_at(offset)
        return date.fromisoformat(item.start) if item else published
