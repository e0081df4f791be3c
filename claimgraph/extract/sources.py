"""Guess a source's kind from its name (lexicon ``sources.yaml``)."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from .lexicon import source_rules


def _words(text: str) -> str:
    return " " + re.sub(r"[^\w@.\-]+", " ", text.lower()).strip() + " "


def _has_word(words: str, cue: str) -> bool:
    return cue == "@" and "@" in words or f" {cue} " in words


def is_unnamed(span: Span) -> bool:
    """True for "officials", "a source familiar with ...": no proper noun, anonymous head."""
    has_name = any(token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG") for token in span)
    return not has_name and span.root.lower_ in source_rules().anonymous_heads


def guess_kind(name: str, span: Optional[Span] = None) -> Optional[str]:
    """One of the spec's source kinds, or None when no word of the name gives it away.  The
    span's head noun is tried first ("campaign finance records" are a document)."""
    if span is not None and is_unnamed(span):
        return "anonymous"
    return (span is not None and kind_of_words(span.root.text)) or kind_of_words(name)


def kind_of_words(text: str) -> Optional[str]:
    words = _words(text)
    for kind, cues in source_rules().kinds.items():
        if any(_has_word(words, cue) for cue in cues):
            return kind
    return None
