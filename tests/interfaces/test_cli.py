"""The `claimgraph` command end to end: the foundation issue's acceptance checks, and each rough
edge a new user hit (a clear one-line message and the documented exit code, never a traceback)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph.settings import SETTINGS
from tests.interfaces.conftest import open_ledger
from tests.read.support import build_warc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "read"
BAD_FILES = sorted(p.name for p in (FIXTURES / "bad").iterdir())
SAMPLE_ARTICLES = Path(__file__).resolve().parents[2] / "samples" / "kursk" / "articles"
# Rich draws progress only on a terminal; these make it draw into the captured stream.
TERMINAL = {"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1", "COLUMNS": "160"}
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def claimgraph(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd: Path | None = None,
               timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimgraph.interfaces.cli", *args],
                          input=stdin, capture_output=True, timeout=timeout, env=env, cwd=cwd)


def with_env(**variables: str) -> dict[str, str]:
    return {**os.environ, **variables}


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single line a usage error prints (no traceback, nothing else)."""
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


def sample_articles(tmp_path: Path, count: int) -> Path:
    """A folder holding the first ``count`` articles of the sample corpus."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SAMPLE_ARTICLES.iterdir())[:count]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory) -> Path:
    """The interface tests' small ledger, in a SQLite file."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.db"
    open_ledger(path).close()
    return path


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


@pytest.mark.slow
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


@pytest.mark.slow
def test_cli_extract_reads_standard_input():
    result = claimgraph("extract", "-", stdin=b"Officials in Sumy said two drones were shot down on Monday.\n")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["document"]["origin"] == "<stdin>"


@pytest.mark.slow
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


@pytest.mark.slow
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


# -- bad arguments -------------------------------------------------------------------------------

@pytest.mark.parametrize("written, read", [("last week", None), ("12/08/2024", "2024-12-08"),
                                           ("6 August 2024", "2024-08-06")])
def test_cli_report_reads_dates_as_people_write_them(ledger_file, written, read):
    result = claimgraph("report", "--since", written, "--db", str(ledger_file))
    assert result.returncode == 0, result.stderr.decode()
    assert f"reading --since {written!r} as {read or ''}" in result.stderr.decode()


def test_cli_report_unreadable_date_says_what_is_accepted(ledger_file):
    result = claimgraph("report", "--until", "the day after the raid", "--db", str(ledger_file))
    assert result.returncode == 2
    assert "YYYY-MM-DD" in one_error_line(result) and "--until" in one_error_line(result)


def test_cli_report_writes_pdf(ledger_file, tmp_path):
    result = claimgraph("report", "--format", "pdf", "-o", str(tmp_path / "report.pdf"), "--db", str(ledger_file))
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")


def test_cli_report_pdf_without_weasyprint_says_what_to_install(ledger_file, tmp_path):
    shadow = tmp_path / "shadow" / "weasyprint"  # an importable name that fails as a missing package does
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('No module named weasyprint')\n", encoding="utf-8")
    result = claimgraph("report", "--format", "pdf", "-o", str(tmp_path / "r.pdf"), "--db", str(ledger_file),
                        env=with_env(PYTHONPATH=str(shadow.parent)))
    assert result.returncode == 2
    assert "WeasyPrint" in one_error_line(result) and not (tmp_path / "r.pdf").exists()


# -- database paths ------------------------------------------------------------------------------

def test_cli_db_accepts_a_plain_path(ledger_file):
    result = claimgraph("stats", "--db", ledger_file.name, cwd=ledger_file.parent)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["documents"] == 4


@pytest.mark.parametrize("command", [["stats"], ["report"], ["export", "--format", "csv"], ["link"], ["serve"]])
def test_cli_read_command_on_a_missing_ledger_stops(tmp_path, command):
    missing = tmp_path / "missing.db"
    result = claimgraph(*command, "--db", str(missing), timeout=60)
    assert result.returncode == 2
    assert f"no ledger at {missing}" in one_error_line(result)
    assert not missing.exists()


