"""Russian articles written by the team, in our own words, about publicly reported events."""

from __future__ import annotations

import pytest

from claimgraph.model import Claim, Document
from claimgraph.read.normalise import document_id


def russian_document(text: str, published: str = "2023-06-01") -> Document:
    return Document(id=document_id(text), text=text, language="ru", published=published, origin="ru.txt")


@pytest.fixture(scope="session")
def extract_russian():
    """Text -> its claims, through the Russian extractor (natasha loads once per session)."""
    from claimgraph.extract.russian import RussianExtractor

    extractor = RussianExtractor()

    def extract(text: str) -> list[Claim]:
        return extractor.extract(russian_document(text))

    return extract


def claim_with(claims: list[Claim], words: str) -> Claim:
    """The claim whose text holds ``words``."""
    return next(claim for claim in claims if words in claim.text)
