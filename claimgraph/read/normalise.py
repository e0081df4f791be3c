"""Text normalised for hashing, and the document id derived from it.

The normalised form is only ever hashed: ``Document.text`` keeps the original
characters so that claim offsets index into what the user sees.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from claimgraph.read.rules import normalise_rules

WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC, typographic quotes/dashes unified, whitespace runs collapsed to one space."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    rules = normalise_rules()
    return WHITESPACE.sub(" ", rules.pattern.sub(lambda found: rules.replace[found.group(0)], text)).strip()


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
