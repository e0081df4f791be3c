from __future__ import annotations

import pytest

from claimgraph.resolve.names import ascii_fold, name_key, name_rules


@pytest.mark.parametrize("text", ["Kursk Oblast", "Kurskaya oblast'", "the Kursk region", "KURSK REGION"])
def test_names_region_forms_share_a_key(text):
    key = name_key(text)
    assert key.keys[0] == "kursk" and key.region


def test_names_ukrainian_adjective_gives_stem():
    assert name_key("Kharkiv").keys[0] in name_key("Kharkivska oblast").keys


def test_names_plain_name_is_not_a_region():
    assert name_key("Kursk").region is False


def test_names_county_is_kept_and_marked():
    key = name_key("Orange County")
    assert key.keys == ("orange county",) and key.district


def test_names_fold_diacritics_and_apostrophes():
    assert ascii_fold("Kurs’k  São-Paulo") == "kursk sao paulo"


def test_names_transliteration_folds_meet():
    assert name_key("Avdiivka").keys == name_key("Avdiyivka").keys


def test_names_abbreviated_first_word_written_out():
    assert name_key("St. Petersburg").keys == name_key("Saint Petersburg").keys
    assert name_key("Mt. Pleasant").keys == name_key("Mount Pleasant").keys


@pytest.mark.parametrize("spellings", [
    ("Pokrovske", "Pokrovskoye", "Pokrovskoe"), ("Obukhivka", "Obukhovka"), ("Avdiivka", "Avdeevka"),
    ("Nova Kakhovka", "Novaya Kakhovka"), ("Nove", "Novoye"), ("Krasnyi", "Krasnyy", "Krasniy", "Krasny"),
    ("Kherson", "Herson"), ("Sudzha", "Sudja"), ("Yenakiieve", "Yenakiyeve"),
])
def test_names_ukrainian_and_russian_romanisations_meet(spellings):
    assert len({name_key(s).keys for s in spellings}) == 1


@pytest.mark.parametrize("cyrillic, latin", [("Суджа", "Sudzha"), ("Красная Яруга", "Krasnaya Yaruga"),
                                             ("Харків", "Kharkiv"), ("Енергодар", "Energodar")])
def test_names_cyrillic_gets_the_key_of_its_latin_spelling(cyrillic, latin):
    assert name_key(cyrillic).keys == name_key(latin).keys


def test_names_short_words_keep_their_endings():
    assert name_key("Ny").keys == ("ny",)


def test_names_rules_are_typed_and_frozen():
    rules = name_rules()
    assert rules.adjective_endings["skaya"] == ("sk", "") and ("kh", "h") in rules.spelling
    assert rules.variants["Kharkov"] == "Kharkiv" and "county" in rules.district_words
    with pytest.raises(TypeError):
        rules.abbreviations["st"] = "street"
