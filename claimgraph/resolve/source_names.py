"""One source under several names within one document: later short mentions take the identity
of the full name introduced earlier.

An article names a source in full once ("Kremlin spokesman Dmitry Peskov", "Ukraine's
regional governor Oleksandr Prokudin") and then by a part of it ("the spokesman", "Peskov",
"the governor") or a pronoun ("he said"), or names a body first as the doer of something
("Russia's defence ministry issued a list ... the ministry said").  A short name the actor catalogue does not know
takes the canonical name, kind and side of the nearest source before it whose words hold all
of its words, preferring one the catalogue knows, else the entity the catalogue finds in the
words around the nearest earlier use of its last word in the text ("..., Defence Ministry
spokesman Igor Ivanov reported" then "the spokesman said"), or around its first later use (a
lead's "the regional governor said" before "Governor Oleksandr Prokudin said"); a pronoun (``pronouns`` in
actors.yaml) takes the identity of the nearest source before it that names someone, and a generic body
("the organization", ``generic_bodies``) that of the nearest known one.  A message named for its
source ("the text of the message says", "the report notes": ``messages``) is the nearest source
quoted before it that names someone; a local body with no place ("the administration
spokesperson": ``local_bodies``) in an article filed from a town is that town's, if the catalogue
knows it; "Both sides" (``joint_names``) in an article quoting two sides is the first of them.  An
entity is read from the phrase around a use, or from its longest tail that names one ("journalists
in the Russian Defense Ministry"), and only if it holds the short name's capitalised words.  The name stays as written, so the chain still shows what the text says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from claimgraph.model import Actor, Claim, SourceRef
from claimgraph.resolve.actors import ActorCatalogue, Entity, source_name_key

MAX_SHORT_WORDS = 3  # a longer unknown name introduces a source of its own
TEXT_REACH = 3000  # how far back (characters) a short name's head word is looked for in the text
PHRASE_REACH = 60  # characters on each side of it read as the phrase that names the source
PHRASE_WORDS = 4  # words before it, at most: its noun phrase ("Russia's defence ministry"), not the verb before
PHRASE_END = re.compile(r"[.;:!?\n\"“”]|,\s")
# the name after a title ("spokesman Igor Ivanov") or the body owning the head word ("the statement of
# the ICRC", "the spokesman of the Defence Ministry"), read as part of its phrase
NAME_AFTER = re.compile(r"(?:[ \-][A-Z][\w.'’\-]*| of(?: the)? [A-Z][\w.'’\-]*)+")


@dataclass(frozen=True)
class Named:
    """A source named before: where, its words, the identity it resolved to, and whether it is
    quoted (a link of a chain) or only the doer of something."""
    start: int
    words: frozenset[str]
    ref: SourceRef
    quoted: bool = True


def named_as(name: str, entity: Entity, span: Optional[tuple[int, int]] = None) -> SourceRef:
    """A source written ``name`` that is the catalogue's ``entity``."""
    return SourceRef(name=name, canonical=entity.canonical, kind=entity.kind, side=entity.side, span=span)


def is_unknown(ref: SourceRef) -> bool:
    """The catalogue did not know the name: its canonical name is only its normalised form."""
    return not ref.canonical or ref.canonical == source_name_key(ref.name)


def names_someone(ref: SourceRef) -> bool:
    """A source a pronoun can stand for: one the catalogue knows, or a name with a proper noun
    ("One woman, Nataliya K., 68"), not "the natural disaster" that did something."""
    words = ref.name.split()
    return not is_unknown(ref) or any(word[:1].isupper() for word in words[1:]) or (len(words) == 1 and words[0][:1].isupper())


