"""The ClaimGraph object: settings, store and pipeline behind one library API.

The CLI (`interfaces/cli.py`) and the HTTP API (`interfaces/api.py`) are thin layers over
this class: each command is one method call with the same parameter names.

    from claimgraph.app import ClaimGraph
    with ClaimGraph.open(db="sqlite:///ledger.db") as cg:
        report = cg.ingest(["articles/"])
        print(report.documents_added, report.failures)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Any

from claimgraph.model import Claim, Document, Event, ExtractedDocument, ReadFailure
from claimgraph.settings import Settings

log = logging.getLogger("claimgraph")
EXTRACT_BATCH = 32  # documents per spaCy pipe call
# The first calls take fewer, so the first documents are stored (and progress shows) early.
FIRST_BATCHES = (4, 8, 16)

# (what happened, to what): ("file", path) before a file is read; ("read", doc or failure);
# ("stored", doc); ("duplicate", doc); ("failed", failure); ("linking", None) once, at the end
ProgressCallback = Callable[[str, object], None]


@dataclass
class IngestReport:
    """What one ingest run did; the CLI prints it and sets the exit code from `failures`."""

    documents_added: int = 0
    duplicates: int = 0  # exact copies of stored documents (recorded as extra copies)
    near_duplicates: int = 0  # syndicated / lightly edited copies (stored, marked)
    claims_added: int = 0
    events_changed: int = 0
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def outside_dateline(doc: Document, claims: list[Claim]) -> list[Claim]:
    """Claims without a leading wire dateline ("KYIV (Wire) — …"): it is not part of the
    proposition, and the city where the report was filed says nothing about where the event
    happened (the city stays in `doc.places`)."""
    from claimgraph.read.document import dateline_end

    end = dateline_end(doc.text)
    return [_cut_dateline(doc, claim, end) for claim in claims] if end else claims


def _cut_dateline(doc: Document, claim: Claim, end: int) -> Claim:
    update: dict = {"places": [place for place in claim.places if place.span[0] >= end]}
    start, stop = claim.span
    dateline = doc.text[start:end]
    if start < end < stop and claim.text.startswith(dateline):  # a claim text may be rebuilt, not sliced
        update.update(span=(end, stop), text=claim.text[len(dateline):])
    return claim.model_copy(update=update)


def _failure(doc: Document, stage: str, error: BaseException) -> ReadFailure:
    where = doc.origin or f"document {doc.id}"
    return ReadFailure(origin=where, message=f"{stage} failed: {type(error).__name__}: {error}")


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
    def extractor(self):
        from claimgraph.extract import Extractor

        return Extractor(self.settings)

    @cached_property
    def resolver(self):
        from claimgraph.resolve import Resolver

        return Resolver(self.settings)

    # -- library API -------------------------------------------------------------------

    def read(self, paths: Iterable[str | Path]) -> Iterator[Document | ReadFailure]:
        from claimgraph.read import read_paths

        return read_paths(paths, self.settings)

    def extract(self, documents: Iterable[Document]) -> Iterator[ExtractedDocument | ReadFailure]:
        """Extract and resolve claims; stateless (no database).

        A document whose extraction or resolution raises becomes a ReadFailure naming it
        (its traceback is logged at DEBUG level); the other documents go on.
        """
        if self.settings.workers > 1 or self.settings.scheduler:
            from claimgraph.scale import extract_on_dask

            yield from extract_on_dask(documents, self.settings)
            return
        documents = iter(documents)
        sizes = chain(FIRST_BATCHES, repeat(EXTRACT_BATCH))
        while batch := list(islice(documents, next(sizes))):
            for doc, claims in self._extract_batch(batch):
                if isinstance(claims, BaseException):
                    yield _failure(doc, "extraction", claims)
                else:
                    yield self._resolve(doc, outside_dateline(doc, claims))

    def _extract_batch(self, batch: list[Document]) -> list[tuple[Document, list[Claim] | BaseException]]:
        """The batch through spaCy's pipe; on an error, again one by one to isolate the culprit.

        Documents in a language the pipeline does not read are kept, marked by their
        `language`, with no claims (an English parser would invent them).
        """
        readable = [doc for doc in batch if self._reads_language(doc)]
        if len(readable) < len(batch):
            extracted = dict((doc.id, claims) for doc, claims in self._extract_batch(readable)) if readable else {}
            return [(doc, extracted.get(doc.id, [])) for doc in batch]
        try:
            return list(self.extractor.extract_many(batch, batch_size=len(batch)))
        except Exception as error:  # noqa: BLE001 -- a bug in a stage must not stop the run
            if len(batch) > 1:
                return [pair for doc in batch for pair in self._extract_batch([doc])]
            log.debug("extraction failed for %s", batch[0].origin, exc_info=True)
            return [(batch[0], error)]

    def _reads_language(self, doc: Document) -> bool:
        return doc.language is None or doc.language in self.settings.languages.split(",")

    def _resolve(self, doc: Document, claims: list[Claim]) -> ExtractedDocument | ReadFailure:
        try:
            doc, claims = self.resolver.resolve(doc, claims)
        except Exception as error:  # noqa: BLE001
            log.debug("resolution failed for %s", doc.origin, exc_info=True)
            return _failure(doc, "resolution", error)
        return ExtractedDocument(document=doc, claims=claims)

    def ingest(self, paths: Iterable[str | Path], progress: ProgressCallback | None = None) -> IngestReport:
        """Read, extract, resolve and store `paths`, then link the new claims."""
        from claimgraph.read.paths import expand_paths

        files = expand_paths(paths)
        return self.ingest_documents(self.read(_announced(files, progress) if progress else files), progress)

    def ingest_documents(self, items: Iterable[Document | ReadFailure],
                         progress: ProgressCallback | None = None) -> IngestReport:
        """The same for documents already read (the HTTP API's upload)."""
        from claimgraph.ingest import Ingest

        report = Ingest(self, progress).run(items)
        if progress:
            progress("linking", None)
        report.events_changed = self.link()
        return report

    def link(self, full: bool = False) -> int:
        """Attach unlinked claims to events (or re-link everything); returns events written."""
        from claimgraph.link import link_claims, relink

        if full:
            claims = list(self.store.all_claims())
            events = relink(claims, StoreDocuments(self.store), self.settings)
            self.store.replace_events(events)
            return len(events)
        claims = list(self.store.unlinked_claims())
        if not claims:
            return 0
        events = link_claims(claims, StoreDocuments(self.store), self.store.all_events(), self.settings,
                             load_claim=self.store.get_claim)
        self.store.save_events(events)
        return len(events)

    def events(self, **filters: Any) -> list[Event]:
        from claimgraph.store.filters import EventFilter

        return self.store.events(EventFilter(**filters), limit=10_000)

    def claims(self, **filters: Any) -> list[Claim]:
        from claimgraph.store.filters import ClaimFilter

        return self.store.claims(ClaimFilter(**filters), limit=10_000)
