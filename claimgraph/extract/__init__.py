"""Claim extraction: Document -> list[Claim] with unresolved mentions (spaCy components)."""

from .extractor import Extractor

__all__ = ["Extractor"]
