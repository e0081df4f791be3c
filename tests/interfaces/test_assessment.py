"""What the ledger says about an event, in words: estimative phrases, happenings, headlines."""

from __future__ import annotations

import pytest

from claimgraph.interfaces.assessment import estimate, gather, headline, is_happening
from claimgraph.model import Actor, Contradiction, Cue, Evidence, SourceRef
from claimgraph.resolve.actors import ActorCatalogue
from tests.store.factories import make_claim, make_document, make_event

DOC = make_document("Text written for the assessment tests.", outlet="Example Daily")
RYBAR = SourceRef(name="Rybar", canonical="Rybar", kind="social", side="Russia")
KYIV = SourceRef(name="Kyiv", canonical="Government of Ukraine", kind="official", side="Ukraine")
LONDON = SourceRef(name="British Ministry of Defence", canonical="British Ministry of Defence", kind="official",
                   side="UK")
ANALYST = SourceRef(name="an independent analyst", kind="expert")


def facts_of(status: str, claims, origins, **event_fields):
    event = make_event("e1", claims, status=status, origins=origins, independent_sources=len(origins),
                       **event_fields)
    return gather(event, claims, {DOC.id: DOC}, ActorCatalogue.load())


def claim(index: int, text: str, chain=(), **fields):
    return make_claim(DOC, index, text=text, source_chain=list(chain), **fields)


def test_assessment_corroborated_from_both_sides_names_each_origin_and_side():
    claims = [claim(0, "Troops took the village of Oleshnya", [RYBAR]), claim(1, "Troops took Oleshnya", [KYIV])]
    assert estimate(facts_of("corroborated", claims, ["Rybar", "Government of Ukraine"])) == (
        "Corroborated by two independent origins from both sides: Rybar (Russia), Government of Ukraine (Ukraine)")


def test_assessment_corroborated_by_a_neutral_origin_says_so():
    claims = [claim(0, "Troops took the village of Oleshnya", [RYBAR]), claim(1, "Troops took it", [ANALYST])]
    assert estimate(facts_of("corroborated", claims, ["Rybar", "an independent analyst"])) == (
        "Corroborated by two independent origins, one of them neutral or of no stated side: Rybar (Russia), "
        "an independent analyst")


@pytest.mark.parametrize("evidence, cues, said", [
    ([Evidence(kind="video", method="geolocation")], [], "Confirmed by geolocated video (Example Daily)"),
    ([Evidence(kind="satellite")], [], "Confirmed by satellite imagery (Example Daily)"),
    ([], [Cue(text="geolocated", span=(0, 10))], "Confirmed by geolocated footage (Example Daily)"),
    ([], [Cue(text="confirmed", span=(0, 9))], "Confirmed by Example Daily"),
])
def test_assessment_confirmed_says_how_and_by_whom(evidence, cues, said):
    checked = claim(0, "A bridge over the river was destroyed", status="confirmed", evidence=evidence,
                    status_cues=cues)
    assert estimate(facts_of("confirmed", [checked], ["Example Daily"])) == said


def test_assessment_claimed_only_by_one_origin_or_one_side():
    one = [claim(0, "Troops took the village of Oleshnya", [RYBAR])]
    assert estimate(facts_of("claimed", one, ["Rybar"])) == "Claimed only by Rybar (Russia)"
    mod = SourceRef(name="the Russian defence ministry", canonical="Ministry of Defence of the Russian Federation",
                    kind="official", side="Russia")
    two = one + [claim(1, "Troops took Oleshnya", [mod])]
    assert estimate(facts_of("claimed", two, ["Rybar", mod.canonical])) == (
        "Claimed by two origins, all on the Russia side: Rybar (Russia), Ministry of Defence of the Russian "
        "Federation (Russia)")
    own = [claim(0, "Troops took the village of Oleshnya")]
    assert estimate(facts_of("claimed", own, ["Example Daily"])) == "Stated only by Example Daily, naming no source"


def test_assessment_disputed_says_who_says_what_and_who_denies_it():
    said = claim(0, "Ukrainian troops took Oleshnya", [KYIV])
    denied = claim(1, "Oleshnya had fallen", [RYBAR], status="denied")
    assert estimate(facts_of("disputed", [said, denied], ["Government of Ukraine", "Rybar"])) == (
        "Disputed. Government of Ukraine: “Ukrainian troops took Oleshnya”. Denied by Rybar")
    low = claim(1, "200 soldiers crossed the river", [RYBAR])
    contradiction = Contradiction(claims=[said.id, low.id], kind="quantity", note="200 vs 1000 soldiers")
    assert estimate(facts_of("disputed", [said, low], ["Government of Ukraine", "Rybar"],
                             contradictions=[contradiction])) == (
        "Disputed. Government of Ukraine: “Ukrainian troops took Oleshnya”. Rybar: “200 soldiers crossed the river”")


def test_assessment_a_denial_stands_against_the_claim_accusing_the_denier_not_the_denier_s_own():
    own_account = claim(0, "Russian forces shelled the plant", [KYIV])
    aside = claim(1, "Russian forces fire from the plant", [LONDON])
    accusation = claim(2, "Ukraine shelled the plant", [RYBAR],
                       actors=[Actor(text="Ukraine", canonical="Government of Ukraine", side="Ukraine", role="agent")])
    denial = claim(3, "Kyiv denied targeting the plant", [KYIV], status="denied")
    origins = ["Government of Ukraine", "British Ministry of Defence", "Rybar"]
    assert estimate(facts_of("disputed", [own_account, aside, accusation, denial], origins)) == (
        "Disputed. Rybar: “Ukraine shelled the plant”. Denied by Government of Ukraine")
    assert estimate(facts_of("disputed", [own_account, aside, denial], origins)) == (
        "Disputed. British Ministry of Defence: “Russian forces fire from the plant”. Denied by Government of Ukraine")


@pytest.mark.parametrize("text, fields, happened", [
    ("Russian forces shelled the bridge near Glushkovo", {}, True),
    ("Russian officials did not comment on the fighting", {}, False),
    ("The claim could not be independently verified", {}, False),
    ("It was not clear whether these were permanent positions", {}, False),
    ("Kyiv said", {}, False),
    ("Troops will attack the town next week", {"status": "speculative"}, False),
    ("Residents asked for buses to leave the town", {"event_type": "request"}, False),
])
def test_assessment_tells_happenings_from_remarks_fragments_and_forecasts(text, fields, happened):
    assert is_happening(claim(0, text, **fields)) is happened


def test_assessment_headline_names_the_subject_and_prefers_the_surer_claim():
    vague = claim(0, "It published a video of soldiers raising a flag", [RYBAR])
    hedged = claim(1, "Russian troops may have raised a flag over Sudzha", [RYBAR], status="hedged")
    reported = claim(2, "Russian troops raised a flag over Sudzha", [RYBAR])
    remark = claim(3, "Russian officials did not comment", [RYBAR])
    assert headline(facts_of("claimed", [vague, hedged, reported, remark], ["Rybar"])) == reported
    assert headline(facts_of("claimed", [vague], ["Rybar"])) == vague  # a pronoun, when nothing better
    assert headline(facts_of("claimed", [remark], ["Rybar"])) is None


def test_assessment_headline_prefers_a_claim_naming_the_happening_to_a_remark_beside_it():
    remark = claim(0, "Before the war Sudzha had about 5,000 residents", [RYBAR])
    happening = claim(1, "Ukrainian troops entered Sudzha", [RYBAR])
    assert headline(facts_of("claimed", [remark, happening], ["Rybar"])) == happening
