"""Every setting is documented: in the SETTINGS table and in the README."""

from pathlib import Path

import pytest

from claimgraph.settings import SETTINGS, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_settings_table_gives_each_default_once():
    assert Settings() == Settings(**{s.name: s.default for s in SETTINGS})
    assert all(s.help for s in SETTINGS)


def test_settings_environment_carries_every_setting_to_another_process(monkeypatch):
    chosen = Settings().with_(db="sqlite:///elsewhere.db", link_window_days=3, link_threshold=0.25, api_token="t")
    for name, value in chosen.environment().items():
        monkeypatch.setenv(name, value)
    assert Settings.load() == chosen


def test_settings_every_setting_is_in_the_readme():
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in README]
    assert not missing, f"settings missing from README: {missing}"


def test_settings_environment_overrides_default(monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_LINK_WINDOW_DAYS", "3")
    assert Settings.load().link_window_days == 3


def test_settings_explicit_override_beats_environment(monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_DB", "sqlite:///env.db")
    assert Settings.load(db="sqlite:///cli.db").db == "sqlite:///cli.db"


@pytest.mark.parametrize("raw, expected", [("1", True), ("true", True), ("Yes", True), ("0", False), ("no", False)])
def test_settings_environment_reads_a_yes_or_no(monkeypatch, raw, expected):
    monkeypatch.setenv("CLAIMGRAPH_DASK", raw)
    assert Settings.load().dask is expected
