"""Load the YAML word lists in ``lexicons/`` (each file documents itself in a header)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml
from spacy.tokens import Doc

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed ``lexicons/<name>.yaml`` (cached; treat it as read-only)."""
    with open(LEXICON_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def phrase_patterns(make_doc: Callable[[str], Doc], phrases: list[str]) -> list[Doc]:
    """Docs for a PhraseMatcher on LOWER, tokenised like the text they match."""
    return [make_doc(phrase.lower()) for phrase in phrases]
