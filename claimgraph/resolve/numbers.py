"""Numbers written as digits or words ("120,000", "1.5 million", "twenty-five", "a dozen")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from claimgraph.rules import typed_rules

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class NumberWords:
    """numbers.yaml: words that are numbers ("twenty") and words that multiply ("hundred")."""
    units: Mapping[str, float]
    multipliers: Mapping[str, float]


def number_words() -> NumberWords:
    return typed_rules("claimgraph.resolve", "data/numbers.yaml", _number_words)


def _number_words(raw: dict[str, Any]) -> NumberWords:
    return NumberWords(MappingProxyType(dict(raw["units"])), MappingProxyType(dict(raw["multipliers"])))


def word_pattern() -> str:
    """A regex alternative matching any number word, longest first."""
    words = {**number_words().units, **number_words().multipliers}
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def parse_number(text: str) -> float | None:
    """'120,000' -> 120000, 'twenty-five' -> 25, '1.5 million' -> 1500000; None if not a number."""
    words = text.lower().replace("-", " ").split()
    total, current = 0.0, None
    for word in words:
        value = _word_value(word)
        if value is None:
            return None
        if word in number_words().multipliers:
            total += (current or 1) * value
            current = None
        else:
            current = (current or 0) + value
    return total + (current or 0) if words else None


def _word_value(word: str) -> float | None:
    if DIGITS.match(word):
        return float(word.replace(",", ""))
    return number_words().units.get(word, number_words().multipliers.get(word))
