"""Header lines: date, genre and byline parsed off the top of plain text."""

from __future__ import annotations

import pytest

from claimgraph.read.header import Header, headline_and_byline, parse_header_line, split_header


def test_header_seed_first_line_is_parsed(seed_path):
    header, rest = split_header(seed_path.read_text(encoding="utf-8"))
    assert header == Header(published="2024-08-09", genre="guest post", author="Miriam Judith")
    assert not rest.lstrip().startswith("date")


@pytest.mark.parametrize("line, expected", [
    ("date 2024-08-10 Report by Anna Smith", Header("2024-08-10", "report", "Anna Smith")),
    ("  date 2024-08-10 Analysis by Jan de Vries", Header("2024-08-10", "analysis", "Jan de Vries")),
    ("Date: 2024-08-10", Header("2024-08-10", None, None)),
    ("Published: 2024-08-09", Header("2024-08-09", None, None)),
    ("Published on 9 August 2024", Header("2024-08-09", None, None)),
    ("By Anna Smith and Ivan Petrov", Header(None, None, "Anna Smith and Ivan Petrov")),
    ("By Anna Smith, August 10, 2024", Header("2024-08-10", None, "Anna Smith")),
    ("Opinion by Lena Ortiz", Header(None, "opinion", "Lena Ortiz")),
    ("Author: Omar Haddad", Header(None, None, "Omar Haddad")),
    ("date 2023-06-07 News by The Meridian Daily", Header("2023-06-07", "news", None)),  # a site, not a person
    ("date 2023-06-07 News by meridian.example", Header("2023-06-07", "news", None)),
    ("date 2023-06-07 News by Channel 24", Header("2023-06-07", "news", None)),
    ('date 2023-06-07 Telegram post by "Southern Front Notes"', Header("2023-06-07", "telegram post",
                                                                     "Southern Front Notes")),
])
def test_header_line_variations(line, expected):
    assert parse_header_line(line) == expected


@pytest.mark.parametrize("line", [
    "By Monday, the troops had crossed the river.",
    "By Tuesday",
    "by the river",
    "Officials said the date of the talks was not set.",
    "Report by a local committee said the bridge had collapsed",
])
def test_header_ordinary_lines_are_not_headers(line):
    assert parse_header_line(line) is None


def test_header_several_lines_are_merged_and_removed():
    text = "Published: 2024-08-09\nBy Anna Smith\n\nThe ferry sailed at noon.\nBy evening it had docked."
    header, rest = split_header(text)
    assert header == Header("2024-08-09", None, "Anna Smith")
    assert rest.strip() == "The ferry sailed at noon.\nBy evening it had docked."


def test_header_text_without_header_is_unchanged():
    text = "\nThe ferry sailed at noon.\nBy Anna Smith"
    assert split_header(text) == (Header(), text)


def test_header_headline_then_byline_gives_title_and_author():
    text = "Ferry service resumes after storm\n\nBy Anna Smith\n\nThe ferry sailed at noon."
    assert headline_and_byline(text) == ("Ferry service resumes after storm", Header(None, None, "Anna Smith"))


@pytest.mark.parametrize("text", [
    "The ferry sailed at noon.\nBy Anna Smith\n\nIt docked at six.",  # a sentence, not a headline
    "Ferry service resumes after storm\n\nThe ferry sailed at noon.",  # no byline
    "By Anna Smith\n\nThe ferry sailed at noon.",  # a header line, read by split_header
])
def test_header_other_openings_give_no_title(text):
    assert headline_and_byline(text) == (None, Header())
