"""Document context in toponym resolution, on an invented map (names, ids and points made up),
so each test sets up exactly the ambiguity it is about."""

from __future__ import annotations

import pytest

from claimgraph.model import Place
from claimgraph.resolve.gazetteer import PlaceRow
from claimgraph.resolve.geoparse import Context, _mention, resolve_places
from tests.resolve.invented import invented_gazetteer, resolve

# First-level regions of one country: R1 in the north-east, R2 in the south-west, R3 holding
# the capital and R4, a region named like the capital.
PLACES = [
    PlaceRow(1, "Alder", 40.0, -100.0, "US", "US.R1", "PPL", 50_000, ()),
    PlaceRow(2, "Birch", 40.0, -90.0, "US", "US.R1", "PPL", 40_000, ()),
    PlaceRow(3, "Cedar County", 45.0, -95.0, "US", "US.R1", "ADM2", 10_000, ()),
    PlaceRow(4, "Cedar County", 33.0, -95.0, "US", "US.R2", "ADM2", 600_000, ()),
    PlaceRow(5, "Dunmore", 35.0, -80.0, "US", "US.R1", "PPL", 3_000, ("Eastport",)),
    PlaceRow(6, "Eastport", 30.0, -110.0, "US", "US.R2", "PPL", 60_000, ()),
    PlaceRow(7, "Fenwick County", 35.1, -80.1, "US", "US.R1", "ADM2", 20_000, ()),
    PlaceRow(8, "Granby", 44.0, -70.0, "US", "US.R1", "PPL", 200_000, ()),
    PlaceRow(9, "Granby", 31.0, -100.0, "US", "US.R2", "PPL", 15_000, ()),
    PlaceRow(10, "Hollis County", 44.1, -70.1, "US", "US.R1", "ADM2", 60_000, ()),
    PlaceRow(11, "Hollis County", 31.1, -100.1, "US", "US.R2", "ADM2", 70_000, ()),
    PlaceRow(12, "Kingsport", 38.0, -77.0, "US", "US.R3", "PPLC", 700_000, ()),
    PlaceRow(13, "Kingsport", 47.0, -120.0, "US", "US.R4", "ADM1", 100_000_000, ()),
    PlaceRow(14, "Westmark", 32.0, -98.0, "US", "US.R2", "ADM1", 5_000_000, ()),
    PlaceRow(15, "Nolan", 41.0, -85.0, "US", "US.R1", "PPL", 80_000, ()),
    PlaceRow(16, "Nolan", 32.5, -97.0, "US", "US.R2", "PPL", 5_000, ()),
    # a large Harlow in R1 with a Tamsin County ~135 km off, and a smaller pair lying together in R2
    PlaceRow(30, "Harlow", 44.0, -80.0, "US", "US.R1", "PPL", 200_000, ()),
    PlaceRow(31, "Harlow", 30.0, -95.0, "US", "US.R2", "PPL", 40_000, ()),
    PlaceRow(32, "Tamsin County", 45.0, -81.0, "US", "US.R1", "ADM2", 20_000, ()),
    PlaceRow(33, "Tamsin County", 30.1, -95.1, "US", "US.R2", "ADM2", 40_000, ()),
    # R5 is named like its largest city, which bears the bare name only as an alternate name
    PlaceRow(40, "Kestrel", 43.0, -75.0, "US", "US.R5", "ADM1", 19_000_000, ()),
    PlaceRow(41, "Kestrel City", 40.7, -74.0, "US", "US.R5", "PPL", 8_000_000, ("Kestrel",)),
    # another country, whose capital also goes by the country's name
    PlaceRow(20, "Zembla", 20.0, 10.0, "ZZ", None, "PCLI", 100_000_000, ()),
    PlaceRow(21, "Zembla City", 21.0, 11.0, "ZZ", "ZZ.01", "PPLC", 20_000_000, ("Zembla",)),
    PlaceRow(22, "Ostra", 21.5, 11.5, "ZZ", "ZZ.01", "PPL", 1_500_000, ()),
    PlaceRow(23, "Bank", 25.0, 5.0, "ZZ", "ZZ.02", "PPL", 5_000, ()),
]


