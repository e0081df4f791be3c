"""A small gazetteer written by hand (real GeoNames ids and rounded coordinates)."""

from __future__ import annotations

import pytest

from claimgraph.resolve.gazetteer import Gazetteer, PlaceRow

PLACES = [
    PlaceRow(690791, "Ukraine", 49.0, 32.0, "UA", None, "PCLI", 44_000_000, ("Ukrayina",)),
    PlaceRow(2017370, "Russia", 60.0, 100.0, "RU", None, "PCLI", 144_000_000, ("Russian Federation",)),
    PlaceRow(6252001, "United States", 39.76, -98.5, "US", None, "PCLI", 327_000_000, ("United States of America",)),
    PlaceRow(614540, "Georgia", 42.0, 43.5, "GE", None, "PCLI", 3_700_000, ()),
    PlaceRow(538555, "Kursk Oblast", 51.68, 36.1, "RU", "RU.41", "ADM1", 800_000, ("Kurskaya oblast'", "Kursk region")),
    PlaceRow(538560, "Kursk", 51.73, 36.19, "RU", "RU.41", "PPL", 448_733, ("Koursk",)),
    PlaceRow(486816, "Sudzha", 51.19, 35.27, "RU", "RU.41", "PPL", 6_940, ("Sudscha",)),
    PlaceRow(703448, "Kyiv", 50.45, 30.52, "UA", "UA.12", "PPLC", 2_952_301, ("Kiev", "IEV", "Kyyiv")),
    PlaceRow(713122, "Avdiyivka", 48.14, 37.75, "UA", "UA.05", "PPL", 35_826, ()),
    PlaceRow(687700, "Zaporizhzhia", 47.85, 35.12, "UA", "UA.26", "PPL", 710_052, ("Zaporozhye",)),
    PlaceRow(2988507, "Paris", 48.85, 2.35, "FR", "FR.11", "PPLC", 2_138_551, ()),
    PlaceRow(4646571, "Paris", 36.30, -88.33, "US", "US.TN", "PPL", 10_156, ()),
    PlaceRow(4626334, "Henry County", 36.33, -88.32, "US", "US.TN", "ADM2", 32_000, ()),
    PlaceRow(4662168, "Tennessee", 35.75, -86.25, "US", "US.TN", "ADM1", 6_800_000, ()),
    PlaceRow(4197000, "Georgia", 32.75, -83.5, "US", "US.GA", "ADM1", 10_000_000, ()),
    PlaceRow(-1, "Black Sea", 43.0, 34.0, "", None, "SEA", 10_000_000, ()),  # a features.yaml entry
    PlaceRow(4140963, "Washington", 38.90, -77.04, "US", "US.DC", "PPLC", 689_545, ("Washington, D.C.",)),
]
DEMONYMS = [("Ukrainian", 690791), ("Ukrainians", 690791), ("Russian", 2017370), ("American", 6252001)]


@pytest.fixture()
def gazetteer(tmp_path) -> Gazetteer:
    gazetteer = Gazetteer(tmp_path / "gazetteer.sqlite", sources=PLACES, demonyms=DEMONYMS)
    yield gazetteer
    gazetteer.close()
