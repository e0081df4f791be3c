"""Russian reading: Documents in Russian -> claims, as ``Extractor`` does for English.

A path of its own rather than the English spaCy components: those read English lemmas,
dependency labels and a cue model trained on English; here natasha parses (nlp.py), and
sources.py and claims.py read its tokens with the word lists of lexicons/ru.yaml.  The claims
are the same ``Claim`` objects, so resolving, linking and storing treat them as any other.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from claimgraph.model import Claim, Document

from .claims import document_places, to_claims
from .nlp import parse
from .rules import russian_rules

__all__ = ["RUSSIAN", "RussianExtractor"]
RUSSIAN = "ru"  # Document.language of the documents this path reads


class RussianExtractor:
    """Fills ``Document.places`` (natasha's LOC entities) and returns the document's claims."""

    def extract(self, doc: Document) -> list[Claim]:
        return next(self.extract_many([doc]))[1]

    def extract_many(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, list[Claim]]]:
        """Each document with its claims (``batch_size`` is the English Extractor's; natasha
        parses one document at a time)."""
        for document in docs:
            parsed = parse(document.text)
            document.places = document_places(parsed, russian_rules())
            yield document, to_claims(document, parsed)
