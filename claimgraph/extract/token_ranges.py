"""Token ranges and attribution records shared by the attribution shapes (attribution.py
and attribution_lines.py): an attribution is a dict of token ranges, see ``attribution_record``."""

from __future__ import annotations

from typing import Any, Iterable, Optional

from spacy.tokens import Doc, Token

Attribution = dict[str, Any]
TIME_ENTITIES = ("DATE", "TIME")  # entity labels of a time phrase ("on Sunday"), which names no source


def subtree_bounds(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past punctuation, quotes and whitespace at both edges."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def bounds_without(tokens: Iterable[int], removed: set[int]) -> Optional[tuple[int, int]]:
    kept = [i for i in tokens if i not in removed]
    return (min(kept), max(kept) + 1) if kept else None


def is_name_word(token: Token) -> bool:
    """A proper noun, or a capitalised noun the tagger did not take for a name ("Sanders",
    "Poll" opening a headline)."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


def attribution_record(source, cue, content, kind: str, frame) -> Attribution:
    """One attribution; ``frame`` lists the token ranges that only attribute (not content)."""
    return {"source": list(source), "cue": list(cue), "content": list(content), "kind": kind,
            "frame": [list(r) for r in frame]}