class DocumentSources:
    """Resolve the short names and pronouns of one document's source chains."""

    def __init__(self, catalogue: ActorCatalogue, text: str, filed_in: str = ""):
        self.catalogue = catalogue
        self.pronouns = catalogue.pronouns
        self.text = text  # the document's, where a role's head word is looked for
        self.filed_in = filed_in  # the town its dateline names, if any

    def resolve(self, claims: list[Claim]) -> list[Claim]:
        quoted = [ref for claim in claims for ref in claim.source_chain]
        doers = [self.as_source(actor) for claim in claims for actor in claim.actors if actor.role == "agent"]
        named = self.named_sources(quoted, doers)
        return [claim.model_copy(update={"source_chain": [self.resolve_ref(ref, named) for ref in claim.source_chain]})
                if claim.source_chain else claim for claim in claims]

    def named_sources(self, quoted: Iterable[SourceRef], doers: Iterable[SourceRef]) -> list[Named]:
        """Every source named in the document (not a pronoun), in text order; a name both quoted
        and a doer counts as quoted."""
        found = {(ref.span[0], ref.name): (ref, False) for ref in doers if ref.span and not self.is_pronoun(ref)}
        found |= {(ref.span[0], ref.name): (ref, True) for ref in quoted if ref.span and not self.is_pronoun(ref)}
        return [Named(start, frozenset(self.catalogue.tokens(ref.name)), ref, said)
                for (start, _), (ref, said) in sorted(found.items(), key=lambda item: item[0][0])]

    def as_source(self, actor: Actor) -> SourceRef:
        """A doer named in a claim ("Russia's defence ministry issued a list") introduces a
        source for what is said of it later ("the ministry said")."""
        entity = self.catalogue.canonical(actor.text)
        return named_as(actor.text, entity, actor.span)

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
        if source_name_key(ref.name) in self.catalogue.joint_names:
            return self.both_sides(named)
        if self.is_pronoun(ref):
            return next((n.ref for n in before if names_someone(n.ref)), None)
        words = set(self.catalogue.tokens(ref.name))
        if not words or len(words) > MAX_SHORT_WORDS:
            return None
        by_words = next((n.ref for n in before if words < n.words), None)
        if by_words is not None and not is_unknown(by_words):
            return by_words
        return (self.named_in_text(ref) or by_words or self.known_body(ref, before) or self.message_owner(ref, before)
                or self.named_later(ref) or self.local_body(ref))

    def known_body(self, ref: SourceRef, before: list[Named]) -> Optional[SourceRef]:
        """"the organization": the nearest source named before it that the catalogue knows."""
        if ref.name.split()[-1].strip(" ,.;:").lower() not in self.catalogue.generic_bodies:
            return None
        return next((n.ref for n in before if not is_unknown(n.ref)), None)

    def message_owner(self, ref: SourceRef, before: list[Named]) -> Optional[SourceRef]:
        """"the text of the message", "the report": the nearest source quoted before it that
        names someone (not a doer, who is what the message is about)."""
        if ref.name.split()[-1].strip(" ,.;:").lower() not in self.catalogue.messages:
            return None
        return next((n.ref for n in before if n.quoted and names_someone(n.ref)), None)

    def both_sides(self, named: list[Named]) -> Optional[SourceRef]:
        """"Both sides": the first of the two sides the article quotes, if it quotes two."""
        sides = list(dict.fromkeys(n.ref.side for n in named if n.quoted and n.ref.side and n.ref.side != "neutral"))
        entity = self.catalogue.lookup(sides[0]) if len(sides) == 2 else None
        return named_as(sides[0], entity) if entity else None

    def local_body(self, ref: SourceRef) -> Optional[SourceRef]:
        """"the administration spokesperson" in an article filed from a town: that town's
        body, if the catalogue knows it ("ENERGODAR, Ukraine (Agency) -" and the Enerhodar
        administration)."""
        if not self.filed_in or not set(self.catalogue.tokens(ref.name)) & self.catalogue.local_bodies:
            return None
        entity = self.catalogue.lookup(f"{self.filed_in} {ref.name}")
        return named_as(ref.name, entity) if entity else None

    def named_in_text(self, ref: SourceRef) -> Optional[SourceRef]:
        """The catalogue's entity named around the nearest earlier use of the short name's last
        word: "the spokesman" after "..., Defence Ministry spokesman Igor Ivanov reported" in a
        sentence no attribution was read from."""
        start = max(0, ref.span[0] - TEXT_REACH)
        uses = [m.start() + start for m in self.head_word(ref).finditer(self.text[start:ref.span[0]])]
        return self.entity_around(reversed(uses), ref)

    def named_later(self, ref: SourceRef) -> Optional[SourceRef]:
        """The same around the first later use, when nothing before names the source: a lead
        often names the role and the text the person after it ("..., the regional governor
        said." then "Governor Oleksandr Prokudin said ...")."""
        end = ref.span[1]
        uses = [m.start() + end for m in self.head_word(ref).finditer(self.text[end:end + TEXT_REACH])]
        return self.entity_around(uses, ref)

    @staticmethod
    def head_word(ref: SourceRef) -> re.Pattern[str]:
        return re.compile(rf"\b{re.escape(ref.name.split()[-1].strip(' ,.;:'))}\b", re.I)

    def entity_around(self, uses: Iterable[int], ref: SourceRef) -> Optional[SourceRef]:
        """The catalogue's entity in the phrase around the first of ``uses`` that names one and
        holds the short name's capitalised words ("Russia's foreign ministry" is not the
        "Ukraine's defence ministry" named before it)."""
        length = len(ref.name.split()[-1].strip(" ,.;:"))
        words = set(self.catalogue.tokens(" ".join(w for w in ref.name.split() if w[:1].isupper())))
        for use in uses:
            found = self.entity_in(self.phrase_around(use, length), words)
            if found is not None:
                return found
        return None

    def entity_in(self, phrase: str, words: set[str]) -> Optional[SourceRef]:
        """The entity the phrase names, or failing that the longest of its tails that names one
        (holding ``words``): "journalists in the Russian Defense Ministry" reads as a person (a
        role word), its tail "the Russian Defense Ministry" as the ministry."""
        parts = phrase.split(" ")
        for start in range(len(parts)):
            tail = " ".join(parts[start:])
            if not words <= set(self.catalogue.tokens(tail)):
                return None
            entity = self.catalogue.lookup(tail)
            if entity is not None:
                return named_as(tail, entity)
        return None

    def phrase_around(self, start: int, length: int) -> str:
        """The words before a use of a name's head (its noun phrase: within its clause,
        ``PHRASE_REACH`` and ``PHRASE_WORDS``), the
        head, and the capitalised name or owner ("of the ICRC") after it: not the rest of its
        sentence, which may name someone else."""
        clause = PHRASE_END.split(self.text[max(0, start - PHRASE_REACH):start])[-1]
        before = "".join(re.findall(r"\S+\s+", clause)[-PHRASE_WORDS:])
        after = NAME_AFTER.match(self.text, start + length)
        return before + self.text[start:after.end() if after else start + length]
