from __future__ import annotations

import pytest

from claimgraph.model import Actor, Claim, Document, Place, Quantity, SourceRef, TimeSpan
from claimgraph.resolve import Resolver
from claimgraph.settings import Settings

TEXT = ("date 2024-08-09 Guest Post\n\nOur troops pushed into the Kursk region this week, an adviser to "
        "Zelensky said. In three days Ukrainian forces took approximately 300 kilometers of territory "
        "and hundreds of prisoners near Sudzha, according to The Washington Post.")


def span(name: str) -> tuple[int, int]:
    start = TEXT.index(name)
    return start, start + len(name)


def claim() -> Claim:
    sentence = span("In three days Ukrainian forces took approximately 300 kilometers of territory "
                    "and hundreds of prisoners near Sudzha")
    return Claim(
        id="d:1", text=TEXT[sentence[0]:sentence[1]], span=sentence, sentence_span=sentence,
        places=[Place(text="Sudzha", span=span("Sudzha"))],
        time=TimeSpan(text="In three days", span=span("In three days")),
        quantities=[Quantity(text="approximately 300 kilometers", span=span("approximately 300 kilometers")),
                    Quantity(text="hundreds of prisoners", span=span("hundreds of prisoners"))],
        source_chain=[SourceRef(name="an adviser to Zelensky", cue="said", kind="anonymous"),
                      SourceRef(name="The Washington Post", cue="according to")],
        actors=[Actor(text="Ukrainian forces", role="agent", span=span("Ukrainian forces"))],
    )


@pytest.fixture()
def resolver(gazetteer) -> Resolver:
    return Resolver(Settings.load(), gazetteer=gazetteer)


def test_resolver_fills_claim_values(resolver):
    document = Document(id="d", text=TEXT, published="2024-08-09",
                        places=[Place(text="Kursk", span=span("Kursk"))])
    _, [resolved] = resolver.resolve(document, [claim()])
    assert resolved.places[0].geonameid == 486816
    assert (resolved.time.start, resolved.time.end, resolved.time.span) == ("2024-08-06", "2024-08-09", span("In three days"))
    area, prisoners = resolved.quantities
    assert area.unit_mismatch and area.approximate and prisoners.conservative == 100
    assert [s.canonical for s in resolved.source_chain] == ["Office of the President of Ukraine", "The Washington Post"]
    assert resolved.source_chain[0].kind == "official" and resolved.source_chain[0].side == "Ukraine"
    assert (resolved.actors[0].canonical, resolved.actors[0].side) == ("Armed Forces of Ukraine", "Ukraine")


def test_resolver_document_places_include_gazetteer_finds_and_demonyms(resolver):
    document = Document(id="d", text=TEXT, published="2024-08-09",
                        places=[Place(text="Kursk", span=span("Kursk"))])
    resolved, _ = resolver.resolve(document, [claim()])
    by_text = {p.text: p for p in resolved.places}
    assert by_text["Kursk"].geonameid == 538555 and by_text["Kursk"].precision == "region"
    assert by_text["Sudzha"].admin1 == "Kursk Oblast"
    assert by_text["Ukrainian"].role == "demonym" and by_text["Ukrainian"].country == "UA"
    assert [p.span for p in resolved.places] == sorted(p.span for p in resolved.places)


