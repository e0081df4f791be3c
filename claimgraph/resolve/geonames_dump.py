"""Reading a GeoNames dump (allCountries, cities500, a country file such as RU.txt; .txt or
.zip) into gazetteer rows: the tab-separated columns of GeoNames' ``geoname`` table."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterator

from claimgraph.resolve.gazetteer_sources import PlaceRow

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


def geonames_rows(path: Path) -> Iterator[PlaceRow]:
    for line in _geonames_lines(path):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < GEONAMES_COLUMNS or not fields[0].isdigit():
            continue
        alternates = tuple(n for n in fields[3].split(",") if n)
        code = fields[8]
        yield PlaceRow(int(fields[0]), fields[1], float(fields[4]), float(fields[5]), code,
                       f"{code}.{fields[10]}" if fields[10] else None, fields[7] or fields[6],
                       int(fields[14] or 0), (fields[2], *alternates))
