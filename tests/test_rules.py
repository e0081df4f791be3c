"""One loader for the packaged YAML rule files (claimgraph/rules.py)."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError, dataclass
from pathlib import Path

import pytest

from claimgraph.rules import packaged_yaml, typed_rules

PACKAGE = Path(__file__).resolve().parents[1] / "claimgraph"
# files read otherwise, and why: the user's actor file is not packaged; evaluation gold is data;
# geoparse.py and gazetteer.py build the gazetteer from package data (own caches)
READ_OTHERWISE = {"rules.py", "resolve/actors.py", "resolve/geoparse.py", "resolve/gazetteer.py",
                  "eval/linking.py", "eval/linking_real.py", "eval/train_linking.py"}


# modules that hand a parsed rule file on as plain dicts, and why: actors.yaml, merged with a user's
# file; spacy_model.yaml, a record compared key by key with the installed model, not rules.  Every
# other file is built into typed rules.
PLAIN_DICTS = {"resolve/actors.py", "extract/model_check.py"}


@dataclass(frozen=True)
class StopWords:
    words: frozenset[str]


def stop_words(raw: dict) -> StopWords:
    stop_words.calls += 1
    return StopWords(frozenset(raw["stop_words"]))


stop_words.calls = 0


def test_rules_packaged_yaml_is_read_once():
    first = packaged_yaml("claimgraph.store", "data/search.yaml")
    assert "the" in first["stop_words"]
    assert packaged_yaml("claimgraph.store", "data/search.yaml") is first


def test_rules_typed_rules_are_built_once_and_frozen():
    rules = typed_rules("claimgraph.store", "data/search.yaml", stop_words)
    assert typed_rules("claimgraph.store", "data/search.yaml", stop_words) is rules
    assert stop_words.calls == 1 and "the" in rules.words
    with pytest.raises(FrozenInstanceError):
        rules.words = frozenset()


def test_rules_every_packaged_yaml_goes_through_the_loader():
    parsing = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
               if re.search(r"yaml\.(safe_)?load\(", path.read_text("utf-8"))}
    assert parsing <= READ_OTHERWISE


def test_rules_plain_dict_files_are_the_listed_ones():
    plain = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
             if "packaged_yaml(" in path.read_text("utf-8")} - {"rules.py"}
    assert plain <= PLAIN_DICTS
