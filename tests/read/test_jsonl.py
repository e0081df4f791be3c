"""JSON lines: one document per line, field names from the settings."""

from __future__ import annotations

import json

import pytest

from claimgraph.model import Document, ReadFailure
from claimgraph.read.jsonl import read_jsonl


def lines(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode("utf-8")


def test_jsonl_fields_become_metadata(settings):
    data = lines({"text": "The dam held, engineers said.", "title": "Dam holds", "url": "https://w.example/d",
                  "published": "2024-08-12", "author": "Lena Ortiz", "outlet": "Water Bulletin"})
    [document] = list(read_jsonl(data, "items.jsonl", settings))
    assert (document.title, document.url, document.published, document.author, document.outlet) == (
        "Dam holds", "https://w.example/d", "2024-08-12", "Lena Ortiz", "Water Bulletin")
    assert document.origin == "items.jsonl#line 1" and document.format == "jsonl"


def test_jsonl_field_names_come_from_settings(settings):
    custom = settings.with_(jsonl_text_field="body", jsonl_outlet_field="source")
    data = lines({"body": "Trains ran again on Friday.", "source": "Rail Today", "text": "ignored"})
    [document] = list(read_jsonl(data, "items.jsonl", custom))
    assert (document.text, document.outlet) == ("Trains ran again on Friday.", "Rail Today")


def test_jsonl_bad_lines_fail_alone_and_are_numbered(settings):
    data = lines({"text": "First report."}, '{"text": broken', "", "[1, 2]", {"title": "no text"},
                 {"text": "Last report."})
    results = list(read_jsonl(data, "items.jsonl", settings))
    assert [r.origin for r in results if isinstance(r, Document)] == ["items.jsonl#line 1", "items.jsonl#line 6"]
    failures = {r.origin: r.message for r in results if isinstance(r, ReadFailure)}
    assert set(failures) == {"items.jsonl#line 2", "items.jsonl#line 4", "items.jsonl#line 5"}
    assert "JSON" in failures["items.jsonl#line 2"] and "'text'" in failures["items.jsonl#line 5"]


def test_jsonl_invalid_utf8_line_names_file_offset(settings):
    data = b'{"text": "ok"}\n{"text": "bad \xff byte"}\n'
    results = list(read_jsonl(data, "items.jsonl", settings))
    assert isinstance(results[0], Document)
    bad_byte_offset = data.index(b"\xff")
    assert results[1].origin == "items.jsonl#line 2" and f"offset {bad_byte_offset}" in results[1].message


@pytest.mark.parametrize("bad", ["\\u0000", "\\ud800"])
def test_jsonl_character_no_database_stores_fails_only_its_line(settings, bad):
    data = (f'{{"text": "The bridge{bad} was closed."}}\n'
            '{"text": "The ferry sailed at dawn.", "title": "Ferry"}\n'
            f'{{"text": "The market reopened.", "title": "Market{bad}"}}\n').encode()
    results = list(read_jsonl(data, "wire.jsonl", settings))
    assert [r.text for r in results if isinstance(r, Document)] == ["The ferry sailed at dawn."]
    assert [(r.origin, "which is not text" in r.message) for r in results if isinstance(r, ReadFailure)] == [
        ("wire.jsonl#line 1", True), ("wire.jsonl#line 3", True)]
