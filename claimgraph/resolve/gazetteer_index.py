"""Building the gazetteer index (a SQLite file) and adding GeoNames dumps to it.

The index is built from the packaged sources (``gazetteer_sources``) into a temporary file
and then moved into place, so a crash leaves no half index; it is rebuilt when the build code
or a data file it reads changes (``build_version``).  A GeoNames dump added with
``import_geonames`` is recorded in table ``imports`` and imported again by a rebuild.
Lookups are ``gazetteer.Gazetteer``'s.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from contextlib import closing
from importlib import resources
from pathlib import Path
from typing import Iterable

from rich.console import Console
from rich.progress import Progress

from claimgraph.resolve.gazetteer_sources import (CONTINENT_IDS, POSTAL_ID_BASE, PlaceRow, country_demonyms,
                                                  listed_demonyms, packaged_rows, postal_groups, zipcodes)
from claimgraph.resolve.geonames_dump import DumpRows, check_dump
from claimgraph.resolve.names import name_key, name_rules, primary_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
  geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
  admin1_code TEXT, admin1 TEXT, feature TEXT, population INTEGER);
CREATE TABLE IF NOT EXISTS names (key TEXT, geonameid INTEGER, region INTEGER, primary_name INTEGER,
  UNIQUE(key, geonameid));
CREATE TABLE IF NOT EXISTS demonyms (key TEXT PRIMARY KEY, geonameid INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS imports (path TEXT PRIMARY KEY, size INTEGER, mtime REAL);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(admin1_code, feature);
"""
BUILD_CODE = "7"  # bump when the build itself changes; data file changes are seen by their hash
BUILD_DATA = ("place_names.yaml", "demonyms.yaml", "country_points.yaml", "region_points.yaml",
              "features.yaml", "geonames.yaml")

log = logging.getLogger(__name__)


def is_built(path: Path) -> bool:
    if not path.exists():
        return False
    with sqlite3.connect(path) as db:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.Error:
            return False
    return row is not None and row[0] == build_version()


def build_version() -> str:
    """Changes whenever the build code or a data file it reads changes, so the index is rebuilt."""
    digest = hashlib.sha256(BUILD_CODE.encode())
    for name in BUILD_DATA:
        digest.update(resources.files("claimgraph.resolve").joinpath(f"data/{name}").read_bytes())
    return digest.hexdigest()[:16]


def build(path: Path, sources: Iterable[PlaceRow] | None = None,
          demonyms: Iterable[tuple[str, int]] | None = None) -> None:
    """Write the index to ``path`` (a temporary file first, so a crash leaves no half index).

    Without ``sources``/``demonyms`` the packaged data is used. GeoNames dumps the old index
    recorded as imported are imported again."""
    imported = recorded_imports(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".partial{os.getpid()}")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.executescript(SCHEMA)
        with Progress(console=Console(stderr=True), transient=True) as progress:  # stdout carries data
            task = progress.add_task("Building the gazetteer (once)", total=None)
            for row in packaged_rows() if sources is None else sources:
                insert_place(db, row)
                progress.advance(task)
        insert_demonyms(db, country_demonyms() if demonyms is None else demonyms)
        db.executescript(INDEXES)
        if sources is None:
            add_postal_towns(db, zipcodes())
        add_admin1_names(db)
        add_variants(db)
        add_region_demonyms(db)
        reimport(db, imported)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (build_version(),))
    partial.replace(path)


def insert_place(db: sqlite3.Connection, row: PlaceRow) -> None:
    db.execute(
        "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,NULL,?,?)",
        (row.geonameid, row.name, row.lat, row.lon, row.country, row.admin1_code, row.feature,
         row.population),
    )
    insert_names(db, row.geonameid, (row.name, *row.names), primary=row.name)


def insert_names(db: sqlite3.Connection, geonameid: int, names: Iterable[str], primary: str = "") -> None:
    for name in names:
        if not _indexable(name):
            continue
        key = name_key(name)
        for text in key.keys:
            db.execute("INSERT OR IGNORE INTO names VALUES (?,?,?,?)",
                       (text, geonameid, int(key.region), int(name == primary)))


def _indexable(name: str) -> bool:
    """Names in Latin script or in the Russian/Ukrainian Cyrillic that keys romanise
    (``names``), and no codes such as 'IEV' or 'URS' (airport, ISO)."""
    if not name or (name.isupper() and len(name) <= 4 and "." not in name):
        return False
    cyrillic = name_rules().cyrillic
    return all(ord(ch) < 0x250 or not ch.isalpha() or ch.lower() in cyrillic for ch in name)


def add_admin1_names(db: sqlite3.Connection) -> None:
    db.execute(
        "UPDATE places SET admin1 = (SELECT a.name FROM places a WHERE a.feature = 'ADM1' "
        "AND a.admin1_code = places.admin1_code) WHERE admin1_code IS NOT NULL"
    )


def add_variants(db: sqlite3.Connection) -> None:
    """Index each YAML variant under the place its target name resolves to."""
    for variant, target in name_rules().variants.items():
        found = _place_named(db, target)
        if found:  # variants are chosen by hand, so codes such as "US" are kept
            for key in name_key(variant).keys:
                db.execute("INSERT OR IGNORE INTO names VALUES (?,?,0,0)", (key, found))


