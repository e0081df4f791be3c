"""The linking-real scorer, on a tiny episode written for the test (no third-party text)."""

import textwrap
from pathlib import Path

import pytest

from claimgraph.eval.linking_real import (Ledger, OriginMatcher, evaluate, event_rows, explain, is_clean, load_episode,
                                          match_mentions)
from claimgraph.model import Claim, Document, Event, Place, SourceRef, TimeSpan
from claimgraph.resolve.actors import ActorCatalogue

ARTICLE_A = "date 2024-05-02 News by Test Wire\n\nThe bridge at Alpha was hit by two missiles. The governor said three people died.\n"
ARTICLE_B = "date 2024-05-03 News by Other Wire\n\nMissiles struck the Alpha bridge overnight, the ministry said.\n"
GOLD = """\
episode: tiny
sources:
  Ministry of Defence of Ukraine: {side: Ukraine, kind: official}
  Alpha regional administration: {side: Ukraine, kind: official}
events:
  - id: bridge-strike
    event_type: strike
    status: claimed
    date: "2024-05-02"
    place: {name: Alpha, lat: 50.0, lon: 30.0, admin1: null, country: UA}
    origins: [Ministry of Defence of Ukraine]
    independent_sources: 1
    mentions:
      - {file: a.txt, quote: "The bridge at Alpha was hit by two missiles", status: asserted, origin: author}
      - {file: b.txt, quote: "Missiles struck the Alpha bridge overnight", status: reported,
         origin: Ministry of Defence of Ukraine}
  - id: deaths
    event_type: casualties
    status: claimed
    origins: [Alpha regional administration]
    independent_sources: 1
    mentions:
      - {file: a.txt, quote: "three people died", status: reported, origin: Alpha regional administration}
"""


@pytest.fixture
def episode(tmp_path):
    folder = tmp_path / "tiny"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "articles" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "gold.yaml").write_text(textwrap.dedent(GOLD), encoding="utf-8")
    return load_episode(folder)


def claim_over(document: Document, quote: str, number: int, event: str, **fields) -> Claim:
    start = document.text.index(quote)
    return Claim(id=f"{document.id}:{number}", text=quote, span=(start, start + len(quote)),
                 sentence_span=(start, start + len(quote)), document_id=document.id, event_id=event, **fields)


def documents() -> tuple[Document, Document]:
    return (Document(id="da", text=ARTICLE_A, origin="/x/articles/a.txt"),
            Document(id="db", text=ARTICLE_B, origin="/x/articles/b.txt"))


def event(event_id: str, claims: list[Claim], **fields) -> Event:
    values = dict(event_type="strike", summary="", documents=1, origins=[], independent_sources=0, sides=[],
                  status="claimed") | fields
    return Event(id=event_id, claims=[c.id for c in claims], **values)


def perfect_ledger() -> Ledger:
    a, b = documents()
    ministry = SourceRef(name="the ministry", canonical="Ministry of Defence of Ukraine", kind="official", side="Ukraine")
    governor = SourceRef(name="The governor of the Alpha regional administration", kind="official")
    strike = [claim_over(a, "The bridge at Alpha was hit by two missiles", 0, "e1", event_type="strike"),
              claim_over(b, "Missiles struck the Alpha bridge overnight", 0, "e1", status="reported",
                         source_chain=[ministry], event_type="strike")]
    deaths = [claim_over(a, "three people died", 1, "e2", status="reported", source_chain=[governor],
                         event_type="casualties")]
    events = [event("e1", strike, origins=["Ministry of Defence of Ukraine"], independent_sources=1, sides=["Ukraine"]),
              event("e2", deaths, event_type="casualties", origins=["Alpha"], independent_sources=1, sides=["Ukraine"])]
    return Ledger({"da": a, "db": b}, strike + deaths, events)


def test_linking_real_loads_events_mentions_and_sides(episode):
    assert [e.id for e in episode.events] == ["bridge-strike", "deaths"]
    assert episode.events[0].sides == frozenset({"Ukraine"})
    assert episode.mentions[0].origins == ("author",)


def test_linking_real_a_claim_goes_to_the_mention_it_overlaps_most(episode):
    a, b = documents()
    cue = claim_over(a, "The governor said three", 0, "e1")  # overlaps the quote by "three"
    part = claim_over(a, "three people died", 1, "e1")
    matched = match_mentions(episode, Ledger({"da": a, "db": b}, [cue, part], []))
    assert matched["deaths#0"].id == part.id
    assert "bridge-strike#0" not in matched and "bridge-strike#1" not in matched


