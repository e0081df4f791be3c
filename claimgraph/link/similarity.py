"""How alike texts are: IDF-weighted words (and sums of them, for cosines with a centroid); how
far apart places are."""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable

EARTH_RADIUS_KM = 6371.0


class Idf:
    """Inverse document frequency over the token sets of the texts being linked."""

    def __init__(self, token_lists: Iterable[list[str]]):
        df: Counter[str] = Counter()
        self.n = 0
        for token_list in token_lists:
            df.update(set(token_list))
            self.n += 1
        self.weights = {token: self._weight(count) for token, count in df.items()}
        self.unseen = self._weight(0)

    def _weight(self, count: int) -> float:
        return math.log((self.n + 1) / (count + 1)) + 1.0

    def __getitem__(self, token: str) -> float:
        return self.weights.get(token, self.unseen)

    def vector(self, token_list: list[str]) -> dict[str, float]:
        """Unit-length tf-idf vector, so every claim weighs the same in an event's profile."""
        weights = {t: c * self[t] for t, c in Counter(token_list).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def heaviest(self, token_list: list[str], k: int) -> list[str]:
        """The k tokens that weigh most in the text's vector: rare, and repeated (a claim's own
        words count more than its paragraph's)."""
        counts = Counter(token_list)
        return sorted(counts, key=lambda t: (-counts[t] * self[t], t))[:k]


class TokenProfile:
    """Sum of member vectors with its norm kept up to date, for cheap cosines."""

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.norm_squared = 0.0

    def add(self, vector: dict[str, float]) -> None:
        for token, weight in vector.items():
            old = self.weights.get(token, 0.0)
            self.weights[token] = old + weight
            self.norm_squared += (old + weight) ** 2 - old * old

    def cosine(self, vector: dict[str, float]) -> float:
        if not self.norm_squared:
            return 0.0
        dot = sum(w * self.weights.get(t, 0.0) for t, w in vector.items())
        return dot / math.sqrt(self.norm_squared)  # `vector` has unit length


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def nearest_km(points: Iterable[tuple[float, float]], others: Iterable[tuple[float, float]]) -> float:
    others = list(others)
    return min((haversine_km(a, b) for a in points for b in others), default=math.inf)
