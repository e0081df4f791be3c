"""RSS and Atom feeds: each entry is a Document; the feed title is the outlet."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, Optional
from xml.sax import SAXParseException

import feedparser
from feedparser.exceptions import ThingsNobodyCaresAboutButMe

from claimgraph.model import Document, ReadFailure
from claimgraph.read.document import Metadata, make_document
from claimgraph.read.errors import ReadError, as_failure
from claimgraph.read.html import fragment_text
from claimgraph.settings import Settings

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    """Every entry; a feed that is not well-formed fails once, after the entries recovered from it."""
    # a stream, so feedparser never takes the bytes for a URL or a file name to open
    parsed = feedparser.parse(io.BytesIO(data))
    problem = _problem(parsed)
    if not parsed.entries:
        raise ReadError(problem or "feed has no entries")
    outlet = parsed.feed.get("title") or None
    results = [_entry_document(entry, f"{origin}#record {number}", outlet)
               for number, entry in enumerate(parsed.entries, start=1)]
    if problem:  # the broken feed is the one failure; what could be read of it is still kept
        results = [result for result in results if isinstance(result, Document)]
        results.append(ReadFailure(origin=origin, message=f"{problem}; {len(results)} of "
                                   f"{len(parsed.entries)} entries before it were read"))
    yield from results


def _problem(parsed: Any) -> Optional[str]:
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if error is None or isinstance(error, ThingsNobodyCaresAboutButMe):  # encoding/content-type notes
        return None
    if isinstance(error, SAXParseException):
        return f"not a well-formed XML feed (line {error.getLineNumber()}: {error.getMessage()})"
    return f"not a readable feed ({' '.join(str(error).split())})"


def _entry_document(entry: Any, origin: str, outlet: Optional[str]) -> Document | ReadFailure:
    try:
        text = _entry_text(entry)
    except Exception as error:  # this entry fails; the other entries are still read
        return as_failure(origin, error)
    if not text:
        return ReadFailure(origin=origin, message="feed entry has no text (no content or summary)")
    meta = Metadata(url=entry.get("link"), outlet=outlet, author=entry.get("author"),
                    published=_entry_date(entry), title=entry.get("title"))
    return make_document(text, origin, "feed", meta)


def _entry_text(entry: Any) -> str:
    """The fullest body an entry has: content, else summary; HTML flattened to text."""
    body = (entry.get("content") or [None])[0] or entry.get("summary_detail")
    if not body or not body.get("value"):
        return ""
    return fragment_text(body["value"]) if body.get("type") in HTML_TYPES else body["value"].strip()


def _entry_date(entry: Any) -> Optional[str]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat() if parsed else None
