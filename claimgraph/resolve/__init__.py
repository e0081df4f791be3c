"""Resolve: mentions -> values.

``Resolver(settings).resolve(doc, claims)`` fills places (gazetteer) and each claim's location
(its sentence's place, else one from around it: ``locate``; a statement's the seat of who made
it: ``seats``), times (against the publication
date, or on a digest page against the item's date: ``digest``; "a day earlier" from the day given
before it: ``counted``), quantities, and the canonical
names, kinds and sides of sources and actors (a short name or pronoun takes the identity of the
full name before it in the document), and marks a source's denial that its own side did
something (denials.py).  It returns copies; the inputs are not changed.
"""

from __future__ import annotations

from datetime import date

from claimgraph.extract.russian import RUSSIAN
from claimgraph.model import Actor, Claim, Document, Place, Quantity, SourceRef, TimeSpan
from claimgraph.resolve.actors import ActorCatalogue, source_name_key
from claimgraph.resolve.counted import with_counted_times
from claimgraph.resolve.denials import with_self_denials
from claimgraph.resolve.digest import DigestItems
from claimgraph.resolve.gazetteer import Gazetteer
from claimgraph.resolve.locate import locate_claims
from claimgraph.resolve.geoparse import is_toponym, resolve_places
from claimgraph.resolve.quantities import find_quantities, in_designator, parse
from claimgraph.resolve.russian import claim_quantities, claim_time
from claimgraph.resolve.seats import Seats
from claimgraph.resolve.source_names import DocumentSources
from claimgraph.resolve.times import normalise
from claimgraph.resolve.toponyms import find_toponyms, not_a_place, without_surnames
from claimgraph.settings import Settings

__all__ = ["Resolver"]

QUANTITY_CONTEXT = 60  # characters after a quantity that may say what it measures


def filed_in(text: str, places: list[Place], filed: list[tuple[int, int]]) -> str:
    """The town a dateline names, as written ("ENERGODAR, Ukraine (Sputnik) -"), or ""."""
    return next((text[p.span[0]:p.span[1]] for p in places if p.span
                 and any(start <= p.span[0] and p.span[1] <= end for start, end in filed)), "")


class Resolver:
    def __init__(self, settings: Settings | None = None, *, gazetteer: Gazetteer | None = None):
        self.settings = settings or Settings.load()
        self.gazetteer = gazetteer or Gazetteer(self.settings.gazetteer)
        self.actors = ActorCatalogue.load(self.settings)
        self.seats = Seats(self.actors, self.gazetteer)

    def resolve(self, doc: Document, claims: list[Claim]) -> tuple[Document, list[Claim]]:
        published = publication_date(doc.published)
        places = self.resolve_places(doc, claims)
        by_span = {p.span: p for p in places}
        # doc.places lists every toponym: NER's, the claims', and gazetteer finds
        resolved_doc = doc.model_copy(update={"places": [p for p in places if is_toponym(p)]})
        items = DigestItems(doc.text, published)
        resolved = [self.resolve_claim(doc, c, items.anchor_at(c.span[0], published), by_span)
                    for c in claims]
        resolved = with_counted_times(resolved, [heading for _, heading in items.headings])
        # on a digest page, a claim without a time of its own is dated by its item
        resolved = [c if c.time else c.model_copy(update={"time": items.time_at(c.span[0])}) for c in resolved]
        filed = ([doc.dateline] if doc.dateline else []) + list(doc.openers)
        sources = DocumentSources(self.actors, doc.text, filed_in(doc.text, places, filed))
        resolved = with_self_denials(sources.resolve(resolved))
        return resolved_doc, locate_claims(doc.text, resolved, places, filed, self.seats.of_claim)

    def resolve_places(self, doc: Document, claims: list[Claim]) -> list[Place]:
        """Every toponym of the document and its claims, resolved together (shared context)."""
        mentions = {p.span: p for p in without_surnames(doc.text, doc.places, self.gazetteer)
                    if not not_a_place(doc.text, p)}
        for claim in claims:
            for place in claim.places:
                if not not_a_place(doc.text, place):
                    mentions.setdefault(place.span, place)
        extra = find_toponyms(doc.text, self.gazetteer, taken=list(mentions))
        mentions.update({p.span: p for p in extra})
        ordered = sorted(mentions.values(), key=lambda p: p.span)
        return resolve_places(doc.text, ordered, self.gazetteer)

    def resolve_claim(self, doc: Document, claim: Claim, anchor: date | None,
                      places: dict[tuple[int, int], Place]) -> Claim:
        """``anchor``: what its relative times are read against (its digest item's day, else
        the publication date).  A Russian claim's times and quantities are found and read here,
        from its text (resolve/russian.py); an English one's are the extractor's mentions."""
        russian = doc.language == RUSSIAN
        return claim.model_copy(update={
            "places": [places[p.span] for p in claim.places if p.span in places],  # not_a_place left out
            "time": claim_time(claim.text, claim.span[0], anchor) if russian else self.resolve_time(claim.time, anchor),
            "quantities": claim_quantities(claim.text, claim.span[0]) if russian
            else self.resolve_quantities(doc.text, claim),
            "source_chain": [self.resolve_source(s) for s in claim.source_chain],
            "actors": [self.resolve_actor(a) for a in claim.actors],
        })

    @staticmethod
    def resolve_time(time: TimeSpan | None, published: date | None) -> TimeSpan | None:
        if time is None:
            return None
        return normalise(time.text, published).model_copy(update={"span": time.span})

    @staticmethod
    def resolve_quantities(text: str, claim: Claim) -> list[Quantity]:
        """The extractor's quantities read; a claim without any is searched for them."""
        if not claim.quantities:
            offset = claim.span[0]
            return [q.model_copy(update={"span": (q.span[0] + offset, q.span[1] + offset)})
                    for q in find_quantities(claim.text)]
        return [_read_quantity(text, q) for q in claim.quantities if not (q.span and in_designator(text, q.span[0]))]

    def resolve_source(self, source: SourceRef) -> SourceRef:
        entity = self.actors.lookup(source.name) or self.actors.lookup_joint(source.name)
        if entity is None:
            return source.model_copy(update={"canonical": source_name_key(source.name),
                                             "side": source.side or self.actors.side_of(source.name, source.kind)})
        return source.model_copy(update={"canonical": entity.canonical, "kind": entity.kind or source.kind,
                                         "side": entity.side})

    def resolve_actor(self, actor: Actor) -> Actor:
        entity = self.actors.canonical(actor.text)
        return actor.model_copy(update={"canonical": entity.canonical, "side": entity.side})


def _read_quantity(text: str, quantity: Quantity) -> Quantity:
    """The mention read, or the number phrase around it when the mention is part of one
    ("Between 20 and" + "30 soldiers": the tagger found only the second number)."""
    if not quantity.span:
        return parse(quantity.text)
    start, end = quantity.span
    window = max(0, start - QUANTITY_CONTEXT)
    around = [q for q in find_quantities(text[window: end + QUANTITY_CONTEXT])
              if q.span[0] + window <= start and end <= q.span[1] + window and q.span[1] - q.span[0] > end - start]
    if around:
        wider = max(around, key=lambda q: q.span[1] - q.span[0])
        return wider.model_copy(update={"span": (wider.span[0] + window, wider.span[1] + window)})
    return parse(quantity.text, text[end: end + QUANTITY_CONTEXT]).model_copy(update={"span": quantity.span})


def publication_date(published: str | None) -> date | None:
    """The anchor date; None (relative times then stay unresolved) when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
