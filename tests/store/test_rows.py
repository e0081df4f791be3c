"""Rows <-> models: what reads a stored row gives what the row was written from, and what
parsing the stored JSON, then validating it (the way before rows._from_stored), gives."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from claimgraph.model import Document, Event, Place
from claimgraph.store import rows
from tests.store.factories import make_claim, make_document, make_event


def stored(row: dict) -> SimpleNamespace:
    """``row`` as a database hands it back: its ``data`` column as JSON text, as SQLAlchemy's
    JSON type writes it."""
    return SimpleNamespace(**{**row, "data": json.dumps(row["data"])})


@pytest.fixture
def full_event() -> Event:
    doc = make_document()
    claims = [make_claim(doc, 0), make_claim(doc, 1, text="A second claim, «quoted»")]
    return make_event(claims=claims, assessment={"status": "disputed", "note": "ünïcode \"quoted\"}"},
                      story_id="s1", location=Place(text="Northford", span=(4, 13), lat=50.5, lon=1e-07))


def test_rows_event_read_as_written_and_as_validated_json(full_event):
    row = stored(rows.event_row(full_event))
    members = list(full_event.claims)
    read = rows.event_from_row(row, members)
    assert read == full_event == Event.model_validate({**json.loads(row.data), "claims": members})
    assert read.model_dump_json() == full_event.model_dump_json()
    members.append("later")
    assert read.claims == full_event.claims  # a copy of the members handed in


def test_rows_document_read_as_written_and_as_validated_json():
    doc = make_document("Text with a } brace and \"quotes\".", title="A } title")
    copies = [{"url": "https://mirror.test/a", "outlet": None, "origin": "a.txt"}]
    row = stored(rows.document_row(doc.model_copy(update={"copies": copies}), "2024-08-05T00:00:00+00:00"))
    read = rows.document_from_row(row, copies)
    assert read == Document.model_validate({**json.loads(row.data), "text": row.text, "copies": copies})
    assert read == doc.model_copy(update={"copies": copies})
