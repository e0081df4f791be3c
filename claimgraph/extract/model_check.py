"""The check that the pinned spaCy pipeline installed is the one recorded in
``models/spacy_model.yaml`` (a third-party re-upload: see that file).

    python -m claimgraph.extract.model_check            # check (setup.sh runs it); exit 1 if it differs
    python -m claimgraph.extract.model_check --record   # print the values of what is installed
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import yaml

from claimgraph.rules import packaged_yaml


def pinned_model() -> dict:
    """What ``models/spacy_model.yaml`` records of the pinned pipeline."""
    return packaged_yaml("claimgraph.extract", "models/spacy_model.yaml")


def installed_model_digests(package: str) -> dict[str, str]:
    """sha256 of the installed pipeline's meta.json and of all its files (see spacy_model.yaml)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the spaCy pipeline {package} is not installed")
    folder = Path(spec.origin).parent
    meta = next(folder.glob(f"{package}-*/meta.json"))
    lines = sorted(f"{_sha256(path)}  {path.relative_to(meta.parent).as_posix()}"
                   for path in meta.parent.rglob("*") if path.is_file())
    return {"meta_json_sha256": _sha256(meta), "files_sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest()}


def model_differences() -> list[str]:
    """How the installed pinned pipeline differs from its record (empty: it is the one recorded)."""
    pinned = pinned_model()
    found = installed_model_digests(pinned["package"])
    return [f"{pinned['package']} {name}: recorded {pinned[name]}, installed {value}"
            for name, value in found.items() if pinned[name] != value]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    if sys.argv[1:] == ["--record"]:
        print(yaml.safe_dump(installed_model_digests(pinned_model()["package"])), end="")
        sys.exit(0)
    differences = model_differences()
    for line in differences:
        print(f"setup: the spaCy pipeline is not the one recorded: {line}", file=sys.stderr)
    sys.exit(1 if differences else 0)
