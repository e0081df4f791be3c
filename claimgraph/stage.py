"""The per-document stage: language gate -> extract -> resolve, each document on its own.

`DocumentStage` is the one function both paths run: `ClaimGraph.extract` in this process,
and every Dask worker (`scale.py`).  It takes documents already read and yields, per
document, an `ExtractedDocument`, or a `ReadFailure` naming the document whose extraction
or resolution raised (its traceback is logged at DEBUG level); the other documents go on.
Documents in a language the pipeline does not read are kept, marked by their `language`,
with no claims (an English parser would invent them).  Each language read has its extractor:
Russian documents go to `extract.russian.RussianExtractor`, all others to the English one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import chain, islice, repeat

from claimgraph.extract import Extractor
from claimgraph.extract.russian import RUSSIAN, RussianExtractor
from claimgraph.model import Claim, Document, ExtractedDocument, ReadFailure
from claimgraph.resolve import Resolver
from claimgraph.settings import Settings
from claimgraph.timing import StageClock, split_text

log = logging.getLogger("claimgraph")
EXTRACT_BATCH = 32  # documents per spaCy pipe call
# The first calls take fewer, so the first documents are stored (and progress shows) early.
FIRST_BATCHES = (4, 8, 16)

ENGLISH = "en"

ExtractedOrFailure = tuple[Document, "list[Claim] | BaseException"]


def outside_dateline(doc: Document, claims: list[Claim]) -> list[Claim]:
    """Claims without a leading wire dateline ("KYIV (Wire) — …", "KYIV: …"): it is not part of
    the proposition, the city where the report was filed says nothing about where the event
    happened (the city stays in `doc.places`), and it is no source."""
    return [_cut_dateline(doc, claim, doc.dateline[1]) for claim in claims] if doc.dateline else claims


def _cut_dateline(doc: Document, claim: Claim, end: int) -> Claim:
    update: dict = {"places": [place for place in claim.places if place.span[0] >= end]}
    chain = [ref for ref in claim.source_chain if not ref.span or ref.span[0] >= end]
    if len(chain) < len(claim.source_chain):  # "GAZA: ..." names a place, not a speaker
        update["source_chain"] = chain
        if not chain and claim.status == "reported":
            update.update(status="asserted", status_cues=[])
    start, stop = claim.span
    dateline = doc.text[start:end]
    if start < end < stop and claim.text.startswith(dateline):  # a claim text may be rebuilt, not sliced
        update.update(span=(end, stop), text=claim.text[len(dateline):])
    return claim.model_copy(update=update)


def extracting_language(doc: Document) -> str:
    """Which extractor reads the document: Russian's for Russian, English's for any other."""
    return RUSSIAN if doc.language == RUSSIAN else ENGLISH


def stage_failure(doc: Document, stage: str, error: BaseException) -> ReadFailure:
    where = doc.origin or f"document {doc.id}"
    return ReadFailure(origin=where, message=f"{stage} failed: {type(error).__name__}: {error}")


class DocumentStage:
    """Documents in, each one's claims (or its failure) out; the models load on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def extractor(self) -> Extractor:
        return Extractor(self.settings)

    @cached_property
    def russian_extractor(self) -> RussianExtractor:
        return RussianExtractor()

    def extractor_for(self, language: str) -> Extractor | RussianExtractor:
        return self.russian_extractor if language == RUSSIAN else self.extractor

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver(self.settings)

    def __call__(self, documents: Iterable[Document],
                 clock: StageClock | None = None) -> Iterator[ExtractedDocument | ReadFailure]:
        """Each document's claims or failure; ``clock`` is charged the extract and resolve
        seconds, and each batch's split is logged at DEBUG once its documents are taken."""
        documents, clock = iter(documents), clock or StageClock()
        sizes = chain(FIRST_BATCHES, repeat(EXTRACT_BATCH))
        while batch := list(islice(documents, next(sizes))):
            with clock.stage("extract"):
                extracted = self._extract_batch(batch)
            for doc, claims in extracted:
                if isinstance(claims, BaseException):
                    yield stage_failure(doc, "extraction", claims)
                    continue
                with clock.stage("resolve"):
                    resolved = self._resolve(doc, outside_dateline(doc, claims))
                yield resolved
            log.debug("batch of %d documents: %s", len(batch), split_text(clock.lap()))

    def _extract_batch(self, batch: list[Document]) -> list[ExtractedOrFailure]:
        """The batch through its language's extractor (spaCy's pipe for English), each language's
        documents apart; on an error, again one by one to isolate the culprit."""
        readable = [doc for doc in batch if self._reads_language(doc)]
        languages = {extracting_language(doc) for doc in readable}
        if len(readable) < len(batch) or len(languages) > 1:
            extracted = {doc.id: claims for language in sorted(languages) for doc, claims in self._extract_batch(
                [doc for doc in readable if extracting_language(doc) == language])}
            return [(doc, extracted.get(doc.id, [])) for doc in batch]
        try:
            return list(self.extractor_for(languages.pop()).extract_many(batch, batch_size=len(batch)))
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
            return stage_failure(doc, "resolution", error)
        return ExtractedDocument(document=doc, claims=claims)
