"""Who first said a claim, so an event counts independent sources, not outlets.

- The origin is the first link of the source chain that is not a relaying outlet, so
  "X told The Washington Post" and "according to The Washington Post, X said" both give X,
  whatever order the chain was written in.
- A claim in the author's own voice has the document's outlet (or, unknown, its author) as
  origin: two reporters of one outlet are one voice.
- Material is no source: a chain that starts at "the footage" or "the updated map" (words in
  `material_sources` of linking.yaml) is read from its next link, or as the author's voice,
  since the material speaks for whoever shows it.
- Copies add nothing: an author-voice claim in a duplicate or syndicated copy is credited
  to the original document's author, so the copy repeats an origin instead of adding one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping, Optional

from claimgraph.model import Claim, Document, SourceRef
from claimgraph.resolve.actors import source_name_key

RELAY_KINDS = {"media"}
SideOf = Callable[[str], Optional[str]]
LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Origin:
    """``name`` is what origins are told apart by (the catalogue's canonical name, or the
    grouping key of a name it does not know); ``label`` is how the origin is shown."""

    name: str
    kind: Optional[str]
    side: Optional[str]
    label: str = ""

    def shown(self) -> str:
        return self.label or self.name


def normalise_name(name: str) -> str:
    """'the  Kremlin ' -> 'Kremlin': enough to merge spellings the resolver left uncanonical."""
    return LEADING_ARTICLE.sub("", " ".join(name.split())).strip(" ,.;:")


def first_non_relay(chain: list[SourceRef]) -> SourceRef:
    return next((ref for ref in chain if ref.kind not in RELAY_KINDS), chain[0])


def original_document(document: Document, documents: Mapping[str, Document]) -> Document:
    """Follow duplicate_of links back to the first copy we hold (cycles stop the walk)."""
    seen = {document.id}
    while document.duplicate_of and document.duplicate_of in documents and document.duplicate_of not in seen:
        document = documents[document.duplicate_of]
        seen.add(document.id)
    return document


def syndication_representatives(documents: Mapping[str, Document]) -> dict[str, Document]:
    """For each syndication group, the earliest document (by date, then id) stands for all."""
    groups: dict[str, Document] = {}
    for doc in documents.values():
        if doc.syndication_group:
            best = groups.get(doc.syndication_group)
            if best is None or (doc.published or "", doc.id) < (best.published or "", best.id):
                groups[doc.syndication_group] = doc
    return groups


def no_side(name: str) -> Optional[str]:
    return None


def author_origin(document: Optional[Document], documents: Mapping[str, Document],
                  representatives: Mapping[str, Document], outlet_side: SideOf = no_side) -> Origin:
    """The voice of the document's outlet (or author); its side, as ``outlet_side`` knows it
    ("Rybar" writes for the Russian side), so that its own claims corroborate only across sides."""
    if document is None:
        return Origin("unknown author", "author", None)
    document = original_document(document, documents)
    document = representatives.get(document.syndication_group or "", document)
    name = document.outlet or document.author or f"document {document.id}"  # an outlet is one voice
    return Origin(normalise_name(name), "author", outlet_side(name))


def names_material(ref: SourceRef, material_words: frozenset[str]) -> bool:
    """"the footage", "the updated map", "preliminary information": the name's last word."""
    words = ref.name.casefold().split()
    return bool(words) and words[-1].strip(" ,.;:") in material_words


def origin_of(claim: Claim, document: Optional[Document], documents: Mapping[str, Document],
              representatives: Mapping[str, Document], material_words: frozenset[str] = frozenset(),
              outlet_side: SideOf = no_side) -> Origin:
    chain = claim.source_chain
    if chain and names_material(first_non_relay(chain), material_words):
        chain = [ref for ref in chain if not names_material(ref, material_words)]
    if not chain:
        return author_origin(document, documents, representatives, outlet_side)
    ref = first_non_relay(chain)
    # a name the catalogue does not know is grouped by its lower-case key, shown as written
    unknown = not ref.canonical or ref.canonical == source_name_key(ref.name)
    return Origin(normalise_name(ref.canonical or ref.name), ref.kind, ref.side,
                  normalise_name(ref.name if unknown else ref.canonical))
