"""The ClaimGraph object: one stage failing or a foreign language never loses a document, and
ingests running at once leave the events a sequential run leaves."""

from __future__ import annotations

import multiprocessing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from claimgraph.app import ClaimGraph
from claimgraph.model import Document, ExtractedDocument, ReadFailure
from claimgraph.read.normalise import document_id
from claimgraph.settings import Settings
from claimgraph.store import Store

ENGLISH = "Officials in Sumy said two drones were shot down on Monday night."
FRENCH = "Les autorités de Soumy ont déclaré que deux drones avaient été abattus lundi soir."


def document(text: str, language: str) -> Document:
    return Document(id=document_id(text), text=text, language=language, published="2024-08-12",
                    origin=f"{language}.txt")


class BrokenResolver:
    def resolve(self, doc, claims):
        if "drones" in doc.text:
            raise ValueError("resolver bug")
        return doc, claims


@pytest.mark.slow
def test_app_foreign_language_document_is_kept_without_claims():
    results = list(ClaimGraph(Settings.load()).extract([document(FRENCH, "fr"), document(ENGLISH, "en")]))
    by_language = {r.document.language: r for r in results}
    assert by_language["fr"].claims == []
    assert by_language["en"].claims


@pytest.mark.slow
def test_app_stage_failure_names_the_document_and_the_rest_goes_on():
    graph = ClaimGraph(Settings.load())
    graph.stage.resolver = BrokenResolver()  # a stage with a bug, for this document only
    other = "The governor said 40 residents were evacuated from Sudzha on Tuesday."
    results = list(graph.extract([document(ENGLISH, "en"), document(other, "en")]))
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.origin for f in failures] == ["en.txt"]
    assert "resolution failed: ValueError: resolver bug" in failures[0].message
    assert [r.document.text for r in results if isinstance(r, ExtractedDocument)] == [other]


# -- two ingests at once -------------------------------------------------------------------
# Eight strikes, each reported three ways by three writers (our own template text).  Places are
# far apart and dates 12 days apart, so no two strikes can be linked, and the three reports of
# one strike say the same in the same words, so whatever batches the claims are linked in
# (first folder then second, the reverse, or both at once), the events are the same.
STRIKES = [("Sumy", "2024-06-01", "an energy facility"), ("Odesa", "2024-06-13", "a grain terminal"),
           ("Lviv", "2024-06-25", "a railway depot"), ("Kherson", "2024-07-07", "a water pumping station"),
           ("Chernihiv", "2024-07-19", "a fuel depot"), ("Dnipro", "2024-07-31", "a bus station"),
           ("Kursk", "2024-08-12", "an airfield"), ("Zaporizhzhia", "2024-08-24", "a power substation")]
WORDINGS = [
    "The regional governor said {n} drones struck {target} in {place} overnight, damaging two buildings.",
    "{n} drones struck {target} in {place} overnight and damaged two buildings, the regional governor said.",
    "Overnight {n} drones struck {target} in {place}, damaging two buildings, according to the regional governor.",
]
WRITERS = ["Anna Petrenko", "Mark Olsen", "Ines Duarte"]


def write_strike_reports(first: Path, second: Path, rounds: int = 3) -> None:
    """Each strike (repeated `rounds` times, a season apart) gets reports in both folders."""
    for number in range(len(STRIKES) * rounds):
        place, day, target = STRIKES[number % len(STRIKES)]
        day = (date.fromisoformat(day) + timedelta(days=100 * (number // len(STRIKES)))).isoformat()
        for way, wording in enumerate(WORDINGS):
            text = wording.format(n=4 + number, target=target, place=place)
            folder = first if (number + way) % 2 == 0 else second
            (folder / f"strike{number:02d}-{way}.txt").write_text(
                f"date {day} Report by {WRITERS[way]}\n\n{text}\n", encoding="utf-8")


def ingest_when_released(db: str, folder: str, start: Any) -> None:
    """One ingest in a process of its own, started with the others once all are ready."""
    graph = ClaimGraph(Settings.load(db=db))
    graph.stage.extractor.nlp, graph.stage.resolver  # load the models before the start
    start.wait()
    graph.ingest([folder])
    graph.close()


def consistent_events(db: str) -> list[tuple]:
    """The ledger's events, checked for agreeing membership both ways, without their ids (nor
    their summaries: the summary is the best of the claims a linking step adds, so it depends
    on where one step ends)."""
    with Store(db) as store:
        events, claims = list(store.all_events()), list(store.all_claims())
    members = {event.id: set(event.claims) for event in events}
    for claim in claims:
        assert claim.event_id in members and claim.id in members[claim.event_id], claim.id
    for event in events:
        assert event.claims, f"event {event.id} has no member claim"
        assert all(claim.event_id == event.id for claim in claims if claim.id in members[event.id]), event.id
        assert event.documents == len({claim_id.split(":")[0] for claim_id in event.claims}), event.id
    return sorted((tuple(e.claims), e.documents, e.independent_sources, e.status, tuple(e.origins),
                   tuple(e.sides)) for e in events)


@pytest.mark.slow
def test_app_two_ingests_at_once_equal_a_sequential_run(tmp_path, store_url):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    write_strike_reports(first, second)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    ingests = [context.Process(target=ingest_when_released, args=(store_url, str(folder), start))
               for folder in (first, second)]
    for process in ingests:
        process.start()
    for process in ingests:
        process.join(timeout=600)
    assert [process.exitcode for process in ingests] == [0, 0]

    sequential = f"sqlite:///{tmp_path / 'sequential.db'}"
    with ClaimGraph(Settings.load(db=sequential)) as graph:
        graph.ingest([first])
        graph.ingest([second])
    assert consistent_events(store_url) == consistent_events(sequential)
    assert len(consistent_events(sequential)) == 3 * len(STRIKES)
