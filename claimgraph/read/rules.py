"""Load the reader's rule files (``read/data/*.yaml``) once per process."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from claimgraph.rules import packaged_yaml, typed_rules


def load_rules(name: str) -> dict[str, Any]:
    """The parsed YAML file ``read/data/<name>.yaml``."""
    return packaged_yaml("claimgraph.read", f"data/{name}.yaml")


@dataclass(frozen=True)
class ProseRule:
    """A text is not prose when most of it stands in runs longer than ``long_run_chars``."""
    long_run_chars: int
    most_in_long_runs: float


@dataclass(frozen=True)
class FormatRules:
    """formats.yaml: how a format is told from the content (and the name), and what prose is."""
    feed_roots: frozenset[str]
    html_tags: tuple[str, ...]
    html_tags_needed: int
    extensions: Mapping[str, str]
    block_tags: frozenset[str]
    non_text_tags: frozenset[str]
    prose: ProseRule


def format_rules() -> FormatRules:
    return typed_rules("claimgraph.read", "data/formats.yaml", _format_rules)


def _format_rules(raw: dict[str, Any]) -> FormatRules:
    return FormatRules(
        feed_roots=frozenset(raw["feed_roots"]), html_tags=tuple(raw["html_tags"]),
        html_tags_needed=int(raw["html_tags_needed"]), extensions=MappingProxyType(dict(raw["extensions"])),
        block_tags=frozenset(raw["block_tags"]), non_text_tags=frozenset(raw["non_text_tags"]),
        prose=ProseRule(int(raw["prose"]["long_run_chars"]), float(raw["prose"]["most_in_long_runs"])),
    )
