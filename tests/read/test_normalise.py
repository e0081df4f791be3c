"""Normalised text (for hashing only) and the document id."""

from __future__ import annotations

from claimgraph.read.normalise import document_id, normalise_text


def test_normalise_unifies_quotes_dashes_and_whitespace():
    typeset = "\u201cWe hold the line\u201d \u2014 the commander\u2019s words\u2026\u00a0 \n\tend"
    assert normalise_text(typeset) == "\"We hold the line\" - the commander's words... end"


def test_normalise_composes_unicode():
    assert normalise_text("Cafe\u0301") == normalise_text("Caf\u00e9") == "Caf\u00e9"


def test_normalise_document_id_ignores_typography_only():
    plain = "\"Ten drones,\" the ministry said - none hit."
    typeset = "\u201cTen drones,\u201d  the ministry said \u2013 none hit.\n"
    assert document_id(plain) == document_id(typeset)
    assert document_id(plain) != document_id(plain.replace("Ten", "Eleven"))


def test_normalise_document_id_is_16_hex():
    identifier = document_id("Some text.")
    assert len(identifier) == 16 and int(identifier, 16) >= 0