def test_resolver_a_place_inside_an_outlets_name_is_listed_but_locates_nothing(resolver):
    text = "The Kyiv Independent reported that a bridge collapsed."
    bridge = Claim(id="d:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)))
    resolved, [located] = resolver.resolve(Document(id="d", text=text), [bridge])
    assert [(p.text, p.in_name, p.geonameid) for p in resolved.places] == [("Kyiv", True, 703448)]
    assert not resolved.places[0].locates
    assert located.location is None


def test_resolver_does_not_change_its_inputs(resolver):
    document = Document(id="d", text=TEXT, published="2024-08-09")
    original = claim()
    resolver.resolve(document, [original])
    assert original.time.start is None and original.source_chain[0].canonical is None


def test_resolver_without_publication_date_leaves_relative_time_unresolved(resolver):
    _, [resolved] = resolver.resolve(Document(id="d", text=TEXT), [claim()])
    assert not resolved.time.resolved and resolved.time.start is None and resolved.time.note


def test_resolver_finds_quantities_when_extractor_gave_none(resolver):
    bare = claim().model_copy(update={"quantities": []})
    _, [resolved] = resolver.resolve(Document(id="d", text=TEXT, published="2024-08-09"), [bare])
    assert [TEXT[q.span[0]:q.span[1]] for q in resolved.quantities] == [
        "approximately 300 kilometers", "hundreds of prisoners"]


def test_resolver_reads_the_number_phrase_around_a_partial_mention(resolver):
    text = "Between 20 and 30 soldiers were killed in the strike, officials said."
    mention = Quantity(text="30 soldiers", span=(text.index("30"), text.index("30") + len("30 soldiers")))
    killed = claim().model_copy(update={"text": text[:52], "span": (0, 52), "sentence_span": (0, 52),
                                        "quantities": [mention], "places": [], "time": None, "actors": []})
    _, [resolved] = resolver.resolve(Document(id="d", text=text), [killed])
    [quantity] = resolved.quantities
    assert (quantity.min, quantity.max, quantity.conservative, quantity.unit) == (20, 30, 20, "soldiers")
    assert text[quantity.span[0]:quantity.span[1]] == "Between 20 and 30 soldiers"


def test_resolver_unknown_source_keeps_name_and_kind(resolver):
    unknown = claim().model_copy(update={"source_chain": [SourceRef(name="A local resident", kind="witness")]})
    _, [resolved] = resolver.resolve(Document(id="d", text=TEXT), [unknown])
    assert (resolved.source_chain[0].canonical, resolved.source_chain[0].kind) == ("local resident", "witness")


@pytest.mark.slow
def test_resolver_seed_kursk_region_is_the_oblast(seed_path):
    from claimgraph.resolve.geoparse import distance_km

    text = seed_path.read_text(encoding="utf-8")
    start = text.index("the Kursk region") + len("the ")
    document = Document(id="seed", text=text, published="2024-08-09",
                        places=[Place(text="Kursk", span=(start, start + 5))])
    resolved, _ = Resolver(Settings.load()).resolve(document, [])
    kursk = next(p for p in resolved.places if p.span == (start, start + 5))
    assert kursk.name == "Kursk Oblast" and kursk.country == "RU" and kursk.geonameid == 538555
    assert distance_km(kursk.lat, kursk.lon, 51.7, 36.2) < 161


def test_resolver_impossible_date_leaves_the_claim_undated(resolver):
    text = "Officials said the bridge near Sudzha was destroyed on February 30, 2024."
    when = text.index("February 30, 2024")
    bad = Claim(id="d:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)),
                time=TimeSpan(text="February 30, 2024", span=(when, when + 17)))
    _, [resolved] = resolver.resolve(Document(id="d", text=text, published="2024-03-02"), [bad])
    assert (resolved.time.resolved, resolved.time.start) == (False, None)
    assert "not a real date" in resolved.time.note


def test_resolver_claims_get_a_location_with_its_basis(resolver):
    document = Document(id="d", text=TEXT, published="2024-08-09", places=[Place(text="Kursk", span=span("Kursk"))])
    first = span("Our troops pushed into the Kursk region this week")
    pushed = Claim(id="d:0", text=TEXT[first[0]:first[1]], span=first, sentence_span=first)
    _, [located, near_sudzha] = resolver.resolve(document, [pushed, claim()])
    assert (located.location.name, located.location.basis, located.location.geo_precision) == ("Kursk Oblast", "sentence", 3)
    assert (near_sudzha.location.name, near_sudzha.location.basis, near_sudzha.location.geo_precision) == (
        "Sudzha", "sentence", 1)


def test_resolver_named_things_are_no_places_and_model_numbers_no_counts(resolver):
    text = "A Mi-28 helicopter was downed near Sudzha, Deep State reported."
    document = Document(id="d", text=text, published="2024-08-09",
                        places=[Place(text="Deep State", span=(text.index("Deep State"), text.index("Deep State") + 10))])
    start = text.index("28")
    downed = Claim(id="d:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)),
                   places=[Place(text="Deep State", span=(text.index("Deep State"), text.index("Deep State") + 10))],
                   quantities=[Quantity(text="28 helicopter", span=(start, start + 13))])
    resolved_doc, [resolved] = resolver.resolve(document, [downed])
    assert "Deep State" not in [p.text for p in resolved_doc.places] and resolved.places == []
    assert resolved.quantities == [] and resolved.location.name == "Sudzha"


def test_resolver_a_digest_page_dates_each_item_on_its_own(resolver):
    text = "Roundup\n\n5 August 2022\nShelling hit the depot.\n\n6 August 2022\nYesterday two drones fell.\n"
    claims = [Claim(id=f"d:{n}", text=s, span=(text.index(s), text.index(s) + len(s)),
                    sentence_span=(text.index(s), text.index(s) + len(s)),
                    time=TimeSpan(text="Yesterday", span=(text.index("Yesterday"), text.index("Yesterday") + 9))
                    if s.startswith("Yesterday") else None)
              for n, s in enumerate(["Shelling hit the depot.", "Yesterday two drones fell."])]
    _, [depot, drones] = resolver.resolve(Document(id="d", text=text, published="2022-08-09"), claims)
    assert (depot.time.start, depot.time.precision) == ("2022-08-05", "day")
    assert drones.time.start == "2022-08-05"  # the day before its item's, not before publication


def test_resolver_a_day_earlier_counts_from_the_day_given_before_it(resolver):
    text = "Rockets hit the depot on Saturday. A day earlier, a drone fell near the gate."
    claims = [Claim(id=f"d:{n}", text=s, span=(text.index(s), text.index(s) + len(s)),
                    sentence_span=(text.index(s), text.index(s) + len(s)),
                    time=TimeSpan(text=t, span=(text.index(t), text.index(t) + len(t))))
              for n, (s, t) in enumerate([("Rockets hit the depot on Saturday.", "on Saturday"),
                                          ("A day earlier, a drone fell near the gate.", "A day earlier")])]
    _, [depot, drone] = resolver.resolve(Document(id="d", text=text, published="2022-08-08"), claims)
    assert (depot.time.start, drone.time.start) == ("2022-08-06", "2022-08-05")  # not the day before publication


def test_resolver_a_local_body_is_the_dateline_towns(resolver):
    text = 'Rockets Hit the Plant\n\nENERGODAR, Ukraine (Wire) - "Two rockets fell," the administration spokesperson said.'
    at = text.index("the administration spokesperson")
    spokesperson = SourceRef(name="the administration spokesperson", span=(at, at + 31))
    said = Claim(id="d:0", text="Two rockets fell", span=(62, 78), sentence_span=(62, 78), source_chain=[spokesperson])
    town = (text.index("ENERGODAR"), text.index("ENERGODAR") + 9)
    document = Document(id="d", text=text, openers=[(town[0], text.index(" - ") + 2)],
                        places=[Place(text="ENERGODAR", span=town)])
    _, [resolved] = resolver.resolve(document, [said])
    assert resolved.source_chain[0].canonical == "Russian-installed Enerhodar administration"


@pytest.mark.slow
def test_resolver_the_dnipro_named_in_russian_is_the_river_as_in_english():
    # The Russian extractor names a place in the nominative ("Днепр") at its written form ("Днепра").
    text = "Вода поднялась ниже по течению Днепра."
    start = text.index("Днепра")
    document = Document(id="ru", text=text, language="ru", published="2023-06-06",
                        places=[Place(text="Днепр", span=(start, start + 6))])
    resolved, _ = Resolver(Settings.load()).resolve(document, [])
    [river] = resolved.places
    assert (river.name, river.feature) == ("Dnipro", "STM")
