"""Load the output rule files (``interfaces/data/*.yaml``) once per process."""

from __future__ import annotations

from typing import Any

from claimgraph.rules import packaged_yaml


def load_rules(name: str) -> dict[str, Any]:
    """The parsed YAML file ``interfaces/data/<name>.yaml``."""
    return packaged_yaml("claimgraph.interfaces", f"data/{name}.yaml")
