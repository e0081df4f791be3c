"""A situation report in the ISW manner, from the ledger.

Key takeaways first (events whose status changed, the best-backed and the most disputed), then
the events grouped by story (when the linker gives one) or by area, each group in date order.
Each event is headed by the claim that best states it and says how well it is established in
the estimative language of ``data/estimative.yaml`` ("Corroborated by two independent origins
from both sides", "Claimed only by …", "Disputed. A: … Denied by B"), with its figures and how
its status changed.  Only claims about something that happened are reported
(``data/happenings.yaml``): remarks about the reporting, fragments, requests and forecasts are
left out and counted.  Every line cites the documents it rests on ([1], [2]) from a numbered
reference list giving title, outlet, author, date and link.  The HTML report has a static map
(``report_map.py``); the PDF is the HTML printed by WeasyPrint.  All formats are rendered from
one ``Report`` value; HTML goes through Jinja2 with autoescape and is a standalone file (its
only style is an inline stylesheet whose hash the API's CSP allows).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from claimgraph.interfaces.assessment import (DENIED, EventFacts, document_of, estimate, headline,
                                              is_happening, load_facts, paged)
from claimgraph.interfaces.report_map import MapView, Marker, event_map
from claimgraph.interfaces.rules import report_rules
from claimgraph.model import Claim, Document, Event
from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.resolve.position import event_place, event_position
from claimgraph.settings import Settings
from claimgraph.store import EventFilter, Store

TEMPLATES = Path(__file__).parent / "web" / "templates"
REPORT_CSS = (TEMPLATES / "report.css").read_text(encoding="utf-8")
REPORT_STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(REPORT_CSS.encode()).digest()).decode()
PAGE = 500
STATUS_RANK = {"confirmed": 0, "corroborated": 1, "disputed": 2, "claimed": 3}
URL_SAFE = ":/?#@!$&'()*+,;=%~[]"  # kept in links; spaces, quotes and <> are percent-encoded
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")  # enough to stop emphasis, links, HTML, tables
OPENING_WORDS = 12  # a reference to an untitled document quotes this many of its first words


@dataclass
class Line:
    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class Entry:
    number: int
    event_id: str
    status: str
    title: str
    meta: str
    lines: list[Line]
    brief: bool  # one origin, one claim, nothing more to say: a one-line entry


@dataclass
class Group:
    heading: str
    entries: list[Entry]


@dataclass
class Takeaways:
    changed: list[Line]
    best_backed: list[Line]
    disputed: list[Line]


@dataclass
class Reference:
    number: int
    label: str
    url: Optional[str]
    link: Optional[str]  # the url, only when it is http(s)


@dataclass
class Report:
    title: str
    scope: str
    takeaways: Takeaways
    groups: list[Group]
    map: Optional[MapView]
    references: list[Reference]


class PdfUnavailable(Exception):
    """The PDF renderer (WeasyPrint and the Pango library it uses) is not installed."""


def render_report(store: Store, settings: Settings, since: str | None = None, until: str | None = None,
                  place: str | None = None, fmt: str = "md") -> str | bytes:
    """The situation report for events between `since` and `until` (YYYY-MM-DD), at `place`,
    as md or html (text) or pdf (bytes); `settings` name the actor catalogue."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: use {', '.join(RENDERERS)}")
    return RENDERERS[fmt](build_report(store, settings, since, until, place))


def build_report(store: Store, settings: Settings, since: str | None, until: str | None,
                 place: str | None) -> Report:
    catalogue = ActorCatalogue.load(settings)
    events = [e for e in paged(store.events, EventFilter(date_from=since, date_to=until)) if at_place(e, place)]
    facts = [load_facts(store, event, catalogue) for event in events]
    happenings = [f for f in facts if headline(f) is not None]  # the others hold no claim about a happening
    citations = Citations(store)
    groups = numbered_groups(happenings, citations)
    entries = {entry.event_id: entry for group in groups for entry in group.entries}
    return Report("Situation report", scope_text(since, until, place, len(events), len(happenings)),
                  takeaways(happenings, entries, citations), groups, event_map(markers(happenings, entries)),
                  citations.references())


def at_place(event: Event, place: str | None) -> bool:
    if not place:
        return True
    needle = place.casefold()
    names = (name for p in event.places for name in (p.name, p.text, p.admin1) if name)
    return any(needle in name.casefold() for name in names)


