"""Scale-out: extraction on a Dask cluster (a local one, or a scheduler you name).

Extraction is the expensive stage and is independent per document, so it is the one
spread over workers; reading, storing and linking stay in the calling process, which
keeps the ledger writes single-writer (what SQLite wants) and ingest restartable.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from functools import lru_cache
from itertools import islice

from claimgraph.model import Document, ExtractedDocument, ReadFailure
from claimgraph.settings import Settings
from claimgraph.stage import DocumentStage

BATCH = 32  # documents per task: large enough to amortise spaCy's pipe, small enough to balance
IN_FLIGHT = 4  # tasks queued per worker: bounds memory on an endless input
# Dask logs every step of a cluster's life at INFO, and a closing connection's traceback when
# a run ends well; these loggers speak only when claimgraph logs at DEBUG (`--verbose`).
DASK_LOGGERS = ("distributed", "tornado", "asyncio")


@lru_cache(maxsize=2)
def _worker_stage(settings: Settings) -> DocumentStage:
    """One per-document stage per worker process and settings: the spaCy model loads once."""
    return DocumentStage(settings)


def extract_batch(documents: list[dict], settings: Settings) -> list[dict]:
    """The task a worker runs (the per-document stage): plain JSON in, plain JSON out (cheap to ship)."""
    stage = _worker_stage(settings)
    docs = [Document.model_validate(d) for d in documents]
    return [result.to_json() for result in stage(docs)]


def _batches(documents: Iterable[Document]) -> Iterator[list[dict]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, BATCH)):
        yield [doc.to_json() for doc in batch]


def _from_json(result: dict) -> ExtractedDocument | ReadFailure:
    return ExtractedDocument.model_validate(result) if "document" in result else ReadFailure.model_validate(result)


def extract_on_dask(documents: Iterable[Document], settings: Settings) -> Iterator[ExtractedDocument | ReadFailure]:
    """Extract with `settings.workers` local processes, or on `settings.scheduler` if set.

    A local cluster is shut down when the results end, or when the caller stops reading
    them, so no worker process outlives the run."""
    from dask.distributed import Client, LocalCluster, as_completed

    _quiet_dask()
    with ExitStack() as stack:
        if settings.scheduler:
            client = stack.enter_context(Client(settings.scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=settings.workers, threads_per_worker=1,
                                                       processes=True, dashboard_address=None,
                                                       host="127.0.0.1"))
            client = stack.enter_context(Client(cluster))
        yield from _run_tasks(client, _batches(documents), settings, as_completed)


def _quiet_dask() -> None:
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        for name in DASK_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _run_tasks(client, batches: Iterator[list[dict]], settings: Settings,
               as_completed) -> Iterator[ExtractedDocument | ReadFailure]:
    limit = IN_FLIGHT * max(1, len(client.scheduler_info()["workers"]))
    pending = as_completed([client.submit(extract_batch, batch, settings, pure=False)
                            for batch in islice(batches, limit)])
    for future in pending:
        for result in future.result():
            yield _from_json(result)
        next_batch = next(batches, None)
        if next_batch is not None:
            pending.add(client.submit(extract_batch, next_batch, settings, pure=False))
