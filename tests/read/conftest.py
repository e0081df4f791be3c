"""Fixtures for the reader tests: the team-written files in tests/fixtures/read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.read.support import build_warc

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "read"


@pytest.fixture(scope="session")
def good_dir() -> Path:
    return FIXTURES / "good"


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    return FIXTURES / "bad"


@pytest.fixture(scope="session")
def page_html(good_dir) -> bytes:
    return (good_dir / "page.html").read_bytes()


@pytest.fixture
def warc_file(tmp_path, page_html) -> Path:
    """A gzip'd WARC with two pages (each a request and a response record)."""
    path = tmp_path / "crawl.warc.gz"
    second = page_html.replace(b"Thousands of homes", b"Hundreds of homes")
    path.write_bytes(build_warc({"https://a.example/1": page_html, "https://a.example/2": second}, compress=True))
    return path
