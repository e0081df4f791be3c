"""Who first said a claim, so an event counts independent origins, not outlets.

- The origin is the first link of the source chain that is not a relaying outlet, so
  "X told The Washington Post" and "according to The Washington Post, X said" both give X,
  whatever order the chain was written in.
- A claim in the author's own voice has no origin: the writer's background sentences and
  restatements add no source (an outlet counts when the text names it as the source of its own
  reporting: "AFP correspondents saw", "the AP could not verify").  Copies therefore add nothing
  either, whatever their byline.
- Material is no source: a chain that starts at "the footage" or "the updated map" (words in
  `material_sources` of linking.yaml) is read from its next link, or as the author's voice,
  since the material speaks for whoever shows it.  Unspecified sources ("it was reported",
  "social media users": `unspecified_sources`) are no origin either.
- A source counts for an event only through a claim of the event's type, or of no known type
  (`events.backs`): a speaker heard in it only on another matter backs another happening.
- One source under several names counts once (`OriginSet`): names the actor catalogue gives one
  canonical name; a name whose words are all in another's ("Guterres" and "Secretary-General
  Antonio Guterres", "HRW" and "Human Rights Watch (HRW)"); and a name that is only a role
  ("the spokesman", "the organisation") in an article that named a source in full before it;
  and two names with one head, their last capitalised word that is no role, title or country
  (`generic_name_words`: "Rear Adm. Daniel Hagari" and "IDF spokesperson Daniel Hagari").  A bare
  role ("she", "the spokesman", "Details") in an article that named no source before it is no
  origin: it names no one to count.
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
NAME_WORD = re.compile(r"[^\W\d_]+")
POSSESSIVE_S = re.compile(r"['’]s\b")
NAME_GAP = r"(?:['’]s)?[\W_]+"  # what may stand between two words of a name its key joins by a space


@dataclass(frozen=True)
class Origin:
    """``name`` is what origins are told apart by (the catalogue's canonical name, or the
    grouping key of a name it does not know); ``label`` is how the origin is shown;
    ``document`` is the article that named it (to resolve a role within that article)."""

    name: str
    kind: Optional[str]
    side: Optional[str]
    label: str = ""
    document: str = ""

    def shown(self) -> str:
        return self.label or self.name

    @property
    def key(self) -> str:
        return source_name_key(self.name)


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
    """The voice of the document's outlet (or author), with the side ``outlet_side`` knows it
    for: who checked what a claim in the author's own voice says it checked.  A copy speaks with
    its original's voice."""
    if document is None:
        return Origin("unknown author", "author", None)
    document = original_document(document, documents)
    document = representatives.get(document.syndication_group or "", document)
    name = document.outlet or document.author or f"document {document.id}"  # an outlet is one voice
    return Origin(normalise_name(name), "author", outlet_side(name), document=document.id)


def names_one_of(ref: SourceRef, words: frozenset[str]) -> bool:
    """"the footage", "the updated map", "preliminary information": the name's last word."""
    found = ref.name.casefold().split()
    return bool(found) and found[-1].strip(" ,.;:") in words


def origin_of(claim: Claim, document: Optional[Document], material_words: frozenset[str] = frozenset(),
              unspecified_words: frozenset[str] = frozenset()) -> Optional[Origin]:
    """The claim's origin; None for the author's own voice and for unspecified sources."""
    chain = claim.source_chain
    if chain and names_one_of(first_non_relay(chain), material_words):
        chain = [ref for ref in chain if not names_one_of(ref, material_words)]
    if not chain:
        return None
    ref = first_non_relay(chain)
    if names_one_of(ref, unspecified_words):
        return None
    # a name the catalogue does not know is grouped by its lower-case key, shown as written; a
    # pronoun or a short name ("she", "Леонтьев") carries the key of the full name it stands for
    # as its canonical, and is shown as the article wrote that name
    unknown = not ref.canonical or ref.canonical == source_name_key(ref.canonical)
    label = ref.name if unknown else ref.canonical
    if unknown and ref.canonical and ref.canonical != source_name_key(ref.name):
        label = written_form(ref.canonical, document) or ref.name
    return Origin(normalise_name(ref.canonical or ref.name), ref.kind, ref.side, normalise_name(label),
                  document.id if document else "")


def written_form(key: str, document: Optional[Document]) -> Optional[str]:
    """The name whose grouping key is `key`, as the article wrote it ("One woman, Mira Dolan, 71"
    for "one woman mira dolan 71"), if it did."""
    if document is None or not key:
        return None
    found = re.search(r"\b" + NAME_GAP.join(map(re.escape, key.split())) + r"\b", document.text, re.IGNORECASE)
    return found.group(0) if found else None


class OriginSet:
    """The distinct origins of one event, one source under several names counted once."""

    def __init__(self, role_words: frozenset[str], words: Callable[[str], list[str]] = str.split,
                 generic_words: frozenset[str] = frozenset()):
        self.role_words = role_words
        self.words = words  # a name's words, spellings mapped ("Ukrainian" -> ukraine)
        self.generic_words = generic_words  # words no source is told apart by (titles, countries)
        self.origins: dict[str, Origin] = {}  # by key, in the order first met
        self.compared: dict[str, tuple[frozenset[str], Optional[str]]] = {}  # key -> its words and head

    def add(self, origin: Origin) -> Optional[Origin]:
        """Count an origin (or find it among those counted); returns the origin it counts as, or
        None for a bare role ("she", "the spokesman") whose article named no source before it."""
        if self.is_role(origin):
            return next((o for o in reversed(self.origins.values()) if o.document == origin.document), None)
        same = self.same_as(origin)
        if same is None:
            self.origins[origin.key] = origin
            self.compared[origin.key] = self.words_and_head(origin)
            return origin
        return same

    def is_role(self, origin: Origin) -> bool:
        return set(self.words(origin.key)) <= self.role_words

    def same_as(self, origin: Origin) -> Optional[Origin]:
        if origin.key in self.origins:
            return self.origins[origin.key]
        words, head = self.words_and_head(origin)
        for known in self.origins.values():
            others, known_head = self.compared[known.key]
            shorter, longer = sorted((words, others), key=len)
            if (shorter - self.role_words and shorter <= longer) or (head and head == known_head):
                return known
        return None

    def words_and_head(self, origin: Origin) -> tuple[frozenset[str], Optional[str]]:
        """What a name is compared by, worked out once for each origin counted."""
        return frozenset(self.words(origin.key)), self.head(origin)

    def head(self, origin: Origin) -> Optional[str]:
        """The last capitalised word of a name that is no role, title or country: the surname of
        "IAEA Director General Rafael Grossi" and "Rafael Mariano Grossi", the company of
        "Ukraine's state nuclear company Energoatom" and "the operator Energoatom"."""
        found = None
        for word in NAME_WORD.findall(POSSESSIVE_S.sub("", origin.shown())):
            mapped = self.words(word.lower())
            if word[0].isupper() and mapped and not set(mapped) <= self.role_words | self.generic_words:
                found = mapped[-1]
        return found

    def values(self) -> list[Origin]:
        return list(self.origins.values())

    def __len__(self) -> int:
        return len(self.origins)
