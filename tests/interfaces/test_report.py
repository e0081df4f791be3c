"""The situation report, in Markdown, HTML and PDF, over the sample (and hostile) ledger."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from claimgraph.interfaces.report import REPORT_CSS, REPORT_STYLE_HASH, render_report
from claimgraph.model import Event, Quantity
from tests.interfaces.ledger import PWN, XSS_SCRIPT
from tests.store.factories import make_claim, make_document, make_event, make_place

CITED = re.compile(r"\[(\d+)\]")
STATION = "Ukrainian forces captured the gas metering station near Sudzha"
BRIDGE = "A destroyed bridge over the Seym near Glushkovo"
PRISONERS = "12 soldiers were taken prisoner near Korenevo"
EVACUATION = "3,000 residents had been evacuated from border districts"


def section(markdown: str, heading: str) -> str:
    """The text under a `## heading` (up to the next one)."""
    return markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def takeaway_list(markdown: str, name: str) -> list[str]:
    block = section(markdown, "Key takeaways").split(f"**{name}**\n", 1)[1].split("\n\n**", 1)[0]
    return [line for line in block.splitlines() if line.startswith("- ")]


def add_event(store, event_id: str, texts: list[str], first_seen: str = "2024-08-12", places=None, **claim_fields):
    """A one-document event of ``texts`` claims, stored."""
    doc = make_document(f"Text of {event_id}. " + " ".join(texts), published=first_seen)
    claims = [make_claim(doc, i, text=text, **claim_fields) for i, text in enumerate(texts)]
    if places is not None:
        claims = [c.model_copy(update={"places": places}) for c in claims]
    store.add_document(doc, claims)
    event = make_event(event_id, claims, first_seen=first_seen, last_seen=first_seen,
                       places=places if places is not None else claims[0].places)
    store.save_events([event])
    return event


def test_report_opens_with_key_takeaways(sample_store, settings):
    markdown = render_report(sample_store, settings, fmt="md")
    assert [line for line in markdown.splitlines() if line.startswith("## ")][0] == "## Key takeaways"
    [changed] = takeaway_list(markdown, "Status changed")
    assert changed.startswith(f"- {STATION} (see 2): claimed 8 Aug 2024 → disputed 9 Aug 2024.")
    best = takeaway_list(markdown, "Best backed")
    assert [line.split(" (see")[0] for line in best] == [f"- {BRIDGE}", f"- {EVACUATION}"]  # confirmed first
    assert "**Most disputed**" not in markdown  # the disputed event is listed once, as changed


def test_report_groups_by_area_then_date(fresh_store, settings):
    add_event(fresh_store, "e-sumy", ["Drones struck a fuel depot in Sumy overnight"],
              places=[make_place("Sumy", admin1="Sumy Oblast")])
    add_event(fresh_store, "e-nowhere", ["Officials reported a large fire at an arms depot"], places=[])
    markdown = render_report(fresh_store, settings, fmt="md")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## Key takeaways", "## Kursk Oblast", "## Sumy Oblast", "## Place not stated", "## References"]
    kursk = section(markdown, "Kursk Oblast")
    assert [kursk.index(text) for text in (EVACUATION, STATION, BRIDGE, PRISONERS)] == sorted(
        kursk.index(text) for text in (EVACUATION, STATION, BRIDGE, PRISONERS))  # by date, then event id


def test_report_groups_the_events_of_one_story(fresh_store):
    """When the linker gives events a story, its events stand together (under its best-backed one)."""
    stored = [add_event(fresh_store, f"e-{n}", [text], first_seen=f"2024-08-1{n}",
                        places=[make_place(town, admin1=region)])
              for n, (text, town, region) in enumerate([("Troops crossed the river near Northford", "Northford",
                                                         "North Oblast"),
                                                        ("Troops held the bridge at Southford", "Southford",
                                                         "South Oblast")])]
    stories = [event.model_copy(update={"story_id": "s-river"}) for event in stored]  # as the new linker will
    from claimgraph.interfaces import assessment, report
    from claimgraph.resolve.actors import ActorCatalogue

    facts = [assessment.load_facts(fresh_store, event, ActorCatalogue.load()) for event in stories]
    [group] = report.numbered_groups(facts, report.Citations(fresh_store))
    assert group.heading == "Troops crossed the river near Northford (North Oblast, South Oblast)"
    assert [entry.title for entry in group.entries] == ["Troops crossed the river near Northford",
                                                        "Troops held the bridge at Southford"]
    apart = report.numbered_groups([assessment.load_facts(fresh_store, e, ActorCatalogue.load()) for e in stored],
                                   report.Citations(fresh_store))
    assert [g.heading for g in apart] == ["North Oblast", "South Oblast"]  # no story: by area


def test_report_says_how_sure_in_estimative_language(sample_store, settings):
    markdown = render_report(sample_store, settings, fmt="md")
    assert "- Confirmed by satellite imagery (Harbour Times). [" in markdown
    assert ("- Corroborated by two independent origins, one of them neutral or of no stated side: Kursk Oblast "
            "administration (Russia), Analysts at the Eastern Studies Institute (neutral). [") in markdown
    assert "- Claimed only by General Staff of the Armed Forces of Ukraine (Ukraine). [" in markdown
    assert (f"- Disputed. Office of the President of Ukraine: “{STATION}”. Denied by Ministry of Defence of the "
            f"Russian Federation. [") in markdown
    assert "Status: claimed 8 Aug 2024 → corroborated 9 Aug 2024 (reported held) → disputed 9 Aug 2024." in markdown


def test_report_leaves_out_what_is_not_a_claim_about_a_happening(fresh_store, settings):
    remarks = {"e-remark": ["Russian officials did not comment on the fighting"],
               "e-unverified": ["The claim could not be independently verified by the newspaper"],
               "e-fragment": ["Kyiv said"],
               "e-request": ["Residents asked for buses to leave the town"]}
    for event_id, texts in remarks.items():
        add_event(fresh_store, event_id, texts, event_type="request" if event_id == "e-request" else "statement")
    add_event(fresh_store, "e-forecast", ["Troops will advance on the town next week"], status="speculative")
    markdown = render_report(fresh_store, settings, fmt="md")
    for text in [t for texts in remarks.values() for t in texts] + ["Troops will advance"]:
        assert text not in markdown
    assert "Events from the start of the ledger to the latest report: 4; 5 more events left out" in markdown


def test_report_figures_are_only_those_an_analyst_counts(fresh_store, settings):
    counted = [Quantity(text="two countries", min=2, max=2, conservative=2, unit="countries"),
               Quantity(text="40 soldiers", min=40, max=40, conservative=40, unit="soldiers")]
    add_event(fresh_store, "e-figures", ["Two countries helped free 40 soldiers held near Northford"],
              quantities=counted)
    event = fresh_store.get_event("e-figures")
    fresh_store.save_events([event.model_copy(update={"quantities": {
        "countries": {"min": 2, "max": 2, "values": [2]}, "soldiers": {"min": 40, "max": 40, "values": [40]}}})])
    markdown = render_report(fresh_store, settings, fmt="md")
    assert "Figures: soldiers 40 (1 reported)." in markdown and "countries 2" not in markdown


def test_report_cites_documents_on_every_line(sample_store, settings):
    markdown = render_report(sample_store, settings, fmt="md")
    body, references = markdown.split("## References")
    lines = [line for line in body.splitlines() if line.startswith("- ")]
    assert lines and all(CITED.search(line) for line in lines)
    cited = {int(n) for line in lines for n in CITED.findall(line)}
    listed = [int(line.split(".")[0]) for line in references.strip().splitlines()]
    assert sorted(cited) == listed == list(range(1, 5))


def test_report_references_give_title_outlet_date_and_link(sample_store, fresh_store, settings):
    references = render_report(sample_store, settings, fmt="md").split("## References")[1]
    assert ("Northern Courier (Lena Ortiz), “Station changes hands”, 8 Aug 2024 — "
            "<https://example.org/north/station>") in references
    doc = make_document("MOSCOW (Test Wire) — Officials said a second bridge near Northford had been hit by drones "
                        "overnight, the third this week.", title=None, url=None, origin="articles/bridge.txt",
                        dateline=(0, len("MOSCOW (Test Wire) — ")))
    claim = make_claim(doc, 0, text="A second bridge near Northford had been hit by drones")
    fresh_store.add_document(doc, [claim])
    fresh_store.save_events([make_event("e-untitled", [claim])])
    untitled = render_report(fresh_store, settings, fmt="md").split("## References")[1]
    assert ("Example Daily (Ann Writer), untitled, opening “Officials said a second bridge near Northford had "
            "been hit by drones …”, 9 Aug 2024 — file articles/bridge.txt") in untitled  # no dateline


@pytest.mark.parametrize("since, until, place, present, absent", [
    ("2024-08-10", None, None, "Glushkovo", "residents had been evacuated"),
    (None, "2024-08-07", None, "residents had been evacuated", "Glushkovo"),
    (None, None, "sudzha", "gas metering station", "Korenevo"),
    (None, None, "Kursk Oblast", "Korenevo", "nothing-absent"),
])
def test_report_filters_by_period_and_place(sample_store, since, until, place, present, absent, settings):
    markdown = render_report(sample_store, settings, since=since, until=until, place=place, fmt="md")
    assert present in markdown and absent not in markdown


def test_report_scope_says_period_place_and_count(sample_store, settings):
    markdown = render_report(sample_store, settings, since="2024-08-08", place="Glushkovo", fmt="md")
    assert "_Events from 8 Aug 2024 to the latest report, at Glushkovo: 1._" in markdown


def test_report_markdown_neutralises_markup(hostile_store, settings):
    markdown = render_report(hostile_store, settings, fmt="md")
    assert not re.search(r"(?<!\\)<(script|img)", markdown)
    assert "\\<script\\>" in markdown
    assert "](javascript" not in markdown and "<javascript" not in markdown


def test_report_html_escapes_everything(hostile_store, settings):
    html = render_report(hostile_store, settings, fmt="html")
    assert "<script" not in html and "<img" not in html
    assert str(escape(XSS_SCRIPT)) in html
    assert not re.search(r"href=[\"']?\s*javascript", html, re.IGNORECASE)
    assert f"javascript:{PWN}" in html  # shown as text, not as a link


def test_report_html_is_standalone_with_a_map(sample_store, settings):
    html = render_report(sample_store, settings, fmt="html")
    assert f"<style>{REPORT_CSS}</style>" in html
    assert REPORT_STYLE_HASH.startswith("sha256-")
    assert not re.search(r"<(script|link rel=\"stylesheet\"|img|iframe)", html)
    assert html.count('<a href="#ref-') >= 10 and 'id="ref-4"' in html
    [svg] = re.findall(r"<svg .*?</svg>", html, re.DOTALL)
    assert sorted(int(n) for n in re.findall(r'font-weight="bold">(\d+)</text>', svg)) == [1, 2, 3, 4]
    assert svg.count("<path ") >= 2  # the outlines of the countries around the events


def test_report_pdf_is_a_pdf(sample_store, settings):
    pdf = render_report(sample_store, settings, fmt="pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-") and len(pdf) > 10_000


def test_report_rejects_unknown_format(sample_store, settings):
    with pytest.raises(ValueError, match="docx"):
        render_report(sample_store, settings, fmt="docx")


def test_report_event_without_claims_in_the_store_is_left_out(fresh_store, settings):
    fresh_store.save_events([Event(id="e-empty", event_type="other", summary="Nothing stored", claims=[],
                                   documents=0, origins=[], independent_sources=0, sides=[], status="claimed")])
    assert "Nothing stored" not in render_report(fresh_store, settings, fmt="md")


def test_report_reads_the_actor_file_its_settings_name(fresh_store, settings, tmp_path):
    with pytest.raises(FileNotFoundError):
        render_report(fresh_store, settings.with_(actors_file=str(tmp_path / "missing.yaml")))
