from claimgraph.link.origins import Origin, OriginSet
from claimgraph.link.status import StatusState
from claimgraph.model import Evidence
from tests.link.factories import claim

UKRAINE = Origin("General Staff of Ukraine", "official", "Ukraine")
KYIV_MAYOR = Origin("Kyiv City Administration", "official", "Ukraine")
MOSCOW = Origin("Russian Ministry of Defence", "official", "Russia")
WIRE = Origin("Meridian Wire", "media", None)


def state_with(*origins):
    state = StatusState(OriginSet(frozenset()))
    for origin in origins:
        state.origins.add(origin)
    return state


def test_status_one_origin_is_claimed():
    assert state_with(UKRAINE).status() == "claimed"


def test_status_origins_from_one_side_stay_claimed():
    assert state_with(UKRAINE, KYIV_MAYOR).status() == "claimed"


def test_status_origins_from_both_sides_corroborate():
    assert state_with(UKRAINE, MOSCOW).status() == "corroborated"


def test_status_a_neutral_origin_corroborates():
    assert state_with(UKRAINE, WIRE).status() == "corroborated"


def test_status_confirmed_when_someone_checks_another_partys_material():
    state = state_with(WIRE)
    checked = claim("d:0", "x", status="confirmed",
                    evidence=(Evidence(kind="video", publisher="NEXTA", verified_by="GeoTrace Desk"),))
    state.add_confirmation(checked, Origin("GeoTrace Desk", "social", None))
    assert state.status() == "confirmed"


def test_status_self_confirmation_alone_is_not_confirmed():
    state = state_with(MOSCOW)
    state.add_confirmation(claim("d:0", "x", status="confirmed"), MOSCOW)
    assert state.status() == "claimed"


def test_status_material_an_outlet_tells_of_in_its_own_words_is_not_the_verifier_s_own():
    nexta = Origin("NEXTA", "social", None)
    state = state_with(nexta)
    state.add_voice(nexta)
    state.add_confirmation(claim("d:0", "x", status="confirmed"), nexta)
    assert state.status() == "claimed"  # only the verifier speaks of it
    state.add_voice(Origin("Meridian Wire", "media", None))  # "a video circulating on social media"
    assert state.status() == "confirmed"


def test_status_disputed_outranks_everything():
    state = state_with(UKRAINE, MOSCOW)
    state.disputed = True
    assert state.status() == "disputed"
