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
    vector: dict[str, float] = field(default_factory=dict)  # tf-idf, set when linked


def outcomes_of(text: str, rules: LinkRules) -> set[str]:
    """Outcome classes named in a text ("retook" -> retaken, "holding back" -> repelled)."""
    return {outcome for outcome, pattern in rules.outcomes.items() if pattern.search(text)}


def sentence_of(claim: Claim, document: Optional[Document]) -> str:
    """The claim's whole sentence: extracted claims are often clauses ("had collapsed")."""
    start, end = claim.sentence_span
    if document is None or not 0 <= start < end <= len(document.text):
        return ""
    return document.text[start:end]


def claim_tokens(claim: Claim, document: Optional[Document], rules: LinkRules) -> list[str]:
    """What is said, not who says it: the claim's words (weighted) and its sentence's, less
    the dateline and the names of its sources, which tell outlets apart, not happenings."""
    speakers = set(tokens(" ".join(ref.name for ref in claim.source_chain), rules.stopwords))
    own = tokens(DATELINE.sub("", claim.text), rules.stopwords) * rules.claim_word_weight
    context = tokens(DATELINE.sub("", sentence_of(claim, document)), rules.stopwords)
    return [t for t in own + context if t not in speakers]


def inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def located_places(claim: Claim, document: Optional[Document]) -> list[Place]:
    """Towns the claim is about: its own places and the document's toponyms in its sentence,
    less a dateline's ("LONDON (Wire) —" says where the writer was, not where it happened)."""
    if document is None:
        return [p for p in claim.places if is_specific(p)]
    dateline = DATELINE.match(document.text)
    dateline_span = dateline.span() if dateline else (0, 0)
    in_sentence = [p for p in document.places if inside(p.span, claim.sentence_span)]
    return [p for p in claim.places + in_sentence if is_specific(p) and not inside(p.span, dateline_span)]


def features(claim: Claim, documents: Mapping[str, Document], rules: LinkRules) -> ClaimFeatures:
    document = documents.get(claim.document_id or claim.id.rsplit(":", 1)[0])
    specific = located_places(claim, document)
    return ClaimFeatures(
        claim=claim,
        document=document,
        day=claim_day(claim, document),
        groups=rules.groups_of(claim.event_type),
        tokens=claim_tokens(claim, document, rules),
        points=[(p.lat, p.lon) for p in specific],
        place_keys={place_key(p) for p in specific},
        actors={a.canonical or a.text.lower() for a in claim.actors},
        outcomes=outcomes_of(claim.text, rules) if claim.event_type in rules.outcome_types else set(),
    )
