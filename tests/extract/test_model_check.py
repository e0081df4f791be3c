"""The supply chain: every pinned package has its hash, and the spaCy pipeline (a third-party
re-upload) installed is the one recorded."""

from __future__ import annotations

import re

from claimgraph.extract import model_check
from tests.conftest import REPO

LOCK_ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>\S+) \\\n    --hash=sha256:(?P<hash>[0-9a-f]{64})$", re.M)


def lock_entries() -> dict[str, tuple[str, str]]:
    text = (REPO / "requirements.lock").read_text("utf-8")
    return {m["name"].lower(): (m["version"], m["hash"]) for m in LOCK_ENTRY.finditer(text)}


def test_model_check_every_locked_package_has_a_hash():
    text = (REPO / "requirements.lock").read_text("utf-8")
    pinned = [line for line in text.splitlines() if "==" in line and not line.startswith("#")]
    assert pinned and len(lock_entries()) == len(pinned)


def test_model_check_lock_pins_the_recorded_wheel():
    recorded = model_check.pinned_model()
    assert lock_entries()[recorded["package"]] == (recorded["version"], recorded["wheel_sha256"])


def test_model_check_installed_pipeline_is_the_one_recorded():
    assert model_check.model_differences() == []


def test_model_check_finds_a_pipeline_that_differs(monkeypatch):
    recorded = {**model_check.pinned_model(), "meta_json_sha256": "0" * 64}
    monkeypatch.setattr(model_check, "pinned_model", lambda: recorded)
    [difference] = model_check.model_differences()
    assert "meta_json_sha256" in difference and "0" * 64 in difference
