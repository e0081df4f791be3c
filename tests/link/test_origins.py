from claimgraph.link.origins import Origin, OriginSet, author_origin, normalise_name, origin_of, syndication_representatives
from claimgraph.link.rules import load_rules
from tests.link.factories import claim, document, documents, source

RULES = load_rules()
ADVISER = source("Office of the President of Ukraine", "official", "Ukraine")
POST = source("The Washington Post", "media")


def test_origins_relaying_outlet_is_not_the_origin_whatever_the_order():
    docs = documents(document("d1"))
    told = claim("d1:0", "x", chain=(ADVISER, POST))
    according = claim("d1:1", "x", chain=(POST, ADVISER))
    assert origin_of(told, docs["d1"]) == origin_of(according, docs["d1"])
    assert origin_of(told, docs["d1"]).name == "Office of the President of Ukraine"


def test_origins_the_author_s_own_voice_is_no_origin():
    docs = documents(document("d1", author="Miriam Judith"))
    assert origin_of(claim("d1:0", "x"), docs["d1"]) is None


def test_origins_an_outlet_named_as_the_source_of_its_own_reporting_is_one():
    docs = documents(document("d1", outlet="Meridian Wire"))
    saw = claim("d1:0", "x", chain=(source("Meridian Wire correspondents at the scene", "media"),))
    assert origin_of(saw, docs["d1"]).shown() == "Meridian Wire correspondents at the scene"


def test_origins_an_outlet_voice_is_who_checked_a_claim_in_its_own_voice():
    docs = documents(document("d1", author="Anna Kovalenko", outlet="Meridian Wire"),
                     document("d2", author="Daniel Mercer", outlet="Meridian Wire"))
    first, second = (author_origin(docs[d], docs, {}) for d in ("d1", "d2"))
    assert first.name == second.name == "Meridian Wire"


def test_origins_duplicate_document_speaks_with_the_original_s_voice():
    docs = documents(document("d1", author="Sergei Volkov"), document("d2", author="Copy Desk", duplicate_of="d1"))
    assert author_origin(docs["d2"], docs, {}).name == "Sergei Volkov"


def test_origins_syndication_group_speaks_with_one_voice():
    docs = documents(document("d1", "2024-08-12", author="Sergei Volkov", syndication_group="g"),
                     document("d2", "2024-08-13", author="Other Desk", syndication_group="g"))
    assert author_origin(docs["d2"], docs, syndication_representatives(docs)).name == "Sergei Volkov"


def test_origins_normalise_name_drops_article_and_spacing():
    assert normalise_name("  the   Kremlin, ") == "Kremlin"


def test_origins_material_is_read_through_to_who_shows_it_and_unspecified_sources_are_none():
    docs = documents(document("d1", outlet="Meridian Wire"))
    material, unspecified = frozenset({"footage", "map"}), frozenset({"reports"})
    footage = claim("d1:0", "x", chain=(source("Additional geolocated footage", None), POST))
    updated_map = claim("d1:1", "x", chain=(source("the updated map", None),))
    rumour = claim("d1:2", "x", chain=(source("media reports", None),))
    assert origin_of(footage, docs["d1"], material).name == "Washington Post"
    assert origin_of(updated_map, docs["d1"], material) is None
    assert origin_of(updated_map, docs["d1"]).name == "updated map"  # without the word list
    assert origin_of(rumour, docs["d1"], material, unspecified) is None


def test_origins_unknown_name_is_grouped_by_its_key_and_shown_as_written():
    from claimgraph.model import SourceRef
    from claimgraph.resolve.actors import source_name_key

    docs = documents(document("d1"))
    written = [SourceRef(name=name, canonical=source_name_key(name), kind="official")
               for name in ("Ukraine's air force", "the Ukraine air force")]
    origins = [origin_of(claim(f"d1:{i}", "x", chain=(ref,)), docs["d1"]) for i, ref in enumerate(written)]
    assert {o.name for o in origins} == {"ukraine air force"}  # one origin, however written
    assert origins[0].shown() == "Ukraine's air force"
    assert origin_of(claim("d1:3", "x", chain=(ADVISER,)), docs["d1"]).shown() == ADVISER.name


