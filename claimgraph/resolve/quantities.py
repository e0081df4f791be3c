"""Quantities in reporting: "approximately 300 kilometers", "hundreds of prisoners".

``parse(text)`` reads one quantity phrase; ``find_quantities(text)`` finds them in running
text with their spans.  Each gets min/max, an ACLED-style ``conservative`` figure, a unit,
an ``approximate`` flag, and ``unit_mismatch`` when a length is given for territory.
The rules live in ``data/quantities.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal, Mapping, Optional

from claimgraph.model import Quantity
from claimgraph.resolve.numbers import number_words, parse_number
from claimgraph.rules import typed_rules

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Qualifier:
    """What a qualifier before a figure ("at least", "nearly") makes of it."""
    bound: Literal["exact", "min", "max"]  # the figure is the value, its lower or its upper bound
    conservative: Optional[Literal["figure"]]  # the figure is the conservative value, or there is none
    approximate: bool


@dataclass(frozen=True)
class VagueAmount:
    """A vague number ("hundreds"): the least it says and a conservative figure."""
    min: int
    conservative: int


@dataclass(frozen=True)
class QuantityRules:
    """quantities.yaml: qualifiers, vague numbers, units and the words around them."""
    designator_before: re.Pattern[str]  # "Mi-" before a number: a model's name
    qualifiers: Mapping[str, Qualifier]
    vague: Mapping[str, VagueAmount]
    lengths: Mapping[str, str]  # a length unit -> the area unit it is often given for
    units: Mapping[str, str]  # one or two words -> the unit
    territory_words: frozenset[str]
    unit_modifiers: frozenset[str]
    unit_prefixes: frozenset[str]
    not_units: frozenset[str]


EXACT = Qualifier(bound="exact", conservative="figure", approximate=False)  # a figure with no qualifier


def quantity_rules() -> QuantityRules:
    return typed_rules("claimgraph.resolve", "data/quantities.yaml", _quantity_rules)


def _quantity_rules(raw: dict[str, Any]) -> QuantityRules:
    return QuantityRules(
        designator_before=re.compile(raw["designator_before"]),
        qualifiers=MappingProxyType({words: Qualifier(**rule) for words, rule in raw["qualifiers"].items()}),
        vague=MappingProxyType({words: VagueAmount(**amount) for words, amount in raw["vague"].items()}),
        lengths=MappingProxyType(dict(raw["lengths"])), units=MappingProxyType(dict(raw["units"])),
        **{name: frozenset(raw[name]) for name in ("territory_words", "unit_modifiers", "unit_prefixes", "not_units")},
    )


def _alternatives(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def pattern() -> re.Pattern:
    """number phrase: [qualifier] (range | number | vague word) [of] unit words."""
    units = {w for w in number_words().units if w not in ("a", "an", "single", "couple")}
    mults = number_words().multipliers
    unit_words, mult_words = _alternatives(units), _alternatives(mults)
    word_number = (rf"(?:(?:{unit_words})(?:[- ](?:{unit_words}))*(?:\s+(?:{mult_words}))?"
                   rf"|an?\s+(?:{mult_words}))")  # "twenty-five", "three hundred", "a dozen"
    number = rf"(?:(?:{DIGITS})(?:\s+(?:million|billion|thousand))?|{word_number})"
    return re.compile(
        rf"\b(?:(?P<qualifier>{_alternatives(quantity_rules().qualifiers)})\s+)?"
        rf"(?:(?:between\s+)?(?P<low>{number})\s*(?:-|–|to|and)\s*(?P<high>{number})"
        rf"|(?P<number>{number})|(?P<vague>{_alternatives(quantity_rules().vague)}))\b"
        rf"(?P<of>\s+of)?(?P<unit>(?:\s+(?:square\s+|sq\s+)?[A-Za-z²]+[\w²'-]*){{0,2}})",
        re.IGNORECASE,
    )


def parse(text: str, after: str = "") -> Quantity:
    """Read one quantity phrase; a phrase with no number keeps only its text.

    ``after`` is the text that follows the phrase in its document, which can show that a
    length is meant as an area ("300 kilometers" + " of territory").
    """
    match = pattern().search(text)
    if match is None:
        return Quantity(text=text)
    quantity = _quantity(match, text, text[match.end():] + " " + after)
    read = f"{text}{after}"
    longer = pattern().search(read)
    if longer is not None and longer.start() == match.start() and reads_on(match, longer):
        quantity = _quantity(longer, read, read[longer.end():])
    return quantity.model_copy(update={"text": text})


def reads_on(phrase: re.Match, longer: re.Match) -> bool:
    """The phrase was cut before what it counts, and the text after it says: it ends on the
    first word of a unit or a modifier ("1,100 square" + " kilometres", "20 armoured" +
    " vehicles"), or on its number before what it counts ("several hundred" + " residents",
    "100" + " Russian servicemen"); a function word is never a unit ("59,000" + " were")."""
    own = phrase["unit"].split()
    if own:
        return own[-1].lower() in quantity_rules().unit_prefixes or own[-1].lower() in quantity_rules().unit_modifiers
    return _unit(longer)[0] is not None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity with a counted unit or a qualifier, with spans into ``text``."""
    found = []
    for match in pattern().finditer(text):
        quantity = _quantity(match, text, text[match.end(): match.end() + 60])
        if quantity.unit is None and not match["qualifier"]:
            continue
        if _is_date_or_year(match, text) or in_designator(text, match.start()):
            continue
        found.append(quantity.model_copy(update={"span": (match.start(), match.start() + len(quantity.text))}))
    return found


