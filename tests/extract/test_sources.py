from claimgraph.extract.sources import guess_kind


def test_sources_kind_from_name_words():
    assert guess_kind("an aide to the defence minister") == "official"
    assert guess_kind("The Daily Gazette") == "media"
    assert guess_kind("a blogger on Telegram") == "social"
    assert guess_kind("analysts at a think tank") == "expert"
    assert guess_kind("residents of the village") == "witness"
    assert guess_kind("a leaked report") == "document"
    assert guess_kind("Ukraine's air force") == "official"
    assert guess_kind("the Meridian Wire") == "media"
    assert guess_kind("local Telegram channels") == "social"
    assert guess_kind("One woman from a village near the border") == "witness"
    assert guess_kind("a spokesman for the governor") == "official"
    assert guess_kind("The International Atomic Energy Agency") == "official"
    assert guess_kind("the Interfax news agency") == "media"
    assert guess_kind("Satellite images") == "document"


def test_sources_unknown_name_has_no_kind():
    assert guess_kind("Maria Petrenko") is None
