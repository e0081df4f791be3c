"""The reader's rule files as typed, frozen rules."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from claimgraph.read.rules import encoding_rules, format_rules, header_rules, normalise_rules


def test_rules_format_rules_are_typed_and_frozen():
    rules = format_rules()
    assert rules.extensions[".ndjson"] == "jsonl" and "rss" in rules.feed_roots
    assert isinstance(rules.prose.long_run_chars, int) and 0 < rules.prose.most_in_long_runs < 1
    with pytest.raises(TypeError):
        rules.extensions[".txt"] = "html"
    with pytest.raises(FrozenInstanceError):
        rules.html_tags_needed = 0


def test_rules_header_rules_come_compiled_and_frozen():
    rules = header_rules()
    assert any(line.fullmatch("By Anna Smith") for line in rules.lines)  # placeholders filled
    assert rules.dateline.match("KYIV (Meridian Wire) — Talks resumed.").group("outlet") == "Meridian Wire"
    assert "monday" in rules.not_names and "%Y-%m-%d" in rules.date_formats
    with pytest.raises(FrozenInstanceError):
        rules.max_lines = 0


def test_rules_encoding_and_normalise_rules_are_typed_and_frozen():
    assert "cp1251" in encoding_rules().candidates and 0 < encoding_rules().max_chaos < 1
    rules = normalise_rules()
    assert rules.pattern.sub(lambda found: rules.replace[found.group(0)], "“a” – b") == '"a" - b'
    with pytest.raises(TypeError):
        rules.replace["x"] = "y"
