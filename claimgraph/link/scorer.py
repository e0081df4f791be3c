"""The pair model: how likely two claims (or a claim and an event, on average) are one happening.

A logistic regression over the features of `pairs.py`, fitted on gold pairs by
`python -m claimgraph.eval.train_linking` and kept in `data/pair_model.json` (feature weights,
the happening classifier of `happening.py`, and what they were fitted on; no corpus text).  Its bias is shifted so that probability 0.5 is
the threshold that clustered its training corpora best, so the `link_threshold` setting's
default (0.5) is the fitted one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from claimgraph.link.happening import HappeningModel
from claimgraph.link.pairs import NAMES

MODEL_FILE = Path(__file__).with_name("data") / "pair_model.json"


@dataclass(frozen=True)
class PairModel:
    weights: tuple[float, ...]  # in pairs.NAMES order
    about: dict[str, Any]  # what it was fitted on, and how
    happening: HappeningModel = field(default_factory=HappeningModel.uniform)

    def logit(self, features: Sequence[float]) -> float:
        return sum(w * f for w, f in zip(self.weights, features))

    def probability(self, features: Sequence[float]) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.logit(features)))))

    def to_json(self) -> dict[str, Any]:
        return {"weights": dict(zip(NAMES, self.weights)), "happening": self.happening.to_json(), "about": self.about}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PairModel":
        weights = data["weights"]
        missing = set(NAMES) - set(weights)
        if missing:
            raise ValueError(f"pair model lacks weights for {sorted(missing)}: refit it "
                             "(python -m claimgraph.eval.train_linking)")
        return cls(tuple(float(weights[name]) for name in NAMES), data.get("about", {}),
                   HappeningModel.from_json(data["happening"]))


def threshold_logit(probability: float) -> float:
    """The logit a claim's average must reach to join an event at this probability."""
    probability = min(max(probability, 1e-6), 1 - 1e-6)
    return math.log(probability / (1 - probability))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> PairModel:
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))
