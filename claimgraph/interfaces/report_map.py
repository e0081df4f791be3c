"""The static map of the HTML (and PDF) report: an inline SVG of the area the events are in.

The layers come from the web page's basemap (``web/static/basemap.json``: a quantized TopoJSON
of Natural Earth land, lakes, rivers, coastlines, country and first-level borders, and country
and region names, in degrees), drawn in an equirectangular projection true to shape at the
view's middle latitude.  Each located event is a numbered marker coloured by its status, the
number being its entry's in the report (markers at one spot are set around it in a ring).  The
view fits the markers; an event far from the others (more than OUTLIER_KM from their median
point) is left off the map so that one remote place does not shrink the rest to a dot, and the
caption says how many were.  Everything is drawn from numbers and the basemap's names, escaped;
nothing from an article.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import median
from typing import Any, Optional

from markupsafe import Markup, escape

BASEMAP = Path(__file__).parent / "web" / "static" / "basemap.json"
OUTLIER_KM = 800
MIN_SPAN = (3.0, 1.6)  # degrees of longitude and latitude the view shows at least
PADDING = 0.18  # share of the markers' span added around them
ASPECT = 1.6  # width / height of the view
REGION_LABELS_BELOW = 25.0  # degrees of longitude: wider views name countries only
MAX_REGION_LABELS = 40
STATUS_COLOURS = {"confirmed": "#1b7f4b", "corroborated": "#2563a8", "claimed": "#b7791f", "disputed": "#b3261e"}
SEA, LAND, RIVER, BORDER, REGION_BORDER = "#dce9f2", "#f4f1ea", "#9cc3dd", "#6b7280", "#b8bcc4"


@dataclass(frozen=True)
class Marker:
    number: int
    lat: float
    lon: float
    status: str


@dataclass(frozen=True)
class View:
    """What the map shows, in degrees, and how degrees become SVG units (x = lon·cos φ, y = -lat)."""

    west: float
    south: float
    east: float
    north: float

    @property
    def x_scale(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def width(self) -> float:
        return (self.east - self.west) * self.x_scale

    def holds(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def meets(self, box: tuple[float, float, float, float]) -> bool:
        west, south, east, north = box
        return west <= self.east and self.west <= east and south <= self.north and self.south <= north

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return lon * self.x_scale, -lat

    def clamped(self, lon: float, lat: float) -> tuple[float, float]:
        """The point, moved onto a frame around the view when it lies beyond: a shape's parts far
        outside become a line off screen instead of thousands of points nobody sees."""
        margin_x, margin_y = (self.east - self.west) / 2, (self.north - self.south) / 2
        return self.xy(min(max(lon, self.west - margin_x), self.east + margin_x),
                       min(max(lat, self.south - margin_y), self.north + margin_y))


@dataclass(frozen=True)
class MapView:
    svg: Markup
    shown: int
    left_off: int


def event_map(markers: list[Marker]) -> Optional[MapView]:
    """The SVG map of ``markers``; None when there is none to show."""
    if not markers:
        return None
    shown = _near_the_rest(markers)
    view = _view(shown)
    x, y = view.xy(view.west, view.north)
    height = view.north - view.south
    parts = [f'<rect x="{x:.3f}" y="{y:.3f}" width="{view.width:.3f}" height="{height:.3f}" fill="{SEA}"/>']
    parts += _layers(view) + _labels(view)
    radius = view.width / 70
    parts += [_marker(m, *point, radius) for m, point in _spread([(m, *view.xy(m.lon, m.lat)) for m in shown], radius)]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" aria-label="Map of the events" '
           f'viewBox="{x:.3f} {y:.3f} {view.width:.3f} {height:.3f}" preserveAspectRatio="xMidYMid meet">'
           f'{"".join(parts)}</svg>')
    return MapView(Markup(svg), len(shown), len(markers) - len(shown))


def _near_the_rest(markers: list[Marker]) -> list[Marker]:
    lat, lon = median(m.lat for m in markers), median(m.lon for m in markers)
    return [m for m in markers if _km(lat, lon, m.lat, m.lon) <= OUTLIER_KM]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def _view(markers: list[Marker]) -> View:
    lons, lats = [m.lon for m in markers], [m.lat for m in markers]
    scale = math.cos(math.radians(median(lats)))
    width = max(max(lons) - min(lons), MIN_SPAN[0]) * (1 + 2 * PADDING) * scale  # in SVG units
    height = max(max(lats) - min(lats), MIN_SPAN[1]) * (1 + 2 * PADDING)
    width, height = max(width, height * ASPECT), max(height, width / ASPECT)
    lon, lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    return View(lon - width / scale / 2, lat - height / 2, lon + width / scale / 2, lat + height / 2)


# -- the basemap's layers ------------------------------------------------------------------------

def _layers(view: View) -> list[str]:
    line = view.width / 600
    objects = _basemap()["objects"]
    return [
        _path(_polygons(objects["land"], view), view, f'fill="{LAND}" stroke="none"'),
        _path(_polygons(objects["lakes"], view), view, f'fill="{SEA}" stroke="none"'),
        _path(_lines(objects["rivers"], view), view, f'fill="none" stroke="{RIVER}" stroke-width="{line:.4f}"'),
        _path(_lines(objects["admin1"], view), view,
              f'fill="none" stroke="{REGION_BORDER}" stroke-width="{line:.4f}" stroke-dasharray="{line * 4:.4f}"'),
        _path(_lines(objects["borders"], view), view,
              f'fill="none" stroke="{BORDER}" stroke-width="{line * 2:.4f}" stroke-linejoin="round"'),
        _path(_lines(objects["coast"], view), view, f'fill="none" stroke="{BORDER}" stroke-width="{line:.4f}"'),
    ]


def _path(rings: Iterable[list[tuple[float, float]]], view: View, paint: str) -> str:
    """One SVG path of ``rings`` (lists of lon/lat), points closer than a pixel or so dropped."""
    tolerance = view.width / 1500
    pieces = []
    for ring in rings:
        points = _thinned((view.clamped(lon, lat) for lon, lat in ring), tolerance)
        if len(points) > 1:
            pieces.append("M" + "L".join(f"{x:.3f} {y:.3f}" for x, y in points))
    return f'<path d="{"".join(pieces)}" {paint}/>' if pieces else ""


def _thinned(points: Iterator[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    kept: list[tuple[float, float]] = []
    for x, y in points:
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) > tolerance:
            kept.append((x, y))
    return kept


def _polygons(layer: dict[str, Any], view: View) -> Iterator[list[tuple[float, float]]]:
    """The rings of a layer's polygons that come into the view."""
    for geometry in layer.get("geometries", []):
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            if view.meets(_union(_arc_box(i) for i in polygon[0])):  # the outer ring's box: land around a view
                yield from (_joined(ring) for ring in polygon)


