"""The contract between claimgraph's spaCy components: what each writes on a Doc, for whom.

Every Doc extension (``doc._.NAME``) and span group (``doc.spans[NAME]``) a component
writes is declared once in ``ANNOTATIONS``, with its type, the module that writes it and
the modules that read it; the records inside the two Doc extensions are the TypedDicts
below.  ``tests/extract/test_extensions.py`` scans the package source: each declared
annotation is written by its one writer and read by its readers, and none is undeclared.

All values are JSON-serialisable and use token offsets into the Doc ([start, end)).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NotRequired, Optional, TypedDict

from spacy.tokens import Doc, Span

TokenRange = list[int]  # [start, end)


class AttributionRecord(TypedDict):
    """One attribution; written by ``token_ranges.attribution_record`` (the shapes of
    attribution.py and attribution_lines.py), ``name`` and ``source_kind`` by attribution.py."""

    source: Optional[TokenRange]
    cue: Optional[TokenRange]
    content: TokenRange
    # the token ranges that only attribute (source, cue, "From X:" line, post signature):
    # they belong to no claim
    frame: list[TokenRange]
    kind: str  # "speech" | "stance" | "according" | "noun" | "block" | "post" | "headline" | "back" | "impersonal"
    # the source as the document names it, after coreference ("the Zelensky adviser" ->
    # the adviser named earlier)
    name: str
    source_kind: Optional[str]


class ClaimRecord(TypedDict):
    """One proposition, in text order; created by claim_segmenter.py, filled in by the
    status tagger, the event typer and the evidence tagger."""

    start: int
    end: int
    head: int
    tokens: list[int]  # the claim's own words (its scope)
    subject: Optional[TokenRange]
    # sentences that only comment on this claim ("This could not be verified."): the
    # status tagger reads their cues
    retro: list[TokenRange]
    hedges: NotRequired[list[TokenRange]]  # a clause the writer infers: "..., which suggests"
    status: Optional[str]
    status_cues: list[TokenRange]
    event_type: str
    negated: bool
    evidence: list[dict[str, Any]]  # model.Evidence fields, with a token-range "span"


DOC_ATTRIBUTE = "doc._"
SPAN_GROUP = "doc.spans"


@dataclass(frozen=True)
class Annotation:
    """One thing a component writes on a Doc: ``doc._.NAME`` or ``doc.spans[NAME]``."""

    name: str
    where: str  # DOC_ATTRIBUTE or SPAN_GROUP
    type: Any
    writer: str  # the module of claimgraph.extract whose component writes it
    readers: tuple[str, ...]  # the modules that read it
    meaning: str


ANNOTATIONS: tuple[Annotation, ...] = (
    Annotation("cg_openers", DOC_ATTRIBUTE, list[TokenRange], "extractor", ("openers",),
               "the reader's datelines and headings opening a paragraph (Document.openers), set before "
               "the components run; attribution and claim_segmenter ask openers.py about them"),
    Annotation("cg_attributions", DOC_ATTRIBUTE, list[AttributionRecord], "attribution",
               ("claim_segmenter", "event_typer"), "who says what: one record per attribution"),
    Annotation("cg_claims", DOC_ATTRIBUTE, list[ClaimRecord], "claim_segmenter",
               ("status_tagger", "event_typer", "evidence_tagger", "convert"), "one record per proposition"),
    Annotation("cg_places", SPAN_GROUP, list[Span], "mention_tagger", ("convert",),
               "toponyms (label 'place') and demonyms (label 'demonym'), unresolved"),
    Annotation("cg_times", SPAN_GROUP, list[Span], "mention_tagger", ("convert",), "time expressions, unresolved"),
    Annotation("cg_quantities", SPAN_GROUP, list[Span], "mention_tagger", ("convert",),
               "numbers and vague quantities with what they count, unresolved"),
    Annotation("cg_loaded", SPAN_GROUP, list[Span], "loaded_language", ("convert",),
               "loaded terms, each labelled with its neutral wording"),
)


def register() -> None:
    """Register the Doc extensions once per process."""
    for annotation in ANNOTATIONS:
        if annotation.where == DOC_ATTRIBUTE and not Doc.has_extension(annotation.name):
            Doc.set_extension(annotation.name, default=None)
