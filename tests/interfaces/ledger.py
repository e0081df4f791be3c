"""A small ledger for the interface tests, written by the team (fictional outlets and texts).

Four documents about a fictional week near Sudzha, with claims, sources and four events, one
per event status.  `HOSTILE` adds a document whose every field carries markup and script, to
check that the page and the report keep it inert.
"""

from __future__ import annotations

from claimgraph.model import (
    Claim, Contradiction, Cue, Document, Event, Place, Quantity, SourceRef, StatusChange, TimeSpan,
)
from claimgraph.read.normalise import document_id

PWN = "window.__pwned = 1; alert(1)"
XSS_SCRIPT = f"<script>{PWN}</script>"
XSS_IMG = f'<img src=x onerror="{PWN}">'
XSS_URL = f"javascript:{PWN}"

SUDZHA = dict(name="Sudzha", lat=51.19, lon=35.27, country="RU", admin1="Kursk Oblast", precision="town")
GLUSHKOVO = dict(name="Glushkovo", lat=51.34, lon=34.63, country="RU", admin1="Kursk Oblast", precision="town")
KORENEVO = dict(name="Korenevo", lat=51.41, lon=34.91, country="RU", admin1="Kursk Oblast", precision="town")
VILLAGE = dict(name="Village", lat=51.0, lon=35.6, country="RU", admin1="Kursk Oblast", precision="town")
KURSK = dict(name="Kursk Oblast", lat=51.5, lon=36.0, country="RU", admin1="Kursk Oblast", precision="region")

PRESIDENT = dict(canonical="Office of the President of Ukraine", kind="official", side="Ukraine")
BLOGGER = dict(canonical="Frontline Courier Z", kind="social", side="Russia")
MOD_RU = dict(canonical="Ministry of Defence of Russia", kind="official", side="Russia")
GOVERNOR = dict(canonical="Governor of Kursk Oblast", kind="official", side="Russia")
INSTITUTE = dict(canonical="Eastern Studies Institute", kind="expert", side="neutral")
GENERAL_STAFF = dict(canonical="General Staff of Ukraine", kind="official", side="Ukraine")

TEXT_A = ("Ukrainian forces captured the gas metering station near Sudzha, an adviser to the president "
          "said on Thursday. The claim could not be independently confirmed.")
TEXT_B = ("A Russian military blogger reportedly posted a video that appeared to show Ukrainian troops at "
          "the Sudzha station. Moscow denied that the station had been lost.")
TEXT_C = ("Satellite images reviewed by our analysts show a destroyed bridge over the Seym near Glushkovo. "
          "The General Staff said 12 soldiers were taken prisoner near Korenevo.")
TEXT_D = ("The regional governor said 3,000 residents had been evacuated from border districts. "
          "Analysts at the Eastern Studies Institute said the evacuation of Kursk Oblast was under way.")
TEXT_X = (f"Hostile text {XSS_SCRIPT} and {XSS_IMG} claims that forces took the village. "
          f"See [click](javascript:alert(1)) for more.")


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def sentence_of(text: str, phrase: str) -> tuple[int, int]:
    start, end = span(text, phrase)
    first = text.rfind(". ", 0, start)
    last = text.find(". ", end)
    return (0 if first < 0 else first + 2), (len(text) if last < 0 else last + 1)


def document(text: str, **fields) -> Document:
    return Document(id=document_id(text), text=text, language="en", **fields)


def place(text: str, phrase: str, where: dict) -> Place:
    return Place(text=phrase, span=span(text, phrase), feature="PPL", **where)


def source(text: str, phrase: str, who: dict, cue: str) -> SourceRef:
    return SourceRef(name=phrase, span=span(text, phrase), cue=cue, **who)


def claim(doc: Document, index: int, phrase: str, **fields) -> Claim:
    return Claim(id=f"{doc.id}:{index}", text=phrase, span=span(doc.text, phrase),
                 sentence_span=sentence_of(doc.text, phrase), document_id=doc.id, **fields)


def cue(text: str, word: str) -> Cue:
    return Cue(text=word, span=span(text, word))


