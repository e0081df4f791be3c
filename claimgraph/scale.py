"""Scale-out: extraction on a Dask cluster (a local one, or a scheduler you name).

Extraction is the expensive stage and is independent per document, so it is the one
spread over workers; reading, storing and linking stay in the calling process, which
keeps the ledger writes single-writer (what SQLite wants) and ingest restartable.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from functools import lru_cache
from itertools import chain, islice

from claimgraph.model import Document, ExtractedDocument, ReadFailure
from claimgraph.settings import Settings
from claimgraph.stage import DocumentStage
from claimgraph.timing import StageClock, split_text

log = logging.getLogger("claimgraph")

BATCH = 32  # documents per task at most: enough to amortise spaCy's pipe
IN_FLIGHT = 4  # tasks queued per worker: bounds memory on an endless input, and balances a short one
# Dask logs every step of a cluster's life at INFO, and a closing connection's traceback when
# a run ends well; these loggers speak only when claimgraph logs at DEBUG (`--verbose`).
DASK_LOGGERS = ("distributed", "tornado", "asyncio")


@lru_cache(maxsize=2)
def _worker_stage(settings: Settings) -> DocumentStage:
    """One per-document stage per worker process and settings: the spaCy model loads once."""
    return DocumentStage(settings)


def extract_batch(documents: list[dict], settings: Settings) -> dict:
    """The task a worker runs (the per-document stage): plain JSON in, plain JSON out (cheap to
    ship): {"results": [...], "seconds": the worker's seconds per stage for this batch}."""
    stage, clock = _worker_stage(settings), StageClock()
    docs = [Document.model_validate(d) for d in documents]
    return {"results": [result.to_json() for result in stage(docs, clock)], "seconds": dict(clock.totals)}


def batch_size(documents: int, workers: int) -> int:
    """Documents per task, so that each worker gets IN_FLIGHT tasks of an input of
    ``documents`` (84 on 2 workers: 8 tasks of 11, not 3 of 32 of which one worker takes two),
    and BATCH once the input fills every worker's queue."""
    return max(1, min(BATCH, math.ceil(documents / (workers * IN_FLIGHT))))


def _batches(documents: Iterable[Document], workers: int) -> Iterator[list[dict]]:
    """The documents in tasks, sized from what fills the workers' queues: as many documents
    are read ahead as the first tasks hold, and if the input ends there it is shared evenly."""
    iterator = iter(documents)
    ahead = list(islice(iterator, workers * IN_FLIGHT * BATCH))
    size, iterator = batch_size(len(ahead), workers), chain(ahead, iterator)
    while batch := list(islice(iterator, size)):
        yield [doc.to_json() for doc in batch]


def _from_json(result: dict) -> ExtractedDocument | ReadFailure:
    return ExtractedDocument.model_validate(result) if "document" in result else ReadFailure.model_validate(result)


def extract_on_dask(documents: Iterable[Document], settings: Settings) -> Iterator[ExtractedDocument | ReadFailure]:
    """Extract with `settings.workers` local processes (also one, with `settings.dask`), or on
    `settings.scheduler` if set.

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
        yield from _run_tasks(client, documents, settings, as_completed)


def _quiet_dask() -> None:
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        for name in DASK_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _run_tasks(client, documents: Iterable[Document], settings: Settings,
               as_completed) -> Iterator[ExtractedDocument | ReadFailure]:
    workers = max(1, sum(w["nthreads"] for w in client.scheduler_info()["workers"].values()))  # task slots
    batches = _batches(documents, workers)
    pending = as_completed([client.submit(extract_batch, batch, settings, pure=False)
                            for batch in islice(batches, IN_FLIGHT * workers)])
    for future in pending:
        done = future.result()
        log.debug("batch of %d documents on a worker: %s", len(done["results"]), split_text(done["seconds"]))
        for result in done["results"]:
            yield _from_json(result)
        next_batch = next(batches, None)
        if next_batch is not None:
            pending.add(client.submit(extract_batch, next_batch, settings, pure=False))