def in_designator(text: str, start: int) -> bool:
    """Whether the number at ``start`` is that of a model name ("Mi-28 helicopter", "S-400
    system"): no count of anything."""
    return quantity_rules().designator_before.search(text[max(0, start - 8): start]) is not None


def _is_date_or_year(match: re.Match, text: str) -> bool:
    before = text[max(0, match.start() - 12): match.start()].lower()
    months = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
    number = match["number"] or ""
    return any(before.rstrip().endswith(m) for m in months) or bool(re.fullmatch(r"(19|20)\d\d", number))


def _unit(match: re.Match) -> tuple[str | None, int]:
    """The counted unit and how many characters of the match it uses."""
    words = match["unit"].split()
    if not words:
        return None, 0
    two = " ".join(words[:2]).lower()
    if len(words) > 1 and two in quantity_rules().units:
        return quantity_rules().units[two], 2
    first = words[0].lower()
    if first in quantity_rules().units:
        return quantity_rules().units[first], 1
    if len(words) > 1 and describes_next(words[0]) and is_counted_word(words[1]):
        return words[1].lower(), 2  # "20 armoured vehicles", "115 Russian servicemen"
    if not is_counted_word(words[0]) or first in quantity_rules().unit_modifiers:
        return None, 0
    return first, 1


def describes_next(word: str) -> bool:
    """A word that describes the counted noun after it: a listed modifier ("nearby", "more",
    "armoured") or a capitalised adjective of origin ("Russian")."""
    return word.lower() in quantity_rules().unit_modifiers or word[0].isupper()


def is_counted_word(word: str) -> bool:
    """A lower-case word that can name what is counted ("prisoners"), not a function word."""
    return word.isalpha() and not word[0].isupper() and word.lower() not in quantity_rules().not_units


def _quantity(match: re.Match, text: str, after: str) -> Quantity:
    unit, used = _unit(match)
    end = match.start("unit") if used == 0 else _end_of_words(match, used)
    phrase = text[match.start(): end]
    values = _values(match)
    return Quantity(text=phrase, unit=unit, unit_mismatch=_mismatch(unit, match["unit"], after), **values)


def _end_of_words(match: re.Match, count: int) -> int:
    unit_text = match["unit"]
    spans = [m.end() for m in re.finditer(r"\S+", unit_text)]
    return match.start("unit") + spans[count - 1]


def _values(match: re.Match) -> dict:
    if match["vague"]:
        vague = quantity_rules().vague[match["vague"].lower()]
        return {"min": vague.min, "max": None, "conservative": vague.conservative, "approximate": True}
    if match["low"]:
        low, high = parse_number(match["low"]), parse_number(match["high"])
        if low is not None and high is not None and low > high:  # "between 300 and 100": a range either way
            low, high = high, low
        return {"min": low, "max": high, "conservative": low, "approximate": bool(match["qualifier"])}
    figure = parse_number(match["number"])
    qualifier = quantity_rules().qualifiers.get((match["qualifier"] or "").lower(), EXACT)
    bound = qualifier.bound
    return {
        "min": figure if bound in ("exact", "min") else None,
        "max": figure if bound in ("exact", "max") else None,
        "conservative": figure if qualifier.conservative == "figure" else None,
        "approximate": qualifier.approximate or "dozen" in match["number"].lower(),
    }


def _mismatch(unit: str | None, unit_text: str, after: str) -> str | None:
    """A length followed by a territory word is probably an area."""
    area = quantity_rules().lengths.get(unit or "")
    if area is None:
        return None
    following = (unit_text + " " + after).lower().split()[:6]
    if any(word.strip(".,;") in quantity_rules().territory_words for word in following):
        return f"length given for an area: probably {area}"
    return None
