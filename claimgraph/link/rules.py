"""The linking rules file (data/linking.yaml), loaded once and typed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = Path(__file__).with_name("data") / "linking.yaml"
PLACE_KIND = "place"  # what "the town" points back to: a claim that names a town


@dataclass(frozen=True)
class References:
    """Definite descriptions that point back within an article ("the attack"), see coreference.py."""
    pointer: re.Pattern[str]  # a determiner; group 1 is the word after it, unless a possessive ("the town's")
    kinds: dict[str, str]  # noun after a determiner -> the kind of thing it points back to (or PLACE_KIND)
    introduced_by: dict[str, re.Pattern[str]]  # kind -> any of the stems that introduce such a thing
    paragraphs_back: int  # how far back the thing may have been introduced


@dataclass(frozen=True)
class Extent:
    """Quantities that measure held ground (see `extent` in linking.yaml)."""
    units: frozenset[str]
    depth_unit: str
    depth_cues: re.Pattern[str]
    share: float  # an event measures held ground when this share of its claims do


@dataclass(frozen=True, eq=False)  # hashed by identity: loaded once
class LinkRules:
    type_groups: dict[str, tuple[str, ...]]
    wildcard_types: frozenset[str]
    persistent_types: frozenset[str]
    persistent_window_days: int
    weights: dict[str, float]
    lone_claim_threshold: float  # a lone claim crosses type groups at this similarity
    references: References
    government_seats: frozenset[str]
    locative_words: frozenset[str]
    settlement_cue: re.Pattern[str]  # a cue and the name after it (group 1)
    facilities: dict[str, tuple[str, ...]]  # facility kind -> the words that name it
    facility_share: float
    extent: Extent
    word_weights: dict[str, int]  # claim / sentence / paragraph -> times its words count
    text_full_match: float
    meaning_file: Path  # word-piece vectors, see meaning.py
    meaning_range: tuple[float, float]  # (unrelated, related) cosines
    candidates: dict[str, int]
    contradiction_days: int
    place_conflict_km: float
    approximate_tolerance: float
    open_ended_cues: tuple[str, ...]
    outcome_types: frozenset[str]
    outcomes: dict[str, re.Pattern[str]]  # outcome -> any of its stems at the start of a word
    incompatible_outcomes: frozenset[frozenset[str]]
    support_rank: dict[str, int]
    vague_openings: frozenset[str]  # a summary opening with one of these names nothing ("It ...")
    stopwords: frozenset[str]
    material_sources: frozenset[str]  # "the footage said": material, not a source (see origins.py)

    def may_persist(self, event_type: str) -> bool:
        """Could a claim of this type be about a lasting state (a wildcard type might)?"""
        return event_type in self.persistent_types or event_type in self.wildcard_types

    def is_wildcard(self, event_type: str) -> bool:
        return event_type in self.wildcard_types

    def groups_of(self, event_type: str) -> tuple[str, ...]:
        """Blocking groups of an event type; an unlisted type is its own group."""
        return groups_of(self, event_type)


@lru_cache(maxsize=256)
def groups_of(rules: LinkRules, event_type: str) -> tuple[str, ...]:
    if event_type in rules.wildcard_types:
        return tuple(rules.type_groups)
    groups = tuple(name for name, types in rules.type_groups.items() if event_type in types)
    return groups or (event_type,)


def stems_pattern(stems: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE)


def load_references(raw: dict[str, Any]) -> References:
    kinds = {noun: kind for kind, words in raw["kinds"].items() for noun in words["nouns"]}
    pointer = r"\b(?:" + "|".join(map(re.escape, raw["determiners"])) + r")\s+(?=(\w+)(?![\w'’]))"
    return References(
        pointer=re.compile(pointer, re.IGNORECASE),
        kinds=kinds | {noun: PLACE_KIND for noun in raw["place_nouns"]},
        introduced_by={kind: stems_pattern(words["introduced_by"]) for kind, words in raw["kinds"].items()},
        paragraphs_back=int(raw["paragraphs_back"]),
    )


def load_extent(raw: dict[str, Any]) -> Extent:
    return Extent(units=frozenset(raw["units"]), depth_unit=raw["depth_unit"],
                  depth_cues=stems_pattern(raw["depth_cues"]), share=float(raw["share"]))


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """A cue followed by a capitalised name of one or two words."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> LinkRules:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return LinkRules(
        type_groups={name: tuple(types) for name, types in raw["type_groups"].items()},
        wildcard_types=frozenset(raw["wildcard_types"]),
        persistent_types=frozenset(raw["persistent_types"]),
        persistent_window_days=int(raw["persistent_window_days"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        lone_claim_threshold=float(raw["lone_claim_threshold"]),
        references=load_references(raw["references"]),
        government_seats=frozenset(raw["government_seats"]),
        locative_words=frozenset(raw["locative_words"]),
        settlement_cue=cue_pattern(raw["settlement_cues"]),
        facilities={kind: tuple(words) for kind, words in raw["facilities"].items()},
        facility_share=float(raw["facility_share"]),
        extent=load_extent(raw["extent"]),
        word_weights={k: int(v) for k, v in raw["word_weights"].items()},
        text_full_match=float(raw["text_full_match"]),
        meaning_file=path.with_name(raw["meaning"]["file"]),
        meaning_range=(float(raw["meaning"]["unrelated"]), float(raw["meaning"]["related"])),
        candidates={k: int(v) for k, v in raw["candidates"].items()},
        contradiction_days=int(raw["contradiction_days"]),
        place_conflict_km=float(raw["place_conflict_km"]),
        approximate_tolerance=float(raw["approximate_tolerance"]),
        open_ended_cues=tuple(raw["open_ended_cues"]),
        outcome_types=frozenset(raw["outcome_types"]),
        outcomes={name: stems_pattern(stems) for name, stems in raw["outcomes"].items()},
        incompatible_outcomes=frozenset(frozenset(pair) for pair in raw["incompatible_outcomes"]),
        support_rank={k: int(v) for k, v in raw["support_rank"].items()},
        vague_openings=frozenset(raw["vague_openings"]),
        stopwords=frozenset(raw["stopwords"].split()),
        material_sources=frozenset(raw["material_sources"]),
    )
