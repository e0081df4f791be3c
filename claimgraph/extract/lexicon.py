"""The YAML word lists in ``lexicons/`` (each file documents itself in a header), as typed,
frozen rules built once per process (events.yaml as ``event_words.TypeLexicon``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping

from spacy.tokens import Doc

from claimgraph.rules import typed_rules

from .event_words import TypeLexicon

MatcherPattern = tuple[Mapping[str, Any], ...]  # one spaCy Matcher pattern: a token's conditions each


@dataclass(frozen=True)
class AttributionRules:
    """attribution.yaml: the word lists and line shapes of attribution (the cue model's features
    among them)."""
    speech_verbs: frozenset[str]
    question_verbs: frozenset[str]
    refusals: frozenset[str]  # "declined to comment": a refusal, no claim
    comment_verbs: frozenset[str]
    speech_nouns: frozenset[str]  # "X's claim that Y"
    according: tuple[str, ...]  # "according to" and the phrases like it
    according_idioms: frozenset[str]  # "according to plan": no source
    naming_verbs: frozenset[str]  # "a blogger writing as X": a clause that names the source
    inference_verbs: frozenset[str]  # "..., which suggests": the writer infers
    contrast_marks: frozenset[str]  # "X blamed A, while Y said B": Y's own, not relayed by X
    block_intro: frozenset[str]  # "From X:" before quoted paragraphs
    social_post: re.Pattern[str]  # "— Name (@handle) June 7, 2023" after an embedded post
    signed_quote: re.Pattern[str]
    signature: re.Pattern[str]
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]  # "he", "she": a person named as a subject since the last source
    speakers: frozenset[str]  # first and second person: no source of their own
    spelling_variants: Mapping[str, str]
    headline: re.Pattern[str]  # "Name: what they say"
    headline_labels: frozenset[str]  # "BREAKING:", no name
    stance_verbs: frozenset[str]
    back_reference_subjects: frozenset[str]  # "This was reported by X": the sentence before is X's
    back_reference_verbs: frozenset[str]
    source_prepositions: frozenset[str]  # "reported in the press service of X"
    impersonal_subjects: frozenset[str]  # "it was reported that": no one named
    mute_subjects: frozenset[str]  # "the strike hit a school, marking ...": happenings say nothing
    directive_verbs: frozenset[str]  # "X ordered Y to leave": an act the writer tells of
    place_clause_verbs: frozenset[str]  # "a prison where dozens died": what happened at a place
    reading_verbs: frozenset[str]  # "it is noted that": the message named before goes on
    unspecified_source: str  # the name of that no one


@dataclass(frozen=True)
class BoilerplateRules:
    """boilerplate.yaml: sentences about the page, not the world (any pattern, case ignored)."""
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CarriedSourceRules:
    """carried_sources.yaml: where a source carries over to claims no cue attributed."""
    item_source_line: re.Pattern[str]  # a news item's "Source: X" line
    signature_line: re.Pattern[str]  # a headline signed by its source
    quotation_carry_chars: int  # the longest quotation that carries its speaker
    relay_quoting: re.Pattern[str]  # "X, quoting Y, said": Y is the origin


@dataclass(frozen=True)
class EvidenceRules:
    """evidence.yaml: words naming evidence, where it was posted and how it was checked."""
    kinds: Mapping[str, str]  # a word (lemma) -> the kind of evidence it names
    platforms: Mapping[str, str]  # a word -> the platform's name
    methods: Mapping[str, tuple[tuple[str, ...], ...]]  # a method -> lemma sets, any of which names it
    publish_verbs: frozenset[str]


@dataclass(frozen=True)
class LoadedTermRule:
    term: str  # lower-case words; "*" stands for one capitalised name
    neutral: str  # the neutral wording ("{}" for the name "*" stood for)
    side: str  # who uses it


@dataclass(frozen=True)
class MentionRules:
    """mentions.yaml: times and quantities the statistical model misses, and place nouns."""
    time_patterns: tuple[MatcherPattern, ...]
    quantity_patterns: tuple[MatcherPattern, ...]
    place_nouns: frozenset[str]  # "Kursk region": the name before one is a place


@dataclass(frozen=True)
class StatusRules:
    """status.yaml: the cues of each status and the words the status rules read."""
    precedence: tuple[str, ...]  # the first status with a cue wins
    phrases: Mapping[str, tuple[str, ...]]  # status -> its cue phrases
    deny_cues: frozenset[str]
    confirm_cues: frozenset[str]
    document_cues: frozenset[str]
    request_verbs: frozenset[str]
    imagery_words: frozenset[str]
    perception_verbs: frozenset[str]
    retro_subjects: tuple[str, ...]  # "this claim": a sentence about the one before
    verify_verbs: frozenset[str]
    first_person: frozenset[str]
    account_nouns: frozenset[str]
    clause_hedges: frozenset[str]
    consequence_verbs: frozenset[str]
    verdict_verbs: frozenset[str]  # ", marking the deadliest strike": a ranking verdict, a claim of its own
    cause_marks: frozenset[str]
    cause_verbs: frozenset[str]
    cause_heads: frozenset[str]  # with consequence_verbs: the harms a cause clause may hang on
    clause_marks: frozenset[str]  # "since", "as": an adverbial clause with its own subject is a claim


@dataclass(frozen=True)
class SourceRules:
    """sources.yaml: a source's kind from the words of its name, and nouns naming actors."""
    anonymous_heads: frozenset[str]
    kinds: Mapping[str, tuple[str, ...]]  # kind -> its cue words, tried in the file's order
    actor_nouns: frozenset[str]


