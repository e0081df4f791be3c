from datetime import date

import pytest

from claimgraph.link.features import (claim_day, claim_tokens, features, located_places, measures_extent, outcomes_of,
                                     paragraph_of, sentence_number, stem)
from claimgraph.link.rules import load_rules
from claimgraph.model import Document
from tests.link.factories import claim, document, quantity, source, town

RULES = load_rules()


def test_features_stem_merges_inflections():
    assert stem("encircled") == stem("encircles") == "encircl"
    assert stem("bus") == "bus"  # too short to strip


def test_features_stem_merges_russian_inflections_by_their_endings():
    assert stem("обстрелом") == stem("обстрелы") == stem("Обстрела") == "обстрел"
    assert stem("эвакуации") == stem("эвакуация") == "эвакуац"
    assert stem("мост") == "мост"  # too short to strip


def test_features_claim_day_prefers_resolved_time_over_publication():
    doc = document("d1", published="2024-08-15")
    assert claim_day(claim("d1:0", "x", day="2024-08-07"), doc) < claim_day(claim("d1:1", "x"), doc)


def test_features_tokens_drop_dateline_and_source_names():
    text = "KYIV (Meridian Wire) — Rybar said Sudzha is encircled"
    doc = Document(id="d1", text=text, dateline=(0, text.index("Rybar")))
    # the stage took the dateline out of the claim; its sentence and paragraph still hold it
    said = claim("d1:0", text[text.index("Rybar"):], chain=(source("Rybar", "social"),)).model_copy(
        update={"sentence_span": (0, len(text))})
    assert set(claim_tokens(said, doc, paragraph_of(said, doc), RULES)) == {"sudzha", "encircl"}


def test_features_places_come_from_the_sentence_but_not_the_dateline():
    text = "LONDON (Wire) — Fighting reached Sudzha. Other news."
    london = town("Sudzha").model_copy(update={"text": "LONDON", "name": "London", "span": (0, 6), "lat": 51.5})
    sudzha = town("Sudzha").model_copy(update={"span": (33, 39)})
    doc = Document(id="d1", text=text, places=[london, sudzha], dateline=(0, text.index("Fighting")))
    fighting = claim("d1:0", "Fighting reached Sudzha").model_copy(update={"sentence_span": (0, 40)})
    assert [p.name for p in located_places(fighting, doc, RULES)] == ["Sudzha"]


def test_features_outcomes_are_found_by_stem_and_phrase():
    assert outcomes_of("Russian troops retook the town", RULES) == {"retaken"}
    assert outcomes_of("its troops are holding back the attack", RULES) == {"repelled"}


def test_features_wildcard_type_is_compared_with_every_group():
    unknown = features(claim("d1:0", "x", "other"), {"d1": document("d1")}, RULES)
    assert set(unknown.groups) == set(RULES.type_groups)


def test_features_outcomes_only_for_types_that_report_control():
    docs = {"d1": document("d1")}
    assert features(claim("d1:0", "121,000 people have left", "evacuation"), docs, RULES).outcomes == set()
    assert features(claim("d1:1", "Ukrainian troops have left Sudzha"), docs, RULES).outcomes == {"withdrawn"}


def test_features_facilities_are_whole_words_not_stems():
    from claimgraph.link.features import facilities_of

    assert facilities_of("Troops stationed near the bridges", RULES) == {"bridge"}
    assert facilities_of("soldiers at the gas metering station", RULES) == {"station"}
    assert facilities_of("Ukrainian units crossed the border", RULES) == frozenset()


def test_features_a_hydroelectric_plant_is_a_dam():
    """A qualifier names the kind of the facility noun after it, and that noun names no other."""
    from claimgraph.link.features import facilities_of

    assert facilities_of("Engineers say the river's hydroelectric power plant was hit", RULES) == {"dam"}
    assert facilities_of("a strike on the town's HPP overnight", RULES) == {"dam"}
    assert facilities_of("the nuclear power plant lost its last line", RULES) == {"plant"}
    assert facilities_of("the hydropower station and a plant beside it", RULES) == {"dam", "plant"}


def test_features_russian_facilities_in_any_case():
    from claimgraph.link.features import facilities_of, kinds_of

    assert facilities_of("Взрыв разрушил плотину Каховской ГЭС", RULES) == {"dam"}
    assert facilities_of("Обстрел моста через реку", RULES) == {"bridge"}
    assert facilities_of("В колонии находились военнопленные", RULES) == {"prison"}
    # a Telegram channel and a portrait are no canal and no port
    assert facilities_of("Телеграм-канал опубликовал портрет", RULES) == frozenset()
    # a word naming a facility with the noun after it names a thing, not a happening
    assert "attack" not in kinds_of("ракетный завод", RULES)


