"""A situation report in the ISW manner, from the ledger.

Events are grouped by status (confirmed, corroborated, claimed, disputed); each lists its
summary, origins, sides, numbers, contradictions and status history, and every line cites
the documents it rests on ([1], [2]) from a numbered reference list.  Both formats are
rendered from one `Report` value; HTML goes through Jinja2 with autoescape and is a
standalone file (its only style is an inline stylesheet whose hash the API's CSP allows).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from claimgraph.model import STATUSES, Claim, Document, Event, SourceRef
from claimgraph.resolve.actors import ActorCatalogue, source_name_key
from claimgraph.settings import Settings
from claimgraph.store import ClaimFilter, EventFilter, Store

TEMPLATES = Path(__file__).parent / "web" / "templates"
REPORT_CSS = (TEMPLATES / "report.css").read_text(encoding="utf-8")
REPORT_STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(REPORT_CSS.encode()).digest()).decode()
SECTIONS = (("confirmed", "Confirmed"), ("corroborated", "Corroborated"),
            ("claimed", "Claimed, not corroborated"), ("disputed", "Disputed"))
PAGE = 500
URL_SAFE = ":/?#@!$&'()*+,;=%~[]"  # kept in links; spaces, quotes and <> are percent-encoded
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")  # enough to stop emphasis, links, HTML, tables


@dataclass
class Line:
    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class Entry:
    event_id: str
    title: str
    meta: str
    lines: list[Line]


@dataclass
class Section:
    status: str
    heading: str
    entries: list[Entry]


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
    sections: list[Section]
    references: list[Reference]


class PdfUnavailable(Exception):
    """The PDF renderer (WeasyPrint and the Pango library it uses) is not installed."""


def render_report(store: Store, since: str | None = None, until: str | None = None,
                  place: str | None = None, fmt: str = "md") -> str | bytes:
    """The situation report for events between `since` and `until` (YYYY-MM-DD), at `place`,
    as md or html (text) or pdf (bytes)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: use {', '.join(RENDERERS)}")
    return RENDERERS[fmt](build_report(store, since, until, place))




def build_report(store: Store, since: str | None, until: str | None, place: str | None) -> Report:
    events = [e for e in paged(store.events, EventFilter(date_from=since, date_to=until)) if at_place(e, place)]
    citations = Citations(store)
    sections = [Section(status, heading, [event_entry(e, citations) for e in events if e.status == status])
                for status, heading in SECTIONS]
    return Report("Situation report", scope_text(since, until, place, len(events)), sections,
                  citations.references())


def paged(fetch: Callable[..., list], filters: Any) -> Iterator[Any]:
    offset = 0
    while batch := fetch(filters, limit=PAGE, offset=offset):
        yield from batch
        offset += len(batch)


def at_place(event: Event, place: str | None) -> bool:
    if not place:
        return True
    needle = place.casefold()
    names = (name for p in event.places for name in (p.name, p.text, p.admin1) if name)
    return any(needle in name.casefold() for name in names)


def scope_text(since: str | None, until: str | None, place: str | None, count: int) -> str:
    period = f"{since or 'the start of the ledger'} to {until or 'the latest report'}"
    where = f", at {place}" if place else ""
    return f"Events from {period}{where}: {count}."


def document_of(claim: Claim) -> str:
    """The id of the document a claim comes from (claim ids are '<document id>:<index>')."""
    return claim.document_id or claim.id.rsplit(":", 1)[0]


class Citations:
    """Numbers documents in the order they are first cited."""

    def __init__(self, store: Store):
        self.store = store
        self.numbers: dict[str, int] = {}
        self.actors = ActorCatalogue.load(Settings.load())  # sides of outlets whose own voice is an origin

    def cite(self, claims: Iterable[Claim]) -> list[int]:
        doc_ids = dict.fromkeys(document_of(c) for c in claims)
        return sorted(self.numbers.setdefault(d, len(self.numbers) + 1) for d in doc_ids)

    def references(self) -> list[Reference]:
        cited = list(self.numbers)
        batches = (self.store.documents_by_id(cited[i:i + PAGE]) for i in range(0, len(cited), PAGE))
        found = {doc.id: doc for batch in batches for doc in batch}
        return [reference(number, doc_id, found.get(doc_id)) for doc_id, number in self.numbers.items()]


def reference(number: int, doc_id: str, doc: Optional[Document]) -> Reference:
    if doc is None:
        return Reference(number, f"document {doc_id} (no longer in the ledger)", None, None)
    title = f"“{doc.title}”" if doc.title else None
    parts = [doc.outlet, doc.author, doc.published, title]
    label = ", ".join(p for p in parts if p) or f"document {doc_id}"
    return Reference(number, label, doc.url, http_url(doc.url))


def http_url(url: Optional[str]) -> Optional[str]:
    return url if url and url.lower().startswith(("http://", "https://")) else None


# -- one event -----------------------------------------------------------------------


def event_entry(event: Event, citations: Citations) -> Entry:
    claims = list(paged(citations.store.claims, ClaimFilter(event_id=event.id)))
    lines = [Line(sentence(event.summary), citations.cite(claims))]
    lines += status_lines(claims, citations)
    lines += origin_lines(event, claims, citations)
    lines += quantity_lines(event, claims, citations)
    lines += contradiction_lines(event, claims, citations)
    lines += history_lines(event, claims, citations)
    lines += assessment_lines(event)
    return Entry(event.id, event.summary, event_meta(event), lines)


