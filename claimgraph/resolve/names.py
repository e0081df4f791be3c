"""Name keys: the one normaliser every gazetteer name and every looked-up name goes through.

Rules (region words, adjectival endings, transliteration folds of Ukrainian and Russian
romanisations, Cyrillic romanisation, variants) live in
``data/place_names.yaml``; this module only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from claimgraph.rules import typed_rules

APOSTROPHES = re.compile(r"['’ʼʹ`´‘]")
NON_WORD = re.compile(r"[^a-z0-9]+")


Fold = tuple[str, str]  # a spelling and the one it is folded to


@dataclass(frozen=True)
class NameRules:
    """place_names.yaml: how a place name becomes its lookup keys, and the gazetteer's variants."""
    region_words: tuple[str, ...]  # stripped from a name, tried in the file's order
    district_words: frozenset[str]
    adjective_endings: Mapping[str, tuple[str, ...]]  # ending -> the stems to try, in order
    abbreviations: Mapping[str, str]  # "st" -> "saint"
    spelling: tuple[Fold, ...]  # folded in order in every word
    endings: tuple[Fold, ...]  # the first ending found is folded
    cyrillic: Mapping[str, str]  # a Cyrillic letter -> its romanisation
    variants: Mapping[str, str]  # an extra name -> the gazetteer name it stands for


def name_rules() -> NameRules:
    return typed_rules("claimgraph.resolve", "data/place_names.yaml", _name_rules)


def _name_rules(raw: dict[str, Any]) -> NameRules:
    return NameRules(
        region_words=tuple(raw["region_words"]), district_words=frozenset(raw["district_words"]),
        adjective_endings=MappingProxyType({ending: tuple(stems) for ending, stems in raw["adjective_endings"].items()}),
        spelling=tuple((old, new) for old, new in raw["spelling"]),
        endings=tuple((old, new) for old, new in raw["endings"]),
        **{name: MappingProxyType(dict(raw[name])) for name in ("abbreviations", "cyrillic", "variants")},
    )


@dataclass(frozen=True)
class NameKey:
    """The lookup keys of one name and what its generic words hint at."""

    keys: tuple[str, ...]
    region: bool = False
    district: bool = False


@lru_cache(maxsize=1)
def cyrillic_table() -> dict[int, str]:
    return str.maketrans(dict(name_rules().cyrillic))


def ascii_fold(text: str) -> str:
    """Lower case, Cyrillic romanised, diacritics and apostrophes removed, punctuation to
    single spaces."""
    romanised = APOSTROPHES.sub("", text).lower().translate(cyrillic_table())
    decomposed = unicodedata.normalize("NFKD", romanised)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return NON_WORD.sub(" ", plain).strip()


def fold_spelling(word: str) -> str:
    for old, new in name_rules().spelling:
        word = word.replace(old, new)
    for old, new in name_rules().endings:
        if word.endswith(old) and len(word) > len(old) + 2:
            return word[: -len(old)] + new
    return word


def _strip_region_word(words: list[str]) -> tuple[list[str], bool]:
    for generic in name_rules().region_words:
        if len(words) > 1 and words[-1] == generic:
            return words[:-1], True
        if len(words) > 1 and words[0] == generic and generic != "state":
            rest = words[1:]
            return (rest[1:] if rest[0] == "of" and len(rest) > 1 else rest), True
    return words, False


def _adjective_stems(words: list[str]) -> list[list[str]]:
    """'kurskaya' -> ['kursk']; only used once a region word was stripped."""
    last = words[-1]
    for ending, stems in name_rules().adjective_endings.items():
        if last.endswith(ending) and len(last) > len(ending) + 2:
            return [words[:-1] + [last[: -len(ending)] + stem] for stem in stems]
    return [words]


def is_district(text: str) -> bool:
    words = ascii_fold(text).split()
    return bool(words) and words[-1] in name_rules().district_words


@lru_cache(maxsize=200_000)
def name_key(text: str) -> NameKey:
    """All keys under which ``text`` is indexed or looked up."""
    words = ascii_fold(text).split()
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return NameKey(())
    if len(words) > 1:  # "St. Petersburg", not a lone "St"
        words[0] = name_rules().abbreviations.get(words[0], words[0])
    words, region = _strip_region_word(words)
    variants = _adjective_stems(words) if region else [words]
    keys = tuple(dict.fromkeys(" ".join(fold_spelling(w) for w in v) for v in variants))
    return NameKey(keys, region=region, district=is_district(text))


def primary_key(text: str) -> str:
    """The first key of a name ('' when it has none)."""
    keys = name_key(text).keys
    return keys[0] if keys else ""
