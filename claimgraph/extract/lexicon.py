"""Load the YAML word lists in ``lexicons/`` (each file documents itself in a header)."""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc

from claimgraph.rules import packaged_yaml


def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed ``lexicons/<name>.yaml`` (read once; treat it as read-only)."""
    return packaged_yaml("claimgraph.extract", f"lexicons/{name}.yaml")


def phrase_patterns(make_doc: Callable[[str], Doc], phrases: list[str]) -> list[Doc]:
    """Docs for a PhraseMatcher on LOWER, tokenised like the text they match."""
    return [make_doc(phrase.lower()) for phrase in phrases]
