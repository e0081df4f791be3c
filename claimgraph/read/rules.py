"""Load the reader's rule files (``read/data/*.yaml``) once per process."""

from __future__ import annotations

from typing import Any

from claimgraph.rules import packaged_yaml


def load_rules(name: str) -> dict[str, Any]:
    """The parsed YAML file ``read/data/<name>.yaml``."""
    return packaged_yaml("claimgraph.read", f"data/{name}.yaml")
