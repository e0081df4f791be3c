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


def test_text_undecodable_bytes_fail_with_byte_offset(settings):
    [failure] = list(read_bytes(b"Good start. " + bytes(range(0x80, 0x100)), "memo.txt", settings))
    assert isinstance(failure, ReadFailure) and "offset 12" in failure.message and failure.origin == "memo.txt"


def test_text_legacy_encoding_without_charset_is_read(settings):
    text = "The caf\u00e9 on the pier reopened \u2013 \u201cwithin days\u201d, the harbour master\u2019s office said."
    [document] = list(read_bytes(text.encode("cp1252"), "memo.txt", settings))
    assert isinstance(document, Document) and document.text == text


def test_text_cyrillic_without_charset_is_read(settings):
    text = "\u0416\u0438\u0442\u0435\u043b\u0438 \u0421\u0443\u0434\u0436\u0438 \u044d\u0432\u0430\u043a\u0443\u0438\u0440\u043e\u0432\u0430\u043d\u044b, \u0441\u043e\u043e\u0431\u0449\u0438\u043b \u0433\u0443\u0431\u0435\u0440\u043d\u0430\u0442\u043e\u0440."
    [document] = list(read_bytes(text.encode("cp1251"), "memo.txt", settings))
    assert isinstance(document, Document) and document.text == text


def test_text_reader_returns_document(settings):
    [document] = list(read_text(b"\xef\xbb\xbfBy Anna Smith\nThe ferry sailed.", "memo.txt", settings))
    assert isinstance(document, Document) and document.text == "The ferry sailed." and document.author == "Anna Smith"
