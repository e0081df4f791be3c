"""The situation report, in Markdown and HTML, over the sample (and hostile) ledger."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from claimgraph.interfaces.report import REPORT_CSS, REPORT_STYLE_HASH, render_report
from tests.interfaces.ledger import PWN, XSS_SCRIPT

HEADINGS = ["## Confirmed", "## Corroborated", "## Claimed, not corroborated", "## Disputed", "## References"]
CITED = re.compile(r"\[(\d+)\]")


def section_of(markdown: str, title: str) -> str:
    """The status heading an event's title sits under."""
    before = markdown[:markdown.index(f"### {title}")]
    return [line for line in before.splitlines() if line.startswith("## ")][-1]


def test_report_markdown_groups_events_by_status(sample_store):
    markdown = render_report(sample_store, fmt="md")
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == HEADINGS
    assert section_of(markdown, "A bridge over the Seym near Glushkovo was destroyed") == "## Confirmed"
    assert section_of(markdown, "Residents were evacuated from border districts") == "## Corroborated"
    assert section_of(markdown, "Soldiers were taken prisoner near Korenevo") == "## Claimed, not corroborated"
    assert section_of(markdown, "Ukrainian forces captured the Sudzha gas metering station") == "## Disputed"


def test_report_markdown_gives_origins_numbers_and_contradictions(sample_store):
    markdown = render_report(sample_store, fmt="md")
    assert "- Origin: Ministry of Defence of Russia (Russia side). [" in markdown
    assert "- Figures for prisoners: 12 (1 reported value)." in markdown
    assert "- Contradiction (denial): Moscow denied the loss of the station." in markdown
    assert "- Claims: 1 reported, 1 hedged, 1 denied." in markdown
    assert "3 independent sources; sides: Ukraine, Russia." in markdown
    # an outcome tells two steps of one status apart ("corroborated ..., reported held")
    assert "Status history: claimed (2024-08-08) → corroborated (2024-08-09, reported held) → disputed" in markdown


def test_report_markdown_cites_documents_on_every_line(sample_store):
    markdown = render_report(sample_store, fmt="md")
    body, references = markdown.split("## References")
    lines = [line for line in body.splitlines() if line.startswith("- ")]
    assert lines and all(CITED.search(line) for line in lines)
    cited = {int(n) for line in lines for n in CITED.findall(line)}
    listed = [int(line.split(".")[0]) for line in references.strip().splitlines()]
    assert sorted(cited) == listed == list(range(1, 5))
    assert "Northern Courier, Lena Ortiz, 2024-08-08, “Station changes hands” <https://example.org/north/station>" \
        in references


@pytest.mark.parametrize("since, until, place, present, absent", [
    ("2024-08-10", None, None, "Glushkovo", "Residents were evacuated"),
    (None, "2024-08-07", None, "Residents were evacuated", "Glushkovo"),
    (None, None, "sudzha", "Sudzha gas metering station", "Korenevo"),
    (None, None, "Kursk Oblast", "Korenevo", "nothing-absent"),
])
def test_report_filters_by_period_and_place(sample_store, since, until, place, present, absent):
    markdown = render_report(sample_store, since=since, until=until, place=place, fmt="md")
    assert present in markdown and absent not in markdown


def test_report_says_when_a_status_has_no_events(sample_store):
    markdown = render_report(sample_store, place="Glushkovo", fmt="md")
    assert markdown.count("_No events._") == 3
    assert "_Events from the start of the ledger to the latest report, at Glushkovo: 1._" in markdown


def test_report_markdown_neutralises_markup(hostile_store):
    markdown = render_report(hostile_store, fmt="md")
    assert not re.search(r"(?<!\\)<(script|img)", markdown)
    assert "\\<script\\>" in markdown
    assert "](javascript" not in markdown and "<javascript" not in markdown


def test_report_html_escapes_everything(hostile_store):
    html = render_report(hostile_store, fmt="html")
    assert "<script" not in html and "<img" not in html
    assert str(escape(XSS_SCRIPT)) in html
    assert not re.search(r"href=[\"']?\s*javascript", html, re.IGNORECASE)
    assert f"javascript:{PWN}" in html  # shown as text, not as a link


def test_report_html_is_standalone(sample_store):
    html = render_report(sample_store, fmt="html")
    assert f"<style>{REPORT_CSS}</style>" in html
    assert REPORT_STYLE_HASH.startswith("sha256-")
    assert not re.search(r"<(script|link rel=\"stylesheet\"|img|iframe)", html)
    assert html.count('<a href="#ref-') >= 10 and 'id="ref-4"' in html


def test_report_rejects_unknown_format(sample_store):
    with pytest.raises(ValueError, match="docx"):
        render_report(sample_store, fmt="docx")
