"""The words the event typer reads: ``events.yaml`` as typed data, each token's lookup keys,
and a per-document table of which tokens are triggers and which phrases are background."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Optional

import numpy
from spacy.attrs import DEP, LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

HAPPENINGS, THINGS = "types", "things"  # the two word lists of events.yaml, tried in this order
PREP_DEPS = ("prep", "agent")
COMPLEMENT_DEPS = ("pobj", "pcomp")
BEFORE_DEPS = ("compound", "amod")  # "water level", "criminal case"
AFTER_DEPS = ("prt", "prep", "advmod", "dobj")  # "call for", "shoot down", "hold back", "take control"
LATE_DEPS = ("relcl",)
VERB_POS = ("VERB", "AUX")
VERB_MARK = "(verb)"  # "supply (verb)": a trigger only as a verb


@dataclass(frozen=True)
class PatientRule:
    """A trigger typed by what it acts on: patient type or class -> claim type."""
    patients: Mapping[str, str]
    otherwise: Optional[str]
    subject_is_patient: bool


@dataclass(frozen=True)
class TypeLexicon:
    """``events.yaml`` as frozen rules (``lexicon.type_lexicon``): word -> type for happenings
    and for things, the frames, the patient rules and the other word lists (each documented in
    the YAML)."""
    words: Mapping[str, Mapping[str, Optional[str]]]  # HAPPENINGS | THINGS -> word -> type (None: an idiom)
    frames: Mapping[str, str]  # lemma -> judgement | blame | report | deny
    blame_preps: frozenset[str]
    request_modals: frozenset[str]
    obligation_subjects: frozenset[str]
    by_patient: Mapping[str, PatientRule]
    patient_classes: Mapping[str, frozenset[str]]  # class -> lemmas ("equipment", "people")
    patient_preps: frozenset[str]
    agent_first: Mapping[str, frozenset[str]]
    causal_verbs: frozenset[str]
    descriptive_types: frozenset[str]
    light_verbs: frozenset[str]
    background_preps: frozenset[str]
    background_marks: frozenset[str]
    context_skips: frozenset[str]
    context_outcomes: frozenset[str]
    context_share: float
    own_activity_verbs: frozenset[str]
    verdict_nouns: frozenset[str]
    verdict_pointers: frozenset[str]
    verdict_holders: frozenset[str]

    @classmethod
    def from_yaml(cls, raw: Mapping[str, Any]) -> "TypeLexicon":
        rules = {name: PatientRule(MappingProxyType(dict(rule["patients"])), rule.get("otherwise", name),
                                   rule.get("subject_is_patient", False))
                 for name, rule in raw["by_patient"].items()}
        sets = {name: frozenset(map(str, raw[name])) for name in (
            "blame_preps", "request_modals", "obligation_subjects", "patient_preps", "causal_verbs",
            "descriptive_types", "light_verbs", "background_preps", "background_marks", "context_skips",
            "context_outcomes", "own_activity_verbs", "verdict_nouns", "verdict_pointers", "verdict_holders")}
        idioms = dict.fromkeys(raw["idioms"])  # a phrase typed None, found before its words
        words = {tier: MappingProxyType({**first_listed(raw[tier]), **idioms}) for tier in (HAPPENINGS, THINGS)}
        return cls(words=MappingProxyType(words), frames=MappingProxyType(first_listed(raw["frames"])),
                   by_patient=MappingProxyType(rules),
                   patient_classes=MappingProxyType({k: frozenset(v) for k, v in raw["patient_classes"].items()}),
                   agent_first=MappingProxyType({k: frozenset(v) for k, v in raw["agent_first"].items()}),
                   context_share=float(raw["context_share"]), **sets)

    def trigger_words(self) -> numpy.ndarray:
        """String ids of every word that is part of a trigger, a light or a causal verb (an
        idiom's words need no lookup of their own: it is found through its trigger word)."""
        triggers = [k for tier in (HAPPENINGS, THINGS) for k, event_type in self.words[tier].items() if event_type]
        keys = [*triggers, *self.light_verbs, *self.causal_verbs]
        ids = {get_string_id(word) for key in keys for word in key.split() if word != VERB_MARK}
        return numpy.array(sorted(ids), dtype=numpy.uint64)


def first_listed(lists: Mapping[str, list[str]]) -> dict[str, str]:
    """Word -> the name of the list it is in; a word in two lists keeps the first."""
    names: dict[str, str] = {}
    for name, words in lists.items():
        for word in words:
            names.setdefault(word, name)
    return names


def lookup_keys(token: Token) -> list[str]:
    """Two-word keys first (with a particle or preposition, a compound or modifier, the
    preposition governing it), then the lemma marked as a verb ("supply (verb)"), the lemma
    and the word."""
    lemma = token.lemma_.lower()
    keys = [f"{lemma} {c.lemma_.lower()}" for c in token.children if c.dep_ in AFTER_DEPS]
    keys += [f"{c.lemma_.lower()} {lemma}" for c in token.children if c.dep_ in BEFORE_DEPS]
    if token.dep_ == "pobj":
        keys.append(f"{token.head.lower_} {lemma}")
    if token.pos_ in VERB_POS:
        keys.append(f"{lemma} {VERB_MARK}")
    return keys + [lemma, token.lower_]


def first_type(keys: list[str], words: Mapping[str, Optional[str]]) -> Optional[str]:
    """The type of the first key listed (None for an idiom: "in advance" is no advance)."""
    return next((words[k] for k in keys if k in words), None)


def children(tokens: Iterable[Token], deps: tuple[str, ...]) -> list[Token]:
    return [c for t in tokens for c in t.children if c.dep_ in deps]


def complements(tokens: Iterable[Token], preps: Optional[frozenset[str]] = None) -> list[Token]:
    """Objects of the prepositions hanging on ``tokens`` (only ``preps`` when given)."""
    found = children(tokens, PREP_DEPS)
    return children((p for p in found if preps is None or p.lower_ in preps), COMPLEMENT_DEPS)


def is_background(prep: Token, background_preps: frozenset[str]) -> bool:
    """A phrase of cause, time or circumstance ("after ...", "as a result of ...")."""
    objects = [c.lemma_.lower() for c in prep.children if c.dep_ in COMPLEMENT_DEPS]
    return any(k in background_preps for k in [prep.lower_] + [f"{prep.lower_} {o}" for o in objects])


def is_late(token: Token, lexicon: TypeLexicon, evidence_nouns: frozenset[str]) -> bool:
    """Does the token head a relative clause (not one saying what evidence shows: "a video
    that shows ..."), a background phrase ("after the destruction of the dam") or clause ("as
    the offensive entered its fifth day")?"""
    if token.dep_ in LATE_DEPS:
        return token.head.lemma_.lower() not in evidence_nouns
    if token.dep_ in PREP_DEPS:
        return is_background(token, lexicon.background_preps)
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lexicon.background_marks
                                         for c in token.children)


