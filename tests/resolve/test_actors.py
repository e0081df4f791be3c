from __future__ import annotations

import pytest

from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.settings import Settings


@pytest.fixture(scope="module")
def catalogue() -> ActorCatalogue:
    return ActorCatalogue.load()


@pytest.mark.parametrize("name", ["Zelensky", "Zelenskyy", "Zelenskiy", "an adviser to Zelensky",
                                  "Zelensky's advisor", "the Zelensky adviser",
                                  "an advisor to Ukrainian President Volodymyr Zelensky"])
def test_actors_zelensky_and_advisers_are_his_office(catalogue, name):
    entity = catalogue.lookup(name)
    assert (entity.canonical, entity.kind, entity.side) == ("Office of the President of Ukraine", "official", "Ukraine")


@pytest.mark.parametrize("name", ["Russian MoD", "Russia's defense ministry", "Moscow's defence ministry",
                                  "the Ministry of Defence of the Russian Federation", "Russian Defence Ministry"])
def test_actors_russian_defence_ministry_names(catalogue, name):
    assert catalogue.lookup(name).canonical == "Ministry of Defence of the Russian Federation"


@pytest.mark.parametrize("name, canonical, kind, side", [
    ("acting governor Alexei Smirnov", "Kursk Oblast administration", "official", "Russia"),
    ("Alexey Smirnov", "Kursk Oblast administration", "official", "Russia"),
    ("@nexta_tv", "NEXTA", "media", "other"),
    ("Rybar", "Rybar", "social", "Russia"),
    ("DeepState", "DeepState", "social", "Ukraine"),
    ("the Institute for the Study of War", "Institute for the Study of War", "expert", "neutral"),
    ("The Washington Post", "The Washington Post", "media", None),
    ("Ukrainian forces", "Armed Forces of Ukraine", "official", "Ukraine"),
    ("Ukrainian personnel", "Armed Forces of Ukraine", "official", "Ukraine"),
    ("Russian soldiers", "Armed Forces of the Russian Federation", "official", "Russia"),
    ("the Kremlin", "Kremlin", "official", "Russia"),
    ("TASS", "TASS", "media", "Russia"),
])
def test_actors_catalogue_entries(catalogue, name, canonical, kind, side):
    entity = catalogue.lookup(name)
    assert (entity.canonical, entity.kind, entity.side) == (canonical, kind, side)


@pytest.mark.parametrize("name, canonical, side", [
    ("an Israeli army spokesman", "Israel Defense Forces", "Israel"),
    ("the IDF", "Israel Defense Forces", "Israel"),
    ("Israel", "Government of Israel", "Israel"),
    ("Israel's prime minister", "Prime Minister of Israel", "Israel"),
    ("the health ministry in Gaza", "Gaza Health Ministry", "Palestinian"),
    ("the Hamas-run health ministry", "Gaza Health Ministry", "Palestinian"),
    ("a Hamas spokesman", "Hamas", "Palestinian"),
    ("Palestinian officials", "Palestinian officials", "Palestinian"),
    ("a senior U.S. intelligence official", "US intelligence community", "US"),
    ("the U.S. State Department", "US Department of State", "US"),
    ("Britain's defence ministry", "British Ministry of Defence", "UK"),
    ("the U.N. nuclear watchdog", "International Atomic Energy Agency (IAEA)", "neutral"),
    ("the U.N. secretary-general", "UN Secretary-General", "neutral"),
    ("a Red Cross spokeswoman", "International Committee of the Red Cross", "neutral"),
    ("WHO", "World Health Organization", "neutral"),
    ("Ukraine's state nuclear energy company", "Energoatom", "Ukraine"),
    ("the Russian-installed governor of Kherson region", "Russian-installed Kherson administration", "Russia"),
    ("the head of the so-called Donetsk People's Republic", "Donetsk People's Republic authorities (DPR)", "Russia"),
    ("Ukraine's emergency services", "State Emergency Service of Ukraine", "Ukraine"),
])
def test_actors_catalogue_reaches_beyond_russia_and_ukraine(catalogue, name, canonical, side):
    entity = catalogue.lookup(name)
    assert (entity.canonical, entity.side) == (canonical, side)


@pytest.mark.parametrize("name, key", [("U.S. officials", "us officials"), ("the U.N. envoy", "un envoy"),
                                       ("a U.K. minister", "uk ministry")])
def test_actors_dotted_abbreviations_read_as_one_word(catalogue, name, key):
    assert " ".join(catalogue.tokens(name)) == key


def test_actors_unknown_name_grouped_by_normalised_form(catalogue):
    assert catalogue.lookup("A Local Resident") is None
    assert catalogue.canonical("A local resident,").canonical == catalogue.canonical("local resident").canonical


def test_actors_user_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "actors.yaml"
    extra.write_text(
        "words: {oblenergo: energy company}\n"
        "entities:\n"
        "  - {canonical: Sumy Oblenergo, kind: official, side: Ukraine, patterns: [sumy energy company]}\n"
        "  - {canonical: NEXTA, kind: media, side: neutral, patterns: [nexta]}\n",
        encoding="utf-8",
    )
    catalogue = ActorCatalogue.load(Settings.load(actors_file=str(extra)))
    assert catalogue.lookup("Sumy Oblenergo").canonical == "Sumy Oblenergo"
    assert catalogue.lookup("NEXTA").side == "neutral"
    assert catalogue.lookup("Rybar").canonical == "Rybar"


