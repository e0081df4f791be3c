"""The packaged sources the gazetteer index is built from."""

from __future__ import annotations

import pytest

from claimgraph.resolve.gazetteer_sources import _capital_ids, country_points, features, listed_demonyms, region_points


def test_gazetteer_capital_is_the_largest_namesake():
    cities = [{"geonameid": 1, "name": "Washington", "countrycode": "US", "population": 13_000},
              {"geonameid": 4140963, "name": "Washington", "countrycode": "US", "population": 689_545},
              {"geonameid": 3, "name": "Kyiv", "countrycode": "US", "population": 1_000}]
    assert _capital_ids(cities) == {4140963}


def test_gazetteer_sources_are_typed_and_frozen():
    atlantic = next(entry for entry in features() if entry.name == "Atlantic Ocean")
    assert "Atlantic" in atlantic.aliases and atlantic.feature == "OCN"
    assert all(len(point) == 2 for point in (*country_points().values(), *region_points().values()))
    assert listed_demonyms()["Americans"] == "US"
    with pytest.raises(TypeError):
        listed_demonyms()["Americans"] = "GB"
