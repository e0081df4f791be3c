"""Long documents in sections: each is parsed alone, so cost and memory grow linearly with length.

spaCy's parser and our components cost more than linearly on one very long Doc, and spaCy
refuses texts over 1,000,000 characters (E088).  A document longer than ``SECTION_CHARS`` is
cut into consecutive sections at paragraph breaks (else line breaks, sentence ends, spaces);
the claims of each are moved back to the document's offsets and numbered on.  Documents up to
``SECTION_CHARS`` (every article of the evaluation corpora) are parsed whole, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Claim, Document, Place

SECTION_CHARS = 40_000
BATCH_CHARS = 200_000  # characters parsed at once: bounds the memory of a batch of Docs
# Where a section may end, best first: after a blank line, a line break, a sentence, a space.
CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]?\s"), re.compile(r"\s"))
SPAN_FIELDS = ("span", "sentence_span", "cue_span")


@dataclass(frozen=True)
class Section:
    number: int  # of the document in the stream
    document: Document
    start: int  # character offset in the document
    text: str

    @property
    def openers(self) -> list[tuple[int, int]]:
        """The document's openers inside this section, in its offsets."""
        end = self.start + len(self.text)
        return [(first - self.start, last - self.start) for first, last in self.document.openers
                if self.start <= first and last <= end]


def section_bounds(text: str, limit: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive sections covering ``text``, each at most ``limit`` long and
    cut at the best break in its second half."""
    bounds, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        bounds.append((start, end))
        start = end
    return bounds + [(start, len(text))]


def _cut(text: str, earliest: int, latest: int) -> int:
    window = text[earliest:latest]
    for pattern in CUTS:
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None:
            return earliest + last.end()
    return latest


def sections(documents: Iterable[Document]) -> Iterator[Section]:
    for number, document in enumerate(documents):
        for start, end in section_bounds(document.text):
            yield Section(number, document, start, document.text[start:end])


def batches(items: Iterable[Section], size: int, chars: int = BATCH_CHARS) -> Iterator[list[Section]]:
    """Sections in batches of at most ``size`` and (but for a single one) ``chars`` characters."""
    batch: list[Section] = []
    for item in items:
        if batch and (len(batch) == size or sum(len(s.text) for s in batch) + len(item.text) > chars):
            yield batch
            batch = []
        batch.append(item)
    if batch:
        yield batch


def joined(document: Document, parts: list[tuple[Section, list[Place], list[Claim]]]) -> tuple[list[Place], list[Claim]]:
    """The places and claims of a document's sections, at the document's offsets and numbered on."""
    if len(parts) == 1:
        return parts[0][1], parts[0][2]
    places: list[Place] = []
    claims: list[Claim] = []
    for section, section_places, section_claims in parts:
        places += [_moved(place, section.start) for place in section_places]
        for claim in section_claims:
            claims.append(_moved(claim, section.start).model_copy(update={"id": f"{document.id}:{len(claims)}"}))
    return places, claims


def _moved(record: Any, offset: int) -> Any:
    return type(record).model_validate(_shift(record.model_dump(), offset))


def _shift(value: Any, offset: int) -> Any:
    if isinstance(value, dict):
        return {key: (_add(item, offset) if key in SPAN_FIELDS else _shift(item, offset)) for key, item in value.items()}
    if isinstance(value, list):
        return [_shift(item, offset) for item in value]
    return value


def _add(span: Any, offset: int) -> Any:
    return None if span is None else (span[0] + offset, span[1] + offset)
