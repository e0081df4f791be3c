import pytest

pytestmark = pytest.mark.slow


def test_extractor_fills_document_places(extractor, make_document):
    document = make_document("Ukrainian troops left Kharkiv while Russian jets flew over Moscow.")
    extractor.extract(document)
    roles = {(p.text, p.role) for p in document.places}
    assert ("Ukrainian", "demonym") in roles and ("Russian", "demonym") in roles
    assert ("Moscow", "place") in roles


def test_extractor_extract_many_keeps_order(extractor, make_document):
    documents = [make_document(f"Convoy number {n} reached the border crossing.") for n in range(5)]
    results = list(extractor.extract_many(documents, batch_size=2))
    assert [d.id for d, _ in results] == [d.id for d in documents]
    assert all(len(claims) == 1 for _, claims in results)


def test_extractor_claim_mentions(claims_of):
    claims = claims_of("In the past three days the army captured about 40 kilometers of land near Kupiansk.")
    claim = claims[0]
    assert claim.time is not None and "three days" in claim.time.text
    assert claim.quantities and "40 kilometers" in claim.quantities[0].text
    assert [p.text for p in claim.places] == ["Kupiansk"]


def test_extractor_loaded_language_in_claim(claims_of):
    claims = claims_of("The Kyiv regime shelled the suburb again.")
    assert [(t.text, t.neutral) for t in claims[0].loaded_language] == [("Kyiv regime", "Ukrainian government")]


def test_extractor_empty_text_has_no_claims(extractor, make_document):
    assert extractor.extract(make_document("")) == []
