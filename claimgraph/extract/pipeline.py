"""The claim pipeline: the trained spaCy model plus claimgraph's components, in order."""

from __future__ import annotations

from spacy.language import Language

# Importing the modules registers their factories.
from . import (  # noqa: F401
    attribution, claim_segmenter, event_typer, evidence_tagger, loaded_language, mention_tagger,
    paragraphs, status_tagger,
)
from .language import load_private

BEFORE_PARSER = ("claimgraph_paragraphs_v1",)
AFTER_NER = (
    "claimgraph_mentions_v1", "claimgraph_attribution_v1", "claimgraph_claims_v1",
    "claimgraph_status_tagger_v1", "claimgraph_event_typer_v1", "claimgraph_evidence_v1",
    "claimgraph_loaded_language_v1",
)
COMPONENTS = BEFORE_PARSER + AFTER_NER


def add_parsing_components(nlp: Language) -> Language:
    """Add the components that shape the parse (sentence starts at line breaks)."""
    for factory in BEFORE_PARSER:
        nlp.add_pipe(factory, before="parser")
    return nlp


def add_claim_components(nlp: Language) -> Language:
    """Add claimgraph's components to a trained English pipeline (tagger, parser, ner)."""
    add_parsing_components(nlp)
    for factory in AFTER_NER:
        nlp.add_pipe(factory)
    return nlp


def build_pipeline(model: str = "auto") -> Language:
    return add_claim_components(load_private(model))
