"""The `claimgraph` command end to end: the foundation issue's acceptance checks."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.read.support import build_warc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "read"
BAD_FILES = sorted(p.name for p in (FIXTURES / "bad").iterdir())

pytestmark = pytest.mark.slow


def claimgraph(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimgraph.interfaces.cli", *args],
                          input=stdin, capture_output=True, timeout=900, env=env)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    """One good file of each format (a WARC built here) beside every bad file."""
    folder = tmp_path_factory.mktemp("mixed")
    for path in (FIXTURES / "good").iterdir():
        shutil.copy(path, folder / path.name)
    for path in (FIXTURES / "bad").iterdir():
        shutil.copy(path, folder / path.name)
    page = ("<html><head><title>Ferry service resumes</title></head><body><article><p>The ferry between the "
            "two ports resumed service on Monday after a three-day pause, the operator said in a statement. "
            "Officials said no damage to the piers had been found after the overnight alert.</p>"
            "</article></body></html>").encode()
    (folder / "archive.warc").write_bytes(build_warc({"https://example.org/archived": page}))
    return folder


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_cli_extract_reads_the_seed_header(seed_path, tmp_path):
    # a new gazetteer path: the first-use build must not write to stdout, which carries the JSON
    fresh = {**os.environ, "CLAIMGRAPH_GAZETTEER": str(tmp_path / "gazetteer.sqlite")}
    result = claimgraph("extract", str(seed_path), env=fresh)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    document = json.loads(lines[0])["document"]
    assert (document["published"], document["author"], document["genre"]) == ("2024-08-09", "Miriam Judith",
                                                                               "guest post")
    assert "Guest Post by" not in document["text"]
    assert document["text"].startswith("In a dramatic escalation")


def test_cli_extract_reads_standard_input():
    result = claimgraph("extract", "-", stdin=b"Officials in Sumy said two drones were shot down on Monday.\n")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["document"]["origin"] == "<stdin>"


def test_cli_ingest_stores_good_files_and_names_each_bad_one(mixed_folder, tmp_path):
    db = tmp_path / "ledger.db"
    first = claimgraph("ingest", str(mixed_folder), "--db", f"sqlite:///{db}")
    errors = [line for line in first.stderr.decode().splitlines() if line.startswith("error:")]
    assert first.returncode == 1
    for name in BAD_FILES:
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert len(errors) == len(BAD_FILES)
    readable = claimgraph("extract", str(mixed_folder))  # prints every readable document, bad files too
    good_documents = len(readable.stdout.decode().splitlines())
    stored = count(db, "documents")
    assert stored == good_documents >= 7  # txt, html, warc, rss and atom entries, jsonl lines (one bad)

    second = claimgraph("ingest", str(mixed_folder), "--db", f"sqlite:///{db}")
    assert second.returncode == 1
    assert count(db, "documents") == stored


def test_cli_ingest_without_bad_input_exits_zero(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-08-12 Report by Test Writer\n\nThe governor said 12 people were "
                                  "evacuated from Sudzha on Sunday.\n", encoding="utf-8")
    result = claimgraph("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 0, result.stderr.decode()


def test_cli_unknown_export_format_is_a_usage_error(tmp_path):
    result = claimgraph("export", "--format", "xml", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 2
    assert b"unknown format" in result.stderr