def test_linking_real_each_claim_serves_one_mention_only(episode):
    a, b = documents()
    line = claim_over(a, "The bridge at Alpha was hit by two missiles. The governor said three people died.", 0, "e1")
    matched = match_mentions(episode, Ledger({"da": a, "db": b}, [line], []))
    assert list(matched) == ["bridge-strike#0"]  # the longer overlap wins; the other mention is unmatched


def test_linking_real_origin_matcher_reads_author_names_and_catalogue():
    matcher = OriginMatcher(ActorCatalogue.load())
    plain = Claim(id="d:0", text="x", span=(0, 1), sentence_span=(0, 1))
    spokesman = plain.model_copy(update={"source_chain": [SourceRef(name="Kremlin spokesman Dmitry Peskov")]})
    kyiv = plain.model_copy(update={"source_chain": [SourceRef(name="Kyiv")]})
    assert matcher.matches(plain, ("author",)) and not matcher.matches(spokesman, ("author",))
    assert matcher.matches(spokesman, ("Kremlin",)) and not matcher.matches(spokesman, ("Government of Ukraine",))
    assert matcher.matches(kyiv, ("Government of Ukraine (unspecified)",))
    assert matcher.matches(kyiv, ("Kremlin", "Government of Ukraine"))  # a joint attribution: any of them


def test_linking_real_clean_needs_most_mentions_in_one_mostly_pure_event():
    response = {"a": 1, "b": 1, "c": 1, "d": 1, "e": 2, "f": 2}
    assert is_clean(frozenset("abcd"), response) and is_clean(frozenset("abcde"), response)  # 4 of 5 is 80%
    assert not is_clean(frozenset("abcdef"), response)  # 4 of 6 together is too few
    assert not is_clean(frozenset("ab"), response)  # together, but in an event mostly of others


def test_linking_real_a_perfect_ledger_scores_full_marks(episode):
    figures = {m.name: m.value for m in evaluate(episode.articles.parents[1], run=lambda ep, s: perfect_ledger())}
    assert figures["linking_real.conll.f1"] == pytest.approx(1.0)
    assert figures["linking_real.events.clean"] == 1.0 and figures["linking_real.events.status"] == 1.0
    assert figures["linking_real.events.origins_exact"] == 1.0 and figures["linking_real.events.type"] == 1.0
    assert figures["linking_real.mentions.status"] == 1.0 and figures["linking_real.mentions.origin"] == 1.0
    assert figures["linking_real.mentions.type"] == 1.0
    assert figures["linking_real.tiny.conll.f1"] == pytest.approx(1.0)
    assert figures["linking_real.baseline.singletons.conll.f1"] < 1.0


def test_linking_real_one_system_event_for_everything_is_scored_as_such(episode):
    ledger = perfect_ledger()
    for claim in ledger.claims:
        claim.event_id = "e1"
    ledger.events = [event("e1", ledger.claims, independent_sources=3)]
    figures = {m.name: m.value for m in evaluate(episode.articles.parents[1], run=lambda ep, s: ledger)}
    assert figures["linking_real.conll.f1"] == pytest.approx(figures["linking_real.baseline.one_cluster.conll.f1"])
    assert figures["linking_real.events.clean"] == 0.0  # neither is most of the one system event
    assert figures["linking_real.events.origins_exact"] == 0.0


def test_linking_real_event_rows_show_each_gold_event_beside_its_aligned_system_event(episode):
    rows = {row.gold.id: row for row in event_rows(episode, perfect_ledger())}
    assert rows["bridge-strike"].system.id == "e1" and rows["deaths"].system.id == "e2"
    assert rows["bridge-strike"].mentions_in == (("e1", 2),) and rows["bridge-strike"].system_claims == 2
    assert all(row.clean and row.origins_ok and row.status_ok for row in rows.values())


