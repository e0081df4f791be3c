from claimgraph.link.index import CandidateIndex, blocking_keys


def test_index_lookup_covers_neighbouring_time_buckets_only():
    filed = blocking_keys(("ground",), 100, {"sudzha"}, [], 10, False, neighbours=False)
    near = blocking_keys(("ground",), 109, {"sudzha"}, [], 10, False, neighbours=True)
    far = blocking_keys(("ground",), 125, {"sudzha"}, [], 10, False, neighbours=True)
    assert set(filed) & set(near) and not set(filed) & set(far)


def test_index_persistent_keys_ignore_time():
    filed = blocking_keys(("ground",), 100, {"sudzha"}, [], 10, True, neighbours=False)
    months_later = blocking_keys(("ground",), 320, {"sudzha"}, [], 10, True, neighbours=True)
    assert set(filed) & set(months_later)


def test_index_candidates_rank_by_shared_keys_and_read_only_recent_postings():
    index = CandidateIndex(recent_per_key=2)
    index.add([("a",), ("b",)], 0)
    index.add([("a",)], 1)
    index.add([("a",)], 2)
    assert set(index.candidates([("a",)], limit=5)) == {1, 2}  # event 0 is no longer recent under "a"
    index.add([("b",)], 1)
    assert index.candidates([("a",), ("b",)], limit=1) == [1]  # shares both keys
