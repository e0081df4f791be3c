"""Numbers written as digits or words ("120,000", "1.5 million", "twenty-five", "a dozen")."""

from __future__ import annotations

import re

from claimgraph.rules import packaged_yaml

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def number_words() -> dict[str, dict[str, float]]:
    return packaged_yaml("claimgraph.resolve", "data/numbers.yaml")


def word_pattern() -> str:
    """A regex alternative matching any number word, longest first."""
    words = {**number_words()["units"], **number_words()["multipliers"]}
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def parse_number(text: str) -> float | None:
    """'120,000' -> 120000, 'twenty-five' -> 25, '1.5 million' -> 1500000; None if not a number."""
    words = text.lower().replace("-", " ").split()
    total, current = 0.0, None
    for word in words:
        value = _word_value(word)
        if value is None:
            return None
        if word in number_words()["multipliers"]:
            total += (current or 1) * value
            current = None
        else:
            current = (current or 0) + value
    return total + (current or 0) if words else None


def _word_value(word: str) -> float | None:
    if DIGITS.match(word):
        return float(word.replace(",", ""))
    return number_words()["units"].get(word, number_words()["multipliers"].get(word))
