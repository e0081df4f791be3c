"""Reading a GeoNames dump (allCountries, cities500, a country file such as RU.txt; .txt or
.zip) into gazetteer rows: the tab-separated columns of GeoNames' ``geoname`` table.  Only
populated places and administrative units are kept, and malformed lines are skipped and
counted (``data/geonames.yaml``)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from claimgraph.resolve.gazetteer_sources import PlaceRow
from claimgraph.rules import typed_rules

GEONAMES_COLUMNS = 19


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


SNIFFED_LINES = 1000  # a dump is recognised by a well-formed line among its first lines


def is_geonames_line(fields: list[str]) -> bool:
    """The dump's shape: 19 tab-separated fields, a numeric GeoNames id first."""
    return len(fields) >= GEONAMES_COLUMNS and fields[0].isdigit()


class NotADump(ValueError):
    """The file given as a GeoNames dump is none (no line of its start is a GeoNames row)."""


def check_dump(path: Path) -> None:
    """Raise NotADump unless a line among the file's first ones is a GeoNames row (19
    tab-separated fields, a numeric id first), before the gazetteer is touched."""
    try:
        for number, line in enumerate(_geonames_lines(path)):
            fields = line.rstrip("\n").split("\t")
            if is_geonames_line(fields):
                return
            if number >= SNIFFED_LINES:
                break
    except (UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise NotADump(f"{path.name} is no GeoNames dump ({error})") from error
    raise NotADump(f"{path.name} is no GeoNames dump: no line of its start has the 19 tab-separated fields "
                   "of allCountries.txt, cities500.zip or a country file such as RU.txt")


@dataclass
class DumpRows:
    """The places of a dump, read once, and how many lines were not a kept GeoNames row."""

    path: Path
    skipped: int = 0

    def __iter__(self) -> Iterator[PlaceRow]:
        classes = dump_rules().feature_classes
        for line in _geonames_lines(self.path):
            row = _row(line.rstrip("\n").split("\t"), classes)
            if row is None:
                self.skipped += 1
            else:
                yield row


def _row(fields: list[str], classes: frozenset[str]) -> PlaceRow | None:
    """One line of the dump as a place; None when it is malformed or of a class not kept."""
    if not is_geonames_line(fields) or fields[6] not in classes:
        return None
    try:
        lat, lon = float(fields[4]), float(fields[5])
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    code = fields[8]
    alternates = tuple(n for n in fields[3].split(",") if n)
    population = int(fields[14]) if fields[14].isdigit() else 0
    return PlaceRow(int(fields[0]), fields[1], lat, lon, code, f"{code}.{fields[10]}" if fields[10] else None,
                    fields[7] or fields[6], population, (fields[2], *alternates))


@dataclass(frozen=True)
class DumpRules:
    """geonames.yaml: which rows of a dump become gazetteer places."""
    feature_classes: frozenset[str]  # the GeoNames feature classes kept (P towns, A administrative units)


def dump_rules() -> DumpRules:
    return typed_rules("claimgraph.resolve", "data/geonames.yaml", _dump_rules)


def _dump_rules(raw: dict[str, Any]) -> DumpRules:
    return DumpRules(feature_classes=frozenset(raw["feature_classes"]))