def day(date: str) -> TimeSpan:
    return TimeSpan(text=date, start=date, end=date, precision="day", anchor="published", resolved=True)


def documents() -> list[tuple[Document, list[Claim]]]:
    a = document(TEXT_A, url="https://example.org/north/station", outlet="Northern Courier",
                 author="Lena Ortiz", published="2024-08-08", title="Station changes hands")
    b = document(TEXT_B, url="https://example.net/steppe/video", outlet="Steppe Monitor",
                 published="2024-08-09", title="Video from the station")
    c = document(TEXT_C, url="https://example.com/harbour/bridge", outlet="Harbour Times",
                 author="Sam Reyes", published="2024-08-10", title="Bridge down")
    d = document(TEXT_D, url="https://example.org/wire/evacuation", outlet="Wire Service",
                 published="2024-08-07", title="Border evacuation")
    return [
        (a, [claim(a, 0, "Ukrainian forces captured the gas metering station near Sudzha",
                   event_type="infrastructure", status="reported", status_cues=[cue(TEXT_A, "said")],
                   source_chain=[source(TEXT_A, "an adviser to the president", PRESIDENT, "said")],
                   places=[place(TEXT_A, "Sudzha", SUDZHA)], time=day("2024-08-08"))]),
        (b, [claim(b, 0, "Ukrainian troops at the Sudzha station", event_type="infrastructure", status="hedged",
                   status_cues=[cue(TEXT_B, "reportedly"), cue(TEXT_B, "appeared to")],
                   source_chain=[source(TEXT_B, "A Russian military blogger", BLOGGER, "posted")],
                   places=[place(TEXT_B, "Sudzha", SUDZHA)], time=day("2024-08-09")),
             claim(b, 1, "the station had been lost", event_type="infrastructure", status="denied", negated=True,
                   status_cues=[cue(TEXT_B, "denied")], source_chain=[source(TEXT_B, "Moscow", MOD_RU, "denied")],
                   places=[place(TEXT_B, "Sudzha", SUDZHA)], time=day("2024-08-09"))]),
        (c, [claim(c, 0, "a destroyed bridge over the Seym near Glushkovo", event_type="strike", status="confirmed",
                   status_cues=[cue(TEXT_C, "Satellite images reviewed by our analysts show")],
                   places=[place(TEXT_C, "Glushkovo", GLUSHKOVO)], time=day("2024-08-10")),
             claim(c, 1, "12 soldiers were taken prisoner near Korenevo", event_type="prisoners", status="reported",
                   status_cues=[cue(TEXT_C, "said")],
                   source_chain=[source(TEXT_C, "The General Staff", GENERAL_STAFF, "said")],
                   places=[place(TEXT_C, "Korenevo", KORENEVO)], time=day("2024-08-10"),
                   quantities=[Quantity(text="12 soldiers", span=span(TEXT_C, "12 soldiers"), min=12, max=12,
                                        conservative=12, unit="prisoners")])]),
        (d, [claim(d, 0, "3,000 residents had been evacuated from border districts", event_type="evacuation",
                   status="reported", status_cues=[cue(TEXT_D, "said")],
                   source_chain=[source(TEXT_D, "The regional governor", GOVERNOR, "said")],
                   places=[place(TEXT_D, "Kursk Oblast", KURSK)], time=day("2024-08-07"),
                   quantities=[Quantity(text="3,000 residents", span=span(TEXT_D, "3,000 residents"), min=3000,
                                        max=3000, conservative=3000, unit="evacuated")]),
             claim(d, 1, "the evacuation of Kursk Oblast was under way", event_type="evacuation", status="reported",
                   status_cues=[cue(TEXT_D, "said the evacuation")],
                   source_chain=[source(TEXT_D, "Analysts at the Eastern Studies Institute", INSTITUTE, "said")],
                   places=[place(TEXT_D, "Kursk Oblast", KURSK)], time=day("2024-08-07"))]),
    ]