def type_lexicon() -> TypeLexicon:
    return typed_rules("claimgraph.extract", "lexicons/events.yaml", TypeLexicon.from_yaml)


def attribution_rules() -> AttributionRules:
    return typed_rules("claimgraph.extract", "lexicons/attribution.yaml", _attribution_rules)


def boilerplate_rules() -> BoilerplateRules:
    return typed_rules("claimgraph.extract", "lexicons/boilerplate.yaml", _boilerplate_rules)


def carried_source_rules() -> CarriedSourceRules:
    return typed_rules("claimgraph.extract", "lexicons/carried_sources.yaml", _carried_source_rules)


def evidence_rules() -> EvidenceRules:
    return typed_rules("claimgraph.extract", "lexicons/evidence.yaml", _evidence_rules)


def status_rules() -> StatusRules:
    return typed_rules("claimgraph.extract", "lexicons/status.yaml", _status_rules)


def loaded_terms() -> tuple[LoadedTermRule, ...]:
    return typed_rules("claimgraph.extract", "lexicons/loaded_language.yaml", _loaded_terms)


def mention_rules() -> MentionRules:
    return typed_rules("claimgraph.extract", "lexicons/mentions.yaml", _mention_rules)


def source_rules() -> SourceRules:
    return typed_rules("claimgraph.extract", "lexicons/sources.yaml", _source_rules)


def _attribution_rules(raw: dict[str, Any]) -> AttributionRules:
    patterns = ("social_post", "signed_quote", "signature", "headline")
    lists = {name: frozenset(words) for name, words in raw.items() if isinstance(words, list) and name != "according"}
    return AttributionRules(**lists, according=tuple(raw["according"]),
                            **{name: re.compile(raw[name]) for name in patterns},
                            spelling_variants=MappingProxyType(dict(raw["spelling_variants"])),
                            unspecified_source=raw["unspecified_source"])


def _boilerplate_rules(raw: dict[str, Any]) -> BoilerplateRules:
    return BoilerplateRules(re.compile("|".join(f"(?:{p})" for p in raw["patterns"]), re.IGNORECASE))


def _carried_source_rules(raw: dict[str, Any]) -> CarriedSourceRules:
    return CarriedSourceRules(
        item_source_line=re.compile(raw["item_source_line"]), signature_line=re.compile(raw["signature_line"]),
        quotation_carry_chars=int(raw["quotation_carry_chars"]), relay_quoting=re.compile(raw["relay_quoting"]),
    )


def _evidence_rules(raw: dict[str, Any]) -> EvidenceRules:
    return EvidenceRules(
        kinds=MappingProxyType(dict(raw["kinds"])), platforms=MappingProxyType(dict(raw["platforms"])),
        methods=MappingProxyType({method: tuple(tuple(words) for words in entries)
                                  for method, entries in raw["methods"].items()}),
        publish_verbs=frozenset(raw["publish_verbs"]),
    )


def _status_rules(raw: dict[str, Any]) -> StatusRules:
    ordered = ("precedence", "retro_subjects")
    words = {name: frozenset(raw[name]) for name in raw if name not in ordered and name != "phrases"}
    return StatusRules(**words, **{name: tuple(raw[name]) for name in ordered},
                       phrases=MappingProxyType({status: tuple(p) for status, p in raw["phrases"].items()}))


def _loaded_terms(raw: dict[str, Any]) -> tuple[LoadedTermRule, ...]:
    return tuple(LoadedTermRule(entry["term"], entry["neutral"], entry["side"]) for entry in raw["terms"])


def _matcher_patterns(raw: list[list[dict[str, Any]]]) -> tuple[MatcherPattern, ...]:
    return tuple(tuple(MappingProxyType(token) for token in pattern) for pattern in raw)


def _mention_rules(raw: dict[str, Any]) -> MentionRules:
    return MentionRules(time_patterns=_matcher_patterns(raw["time_patterns"]),
                        quantity_patterns=_matcher_patterns(raw["quantity_patterns"]),
                        place_nouns=frozenset(raw["place_nouns"]))


def _source_rules(raw: dict[str, Any]) -> SourceRules:
    return SourceRules(anonymous_heads=frozenset(raw["anonymous_heads"]),
                       kinds=MappingProxyType({kind: tuple(cues) for kind, cues in raw["kinds"].items()}),
                       actor_nouns=frozenset(raw["actor_nouns"]))


def phrase_patterns(make_doc: Callable[[str], Doc], phrases: Iterable[str]) -> list[Doc]:
    """Docs for a PhraseMatcher on LOWER, tokenised like the text they match."""
    return [make_doc(phrase.lower()) for phrase in phrases]
