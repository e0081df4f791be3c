"""MentionTagger: places, times and quantities mentioned in the text (unresolved).

- ``doc.spans["cg_places"]``: GPE/LOC/FAC entities labelled ``place``; demonyms
  ("Ukrainian", "Russian") labelled ``demonym``; and a name the NER mislabelled that
  stands before a place noun ("Kursk region") labelled ``place``.
- ``doc.spans["cg_times"]``: DATE/TIME entities and the patterns of ``mentions.yaml``.
- ``doc.spans["cg_quantities"]``: QUANTITY/CARDINAL/MONEY/PERCENT entities, extended over
  "of <noun>" ("hundreds of prisoners"), and the vague-number patterns.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .component import Component
from .lexicon import MatcherPattern, mention_rules

PLACE_LABELS = ("GPE", "LOC", "FAC")
DEMONYM_LABELS = ("GPE", "NORP")
DEMONYM_ENDINGS = ("ian", "ish", "ese", "ic", "ean", "ani", "i", "an")
QUANTITY_LABELS = ("QUANTITY", "CARDINAL", "MONEY", "PERCENT")
TIME_LABELS = ("DATE", "TIME")
MISLABELLED = ("PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "NORP")
LOCATIVE_PREPOSITIONS = ("in", "into", "near", "outside")


def is_demonym(span: Span) -> bool:
    word = span.text.strip()
    return len(span) == 1 and (span[0].tag_ == "JJ" or word.lower().endswith(DEMONYM_ENDINGS))


def with_of_complement(span: Span) -> Span:
    """Extend a number over "of <noun>" ("hundreds" -> "hundreds of prisoners")."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
        noun = doc[end + 1]
        while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i and noun.head.i - end < 4:
            noun = noun.head
        return Span(doc, span.start, noun.i + 1, label=span.label_)
    return span


def is_short_number(token: Token) -> bool:
    """Digits, fewer than four: an age or a count, never a year."""
    return token.text.isdigit() and len(token.text) < 4


def is_bare_count(span: Span) -> bool:
    """A lone short number tagged a date: an age ("a farmer, 68, said") or a count, never a time
    by itself (a year has four digits)."""
    return len(span) == 1 and is_short_number(span[0])


class MentionTagger(Component):
    """Collect place, time and quantity mentions into ``doc.spans``."""

    def __init__(self, *, vocab, time_patterns: Iterable[MatcherPattern],
                 quantity_patterns: Iterable[MatcherPattern], place_nouns: Iterable[str]) -> None:
        self.place_nouns = set(place_nouns)
        self.matcher = Matcher(vocab)
        self.matcher.add("TIME", [[dict(token) for token in pattern] for pattern in time_patterns])
        self.matcher.add("QUANTITY", [[dict(token) for token in pattern] for pattern in quantity_patterns])

    def match(self, doc: Doc) -> dict[str, list[Span]]:
        patterns = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.matcher(doc)]
        times = [e for e in doc.ents if e.label_ in TIME_LABELS and not is_bare_count(e)]
        times += [p for p in patterns if p.label_ == "TIME"]
        times = filter_spans(times)
        taken = {i for span in times for i in range(span.start, span.end)}
        quantities = [with_of_complement(e) for e in doc.ents if e.label_ in QUANTITY_LABELS]
        quantities += [p for p in patterns if p.label_ == "QUANTITY"]
        quantities = [q for q in quantities if not any(i in taken for i in range(q.start, q.end))]
        return {"cg_places": self._places(doc), "cg_times": times, "cg_quantities": filter_spans(quantities)}

    def _places(self, doc: Doc) -> list[Span]:
        places = []
        for ent in doc.ents:
            if ent.label_ in DEMONYM_LABELS and is_demonym(ent):
                places.append(Span(doc, ent.start, ent.end, label="demonym"))
            elif ent.label_ in PLACE_LABELS or self._before_place_noun(ent):
                places.append(Span(doc, ent.start, ent.end, label="place"))
        return places

    def _before_place_noun(self, ent: Span) -> bool:
        """A mislabelled name used as a place: "Kursk region", "fighting in Kursk"."""
        if ent.label_ not in MISLABELLED or not all(t.is_alpha for t in ent):
            return False
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        after_preposition = ent.root.head.lower_ in LOCATIVE_PREPOSITIONS and ent.root.head.i < ent.start
        return after_preposition or nxt is not None and nxt.lower_ in self.place_nouns

    def set_annotations(self, doc: Doc, found: dict[str, list[Span]]) -> None:
        for key, spans in found.items():
            doc.spans[key] = spans


@Language.factory("claimgraph_mentions_v1", requires=["doc.ents"], assigns=["doc.spans"])
def make_mention_tagger(nlp: Language, name: str) -> MentionTagger:
    rules = mention_rules()
    return MentionTagger(vocab=nlp.vocab, time_patterns=rules.time_patterns,
                         quantity_patterns=rules.quantity_patterns, place_nouns=rules.place_nouns)
