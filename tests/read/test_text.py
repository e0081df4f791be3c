"""Plain text, including the seed article read from ../shared at run time."""

from __future__ import annotations

from claimgraph.model import Document, ReadFailure
from claimgraph.read import read_bytes, read_paths
from claimgraph.read.text import read_text


def test_text_seed_header_is_parsed_and_removed(seed_path, settings):
    [document] = list(read_paths([seed_path], settings))
    assert (document.published, document.genre, document.author) == ("2024-08-09", "guest post", "Miriam Judith")
    assert document.format == "text" and document.origin == str(seed_path) and document.language == "en"
    original = seed_path.read_text(encoding="utf-8")
    assert "Guest Post" not in document.text and document.text in original
    assert document.text == document.text.strip()


def test_text_invalid_utf8_fails_with_byte_offset(settings):
    [failure] = list(read_bytes(b"Good start. \xc3\x28 bad pair", "memo.txt", settings))
    assert isinstance(failure, ReadFailure) and "offset 12" in failure.message and failure.origin == "memo.txt"


def test_text_reader_returns_document(settings):
    [document] = list(read_text(b"\xef\xbb\xbfBy Anna Smith\nThe ferry sailed.", "memo.txt", settings))
    assert isinstance(document, Document) and document.text == "The ferry sailed." and document.author == "Anna Smith"
