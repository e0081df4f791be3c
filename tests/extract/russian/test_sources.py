"""Who says it, in Russian: speech verbs, frames, relays, pronouns, headline colons."""

from __future__ import annotations

import pytest

from .conftest import claim_with

pytestmark = pytest.mark.slow


def names(claim) -> list[str]:
    return [ref.name for ref in claim.source_chain]


def test_sources_speech_verb_subject_in_the_nominative(extract_russian):
    claims = extract_russian("Глава Запорожской АЭС Ренат Карчаа сообщил, что станция осталась без внешнего "
                             "электропитания.")
    assert names(claims[0]) == ["Глава Запорожской АЭС Ренат Карчаа"]
    assert claims[0].source_chain[0].cue == "сообщил"


def test_sources_frame_names_the_source_after_it_in_the_nominative(extract_russian):
    claims = extract_russian("По словам мэра Энергодара, снаряды упали возле жилых домов.")
    assert names(claims[0]) == ["мэр Энергодара"]
    assert claims[0].status == "reported"


def test_sources_relay_puts_the_origin_first(extract_russian):
    claims = extract_russian("Агентство Интерфакс со ссылкой на пресс-службу МЧС сообщило, что пожар потушен.")
    chain = claims[0].source_chain
    assert [ref.name for ref in chain] == ["пресс-служба МЧС", "Агентство Интерфакс"]
    assert [ref.kind for ref in chain] == ["official", "media"]


def test_sources_outlet_passing_on_an_official_comes_after_it(extract_russian):
    claims = extract_russian("Как сообщает РИА Новости, губернатор Херсонской области заявил о подтоплении "
                             "прибрежных сёл.")
    assert names(claims[0]) == ["губернатор Херсонской области", "РИА Новости"]


def test_sources_pronoun_takes_the_source_named_before(extract_russian):
    claims = extract_russian("Мэр Белгорода Валентин Демидов заявил, что в городе объявлена тревога. "
                             "По его словам, жителей просят оставаться в укрытиях.")
    assert names(claim_with(claims, "По его словам")) == ["Мэр Белгорода Валентин Демидов"]


def test_sources_pronoun_with_no_source_before_names_none(extract_russian):
    claims = extract_russian("По его словам, жителей просят оставаться в укрытиях.")
    assert (claims[0].source_chain, claims[0].status, claims[0].status_cues) == ([], "asserted", [])


def test_sources_body_in_a_v_phrase_speaks_but_a_day_does_not(extract_russian):
    claims = extract_russian("В Минобороны России сообщили о перехвате беспилотников. "
                             "В четверг сообщили о новых повреждениях.")
    assert names(claim_with(claims, "перехвате")) == ["Минобороны России"]
    assert claim_with(claims, "В четверг").source_chain == []


def test_sources_this_was_reported_by_attributes_the_sentence_before(extract_russian):
    claims = extract_russian("Ночью в Курской области были сбиты два беспилотника. "
                             "Об этом сообщил губернатор региона Роман Старовойт.")
    first = claim_with(claims, "сбиты")
    assert names(first) == ["губернатор региона Роман Старовойт"] and first.status == "reported"


def test_sources_headline_colon_names_a_speaker_not_a_topic(extract_russian):
    claims = extract_russian("Зеленский: армия удерживает позиции под Бахмутом\n"
                             "Обстрел Херсона: повреждена больница и жилые дома")
    assert names(claim_with(claims, "армия")) == ["Зеленский"]
    assert claim_with(claims, "больница").source_chain == []


def test_sources_the_outlet_a_speaker_tells_relays_it(extract_russian):
    claims = extract_russian("Глава администрации района Олег Петров сообщил ТАСС, что в селе нет света.")
    assert names(claims[0]) == ["Глава администрации района Олег Петров", "ТАСС"]


def test_sources_a_quoted_company_name_is_named_without_its_quotes(extract_russian):
    claims = extract_russian("Компания «Укрэнерго» заявила, что подача электричества восстановлена.")
    assert names(claims[0]) == ["Компания Укрэнерго"]


def test_sources_kind_comes_from_the_first_word_of_a_kind(extract_russian):
    claims = extract_russian("Директор информационного агентства Иван Смирнов сказал, что сеть отключена.")
    assert claims[0].source_chain[0].kind == "official"


def test_sources_a_quotation_over_sentences_is_its_speakers_throughout(extract_russian):
    claims = extract_russian("«Станция полностью обесточена. Персонал остаётся на месте», — сказал "
                             "директор станции Игорь Мурашов. Вечером подача тока возобновилась.")
    assert names(claim_with(claims, "обесточена")) == ["директор станции Игорь Мурашов"]
    assert claim_with(claims, "Вечером").source_chain == []


@pytest.mark.parametrize("text, kind", [
    ("Плотина была разрушена ночью, сообщили местные власти.", "official"),
    ("Местный житель рассказал, что вода поднялась за час.", "witness"),
])
def test_sources_a_noun_names_the_kind_before_an_adjective(extract_russian, text, kind):
    assert extract_russian(text)[0].source_chain[0].kind == kind
