"""Helpers for geoparsing tests on invented maps (names, ids and points made up)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from claimgraph.model import Place
from claimgraph.resolve.gazetteer import Gazetteer, PlaceRow
from claimgraph.resolve.geoparse import resolve_places


def invented_gazetteer(folder: Path, places: list[PlaceRow]) -> Iterator[Gazetteer]:
    """A gazetteer of exactly ``places``, closed after the test (use as a fixture body)."""
    gazetteer = Gazetteer(folder / "gazetteer.sqlite", sources=places, demonyms=[])
    yield gazetteer
    gazetteer.close()


def resolve(gazetteer: Gazetteer, text: str, *names: str) -> dict[str, Place]:
    """``names`` resolved together, in text order as the resolver gets them."""
    places = [Place(text=name, span=(text.index(name), text.index(name) + len(name))) for name in names]
    return {p.text: p for p in resolve_places(text, sorted(places, key=lambda p: p.span), gazetteer)}