# -- Dask ------------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.dask
def test_cli_ingest_with_workers_is_quiet_and_leaves_no_process(tmp_path):
    folder = sample_articles(tmp_path, 3)
    run = subprocess.Popen([sys.executable, "-m", "claimgraph.interfaces.cli", "ingest", str(folder), "--workers",
                            "2", "--db", str(tmp_path / "x.db")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           start_new_session=True)  # the run and every process it starts: group run.pid
    _, stderr = run.communicate(timeout=900)
    assert run.returncode == 0, stderr.decode()
    assert "distributed" not in stderr.decode() and "Traceback" not in stderr.decode()
    assert processes_in_group(run.pid) == []


def processes_in_group(group: int, patience: float = 5.0) -> list[str]:
    """The processes still in process group ``group`` once ``patience`` seconds have passed."""
    deadline = time.monotonic() + patience
    while True:
        table = subprocess.run(["ps", "-eo", "pgid=,pid=,args="], capture_output=True, text=True).stdout
        left = [line for line in table.splitlines() if line.split()[0] == str(group)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


# -- serve ---------------------------------------------------------------------------------------

def test_cli_serve_on_a_port_in_use_says_so_before_any_banner(ledger_file):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = claimgraph("serve", "--db", str(ledger_file), "--port", str(taken.getsockname()[1]), timeout=60)
    assert result.returncode == 2
    assert "in use" in one_error_line(result) and "http://" not in result.stderr.decode()


def test_cli_serve_workers_is_a_deprecated_alias_of_web_workers(ledger_file):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = claimgraph("serve", "--db", str(ledger_file), "--port", str(taken.getsockname()[1]),
                            "--workers", "2", timeout=60)
    shown = result.stderr.decode()
    assert result.returncode == 2 and "--workers is deprecated: use --web-workers" in shown


# -- encodings -------------------------------------------------------------------------------------

@pytest.mark.slow
def test_cli_extract_reads_a_legacy_encoding_without_charset():
    text = "The harbour master\u2019s office said the caf\u00e9 on the pier would reopen \u2013 \u201csoon\u201d."
    result = claimgraph("extract", "-", stdin=text.encode("cp1252"))
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["document"]["text"] == text


# -- progress --------------------------------------------------------------------------------------

@pytest.mark.slow
def test_cli_ingest_shows_files_done_of_the_total_and_time_left(tmp_path):
    folder = sample_articles(tmp_path, 6)
    result = claimgraph("ingest", str(folder), "--db", str(tmp_path / "x.db"), env=with_env(**TERMINAL))
    assert result.returncode == 0, result.stderr.decode()
    shown = ANSI.sub("", result.stderr.decode())
    assert "/6 files" in shown and "left" in shown
    stored_while_running = {int(n) for n in re.findall(r"(\d+) stored", shown)}
    assert len(stored_while_running - {0}) >= 2  # "stored" moves before the end, not at once


def test_cli_link_shows_that_it_is_working(ledger_file):
    result = claimgraph("link", "--db", str(ledger_file), env=with_env(**TERMINAL))
    assert result.returncode == 0, result.stderr.decode()
    assert "linking claims into events" in ANSI.sub("", result.stderr.decode())


# -- help and output -------------------------------------------------------------------------------

COMMANDS = [["extract"], ["ingest"], ["link"], ["export"], ["stats"], ["report"], ["serve"], ["settings"],
            ["eval", "linking"], ["eval", "linking-real"], ["eval", "all"], ["gazetteer", "import"], []]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "claimgraph")
def test_cli_help_has_no_programmer_notation(command):
    result = claimgraph(*command, "--help", env=with_env(COLUMNS="80"))
    assert result.returncode == 0
    shown = result.stdout.decode()
    assert not re.search(r"<\w+(\[\w+\])?>|\{\w+\}|\blist\[", shown), shown


@pytest.mark.slow
def test_cli_eval_linking_real_events_lists_each_gold_event(tmp_path):
    from tests.eval.test_linking_real import ARTICLE_A, ARTICLE_B, GOLD

    folder = tmp_path / "episodes" / "tiny"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "articles" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "gold.yaml").write_text(GOLD, encoding="utf-8")
    result = claimgraph("eval", "linking-real", str(tmp_path / "episodes"), "--events")
    shown = result.stdout.decode()
    assert "its mentions went to" in shown and "bridge-strike" in shown and "deaths" in shown, result.stderr.decode()
    assert "linking_real.conll.f1" in shown  # the figures follow the rows


def test_cli_settings_fit_an_80_column_terminal():
    result = claimgraph("settings", env=with_env(COLUMNS="80"))
    shown = result.stdout.decode()
    assert result.returncode == 0 and "…" not in shown.replace("postgresql://…", "")
    assert max(len(line) for line in shown.splitlines()) <= 80
    words = " ".join(shown.split())
    for setting in SETTINGS:
        assert f"{setting.name} = {setting.default}" in words or f"{setting.name} = (empty)" in words
        assert f"CLAIMGRAPH_{setting.name.upper()}" in words and " ".join(setting.help.split()) in words


@pytest.mark.parametrize("name, content", [("notes.txt", b"this is not\na GeoNames dump\n"),
                                           ("latin1.txt", "Pokrovsk\u00e9\n".encode("latin-1")),
                                           ("RU.zip", b"not a zip archive")])
def test_cli_gazetteer_import_of_a_file_that_is_no_dump_is_a_usage_error(tmp_path, name, content):
    dump = tmp_path / name
    dump.write_bytes(content)
    index = tmp_path / "gazetteer.sqlite"
    result = claimgraph("gazetteer", "import", str(dump), env=with_env(CLAIMGRAPH_GAZETTEER=str(index)))
    assert result.returncode == 2
    assert f"{name} is no GeoNames dump".encode() in result.stderr and b"Traceback" not in result.stderr
    assert not index.exists()  # refused before the gazetteer was built
