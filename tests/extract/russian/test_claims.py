"""Russian claims: one per sentence, status, event type and places."""

from __future__ import annotations

import pytest

from .conftest import claim_with

pytestmark = pytest.mark.slow

ARTICLE = (
    "Взрыв на Каховской ГЭС\n"
    "Плотина Каховской ГЭС в Новой Каховке была разрушена в ночь на 6 июня. "
    "Из прибрежных сёл Херсонской области эвакуировали более тысячи человек. "
    "Министерство обороны России заявило, что станцию якобы атаковали украинские военные. "
    "Киев отрицает свою причастность к разрушению плотины. "
    "Независимо подтвердить эти сведения не удалось. "
    "Спасатели должны продолжить работу в затопленных районах."
)


def test_claims_one_per_sentence_with_its_own_span(extract_russian):
    claims = extract_russian(ARTICLE)
    assert len(claims) == 7
    assert all(ARTICLE[c.span[0]: c.span[1]] == c.text for c in claims)


@pytest.mark.parametrize("words, status", [
    ("Плотина Каховской ГЭС", "asserted"),
    ("эвакуировали", "asserted"),
    ("якобы атаковали", "hedged"),
    ("Киев отрицает", "denied"),
    ("Независимо подтвердить", "unverified"),
    ("должны продолжить", "speculative"),
])
def test_claims_status(extract_russian, words, status):
    assert claim_with(extract_russian(ARTICLE), words).status == status


def test_claims_status_cue_is_where_the_text_says_it(extract_russian):
    claim = claim_with(extract_russian(ARTICLE), "якобы")
    assert [cue.text for cue in claim.status_cues] == ["якобы"]
    assert ARTICLE[slice(*claim.status_cues[0].span)] == "якобы"


@pytest.mark.parametrize("words, event_type", [
    ("Плотина Каховской ГЭС", "infrastructure"),
    ("эвакуировали", "evacuation"),
    ("якобы атаковали", "strike"),
])
def test_claims_event_type(extract_russian, words, event_type):
    assert claim_with(extract_russian(ARTICLE), words).event_type == event_type


def test_claims_denial_and_doubt_keep_the_type_of_the_act_before(extract_russian):
    claims = extract_russian("Вчера был обстрелян рынок в Донецке. Украинские военные отрицают это.")
    assert claim_with(claims, "отрицают").event_type == "strike"


def test_claims_future_tense_is_speculative(extract_russian):
    claims = extract_russian("Эвакуация жителей продолжится завтра.")
    assert claims[0].status == "speculative"


def test_claims_places_are_named_in_the_nominative_where_they_are_written(extract_russian):
    claim = claim_with(extract_russian(ARTICLE), "эвакуировали")
    [place] = claim.places
    assert place.text == "Херсонская область"
    assert ARTICLE[slice(*place.span)] == "Херсонской области"


def test_claims_the_speakers_region_is_no_place_of_the_claim(extract_russian):
    claims = extract_russian("Губернатор Белгородской области сообщил о пожаре на складе.")
    assert claims[0].places == []


def test_claims_a_call_with_nothing_else_typed_is_a_request(extract_russian):
    claims = extract_russian("Генеральный секретарь ООН призвал стороны к сдержанности.")
    assert (claims[0].event_type, claims[0].status) == ("request", "speculative")
    assert claims[0].source_chain[0].name == "Генеральный секретарь ООН"


def test_claims_being_clarified_is_unverified(extract_russian):
    assert extract_russian("Информацию о пострадавших уточняют.")[0].status == "unverified"


def test_claims_a_reported_claims_cue_is_its_origins(extract_russian):
    claim = extract_russian("По данным ведомства, атака была отражена.")[0]
    assert claim.status == "reported" and [cue.text for cue in claim.status_cues] == ["По данным"]


def test_claims_asking_for_access_is_a_request(extract_russian):
    claims = extract_russian("Красный Крест запросил доступ к пострадавшим.")
    assert claims[0].event_type == "request"
