"""Helpers for the reader tests: split results, build small WARC archives in memory."""

from __future__ import annotations

import gzip
import io

from fastwarc.warc import WarcRecord, WarcRecordType

from claimgraph.model import Document, ReadFailure

WARC_DATE = "2024-08-15T06:00:00Z"


def split_results(results) -> tuple[list[Document], list[ReadFailure]]:
    results = list(results)
    return [r for r in results if isinstance(r, Document)], [r for r in results if isinstance(r, ReadFailure)]


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def warc_record(uri: str, block: bytes, kind: str = "response") -> bytes:
    record = WarcRecord()
    record.init_headers(getattr(WarcRecordType, kind))
    record.headers["WARC-Target-URI"] = uri
    record.headers["WARC-Date"] = WARC_DATE
    record.headers["Content-Type"] = f"application/http; msgtype={kind}"
    record.set_bytes_content(block)
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def build_warc(pages: dict[str, bytes], compress: bool = False) -> bytes:
    """A request and a response record per page (uri -> HTML bytes); gzip per record if asked."""
    records = []
    for uri, html in pages.items():
        records.append(warc_record(uri, b"GET / HTTP/1.1\r\nHost: example\r\n\r\n", "request"))
        records.append(warc_record(uri, http_response(html)))
    return b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)
