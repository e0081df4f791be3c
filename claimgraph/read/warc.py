"""WARC archives: HTML (and plain-text) HTTP responses become Documents."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Optional

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from claimgraph.model import Document, ReadFailure
from claimgraph.read.decode import decode_text
from claimgraph.read.document import Metadata, make_document
from claimgraph.read.errors import ReadError, as_failure
from claimgraph.read.html import decode_html, html_document
from claimgraph.read.sniff import GZIP_MAGIC, sniff_format
from claimgraph.settings import Settings

HEADER_END = b"\r\n\r\n"


def read_warc(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    """One Document per readable response; a broken or truncated record fails as ``origin#record N``."""
    results, last = _read_records(data, origin)
    damage = None if any(isinstance(r, ReadFailure) for r in results) else _archive_damage(data, last)
    if damage:
        results.append(ReadFailure(origin=origin, message=damage))
    if not results:
        raise ReadError("WARC archive holds no readable HTML or text response")
    yield from results


LastRecord = Optional[tuple[int, int, Optional[str]]]  # number, stream position, WARC Content-Length


def _read_records(data: bytes, origin: str) -> tuple[list[Document | ReadFailure], LastRecord]:
    """Documents and record failures, stopping at data fastwarc cannot parse at all."""
    results, last = [], None
    try:
        # fsspec_args=False: the iterator must never treat input as a path or URL to open
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data), parse_http=True, fsspec_args=False), 1):
            results.append(_read_record(record, f"{origin}#record {number}"))
            last = (number, record.stream_pos, record.headers.get("Content-Length"))
    except OSError as error:
        after = f"after record {last[0]}" if last else "at the start"
        results.append(ReadFailure(origin=origin, message=f"corrupt WARC data {after}: {error}"))
    return [result for result in results if result is not None], last


def _archive_damage(data: bytes, last: LastRecord) -> Optional[str]:
    """Why the archive is incomplete even though every record fastwarc returned was whole.

    fastwarc stops quietly at a record cut inside its header or a gzip member cut short,
    so the end of the input is checked here.
    """
    if data.startswith(GZIP_MAGIC):
        return None if _gzip_members_complete(data) else "truncated or corrupt gzip data (archive cut short?)"
    if last is None:
        return None
    number, start, length = last
    header_end = data.find(HEADER_END, start)
    if header_end < 0:
        return f"record {number} is cut off inside its header (truncated archive?)"
    end = header_end + len(HEADER_END) + int(length or 0)
    if data[end:].strip():
        return f"{len(data) - end} bytes after record {number} are not a complete WARC record (truncated archive?)"
    return None


def _gzip_members_complete(data: bytes, chunk: int = 1 << 20) -> bool:
    """Whether every gzip member in ``data`` ends properly (output discarded as it comes)."""
    rest = data
    while rest.strip(b"\x00"):
        member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            while not member.eof:
                if not rest:
                    return False
                member.decompress(rest, chunk)
                rest = member.unconsumed_tail
        except zlib.error:
            return False
        rest = member.unused_data
    return True


def _read_record(record: WarcRecord, origin: str) -> Document | ReadFailure | None:
    """A Document, a failure for a damaged record, or None for records that are not pages."""
    try:
        return _record_document(record, origin)
    except Exception as error:  # this record fails; the other records are still read
        return as_failure(origin, error)


def _record_document(record: WarcRecord, origin: str) -> Document | ReadFailure | None:
    if record.record_type == WarcRecordType.unknown or "Content-Length" not in record.headers:
        raise ReadError("malformed WARC record header (truncated or corrupt archive)")
    payload = record.reader.read()
    if len(payload) < record.content_length:
        raise ReadError(f"truncated WARC record ({len(payload)} of {record.content_length} bytes)")
    if record.record_type != WarcRecordType.response:
        return None
    known = Metadata(url=record.headers.get("WARC-Target-URI"), published=_record_date(record))
    return _payload_document(payload, _payload_format(record, payload), record.http_charset, origin, known)


def _payload_document(payload: bytes, kind: Optional[str], charset: Optional[str], origin: str,
                      known: Metadata) -> Document | ReadFailure | None:
    if kind == "html":
        return html_document(decode_html(payload, charset), origin, "warc", known)
    if kind == "text":
        text = decode_text(payload, charset)
        return make_document(text, origin, "warc", known, plain_text=True)
    return None


def _payload_format(record: WarcRecord, payload: bytes) -> Optional[str]:
    content_type = (record.http_content_type or "").lower()
    if "html" in content_type:
        return "html"
    if content_type == "text/plain":
        return "text"
    return sniff_format(payload) if not content_type else None


def _record_date(record: WarcRecord) -> Optional[str]:
    return record.record_date.isoformat() if record.record_date else None
