"""Attributions whose source is not the subject of a cue over the claim (see attribution.py):

- back: a sentence that only points back at the one before it in its paragraph (or, opening a
  paragraph, at the paragraph before) names its source: "This was reported on Sunday in the press service of X.", "This was reported
  to journalists in X.", "X announced this."  The sentence before is the content; the pointing
  sentence is all frame, no claim of its own.
- impersonal: "It was reported on May 3 that Y", "A day earlier, it was reported that Y", "It is
  said that Y": a passive cue with an empty subject names no one (``unspecified_source``).  A
  reading verb in the present tense ("It is also emphasized that Y") reads out a message the text
  named before, so the "it" is kept as the source, a pronoun for that message's source.

The word lists are in attribution.yaml.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from .lexicon import AttributionRules
from .token_ranges import TIME_ENTITIES, Attribution, attribution_record, subtree_bounds, trim

PRESENT_TAGS = ("VBZ", "VBP")
BACK, IMPERSONAL = "back", "impersonal"


def one_word_of(token: Token, words: frozenset[str]) -> bool:
    """The token alone makes its phrase, and is one of ``words`` ("this", not "this report")."""
    return token.lower_ in words and token.left_edge == token == token.right_edge


def opens_with_that(clause: Token) -> bool:
    """"that the bridge was closed" (the parser hangs the "that" on the verb or its auxiliary)."""
    return clause.left_edge.lower_ == "that" and clause.left_edge.dep_ == "mark"


def same_paragraph(before: Span, sent: Span) -> bool:
    """No line break between the two (the parser may keep one as the first's last token)."""
    between = sent.doc[before.start: sent.start].text_with_ws  # not Doc.text: it joins every token anew
    return "\n" not in between[len(between.rstrip()):]


def pointed_at(before: list[Span], sent: Span) -> Span:
    """What a back reference points at: the sentence before it in its paragraph, or the whole
    paragraph before when it opens one ("...  The mission will be led by X.\nGuterres said this
    in Lviv")."""
    if same_paragraph(before[-1], sent):
        return before[-1]
    start = len(before) - 1
    while start and same_paragraph(before[start - 1], before[start]):
        start -= 1
    return sent.doc[before[start].start: before[-1].end]


class ReferenceShapes:
    """Find back references and impersonal cues in a doc's sentences."""

    def __init__(self, rules: AttributionRules) -> None:
        self.speech_verbs = rules.speech_verbs
        self.back_subjects = rules.back_reference_subjects
        self.back_verbs = rules.back_reference_verbs
        self.prepositions = rules.source_prepositions
        self.impersonal_subjects = rules.impersonal_subjects
        self.reading_verbs = rules.reading_verbs

    def find(self, sents: list[Span]) -> list[Attribution]:
        found = []
        for index, sent in enumerate(sents):
            if index:
                found += self.back_reference(pointed_at(sents[:index], sent), sent)
            found += self.impersonal(sent)
        return found

    # -- back references ------------------------------------------------------------
    def back_reference(self, before: Span, sent: Span) -> list[Attribution]:
        """The sentence's verb, or the one its closing credit reports ("X said this in Lviv,
        reports Radio Nine"), with "this" for its subject or object."""
        content = trim(sent.doc, before.start, before.end)
        verbs = [sent.root, *(c for c in sent.root.children if c.dep_ == "ccomp")]
        for verb in (v for v in verbs if v.lemma_.lower() in self.back_verbs):
            source = self.passive_source(verb) or self.active_source(verb)
            if source is not None and content[1] > content[0]:
                return [attribution_record(source, (verb.i, verb.i + 1), content, BACK, [(sent.start, sent.end)])]
        return []

    def passive_source(self, verb: Token) -> Optional[tuple[int, int]]:
        """"This was reported (on Sunday) by/in X": the "by" object, else the first object of
        a source preposition that is no date ("in May")."""
        if not any(c.dep_ == "nsubjpass" and one_word_of(c, self.back_subjects) for c in verb.children):
            return None
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        places = [o for p in verb.subtree if p.dep_ == "prep" and p.lower_ in self.prepositions
                  for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in TIME_ENTITIES]
        found = (agents + places)[:1]
        return trim(verb.doc, *subtree_bounds(found[0])) if found else None

    def active_source(self, verb: Token) -> Optional[tuple[int, int]]:
        """"X announced this (on Monday)": the subject, when "this" is the verb's object."""
        if not any(c.dep_ == "dobj" and one_word_of(c, self.back_subjects) for c in verb.children):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return trim(verb.doc, *subtree_bounds(subject)) if subject is not None else None

    # -- impersonal cues ------------------------------------------------------------
    def impersonal(self, sent: Span) -> list[Attribution]:
        found = []
        for verb in sent:
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and opens_with_that(c)), None)
            if clause is None or subject is None or not one_word_of(subject, self.impersonal_subjects) \
                    or verb.lemma_.lower() not in self.speech_verbs:
                continue
            content = trim(sent.doc, *subtree_bounds(clause))
            kind = "speech" if self.reads_on(verb) else IMPERSONAL
            frame = [(sent.start, content[0])]
            found.append(attribution_record((subject.i, subject.i + 1), (verb.i, verb.i + 1), content, kind, frame))
        return found

    def reads_on(self, verb: Token) -> bool:
        """"it is noted", not "it was noted", "it has been noted" or "it is said"."""
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return verb.lemma_.lower() in self.reading_verbs and bool(auxiliaries) and \
            all(a.tag_ in PRESENT_TAGS for a in auxiliaries)
