"""Inverted index from blocking keys to events, so a claim is compared with a few events only.

A key is (type group, time bucket, feature) where the bucket is the claim's day divided by
the link window and a feature is a town key or one of the claim's heaviest tokens.  A claim
looks up its own bucket and the two neighbours, which covers +/- one window.  Persistent
events (control of a town) are also keyed by (group, town) without a bucket.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain
from typing import Hashable, Iterable, Optional

Key = tuple[Hashable, ...]


def bucket(day: Optional[int], window_days: int) -> Optional[int]:
    return None if day is None else day // max(window_days, 1)


def blocking_keys(groups: Iterable[str], day: Optional[int], place_keys: Iterable[str], rare_tokens: list[str],
                  window_days: int, persistent: bool, neighbours: bool) -> list[Key]:
    """Keys a claim or event is filed under (neighbours=False) or looks up (neighbours=True)."""
    home = bucket(day, window_days)
    buckets = [home] if home is None or not neighbours else [home - 1, home, home + 1]
    places = sorted(place_keys)
    keys: list[Key] = [(g, b, f) for g in groups for b in buckets for f in places + rare_tokens]
    if persistent:
        keys += [(g, "persistent", place) for g in groups for place in places]
    return keys


class CandidateIndex:
    def __init__(self, recent_per_key: int):
        self.postings: dict[Key, list[int]] = defaultdict(list)
        self.recent_per_key = recent_per_key

    def add(self, keys: Iterable[Key], event: int) -> None:
        for key in keys:
            posting = self.postings[key]
            if not posting or posting[-1] != event:
                posting.append(event)

    def candidates(self, keys: Iterable[Key], limit: int) -> list[int]:
        """Events sharing the most keys; only the most recent events of a key are read."""
        recent = (set(posting[-self.recent_per_key:]) for posting in map(self.postings.get, keys) if posting)
        shared = Counter(chain.from_iterable(recent))  # one count, not one Counter.update per key (slow)
        return [event for event, _ in shared.most_common(limit)]
