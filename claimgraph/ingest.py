"""Ingest: read -> (skip known) -> mark near-duplicates -> extract -> resolve -> store.

Safe to interrupt and rerun: each document is written with its claims in one
transaction, and a document whose id (hash of its normalised text) is already stored is
never extracted again, only recorded as one more copy.  Linking runs afterwards over the
claims that have no event yet, so a run killed before linking is completed by the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimgraph.dedup import NearDuplicateIndex
from claimgraph.model import Document, ExtractedDocument, ReadFailure
from claimgraph.timing import StageClock

if TYPE_CHECKING:
    from claimgraph.store import Store

# (what happened, to what): ("file", path) before a file is read; ("read", doc or failure);
# ("stored", doc); ("duplicate", doc); ("failed", failure); ("linking", None) once, at the end
ProgressCallback = Callable[[str, object], None]
# The per-document stage (stage.DocumentStage, or the same on Dask: scale.extract_on_dask)
ExtractDocuments = Callable[[Iterable[Document]], Iterable[ExtractedDocument | ReadFailure]]


@dataclass
class IngestReport:
    """What one ingest run did; the CLI prints it and sets the exit code from `failures`."""

    documents_added: int = 0
    duplicates: int = 0  # exact copies of stored documents (recorded as extra copies)
    already_stored: int = 0  # documents read again from where they were stored from (nothing new)
    near_duplicates: int = 0  # syndicated / lightly edited copies (stored, marked)
    claims_added: int = 0
    events_changed: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    # wall seconds per stage (see timing.py): read (with the checks for known documents and
    # copies), extract, resolve, store, link; on Dask, extract is the wait for the workers
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


class Ingest:
    def __init__(self, store: "Store", extract: ExtractDocuments, near_duplicate_threshold: float,
                 progress: ProgressCallback | None = None, clock: StageClock | None = None):
        self.store = store
        self.extract = extract
        self.clock = clock or StageClock()
        self.report = IngestReport()
        self.progress = progress or (lambda what, item: None)
        self.copies = NearDuplicateIndex(threshold=near_duplicate_threshold)
        self.signatures: dict[str, bytes] = {}
        self.groups: dict[str, str] = {}  # document id -> syndication group of a stored copy
        self.later_copies: list[Document] = []  # exact copies of documents not stored yet

    def run(self, items: Iterable[Document | ReadFailure]) -> IngestReport:
        """Store what `items` (from `ClaimGraph.read`, or built by a caller) holds."""
        with self.clock.stage("read"):
            self._load_signatures()
        new_docs = self.clock.timed("read", self._new_documents(items))
        for extracted in self.clock.timed("extract", self.extract(new_docs)):
            with self.clock.stage("store"):
                self._store(extracted)
        with self.clock.stage("store"):
            for copy in self.later_copies:  # the original is stored now
                self._record_copy(copy)
        return self.report

    def _store(self, extracted: ExtractedDocument | ReadFailure) -> None:
        if isinstance(extracted, ReadFailure):
            self._fail(extracted)
            return
        doc, claims = extracted.document, extracted.claims
        if self.store.add_document(doc, claims, self.signatures.pop(doc.id, None)):
            self.report.documents_added += 1
            self.report.claims_added += len(claims)
        self.progress("stored", doc)

    def _load_signatures(self) -> None:
        for doc_id, signature in self.store.signatures():
            self.copies.add(doc_id, signature)

    def _new_documents(self, items: Iterable[Document | ReadFailure]) -> Iterator[Document]:
        """Record failures and exact copies; yield only documents not yet stored."""
        seen_this_run: set[str] = set()
        for item in items:
            self.progress("read", item)
            if isinstance(item, ReadFailure):
                self._fail(item)
            elif item.id in seen_this_run:
                self.later_copies.append(item)
                self.progress("duplicate", item)  # counted once the original is stored
            elif self.store.has_document(item.id):
                self._record_copy(item)
                self.progress("duplicate", item)
            else:
                seen_this_run.add(item.id)
                yield self._mark_near_duplicate(item)

    def _record_copy(self, doc: Document) -> None:
        """A document whose text is stored: a copy if read from somewhere new, else nothing new."""
        if self.store.record_copy(doc):
            self.report.duplicates += 1
        else:
            self.report.already_stored += 1

    def _mark_near_duplicate(self, doc: Document) -> Document:
        signature = self.copies.signature(doc.text)
        matches = [(other, sim) for other, sim in self.copies.find(signature) if other != doc.id]
        self.copies.add(doc.id, signature)
        self.signatures[doc.id] = signature
        if not matches:
            return doc
        original = matches[0][0]
        group = self._group_of(original)
        self.groups[doc.id] = group
        self.report.near_duplicates += 1
        return doc.model_copy(update={"duplicate_of": original, "syndication_group": group})

    def _group_of(self, doc_id: str) -> str:
        """A syndication group is named after its first stored member."""
        if doc_id not in self.groups:
            stored = self.store.get_document(doc_id)
            self.groups[doc_id] = (stored and stored.syndication_group) or doc_id
        return self.groups[doc_id]

    def _fail(self, failure: ReadFailure) -> None:
        self.report.failures.append(failure)
        self.store.record_failure(failure.origin, failure.message)
        self.progress("failed", failure)
