"""What kind of happening a claim tells of, as probabilities over the spec's event types.

Extraction types a claim by its own words ("Moscow blames Kyiv for wrecking the dam" may come
out a statement); linking asks which happening the claim is about (the dam's destruction).  A
multinomial logistic regression reads the claim's extracted type, the kinds of happening its
words and its sentence's words name (`happening_words`), the kinds it gives a number for, and
whether it dates itself in the past; it is fitted on gold (each gold mention labelled with its
event's type) by `claimgraph/eval/train_linking.py` and kept in pair_model.json beside the pair
weights.  Two claims' chance of telling of the same kind of happening is the dot product of
their probabilities (pair feature `same_happening`).  An event's type is its claims' most common
type; their probabilities add up only to break a tie (events.main_type: deciding by the sum let
what the classifier learnt of its training episodes overrule the claims on an episode it had not
seen).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np

from claimgraph.model import EVENT_TYPES

TYPES = EVENT_TYPES


def happening_words(event_type: str, kinds: Iterable[str], sentence_kinds: Iterable[str], counted: Iterable[str],
                    background: bool) -> list[str]:
    """The classifier's input: named indicators."""
    found = [f"type:{event_type}"] + [f"kind:{k}" for k in kinds] + [f"sentence:{k}" for k in sentence_kinds]
    found += [f"counted:{k}" for k in counted]
    return found + (["background"] if background else [])


@dataclass(frozen=True, eq=False)  # compared by identity: it holds arrays
class HappeningModel:
    bias: np.ndarray  # per type, in TYPES order
    weights: Mapping[str, np.ndarray]  # indicator -> per type

    def probabilities(self, words: Iterable[str]) -> np.ndarray:
        scores = self.bias.copy()
        for word in words:
            weight = self.weights.get(word)
            if weight is not None:
                scores += weight
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def to_json(self) -> dict[str, Any]:
        rounded = lambda values: [round(float(v), 4) for v in values]  # noqa: E731
        return {"types": list(TYPES), "bias": rounded(self.bias),
                "weights": {word: rounded(values) for word, values in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "HappeningModel":
        if list(data["types"]) != list(TYPES):
            raise ValueError("the happening model was fitted on other event types: refit it "
                             "(python -m claimgraph.eval.train_linking)")
        return cls(np.array(data["bias"], dtype=float),
                   {word: np.array(values, dtype=float) for word, values in data["weights"].items()})

    @property
    def fitted(self) -> bool:
        return bool(self.weights)

    @classmethod
    def uniform(cls) -> "HappeningModel":
        """Every type equally likely (before fitting)."""
        return cls(np.zeros(len(TYPES)), {})
