"""Every command is documented in the README and has help text (Datasette's docs test)."""

from pathlib import Path

import typer.main

from claimgraph.interfaces.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands() -> dict[str, object]:
    return typer.main.get_command(app).commands


def test_cli_docs_every_command_is_in_the_readme():
    missing = [name for name in commands() if f"claimgraph {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_cli_docs_every_command_has_help():
    assert all(command.help for command in commands().values())
