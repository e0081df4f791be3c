"""The static map of the HTML (and PDF) report: an inline SVG of the area the events are in.

Country outlines come from the web page's basemap (``web/static/basemap.json``, pre-projected:
x = lon * cos 50°, y = -lat); each located event is a numbered marker coloured by its status,
the number being its entry's in the report (markers at one spot are set around it in a ring).
The view fits the markers; an event far from the
others (more than OUTLIER_KM from their median point) is left off the map so that one remote
place does not shrink the rest to a dot, and the caption says how many were.  Everything is
drawn from numbers and the basemap's country names, escaped; nothing from an article.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import median
from typing import Optional

from markupsafe import Markup, escape

BASEMAP = Path(__file__).parent / "web" / "static" / "basemap.json"
OUTLIER_KM = 800
MIN_SPAN = (2.0, 1.2)  # degrees of (projected) width and height the view shows at least
PADDING = 0.18  # share of the markers' span added around them
ASPECT = 1.6  # width / height of the view
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
STATUS_COLOURS = {"confirmed": "#1b7f4b", "corroborated": "#2563a8", "claimed": "#b7791f", "disputed": "#b3261e"}


@dataclass(frozen=True)
class Marker:
    number: int
    lat: float
    lon: float
    status: str


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: "Box") -> bool:
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)

    def holds(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


@dataclass(frozen=True)
class MapView:
    svg: Markup
    shown: int
    left_off: int


def event_map(markers: list[Marker]) -> Optional[MapView]:
    """The SVG map of ``markers``; None when there is none to show."""
    if not markers:
        return None
    scale = _basemap()["projection"]["x_scale"]
    shown = _near_the_rest(markers)
    view = _view([(m.lon * scale, -m.lat) for m in shown])
    parts = [f'<rect x="{view.x:.3f}" y="{view.y:.3f}" width="{view.width:.3f}" height="{view.height:.3f}" '
             f'fill="#dce9f2"/>']
    parts += _countries(view)
    radius = view.width / 70
    parts += [_marker(m, x, y, radius) for m, (x, y) in _spread([(m, m.lon * scale, -m.lat) for m in shown], radius)]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" aria-label="Map of the events" '
           f'viewBox="{view.x:.3f} {view.y:.3f} {view.width:.3f} {view.height:.3f}" '
           f'preserveAspectRatio="xMidYMid meet">{"".join(parts)}</svg>')
    return MapView(Markup(svg), len(shown), len(markers) - len(shown))


def _near_the_rest(markers: list[Marker]) -> list[Marker]:
    lat, lon = median(m.lat for m in markers), median(m.lon for m in markers)
    return [m for m in markers if _km(lat, lon, m.lat, m.lon) <= OUTLIER_KM]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def _view(points: list[tuple[float, float]]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = max(max(xs) - min(xs), MIN_SPAN[0]) * (1 + 2 * PADDING)
    height = max(max(ys) - min(ys), MIN_SPAN[1]) * (1 + 2 * PADDING)
    width, height = max(width, height * ASPECT), max(height, width / ASPECT)
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return Box(centre_x - width / 2, centre_y - height / 2, width, height)


def _countries(view: Box) -> list[str]:
    line = view.width / 500
    label_size = view.width / 45
    paths, labels = [], []
    for country, box in _country_boxes():
        if not box.overlaps(view):
            continue
        paths.append(f'<path d="{escape(country["d"])}" fill="#f4f1ea" stroke="#8a8f98" '
                     f'stroke-width="{line:.4f}" stroke-linejoin="round"/>')
        label = country.get("label")
        if label and view.holds(*label):
            labels.append(f'<text x="{label[0]:.3f}" y="{label[1]:.3f}" font-size="{label_size:.3f}" '
                          f'text-anchor="middle" fill="#6b7280" font-family="sans-serif">'
                          f'{escape(country["name"])}</text>')
    return paths + labels


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


@cache
def _basemap() -> dict:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


@cache
def _country_boxes() -> list[tuple[dict, Box]]:
    """Each country with the box around its outline (paths are absolute moves then relative lines)."""
    return [(country, _path_box(country["d"])) for country in _basemap()["countries"]]


def _path_box(d: str) -> Box:
    xs, ys = [], []
    for ring in d.split("M")[1:]:
        start, _, moves = ring.partition("l")
        x, y = (float(n) for n in NUMBER.findall(start)[:2])
        xs.append(x)
        ys.append(y)
        numbers = [float(n) for n in NUMBER.findall(moves)]
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
