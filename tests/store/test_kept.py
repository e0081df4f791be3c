"""KeptValues: values derived from the ledger's newest version, least recently used dropped first."""

from __future__ import annotations

from claimgraph.store.kept import KeptValues


def test_kept_keeps_the_most_recently_used():
    kept = KeptValues(size=2)
    kept.keep(1, {"a": 1, "b": 2})
    assert kept.found(1, ["a"]) == {"a": 1}  # "a" used last: "b" goes first
    kept.keep(1, {"c": 3})
    assert kept.found(1, ["a", "b", "c"]) == {"a": 1, "c": 3}


def test_kept_drops_an_older_version_when_a_newer_one_is_seen():
    kept = KeptValues(size=10)
    kept.keep(1, {"a": 1})
    assert kept.found(2, ["a"]) == {}
    assert kept.found(1, ["a"]) == {} and not kept.entries


def test_kept_ignores_values_of_an_older_snapshot():
    kept = KeptValues(size=10)
    kept.keep(2, {"a": "new"})
    kept.keep(1, {"a": "old", "b": "old"})  # a reader that began before the write
    assert kept.found(1, ["a"]) == {}
    assert kept.found(2, ["a", "b"]) == {"a": "new"}
