"""The linking rules file (data/linking.yaml), loaded once and typed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimgraph.rules import typed_rules

RULES_FILE = Path(__file__).with_name("data") / "linking.yaml"


@dataclass(frozen=True)
class StoryRules:
    """How articles join stories (see `stories` in linking.yaml)."""
    threshold: float
    window_days: int
    title_weight: int
    words_per_article: int
    candidates: int
    recent_per_word: int
    town_days: int
    town_threshold: float
    place_threshold: float


@dataclass(frozen=True)
class WordList:
    """Words, and prefixes ("evacuat*"); `word_list` keeps the words' stems, `whole_word_list`
    the words and their plurals."""
    stems: frozenset[str]
    prefixes: tuple[str, ...]

    def holds(self, stem: str) -> bool:
        return stem in self.stems or stem.startswith(self.prefixes)


@dataclass(frozen=True)
class Extent:
    """Quantities that measure held ground (see `extent` in linking.yaml)."""
    units: frozenset[str]
    depth_unit: str
    depth_cues: re.Pattern[str]
    share: float  # an event measures held ground when this share of its claims do


@dataclass(frozen=True)
class DaySplit:
    """When an event of a one-day happening splits by the days its claims give (day_split.py)."""
    types: frozenset[str]
    least: int  # claims giving a day for it to open a part
    reach: int  # sentences between an undated claim and a dated one of its article


@dataclass(frozen=True)
class PatternRules:
    """What makes a claim tell of a run of attacks (see `pattern` in linking.yaml)."""
    words: re.Pattern[str]  # a word of repetition, whole or by its prefix ("continue*")
    reach: int  # words from one to the word naming the attack


def word_or_prefix_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of the words, whole; one ending in * stands for every word it begins."""
    forms = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, eq=False)  # hashed by identity: loaded once
class LinkRules:
    stories: StoryRules
    pair_prior: dict[str, float]  # pair feature -> the weight its fit is pulled towards
    own_type_prior: float  # how far the happening fit pulls each extracted type towards itself
    events_scored: int  # events of its story a claim is compared with, at most
    type_groups: dict[str, tuple[str, ...]]
    wildcard_types: frozenset[str]
    speech_types: frozenset[str]  # the happening is the speaking: its speaker tells events apart
    persistent_types: frozenset[str]
    persistent_window_days: int
    day_split: DaySplit
    happening_words: dict[str, WordList]  # kind of happening -> the words naming it
    counted_kinds: frozenset[str]  # kinds whose numbers measure one thing (a death toll)
    counted_types: dict[str, str]  # event type -> the kind its numbers count
    number_words: re.Pattern[str]
    background_days: int
    night_words: re.Pattern[str]  # a time naming a night may be either day beside its own
    pattern: PatternRules
    meaning_file: Path  # word-piece vectors, see meaning.py
    government_seats: frozenset[str]
    locative_words: frozenset[str]
    settlement_cue: re.Pattern[str]  # a cue and the name after it (group 1)
    facilities: dict[str, WordList]  # facility kind -> the words that name it (whole words and plurals, not stems)
    facility_qualifiers: dict[str, str]  # a word -> the kind of facility it makes the noun after it
    extent: Extent
    word_weights: dict[str, int]  # claim / sentence / paragraph -> times its words count
    contradiction_days: int
    place_conflict_km: float
    place_conflict_types: frozenset[str]  # types whose claims place a happening at one spot
    person_units: frozenset[str]  # units that count people at large
    contradiction_measures: dict[str, WordList]  # what a number measures -> the words naming it
    measure_words: int  # words after (else before) a number read for what it measures
    responsibility_kinds: frozenset[str]  # kinds whose doers are compared
    sides: frozenset[str]  # the sides doers may be of
    approximate_tolerance: float
    open_ended_cues: tuple[str, ...]
    outcome_types: frozenset[str]
    outcomes: dict[str, re.Pattern[str]]  # outcome -> any of its stems at the start of a word
    incompatible_outcomes: frozenset[frozenset[str]]
    support_rank: dict[str, int]
    vague_openings: frozenset[str]  # a summary opening with one of these names nothing ("It ...")
    stopwords: frozenset[str]
    material_sources: frozenset[str]  # "the footage said": material, not a source (see origins.py)
    unspecified_sources: frozenset[str]  # "media reports said": no one in particular
    role_words: frozenset[str]  # "the spokesman": a role, not who holds it
    generic_name_words: frozenset[str]  # titles, countries: no two sources differ by these alone

    def may_persist(self, event_type: str) -> bool:
        """Could a claim of this type be about a lasting state (a wildcard type might)?"""
        return event_type in self.persistent_types or event_type in self.wildcard_types

    def is_wildcard(self, event_type: str) -> bool:
        return event_type in self.wildcard_types

    def groups_of(self, event_type: str) -> tuple[str, ...]:
        """Type groups of an event type; an unlisted type is its own group."""
        return groups_of(self, event_type)

    def related_types(self, event_type: str) -> tuple[str, ...]:
        """The other known types sharing a group with this one."""
        return related_types(self, event_type)


