"""Packaged YAML rule files (word lists, patterns, mappings), each read once per process.

Every rule file of the package is read through ``packaged_yaml``; a stage that keeps typed
rules builds them once with ``typed_rules`` from a function of the parsed file, as
``link/rules.py`` does for linking.yaml (a frozen dataclass).  Each file documents itself in
a header comment.  The parsed files are shared: read them, never change them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, Callable, TypeVar

import yaml

Rules = TypeVar("Rules")


@lru_cache(maxsize=None)
def packaged_yaml(package: str, path: str) -> Any:
    """The parsed YAML file at ``path`` inside ``package`` ("claimgraph.read", "data/headers.yaml")."""
    return yaml.safe_load(resources.files(package).joinpath(path).read_text("utf-8"))


@lru_cache(maxsize=None)
def typed_rules(package: str, path: str, build: Callable[[Any], Rules]) -> Rules:
    """The file's rules as ``build`` makes them from its parsed YAML, built once."""
    return build(packaged_yaml(package, path))
