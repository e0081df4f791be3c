"""Filters for listing claims and events; values are checked when the filter is built.

A bad value raises ValueError naming the field and what is allowed (the HTTP API answers
422 with that message).  Normalised on construction: dates become ``YYYY-MM-DD`` strings,
``bbox`` a tuple of four floats (a ``"min_lon,min_lat,max_lon,max_lat"`` string is
accepted), empty strings become None.

Meaning of each field (``conditions.py`` turns them into SQL):

- status, event_type: exact value from the contract's vocabularies
- source: the origin (first link of the source chain), by canonical name or as written,
  case-insensitive; for events, any member claim's origin
- side: the origin's side; for events, any member claim's origin side
- date_from, date_to: inclusive.  A claim's date is ``time.start``, else its document's
  published date; an event matches when [first_seen, last_seen] overlaps the range
- bbox: (min_lon, min_lat, max_lon, max_lat); a claim's point is its first located place
- q: full text, all words must occur (events: in a member claim)
- document_id, event_id: membership
- story_id (events only): the story holding the event
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar, Optional, Union

from claimgraph.model import EVENT_STATUSES, EVENT_TYPES, SIDES, STATUSES
from claimgraph.store.search import search_words

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class _Filter:
    statuses: ClassVar[tuple[str, ...]] = ()

    status: Optional[str] = None
    event_type: Optional[str] = None
    source: Optional[str] = None
    side: Optional[str] = None
    date_from: Optional[Union[str, date]] = None
    date_to: Optional[Union[str, date]] = None
    bbox: Optional[Union[BBox, str]] = None
    q: Optional[str] = None
    document_id: Optional[str] = None
    event_id: Optional[str] = None

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if value == "":
                self._set(item.name, None)
            elif isinstance(value, str) and "\x00" in value:  # no database text holds one
                raise ValueError(f"{item.name} holds a NUL character")
        _check_choice("status", self.status, self.statuses)
        _check_choice("event_type", self.event_type, EVENT_TYPES)
        _check_choice("side", self.side, SIDES)
        self._set("date_from", _iso_date("date_from", self.date_from))
        self._set("date_to", _iso_date("date_to", self.date_to))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        self._set("bbox", parse_bbox(self.bbox))
        check_query(self.q)

    def _set(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)  # normalising a frozen dataclass while it is built


@dataclass(frozen=True)
class ClaimFilter(_Filter):
    statuses: ClassVar[tuple[str, ...]] = STATUSES


@dataclass(frozen=True)
class EventFilter(_Filter):
    statuses: ClassVar[tuple[str, ...]] = EVENT_STATUSES

    story_id: Optional[str] = None


def check_query(q: Optional[str]) -> None:
    """A full-text query needs at least one word (punctuation alone would match everything;
    stop words, such as "the", are never searched)."""
    if q is not None and "\x00" in q:
        raise ValueError("q holds a NUL character")
    if q is not None and not search_words(q):
        raise ValueError(f"q {q!r} has no word to search for (common words such as 'the' are left out)")


def _check_choice(name: str, value: Optional[str], allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} {value!r} is not one of: {', '.join(allowed)}")


def _iso_date(name: str, value: Union[str, date, None]) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, date):  # a datetime too: keep its date
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_bbox(value: Union[BBox, str, None]) -> Optional[BBox]:
    """(min_lon, min_lat, max_lon, max_lat) from the tuple or "min_lon,min_lat,max_lon,max_lat"."""
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except (TypeError, ValueError):
        raise ValueError(f"bbox {value!r} must be four numbers: min_lon,min_lat,max_lon,max_lat") from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ValueError(f"bbox {value!r} must have -180 <= min_lon <= max_lon <= 180 "
                         "and -90 <= min_lat <= max_lat <= 90")
    return (min_lon, min_lat, max_lon, max_lat)
