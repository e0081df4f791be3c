"""ClaimFilter / EventFilter -> SQL conditions (every value a bound parameter)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, func, or_, select

from claimgraph.store.filters import ClaimFilter, EventFilter
from claimgraph.store.schema import claims, events
from claimgraph.store.search import claims_matching


def claim_conditions(filters: ClaimFilter, dialect: str) -> list[ColumnElement[bool]]:
    origin = [or_(*_origin_is(filters.source))] if filters.source else []
    return [*_claim_conditions_but_origin(filters, dialect), *origin]


def claim_condition_branches(filters: ClaimFilter, dialect: str) -> list[list[ColumnElement[bool]]]:
    """The filters as alternatives (a claim matches if it meets every condition of one), each
    of which an index can answer in list order: ``source`` matches the origin's canonical name
    or its name as written, two indexes that one ordered scan cannot combine."""
    shared = _claim_conditions_but_origin(filters, dialect)
    if not filters.source:
        return [shared]
    return [[*shared, match] for match in _origin_is(filters.source)]


def _claim_conditions_but_origin(filters: ClaimFilter, dialect: str) -> list[ColumnElement[bool]]:
    f = filters
    return [condition for condition in (
        _equal(claims.c.status, f.status),
        _equal(claims.c.event_type, f.event_type),
        _equal(claims.c.origin_side, f.side),
        _equal(claims.c.document_id, f.document_id),
        _equal(claims.c.event_id, f.event_id),
        claims.c.date >= f.date_from if f.date_from else None,
        claims.c.date <= f.date_to if f.date_to else None,
        _inside(claims.c.lon, claims.c.lat, f.bbox) if f.bbox else None,
        claims_matching(dialect, f.q) if f.q else None,
    ) if condition is not None]


def event_conditions(filters: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    f = filters
    member = ClaimFilter(source=f.source, side=f.side, q=f.q, document_id=f.document_id)
    member_conditions = claim_conditions(member, dialect)
    last_seen = func.coalesce(events.c.last_seen, events.c.first_seen)
    return [condition for condition in (
        _equal(events.c.status, f.status),
        _equal(events.c.event_type, f.event_type),
        _equal(events.c.id, f.event_id),
        _equal(events.c.story_id, f.story_id),
        last_seen >= f.date_from if f.date_from else None,
        events.c.first_seen <= f.date_to if f.date_to else None,
        _inside(events.c.lon, events.c.lat, f.bbox) if f.bbox else None,
        _has_member(member_conditions) if member_conditions else None,
    ) if condition is not None]


def _equal(column, value) -> ColumnElement[bool] | None:
    return column == value if value is not None else None


def _origin_is(source: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """By canonical name, or by the name as written (case-insensitive): either will do."""
    wanted = source.lower()
    return func.lower(claims.c.origin) == wanted, func.lower(claims.c.origin_name) == wanted


def _inside(lon, lat, bbox) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = bbox
    return and_(lon.between(min_lon, max_lon), lat.between(min_lat, max_lat))


def _has_member(conditions: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    return exists(select(claims.c.id).where(claims.c.event_id == events.c.id, *conditions))
