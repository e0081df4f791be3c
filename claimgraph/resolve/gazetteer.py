"""The place gazetteer: looking names up in a SQLite index of GeoNames names.

The index is built once, on first use, from packaged data (``gazetteer_index``, sources in
``gazetteer_sources``); a GeoNames dump adds villages (``gazetteer_index.import_geonames``).
Every name goes through ``names.name_key``; ``candidates(name)`` returns the places whose
keys match.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from claimgraph.resolve.gazetteer_index import build, is_built
from claimgraph.resolve.gazetteer_sources import PlaceRow
from claimgraph.resolve.names import name_key, primary_key

__all__ = ["REGION_FEATURES", "Candidate", "Gazetteer", "PlaceRow"]

REGION_FEATURES = {"CONT", "OCN", "SEA", "GULF", "RGN", "PEN", "DSRT", "MTS", "STM"}


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int  # negative for entries of data/features.yaml without a GeoNames id
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    feature: str
    population: int
    admin1_code: str | None = None
    primary: bool = False  # matched on the entry's own name, not an alternate

    @property
    def precision(self) -> str:
        if self.feature.startswith("PCL"):
            return "country"
        if self.feature.startswith("ADM") or self.feature in REGION_FEATURES:
            return "region"
        return "town" if self.feature.startswith("PPL") else "point"


class Gazetteer:
    """Read access to the index at ``path``; builds it from packaged data when missing."""

    def __init__(self, path: str | Path, *, sources: Iterable[PlaceRow] | None = None,
                 demonyms: Iterable[tuple[str, int]] | None = None):
        self.path = Path(path).expanduser()
        # tests pass small lists instead of the packaged data
        self._sources, self._demonyms = sources, demonyms
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.build()
            self._db = sqlite3.connect(self.path, check_same_thread=False)
        return self._db

    def build(self, force: bool = False) -> None:
        """Build the index now if it is missing or out of date (or always, with ``force``)."""
        if force or not is_built(self.path):
            self.close()
            build(self.path, self._sources, self._demonyms)

    def candidates(self, name: str) -> list[Candidate]:
        """Places ``name`` may refer to, most populous first."""
        keys = name_key(name).keys
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT p.*, max(n.primary_name) FROM names n JOIN places p USING (geonameid) "
            f"WHERE n.key IN ({marks}) GROUP BY p.geonameid ORDER BY p.population DESC", keys
        ).fetchall()
        return [_candidate(row) for row in rows]

    def demonym(self, word: str) -> Candidate | None:
        """The country of an adjective or demonym ('Ukrainian' -> Ukraine)."""
        row = self.db.execute(
            "SELECT p.*, 1 FROM demonyms d JOIN places p USING (geonameid) WHERE d.key = ?",
            (primary_key(word),),
        ).fetchone()
        return _candidate(row) if row else None

    def by_id(self, geonameid: int) -> Candidate | None:
        row = self.db.execute("SELECT *, 1 FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        return _candidate(row) if row else None

    def towns(self, bbox: tuple[float, float, float, float], limit: int) -> list[Candidate]:
        """The `limit` most populous towns (features PPL*) inside (min_lon, min_lat, max_lon,
        max_lat): what a map labels at that view. Villages imported without a population come last."""
        min_lon, min_lat, max_lon, max_lat = bbox
        rows = self.db.execute(
            "SELECT *, 1 FROM places WHERE feature LIKE 'PPL%' AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? "
            "ORDER BY population DESC, geonameid LIMIT ?", (min_lon, max_lon, min_lat, max_lat, limit)
        ).fetchall()
        return [_candidate(row) for row in rows]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _candidate(row: tuple) -> Candidate:
    geonameid, name, lat, lon, country, admin1_code, admin1, feature, population, primary = row
    return Candidate(geonameid, name, lat, lon, country, admin1, feature, population or 0,
                     admin1_code, bool(primary))
