"""Text normalised for hashing, and the document id derived from it.

The normalised form is only ever hashed: ``Document.text`` keeps the original
characters so that claim offsets index into what the user sees.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from claimgraph.read.rules import load_rules

WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _replacements() -> dict[int, str]:
    return str.maketrans(load_rules("normalise")["replace"])


def normalise_text(text: str) -> str:
    """NFC, typographic quotes/dashes unified, whitespace runs collapsed to one space."""
    composed = unicodedata.normalize("NFC", text).translate(_replacements())
    return WHITESPACE.sub(" ", composed).strip()


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
