from claimgraph.extract.sources import guess_kind


def test_sources_kind_from_name_words():
    assert guess_kind("an aide to the defence minister") == "official"
    assert guess_kind("The Daily Gazette") == "media"
    assert guess_kind("a blogger on Telegram") == "social"
    assert guess_kind("analysts at a think tank") == "expert"
    assert guess_kind("residents of the village") == "witness"
    assert guess_kind("a leaked report") == "document"


def test_sources_unknown_name_has_no_kind():
    assert guess_kind("Maria Petrenko") is None
