"""Extractor: Documents in, claims (with unresolved mentions) out."""

from __future__ import annotations

from itertools import groupby
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from ..model import Claim, Document
from ..settings import Settings
from .boilerplate import without_boilerplate
from .carried_sources import carry_sources
from .relays import with_quoted_origins
from .convert import document_places, to_claims
from .pipeline import build_pipeline
from .sections import batches, joined, sections


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

    def extract(self, doc: Document) -> list[Claim]:
        return next(self.extract_many([doc]))[1]

    def extract_many(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, list[Claim]]]:
        """Each document with its claims; a long one is parsed in sections (see sections.py),
        each turned into claims as soon as it is parsed, so its spaCy Doc is not kept."""
        parsed = ((section, doc) for batch in batches(sections(docs), batch_size)
                  for section, doc in zip(batch, self.nlp.pipe([s.text for s in batch], batch_size=len(batch))))
        converted = ((section, document_places(doc), to_claims(section.document, doc)) for section, doc in parsed)
        for _, parts in groupby(converted, key=lambda part: part[0].number):
            parts = list(parts)
            document = parts[0][0].document
            document.places, claims = joined(document, parts)
            claims = carry_sources(document, without_boilerplate(document, claims))
            yield document, with_quoted_origins(document, claims)
