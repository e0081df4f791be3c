"""Claims cut from page furniture are no claims: credits, publication times, photo credits,
sharing prompts (the patterns of ``lexicons/boilerplate.yaml``).  Reading keeps every line of a
page, so that offsets hold and nothing is lost; extraction drops what they would wrongly claim."""

from __future__ import annotations

import re

from ..model import Claim, Document
from .lexicon import boilerplate_rules

SPACES = re.compile(r"\s+")


def is_boilerplate(sentence: str) -> bool:
    return bool(boilerplate_rules().pattern.search(SPACES.sub(" ", sentence).strip()))


def without_boilerplate(document: Document, claims: list[Claim]) -> list[Claim]:
    """The claims whose sentence is not page furniture."""
    return [c for c in claims if not is_boilerplate(document.text[c.sentence_span[0]:c.sentence_span[1]] or c.text)]