def add_region_demonyms(db: sqlite3.Connection) -> None:
    """demonyms.yaml words for a place below the country ("Texan" -> Texas), by its name."""
    regional = [(word, target) for word, target in listed_demonyms().items()
                if len(target) > 2 and target not in CONTINENT_IDS]
    insert_demonyms(db, ((word, found) for word, target in regional if (found := _place_named(db, target))))


def _place_named(db: sqlite3.Connection, name: str) -> int | None:
    """The place a hand-written name means: a first-level region when the name has a region
    word ("Georgia State"), else the entry's own name before alternates, largest first."""
    key = name_key(name)
    found = db.execute(
        f"SELECT n.geonameid FROM names n JOIN places p USING (geonameid) WHERE n.key IN "
        f"({','.join('?' * len(key.keys))}) ORDER BY p.feature = 'ADM1' AND ? DESC, "
        f"n.primary_name DESC, p.population DESC LIMIT 1", (*key.keys, key.region)
    ).fetchone()
    return found[0] if found else None


def insert_demonyms(db: sqlite3.Connection, demonyms: Iterable[tuple[str, int]]) -> None:
    for word, geonameid in demonyms:
        # "Russian" also covers "Russians"; other plurals are listed in demonyms.yaml
        forms = (word, word + "s") if word.endswith("n") else (word,)
        for form in forms:
            db.execute("INSERT OR IGNORE INTO demonyms VALUES (?,?)", (primary_key(form), geonameid))


def add_postal_towns(db: sqlite3.Connection, zips: Iterable[dict]) -> None:
    """US post-office towns (one per city name and state, at the mean of its ZIP points) whose
    name no place of that state bears yet; the places already indexed keep their names.  ZIPs
    outside the states (Puerto Rico, military mail) are left out: GeoNames files those apart."""
    states = {code for (code,) in db.execute(
        "SELECT admin1_code FROM places WHERE feature = 'ADM1' AND country = 'US'")}
    for (city, state), entries in postal_groups(zips).items():
        code = f"US.{state}"
        if code not in states or _named_in(db, city, code):
            continue
        lat = sum(float(e["lat"]) for e in entries) / len(entries)
        lon = sum(float(e["long"]) for e in entries) / len(entries)
        first = min(int(e["zip_code"]) for e in entries)
        insert_place(db, PlaceRow(-(POSTAL_ID_BASE + first), city, lat, lon, "US", code, "PPL", 0, ()))


def _named_in(db: sqlite3.Connection, name: str, admin1_code: str) -> bool:
    """Whether a place of that first-level region is indexed under ``name`` (a name without
    keys counts as taken: there is nothing to index it by)."""
    keys = name_key(name).keys
    return not keys or db.execute(
        f"SELECT 1 FROM names n JOIN places p USING (geonameid) WHERE n.key IN "
        f"({','.join('?' * len(keys))}) AND p.admin1_code = ? LIMIT 1", (*keys, admin1_code)
    ).fetchone() is not None


def import_geonames(path: str | Path, gazetteer_path: str | Path) -> int:
    """Add a GeoNames dump (allCountries/cities500/RU; .txt or .zip) to the index; returns rows
    added.  Raises NotADump, before building anything, for a file that is no dump."""
    check_dump(Path(path))
    index = Path(gazetteer_path).expanduser()
    if not is_built(index):
        build(index)
    with closing(sqlite3.connect(index)) as db:
        db.executescript(SCHEMA)  # indexes built before imports were recorded lack that table
        count = insert_dump(db, Path(path))
        add_admin1_names(db)
        db.commit()
    return count


def insert_dump(db: sqlite3.Connection, path: Path) -> int:
    """Add the dump's places and record it in ``imports``; returns rows added."""
    count, rows = 0, DumpRows(path)
    for row in rows:
        insert_place(db, row)
        count += 1
    if rows.skipped:
        log.warning("%s: %d lines skipped (malformed, or not a populated place or an administrative unit)",
                    path, rows.skipped)
    stat = path.stat()
    db.execute("INSERT OR REPLACE INTO imports VALUES (?,?,?)",
               (str(path.resolve()), stat.st_size, stat.st_mtime))
    return count


def recorded_imports(path: Path) -> list[Path]:
    """The dumps imported into the index at ``path`` (none if it is missing or unreadable)."""
    if not path.exists():
        return []
    try:
        with closing(sqlite3.connect(path)) as db:
            return [Path(row[0]) for row in db.execute("SELECT path FROM imports ORDER BY rowid")]
    except sqlite3.Error:
        return []


def reimport(db: sqlite3.Connection, dumps: list[Path]) -> None:
    """Import ``dumps`` again into a fresh index; a dump that is gone is skipped with a warning."""
    for dump in dumps:
        if dump.exists():
            insert_dump(db, dump)
        else:
            log.warning("gazetteer rebuild: imported GeoNames dump %s is gone; its places are dropped", dump)
    if dumps:
        add_admin1_names(db)
