"""What linking needs to know about one claim, computed once per claim.

Tokens are lower-cased words with stop words removed and a light suffix stemmer
(no spaCy here: linking must handle 100k claims in seconds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Mapping, Optional

import numpy as np

from claimgraph.link.meaning import load_meaning
from claimgraph.link.quantities import unit_of
from claimgraph.link.rules import LinkRules
from claimgraph.model import Claim, Document, Place

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Longest first; a suffix is removed only if a stem of at least four letters remains.
SUFFIXES = ("ements", "ement", "ings", "ing", "ies", "ied", "ed", "es", "s")
# "KYIV (Meridian Wire) — " opening a report.
DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]+\([^)]*\)\s*[—–-]+\s*")
SPECIFIC_PRECISIONS = {"point", "town", None}


@lru_cache(maxsize=65536)  # a corpus repeats a small vocabulary
def stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4)
def facility_words(rules: LinkRules) -> dict[str, str]:
    """Facility noun, singular or plural -> its kind.  Whole words, not stems ("stationed")."""
    return {form: kind for kind, words in rules.facilities.items() for word in words for form in (word, word + "s")}


def facilities_of(text: str, rules: LinkRules) -> frozenset[str]:
    """Kinds of facility a text names ("any" for a facility of unknown kind)."""
    words = facility_words(rules)
    return frozenset(words[w] for w in WORD.findall(text.lower()) if w in words)


def measures_extent(claim: Claim, rules: LinkRules) -> bool:
    """Does the claim measure how much ground a side holds ("1,000 km²", "12 kilometres deep")?"""
    extent = rules.extent
    return any(unit in extent.units or (unit == extent.depth_unit and bool(extent.depth_cues.search(claim.text)))
               for unit in (unit_of(q) for q in claim.quantities))


def tokens(text: str, stopwords: frozenset[str]) -> list[str]:
    return [stem(w) for w in WORD.findall(text) if w.lower() not in stopwords and len(w) > 1]


def parse_day(value: Optional[str]) -> Optional[int]:
    """ISO date (or datetime) -> proleptic ordinal day; None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def claim_day(claim: Claim, document: Optional[Document]) -> Optional[int]:
    """When the claimed happening took place: the resolved time, else the publication date."""
    resolved = claim.time.start if claim.time else None
    return parse_day(resolved) or parse_day(document.published if document else None)


def is_specific(place: Place) -> bool:
    """A town- or point-level place with coordinates: the only kind that can block or conflict."""
    return place.role == "place" and place.lat is not None and place.precision in SPECIFIC_PRECISIONS


def place_key(place: Place) -> str:
    return str(place.geonameid) if place.geonameid else (place.name or place.text).lower()


@dataclass
class ClaimFeatures:
    claim: Claim
    document: Optional[Document]
    day: Optional[int]
    groups: tuple[str, ...]
    tokens: list[str]
    points: list[tuple[float, float]] = field(default_factory=list)
    place_keys: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    outcomes: set[str] = field(default_factory=set)
    facilities: frozenset[str] = frozenset()
    place_names: set[str] = field(default_factory=set)  # towns named, located or not
    extent: bool = False  # measures held ground: an area, settlements, a depth
    vector: dict[str, float] = field(default_factory=dict)  # tf-idf, set when linked
    meaning: Optional[np.ndarray] = None  # what the claim itself says (meaning.py); None if no word is known


def outcomes_of(text: str, rules: LinkRules) -> set[str]:
    """Outcome classes named in a text ("retook" -> retaken, "holding back" -> repelled)."""
    return {outcome for outcome, pattern in rules.outcomes.items() if pattern.search(text)}


def text_around(claim: Claim, document: Optional[Document]) -> str:
    """The document's text, or "" when there is none or the claim's sentence is not in it."""
    text = document.text if document is not None else ""
    start, end = claim.sentence_span
    return text if 0 <= start < end <= len(text) else ""


def sentence_of(claim: Claim, document: Optional[Document]) -> str:
    """The claim's whole sentence: extracted claims are often clauses ("had collapsed")."""
    return text_around(claim, document)[slice(*claim.sentence_span)]