def _lines(layer: dict[str, Any], view: View) -> Iterator[list[tuple[float, float]]]:
    """The lines of a layer (a MultiLineString, or a collection of LineStrings) in the view."""
    lines = layer["arcs"] if layer["type"] == "MultiLineString" else [
        g["arcs"] if g["type"] == "LineString" else part for g in layer["geometries"]
        for part in ([g["arcs"]] if g["type"] == "LineString" else g["arcs"])]
    for line in lines:
        if any(view.meets(_arc_box(i)) for i in line):
            yield _joined(line)


def _joined(arc_ids: list[int]) -> list[tuple[float, float]]:
    """The points of a TopoJSON line: its arcs in turn (~i is arc i backwards), shared ends once."""
    points: list[tuple[float, float]] = []
    for index in arc_ids:
        arc = _arcs()[index] if index >= 0 else _arcs()[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _labels(view: View) -> list[str]:
    """Country names in view; region names too when the view is narrow enough to read them."""
    labels = _basemap()["labels"]
    size = view.width / 45
    shown = [(name, lon, lat, size, "#4b5563", "bold") for name, lon, lat, _ in labels["countries"]
             if view.holds(lon, lat)]
    if view.east - view.west < REGION_LABELS_BELOW:
        regions = sorted((r for r in labels["regions"] if view.holds(r[1], r[2])), key=lambda r: r[3])
        shown += [(name, lon, lat, size * 0.7, "#6b7280", "normal")
                  for name, lon, lat, _ in regions[:MAX_REGION_LABELS]]
    return [f'<text x="{x:.3f}" y="{y:.3f}" font-size="{font:.3f}" text-anchor="middle" fill="{colour}" '
            f'font-family="sans-serif" font-weight="{weight}">{escape(name)}</text>'
            for name, lon, lat, font, colour, weight in shown for x, y in [view.xy(lon, lat)]]


@cache
def _basemap() -> dict[str, Any]:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


@cache
def _arcs() -> list[list[tuple[float, float]]]:
    """Every arc in degrees (the file holds quantized, delta-encoded positions)."""
    transform = _basemap()["transform"]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    decoded = []
    for arc in _basemap()["arcs"]:
        x = y = 0
        points = []
        for step_x, step_y in arc:
            x, y = x + step_x, y + step_y
            points.append((x * kx + dx, y * ky + dy))
        decoded.append(points)
    return decoded


def _union(boxes: Iterable[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    west, south, east, north = zip(*boxes)
    return min(west), min(south), max(east), max(north)


def _arc_box(index: int) -> tuple[float, float, float, float]:
    return _arc_boxes()[index if index >= 0 else ~index]


@cache
def _arc_boxes() -> list[tuple[float, float, float, float]]:
    boxes = []
    for arc in _arcs():
        lons, lats = [p[0] for p in arc], [p[1] for p in arc]
        boxes.append((min(lons), min(lats), max(lons), max(lats)))
    return boxes


# -- markers --------------------------------------------------------------------------------------

def _spread(points: list[tuple[Marker, float, float]], radius: float) -> list[tuple[Marker, tuple[float, float]]]:
    """Markers at one spot set around it in a ring, so that each number can be read."""
    spots: dict[tuple[int, int], list[tuple[Marker, float, float]]] = {}
    for marker, x, y in points:
        spots.setdefault((round(x / radius), round(y / radius)), []).append((marker, x, y))
    placed = []
    for members in spots.values():
        ring = radius * 1.15 if len(members) > 1 else 0.0
        for k, (marker, x, y) in enumerate(members):
            angle = 2 * math.pi * k / len(members)
            placed.append((marker, (x + ring * math.sin(angle), y - ring * math.cos(angle))))
    return placed


def _marker(marker: Marker, x: float, y: float, radius: float) -> str:
    colour = STATUS_COLOURS.get(marker.status, "#444")
    return (f'<circle cx="{x:.3f}" cy="{y:.3f}" r="{radius:.3f}" fill="{colour}" stroke="#fff" '
            f'stroke-width="{radius / 5:.3f}"/>'
            f'<text x="{x:.3f}" y="{y + radius * 0.38:.3f}" font-size="{radius * 1.05:.3f}" text-anchor="middle" '
            f'fill="#fff" font-family="sans-serif" font-weight="bold">{marker.number}</text>')
