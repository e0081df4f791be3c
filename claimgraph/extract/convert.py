"""Turn an annotated spaCy Doc into model objects: claims and the document's places."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Callable, Optional

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Claim, Cue, Document, Evidence, LoadedTerm, Place, Quantity, SourceRef, TimeSpan
from .lexicon import attribution_rules, evidence_rules, source_rules, status_rules
from .attribution import containing_attributions, end_before, is_age

ChainReader = Callable[[Doc, dict[str, Any]], list[SourceRef]]


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens [start, end)."""
    span = doc[start:end]
    return span.start_char, span.end_char


class SpanGroups:
    """The doc's mention spans (``cg_places``, ``cg_times`` ...), each group read once and
    ordered by start, so a claim finds the spans inside it by bisection.  Scanning every span
    of a group for every claim made a document's cost grow with the square of its length."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._groups: dict[str, tuple[list[int], list[tuple[int, Span]]]] = {}

    def inside(self, group: str, start: int, end: int) -> list[Span]:
        """The group's spans within tokens [start, end), in the group's own order."""
        starts, spans = self._group(group)
        found = []
        for position, span in spans[bisect_left(starts, start):bisect_right(starts, end)]:
            if span.end <= end:
                found.append((position, span))
        return [span for _, span in sorted(found, key=lambda item: item[0])]

    def _group(self, group: str) -> tuple[list[int], list[tuple[int, Span]]]:
        if group not in self._groups:
            spans = sorted(enumerate(self.doc.spans[group]), key=lambda item: item[1].start)
            self._groups[group] = ([span.start for _, span in spans], spans)
        return self._groups[group]


def document_places(doc: Doc) -> list[Place]:
    return [Place(text=s.text, span=(s.start_char, s.end_char), role=s.label_) for s in doc.spans["cg_places"]]


def attribution_links(doc: Doc, claim: dict[str, Any]) -> list[SourceRef]:
    """One link per attribution whose content holds the claim, innermost first."""
    return [source_ref(doc, record) for record in containing_attributions(doc, claim["head"])]


def source_ref(doc: Doc, record: dict[str, Any]) -> SourceRef:
    cue = doc[record["cue"][0]: record["cue"][1]]
    return SourceRef(name=record["name"], kind=record["source_kind"], cue=cue.text,
                     span=char_span(doc, *record["source"]), cue_span=(cue.start_char, cue.end_char))


def set_against(doc: Doc, inner: dict[str, Any], outer: dict[str, Any]) -> bool:
    """An attribution hung on another's cue by a contrast ("X blamed A, while Y said B"): Y is
    set against X, not quoted by X.  (In "X said that while Y said B, C" the contrast hangs on
    X's content, and X does relay Y.)"""
    cue = doc[inner["cue"][0]: inner["cue"][1]].root
    marks = attribution_rules().contrast_marks
    on_outer_cue = outer["cue"][0] <= cue.head.i < outer["cue"][1]
    return on_outer_cue and any(child.dep_ == "mark" and child.lower_ in marks for child in cue.children)


def source_chain(doc: Doc, claim: dict[str, Any]) -> list[SourceRef]:
    """The claim's sources from its origin outwards, each once in a row: "X said he thinks ..."
    names X once, by its outer mention (the chain lists who relayed the claim, not each cue).
    A party that denies the claim it quotes ("Russia says it took the village; Kyiv denies")
    relays nothing: the claim's status tells the denial; nor does one set against the speaker
    ("X blamed A, while Y said B": the chain of B ends at Y)."""
    deny_cues = status_rules().deny_cues
    chain: list[SourceRef] = []
    records = containing_attributions(doc, claim["head"])
    for index, record in enumerate(records):
        if index and set_against(doc, records[index - 1], record):
            break
        if index and doc[record["cue"][1] - 1].lemma_ in deny_cues:
            continue
        ref = source_ref(doc, record)
        if chain and chain[-1].name == ref.name:
            chain[-1] = ref
        else:
            chain.append(ref)
    return chain


def before_age(span: Span) -> Span:
    """The span up to an age set beside a name ("One woman, Maria Petrenko, 71, had waded"):
    an actor is named without it, as a source is (attribution.name_end), so that a pronoun
    standing for it later names her the same way."""
    return span.doc[span.start: end_before(span, is_age)]


def actors(doc: Doc, claim: dict[str, Any]) -> list[Actor]:
    found = []
    subject = before_age(doc[claim["subject"][0]: claim["subject"][1]]) if claim["subject"] else None
    if subject is not None and subject.root.lemma_.lower() not in evidence_rules().kinds:
        role = "patient" if subject.root.dep_ == "nsubjpass" else "agent"
        found.append(Actor(text=subject.text, role=role, span=(subject.start_char, subject.end_char)))
    nouns = source_rules().actor_nouns
    for child in doc[claim["head"]].children:
        if child.dep_ == "dobj" and (child.lemma_ in nouns or child.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")):
            span = doc[child.left_edge.i: child.right_edge.i + 1]
            found.append(Actor(text=span.text, role="patient", span=(span.start_char, span.end_char)))
    return found


def claim_time(groups: SpanGroups, claim: dict[str, Any], sent: Span) -> Optional[TimeSpan]:
    """The first time mention in the claim, else in its sentence ``sent`` in a clause that holds
    the claim: news tells one day a sentence ("500 died in a blast on Tuesday that the
    army blamed on a rocket"), but a time in another branch is another happening's ("Hamas,
    whose raid last week killed 1,400, said most victims were children").  Never a time a
    superlative ranks the happening in."""
    head = sent.doc[claim["head"]]
    times = [s for s in groups.inside("cg_times", sent.start, sent.end) if not in_a_ranking(s.root)]
    inside = [s for s in times if claim["start"] <= s.start and s.end <= claim["end"]]
    around = [s for s in times if holds_the_claim(s.root, head)]
    for span in (inside or around)[:1]:
        return TimeSpan(text=span.text.strip(), span=(span.start_char, span.end_char))
    return None


def in_a_ranking(token: Token) -> bool:
    """Is ``token`` under a superlative's noun ("the deadliest strike in the wars fought since
    2008")?  Its time is the range the happening is ranked in, not when it happened."""
    return any(any(c.dep_ == "amod" and c.tag_ == "JJS" for c in a.children) for a in token.ancestors)


def holds_the_claim(token: Token, head: Token) -> bool:
    """Is the clause ``token`` is in the claim's (``head``'s) or one above it?  A relative
    clause describes a noun; it holds no other claim's time, whatever the parser hung under it."""
    clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return clause is None or clause == head or (clause.is_ancestor(head) and clause.dep_ != "relcl")


def evidence(doc: Doc, claim: dict[str, Any], chain: list[SourceRef]) -> list[Evidence]:
    found = []
    for item in claim["evidence"]:
        values = dict(item, span=char_span(doc, *item["span"]))
        if chain and chain[0].kind == "social":
            values["publisher"] = values["publisher"] or chain[0].name
            if values["verified_by"] and values["verified_by"].split()[0].lower() in ("our", "we", "us"):
                values["verified_by"] = chain[0].name
        found.append(Evidence(**values))
    return found


def tokens_text(doc: Doc, indices: list[int]) -> str:
    """The words at ``indices``, spaced as in the text, one space across each gap."""
    parts = []
    for previous, index in zip([None] + indices, indices):
        if previous is not None and index != previous + 1 and not parts[-1].endswith(" "):
            parts.append(" ")
        parts.append(doc[index].text_with_ws)
    return "".join(parts).strip()


def claim_text(doc: Doc, claim: dict[str, Any]) -> str:
    text = tokens_text(doc, [i for i in claim["tokens"] if not (doc[i].is_space or doc[i].is_quote)])
    subject = claim["subject"]
    if subject and not (claim["start"] <= subject[0] < claim["end"]):
        return f"{doc[subject[0]: subject[1]].text} {text}"
    return text


def to_claim(document: Document, groups: SpanGroups, index: int, claim: dict[str, Any],
             links: ChainReader = source_chain) -> Claim:
    doc, start, end = groups.doc, claim["start"], claim["end"]
    sent = doc[claim["head"]].sent  # once: `Token.sent` walks the parse to the sentence's edges
    sent_text, chain = sent.text, links(doc, claim)
    return Claim(
        id=f"{document.id}:{index}", document_id=document.id, text=claim_text(doc, claim),
        span=char_span(doc, start, end), sentence_span=(sent.start_char, sent.end_char - len(sent_text) + len(sent_text.rstrip())),
        event_type=claim["event_type"], negated=claim["negated"], status=claim["status"],
        status_cues=[Cue(text=doc[s:e].text, span=char_span(doc, s, e)) for s, e in claim["status_cues"]],
        source_chain=chain, actors=actors(doc, claim),
        places=[Place(text=s.text, span=(s.start_char, s.end_char)) for s in groups.inside("cg_places", start, end)
                if s.label_ == "place"],
        time=claim_time(groups, claim, sent),
        quantities=[Quantity(text=s.text, span=(s.start_char, s.end_char))
                    for s in groups.inside("cg_quantities", start, end)],
        evidence=evidence(doc, claim, chain),
        loaded_language=[LoadedTerm(text=s.text, span=(s.start_char, s.end_char), neutral=s.label_)
                         for s in groups.inside("cg_loaded", start, end)],
    )


def to_claims(document: Document, doc: Doc, links: ChainReader = source_chain) -> list[Claim]:
    """The doc's claims; ``links`` reads each claim's source chain (``attribution_links`` keeps
    every attribution, as the evaluation counts them)."""
    groups = SpanGroups(doc)
    return [to_claim(document, groups, index, claim, links) for index, claim in enumerate(doc._.cg_claims or [])]
