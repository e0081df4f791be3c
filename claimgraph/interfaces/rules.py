"""The output rule files (``interfaces/data/*.yaml``) as typed, frozen rules, built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping, Optional

from claimgraph.rules import typed_rules

ACLED_TYPE_COLUMNS = ("disorder_type", "event_type", "sub_event_type")


@dataclass(frozen=True)
class TakeawayLimits:
    """How many events each list of the report's takeaways holds."""
    changed: int
    best_backed: int
    disputed: int


@dataclass(frozen=True)
class ReportRules:
    """report.yaml: the situation report's limits and wording."""
    takeaways: TakeawayLimits
    figure_units: tuple[str, ...]  # units (or their starts) whose figures an event's entry lists
    no_place: str  # the heading of events without a place
    title_chars: int


@dataclass(frozen=True)
class HappeningRules:
    """happenings.yaml: which claims say that something happened."""
    not_happened_statuses: frozenset[str]
    not_happening_types: frozenset[str]
    about_the_reporting: re.Pattern[str]  # any of the file's patterns, case ignored
    min_words: int
    pronouns: frozenset[str]  # a claim opening with one names nothing


@dataclass(frozen=True)
class EvidenceWords:
    """Words for evidence of a kind and a method (None: any)."""
    kind: Optional[str]
    method: Optional[str]
    words: str


@dataclass(frozen=True)
class ConfirmedPhrases:
    evidence: str
    checker: str


@dataclass(frozen=True)
class CorroboratedPhrases:
    both_sides: str
    neutral: str


@dataclass(frozen=True)
class ClaimedPhrases:
    one: str
    one_side: str
    own_voice: str


@dataclass(frozen=True)
class DisputedPhrases:
    denial: str
    denial_only: str
    contradiction: str
    note: str


@dataclass(frozen=True)
class EstimativeRules:
    """estimative.yaml: the phrases saying how well an event is established."""
    numbers: tuple[str, ...]  # counts as words, from zero
    confirmed: ConfirmedPhrases
    evidence_words: tuple[EvidenceWords, ...]  # the first fitting an item of evidence names it
    cue_evidence: Mapping[str, str]  # a status cue's stem -> what it says was checked
    corroborated: CorroboratedPhrases
    claimed: ClaimedPhrases
    disputed: DisputedPhrases
    sides: frozenset[str]  # origins from all of these are from both sides
    neutral_sides: frozenset[Optional[str]]
    quote_chars: int


@dataclass(frozen=True)
class AcledRefinement:
    """Columns that change when the claims' text holds a word starting with one of ``words``."""
    words: tuple[str, ...]
    columns: Mapping[str, str]


@dataclass(frozen=True)
class AcledType:
    """ACLED's type columns for one of claimgraph's event types."""
    columns: Mapping[str, str]  # disorder_type, event_type, sub_event_type
    refinements: tuple[AcledRefinement, ...]  # the first that applies wins


@dataclass(frozen=True)
class AcledRules:
    """acled.yaml: how events and claims are written as ACLED rows."""
    types: Mapping[str, AcledType]  # "other" for a type not listed
    reporting_kinds: frozenset[str]  # source kinds that report, never act
    civilian_targeting_types: frozenset[str]
    civilian_targeting: str
    time_precision: Mapping[str, int]  # a claim time's precision -> ACLED's code
    time_precision_from_publication: int
    source_scales: Mapping[str, str]  # an origin's kind -> ACLED source scale
    default_source_scale: str
    source_scale_order: tuple[str, ...]
    casualty_types: frozenset[str]
    firm_statuses: tuple[str, ...]
    soft_statuses: tuple[str, ...]
    death_words: tuple[str, ...]  # word starts
    injury_words: tuple[str, ...]
    people_units: tuple[str, ...]

    def type_of(self, event_type: str) -> AcledType:
        return self.types.get(event_type, self.types["other"])


def report_rules() -> ReportRules:
    return typed_rules("claimgraph.interfaces", "data/report.yaml", _report_rules)


def happening_rules() -> HappeningRules:
    return typed_rules("claimgraph.interfaces", "data/happenings.yaml", _happening_rules)


def estimative_rules() -> EstimativeRules:
    return typed_rules("claimgraph.interfaces", "data/estimative.yaml", _estimative_rules)


def acled_rules() -> AcledRules:
    return typed_rules("claimgraph.interfaces", "data/acled.yaml", _acled_rules)


def _report_rules(raw: dict[str, Any]) -> ReportRules:
    return ReportRules(takeaways=TakeawayLimits(**{k: int(v) for k, v in raw["takeaways"].items()}),
                       figure_units=tuple(raw["figure_units"]), no_place=str(raw["no_place"]),
                       title_chars=int(raw["title_chars"]))


def _happening_rules(raw: dict[str, Any]) -> HappeningRules:
    return HappeningRules(
        not_happened_statuses=frozenset(raw["not_happened_statuses"]),
        not_happening_types=frozenset(raw["not_happening_types"]),
        about_the_reporting=re.compile("|".join(f"(?:{p})" for p in raw["about_the_reporting"]), re.IGNORECASE),
        min_words=int(raw["min_words"]), pronouns=frozenset(raw["pronouns"]),
    )


def _estimative_rules(raw: dict[str, Any]) -> EstimativeRules:
    return EstimativeRules(
        numbers=tuple(str(n) for n in raw["numbers"]), confirmed=ConfirmedPhrases(**raw["confirmed"]),
        evidence_words=tuple(EvidenceWords(rule.get("kind"), rule.get("method"), rule["words"])
                             for rule in raw["evidence_words"]),
        cue_evidence=MappingProxyType(dict(raw["cue_evidence"])),
        corroborated=CorroboratedPhrases(**raw["corroborated"]), claimed=ClaimedPhrases(**raw["claimed"]),
        disputed=DisputedPhrases(**raw["disputed"]), sides=frozenset(raw["sides"]),
        neutral_sides=frozenset(raw["neutral_sides"]), quote_chars=int(raw["quote_chars"]),
    )


def _acled_rules(raw: dict[str, Any]) -> AcledRules:
    scales = dict(raw["source_scale"])
    return AcledRules(
        types=MappingProxyType({name: _acled_type(rule) for name, rule in raw["types"].items()}),
        reporting_kinds=frozenset(raw["reporting_kinds"]),
        civilian_targeting_types=frozenset(raw["civilian_targeting_types"]),
        civilian_targeting=str(raw["civilian_targeting"]),
        time_precision=MappingProxyType({k: int(v) for k, v in raw["time_precision"].items()}),
        time_precision_from_publication=int(raw["time_precision_from_publication"]),
        default_source_scale=str(scales.pop("default")), source_scales=MappingProxyType(scales),
        source_scale_order=tuple(raw["source_scale_order"]), casualty_types=frozenset(raw["casualty_types"]),
        firm_statuses=tuple(raw["firm_statuses"]), soft_statuses=tuple(raw["soft_statuses"]),
        death_words=tuple(raw["death_words"]), injury_words=tuple(raw["injury_words"]),
        people_units=tuple(raw["people_units"]),
    )


def _acled_type(rule: dict[str, Any]) -> AcledType:
    refinements = tuple(AcledRefinement(tuple(by["words"]), MappingProxyType(
        {key: by[key] for key in ACLED_TYPE_COLUMNS if key in by})) for by in rule.get("by_words", ()))
    return AcledType(MappingProxyType({key: rule[key] for key in ACLED_TYPE_COLUMNS}), refinements)