def paragraph_of(claim: Claim, document: Optional[Document]) -> str:
    """The paragraph holding the claim's sentence: what "the structure" or "the town" is."""
    text, (start, end) = text_around(claim, document), claim.sentence_span
    first, last = text.rfind("\n\n", 0, start), text.find("\n\n", end)
    return text[first + 2 if first >= 0 else 0:last if last >= 0 else len(text)] if text else ""


def claim_tokens(claim: Claim, document: Optional[Document], rules: LinkRules) -> list[str]:
    """What is said, not who says it: the claim's words, its sentence's and its paragraph's,
    each counted as often as `word_weights` says, less the dateline and the names of its
    sources, which tell outlets apart, not happenings."""
    speakers = set(tokens(" ".join(ref.name for ref in claim.source_chain), rules.stopwords))
    parts = {"claim": claim.text, "sentence": sentence_of(claim, document), "paragraph": paragraph_of(claim, document)}
    found = [t for part, text in parts.items() for t in tokens(DATELINE.sub("", text), rules.stopwords)
             * rules.word_weights[part]]
    return [t for t in found if t not in speakers]


def inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def stands_for_government(place: Place, text: str, rules: LinkRules) -> bool:
    """A capital named without a locative word before it ("Moscow said", "for Moscow to")."""
    start, end = place.span
    if (place.name or place.text).lower() not in rules.government_seats or text[start:end] != place.text:
        return False
    before = WORD.findall(text[max(0, start - 20):start])
    return not (before and before[-1].lower() in rules.locative_words)


def named_again(document: Document, sentence: str, rules: LinkRules) -> list[Place]:
    """The document's towns whose names recur in the sentence where the toponym tagger missed
    them ("Sudzha had been retaken"); capitals are left out (they may stand for governments)."""
    words = set(WORD.findall(DATELINE.sub("", sentence)))
    return [p for p in document.places if is_specific(p) and p.text in words
            and (p.name or p.text).lower() not in rules.government_seats]


def located_places(claim: Claim, document: Optional[Document], rules: LinkRules) -> list[Place]:
    """Towns the claim is about: its own places and the document's toponyms in its sentence,
    less a dateline's ("LONDON (Wire) —" says where the writer was, not where it happened)
    and capitals that stand for their governments."""
    if document is None:
        return [p for p in claim.places if is_specific(p)]
    dateline = DATELINE.match(document.text)
    dateline_span = dateline.span() if dateline else (0, 0)
    in_sentence = [p for p in document.places if inside(p.span, claim.sentence_span)]
    tagged = [p for p in claim.places + in_sentence if is_specific(p) and not inside(p.span, dateline_span)
              and not stands_for_government(p, document.text, rules)]
    found = tagged + named_again(document, sentence_of(claim, document), rules)
    return list({place_key(p): p for p in found}.values())


def place_names(places: list[Place], sentence: str, rules: LinkRules) -> set[str]:
    """Names of the claim's towns, and of settlements its sentence names after a cue."""
    cued = {match.lower() for match in rules.settlement_cue.findall(sentence)}
    return {name.lower() for p in places for name in (p.name, p.text) if name} | cued


def features(claim: Claim, documents: Mapping[str, Document], rules: LinkRules) -> ClaimFeatures:
    document = documents.get(claim.document_id or claim.id.rsplit(":", 1)[0])
    specific = located_places(claim, document, rules)
    token_list = claim_tokens(claim, document, rules)
    sentence = sentence_of(claim, document) or claim.text
    return ClaimFeatures(
        claim=claim,
        document=document,
        day=claim_day(claim, document),
        groups=rules.groups_of(claim.event_type),
        tokens=token_list,
        points=[(p.lat, p.lon) for p in specific],
        place_keys={place_key(p) for p in specific},
        actors={a.canonical or a.text.lower() for a in claim.actors},
        outcomes=outcomes_of(claim.text, rules) if claim.event_type in rules.outcome_types else set(),
        facilities=facilities_of(sentence, rules),
        place_names=place_names(specific, sentence, rules),
        extent=measures_extent(claim, rules),
        meaning=load_meaning(rules.meaning_file).vector(claim.text),
    )