@pytest.fixture()
def gazetteer(tmp_path):
    yield from invented_gazetteer(tmp_path, PLACES)


CASES = {
    # the larger Cedar County is in R2, but every other place of the story is in R1
    "home region of the other places decides": (
        "Buses ran from Alder to Birch, and on to Cedar County.", ["Alder", "Birch"], "Cedar County", 3),
    # Dunmore also lists "Eastport" as an alternate name and sits by Fenwick County, but the
    # story names Dunmore as such, so its "Eastport" is the town that bears the name
    "alternate name of a place named otherwise is dropped": (
        "Dunmore, the seat of Fenwick County, sent a team to Eastport.", ["Dunmore", "Fenwick County"],
        "Eastport", 6),
    "document about a country means its capital": (
        "Mayors of Alder and Birch flew to Kingsport for talks.", ["Alder", "Birch"], "Kingsport", 12),
    # the region called Kingsport is far more populous, but a bare name means the capital
    "region named like the capital yields to it": ("Talks in Kingsport ended.", [], "Kingsport", 12),
    # "Zembla" is also an alternate name of Zembla City, which Ostra lies beside
    "country name is not its capital": (
        "Zembla's government met in Zembla City and in Ostra.", ["Zembla City", "Ostra"], "Zembla", 20),
    # no gazetteer entry for the bank; "Bank" is a generic word, not the village of Bank
    "bank named after a country is read as the country": (
        "The Bank of Zembla cut rates.", [], "Bank of Zembla", 20),
    # read from each name's likeliest place, the large Harlow drags the county to R1; read from
    # the places other names lie near, the pair settles in R2, and agrees better with itself
    "reading that agrees with itself wins over the larger town": (
        "Tamsin County deputies patrol Harlow.", ["Tamsin County"], "Harlow", 31),
    # neither the region's own reading nor its size makes the city a town of a "named" region
    "region named like its big city means the city": (
        "Flights from Alder to Kestrel were cancelled.", ["Alder"], "Kestrel", 41),
    "big city's region named by a region word": (
        "Flights from Alder to Kestrel state were cancelled.", ["Alder"], "Kestrel", 40),
}


@pytest.mark.parametrize("text, others, name, geonameid", CASES.values(), ids=CASES.keys())
def test_geoparse_context_resolves_name(gazetteer, text, others, name, geonameid):
    assert resolve(gazetteer, text, *others, name)[name].geonameid == geonameid


def test_geoparse_context_neighbouring_names_settle_in_one_region(gazetteer):
    # each Granby lies by a Hollis County; read together, the two names must agree
    text = "Granby and Hollis County share a fire service."
    resolved = resolve(gazetteer, text, "Granby", "Hollis County")
    assert {p.geonameid for p in resolved.values()} in ({8, 10}, {9, 11})


def test_geoparse_context_qualifier_after_one_mention_holds_for_the_others(gazetteer):
    text = "Nolan, Westmark, hired a coach. A year later Nolan won the cup."
    first = Place(text="Nolan", span=(0, 5))
    later = Place(text="Nolan", span=(text.rindex("Nolan"), text.rindex("Nolan") + 5))
    assert [p.geonameid for p in resolve_places(text, [first, later], gazetteer)] == [16, 16]


def test_geoparse_context_name_is_no_context_for_itself(gazetteer):
    # "Kestrel" read as the region must not make the region "named" for its own city reading
    text = "Kestrel and Alder voted."
    kestrel, alder = (_mention(text, Place(text=name, span=(text.index(name), text.index(name) + len(name))),
                               gazetteer) for name in ("Kestrel", "Alder"))
    kestrel.best = next(c for c in kestrel.candidates if c.feature == "ADM1")
    alder.best = alder.candidates[0]
    context = Context.of([kestrel, alder])
    assert not context.view(kestrel).region_named("US.R5")
    assert context.view(alder).region_named("US.R5")
    assert context.view(kestrel).region_share("US.R5") == 0