def test_origins_a_surname_standing_for_an_unknown_full_name_counts_as_it_and_is_shown_as_written():
    from claimgraph.model import SourceRef
    from claimgraph.resolve.actors import source_name_key

    docs = documents(document("d1"))
    full = "Harbour master Ivo Tarrant"
    refs = [SourceRef(name=full, canonical=source_name_key(full), kind="official"),
            SourceRef(name="Tarrant", canonical=source_name_key(full), kind="official")]
    origins = [origin_of(claim(f"d1:{i}", "x", chain=(ref,)), docs["d1"]) for i, ref in enumerate(refs)]
    assert origins[0].name == origins[1].name
    assert [o.shown() for o in origins] == [full, "Tarrant"]


def test_origins_one_source_under_several_names_counts_once():
    found = OriginSet(RULES.role_words)
    named = [found.add(Origin(name, "official", None, document=doc)) for name, doc in
             (("Secretary-General Antonio Guterres", "d1"), ("Guterres", "d2"), ("Human Rights Watch (HRW)", "d1"),
              ("HRW", "d3"), ("spokesman", "d1"), ("Kremlin", "d2"))]
    assert len(found) == 3 and named[1] == named[0] and named[3] == named[2]
    assert named[4] == named[2]  # "the spokesman" is the source its article named in full before it


def test_origins_a_role_or_label_with_no_source_named_before_it_in_its_article_is_no_origin():
    found = OriginSet(RULES.role_words)
    found.add(Origin("Kremlin", "official", "Russia", document="d1"))
    assert found.add(Origin("spokesman", "official", None, document="d2")) is None
    assert found.add(Origin("she", None, None, document="d2")) is None
    assert found.add(Origin("Details", None, None, document="d3")) is None
    assert len(found) == 1


def test_origins_names_with_one_head_are_one_source_but_not_names_sharing_a_first_name_or_a_country():
    found = OriginSet(RULES.role_words, generic_words=RULES.generic_name_words)
    names = ("Energy Agency Director General Rafael Grossi", "Rafael Mariano Grossi",
             "Ukraine's state nuclear company Energoatom", "the nuclear operator Energoatom",
             "Governor Oleksandr Prokudin", "emergency service spokesman Oleksandr Khorunzhyi",
             "Ukrainian Ministry of Defence", "Russian Ministry of Defence", "Israeli military spokesman Rear Adm. Daniel Hagari",
             "Israel Defense Forces spokesperson Rear Adm. Daniel Hagari")
    counted = [found.add(Origin(name, "official", None, label=name, document=f"d{i}")) for i, name in enumerate(names)]
    assert counted[1] == counted[0] and counted[3] == counted[2] and counted[9] == counted[8]
    assert len({o.key for o in counted}) == len(found) == 7


def test_origins_a_pronoun_standing_for_an_unknown_name_is_shown_as_the_article_wrote_that_name():
    from claimgraph.model import Document, SourceRef
    from claimgraph.resolve.actors import source_name_key

    text = "One woman, Mira Dolan, 71, waded out of her street. \"Everything is gone,\" she said."
    full = "One woman, Mira Dolan, 71"
    said = claim("d1:0", "Everything is gone", chain=(SourceRef(name="she", canonical=source_name_key(full)),))
    assert origin_of(said, Document(id="d1", text=text)).shown() == full
    assert origin_of(said, Document(id="d1", text="Everything is gone, she said.")).shown() == "she"  # not written


def test_origins_indications_and_evidence_are_material_not_a_source():
    from claimgraph.link.rules import load_rules

    docs = documents(document("d1"))
    material = load_rules().material_sources
    chain = (source("all indications", "other"), source("Port authority spokesman Ivo Marek", "official"))
    assert origin_of(claim("d1:0", "x", chain=chain), docs["d1"], material).name == "Port authority spokesman Ivo Marek"
