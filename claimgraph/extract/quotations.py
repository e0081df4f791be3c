"""Quotations: where a quotation around or before a cue opens and closes.

The AttributionFinder (``attribution.py``) reads what a speech cue reports from here when
the parser gives the cue no clause: the quoted words around it, a quotation that opened
sentences earlier in the paragraph (“We held. Nobody left,” he said.), or one the sentence
splitter cut from its cue (“Why would they not?” she asked.).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .attribution_model import DOUBLE_QUOTES
from .token_ranges import trim

OPEN_QUOTES = "“\"«‘'"
CLOSE_QUOTES = "”\"»’'"
QUOTE_SENTENCES = 6  # how far back a quotation closed by "..., she said." may have opened


def sides_of(doc: Doc, cue: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces before the cue as one content and those after it as another: a quotation
    interrupted by its cue (“We held,” she said, “and we will.”) keeps the cue out of both."""
    sides = ([p for p in pieces if p[1] <= cue], [p for p in pieces if p[1] > cue])
    return [trim(doc, min(p[0] for p in side), max(p[1] for p in side)) for side in sides if side]


def starts_quoted_in_paragraph(sent: Span) -> bool:
    """The sentence opens with a quotation mark and no line break comes before it."""
    return starts_in_paragraph(sent) and sent.text.lstrip()[:1] in OPEN_QUOTES


def sentence_index(sents: list[Span], token: int) -> int:
    return next(index for index, sent in enumerate(sents) if sent.start <= token < sent.end)


def marks_before(sent: Span, cue: int) -> list[Token]:
    """The double quotation marks of ``sent`` before token ``cue``."""
    return [t for t in sent.doc[sent.start: cue] if t.text in DOUBLE_QUOTES]


def quote_opening(before: list[Span], sent: Span, cue: int) -> Optional[int]:
    """Where the quotation that ``sent`` closes before its cue opened, when that is an earlier
    sentence of the same paragraph (at most ``QUOTE_SENTENCES`` back); None otherwise."""
    if len(marks_before(sent, cue)) % 2 == 0:
        return None
    opening = opening_sentence(before)
    return opening.start if opening is not None else None


def opening_sentence(before: list[Span]) -> Optional[Span]:
    """The latest of the sentences ``before`` (at most ``QUOTE_SENTENCES`` back, without
    crossing a paragraph break) that opens with a quotation mark; None when none does."""
    for earlier in reversed(before[-QUOTE_SENTENCES:]):
        if earlier.text.lstrip()[:1] in OPEN_QUOTES:
            return earlier
        if not starts_in_paragraph(earlier):
            return None
    return None


def quote_before(before: list[Span], sent: Span, source: tuple[int, int],
                 cue: tuple[int, int]) -> list[tuple[int, int]]:
    """“We pay. Why would they not?” she asked. — the sentence splitter cut the cue from its
    quotation after the "?" or "!": a sentence holding only a source, a cue and at most a time
    word ("said Monday") reports the quotation that closes right before it, from the sentence
    of the same paragraph that opens it."""
    framing = set(range(*source)) | set(range(*cue))
    rest = [t for t in sent if not (t.is_punct or t.is_space or t.i in framing)]
    closes_quote = bool(before) and before[-1].text.rstrip()[-1:] in CLOSE_QUOTES
    if len(rest) > 1 or not closes_quote or not starts_in_paragraph(sent):
        return []
    opening = opening_sentence(before)
    return [trim(sent.doc, opening.start, before[-1].end)] if opening is not None else []


def quote_ending_before(before: list[Span], sent: Span, cue: tuple[int, int]) -> list[tuple[int, int]]:
    """“We are holding. We will not give them a metre,” a commander told us. — a quotation
    that opened in an earlier sentence of the paragraph ends in this one before its cue: the
    words up to the closing mark are what was said (``_opened_quotes`` adds the sentences
    before)."""
    if not starts_in_paragraph(sent) or quote_opening(before, sent, cue[0]) is None:
        return []
    content = trim(sent.doc, sent.start, marks_before(sent, cue[0])[-1].i)
    return [content] if content[1] > content[0] else []


def starts_in_paragraph(sent: Span) -> bool:
    """No line break comes right before the sentence."""
    previous = sent.doc[sent.start - 1] if sent.start else None
    return previous is not None and "\n" not in previous.text + previous.whitespace_


def quoted_ranges(sent: Span) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks within a sentence."""
    ranges, start = [], None
    for token in sent:
        if token.text in OPEN_QUOTES and start is None:
            start = token.i + 1
        elif token.text in CLOSE_QUOTES and start is not None:
            ranges.append((start, token.i))
            start = None
    return ranges
