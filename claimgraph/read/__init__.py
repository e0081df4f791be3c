"""Read documents: bytes -> ``Document`` | ``ReadFailure``.

The format is sniffed from the content (see sniff.py); each format has one module.
Nothing here raises for bad input: a file or record that cannot be read becomes a
``ReadFailure`` naming it, and reading goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claimgraph.model import Document, ReadFailure
from claimgraph.read.decode import as_utf8
from claimgraph.read.errors import ReadError, as_failure, too_large
from claimgraph.read.feed import read_feed
from claimgraph.read.html import read_html
from claimgraph.read.jsonl import read_jsonl
from claimgraph.read.paths import expand_paths, load_bytes, origin_of
from claimgraph.read.sniff import sniff_format, unreadable_reason
from claimgraph.read.text import read_text
from claimgraph.read.warc import read_warc
from claimgraph.settings import Settings

__all__ = ["read_paths", "read_bytes", "READERS"]

Reader = Callable[[bytes, str, Settings], Iterator[Document | ReadFailure]]
NON_SPACE = re.compile(rb"\S")
READERS: dict[str, Reader] = {
    "warc": read_warc, "feed": read_feed, "html": read_html, "jsonl": read_jsonl, "text": read_text,
}


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Iterator[Document | ReadFailure]:
    """Documents from files, folders (recursive, sorted, hidden skipped) and "-" (stdin)."""
    for path in expand_paths(paths):
        try:
            data = load_bytes(path, settings.max_file_bytes)
        except ReadError as error:
            yield ReadFailure(origin=origin_of(path), message=str(error))
            continue
        yield from read_bytes(data, origin_of(path), settings)


def read_bytes(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    """Documents from one input's bytes; ``origin`` names it in documents and failures."""
    try:
        yield from _read_sniffed(data, origin, settings)
    except Exception as error:  # reported, and the other inputs are still read
        yield as_failure(origin, error)


def _read_sniffed(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    if len(data) > settings.max_file_bytes:
        raise too_large(len(data), settings.max_file_bytes)
    if not NON_SPACE.search(data):
        raise ReadError("empty file" if not data else "file holds only whitespace")
    data = as_utf8(data)
    fmt = sniff_format(data, origin)
    if fmt is None:
        raise ReadError(unreadable_reason(data))
    yield from READERS[fmt](data, origin, settings)
