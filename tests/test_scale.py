"""Extraction on a real local Dask cluster gives what the single process gives; tasks are
sized to share the input among the workers; ingest runs on a scheduler started apart."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.app import ClaimGraph
from claimgraph.model import Document, ExtractedDocument, ReadFailure
from claimgraph.read.normalise import document_id
from claimgraph.scale import BATCH, _batches, batch_size
from claimgraph.settings import Settings

TEXTS = [
    "Officials in Sumy said two drones were shot down on Monday.",
    "The governor said 40 residents were evacuated from Sudzha on Tuesday, according to local media.",
    "A video reportedly showed a bridge over the Seym river destroyed near Glushkovo.",
]


def documents() -> list[Document]:
    return [Document(id=document_id(text), text=text, published="2024-08-16", origin=f"doc-{i}")
            for i, text in enumerate(TEXTS)]


def claims_by_document(results) -> dict[str, list[tuple]]:
    results = list(results)
    assert not [r for r in results if isinstance(r, ReadFailure)]
    return {r.document.id: [(c.text, c.status, c.event_type) for c in r.claims]
            for r in results if isinstance(r, ExtractedDocument)}


@pytest.mark.slow
@pytest.mark.dask
def test_scale_dask_extraction_matches_single_process():
    single = claims_by_document(ClaimGraph(Settings.load()).extract(documents()))
    spread = claims_by_document(ClaimGraph(Settings.load(workers=2)).extract(documents()))
    assert spread == single
    assert len(spread) == len(TEXTS)


def test_scale_batch_size_shares_a_short_input_evenly():
    assert batch_size(84, 2) == 11  # 8 tasks: each worker's queue holds 4
    assert batch_size(3, 2) == 1
    assert batch_size(10_000, 2) == BATCH  # a long input: full batches
    assert batch_size(0, 1) == 1


def test_scale_batches_cover_every_document_once():
    docs = [Document(id=f"d{i}", text=f"Report number {i}.") for i in range(84)]
    batches = list(_batches(iter(docs), workers=2))
    assert [len(b) for b in batches] == [11] * 7 + [7]
    assert [d["id"] for b in batches for d in b] == [d.id for d in docs]


def test_scale_batches_of_a_long_input_are_full():
    docs = (Document(id=f"d{i}", text=f"Report number {i}.") for i in range(600))
    sizes = [len(b) for b in _batches(docs, workers=2)]
    assert sizes[:-1] == [BATCH] * (len(sizes) - 1) and sum(sizes) == 600


def start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dask_scheduler():
    """A real `dask scheduler` and one `dask worker` process on 127.0.0.1; yields the address."""
    from dask.distributed import Client

    dask = str(Path(sys.executable).with_name("dask"))
    address = f"tcp://127.0.0.1:{free_port()}"
    scheduler = start([dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                       "--no-dashboard"])
    worker = start([dask, "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                    "--host", "127.0.0.1"])
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.dask
def test_scale_ingest_on_a_running_scheduler(tmp_path, dask_scheduler):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(TEXTS):
        (corpus / f"report-{i}.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    done = subprocess.run([sys.executable, "-m", "claimgraph.interfaces.cli", "ingest", str(corpus), "--db", db,
                           "--scheduler", dask_scheduler], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "stages: read" in done.stderr
    with ClaimGraph(Settings.load(db=db)) as graph:
        stored = graph.store.stats()
    assert stored["documents"] == len(TEXTS) and sum(stored["claims"].values()) > 0
