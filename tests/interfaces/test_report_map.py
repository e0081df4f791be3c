"""The report's static SVG map."""

from __future__ import annotations

import re

from claimgraph.interfaces.report_map import Marker, event_map

SUDZHA, GLUSHKOVO, WASHINGTON = (51.19, 35.27), (51.34, 34.63), (38.9, -77.04)


def numbers(svg: str) -> list[int]:
    return sorted(int(n) for n in re.findall(r'font-weight="bold">(\d+)</text>', svg))


def circles(svg: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)"', svg)]


def test_report_map_numbers_each_located_event_on_its_countries():
    view = event_map([Marker(1, *SUDZHA, "confirmed"), Marker(2, *GLUSHKOVO, "disputed")])
    assert numbers(view.svg) == [1, 2] and (view.shown, view.left_off) == (2, 0)
    assert "#1b7f4b" in view.svg and "#b3261e" in view.svg  # coloured by status
    assert view.svg.count("<path ") >= 4 and view.svg.startswith("<svg ")  # land, borders, rivers ...
    assert 'fill="#f4f1ea"' in view.svg  # land, though no coast is in view
    assert ">Kursk</text>" in view.svg and ">Sumy</text>" in view.svg  # the regions around, named


def test_report_map_leaves_a_far_outlier_off_and_counts_it():
    view = event_map([Marker(1, *SUDZHA, "claimed"), Marker(2, *GLUSHKOVO, "claimed"),
                      Marker(3, *WASHINGTON, "claimed")])
    assert numbers(view.svg) == [1, 2] and view.left_off == 1


def test_report_map_sets_markers_at_one_spot_apart():
    view = event_map([Marker(n, *SUDZHA, "claimed") for n in (1, 2, 3)])
    assert len(set(circles(view.svg))) == 3


def test_report_map_is_none_without_markers():
    assert event_map([]) is None
