"""Ingest is idempotent and safe to kill: the acceptance checks of the foundation issue."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PLACES = ["Sudzha", "Kursk", "Belgorod", "Kharkiv", "Sumy", "Glushkovo", "Korenevo", "Lgov"]
UNITS = ["drones", "shells", "missiles", "rockets"]


def write_corpus(folder: Path, count: int) -> None:
    """`count` distinct short reports (our own template text)."""
    for i in range(count):
        place, unit = PLACES[i % len(PLACES)], UNITS[i % len(UNITS)]
        text = (f"date 2024-08-{1 + i % 28:02d} Report by Test Writer {i}\n\n"
                f"Officials in {place} said {i + 3} {unit} were launched overnight in incident number {i}. "
                f"Local residents reportedly left the area.\n")
        (folder / f"report-{i:05d}.txt").write_text(text, encoding="utf-8")


def ingest_command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "claimgraph.interfaces.cli", "ingest", str(folder), "--db", f"sqlite:///{db}"]


def count_rows(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def wait_for_documents(db: Path, at_least: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            stored = count_rows(db, "documents")
            if stored >= at_least:
                return stored
        except sqlite3.Error:
            pass  # schema not created yet
        time.sleep(0.2)
    raise AssertionError(f"fewer than {at_least} documents stored after {timeout} s")


@pytest.mark.slow
def test_ingest_survives_kill_and_rerun(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "ledger.db"
    corpus.mkdir()
    write_corpus(corpus, 2000)

    first = subprocess.Popen(ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored_before_kill = wait_for_documents(db, at_least=100, timeout=300)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert stored_before_kill < 2000, "the kill should land in the middle of the ingest"

    rerun = subprocess.run(ingest_command(corpus, db), capture_output=True, text=True, timeout=1800)
    assert rerun.returncode == 0, rerun.stderr
    assert count_rows(db, "documents") == 2000
    claims_after_rerun = count_rows(db, "claims")

    again = subprocess.run(ingest_command(corpus, db), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert count_rows(db, "documents") == 2000
    assert count_rows(db, "claims") == claims_after_rerun


@pytest.mark.slow
def test_ingest_again_counts_no_copy_it_did_not_record(tmp_path):
    from claimgraph.app import ClaimGraph
    from claimgraph.settings import Settings

    corpus, mirror = tmp_path / "corpus", tmp_path / "mirror"
    corpus.mkdir(), mirror.mkdir()
    write_corpus(corpus, 3)
    (mirror / "copy.txt").write_bytes((corpus / "report-00000.txt").read_bytes())
    with ClaimGraph(Settings.load(db=f"sqlite:///{tmp_path / 'ledger.db'}")) as graph:
        first = graph.ingest([corpus])
        again = graph.ingest([corpus, mirror])
    assert (first.documents_added, first.duplicates, first.already_stored) == (3, 0, 0)
    assert (again.documents_added, again.duplicates, again.already_stored) == (0, 1, 3)


def test_ingest_charges_each_stage_its_own_seconds(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from claimgraph import timing
    from claimgraph.ingest import Ingest
    from claimgraph.model import Document, ExtractedDocument
    from claimgraph.read.normalise import document_id
    from claimgraph.store import Store
    from claimgraph.timing import StageClock

    # The clock reads a made-up time that moves a millisecond a reading and 10 s while a
    # document is extracted, so what each stage is charged does not depend on the machine.
    now = [0.0]

    def perf_counter():
        now[0] += 0.001
        return now[0]

    monkeypatch.setattr(timing, "time", SimpleNamespace(perf_counter=perf_counter))

    def slow_extract(documents):
        for doc in documents:
            now[0] += 10.0
            yield ExtractedDocument(document=doc, claims=[])

    texts = [f"Officials in {place} said the bridge was closed." for place in PLACES[:3]]
    docs = [Document(id=document_id(text), text=text) for text in texts]
    clock = StageClock()
    with Store(f"sqlite:///{tmp_path / 'ledger.db'}") as store:
        report = Ingest(store, slow_extract, 0.7, clock=clock).run(docs)
    assert report.documents_added == 3
    assert clock.totals["extract"] >= 0.15
    assert 0 < clock.totals["store"] < clock.totals["extract"]
    assert "read" in clock.totals


RUSSIAN_EPISODE = Path(__file__).parent / "fixtures" / "linking_real_ru" / "shebekino-2023" / "articles"


@pytest.mark.slow
def test_ingest_reads_russian_articles_into_claims_sources_and_events(tmp_path):
    """`claimgraph ingest` of Russian text files (our own articles): claims with their source
    chains, statuses, places and times, linked into events, in SQLite."""
    from claimgraph.store import Store

    db = tmp_path / "ru.db"
    subprocess.run(ingest_command(RUSSIAN_EPISODE, db), check=True, capture_output=True, timeout=600)
    store = Store(f"sqlite:///{db}")
    try:
        documents, claims, events = list(store.all_documents()), list(store.all_claims()), list(store.all_events())
    finally:
        store.close()
    assert {d.language for d in documents} == {"ru"} and len(documents) == 3
    relayed = next(c for c in claims if "со ссылкой на" in c.text)
    assert [(ref.name, ref.kind) for ref in relayed.source_chain] == [("оперативные службы", "official"), ("ТАСС", "media")]
    denial = next(c for c in claims if c.text.startswith("В Киеве опровергли"))
    assert denial.status == "denied" and denial.source_chain[0].canonical == "Government of Ukraine"
    shelled = next(c for c in claims if "подвергся массированному обстрелу" in c.text)
    assert (shelled.event_type, shelled.places[0].name, shelled.time.start) == ("strike", "Shebekino", "2023-06-01")
    assert all(c.event_id for c in claims)
    assert len(events) < len(claims)  # reports of one happening joined