@pytest.mark.parametrize("name", ["A Russian military blogger", "Ukrainian residents", "a pro-Russian channel",
                                  "a Kyiv-based analyst"])
def test_actors_person_described_by_affiliation_is_not_the_institution(catalogue, name):
    assert catalogue.lookup(name) is None


def test_actors_institution_still_matches_without_a_person_role(catalogue):
    assert catalogue.lookup("the Russian military").canonical == "Armed Forces of the Russian Federation"


@pytest.mark.parametrize("name, canonical", [("The pro-war channel Rybar", "Rybar"),
                                             ("DeepState's analysts", "DeepState"),
                                             ("ISW analysts", "Institute for the Study of War")])
def test_actors_person_role_the_entity_lists_still_names_it(catalogue, name, canonical):
    assert catalogue.lookup(name).canonical == canonical



@pytest.mark.parametrize("name, canonical", [
    ("Kyiv", "Government of Ukraine"), ("Ukraine", "Government of Ukraine"),
    ("Moscow", "Government of the Russian Federation"), ("Russia", "Government of the Russian Federation"),
])
def test_actors_capital_or_country_alone_is_its_government(catalogue, name, canonical):
    assert catalogue.lookup(name).canonical == canonical


@pytest.mark.parametrize("name", ["Kyiv residents", "Ukraine's air force", "Ukrainian families",
                                  "Russian emergency officials"])
def test_actors_government_names_match_only_whole(catalogue, name):
    entity = catalogue.lookup(name)
    assert entity is None or not entity.canonical.startswith("Government of")


@pytest.mark.parametrize("name, kind, side", [
    ("Ukrainian officials", "anonymous", "Ukraine"), ("a pro-Russian channel", "social", "Russia"),
    ("Russian state television", "media", "Russia"), ("Residents of the Russian-held bank", "witness", None),
    ("officials in Kyiv and Moscow", "anonymous", None), ("independent analysts", "expert", None),
])
def test_actors_unknown_name_takes_the_side_its_words_name(catalogue, name, kind, side):
    assert catalogue.side_of(name, kind) == side


@pytest.mark.parametrize("name, canonical", [
    ("Ukrainian and Russian authorities", "Government of Ukraine"),
    ("separatist fighters and Russian officials", "Government of the Russian Federation"),
    ("local farmers and fishermen", None),
])
def test_actors_joint_name_is_its_first_known_party(catalogue, name, canonical):
    entity = catalogue.lookup_joint(name)
    assert (entity.canonical if entity else None) == canonical


@pytest.mark.parametrize(("name", "seat"), [
    ("the IAEA", ("Vienna", "AT")), ("UN Secretary-General Antonio Guterres", ("New York City", "US")),
    ("Russia's defence ministry", ("Moscow", "RU")), ("the World Health Organization", ("Geneva", "CH")),
    ("a senator of the Federation Council", ("Moscow", "RU")), ("a member of the Verkhovna Rada", ("Kyiv", "UA")),
    ("Ukrainian troops", None), ("the Kherson regional military administration", None)])
def test_actors_governments_legislatures_and_international_bodies_have_a_seat(catalogue, name, seat):
    entity = catalogue.lookup(name)
    assert entity is not None
    assert ((entity.seat.place, entity.seat.country) if entity.seat else None) == seat


def test_actors_user_file_gives_a_seat(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("entities:\n  - canonical: Harbour Board\n    patterns: [harbour board]\n"
                    "    seat: {place: Odesa, country: UA}\n", encoding="utf-8")
    entity = ActorCatalogue.load(Settings.load(actors_file=str(path))).lookup("the harbour board")
    assert (entity.seat.place, entity.seat.country) == ("Odesa", "UA")


@pytest.mark.parametrize("name, canonical, side", [
    ("Министерство обороны Украины", "Ministry of Defence of Ukraine", "Ukraine"),
    ("Минобороны России", "Ministry of Defence of the Russian Federation", "Russia"),
    ("Киев", "Government of Ukraine", "Ukraine"),
    ("Украинские официальные лица", "Government of Ukraine", "Ukraine"),
    ("губернатор Вячеслав Гладков", "Belgorod Oblast administration", "Russia"),  # romanised: gladkov
    ("Дмитрий Песков", "Kremlin", "Russia"),
    ("Государственная служба по чрезвычайным ситуациям Украины", "State Emergency Service of Ukraine", "Ukraine"),
    ("ГСЧС Украины", "State Emergency Service of Ukraine", "Ukraine"),
    ("глава администрации Новой Каховки Владимир Леонтьев", "Russian-installed Nova Kakhovka administration", "Russia"),
])
def test_actors_russian_names_through_the_word_map_and_romanisation(catalogue, name, canonical, side):
    entity = catalogue.lookup(name)
    assert (entity.canonical, entity.side) == (canonical, side)


def test_actors_a_latin_name_is_not_romanised_again(catalogue):
    assert catalogue.tokens("Energoatom") == ["energoatom"] and catalogue.tokens("Энергоатом") == ["energoatom"]
