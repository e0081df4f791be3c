"""Load the reader's rule files (``read/data/*.yaml``) once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict[str, Any]:
    """The parsed YAML file ``read/data/<name>.yaml``."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)
