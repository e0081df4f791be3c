"""RSS and Atom feeds: each entry is a Document; the feed title is the outlet."""

from __future__ import annotations

import bisect
import io
import re
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


# A character reference (&#55296; or &#xD800;) and where entries start, in the raw bytes.
CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
ENTRY_START = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>/]")
REPLACEMENT = b"&#xFFFD;"


def read_feed(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    """Every entry; a feed that is not well-formed fails once, after the entries recovered from it.
    An entry holding a character reference to no character XML allows (&#xD800;) fails alone."""
    bad_references = _bad_references(data)
    readable = _replaced(data, bad_references) if bad_references else data
    # a stream, so feedparser never takes the bytes for a URL or a file name to open
    parsed = feedparser.parse(io.BytesIO(readable))
    problem = _problem(parsed)
    if not parsed.entries:
        raise ReadError(problem or "feed has no entries")
    outlet = parsed.feed.get("title") or None
    bad_entries = _entries_holding(data, bad_references, len(parsed.entries))
    results = [_entry_document(entry, f"{origin}#record {number}", outlet, bad_entries.get(number))
               for number, entry in enumerate(parsed.entries, start=1)]
    if 0 in bad_entries:  # outside the entries: the feed says it once, its entries are kept
        results.append(ReadFailure(origin=origin, message=_bad_reference_message(bad_entries[0])))
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


def _bad_references(data: bytes) -> list[tuple[int, bytes]]:
    """Where the feed refers to a code point XML forbids (a surrogate, a control character,
    past U+10FFFF), and the reference as written."""
    if b"&#" not in data:
        return []
    return [(match.start(), match[0]) for match in CHARACTER_REFERENCE.finditer(data)
            if not _is_xml_character(int(match[1], 16) if match[1] else int(match[2]))]


def _is_xml_character(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _replaced(data: bytes, references: list[tuple[int, bytes]]) -> bytes:
    """The feed with each bad reference replaced by one to U+FFFD, which feedparser can read."""
    parts, done = [], 0
    for position, reference in references:
        parts += [data[done:position], REPLACEMENT]
        done = position + len(reference)
    return b"".join(parts + [data[done:]])


def _entries_holding(data: bytes, references: list[tuple[int, bytes]], entries: int) -> dict[int, bytes]:
    """Entry number -> the first bad reference inside it; 0 for the feed's own (before the
    first entry, or anywhere when the entries found in the bytes are not those feedparser read)."""
    if not references:
        return {}
    starts = [match.start() for match in ENTRY_START.finditer(data)]
    if len(starts) != entries:
        return {0: references[0][1]}
    held: dict[int, bytes] = {}
    for position, reference in references:
        held.setdefault(bisect.bisect_right(starts, position), reference)
    return held


def _bad_reference_message(reference: bytes) -> str:
    return f"character reference {reference.decode('ascii')} names no character XML allows"


def _entry_document(entry: Any, origin: str, outlet: Optional[str],
                    bad_reference: Optional[bytes] = None) -> Document | ReadFailure:
    if bad_reference is not None:
        return ReadFailure(origin=origin, message=_bad_reference_message(bad_reference))
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