def test_linking_real_event_rows_mark_an_event_lumped_into_another(episode):
    ledger = perfect_ledger()
    for claim in ledger.claims:
        claim.event_id = "e1"
    ledger.events = [event("e1", ledger.claims, independent_sources=3, status="disputed")]
    rows = {row.gold.id: row for row in explain(episode.articles.parents[1], run=lambda ep, s: ledger)["tiny"]}
    assert rows["bridge-strike"].system.id == "e1" and rows["deaths"].system is None  # one system event, one gold
    assert rows["deaths"].mentions_in == (("e1", 1),)
    assert not rows["bridge-strike"].origins_ok and not rows["bridge-strike"].status_ok
    assert not rows["deaths"].origins_ok and not rows["deaths"].clean


def test_linking_real_places_within_161_km_of_the_gold_place(episode):
    ledger = perfect_ledger()
    alpha = Place(text="Alpha", span=(0, 5), lat=50.5, lon=30.0, precision="town")  # 56 km away
    beta = Place(text="Beta", span=(0, 4), lat=52.0, lon=30.0, precision="town")  # 222 km away
    strike = [c for c in ledger.claims if c.event_id == "e1"]
    strike[0].location, strike[1].location = alpha, beta
    ledger.events[0].location = alpha
    figures = {m.name: m.value for m in evaluate(episode.articles.parents[1], run=lambda ep, s: ledger)}
    assert figures["linking_real.events.place_161km"] == 1.0  # the deaths event has no gold place
    assert figures["linking_real.mentions.placed"] == 1.0 and figures["linking_real.mentions.place_161km"] == 0.5
    ledger.events[0].location = None  # an event known only by country has no position: it counts wrong
    ledger.events[0].places = [Place(text="Ukraine", span=(0, 7), lat=49.0, lon=32.0, precision="country")]
    figures = {m.name: m.value for m in evaluate(episode.articles.parents[1], run=lambda ep, s: ledger)}
    assert figures["linking_real.events.place_161km"] == 0.0


def test_linking_real_given_gold_events_are_built_from_the_gold_clusters_whatever_the_linker_did(episode):
    ledger = perfect_ledger()
    for claim in ledger.claims:  # the linker put everything in one event
        claim.event_id = "e1"
    ledger.events = [event("e1", ledger.claims, independent_sources=3)]
    figures = {m.name: m.value for m in evaluate(episode.articles.parents[1], run=lambda ep, s: ledger)}
    assert figures["linking_real.events.origins_exact"] == 0.0
    assert figures["linking_real.given_gold_events.origins_exact"] == 1.0  # one origin each, as the gold says
    assert figures["linking_real.given_gold_events.type"] == 1.0
    assert "linking_real.given_gold_events.conll.f1" not in figures


def day(iso: str, precision: str = "day", end: str | None = None) -> TimeSpan:
    return TimeSpan(text=iso, start=iso, end=end or iso, precision=precision, anchor="explicit", resolved=True)


def test_linking_real_claims_own_days_counted_and_checked_against_the_gold_date(episode):
    ledger = perfect_ledger()
    strike_a, strike_b, deaths = ledger.claims
    strike_a.time = day("2024-05-01")  # a day before the gold date: a night across midnight, still right
    strike_b.time = day("2024-05-04")  # two days after: wrong
    deaths.time = day("2024-05-01", "month", "2024-05-31")  # a month names no day
    figures = {m.name: m.value for m in evaluate(episode.articles.parents[1], run=lambda ep, s: ledger)}
    assert figures["linking_real.mentions.own_day"] == pytest.approx(2 / 3)
    assert figures["linking_real.mentions.own_day_right"] == 0.5
    deaths.time = day("2024-04-01")  # its gold event has no date: given, but not checked
    figures = {m.name: m.value for m in evaluate(episode.articles.parents[1], run=lambda ep, s: ledger)}
    assert figures["linking_real.mentions.own_day"] == 1.0
    assert figures["linking_real.mentions.own_day_right"] == 0.5


RUSSIAN_GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "linking_real_ru"


@pytest.mark.slow
def test_linking_real_runs_on_our_russian_articles_and_beats_the_baselines(settings):
    """The Russian smoke set (three articles we wrote; the word lists were written looking at
    them, so this guards against regressions, it measures nothing held out)."""
    figures = {m.name: m.value for m in evaluate(RUSSIAN_GOLD, settings)}
    assert figures["linking_real.mentions.matched"] == 1.0
    assert figures["linking_real.mentions.status"] >= 0.9 and figures["linking_real.mentions.origin"] >= 0.9
    assert figures["linking_real.conll.f1"] > figures["linking_real.baseline.per_document.conll.f1"] + 0.2
