"""A place for every claim: where the claimed happening is (``Claim.location``).

Taken from the claim's own sentence; else from the sentence before it in its paragraph (the
clause "there" or "the town" refers back to), a place named earlier in the paragraph, the
document's focus (the place it names most often), or a dateline (the wire's, or one opening a
later paragraph: ``Document.openers``), in the order of ``data/locations.yaml``; a statement or
a request first from where the text says its speaker spoke ("said this at a news conference
in X"), then from its speaker's seat (``seats``).  A country or a seat of government counts only
where it says where ("in Russia"), not who ("Russia said", "Kyiv denied"); the dateline is
where the report was filed, never a sentence's place.  A sentence naming only a country
("strikes in Russia …") keeps looking for a finer place in that country and falls back to the
country.  The location records its ``basis`` and ACLED ``geo_precision``
(``position.geo_precision``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Optional

from claimgraph.model import Claim, Place, Span
from claimgraph.resolve.position import (PRECISION_RANK, claim_bases, drawable, geo_precision, located, location_rules,
                                        most_specific, place_key)

POSSESSIVE_START = re.compile(r"^['’ʼ]s\b")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")

SpeakerPlace = Callable[[Claim], Optional[Place]]


def no_speaker(claim: Claim) -> Optional[Place]:
    return None


def locate_claims(text: str, claims: list[Claim], places: Iterable[Place], filed: Sequence[Span] = (),
                  speaker: SpeakerPlace = no_speaker) -> list[Claim]:
    """``claims`` with ``location`` set from the document's resolved ``places``; ``filed`` are
    the spans of its datelines (`Document.dateline`, and `Document.openers`: a dateline or a
    heading opening a later paragraph, after a title line too); ``speaker`` gives the seat a
    claim's speaker speaks from (``seats.Seats.of_claim``)."""
    where = DocumentPlaces(text, sorted((p for p in places if located(p)), key=lambda p: p.span), filed)
    return [claim.model_copy(update={"location": where.locate(claim, speaker)}) for claim in claims]


class DocumentPlaces:
    """The located places of one document, read around each claim."""

    def __init__(self, text: str, places: list[Place], filed: Sequence[Span] = ()):
        self.text = text
        in_dateline = [any(start <= p.span[0] and p.span[1] <= end for start, end in filed) for p in places]
        self.dateline = [p for p, filed_there in zip(places, in_dateline) if filed_there]
        self.places = [p for p, filed_there in zip(places, in_dateline)
                       if not filed_there and names_a_location(text, p)]
        self.starts = [p.span[0] for p in self.places]  # places come sorted by span: bisect, not scan
        self.focus = focus_place(self.places)

    def locate(self, claim: Claim, speaker: SpeakerPlace = no_speaker) -> Optional[Place]:
        coarse = None  # a country named first: a finer place inside it is still looked for
        for basis, found in self.around(claim, speaker):
            best = most_specific(p for p in found if coarse is None or p.country == coarse.country)
            if best is None:
                continue
            if drawable(best):
                return marked(best, basis)
            if best.precision == "country":  # a continent or an ocean says nothing of where
                coarse = coarse or marked(best, basis)
        return coarse

    def around(self, claim: Claim, speaker: SpeakerPlace) -> Iterable[tuple[str, list[Place]]]:
        """The places each basis offers, in the order of the claim's event type or status
        (``claim_bases``; computed when asked: most claims stop at their sentence)."""
        sentence = claim.sentence_span
        paragraph_start = self.text.rfind("\n", 0, sentence[0]) + 1
        previous = previous_sentence(self.text, paragraph_start, sentence[0])
        spans = {"sentence": sentence, "previous": previous, "paragraph": (paragraph_start, sentence[0])}
        for basis in claim_bases(claim, self.text[sentence[0]:sentence[1]]):
            if basis in spans:
                yield basis, self.inside(spans[basis])
            elif basis == "speaker":
                yield basis, [seat] if (seat := speaker(claim)) else []
            elif basis == "spoken":
                yield basis, self.spoken_at(claim)
            else:
                yield basis, self.dateline if basis == "dateline" else [self.focus] if self.focus else []

    def spoken_at(self, claim: Claim) -> list[Place]:
        """Where the text says the claim's speaker spoke: a place right after "in" that follows a
        speech verb after the speaker's name, in that sentence ("the deputy prime minister said
        this at a news conference in X"; `spoken_at` in locations.yaml)."""
        named = next((ref.span for ref in claim.source_chain if ref.span), None)
        if named is None:
            return []
        end = SENTENCE_END.search(self.text, named[1])
        pattern = location_rules().spoken_at
        return [p for p in self.inside((named[1], end.start() if end else len(self.text)))
                if pattern.search(self.text[named[1]:p.span[0]])]

    def inside(self, span: Span) -> list[Place]:
        first, last = bisect_left(self.starts, span[0]), bisect_left(self.starts, span[1])
        return [p for p in self.places[first:last] if p.span[1] <= span[1]]


def names_a_location(text: str, place: Place) -> bool:
    """Whether a place mention says where, not who: a country, a continent or a seat of
    government only right after a locative word ("in Russia", not "Russia said") and not as
    the owner of an actor ("in the Kiev regime's shelling")."""
    name = (place.text or "").lower()
    rules = location_rules()
    if place.precision != "country" and drawable(place) and name not in rules.seats_of_government:
        return True
    before = re.findall(r"[\w’']+", text[max(0, place.span[0] - 40): place.span[0]].lower())
    if before and before[-1] == "the":
        before = before[:-1]
    after = re.findall(r"\w+", POSSESSIVE_START.sub("", text[place.span[1]: place.span[1] + 40]).lower())
    return (bool(before) and before[-1] in rules.locative_words
            and not (after and after[0] in rules.actor_heads))


def previous_sentence(text: str, paragraph_start: int, sentence_start: int) -> Span:
    """The sentence ending where ``sentence_start`` begins, within its paragraph."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, paragraph_start, max(paragraph_start, sentence_start - 1))]
    return (ends[-1] if ends else paragraph_start, sentence_start)


def focus_place(places: list[Place]) -> Optional[Place]:
    """The place the document names most often: finer than a country when it names one (the
    more specific on a tie, then the first named), else its most named country."""
    finer = [p for p in places if drawable(p)] or places
    counts = Counter(place_key(p) for p in finer)
    return min(finer, key=lambda p: (-counts[place_key(p)], PRECISION_RANK.get(p.precision, 4)), default=None)


def marked(place: Place, basis: str) -> Place:
    with_basis = place.model_copy(update={"basis": basis})
    return with_basis.model_copy(update={"geo_precision": geo_precision(with_basis)})
