"""EventTyper: the spec's event_type for each claim, from trigger lemmas (``events.yaml``).

Words are tried by prominence: the objects of the claim's predicate (and their "of"
complements: "hundreds of prisoners"), then the predicate chain itself, then the rest of
the claim.  The first word that is a trigger decides; ``other`` when none is.
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


class EventTyper(Component):
    """Set ``event_type`` on every claim in ``doc._.cg_claims``."""

    def __init__(self, *, triggers: dict[str, list[str]], predicate_first: list[str]) -> None:
        self.predicate_first = set(predicate_first)
        self.lemma_type: dict[str, str] = {}
        for event_type, lemmas in triggers.items():
            for lemma in lemmas:
                self.lemma_type.setdefault(lemma, event_type)
        extensions.register()

    def match(self, doc: Doc) -> list[str]:
        return [self._event_type(doc, claim) for claim in doc._.cg_claims or []]

    def _event_type(self, doc: Doc, claim: dict[str, Any]) -> str:
        head = doc[claim["head"]]
        if self._type_of(head) in self.predicate_first:
            return self._type_of(head)
        for token in prominent_words(head, set(claim["tokens"])):
            if self._type_of(token):
                return self._type_of(token)
        return "other"

    def _type_of(self, token: Token) -> Optional[str]:
        return self.lemma_type.get(token.lemma_.lower()) or self.lemma_type.get(token.lower_)

    def set_annotations(self, doc: Doc, types: list[str]) -> None:
        for claim, event_type in zip(doc._.cg_claims or [], types):
            claim["event_type"] = event_type


@Language.factory("claimgraph_event_typer_v1", requires=["doc._.cg_claims"], assigns=["doc._.cg_claims"])
def make_event_typer(nlp: Language, name: str) -> EventTyper:
    lexicon = dict(load_lexicon("events"))
    predicate_first = lexicon.pop("predicate_first")
    return EventTyper(triggers=lexicon, predicate_first=predicate_first)
