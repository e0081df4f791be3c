"""Long documents in sections: the cuts, and claims moved back to the document's offsets."""

from __future__ import annotations

import pytest

from claimgraph.extract.sections import Section, batches, section_bounds, sections
from claimgraph.model import Document

PARAGRAPH = "The ferry sailed at dawn. The harbour master said two boats followed it.\n\n"


def test_sections_cover_the_text_and_cut_at_paragraphs():
    text = PARAGRAPH * 40
    bounds = section_bounds(text, limit=500)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert all(end - start <= 500 for start, end in bounds)
    assert all(text[:end].endswith("\n\n") for _, end in bounds)


@pytest.mark.parametrize("text", ["x" * 1234, "word " * 300, "", "short"])
def test_sections_of_text_without_breaks_still_cover_it(text):
    bounds = section_bounds(text, limit=100)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert all(end - start <= 100 for start, end in bounds) and len(bounds) >= 1


def test_sections_batches_bound_characters():
    docs = [Document(id=str(n), text="y" * 300) for n in range(5)]
    found = [[s.document.id for s in batch] for batch in batches(sections(docs), size=4, chars=700)]
    assert found == [["0", "1"], ["2", "3"], ["4"]]


def test_sections_openers_in_the_sections_offsets():
    text = "KYIV (Desk) — A.\n\nODESA (Desk) — B.\n\n"
    second = text.index("ODESA")
    document = Document(id="d", text=text, openers=[(0, 13), (second, second + 14)])
    assert Section(0, document, 0, text[:second]).openers == [(0, 13)]
    assert Section(0, document, second, text[second:]).openers == [(0, 14)]


@pytest.mark.slow
def test_sections_long_document_past_spacy_limit_keeps_its_claims(extractor, make_document):
    """spaCy refuses a text longer than its max_length (E088: the whole document was lost)."""
    paragraphs = [f"Officials in Sumy said {n + 2} drones were shot down over the city on Monday night.\n\n"
                  for n in range(1600)]
    document = make_document("".join(paragraphs))
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = 60_000  # the text is twice that: parsed whole, it is refused
    try:
        claims = extractor.extract(document)
    finally:
        extractor.nlp.max_length = limit
    assert len(document.text) > 2 * 60_000
    assert [c.id for c in claims] == [f"{document.id}:{n}" for n in range(len(claims))]
    assert len(claims) >= len(paragraphs)
    for claim in claims:
        assert all(document.text[q.span[0]:q.span[1]] == q.text for q in claim.quantities)
        assert all(document.text[p.span[0]:p.span[1]] == p.text for p in claim.places)
    assert all(document.text[p.span[0]:p.span[1]] == p.text for p in document.places)