def scope_text(since: str | None, until: str | None, place: str | None, events: int, reported: int) -> str:
    period = f"{day(since) if since else 'the start of the ledger'} to {day(until) if until else 'the latest report'}"
    where = f", at {place}" if place else ""
    left_out = events - reported
    aside = (f"; {plural(left_out, 'more event')} left out: only remarks about the reporting, requests, "
             f"forecasts or fragments") if left_out else ""
    return f"Events from {period}{where}: {reported}{aside}."


def day(value: Optional[str]) -> str:
    """A date as an analyst writes it: 7 Aug 2024."""
    try:
        return f"{date.fromisoformat(value[:10]):%-d %b %Y}" if value else "undated"
    except ValueError:
        return value


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- grouping -------------------------------------------------------------------------------------

def numbered_groups(happenings: list[EventFacts], citations: "Citations") -> list[Group]:
    """Events by story or area (the areas with most events first, no place last), each group in
    date order, numbered through the report."""
    by_group: dict[str, list[EventFacts]] = {}
    for facts in sorted(happenings, key=lambda f: (f.event.first_seen or "", f.event.id)):
        by_group.setdefault(group_key(facts), []).append(facts)
    no_place = report_rules().no_place
    order = sorted(by_group, key=lambda key: (key == no_place, -len(by_group[key]), key))
    groups, number = [], 0
    for key in order:
        entries = []
        for facts in by_group[key]:
            number += 1
            entries.append(event_entry(number, facts, citations))
        groups.append(Group(group_heading(key, by_group[key]), entries))
    return groups


def group_key(facts: EventFacts) -> str:
    story = getattr(facts.event, "story_id", None)
    return f"story:{story}" if story else area(facts.event)


def area(event: Event) -> str:
    """The admin1 region of the event's location, else its country, else 'Place not stated'."""
    place = event_place(event)
    if place is None:
        return report_rules().no_place
    return place.admin1 or country_name(place.country) or place.name or place.text


def country_name(code: Optional[str]) -> Optional[str]:
    import pycountry  # imported here: only a place without a region needs it

    found = pycountry.countries.get(alpha_2=code) if code else None
    return found.name if found else code


def group_heading(key: str, members: list[EventFacts]) -> str:
    """An area's name; a story's areas and the title of its best-backed event."""
    if not key.startswith("story:"):
        return key
    areas = ", ".join(dict.fromkeys(area(f.event) for f in members))
    return f"{title_of(best_backed(members)[0])} ({areas})"


# -- one event ------------------------------------------------------------------------------------

def event_entry(number: int, facts: EventFacts, citations: "Citations") -> Entry:
    happenings = [c for c in facts.claims if is_happening(c)]
    lines = [Line(f"{estimate(facts)}.", citations.cite(happenings))]
    lines += figure_lines(facts, happenings, citations)
    lines += history_lines(facts, citations)
    lines += assessment_lines(facts.event)
    brief = len(lines) == 1 and facts.event.status == "claimed"
    return Entry(number, facts.event.id, facts.event.status, title_of(facts), event_meta(facts), lines, brief)


def title_of(facts: EventFacts) -> str:
    lead = headline(facts)
    text = " ".join((lead.text if lead else facts.event.summary).split()).rstrip(".")
    limit = report_rules().title_chars
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text[:1].upper() + text[1:]


def event_meta(facts: EventFacts) -> str:
    event = facts.event
    when = " – ".join(dict.fromkeys(day(d) for d in (event.first_seen, event.last_seen) if d)) or "undated"
    place = event_place(event)
    parts = [when, (place.name or place.text) if place else None, event.event_type.replace("_", " "),
             plural(event.documents, "document")]
    return " · ".join(p for p in parts if p)


def figure_lines(facts: EventFacts, happenings: list[Claim], citations: "Citations") -> list[Line]:
    """One line of the event's figures in units an analyst counts, each with the statuses of the
    claims that give it."""
    units = report_rules().figure_units
    told, backing = [], []
    for unit, figures in facts.event.quantities.items():
        giving = [c for c in happenings if any(q.unit == unit for q in c.quantities)]
        if giving and any(unit.lower().startswith(word) or f" {word}" in unit.lower() for word in units):
            said = ", ".join(f"{count} {status}" for status, count in Counter(c.status for c in giving).items())
            told.append(f"{unit.replace('_', ' ')} {figure_range(figures)} ({said})")
            backing += giving
    return [Line(f"Figures: {'; '.join(told)}.", citations.cite(backing))] if told else []


