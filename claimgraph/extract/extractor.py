"""Extractor: Documents in, claims (with unresolved mentions) out."""

from __future__ import annotations

from itertools import groupby
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Claim, Document
from ..settings import Settings
from . import extensions
from .boilerplate import without_boilerplate
from .carried_sources import carry_sources
from .relays import with_quoted_origins
from .convert import document_places, to_claims
from .pipeline import build_pipeline
from .sections import batches, joined, sections


def with_openers(doc: Doc, openers: Iterable[tuple[int, int]]) -> Doc:
    """``doc`` carrying the token ranges of the openers (character spans into its text)."""
    extensions.register()
    spans = (doc.char_span(start, end, alignment_mode="expand") for start, end in openers)
    doc._.cg_openers = [[span.start, span.end] for span in spans if span is not None and len(span)]
    return doc


class Extractor:
    """Run the claim pipeline; fills ``Document.places`` and returns the document's claims."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._nlp: Optional[Language] = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp = build_pipeline(self.settings.spacy_model)
        return self._nlp

    def parse(self, texts: Iterable[tuple[str, list[tuple[int, int]]]], batch_size: int = 32) -> Iterator[Doc]:
        """The pipeline's Docs of texts, each given its openers (``Document.openers``) first."""
        made = (with_openers(self.nlp.make_doc(text), openers) for text, openers in texts)
        return self.nlp.pipe(made, batch_size=batch_size)

    def extract(self, doc: Document) -> list[Claim]:
        return next(self.extract_many([doc]))[1]

    def extract_many(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, list[Claim]]]:
        """Each document with its claims; a long one is parsed in sections (see sections.py),
        each turned into claims as soon as it is parsed, so its spaCy Doc is not kept."""
        parsed = ((section, doc) for batch in batches(sections(docs), batch_size)
                  for section, doc in zip(batch, self.parse([(s.text, s.openers) for s in batch], len(batch))))
        converted = ((section, document_places(doc), to_claims(section.document, doc)) for section, doc in parsed)
        for _, parts in groupby(converted, key=lambda part: part[0].number):
            parts = list(parts)
            document = parts[0][0].document
            document.places, claims = joined(document, parts)
            claims = carry_sources(document, without_boilerplate(document, claims))
            yield document, with_quoted_origins(document, claims)
