"""StatusTagger: how sure the text is about each claim (the spec's seven statuses).

Cues (``status.yaml``) are read in a claim's own words, on the cue that attributes it
("X reportedly said", "found no evidence that"), in its source's words for checks
("geolocated footage indicates", "unverified posts say") and in the sentences or clauses
that comment on it (``retro``: "this claim remains unverified", "..., but we have not
observed confirmation of this claim").  Hedges and modals inside a relative clause qualify
that clause only.  A denying cue ("X denied that", "Kyiv dismissed the report", "Russia says
X; Kyiv denies") makes the claim denied; a vouching one ("the ministry confirmed that",
"satellite images taken on Monday show") confirmed, unless it checks an open question ("trying
to confirm whether ...": unverified); a document's account ("records show", "according to the
report") confirms unless the claim's own words hedge it or leave it open ("according to the
assessment, the army probably did not ..."); a question or a request predicate speculative.
With no cue, an attributed claim is ``reported`` and an unattributed one ``asserted``; the
first status of ``precedence`` that has a cue wins.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from . import extensions
from .attribution import containing_attributions, opens_question
from .claim_segmenter import claim_scope
from .component import Component
from .lexicon import phrase_patterns, status_rules

Claim = extensions.ClaimRecord
MODAL_ONLY = ("will", "would", "shall", "could", "may", "might", "must", "should")
NEGATIVE_WORDS = ("no", "neither", "nobody", "none")
# statuses a claim's source can carry in its own words ("geolocated footage", "unverified posts")
SOURCE_CHECKS = ("confirmed", "unverified")
# a document's account of a claim ("records show ...", "according to the report"): confirmed
# only when no status of `precedence` has a cue of its own
SHOWN = "shown"
# cues that qualify only their own clause, and the subordinate clauses that bound them: a
# hedge in "refugees that may have been infiltrated" is the refugees', and a check in "they add
# territory only once footage confirmed a position" confirms the position, not the claim
CLAUSE_BOUND = {"hedged": ("relcl", "acl"), "speculative": ("relcl", "acl"), "confirmed": ("relcl", "acl", "advcl")}


def cue_scope(doc: Doc, attribution: dict[str, Any]) -> set[int]:
    """The attribution cue and the words of its object before a "that" clause: "X reportedly
    said ...", "it found no evidence that ..." qualify the claim they introduce."""
    scope = set(range(*attribution["cue"]))
    verb = doc[attribution["cue"][1] - 1]
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        scope.update(range(noun.left_edge.i, noun.i + 1))
    return scope


def in_subordinate_clause(token: Token, head: Token, deps: tuple[str, ...]) -> bool:
    """True when a clause of one of ``deps`` lies between ``token`` and the claim head."""
    while token != head and token.head != token:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


def question_mark(head: Token) -> list[tuple[str, Span]]:
    """The "?" ending the head's sentence (closing quotes skipped), as a speculative cue."""
    doc, end = head.doc, head.sent.end - 1
    while end > head.sent.start and (doc[end].is_space or doc[end].is_quote):
        end -= 1
    return [("speculative", doc[end: end + 1])] if doc[end].text == "?" else []


def negated_confirmation(cue: Span) -> Span:
    """A confirming cue the text negates says the claim is not verified: "the figure has not
    been independently verified", "we cannot confirm how many died", "neither figure could be
    independently checked"."""
    if cue.label_ == "confirmed" and is_negated(cue.root):
        return Span(cue.doc, cue.start, cue.end, label="unverified")
    return cue


def is_negated(verb: Token) -> bool:
    """"has not been verified", and "neither figure could be checked", "no one could verify"."""
    return any(c.dep_ == "neg" or (c.dep_ in ("nsubj", "nsubjpass") and is_negative_phrase(c)) for c in verb.children)


