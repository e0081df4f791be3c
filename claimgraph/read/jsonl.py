"""JSON lines: one article per line; field names come from the settings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Optional

from claimgraph.model import Document, ReadFailure
from claimgraph.read.decode import decode_text
from claimgraph.read.document import Metadata, make_document
from claimgraph.read.errors import ReadError, as_failure
from claimgraph.settings import Settings


def read_jsonl(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    """One Document per line; a bad line is reported as ``origin#line N`` and skipped."""
    offset = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.strip():
            yield _read_line(raw, offset, f"{origin}#line {number}", settings)
        offset += len(raw) + 1


def _read_line(raw: bytes, offset: int, origin: str, settings: Settings) -> Document | ReadFailure:
    try:
        return _record_document(_parse_record(raw, offset), origin, settings)
    except Exception as error:  # this line fails; the other lines are still read
        return as_failure(origin, error)


def _parse_record(raw: bytes, offset: int) -> dict[str, Any]:
    try:
        record = json.loads(decode_text(raw, "utf-8", offset))  # JSON is UTF-8 (RFC 8259): no guessing
    except json.JSONDecodeError as error:
        raise ReadError(f"not valid JSON at column {error.colno} ({error.msg})") from None
    if not isinstance(record, dict):
        raise ReadError(f"a JSON {type(record).__name__} where an object was expected")
    return record


def _record_document(record: dict[str, Any], origin: str, settings: Settings) -> Document | ReadFailure:
    text = record.get(settings.jsonl_text_field)
    if not isinstance(text, str) or not text.strip():
        raise ReadError(f"no text in field {settings.jsonl_text_field!r}")
    meta = Metadata(
        url=_field(record, settings.jsonl_url_field), outlet=_field(record, settings.jsonl_outlet_field),
        author=_field(record, settings.jsonl_author_field), published=_field(record, settings.jsonl_date_field),
        title=_field(record, settings.jsonl_title_field),
    )
    return make_document(text, origin, "jsonl", meta, plain_text=True)


def _field(record: dict[str, Any], name: str) -> Optional[str]:
    value = record.get(name)
    return None if value in (None, "") else str(value)