@lru_cache(maxsize=256)
def groups_of(rules: LinkRules, event_type: str) -> tuple[str, ...]:
    if event_type in rules.wildcard_types:
        return tuple(rules.type_groups)
    groups = tuple(name for name, types in rules.type_groups.items() if event_type in types)
    return groups or (event_type,)


@lru_cache(maxsize=256)
def related_types(rules: LinkRules, event_type: str) -> tuple[str, ...]:
    if event_type in rules.wildcard_types:
        return ()
    groups = set(rules.groups_of(event_type))
    return tuple(sorted({t for name in groups for t in rules.type_groups.get(name, ())} - {event_type}))


def stems_pattern(stems: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE)


def load_extent(raw: dict[str, Any]) -> Extent:
    return Extent(units=frozenset(raw["units"]), depth_unit=raw["depth_unit"],
                  depth_cues=stems_pattern(raw["depth_cues"]), share=float(raw["share"]))


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """A cue followed by a capitalised name of one or two words."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


def word_list(words: list[str]) -> WordList:
    from claimgraph.link.features import stem  # the stemmer the claims' words go through

    return WordList(frozenset(stem(w) for w in words if not w.endswith("*")),
                    tuple(w[:-1].lower() for w in words if w.endswith("*")))


def whole_word_list(words: list[str]) -> WordList:
    """Words compared whole, singular or plural ("stationed" is no station), and prefixes
    ("плотин*": a Russian noun takes a case ending)."""
    return WordList(frozenset(form for w in words if not w.endswith("*") for form in (w, w + "s")),
                    tuple(w[:-1] for w in words if w.endswith("*")))


def words_pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def load_rules() -> LinkRules:
    """linking.yaml as typed rules, built once."""
    return typed_rules("claimgraph.link", "data/linking.yaml", link_rules)


def link_rules(raw: dict[str, Any]) -> LinkRules:
    return LinkRules(
        stories=StoryRules(**raw["stories"]),
        pair_prior={str(k): float(v) for k, v in raw["pair_prior"].items()},
        own_type_prior=float(raw["own_type_prior"]),
        events_scored=int(raw["events_scored"]),
        type_groups={name: tuple(types) for name, types in raw["type_groups"].items()},
        wildcard_types=frozenset(raw["wildcard_types"]),
        speech_types=frozenset(raw["speech_types"]),
        persistent_types=frozenset(raw["persistent_types"]),
        persistent_window_days=int(raw["persistent_window_days"]),
        day_split=DaySplit(frozenset(raw["day_split"]["types"]), int(raw["day_split"]["least"]),
                           int(raw["day_split"]["reach"])),
        happening_words={kind: word_list(words) for kind, words in raw["happening_words"].items()},
        counted_kinds=frozenset(raw["counted_kinds"]),
        counted_types=dict(raw["counted_types"]),
        number_words=words_pattern(raw["number_words"]),
        background_days=int(raw["background_days"]),
        night_words=words_pattern(raw["night_words"]),
        pattern=PatternRules(word_or_prefix_pattern(raw["pattern"]["words"]), int(raw["pattern"]["reach"])),
        meaning_file=RULES_FILE.with_name(raw["meaning_file"]),
        government_seats=frozenset(raw["government_seats"]),
        locative_words=frozenset(raw["locative_words"]),
        settlement_cue=cue_pattern(raw["settlement_cues"]),
        facilities={kind: whole_word_list(words) for kind, words in raw["facilities"].items()},
        facility_qualifiers={word: kind for kind, words in raw["facility_qualifiers"].items() for word in words},
        extent=load_extent(raw["extent"]),
        word_weights={k: int(v) for k, v in raw["word_weights"].items()},
        contradiction_days=int(raw["contradiction_days"]),
        place_conflict_km=float(raw["place_conflict_km"]),
        place_conflict_types=frozenset(raw["place_conflict_types"]),
        person_units=frozenset(raw["person_units"]),
        contradiction_measures={m: word_list(words) for m, words in raw["contradiction_measures"].items()},
        measure_words=int(raw["measure_words"]),
        responsibility_kinds=frozenset(raw["responsibility_kinds"]),
        sides=frozenset(raw["sides"]),
        approximate_tolerance=float(raw["approximate_tolerance"]),
        open_ended_cues=tuple(raw["open_ended_cues"]),
        outcome_types=frozenset(raw["outcome_types"]),
        outcomes={name: stems_pattern(stems) for name, stems in raw["outcomes"].items()},
        incompatible_outcomes=frozenset(frozenset(pair) for pair in raw["incompatible_outcomes"]),
        support_rank={k: int(v) for k, v in raw["support_rank"].items()},
        vague_openings=frozenset(raw["vague_openings"]),
        stopwords=frozenset(raw["stopwords"].split()),
        material_sources=frozenset(raw["material_sources"]),
        unspecified_sources=frozenset(raw["unspecified_sources"]),
        role_words=frozenset(raw["role_words"]),
        generic_name_words=frozenset(raw["generic_name_words"]),
    )