def is_negative_phrase(noun: Token) -> bool:
    return noun.lower_ in NEGATIVE_WORDS or any(c.dep_ == "det" and c.lower_ in NEGATIVE_WORDS for c in noun.children)


class StatusTagger(Component):
    """Set ``status`` and ``status_cues`` on every claim in ``doc._.cg_claims``."""

    def __init__(
        self,
        *,
        make_doc: Callable[[str], Doc],
        phrases: Mapping[str, Sequence[str]],
        precedence: Iterable[str],
        deny_cues: Iterable[str],
        confirm_cues: Iterable[str],
        document_cues: Iterable[str],
        request_verbs: Iterable[str],
        imagery_words: Iterable[str] = (),
        perception_verbs: Iterable[str] = (),
    ) -> None:
        self.imagery_words = set(imagery_words)
        self.perception_verbs = set(perception_verbs)
        self.confirm_cues = set(confirm_cues)
        self.document_cues = set(document_cues)
        self.precedence = list(precedence)
        self.deny_cues = set(deny_cues)
        self.request_verbs = set(request_verbs)
        self.matcher = PhraseMatcher(make_doc("").vocab, attr="LOWER")
        for status, words in phrases.items():
            self.matcher.add(status, phrase_patterns(make_doc, words))
        extensions.register()

    def match(self, doc: Doc) -> list[Span]:
        """Status cue spans over the whole doc, labelled with their status; longest wins."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        return [negated_confirmation(s) for s in filter_spans(spans) if self._is_cue(s)]

    def _is_cue(self, span: Span) -> bool:
        if span.label_ != "speculative" or span.text.lower() not in MODAL_ONLY:
            return True
        return span[0].tag_ in ("MD", "") and not self._reports_perception(span[0])

    def _reports_perception(self, modal: Token) -> bool:
        """"Artillery could be heard all night": what people perceived, not a possibility."""
        verb = modal.head
        return verb.lemma_ in self.perception_verbs and any(c.dep_ == "auxpass" for c in verb.children)

    def set_annotations(self, doc: Doc, cues: list[Span]) -> None:
        for claim in doc._.cg_claims or []:
            status, found = self._status(doc, claim, cues)
            claim["status"] = status
            claim["status_cues"] = [[s.start, s.end] for s in found]

    def _status(self, doc: Doc, claim: Claim, cues: list[Span]) -> tuple[str, list[Span]]:
        candidates = self._candidates(doc, claim, cues)
        for status in self.precedence + [SHOWN]:
            found = [span for label, span in candidates if label == status]
            if found:
                return "confirmed" if status == SHOWN else status, found
        chain = containing_attributions(doc, claim["head"])
        if chain:
            return "reported", [doc[chain[0]["cue"][0]: chain[0]["cue"][1]]]
        return "asserted", []

    def _candidates(self, doc: Doc, claim: Claim, cues: list[Span]) -> list[tuple[str, Span]]:
        scope = claim_scope(claim)
        chain = containing_attributions(doc, claim["head"])
        if chain:
            scope.update(cue_scope(doc, chain[0]))
        head = doc[claim["head"]]
        found = [(s.label_, s) for s in cues if all(i in scope for i in range(s.start, s.end))
                 and not in_subordinate_clause(s.root, head, CLAUSE_BOUND.get(s.label_, ()))]
        if chain:  # a source that says how it was checked: "geolocated footage indicates that ..."
            source = range(*chain[0]["source"])
            found += [(s.label_, s) for s in cues
                      if s.label_ in SOURCE_CHECKS and s.start in source and s.end <= source.stop]
        found += [("hedged", doc[start:end]) for start, end in claim.get("hedges", [])]  # "which suggests"
        found += self._denial(doc, claim, chain) + self._vouched(doc, chain)
        return found + self._request(head) + self._shown_by_imagery(head) + question_mark(head)

    def _vouched(self, doc: Doc, chain: list[dict[str, Any]]) -> list[tuple[str, Span]]:
        """"The ministry confirmed that ...", "records show ...": the source vouches for it."""
        if not chain or chain[0]["kind"] == "stance":
            return []
        cue = doc[chain[0]["cue"][1] - 1]
        document_cue = cue.lemma_ in self.document_cues or chain[0]["kind"] == "according"
        if cue.lemma_ in self.confirm_cues:
            # "still trying to confirm whether the convoy was hit": a check of an open question
            return [("unverified" if opens_question(cue, ("ccomp", "advcl")) else "confirmed", doc[cue.i: cue.i + 1])]
        return [(SHOWN, doc[cue.i: cue.i + 1])] if chain[0]["source_kind"] == "document" and document_cue else []

    def _denial(self, doc: Doc, claim: Claim, chain: list[dict[str, Any]]) -> list[tuple[str, Span]]:
        """"X denied that ...": the innermost attribution's cue denies the content, and so does
        an outer one ("Russia says it took the village; Kyiv denies"); "Kyiv dismissed the
        report": a later sentence's denying predicate denies this claim."""
        cues = [doc[chain[0]["cue"][1] - 1]] if chain and chain[0]["kind"] != "stance" else []
        # "Russia says X; Kyiv denies"; not a stance around the claim ("X denied the claim,
        # saying Y" does not deny Y)
        cues += [doc[outer["cue"][1] - 1] for outer in chain[1:] if outer["kind"] != "stance"]
        cues += [doc[start:end].root for start, end in claim["retro"]]
        # "…, a claim Moscow rejects": the clause on the statement noun denies
        cues += [t for start, end in claim["retro"] for t in doc[start:end] if t.dep_ == "relcl"]
        return [("denied", doc[t.i: t.i + 1]) for t in cues if t.lemma_ in self.deny_cues]

    def _shown_by_imagery(self, head: Token) -> list[tuple[str, Span]]:
        """"Satellite images taken on Wednesday show heavy damage", "drone footage showed the
        blast": imagery that shows the claim is how it was checked, however many words stand
        between "footage" and "showed".  So is a claim "based on satellite imagery and video clips".
        A hedge comes first ("pictures reportedly taken at the site showed ...")."""
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        by_imagery = any(self._names_imagery(subject) for subject in subjects) and head.lemma_ in self.document_cues
        basis = next((t for t in head.subtree if t.lower_ == "based"
                      and any(c.lower_ == "on" and self._names_imagery(c) for c in t.children)), None)
        shown = head if by_imagery else basis
        return [(SHOWN, head.doc[shown.i: shown.i + 1])] if shown is not None else []

    def _names_imagery(self, phrase: Token) -> bool:
        return any(t.lower_ in self.imagery_words for t in phrase.subtree)

    def _request(self, head: Token) -> list[tuple[str, Span]]:
        """"X is asking Y to ...", "X called for calm": a request is not (yet) a fact.  A verb is
        looked up with its preposition first ("call for", "call on": "what Kyiv called the
        largest attack" requests nothing)."""
        words = {head.lemma_} | {f"{head.lemma_} {c.lower_}" for c in head.children if c.dep_ in ("prep", "prt")}
        if words & self.request_verbs and any(c.dep_ in ("xcomp", "dobj", "prep") for c in head.children):
            return [("speculative", head.doc[head.i: head.i + 1])]
        return []


@Language.factory("claimgraph_status_tagger_v1", requires=["doc._.cg_claims"], assigns=["doc._.cg_claims"])
def make_status_tagger(nlp: Language, name: str) -> StatusTagger:
    rules = status_rules()
    return StatusTagger(
        make_doc=nlp.make_doc, phrases=rules.phrases, precedence=rules.precedence,
        deny_cues=rules.deny_cues, confirm_cues=rules.confirm_cues,
        document_cues=rules.document_cues, request_verbs=rules.request_verbs,
        imagery_words=rules.imagery_words, perception_verbs=rules.perception_verbs,
    )