def figure_range(figures: dict[str, Any]) -> str:
    low, high = figures.get("min"), figures.get("max")
    return " to ".join(dict.fromkeys(f"{v:,g}" for v in (low, high) if v is not None)) or "not stated"


def history_lines(facts: EventFacts, citations: "Citations") -> list[Line]:
    """How the status changed, when it did (a status that never changed says nothing more)."""
    steps = [h for i, h in enumerate(facts.event.history) if i == 0 or h.status != facts.event.history[i - 1].status]
    if len(steps) < 2:
        return []
    told = " → ".join(f"{h.status} {day(h.date)}" + (f" (reported {h.outcome})" if h.outcome else "") for h in steps)
    causes = {h.claim for h in steps if h.claim}
    return [Line(f"Status: {told}.", citations.cite(c for c in facts.claims if c.id in causes))]


def assessment_lines(event: Event) -> list[Line]:
    if not event.assessment:
        return []
    status, note = event.assessment.get("status"), event.assessment.get("note")
    return [Line(f"Analyst assessment: {status}" + (f" — {sentence(note)}" if note else "."))]


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


# -- key takeaways and the map ----------------------------------------------------------------------

def takeaways(happenings: list[EventFacts], entries: dict[str, Entry], citations: "Citations") -> Takeaways:
    """Events whose status changed (latest change first), the best-backed, the most disputed;
    each event in one list only."""
    limits = report_rules().takeaways
    changed = sorted((f for f in happenings if len({h.status for h in f.event.history}) > 1),
                     key=lambda f: max(h.date or "" for h in f.event.history), reverse=True)[:limits.changed]
    listed = {f.event.id for f in changed}
    backed = best_backed([f for f in happenings if f.event.status in ("confirmed", "corroborated")
                          and f.event.id not in listed])[:limits.best_backed]
    listed |= {f.event.id for f in backed}
    disputed = sorted((f for f in happenings if f.event.status == "disputed" and f.event.id not in listed),
                      key=lambda f: (-contest(f), -f.event.documents, f.event.first_seen or ""))[:limits.disputed]
    return Takeaways(changed=[takeaway(f, entries, citations, changed_words(f)) for f in changed],
                     best_backed=[takeaway(f, entries, citations, f"{estimate(f)}.") for f in backed],
                     disputed=[takeaway(f, entries, citations, f"{estimate(f)}.") for f in disputed])


def best_backed(members: list[EventFacts]) -> list[EventFacts]:
    return sorted(members, key=lambda f: (STATUS_RANK[f.event.status], -f.event.independent_sources,
                                          -f.event.documents, f.event.first_seen or ""))


def contest(facts: EventFacts) -> int:
    """How contested an event is: its contradictions and denials."""
    return len(facts.event.contradictions) + sum(c.status == DENIED for c in facts.claims)


def changed_words(facts: EventFacts) -> str:
    history = facts.event.history
    return f"{history[0].status} {day(history[0].date)} → {history[-1].status} {day(history[-1].date)}."


def takeaway(facts: EventFacts, entries: dict[str, Entry], citations: "Citations", said: str) -> Line:
    entry = entries[facts.event.id]
    happenings = [c for c in facts.claims if is_happening(c)]
    return Line(f"{entry.title} (see {entry.number}): {said}", citations.cite(happenings))


def markers(happenings: list[EventFacts], entries: dict[str, Entry]) -> list[Marker]:
    located = ((f.event, event_position(f.event)) for f in happenings)
    return [Marker(entries[event.id].number, place.lat, place.lon, event.status)
            for event, place in located if place is not None and place.lat is not None and place.lon is not None]


# -- references -----------------------------------------------------------------------------------

class Citations:
    """Numbers documents in the order they are first cited."""

    def __init__(self, store: Store):
        self.store = store
        self.numbers: dict[str, int] = {}

    def cite(self, claims: Iterable[Claim]) -> list[int]:
        doc_ids = dict.fromkeys(document_of(c) for c in claims)
        return sorted(self.numbers.setdefault(d, len(self.numbers) + 1) for d in doc_ids)

    def references(self) -> list[Reference]:
        cited = list(self.numbers)
        batches = (self.store.documents_by_id(cited[i:i + PAGE]) for i in range(0, len(cited), PAGE))
        found = {doc.id: doc for batch in batches for doc in batch}
        return [reference(number, doc_id, found.get(doc_id)) for doc_id, number in self.numbers.items()]


