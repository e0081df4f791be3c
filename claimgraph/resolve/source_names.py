"""One source under several names within one document: later short mentions take the identity
of the full name introduced earlier.

An article names a source in full once ("Kremlin spokesman Dmitry Peskov", "Ukraine's
regional governor Oleksandr Prokudin") and then by a part of it ("the spokesman", "Peskov",
"the governor") or a pronoun ("he said"), or names a body first as the doer of something
("Russia's defence ministry issued a list ... the ministry said").  A short name the actor catalogue does not know
takes the canonical name, kind and side of the nearest source before it whose words hold all
of its words; a pronoun (``pronouns`` in actors.yaml) takes those of the nearest named source
before it.  The name stays as written, so the chain still shows what the text says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from claimgraph.model import Actor, Claim, SourceRef
from claimgraph.resolve.actors import ActorCatalogue, source_name_key

MAX_SHORT_WORDS = 3  # a longer unknown name introduces a source of its own


@dataclass(frozen=True)
class Named:
    """A source named before: where, its words, and the identity it resolved to."""
    start: int
    words: frozenset[str]
    ref: SourceRef


def is_unknown(ref: SourceRef) -> bool:
    """The catalogue did not know the name: its canonical name is only its normalised form."""
    return not ref.canonical or ref.canonical == source_name_key(ref.name)


class DocumentSources:
    """Resolve the short names and pronouns of one document's source chains."""

    def __init__(self, catalogue: ActorCatalogue):
        self.catalogue = catalogue
        self.pronouns = catalogue.pronouns

    def resolve(self, claims: list[Claim]) -> list[Claim]:
        refs = [ref for claim in claims for ref in claim.source_chain]
        refs += [self.as_source(actor) for claim in claims for actor in claim.actors if actor.role == "agent"]
        named = self.named_sources(refs)
        return [claim.model_copy(update={"source_chain": [self.resolve_ref(ref, named) for ref in claim.source_chain]})
                if claim.source_chain else claim for claim in claims]

    def named_sources(self, refs: Iterable[SourceRef]) -> list[Named]:
        """Every source named in the document (not a pronoun), in text order."""
        found = {(ref.span[0], ref.name): ref for ref in refs if ref.span and not self.is_pronoun(ref)}
        return [Named(start, frozenset(self.catalogue.tokens(ref.name)), ref)
                for (start, _), ref in sorted(found.items(), key=lambda item: item[0][0])]

    def as_source(self, actor: Actor) -> SourceRef:
        """A doer named in a claim ("Russia's defence ministry issued a list") introduces a
        source for what is said of it later ("the ministry said")."""
        entity = self.catalogue.canonical(actor.text)
        return SourceRef(name=actor.text, canonical=entity.canonical, kind=entity.kind, side=entity.side,
                         span=actor.span)

    def is_pronoun(self, ref: SourceRef) -> bool:
        return ref.name.strip().lower() in self.pronouns

    def resolve_ref(self, ref: SourceRef, named: list[Named]) -> SourceRef:
        antecedent = self.antecedent(ref, named)
        if antecedent is None:
            return ref
        return ref.model_copy(update={"canonical": antecedent.canonical, "kind": antecedent.kind,
                                      "side": antecedent.side})

    def antecedent(self, ref: SourceRef, named: list[Named]) -> Optional[SourceRef]:
        """The nearest earlier source this short name or pronoun stands for, if any."""
        if not ref.span or not is_unknown(ref):
            return None
        before = [n for n in reversed(named) if n.start < ref.span[0]]
        if self.is_pronoun(ref):
            return before[0].ref if before else None
        words = set(self.catalogue.tokens(ref.name))
        if not words or len(words) > MAX_SHORT_WORDS:
            return None
        return next((n.ref for n in before if words < n.words), None)
