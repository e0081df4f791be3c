"""The ClaimGraph object: settings, store and pipeline behind one library API.

The CLI (`interfaces/cli.py`) and the HTTP API (`interfaces/api.py`) are thin layers over
this class: each command is one method call with the same parameter names.

    from claimgraph.app import ClaimGraph
    with ClaimGraph.open(db="sqlite:///ledger.db") as cg:
        report = cg.ingest(["articles/"])
        print(report.documents_added, report.failures)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.model import Claim, Document, Event, ExtractedDocument, ReadFailure
from claimgraph.settings import Settings
from claimgraph.timing import StageClock

if TYPE_CHECKING:
    from claimgraph.ingest import IngestReport, ProgressCallback


def _announced(files: Iterable[str], progress: ProgressCallback) -> Iterator[str]:
    """The files, each announced to ``progress`` as it is about to be read."""
    for path in files:
        progress("file", path)
        yield path


class StoreDocuments(Mapping[str, Document]):
    """Documents by id, loaded from the store on first use (linking needs only a few)."""

    def __init__(self, store: Any):
        self._store = store
        self._cache: dict[str, Document] = {}

    def __getitem__(self, doc_id: str) -> Document:
        if doc_id not in self._cache:
            doc = self._store.get_document(doc_id)
            if doc is None:
                raise KeyError(doc_id)
            self._cache[doc_id] = doc
        return self._cache[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cache)

    def __len__(self) -> int:
        return len(self._cache)


class ClaimGraph:
    """One ledger and the pipeline that fills it."""

    def __init__(self, settings: Settings | None = None, create_ledger: bool = True):
        """``create_ledger`` False: a SQLite ledger file that does not exist is an error
        (``MissingLedger``) instead of a new empty ledger (for commands that only read one)."""
        self.settings = settings or Settings.load()
        self.create_ledger = create_ledger

    @classmethod
    def open(cls, **overrides: Any) -> "ClaimGraph":
        return cls(Settings.load(**overrides))

    def __enter__(self) -> "ClaimGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()

    # -- the stages, built lazily so `extract` never touches a database --------------

    @cached_property
    def store(self):
        from claimgraph.store import Store

        return Store(self.settings.db, create=self.create_ledger)

    @cached_property
    def stage(self):
        """The per-document stage (language gate, extract, resolve) run in this process."""
        from claimgraph.stage import DocumentStage

        return DocumentStage(self.settings)

    # -- library API -------------------------------------------------------------------

    def read(self, paths: Iterable[str | Path]) -> Iterator[Document | ReadFailure]:
        from claimgraph.read import read_paths

        return read_paths(paths, self.settings)

    def extract(self, documents: Iterable[Document],
                clock: StageClock | None = None) -> Iterator[ExtractedDocument | ReadFailure]:
        """Extract and resolve claims; stateless (no database).

        A document whose extraction or resolution raises becomes a ReadFailure naming it
        (its traceback is logged at DEBUG level); the other documents go on.  Runs the
        per-document stage here, or on Dask workers when `workers` > 1, `scheduler` is set
        or `dask` is on; ``clock`` is charged the seconds of each stage run here.
        """
        if self.settings.workers > 1 or self.settings.scheduler or self.settings.dask:
            from claimgraph.scale import extract_on_dask

            return extract_on_dask(documents, self.settings)
        return self.stage(documents, clock)

    def ingest(self, paths: Iterable[str | Path], progress: ProgressCallback | None = None) -> IngestReport:
        """Read, extract, resolve and store `paths`, then link the new claims."""
        from claimgraph.read.paths import expand_paths

        files = expand_paths(paths)
        return self.ingest_documents(self.read(_announced(files, progress) if progress else files), progress)

    def ingest_documents(self, items: Iterable[Document | ReadFailure],
                         progress: ProgressCallback | None = None) -> IngestReport:
        """The same for documents already read (the HTTP API's upload)."""
        from claimgraph.ingest import Ingest

        clock = StageClock()
        extract = partial(self.extract, clock=clock)
        report = Ingest(self.store, extract, self.settings.near_duplicate_threshold, progress, clock).run(items)
        if progress:
            progress("linking", None)
        with clock.stage("link"):
            report.events_changed = self.link()
        report.stage_seconds = dict(clock.totals)
        return report

    def link(self, full: bool = False) -> int:
        """Attach unlinked claims to events (or re-link everything); returns events written.

        One linking step at a time per ledger (`Store.linking`), so ingests running at once
        never write over each other's events."""
        from claimgraph.link import link_claims, relink

        with self.store.linking():
            if full:
                claims = list(self.store.all_claims())
                events = relink(claims, StoreDocuments(self.store), self.settings)
                self.store.replace_events(events)
                return len(events)
            claims = list(self.store.unlinked_claims())
            if not claims:
                return 0
            events = link_claims(claims, StoreDocuments(self.store), list(self.store.all_events()), self.settings,
                                 load_claim=self.store.get_claim)
            self.store.save_events(events)
            return len(events)

    def events(self, **filters: Any) -> list[Event]:
        from claimgraph.store.filters import EventFilter

        return self.store.events(EventFilter(**filters), limit=10_000)

    def claims(self, **filters: Any) -> list[Claim]:
        from claimgraph.store.filters import ClaimFilter

        return self.store.claims(ClaimFilter(**filters), limit=10_000)
