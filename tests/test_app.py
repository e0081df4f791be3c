"""The ClaimGraph object: one stage failing or a foreign language never loses a document."""

from __future__ import annotations

import pytest

from claimgraph.app import ClaimGraph
from claimgraph.model import Document, ExtractedDocument, ReadFailure
from claimgraph.read.normalise import document_id
from claimgraph.settings import Settings

ENGLISH = "Officials in Sumy said two drones were shot down on Monday night."
FRENCH = "Les autorités de Soumy ont déclaré que deux drones avaient été abattus lundi soir."


def document(text: str, language: str) -> Document:
    return Document(id=document_id(text), text=text, language=language, published="2024-08-12",
                    origin=f"{language}.txt")


class BrokenResolver:
    def resolve(self, doc, claims):
        if "drones" in doc.text:
            raise ValueError("resolver bug")
        return doc, claims


@pytest.mark.slow
def test_app_foreign_language_document_is_kept_without_claims():
    results = list(ClaimGraph(Settings.load()).extract([document(FRENCH, "fr"), document(ENGLISH, "en")]))
    by_language = {r.document.language: r for r in results}
    assert by_language["fr"].claims == []
    assert by_language["en"].claims


@pytest.mark.slow
def test_app_stage_failure_names_the_document_and_the_rest_goes_on():
    graph = ClaimGraph(Settings.load())
    graph.stage.resolver = BrokenResolver()  # a stage with a bug, for this document only
    other = "The governor said 40 residents were evacuated from Sudzha on Tuesday."
    results = list(graph.extract([document(ENGLISH, "en"), document(other, "en")]))
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.origin for f in failures] == ["en.txt"]
    assert "resolution failed: ValueError: resolver bug" in failures[0].message
    assert [r.document.text for r in results if isinstance(r, ExtractedDocument)] == [other]
