"""The committed build outputs of claimgraph/interfaces/web/build-basemap.mjs: the basemap
TopoJSON and the vendored libraries the page loads."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from claimgraph.interfaces.api import STATIC_DIR

BARENTS_SEA = (40.0, 73.0)  # lon, lat: open sea north of Murmansk
KURSK = (36.19, 51.73)


@lru_cache(maxsize=1)
def basemap() -> dict:
    return json.loads((STATIC_DIR / "basemap.json").read_text(encoding="utf-8"))


def arc_points(topology: dict, index: int) -> list[tuple[float, float]]:
    """Arc `index` decoded (quantized, delta-encoded); a negative index is the reversed arc ~index."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in topology["arcs"][~index if index < 0 else index]:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points[::-1] if index < 0 else points


def rings(topology: dict, name: str) -> list[list[tuple[float, float]]]:
    out = []
    for geometry in topology["objects"][name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                out.append([point for index in ring for point in arc_points(topology, index)])
    return out


def inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    (x, y), crossings = point, 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def on_land(point: tuple[float, float]) -> bool:
    return sum(inside(point, ring) for ring in rings(basemap(), "land")) % 2 == 1


def test_web_basemap_has_every_layer():
    assert set(basemap()["objects"]) == {"land", "lakes", "coast", "borders", "admin1", "rivers"}
    labels = basemap()["labels"]
    assert ["Russia", 38.5, 53.5, 2] in labels["countries"]
    assert any(name == "Kursk" for name, *_ in labels["regions"])


def test_web_basemap_no_line_crosses_the_antimeridian():
    # a segment jumping across the map is what drew a band of land over the Barents Sea
    # (Antarctica's edge along the South Pole runs from 180 to -180 and is no jump: it is off the map)
    topology = basemap()
    for index in range(len(topology["arcs"])):
        points = arc_points(topology, index)
        jumps = [(a, b) for a, b in zip(points, points[1:]) if abs(b[0] - a[0]) >= 90]
        assert all(min(abs(a[1]), abs(b[1])) > 89.9 for a, b in jumps), (index, jumps)


def test_web_basemap_sea_is_sea_and_land_is_land():
    assert not on_land(BARENTS_SEA)
    assert on_land(KURSK)


def test_web_basemap_vendored_libraries_are_loaded_from_the_page():
    html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    for path in re.findall(r'(?:src|href)="/static/(vendor/[^"]+)"', html):
        assert (STATIC_DIR / path).is_file(), path
    assert "vendor/leaflet.js" in html and "vendor/leaflet.markercluster.js" in html
    assert all((STATIC_DIR / "vendor" / f"LICENSE-{name}.txt").is_file()
               for name in ("leaflet", "leaflet.markercluster", "topojson-client"))
