"""Fixtures for the extraction tests: one claim pipeline per session (it is slow to load)."""

from __future__ import annotations

import hashlib

import pytest

from claimgraph.model import Document
from claimgraph.read.document import find_openers


@pytest.fixture(scope="session")
def extractor(settings):
    from claimgraph.extract import Extractor

    return Extractor(settings)


@pytest.fixture(scope="session")
def claim_nlp(extractor):
    return extractor.nlp


@pytest.fixture
def make_document():
    def make(text: str) -> Document:
        """The text as it is (offsets into it), with the openers reading would find."""
        return Document(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text, openers=find_openers(text))

    return make


@pytest.fixture
def claims_of(extractor, make_document):
    """Claims of a text we wrote, through the public API."""
    return lambda text: extractor.extract(make_document(text))