def event_meta(event: Event) -> str:
    when = " – ".join(dict.fromkeys(d for d in (event.first_seen, event.last_seen) if d)) or "date unknown"
    places = ", ".join(dict.fromkeys(p.name or p.text for p in event.places if p.role == "place"))
    parts = [event.event_type.replace("_", " "), when, places, plural(event.documents, "document")]
    return " · ".join(p for p in parts if p)


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def status_lines(claims: list[Claim], citations: Citations) -> list[Line]:
    if not claims:
        return []
    counts = Counter(c.status for c in claims)
    told = ", ".join(f"{counts[status]} {status}" for status in STATUSES if counts[status])
    return [Line(f"Claims: {told}.", citations.cite(claims))]


def origin_lines(event: Event, claims: list[Claim], citations: Citations) -> list[Line]:
    lines = []
    outlets = document_voices(claims, citations.store)
    for origin in event.origins:
        key = source_name_key(origin)
        backing = [c for c in claims if said_by(c, key, outlets)]
        named_sides = (link.side for c in backing for link in links_named(c, key) if link.side)
        side = next(named_sides, None) or citations.actors.side_of_entity(origin)  # an outlet's own voice
        lines.append(Line(f"Origin: {origin}" + (f" ({side} side)." if side else "."), citations.cite(backing)))
    sides = ", ".join(event.sides) or "none identified"
    count = f"{plural(event.independent_sources, 'independent source')}; sides: {sides}."
    attributed = [c for c in claims if c.origin]
    if not attributed:
        count = f"No attributed origin: stated in the documents' own voice; {count}"
    return lines + [Line(count, citations.cite(attributed or claims))]


def document_voices(claims: list[Claim], store: Store) -> dict[str, set[str]]:
    """The keys of each cited document's own voice (its outlet and author), by document id."""
    ids = list(dict.fromkeys(document_of(c) for c in claims if not c.source_chain))
    documents = (doc for i in range(0, len(ids), PAGE) for doc in store.documents_by_id(ids[i:i + PAGE]))
    return {doc.id: {source_name_key(n) for n in (doc.outlet, doc.author) if n} for doc in documents}


def said_by(claim: Claim, key: str, voices: dict[str, set[str]]) -> bool:
    """The origin named by ``key`` is in the claim's chain (by canonical or written name) or,
    for a claim in the author's voice, is its document's outlet or author."""
    if not claim.source_chain:
        return key in voices.get(document_of(claim), set())
    return bool(links_named(claim, key))


def links_named(claim: Claim, key: str) -> list[SourceRef]:
    return [link for link in claim.source_chain if key in (source_name_key(link.canonical or ""),
                                                          source_name_key(link.name))]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def quantity_lines(event: Event, claims: list[Claim], citations: Citations) -> list[Line]:
    lines = []
    for unit, figures in event.quantities.items():
        backing = [c for c in claims if any(q.unit == unit for q in c.quantities)]
        lines.append(Line(f"Figures for {unit.replace('_', ' ')}: {figure_range(figures)}.", citations.cite(backing)))
    return lines


def figure_range(figures: dict[str, Any]) -> str:
    low, high = figures.get("min"), figures.get("max")
    values = figures.get("values") or []
    span = " to ".join(dict.fromkeys(f"{v:,g}" for v in (low, high) if v is not None)) or "not stated"
    return f"{span} ({plural(len(values), 'reported value')})" if values else span


def contradiction_lines(event: Event, claims: list[Claim], citations: Citations) -> list[Line]:
    return [Line(f"Contradiction ({c.kind}): {sentence(c.note)}",
                 citations.cite(claim for claim in claims if claim.id in c.claims))
            for c in event.contradictions]


def history_lines(event: Event, claims: list[Claim], citations: Citations) -> list[Line]:
    if not event.history:
        return []
    steps = " → ".join(f"{h.status} ({h.date or 'undated'}{f', reported {h.outcome}' if h.outcome else ''})"
                       for h in event.history)
    causes = {h.claim for h in event.history if h.claim}
    return [Line(f"Status history: {steps}.", citations.cite(c for c in claims if c.id in causes))]


def assessment_lines(event: Event) -> list[Line]:
    if not event.assessment:
        return []
    status, note = event.assessment.get("status"), event.assessment.get("note")
    return [Line(f"Analyst assessment: {status}" + (f" — {sentence(note)}" if note else "."))]


# -- rendering -----------------------------------------------------------------------


def render_markdown(report: Report) -> str:
    out = [f"# {report.title}", "", f"_{md(report.scope)}_", ""]
    for section in report.sections:
        out += [f"## {section.heading}", ""]
        for entry in section.entries:
            out += [f"### {md(entry.title)}", "", f"_{md(entry.meta)}_", ""]
            out += [f"- {md(line.text)}{md_refs(line.refs)}" for line in entry.lines] + [""]
        if not section.entries:
            out += ["_No events._", ""]
    out += ["## References", ""]
    out += [f"{r.number}. {md(r.label)}{md_url(r)}" for r in report.references]
    return "\n".join(out) + "\n"


def md(text: str) -> str:
    """Article text made inert in Markdown: punctuation escaped, lines joined."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_url(ref: Reference) -> str:
    """An http(s) url as an autolink (percent-encoded so it cannot end early); others as text."""
    if ref.link:
        return f" <{quote(ref.link, safe=URL_SAFE)}>"
    return f" {md(ref.url)}" if ref.url else ""


def md_refs(refs: list[int]) -> str:
    return "".join(f" [{n}]" for n in refs)


def render_html(report: Report) -> str:
    template = _environment().get_template("report.html")
    return template.render(report=report, css=Markup(REPORT_CSS))


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