def test_features_a_capital_standing_for_its_government_places_nothing():
    text = "A strike made it harder for Moscow to supply troops. A drone hit a depot in Moscow."
    moscow = [town("Sudzha").model_copy(update={"text": "Moscow", "name": "Moscow", "span": (start, start + 6)})
              for start in (text.index("Moscow"), text.rindex("Moscow"))]
    doc = Document(id="d1", text=text, places=moscow)
    first, second = (claim(f"d1:{i}", "x").model_copy(update={"sentence_span": span})
                     for i, span in enumerate([(0, 53), (54, len(text))]))
    assert located_places(first, doc, RULES) == [] and [p.name for p in located_places(second, doc, RULES)] == ["Moscow"]


def test_features_a_town_named_again_in_a_later_sentence_is_found():
    text = "Fighting reached Sudzha. Sudzha had been retaken."
    doc = Document(id="d1", text=text, places=[town("Sudzha").model_copy(update={"span": (17, 23)})])
    retaken = claim("d1:0", "Sudzha had been retaken").model_copy(update={"sentence_span": (25, len(text))})
    assert [p.name for p in located_places(retaken, doc, RULES)] == ["Sudzha"]


def test_features_a_settlement_after_a_cue_is_named_even_when_not_located():
    struck = features(claim("d1:0", "A bridge near the village of Zvannoe was struck", "strike"), {"d1": document("d1")}, RULES)
    assert struck.place_names == {"zvannoe"} and struck.points == []


@pytest.mark.parametrize("line_break", ["\n\n", "\n"])  # a paragraph is a line, blank lines or not
def test_features_a_short_clause_takes_words_from_its_paragraph_only(line_break):
    text = f"Video shows the Seym bridge being hit. Bloggers said it had collapsed.{line_break}Prisoners were exchanged."
    doc = Document(id="d1", text=text)
    clause = claim("d1:0", "it had collapsed").model_copy(update={"sentence_span": (38, 69)})
    found = set(claim_tokens(clause, doc, paragraph_of(clause, doc), RULES))
    assert {"seym", "bridge", stem("collapsed")} <= found and stem("Prisoners") not in found


def test_features_an_area_a_settlement_count_or_a_depth_measures_held_ground():
    area = claim("a:1", "forces controlled about 1,000 square kilometres", quantities=(quantity("1,000", 1000, "km²"),))
    towns = claim("a:2", "forces held 28 settlements", quantities=(quantity("28 settlements", 28, "settlements"),))
    deep = claim("a:3", "troops advanced up to 12 kilometres deep", quantities=(quantity("12 km", 12, "km"),))
    far = claim("a:4", "a convoy 12 kilometres from the border", quantities=(quantity("12 km", 12, "km"),))
    people = claim("a:5", "about 20,000 people were evacuated", quantities=(quantity("20,000", 20000, "people"),))
    assert all(measures_extent(c, RULES) for c in (area, towns, deep))
    assert not any(measures_extent(c, RULES) for c in (far, people))


def test_features_kinds_of_happening_come_from_the_words_by_stem_and_prefix():
    from claimgraph.link.features import kinds_of

    assert kinds_of("At least 40 prisoners were killed and 75 wounded", RULES) >= {"casualty", "detention"}
    assert kinds_of("Thousands were evacuated as the water rose", RULES) >= {"displacement", "disaster"}
    assert "request" in kinds_of("The Red Cross asked for access to the prison", RULES)


def test_features_kinds_of_happening_in_russian_come_from_word_prefixes():
    from claimgraph.link.features import kinds_of

    assert kinds_of("После обстрела погибли трое, ещё пятеро ранены", RULES) >= {"attack", "casualty"}
    assert kinds_of("Жителей эвакуировали из затопленных сёл", RULES) >= {"displacement", "disaster"}
    assert kinds_of("Министр провёл встречу с послом", RULES) == {"diplomacy"}


def test_features_a_word_before_a_facility_noun_names_the_facility_not_a_happening():
    from claimgraph.link.features import kinds_of

    assert "outage" not in kinds_of("Shells fell near the nuclear power plant", RULES)
    assert "outage" in kinds_of("The city is without power", RULES)
    assert "detention" not in kinds_of("A blast hit the pre-trial detention centre", RULES)


def test_features_a_number_beside_a_counted_kind_makes_a_toll():
    docs = {"d1": document("d1")}
    toll = features(claim("d1:0", "At least 53 prisoners were killed", "casualties",
                          quantities=(quantity("53 prisoners", 53, "prisoners"),)), docs, RULES)
    words = features(claim("d1:1", "Dozens of people were killed", "casualties"), docs, RULES)
    blast = features(claim("d1:2", "An explosion killed the prisoners", "strike"), docs, RULES)
    assert "casualty" in toll.counted and "casualty" in words.counted and blast.counted == frozenset()


