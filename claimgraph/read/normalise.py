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
def _replacements() -> tuple[re.Pattern[str], dict[str, str]]:
    # a regex touches only the characters to replace; str.translate with a dict looks
    # up every character and was the slowest step of hashing a document
    table = load_rules("normalise")["replace"]
    return re.compile("|".join(map(re.escape, table))), table


def normalise_text(text: str) -> str:
    """NFC, typographic quotes/dashes unified, whitespace runs collapsed to one space."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    pattern, table = _replacements()
    return WHITESPACE.sub(" ", pattern.sub(lambda found: table[found.group(0)], text)).strip()


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
