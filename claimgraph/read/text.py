"""Plain text: UTF-8, with an optional header line (see header.py)."""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.model import Document, ReadFailure
from claimgraph.read.decode import decode_text
from claimgraph.read.document import make_document
from claimgraph.settings import Settings


def read_text(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    yield make_document(decode_text(data), origin, "text", plain_text=True)
