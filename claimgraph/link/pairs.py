"""How alike two claims are, as the features of a pair, and the same features averaged over
the claims of an event.

Each feature is an indicator or a dot product of unit vectors, so its mean over the claims of
an event follows from the event's counts and vector sums (`profile.py`): a claim's average fit
to an event (average linkage) is exact and costs no more than one comparison.  A pair's
features are those of a claim against an event of one claim, so training (on pairs) and
linking (against events) use one definition.  The weights come from gold pairs
(`claimgraph/eval/train_linking.py`, `scorer.py`).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from claimgraph.link.features import ClaimFeatures
from claimgraph.link.profile import EventProfile, profile_of
from claimgraph.link.rules import LinkRules

# name -> what it says of a pair (a, b); each is averaged over an event's claims as b
FEATURES = {
    "bias": "always 1",
    "claim_words": "cosine of the two claims' own IDF-weighted words",
    "sentence_words": "cosine of their sentences' words",
    "context_words": "cosine of their words, their sentences' and their paragraphs' together (word_weights)",
    "claim_centroid": "cosine of the claim's words with the centroid of the event's (for a pair: claim_words)",
    "context_centroid": "the same for context words (for a pair: context_words)",
    "meaning": "cosine of their static sentence embeddings (0 when either has none)",
    "same_article": "both in one article",
    "next_sentence": "in one article, in the same or the next sentence",
    "same_happening": "how alike the kinds of happening they tell of (happening.py; Bhattacharyya coefficient)",
    "same_type": "both have the same known event type",
    "unknown_type": "either has a wildcard type (`other`)",
    "related_types": "known types that differ but share a type group",
    "same_kind": "their words name a common kind of happening (happening_words)",
    "other_kinds": "both name kinds of happening, none in common",
    "same_count": "both give a number for a common kind (two death tolls)",
    "one_counted": "only one gives a number for a kind (a toll beside the strike itself)",
    "other_day": "both give their own days, not the same one (a night's day may be either day beside it)",
    "background": "one tells of something long past, the other does not",
    "pattern": "one tells of a run of attacks (\"kept shelling\", \"nightly attacks\"), the other does not",
    "same_place": "they name a common town (located or not: \"the village of X\")",
    "other_place": "both name towns, none in common",
    "same_facility": "they name a common kind of facility",
    "other_facility": "both name facilities, of different kinds (\"the structure\" is of any kind)",
    "one_facility": "only one names a facility (a gas station and the town it stands in)",
    "same_speaker": "both tell of a speech act (speech_types) by a common speaker",
    "other_speaker": "both tell of speech acts with known speakers, none in common",
}
NAMES = tuple(FEATURES)


def dot(vector: dict[str, float], total: dict[str, float]) -> float:
    return sum(weight * total.get(token, 0.0) for token, weight in vector.items())


def shared(counter: Counter, values: Iterable) -> float:
    """How many of an event's claims share a value with `values` (a claim sharing two counts
    twice, so an event's figure may run a little high; a pair's is exact)."""
    return min(sum(counter[v] for v in values), counter[None]) if values else 0


def apart(counter: Counter, values: Iterable, common: float) -> float:
    """How many of an event's claims have values, none of them in `values` (which is not empty)."""
    return max(0.0, counter[None] - common) if values else 0


def same_day_count(event: EventProfile, day: int, night: bool) -> int:
    """How many of the event's dated claims may tell of the same day as a claim dated `day`:
    those giving that day, and those giving a night's day beside it (either side of midnight;
    a night on the claim's side too widens the reach by one)."""
    reach = 1 if night else 0
    days = sum(event.dated[d] - event.nights[d] for d in range(day - reach, day + reach + 1))
    nights = sum(event.nights[d] for d in range(day - reach - 1, day + reach + 2))
    return days + nights


def mean_features(claim: ClaimFeatures, event: EventProfile, rules: LinkRules) -> list[float]:
    """The pair features of `claim` with each claim of `event`, averaged (in NAMES order)."""
    n = event.size
    if not n:
        return [0.0] * len(NAMES)
    event_type = claim.claim.event_type
    known = not rules.is_wildcard(event_type)
    wildcards = sum(event.types[t] for t in rules.wildcard_types)
    kinds, counted = shared(event.kinds, claim.kinds), shared(event.counted, claim.counted)
    places, facilities = shared(event.places, claim.place_names), shared(event.facilities, claim.facilities)
    speakers = shared(event.speakers, claim.speakers)
    dated = claim.dated
    same_days = same_day_count(event, dated, claim.night) if dated is not None else 0
    meaning = float(claim.meaning @ event.meaning) if claim.meaning is not None and event.meaning is not None else 0.0
    counts = (
        n,
        dot(claim.vector, event.words),
        dot(claim.sentence_vector, event.sentence_words),
        dot(claim.context_vector, event.context_words),
        n * dot(claim.vector, event.words) / event.words_norm ** 0.5 if event.words_norm > 0 else 0.0,
        n * dot(claim.context_vector, event.context_words) / event.context_norm ** 0.5 if event.context_norm > 0 else 0.0,
        meaning,
        event.articles[claim.document_id],
        sum(event.sentences[(claim.document_id, claim.sentence + step)] for step in (-1, 0, 1)),
        float(claim.happening @ event.happening) if claim.happening is not None and event.happening is not None else 0.0,
        event.types[event_type] if known else 0,
        n if not known else wildcards,
        sum(event.types[t] for t in rules.related_types(event_type)) if known else 0,
        kinds,
        apart(event.kinds, claim.kinds, kinds),
        counted,
        n - event.counted[None] if claim.counted else event.counted[None],
        apart(event.dated, (dated,) if dated is not None else (), same_days),
        n - event.background if claim.background else event.background,
        n - event.pattern if claim.pattern else event.pattern,
        places,
        apart(event.places, claim.place_names, places),
        facilities,
        0 if "any" in claim.facilities else apart(event.facilities, claim.facilities, facilities + event.facilities["any"]),
        n - event.facilities[None] if claim.facilities else event.facilities[None],
        speakers,
        apart(event.speakers, claim.speakers, speakers),
    )
    return [count / n for count in counts]


def pair_features(a: ClaimFeatures, b: ClaimFeatures, rules: LinkRules) -> list[float]:
    return mean_features(a, profile_of([b]), rules)


def merged_features(event: EventProfile, other: EventProfile, rules: LinkRules,
                    limit: Optional[int] = None) -> list[float]:
    """The pair features of the claims of `event` with those of `other`, averaged over all
    pairs (or over the first `limit` claims of `event`)."""
    claims: Iterable[ClaimFeatures] = event.claims[:limit] if limit else event.claims
    rows = [mean_features(claim, other, rules) for claim in claims]
    return [sum(column) / len(rows) for column in zip(*rows)] if rows else [0.0] * len(NAMES)
