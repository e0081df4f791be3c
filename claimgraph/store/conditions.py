"""ClaimFilter / EventFilter -> SQL conditions, every value a named bound parameter.

A filter's values are first made its parameters (`filter_parameters`: one name per value it
sets); each condition holds its value as the bound parameter of that name.  A statement built
from the conditions therefore depends only on which names a filter sets: the store builds it
once per set of names and runs it again with another filter's parameters (`Store._statement`;
building a statement cost ~0.1 ms of SQLAlchemy, a source's UNION ~0.5 ms).
"""

from __future__ import annotations

from typing import Any, Union

from sqlalchemy import ColumnElement, and_, bindparam, exists, func, or_, select

from claimgraph.store.filters import ClaimFilter, EventFilter
from claimgraph.store.schema import claims, events
from claimgraph.store.search import claims_matching, search_query

BBOX = ("min_lon", "min_lat", "max_lon", "max_lat")  # the parameters of a bbox
MEMBER_FIELDS = ("source", "side", "q", "document_id")  # an event's filters on its member claims


def filter_parameters(filters: Union[ClaimFilter, EventFilter], dialect: str) -> dict[str, Any]:
    """The values ``filters`` sets, by parameter name: a source lower-cased (it matches names
    case-insensitively), a query as the search reads it, a bbox as its four numbers."""
    f = filters
    values = {"status": f.status, "event_type": f.event_type, "side": f.side, "document_id": f.document_id,
              "event_id": f.event_id, "date_from": f.date_from, "date_to": f.date_to,
              "source": f.source.lower() if f.source else None,
              "q": search_query(dialect, f.q) if f.q else None,
              "story_id": getattr(f, "story_id", None),
              **dict(zip(BBOX, f.bbox or ()))}
    return {name: value for name, value in values.items() if value is not None}


def claim_conditions(filters: ClaimFilter, dialect: str) -> list[ColumnElement[bool]]:
    return _claim_conditions(filter_parameters(filters, dialect), dialect)


def claim_condition_branches(filters: ClaimFilter, dialect: str) -> list[list[ColumnElement[bool]]]:
    """The filters as alternatives (a claim matches if it meets every condition of one), each
    of which an index can answer in list order: ``source`` matches the origin's canonical name
    or its name as written, two indexes that one ordered scan cannot combine."""
    values = filter_parameters(filters, dialect)
    shared = _claim_conditions_but_origin(values, dialect)
    if "source" not in values:
        return [shared]
    return [[*shared, match] for match in _origin_is(values["source"])]


def event_conditions(filters: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    values = filter_parameters(filters, dialect)
    last_seen = func.coalesce(events.c.last_seen, events.c.first_seen)
    member = {name: value for name, value in values.items() if name in MEMBER_FIELDS}
    conditions = {
        "status": lambda value: events.c.status == value,
        "event_type": lambda value: events.c.event_type == value,
        "event_id": lambda value: events.c.id == value,
        "story_id": lambda value: events.c.story_id == value,
        "date_from": lambda value: last_seen >= value,
        "date_to": lambda value: events.c.first_seen <= value,
    }
    return [*_conditions(conditions, values), *_inside(events.c.lon, events.c.lat, values),
            *([_has_member(_claim_conditions(member, dialect))] if member else [])]


def _claim_conditions(values: dict[str, Any], dialect: str) -> list[ColumnElement[bool]]:
    origin = [or_(*_origin_is(values["source"]))] if "source" in values else []
    return [*_claim_conditions_but_origin(values, dialect), *origin]


def _claim_conditions_but_origin(values: dict[str, Any], dialect: str) -> list[ColumnElement[bool]]:
    conditions = {
        "status": lambda value: claims.c.status == value,
        "event_type": lambda value: claims.c.event_type == value,
        "side": lambda value: claims.c.origin_side == value,
        "document_id": lambda value: claims.c.document_id == value,
        "event_id": lambda value: claims.c.event_id == value,
        "date_from": lambda value: claims.c.date >= value,
        "date_to": lambda value: claims.c.date <= value,
    }
    search = [claims_matching(dialect, bindparam("q", values["q"]))] if "q" in values else []
    return [*_conditions(conditions, values), *_inside(claims.c.lon, claims.c.lat, values), *search]


def _conditions(conditions: dict[str, Any], values: dict[str, Any]) -> list[ColumnElement[bool]]:
    """The condition on each parameter of ``values`` that ``conditions`` makes (of its bound parameter)."""
    return [make(bindparam(name, values[name])) for name, make in conditions.items() if name in values]


def _origin_is(source: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """By canonical name, or by the name as written (case-insensitive, ``source`` lower-cased): either will do."""
    wanted = bindparam("source", source)
    return func.lower(claims.c.origin) == wanted, func.lower(claims.c.origin_name) == wanted


def _inside(lon, lat, values: dict[str, Any]) -> list[ColumnElement[bool]]:
    if BBOX[0] not in values:
        return []
    min_lon, min_lat, max_lon, max_lat = (bindparam(name, values[name]) for name in BBOX)
    return [and_(lon.between(min_lon, max_lon), lat.between(min_lat, max_lat))]


def _has_member(conditions: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    return exists(select(claims.c.id).where(claims.c.event_id == events.c.id, *conditions))
