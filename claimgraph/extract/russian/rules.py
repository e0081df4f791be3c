"""lexicons/ru.yaml as frozen typed rules, built once per process."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from claimgraph.rules import typed_rules

Cue = frozenset[str]  # lemmas that all occur in one sentence


@dataclass(frozen=True)
class RussianRules:
    speech_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    frames: tuple[tuple[str, ...], ...]  # ("по", "слово"): the source follows, in the genitive
    relay: tuple[str, ...]  # ("со", "ссылка", "на"): the origin follows
    points_back: tuple[str, ...]  # ("об", "это"): the sentence before is attributed too
    headline_colon: bool
    source_kinds: tuple[tuple[str, frozenset[str]], ...]  # (kind, lemmas), tried in order
    back_references: frozenset[str]  # a source named by one of these alone is the one named before it
    pronouns: frozenset[str]  # may stand inside a frame: "по его словам"
    name_stops: frozenset[str]
    status_precedence: tuple[str, ...]
    status_cues: Mapping[str, tuple[Cue, ...]]
    event_types: Mapping[str, str]  # lemma -> type, the first listing kept
    place_entities: frozenset[str]


def russian_rules() -> RussianRules:
    return typed_rules("claimgraph.extract", "lexicons/ru.yaml", _russian_rules)


def _russian_rules(raw: dict[str, Any]) -> RussianRules:
    attribution, status = raw["attribution"], raw["status"]
    types: dict[str, str] = {}
    for event_type, lemmas in raw["events"].items():
        for lemma in lemmas:
            types.setdefault(lemma, event_type)
    return RussianRules(
        speech_verbs=frozenset(attribution["speech_verbs"]), deny_verbs=frozenset(attribution["deny_verbs"]),
        frames=tuple(tuple(frame) for frame in attribution["frames"]), relay=tuple(attribution["relay"]),
        points_back=tuple(attribution["points_back"]), headline_colon=bool(attribution["headline_colon"]),
        source_kinds=tuple((kind, frozenset(words)) for kind, words in attribution["source_kinds"].items()),
        back_references=frozenset(attribution["back_references"]), pronouns=frozenset(attribution["pronouns"]), name_stops=frozenset(attribution["name_stops"]),
        status_precedence=tuple(status["precedence"]),
        status_cues=MappingProxyType({name: tuple(frozenset(cue) for cue in cues)
                                      for name, cues in status["cues"].items()}),
        event_types=MappingProxyType(types), place_entities=frozenset(raw["places"]["entity_types"]),
    )
