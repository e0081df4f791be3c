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


def test_extractor_a_time_in_a_relative_clause_dates_only_that_clause(claims_of):
    claims = claims_of("The militia, whose raid last week burned two villages, said in a statement on "
                       "Friday that most of the wounded were farmers.")
    wounded = next(c for c in claims if "farmers" in c.text)
    assert wounded.time is not None and wounded.time.text == "Friday"


def test_extractor_a_time_in_another_branch_of_the_sentence_dates_only_its_own(claims_of):
    claims = claims_of("The shelling was the heaviest in the valley since the army began its push on March 3.")
    heaviest = next(c for c in claims if "heaviest" in c.text)
    assert heaviest.time is None


def test_extractor_a_time_of_the_sentence_dates_a_clause_under_it(claims_of):
    # news tells one day a sentence: the ferry was running on the day of the shelling
    claims = claims_of("Troops shelled the port on Monday, and the mayor said that the ferry was still running.")
    ferry = next(c for c in claims if "ferry" in c.text)
    assert ferry.time is not None and ferry.time.text == "Monday"


def test_extractor_a_time_a_superlative_ranks_in_does_not_date_the_claim(claims_of):
    claims = claims_of("A shell hit the ferry, making it the deadliest attack on the river in the years since 2014.")
    ranking = next(c for c in claims if "deadliest" in c.text)
    assert ranking.time is None


def test_extractor_a_time_of_the_cue_dates_the_claim(claims_of):
    claims = claims_of("On Monday the governor said that three bridges were closed.")
    assert claims[0].time is not None and claims[0].time.text == "Monday"


def test_extractor_loaded_language_in_claim(claims_of):
    claims = claims_of("The Kyiv regime shelled the suburb again.")
    assert [(t.text, t.neutral) for t in claims[0].loaded_language] == [("Kyiv regime", "Ukrainian government")]


def test_extractor_empty_text_has_no_claims(extractor, make_document):
    assert extractor.extract(make_document("")) == []
