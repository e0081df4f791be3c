"""Extractor: Documents in, claims (with unresolved mentions) out."""

from __future__ import annotations

from itertools import tee
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from ..model import Claim, Document
from ..settings import Settings
from .boilerplate import without_boilerplate
from .convert import document_places, to_claims
from .pipeline import build_pipeline


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
        documents, texts = tee(docs)
        parsed = self.nlp.pipe((d.text for d in texts), batch_size=batch_size)
        for document, doc in zip(documents, parsed):
            document.places = document_places(doc)
            yield document, without_boilerplate(document, to_claims(document, doc))
