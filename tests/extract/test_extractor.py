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


@pytest.mark.parametrize("text, marker, time", [
    # a time in a relative clause dates only that clause
    ("The militia, whose raid last week burned two villages, said in a statement on Friday that most of the "
     "wounded were farmers.", "farmers", "Friday"),
    # nor one in another branch of the sentence
    ("The shelling was the heaviest in the valley since the army began its push on March 3.", "heaviest", None),
    # news tells one day a sentence: the ferry was running on the day of the shelling
    ("Troops shelled the port on Monday, and the mayor said that the ferry was still running.", "ferry", "Monday"),
    ("On Monday the governor said that three bridges were closed.", "bridges", "Monday"),
    # the range a superlative ranks the happening in is no date of it
    ("A shell hit the ferry, making it the deadliest attack on the river in the years since 2014.", "deadliest", None),
])
def test_extractor_a_claim_takes_a_time_of_its_own_clause_or_of_one_above_it(claims_of, text, marker, time):
    claim = next(c for c in claims_of(text) if marker in c.text)
    assert (claim.time.text if claim.time else None) == time


def test_extractor_loaded_language_in_claim(claims_of):
    claims = claims_of("The Kyiv regime shelled the suburb again.")
    assert [(t.text, t.neutral) for t in claims[0].loaded_language] == [("Kyiv regime", "Ukrainian government")]


def test_extractor_empty_text_has_no_claims(extractor, make_document):
    assert extractor.extract(make_document("")) == []
