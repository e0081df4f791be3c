"""The packaged sources the gazetteer index is built from."""

from __future__ import annotations

from claimgraph.resolve.gazetteer_sources import _capital_ids


def test_gazetteer_capital_is_the_largest_namesake():
    cities = [{"geonameid": 1, "name": "Washington", "countrycode": "US", "population": 13_000},
              {"geonameid": 4140963, "name": "Washington", "countrycode": "US", "population": 689_545},
              {"geonameid": 3, "name": "Kyiv", "countrycode": "US", "population": 1_000}]
    assert _capital_ids(cities) == {4140963}