LATE_HEAD_DEPS = numpy.array([get_string_id(d) for d in (*LATE_DEPS, *PREP_DEPS, "advcl")], dtype=numpy.uint64)


class DocWords:
    """One document's words as the typer reads them, computed once (it reads the same words
    many times): each trigger token's type as a happening and as a thing, and the background
    phrases and relative clauses.  Only tokens whose lemma or form is a word of some trigger
    are looked up (``candidates``)."""

    def __init__(self, doc: Doc, lexicon: TypeLexicon, trigger_words: numpy.ndarray,
                 evidence_nouns: frozenset[str]) -> None:
        ids = doc.to_array([LEMMA, LOWER, DEP])
        self.candidates = frozenset(numpy.flatnonzero(numpy.isin(ids[:, :2], trigger_words).any(axis=1)).tolist())
        self.types: dict[str, dict[int, Optional[str]]] = {HAPPENINGS: {}, THINGS: {}}
        for i in self.candidates:
            keys = lookup_keys(doc[i])
            self.types[HAPPENINGS][i] = first_type(keys, lexicon.words[HAPPENINGS])
            # things are nouns: "supplied" is no supply
            self.types[THINGS][i] = None if doc[i].pos_ in VERB_POS else first_type(keys, lexicon.words[THINGS])
        heads = numpy.flatnonzero(numpy.isin(ids[:, 2], LATE_HEAD_DEPS)).tolist()
        self.late_roots = {t.i: range(t.left_edge.i, t.right_edge.i + 1) for t in map(doc.__getitem__, heads)
                           if is_late(t, lexicon, evidence_nouns)}

    def type_of(self, token: Token, tier: str) -> Optional[str]:
        return self.types[tier].get(token.i)

    def late_tokens(self, scope: set[int]) -> set[int]:
        """Words of relative clauses and background phrases and clauses inside ``scope``."""
        return {i for root in scope & self.late_roots.keys() for i in self.late_roots[root]} & scope
