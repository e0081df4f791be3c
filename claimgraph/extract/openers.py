"""The reader's openers on a Doc: datelines and headings that open a paragraph.

Reading recognises them (``Document.openers``, by ``opener_pattern`` in read/data/headers.yaml);
extraction only reads their spans, as token ranges in ``doc._.cg_openers``, which the Extractor
writes before the components run (``extractor.with_openers``).  The parser hangs an opener on
the first clause of its paragraph ("KURSK (Regional Desk) — The governor said ...") or makes a
sentence of it: it belongs to no claim and to no source's name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def after_opener(doc: Doc, start: int, end: int) -> int:
    """Where words from ``start`` to ``end`` start without an opener that begins them, or
    that they begin inside (the parser may split "KURSK, Russia (Desk) —" and hang its tail on
    the clause), and that leaves some word after it ("KURSK (Regional Desk) — The governor");
    ``start`` without one."""
    return next((last for first, last in doc._.cg_openers or () if first <= start < last < end), start)


def is_opener(sent: Span) -> bool:
    """A sentence the splitter made of an opener alone: "MOSCOW (Eastern Dispatch) —"."""
    words = [t.i for t in sent if not t.is_space]
    return bool(words) and any(first <= words[0] and words[-1] < last for first, last in sent.doc._.cg_openers or ())
