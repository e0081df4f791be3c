"""Name keys: the one normaliser every gazetteer name and every looked-up name goes through.

Rules (region words, adjectival endings, transliteration folds of Ukrainian and Russian
romanisations, Cyrillic romanisation, variants) live in
``data/place_names.yaml``; this module only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

APOSTROPHES = re.compile(r"['’ʼʹ`´‘]")
NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    text = resources.files("claimgraph.resolve").joinpath("data/place_names.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True)
class NameKey:
    """The lookup keys of one name and what its generic words hint at."""

    keys: tuple[str, ...]
    region: bool = False
    district: bool = False


@lru_cache(maxsize=1)
def cyrillic_table() -> dict[int, str]:
    return str.maketrans(rules()["cyrillic"])


def ascii_fold(text: str) -> str:
    """Lower case, Cyrillic romanised, diacritics and apostrophes removed, punctuation to
    single spaces."""
    romanised = APOSTROPHES.sub("", text).lower().translate(cyrillic_table())
    decomposed = unicodedata.normalize("NFKD", romanised)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return NON_WORD.sub(" ", plain).strip()


def fold_spelling(word: str) -> str:
    for old, new in rules()["spelling"]:
        word = word.replace(old, new)
    for old, new in rules()["endings"]:
        if word.endswith(old) and len(word) > len(old) + 2:
            return word[: -len(old)] + new
    return word


def _strip_region_word(words: list[str]) -> tuple[list[str], bool]:
    for generic in rules()["region_words"]:
        if len(words) > 1 and words[-1] == generic:
            return words[:-1], True
        if len(words) > 1 and words[0] == generic and generic != "state":
            rest = words[1:]
            return (rest[1:] if rest[0] == "of" and len(rest) > 1 else rest), True
    return words, False


def _adjective_stems(words: list[str]) -> list[list[str]]:
    """'kurskaya' -> ['kursk']; only used once a region word was stripped."""
    last = words[-1]
    for ending, stems in rules()["adjective_endings"].items():
        if last.endswith(ending) and len(last) > len(ending) + 2:
            return [words[:-1] + [last[: -len(ending)] + stem] for stem in stems]
    return [words]


def is_district(text: str) -> bool:
    words = ascii_fold(text).split()
    return bool(words) and words[-1] in rules()["district_words"]


@lru_cache(maxsize=200_000)
def name_key(text: str) -> NameKey:
    """All keys under which ``text`` is indexed or looked up."""
    words = ascii_fold(text).split()
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return NameKey(())
    if len(words) > 1:  # "St. Petersburg", not a lone "St"
        words[0] = rules()["abbreviations"].get(words[0], words[0])
    words, region = _strip_region_word(words)
    variants = _adjective_stems(words) if region else [words]
    keys = tuple(dict.fromkeys(" ".join(fold_spelling(w) for w in v) for v in variants))
    return NameKey(keys, region=region, district=is_district(text))


def primary_key(text: str) -> str:
    """The first key of a name ('' when it has none)."""
    keys = name_key(text).keys
    return keys[0] if keys else ""
