from claimgraph.link.origins import author_origin, normalise_name, origin_of, syndication_representatives
from tests.link.factories import claim, document, documents, source

ADVISER = source("Office of the President of Ukraine", "official", "Ukraine")
POST = source("The Washington Post", "media")


def test_origins_relaying_outlet_is_not_the_origin_whatever_the_order():
    docs = documents(document("d1"))
    told = claim("d1:0", "x", chain=(ADVISER, POST))
    according = claim("d1:1", "x", chain=(POST, ADVISER))
    assert origin_of(told, docs["d1"], docs, {}) == origin_of(according, docs["d1"], docs, {})
    assert origin_of(told, docs["d1"], docs, {}).name == "Office of the President of Ukraine"


def test_origins_author_voice_claim_is_credited_to_the_document_author():
    docs = documents(document("d1", author="Miriam Judith"))
    origin = origin_of(claim("d1:0", "x"), docs["d1"], docs, {})
    assert (origin.name, origin.kind) == ("Miriam Judith", "author")


def test_origins_two_reporters_of_one_outlet_are_one_origin():
    docs = documents(document("d1", author="Anna Kovalenko", outlet="Meridian Wire"),
                     document("d2", author="Daniel Mercer", outlet="Meridian Wire"))
    first, second = (origin_of(claim(f"{d}:0", "x"), docs[d], docs, {}) for d in ("d1", "d2"))
    assert first == second and first.name == "Meridian Wire"


def test_origins_duplicate_document_credits_the_original_author():
    docs = documents(document("d1", author="Sergei Volkov"), document("d2", author="Copy Desk", duplicate_of="d1"))
    assert author_origin(docs["d2"], docs, {}).name == "Sergei Volkov"


def test_origins_syndication_group_is_one_origin():
    docs = documents(document("d1", "2024-08-12", author="Sergei Volkov", syndication_group="g"),
                     document("d2", "2024-08-13", author="Other Desk", syndication_group="g"))
    representatives = syndication_representatives(docs)
    assert author_origin(docs["d2"], docs, representatives).name == "Sergei Volkov"


def test_origins_normalise_name_drops_article_and_spacing():
    assert normalise_name("  the   Kremlin, ") == "Kremlin"


def test_origins_material_is_read_through_to_who_shows_it():
    docs = documents(document("d1", author="Anna Kovalenko", outlet="Meridian Wire"))
    material = frozenset({"footage", "map"})
    footage = claim("d1:0", "x", chain=(source("Additional geolocated footage", None), POST))
    updated_map = claim("d1:1", "x", chain=(source("the updated map", None),))
    assert origin_of(footage, docs["d1"], docs, {}, material).name == "Washington Post"
    assert origin_of(updated_map, docs["d1"], docs, {}, material).name == "Meridian Wire"
    assert origin_of(updated_map, docs["d1"], docs, {}).name == "updated map"  # without the word list


def test_origins_unknown_name_is_grouped_by_its_key_and_shown_as_written():
    from claimgraph.model import SourceRef
    from claimgraph.resolve.actors import source_name_key

    docs = documents(document("d1"))
    written = [SourceRef(name=name, canonical=source_name_key(name), kind="official")
               for name in ("Ukraine's air force", "the Ukraine air force")]
    origins = [origin_of(claim(f"d1:{i}", "x", chain=(ref,)), docs["d1"], docs, {}) for i, ref in enumerate(written)]
    assert {o.name for o in origins} == {"ukraine air force"}  # one origin, however written
    assert origins[0].shown() == "Ukraine's air force"
    assert origin_of(claim("d1:3", "x", chain=(ADVISER,)), docs["d1"], docs, {}).shown() == ADVISER.name


def test_origins_outlet_voice_takes_the_side_the_outlet_writes_for():
    from claimgraph.resolve.actors import ActorCatalogue

    docs = documents(document("d1", outlet="Rybar"), document("d2", outlet="Dnipro Daily"))
    side_of = ActorCatalogue.load().side_of_entity
    assert origin_of(claim("d1:0", "x"), docs["d1"], docs, {}, outlet_side=side_of).side == "Russia"
    assert origin_of(claim("d2:0", "x"), docs["d2"], docs, {}, outlet_side=side_of).side is None
