"""Format sniffing: the content decides, the extension only breaks ties."""

from __future__ import annotations

import gzip

import pytest

from claimgraph.read.sniff import sniff_format, unreadable_reason


@pytest.mark.parametrize("data, expected", [
    (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
    (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), "warc"),
    (b'<?xml version="1.0"?>\n<!-- a feed -->\n<rss version="2.0"><channel/></rss>', "feed"),
    (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', "feed"),
    (b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "html"),
    (b"Intro line\n<div><p>One</p><p>Two</p></div>", "html"),
    (b'\n{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    (b"A plain report about <3 bridges and {braces}.", "text"),
    (b'["not", "an", "object"]\n', "text"),
])
def test_sniff_by_content(data, expected):
    assert sniff_format(data, "input.txt") == expected


def test_sniff_content_beats_extension():
    assert sniff_format(b"<html><body><p>x</p></body></html>", "page.jsonl") == "html"
    assert sniff_format(b'{"text": "a"}', "notes.txt") == "jsonl"


def test_sniff_extension_breaks_ties_for_plain_looking_content():
    assert sniff_format(b'{"text": "broken\n{"text": "fine"}\n', "items.jsonl") == "jsonl"
    assert sniff_format(b'{"text": "broken\n', "items.txt") == "text"
    assert sniff_format(b'{"text": "broken\n', "items.jsonl#record 2") == "jsonl"


def test_sniff_binary_is_none():
    assert sniff_format(b"PK\x03\x04\x00\x00", "archive.zip") is None
    assert sniff_format(gzip.compress(b"not a warc"), "notes.gz") is None


def test_sniff_unreadable_reason_names_the_problem():
    assert "offset 4" in unreadable_reason(b"PK\x03\x04\x00")
    assert "gzip" in unreadable_reason(gzip.compress(b"plain notes"))