def test_features_only_a_claim_s_own_day_dates_it_and_an_old_day_is_background():
    docs = {"d1": document("d1", published="2022-08-07")}
    dated = features(claim("d1:0", "On August 5 shells hit the plant", "strike", day="2022-08-05"), docs, RULES)
    undated = features(claim("d1:1", "Shells hit the plant", "strike"), docs, RULES)
    seized = features(claim("d1:2", "Russia seized the plant in March", day="2022-03-04"), docs, RULES)
    assert dated.dated == dated.day < undated.day and undated.dated is None
    assert seized.background and not dated.background


def test_features_a_word_of_repetition_before_an_attack_tells_of_a_run_of_attacks():
    docs = {"d1": document("d1", published="2024-08-08")}
    told = [features(claim(f"d1:{i}", text, "strike"), docs, RULES).pattern for i, text in enumerate([
        "Troops kept shelling villages along the river",
        "Residents heard constant artillery fire all week",
        "Войска продолжают обстреливать пригороды",
        "A missile hit the depot on Tuesday",
        "The mayor kept residents informed after the strike",  # the word of repetition is too far off
    ])]
    overnight = features(claim("d1:5", "Repeated shelling overnight broke the dam", "strike", day="2024-08-07"),
                         docs, RULES)
    on_a_town = features(claim("d1:6", "Troops keep shelling Sudzha", "strike", places=("Sudzha",)), docs, RULES)
    assert told == [True, True, True, False, False]
    assert not overnight.pattern and not on_a_town.pattern  # one night's run, a town's shelling: one happening


def test_features_sentences_are_numbered_in_reading_order():
    text = "Shells hit the plant. A worker was wounded. Power was cut."
    doc = Document(id="d1", text=text)
    numbers = [features(claim(f"d1:{i}", "x").model_copy(update={"sentence_span": span}), {"d1": doc}, RULES).sentence
               for i, span in enumerate([(0, 21), (22, 43), (44, len(text))])]
    assert numbers == [0, 1, 2]


def test_features_a_span_of_days_dates_no_happening():
    from claimgraph.model import TimeSpan

    docs = {"d1": document("d1", published="2022-08-18")}
    career = claim("d1:0", "He is an officer with 40 years of experience").model_copy(update={"time": TimeSpan(
        text="40 years", start="1982-08-18", end="2022-08-18", precision="day", resolved=True)})
    night = claim("d1:1", "Overnight shells hit the plant").model_copy(update={"time": TimeSpan(
        text="overnight", start="2022-08-16", end="2022-08-17", precision="day", resolved=True)})
    assert features(career, docs, RULES).dated is None
    assert features(night, docs, RULES).dated == date(2022, 8, 16).toordinal()


@pytest.mark.parametrize("text, number", [
    ("Rockets hit the plant. The army said so. Kyiv denied it.", 2),
    ("Rockets hit the plant on Aug. 7, the U.S. embassy said. Kyiv denied it.", 1),  # abbreviations end no sentence
    ("Rockets hit the plant\nKyiv denied it.", 1),  # a line is a paragraph
])
def test_features_a_claim_s_sentence_number_counts_sentence_ends_before_it(text, number):
    start = text.index("Kyiv")
    found = claim("d:0", "Kyiv denied it", "strike").model_copy(
        update={"span": (start, start + 14), "sentence_span": (start, len(text))})
    assert sentence_number(found, Document(id="d", text=text)) == number


@pytest.mark.parametrize("said, published, dated", [
    ("Tonight", "2022-08-07", "2022-08-06"),  # told on the day it ends: the night began the evening before
    ("last night", "2022-08-07", "2022-08-06"),  # the resolver already dates it by that evening
    ("on the night of 5 August", "2022-08-07", "2022-08-05"),
    ("on 7 August", "2022-08-07", "2022-08-07"),  # a day, not a night
])
def test_features_a_night_is_dated_by_the_evening_it_begins(said, published, dated):
    from claimgraph.resolve.times import normalise

    time = normalise(said, date.fromisoformat(published))
    found = claim("d:0", f"{said}, rockets hit the depot", "strike").model_copy(update={"time": time})
    assert features(found, {"d": document("d", published)}, RULES).dated == date.fromisoformat(dated).toordinal()


@pytest.mark.parametrize("said, dated", [
    ("Сегодня ночью ракеты попали в склад", "2022-08-06"),  # "tonight", told the morning after
    ("Сегодня ракеты попали в склад", "2022-08-07"),  # a day, not a night
])
def test_features_a_russian_night_is_dated_by_the_evening_it_begins(said, dated):
    from claimgraph.resolve.russian import claim_time

    time = claim_time(said, 0, date(2022, 8, 7))
    found = claim("d:0", said, "strike").model_copy(update={"time": time})
    assert features(found, {"d": document("d", "2022-08-07")}, RULES).dated == date.fromisoformat(dated).toordinal()