def events(docs: list[tuple[Document, list[Claim]]]) -> list[Event]:
    (_, [a0]), (_, [b0, b1]), (_, [c0, c1]), (_, [d0, d1]) = docs
    station = Event(
        id="e-station", event_type="infrastructure",
        summary="Ukrainian forces captured the Sudzha gas metering station",
        claims=[a0.id, b0.id, b1.id], documents=2, independent_sources=3, sides=["Ukraine", "Russia"],
        origins=[PRESIDENT["canonical"], BLOGGER["canonical"], MOD_RU["canonical"]], status="disputed",
        first_seen="2024-08-08", last_seen="2024-08-09", places=a0.places,
        contradictions=[Contradiction(claims=[a0.id, b1.id], kind="denial",
                                      note="Moscow denied the loss of the station")],
        history=[StatusChange(date="2024-08-08", status="claimed", claim=a0.id),
                 StatusChange(date="2024-08-09", status="corroborated", claim=b0.id, outcome="held"),
                 StatusChange(date="2024-08-09", status="disputed", claim=b1.id)])
    bridge = Event(
        id="e-bridge", event_type="strike", summary="A bridge over the Seym near Glushkovo was destroyed",
        claims=[c0.id], documents=1, origins=[], independent_sources=1, sides=[], status="confirmed",
        first_seen="2024-08-10", last_seen="2024-08-10", places=c0.places,
        history=[StatusChange(date="2024-08-10", status="confirmed", claim=c0.id)])
    prisoners = Event(
        id="e-prisoners", event_type="prisoners", summary="Soldiers were taken prisoner near Korenevo",
        claims=[c1.id], documents=1, origins=[GENERAL_STAFF["canonical"]], independent_sources=1, sides=["Ukraine"],
        status="claimed", first_seen="2024-08-10", last_seen="2024-08-10", places=c1.places,
        quantities={"prisoners": {"min": 12, "max": 12, "values": [12]}},
        history=[StatusChange(date="2024-08-10", status="claimed", claim=c1.id)])
    evacuation = Event(
        id="e-evacuation", event_type="evacuation", summary="Residents were evacuated from border districts",
        claims=[d0.id, d1.id], documents=1, origins=[GOVERNOR["canonical"], INSTITUTE["canonical"]],
        independent_sources=2, sides=["Russia", "neutral"], status="corroborated",
        first_seen="2024-08-07", last_seen="2024-08-07", places=d0.places,
        quantities={"evacuated": {"min": 3000, "max": 3000, "values": [3000]}},
        history=[StatusChange(date="2024-08-07", status="corroborated", claim=d1.id)])
    return [station, bridge, prisoners, evacuation]


def hostile() -> tuple[Document, list[Claim], Event]:
    """Markup and script in every field a page or report shows."""
    doc = document(TEXT_X, url=XSS_URL, outlet=f"Outlet {XSS_IMG}", author=XSS_SCRIPT, published="2024-08-11",
                   title=f"Title {XSS_SCRIPT}")
    who = dict(canonical=f"Source {XSS_IMG}", kind="social", side="other")
    item = claim(doc, 0, "forces took the village", event_type="territorial_change", status="reported",
                 status_cues=[cue(TEXT_X, "claims")], source_chain=[source(TEXT_X, "Hostile text", who, XSS_IMG)],
                 places=[place(TEXT_X, "village", VILLAGE)], time=day("2024-08-11"))
    event = Event(id="e-hostile", event_type="territorial_change", summary=f"Village taken {XSS_SCRIPT} {XSS_IMG}",
                  claims=[item.id], documents=1, origins=[who["canonical"]], independent_sources=1, sides=["other"],
                  status="claimed", first_seen="2024-08-11", last_seen="2024-08-11", places=item.places,
                  contradictions=[Contradiction(claims=[item.id], kind="outcome", note=XSS_IMG)],
                  history=[StatusChange(date="2024-08-11", status="claimed", claim=item.id)],
                  assessment={"status": "claimed", "note": XSS_SCRIPT})
    return doc, [item], event


def fill(store, with_hostile: bool = False) -> None:
    """Write the sample ledger (and optionally the hostile document) into `store`."""
    docs = documents()
    linked = events(docs)
    if with_hostile:
        doc, claims, event = hostile()
        docs.append((doc, claims))
        linked.append(event)
    for doc, claims in docs:
        store.add_document(doc, claims)
    store.save_events(linked)
