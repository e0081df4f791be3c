"""LoadedLanguageTagger: loaded terms with their neutral equivalents (``loaded_language.yaml``).

Writes ``doc.spans["cg_loaded"]``; each span's label is the neutral wording.  A ``*`` in a
term stands for one capitalised name ("Biden regime" -> "Biden administration").
"""

from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .component import Component
from .lexicon import LoadedTermRule, loaded_terms

WILDCARD = "*"


def term_pattern(term: str) -> list[dict[str, Any]]:
    return [{"IS_TITLE": True} if word == WILDCARD else {"LOWER": word} for word in term.split()]


class LoadedLanguageTagger(Component):
    """Find loaded terms; ``doc.spans["cg_loaded"]`` labelled with the neutral term."""

    def __init__(self, *, vocab, terms: Iterable[LoadedTermRule]) -> None:
        self.terms = {entry.term: entry for entry in terms}
        self.matcher = Matcher(vocab)
        for term in self.terms:
            self.matcher.add(term, [term_pattern(term)])

    def match(self, doc: Doc) -> list[Span]:
        found = []
        for match_id, start, end in self.matcher(doc):
            term = doc.vocab.strings[match_id]
            found.append((WILDCARD in term, Span(doc, start, end, label=self._neutral(term, doc[start:end]))))
        found.sort(key=lambda pair: pair[0])  # a listed term beats the same words matched by a wildcard
        return filter_spans([span for _, span in found])

    def _neutral(self, term: str, span: Span) -> str:
        names = [token.text for token, word in zip(span, term.split()) if word == WILDCARD]
        return self.terms[term].neutral.format(*names)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans["cg_loaded"] = spans


@Language.factory("claimgraph_loaded_language_v1", assigns=["doc.spans"])
def make_loaded_language_tagger(nlp: Language, name: str) -> LoadedLanguageTagger:
    return LoadedLanguageTagger(vocab=nlp.vocab, terms=loaded_terms())
