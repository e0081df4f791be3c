"""EvidenceTagger: the videos, images and posts a claim rests on, and how they were checked.

Reads the claim's words and the sentences commenting on it (``retro``).  Writes a list of
dicts shaped like ``model.Evidence`` into each claim's ``evidence``: kind from the noun,
platform named in the sentence, publisher from "published by X", verifier from the subject
of a verification verb, method from ``evidence.yaml`` (all lemmas of one entry present).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions
from .claim_segmenter import claim_scope
from .component import Component
from .lexicon import evidence_rules, status_rules

Claim = extensions.ClaimRecord


class EvidenceTagger(Component):
    """Fill ``evidence`` on every claim in ``doc._.cg_claims``."""

    def __init__(self, *, kinds: Mapping[str, str], platforms: Mapping[str, str],
                 methods: Mapping[str, Sequence[Sequence[str]]], publish_verbs: Iterable[str],
                 verify_verbs: Iterable[str]) -> None:
        self.kinds = kinds
        self.platforms = platforms
        self.methods = methods
        self.publish_verbs = set(publish_verbs)
        self.verify_verbs = set(verify_verbs)
        extensions.register()

    def match(self, doc: Doc) -> list[list[dict[str, Any]]]:
        return [self._evidence(doc, claim) for claim in doc._.cg_claims or []]

    def _evidence(self, doc: Doc, claim: Claim) -> list[dict[str, Any]]:
        tokens = [doc[i] for i in sorted(claim_scope(claim))]
        context = tokens + [t for t in doc[claim["head"]].sent if t not in tokens]
        found, kinds = [], set()
        for token in tokens:
            kind = self._kind(token)
            if kind and kind not in kinds:
                kinds.add(kind)
                found.append(self._describe(token, kind, context, claim))
        return found

    def _kind(self, token: Token) -> Optional[str]:
        """The evidence kind a noun names; "satellite images" is one piece, of kind satellite."""
        if token.lower_.startswith("pic.twitter.com"):
            return self.kinds.get("pic.twitter.com")
        if token.pos_ not in ("NOUN", "PROPN", "") or token.dep_ == "compound" and self._own_kind(token.head):
            return None
        modifiers = [self._own_kind(c) for c in token.children if c.dep_ == "compound"]
        return next((kind for kind in modifiers if kind), None) or self._own_kind(token)

    def _own_kind(self, token: Token) -> Optional[str]:
        return self.kinds.get(token.lemma_.lower())

    def _describe(self, token: Token, kind: str, context: list[Token], claim: Claim) -> dict[str, Any]:
        return {
            "kind": kind, "platform": self._platform(context), "publisher": self._publisher(token),
            "verified_by": self._verifier(context) if claim["status"] == "confirmed" else None,
            "method": self._method(context) if claim["status"] == "confirmed" else None,
            "text": token.text, "span": [token.i, token.i + 1],
        }

    def _platform(self, context: list[Token]) -> Optional[str]:
        for token in context:
            key = "pic.twitter.com" if token.lower_.startswith("pic.twitter.com") else token.lower_
            if key in self.platforms and (token.pos_ == "PROPN" or key != "x"):
                return self.platforms[key]
        return None

    def _publisher(self, noun: Token) -> Optional[str]:
        for verb in noun.children:
            if verb.lemma_ not in self.publish_verbs:
                continue
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                objects = [o for o in agent.children if o.dep_ == "pobj"]
                if objects:
                    return " ".join(t.text for t in objects[0].subtree)
        return None

    def _verifier(self, context: list[Token]) -> Optional[str]:
        for token in context:
            if token.lemma_ in self.verify_verbs:
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                if subjects:
                    subject = min(subjects, key=lambda c: abs(token.i - c.i))
                    return " ".join(t.text for t in subject.subtree)
        return None

    def _method(self, context: list[Token]) -> Optional[str]:
        lemmas = {t.lemma_.lower() for t in context}
        for method, entries in self.methods.items():
            if any(all(word in lemmas for word in entry) for entry in entries):
                return method
        return None

    def set_annotations(self, doc: Doc, evidence: list[list[dict[str, Any]]]) -> None:
        for claim, found in zip(doc._.cg_claims or [], evidence):
            claim["evidence"] = found


@Language.factory("claimgraph_evidence_v1", requires=["doc._.cg_claims"], assigns=["doc._.cg_claims"])
def make_evidence_tagger(nlp: Language, name: str) -> EvidenceTagger:
    rules = evidence_rules()
    return EvidenceTagger(kinds=rules.kinds, platforms=rules.platforms, methods=rules.methods,
                          publish_verbs=rules.publish_verbs, verify_verbs=status_rules().verify_verbs)