def reference(number: int, doc_id: str, doc: Optional[Document]) -> Reference:
    """Outlet and author, title (or, without one, the opening words), date, and where to find
    it: its URL, a copy's URL, else the file it was read from."""
    if doc is None:
        return Reference(number, f"document {doc_id} (no longer in the ledger)", None, None)
    who = f"{doc.outlet} ({doc.author})" if doc.outlet and doc.author else doc.outlet or doc.author
    title = f"“{doc.title}”" if doc.title else f"untitled, opening “{opening_words(doc)}”"
    url = doc.url or next((copy.get("url") for copy in doc.copies if copy.get("url")), None)
    where = url or (f"file {doc.origin}" if doc.origin else None)
    label = ", ".join(p for p in (who, title, day(doc.published) if doc.published else None) if p)
    return Reference(number, label, where, http_url(url))


def opening_words(doc: Document) -> str:
    words = doc.text[doc.dateline[1] if doc.dateline else 0:].split()  # the wire dateline is no part of the story
    return " ".join(words[:OPENING_WORDS]) + (" …" if len(words) > OPENING_WORDS else "")


def http_url(url: Optional[str]) -> Optional[str]:
    return url if url and url.lower().startswith(("http://", "https://")) else None


# -- rendering ------------------------------------------------------------------------------------

def render_markdown(report: Report) -> str:
    out = [f"# {report.title}", "", f"_{md(report.scope)}_", "", "## Key takeaways", ""]
    for heading, lines in takeaway_lists(report.takeaways):
        out += [f"**{heading}**", ""] + [f"- {md(line.text)}{md_refs(line.refs)}" for line in lines] + [""]
    for group in report.groups:
        out += [f"## {md(group.heading)}", ""]
        for entry in group.entries:
            out += markdown_entry(entry)
    out += ["## References", ""]
    out += [f"{r.number}. {md(r.label)}{md_url(r)}" for r in report.references]
    return "\n".join(out) + "\n"


def takeaway_lists(takeaways_: Takeaways) -> list[tuple[str, list[Line]]]:
    lists = [("Status changed", takeaways_.changed), ("Best backed", takeaways_.best_backed),
             ("Most disputed", takeaways_.disputed)]
    return [(heading, lines) for heading, lines in lists if lines] or [("Nothing to report", [])]


def markdown_entry(entry: Entry) -> list[str]:
    if entry.brief:
        line = entry.lines[0]
        return [f"- **{entry.number}. {md(entry.title)}** _({md(entry.meta)})_ — {md(line.text)}{md_refs(line.refs)}",
                ""]
    out = [f"### {entry.number}. {md(entry.title)}", "", f"_{md(entry.meta)}_", ""]
    return out + [f"- {md(line.text)}{md_refs(line.refs)}" for line in entry.lines] + [""]


def md(text: str) -> str:
    """Article text made inert in Markdown: punctuation escaped, lines joined."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_url(ref: Reference) -> str:
    """An http(s) url as an autolink (percent-encoded so it cannot end early); others as text."""
    if ref.link:
        return f" — <{quote(ref.link, safe=URL_SAFE)}>"
    return f" — {md(ref.url)}" if ref.url else ""


def md_refs(refs: list[int]) -> str:
    return "".join(f" [{n}]" for n in refs)


def render_html(report: Report) -> str:
    template = _environment().get_template("report.html")
    return template.render(report=report, takeaways=takeaway_lists(report.takeaways), css=Markup(REPORT_CSS))


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def render_pdf(report: Report) -> bytes:
    """The HTML report printed to PDF by WeasyPrint (PdfUnavailable if it cannot be loaded)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: WeasyPrint is there, the Pango library is not
        raise PdfUnavailable(f"PDF output needs WeasyPrint and the Pango library ({error}); install them "
                             f"(pip install weasyprint; apt-get install libpango-1.0-0 libpangoft2-1.0-0) "
                             f"or use --format html and print it from a browser") from None
    return HTML(string=render_html(report)).write_pdf()


RENDERERS: dict[str, Callable[[Report], str | bytes]] = {"md": render_markdown, "html": render_html,
                                                         "pdf": render_pdf}
