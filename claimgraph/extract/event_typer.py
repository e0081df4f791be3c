"""EventTyper: the spec's event_type for each claim, from trigger lemmas (``events.yaml``).

Words are tried by prominence: the objects of the claim's predicate (and their "of"
complements: "hundreds of prisoners"), then the predicate chain itself, then the rest of
the claim.  The first word that is a trigger decides.  A word is looked up with its
particle or preposition first ("call for", "call on"), then alone.  When no word is a
trigger, a claim whose predicate is itself a speech or stance act ("X backed the plan",
the ``stance`` attributions of ``attribution.py``) is a ``statement``; any other is ``other``.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions
from .component import Component
from .lexicon import load_lexicon

OBJECT_DEPS = ("dobj", "pobj", "attr", "oprd", "appos")
CHAIN_DEPS = ("xcomp", "ccomp", "acomp")
PARTICLE_DEPS = ("prep", "prt")


def predicate_chain(head: Token) -> list[Token]:
    """The head and the verbs it passes on to ("appeared to show" -> appeared, show)."""
    chain = [head]
    while True:
        nxt = next((c for c in chain[-1].children if c.dep_ in CHAIN_DEPS), None)
        if nxt is None:
            return chain
        chain.append(nxt)


def prominent_words(head: Token, scope: set[int]) -> Iterator[Token]:
    """Direct objects, then prepositional objects, then the predicate chain, then the rest."""
    chain = predicate_chain(head)
    for deps in (OBJECT_DEPS, ("prep",)):
        for child in (c for verb in chain for c in verb.children if c.dep_ in deps):
            yield from (t for t in child.subtree if t.dep_ in OBJECT_DEPS and t.i in scope)
    yield from chain
    yield from (head.doc[i] for i in sorted(scope))


def stance_cues(doc: Doc) -> set[int]:
    """Verbs of stance acts that took place ("X praised the deal"), not of a purpose or plan
    ("X met to discuss the calendar")."""
    verbs = (doc[a["cue"][1] - 1] for a in doc._.cg_attributions or [] if a["kind"] == "stance")
    return {v.i for v in verbs if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)}


def lemma_types(triggers: dict[str, list[str]]) -> dict[str, str]:
    """Lemma -> event type; a lemma listed under two types keeps the first."""
    types: dict[str, str] = {}
    for event_type, lemmas in triggers.items():
        for lemma in lemmas:
            types.setdefault(lemma, event_type)
    return types


class EventTyper(Component):
    """Set ``event_type`` on every claim in ``doc._.cg_claims``."""

    def __init__(self, *, triggers: dict[str, list[str]], predicate_first: list[str],
                 predicate_only: dict[str, list[str]]) -> None:
        self.predicate_first = set(predicate_first)
        self.lemma_type, self.predicate_type = lemma_types(triggers), lemma_types(predicate_only)
        extensions.register()

    def match(self, doc: Doc) -> list[str]:
        speech_acts = stance_cues(doc)
        return [self._event_type(doc, claim, speech_acts) for claim in doc._.cg_claims or []]

    def _event_type(self, doc: Doc, claim: dict[str, Any], speech_acts: set[int]) -> str:
        head = doc[claim["head"]]
        predicate = self._type_of(head, self.predicate_type) or self._type_of(head)
        if predicate in self.predicate_first:
            return predicate
        for token in prominent_words(head, set(claim["tokens"])):
            if self._type_of(token):
                return self._type_of(token)
        return "statement" if head.i in speech_acts else "other"

    def _type_of(self, token: Token, types: Optional[dict[str, str]] = None) -> Optional[str]:
        types = self.lemma_type if types is None else types
        lemma = token.lemma_.lower()
        phrases = [f"{lemma} {c.lower_}" for c in token.children if c.dep_ in PARTICLE_DEPS]
        return next((types[k] for k in phrases + [lemma, token.lower_] if k in types), None)

    def set_annotations(self, doc: Doc, types: list[str]) -> None:
        for claim, event_type in zip(doc._.cg_claims or [], types):
            claim["event_type"] = event_type


@Language.factory("claimgraph_event_typer_v1", requires=["doc._.cg_claims", "doc._.cg_attributions"],
                  assigns=["doc._.cg_claims"])
def make_event_typer(nlp: Language, name: str) -> EventTyper:
    lexicon = dict(load_lexicon("events"))
    predicate_first, predicate_only = lexicon.pop("predicate_first"), lexicon.pop("predicate_only")
    return EventTyper(triggers=lexicon, predicate_first=predicate_first, predicate_only=predicate_only)
