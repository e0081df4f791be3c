"""The reader's rule files as typed, frozen rules."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from claimgraph.read.rules import format_rules


def test_rules_format_rules_are_typed_and_frozen():
    rules = format_rules()
    assert rules.extensions[".ndjson"] == "jsonl" and "rss" in rules.feed_roots
    assert isinstance(rules.prose.long_run_chars, int) and 0 < rules.prose.most_in_long_runs < 1
    with pytest.raises(TypeError):
        rules.extensions[".txt"] = "html"
    with pytest.raises(FrozenInstanceError):
        rules.html_tags_needed = 0
