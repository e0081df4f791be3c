"""What the ledger says about one event, in an analyst's words.

``gather`` collects an event with its claims, the documents they come from and each origin
with its side (a ``Voice``); ``estimate`` turns that into the estimative phrase defined in
``data/estimative.yaml`` ("Corroborated by two independent origins from both sides: …",
"Claimed only by …", "Disputed: A says …; B denies it").  ``is_happening`` tells a claim about
something that happened from a remark about the reporting, a fragment or a request
(``data/happenings.yaml``), and ``headline`` picks the claim that best states the event.  The
report and the export's notes both use them, so they say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Optional

from claimgraph.interfaces.rules import EstimativeRules, estimative_rules, happening_rules
from claimgraph.link.features import kinds_of
from claimgraph.link.rules import load_rules
from claimgraph.model import Claim, Document, Event, SourceRef
from claimgraph.resolve.actors import ActorCatalogue, source_name_key
from claimgraph.store import ClaimFilter, Store

DENIED = "denied"
PAGE = 500  # claims or documents read from the store at a time
STATUS_STRENGTH = ("confirmed", "reported", "asserted", "hedged", "unverified", "denied", "speculative")


@dataclass
class Voice:
    """One origin of an event: how to name it, its side, and the claims it backs."""

    name: str
    side: Optional[str]
    claims: list[Claim]

    @property
    def label(self) -> str:
        return f"{self.name} ({self.side})" if self.side else self.name


@dataclass
class EventFacts:
    event: Event
    claims: list[Claim]
    documents: Mapping[str, Document]
    voices: list[Voice]

    def voice_of(self, claim: Claim) -> Optional[Voice]:
        return next((v for v in self.voices if claim in v.claims), None)

    def outlet_of(self, claim: Claim) -> Optional[str]:
        doc = self.documents.get(document_of(claim))
        return (doc.outlet or doc.author) if doc else None


def document_of(claim: Claim) -> str:
    """The id of the document a claim comes from (claim ids are '<document id>:<index>')."""
    return claim.document_id or claim.id.rsplit(":", 1)[0]


def load_facts(store: Store, event: Event, catalogue: ActorCatalogue) -> EventFacts:
    """The event with its claims and their documents, read from ``store``."""
    claims = list(paged(store.claims, ClaimFilter(event_id=event.id)))
    ids = list(dict.fromkeys(document_of(c) for c in claims))
    documents = {doc.id: doc for i in range(0, len(ids), PAGE) for doc in store.documents_by_id(ids[i:i + PAGE])}
    return gather(event, claims, documents, catalogue)


def paged(fetch: Callable[..., list], filters: Any) -> Iterator[Any]:
    """Every item a paginated store method (``store.claims``, ``store.events``) returns."""
    offset = 0
    while batch := fetch(filters, limit=PAGE, offset=offset):
        yield from batch
        offset += len(batch)


def gather(event: Event, claims: list[Claim], documents: Mapping[str, Document],
           catalogue: ActorCatalogue) -> EventFacts:
    voices = [voice(origin, claims, documents, catalogue) for origin in event.origins]
    return EventFacts(event, claims, documents, voices)


def voice(origin: str, claims: list[Claim], documents: Mapping[str, Document], catalogue: ActorCatalogue) -> Voice:
    """The origin named ``origin`` in ``event.origins``: the claims it backs, its side (from their
    source chains, else from the catalogue: an outlet's own voice) and the name to show (the
    catalogue's, else as the text first writes it)."""
    key = source_name_key(origin)
    backing = [c for c in claims if said_by(c, key, documents)]
    links = [link for c in backing for link in links_named(c, key)]
    side = next((link.side for link in links if link.side), None) or catalogue.side_of_entity(origin)
    known = catalogue.lookup(origin)
    name = known.canonical if known else next((link.name for link in links), origin)
    return Voice(" ".join(name.split()), side, backing)


def said_by(claim: Claim, key: str, documents: Mapping[str, Document]) -> bool:
    """The origin named by ``key`` is in the claim's chain (by canonical or written name) or,
    for a claim in the author's voice, is its document's outlet or author."""
    if claim.source_chain:
        return bool(links_named(claim, key))
    doc = documents.get(document_of(claim))
    return doc is not None and key in {source_name_key(n) for n in (doc.outlet, doc.author) if n}


def links_named(claim: Claim, key: str) -> list[SourceRef]:
    return [link for link in claim.source_chain if key in (source_name_key(link.canonical or ""),
                                                          source_name_key(link.name))]


# -- what happened -----------------------------------------------------------------------------

def is_happening(claim: Claim) -> bool:
    """The claim says something happened: not a forecast or request, not a remark about the
    reporting, not a fragment (see data/happenings.yaml)."""
    rules = happening_rules()
    return (claim.status not in rules.not_happened_statuses
            and claim.event_type not in rules.not_happening_types
            and len(claim.text.split()) >= rules.min_words
            and not rules.about_the_reporting.search(claim.text))


def headline(facts: EventFacts) -> Optional[Claim]:
    """The claim that best states the event: a happening, naming its subject, not denied, naming
    a kind of happening in its own words (not a remark beside it: "Before the war the town had
    5,000 people"), saying where or how many, the surest status, backed by an origin, then the
    earliest; None if no claim is a happening."""
    happenings = [c for c in facts.claims if is_happening(c)]
    return min(happenings, key=lambda c: (opens_with_pronoun(c), c.status == DENIED, not names_a_happening(c),
                                          not (c.places or c.quantities), STATUS_STRENGTH.index(c.status),
                                          facts.voice_of(c) is None),
               default=None)


def names_a_happening(claim: Claim) -> bool:
    """Its words name a kind of happening (an attack, a capture, an evacuation: linking's
    `happening_words`)."""
    return bool(kinds_of(claim.text, load_rules()))


def opens_with_pronoun(claim: Claim) -> bool:
    first = claim.text.split(maxsplit=1)[0].strip("\"'“”‘’(").lower() if claim.text.strip() else ""
    return first in happening_rules().pronouns


# -- the estimative phrase -----------------------------------------------------------------------

def estimate(facts: EventFacts) -> str:
    """The phrase saying how well the event is established (see data/estimative.yaml)."""
    return PHRASES[facts.event.status](facts, estimative_rules())


def _confirmed(facts: EventFacts, words: EstimativeRules) -> str:
    confirming = [c for c in facts.claims if c.status == "confirmed"] or facts.claims
    claim = next((c for c in confirming if evidence_words(c, words)), confirming[0])
    checker = (facts.voice_of(claim) or Voice(facts.outlet_of(claim) or "the reporting", None, [])).name
    evidence = evidence_words(claim, words)
    template = words.confirmed.evidence if evidence else words.confirmed.checker
    return template.format(evidence=evidence, checker=checker)


def evidence_words(claim: Claim, words: EstimativeRules) -> Optional[str]:
    """How the claim was checked, in words, from its evidence or else its status cues."""
    for item in claim.evidence:
        for rule in words.evidence_words:
            if rule.kind in (None, item.kind) and rule.method in (None, item.method):
                return rule.words
    cues = " ".join(cue.text.lower() for cue in claim.status_cues)
    return next((said for stem, said in words.cue_evidence.items() if stem in cues), None)


def _corroborated(facts: EventFacts, words: EstimativeRules) -> str:
    sides = {v.side for v in facts.voices}
    template = words.corroborated.both_sides if words.sides <= sides else words.corroborated.neutral
    neutral = sum(v.side in words.neutral_sides for v in facts.voices)
    return template.format(count=number(facts.event.independent_sources, words),
                                              neutral=number(neutral, words), origins=labels(facts.voices))


def _claimed(facts: EventFacts, words: EstimativeRules) -> str:
    attributed = [v for v in facts.voices if any(c.source_chain for c in v.claims)]
    if not attributed:
        outlets = dict.fromkeys(o for o in map(facts.outlet_of, facts.claims) if o)
        return words.claimed.own_voice.format(outlets=", ".join(outlets) or "the reporting")
    if len(facts.voices) == 1:
        return words.claimed.one.format(origin=facts.voices[0].label)
    side = next((v.side for v in facts.voices if v.side), "same")
    return words.claimed.one_side.format(count=number(len(facts.voices), words), side=side,
                                               origins=labels(facts.voices))


def _disputed(facts: EventFacts, words: EstimativeRules) -> str:
    templates = words.disputed
    asserted = [c for c in facts.claims if c.status != DENIED]
    a_claim = next((c for c in asserted if facts.voice_of(c)), asserted[0] if asserted else None)
    denial = next((c for c in facts.claims if c.status == DENIED), None)
    if denial is not None:
        b = name_of(facts, denial)
        a_claim = denied_claim(facts, asserted, denial) or a_claim
        if a_claim is None:
            return templates.denial_only.format(b=b)
        return templates.denial.format(a=name_of(facts, a_claim), a_says=quote(a_claim, words), b=b)
    contradiction = next(iter(sorted(facts.event.contradictions, key=lambda c: -len(_voices_in(facts, c.claims)))),
                         None)
    pair = [c for c in facts.claims if contradiction and c.id in contradiction.claims]
    if len(pair) == 2 and len(_voices_in(facts, contradiction.claims)) == 2:
        a, b = pair
        return templates.contradiction.format(a=name_of(facts, a), a_says=quote(a, words),
                                                 b=name_of(facts, b), b_says=quote(b, words))
    kind, note = (contradiction.kind, contradiction.note) if contradiction else ("denial", "see the claims")
    return templates.note.format(kind=kind, note=note.rstrip("."))


def denied_claim(facts: EventFacts, asserted: list[Claim], denial: Claim) -> Optional[Claim]:
    """What a denial stands against, of the claims another voice says: one of another side naming
    the denier's side as the one acting ("Kyiv denied targeting the plant" against Moscow's
    "Ukraine shelled the plant", not against Kyiv's own account of the shelling), else any of
    another side, else any; None when no other voice says one."""
    denier = facts.voice_of(denial)
    side = denier.side if denier else None
    others = [c for c in asserted if facts.voice_of(c) not in (None, denier)]
    other_side = [c for c in others if side and facts.voice_of(c).side not in (None, side)]
    accusing = [c for c in other_side if any(a.side == side and a.role == "agent" for a in c.actors)]
    return next(iter(accusing + other_side + others), None)


def _voices_in(facts: EventFacts, claim_ids: list[str]) -> set[str]:
    """The names of who says the claims ``claim_ids``."""
    return {name_of(facts, c) for c in facts.claims if c.id in claim_ids}


PHRASES = {"confirmed": _confirmed, "corroborated": _corroborated, "claimed": _claimed, "disputed": _disputed}


def name_of(facts: EventFacts, claim: Claim) -> str:
    """Who says ``claim``: its origin's name, else its outlet (the author's voice)."""
    found = facts.voice_of(claim)
    return found.name if found else (facts.outlet_of(claim) or "the reporting")


def quote(claim: Claim, words: EstimativeRules) -> str:
    """The claim's text, cut at a word boundary."""
    text = " ".join(claim.text.split()).rstrip(".")
    limit = words.quote_chars
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def number(count: int, words: EstimativeRules) -> str:
    names = words.numbers
    return names[count] if 0 <= count < len(names) else str(count)


def labels(voices: Iterable[Voice]) -> str:
    return ", ".join(v.label for v in voices)
