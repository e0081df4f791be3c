"""The typed data every pipeline stage takes and returns.

The field names and vocabularies follow the output contract
(`shared/spec/claims-v1.md`, version 1).  Fields the contract does not name are
extensions: they are optional, and ``to_json`` keeps them, so consumers that only
know the contract can ignore them.

Flow: read -> ``Document``; extract -> ``Claim`` with *mentions* (places, times and
quantities carry only ``text``/``span``); resolve -> the same objects with values
filled in; link -> ``Event``.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]

STATUSES = ("asserted", "reported", "hedged", "unverified", "confirmed", "denied", "speculative")
EVENT_TYPES = (
    "territorial_change", "armed_clash", "strike", "casualties", "prisoners",
    "equipment_loss", "infrastructure", "civilian_harm", "evacuation", "request",
    "statement", "diplomacy", "military_aid", "other",
)
SOURCE_KINDS = ("official", "media", "social", "expert", "witness", "anonymous", "document", "author")
EVENT_STATUSES = ("claimed", "corroborated", "confirmed", "disputed")
SIDES = ("Ukraine", "Russia", "Israel", "Palestinian", "US", "UK", "neutral", "other")

Status = Literal["asserted", "reported", "hedged", "unverified", "confirmed", "denied", "speculative"]
EventStatus = Literal["claimed", "corroborated", "confirmed", "disputed"]


class Record(BaseModel):
    """Base: strict field names, JSON output in contract order."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class Cue(Record):
    text: str
    span: Span


class Place(Record):
    """A toponym mention, resolved to GeoNames where possible."""

    text: str
    span: Span
    role: Literal["place", "demonym"] = "place"
    name: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    feature: Optional[str] = None
    precision: Optional[Literal["point", "town", "region", "country"]] = None
    # extensions, set on a claim's or an event's location: where in the document the place was
    # taken from (resolve/data/locations.yaml) and ACLED's geo_precision (1 town, 2 district, 3 region)
    basis: Optional[Literal["sentence", "previous", "paragraph", "dateline", "focus", "speaker", "spoken"]] = None
    geo_precision: Optional[int] = None
    # extension: a place named inside a longer name ("the Washington Post", "Oman Film Society"):
    # a toponym of the text, but never where a claim or an event is
    in_name: bool = False

    @property
    def locates(self) -> bool:
        """Can it say where something is?  Not a demonym, nor a place inside another name."""
        return self.role == "place" and not self.in_name


class TimeSpan(Record):
    """A time expression normalised against an anchor (by default the publication date).

    An expression that cannot be resolved keeps ``start``/``end`` empty and says why in
    ``note``; it never falls back silently to the publication date.
    """

    text: str
    span: Optional[Span] = None
    start: Optional[str] = None
    end: Optional[str] = None
    precision: Optional[Literal["hour", "day", "week", "month", "year"]] = None
    anchor: Optional[Literal["published", "explicit", "unknown"]] = None
    resolved: bool = False
    note: Optional[str] = None


class Quantity(Record):
    text: str
    span: Optional[Span] = None
    min: Optional[float] = None
    max: Optional[float] = None
    conservative: Optional[float] = None
    unit: Optional[str] = None
    approximate: bool = False
    unit_mismatch: Optional[str] = None  # e.g. "length given for an area: probably km2"


class SourceRef(Record):
    """One link of a claim's source chain (origin first, then relays)."""

    name: str
    canonical: Optional[str] = None
    kind: Optional[str] = None  # one of SOURCE_KINDS
    side: Optional[str] = None  # one of SIDES or None when unknown
    cue: Optional[str] = None
    span: Optional[Span] = None
    cue_span: Optional[Span] = None  # extension: where the cue is (attribution evaluation, highlighting)


class Actor(Record):
    text: str
    canonical: Optional[str] = None
    side: Optional[str] = None
    role: Literal["agent", "patient", "other"] = "other"
    span: Optional[Span] = None


class Evidence(Record):
    kind: Literal["video", "image", "post", "document", "satellite", "other"]
    platform: Optional[str] = None
    publisher: Optional[str] = None
    verified_by: Optional[str] = None
    method: Optional[str] = None  # e.g. "geolocation"
    text: Optional[str] = None
    span: Optional[Span] = None


class LoadedTerm(Record):
    text: str
    span: Span
    neutral: Optional[str] = None


class Claim(Record):
    id: str  # "<document id>:<index>"
    text: str
    span: Span
    sentence_span: Span
    event_type: str = "other"
    negated: bool = False
    status: Status = "asserted"
    status_cues: list[Cue] = Field(default_factory=list)
    source_chain: list[SourceRef] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    time: Optional[TimeSpan] = None
    quantities: list[Quantity] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    loaded_language: list[LoadedTerm] = Field(default_factory=list)
    # extensions
    document_id: Optional[str] = None
    event_id: Optional[str] = None
    location: Optional[Place] = None  # where the claimed happening is (resolve/locate.py)

    @property
    def origin(self) -> Optional[SourceRef]:
        """Who first said it; None for the author's own voice."""
        return self.source_chain[0] if self.source_chain else None


class Document(Record):
    id: str  # first 16 hex of sha256 of the normalised text
    text: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    genre: Optional[str] = None
    language: Optional[str] = None
    duplicate_of: Optional[str] = None
    syndication_group: Optional[str] = None
    places: list[Place] = Field(default_factory=list)
    # extensions
    origin: Optional[str] = None  # where it was read: "path", "path#line 12", "path#record 3"
    format: Optional[str] = None  # text | html | jsonl | feed | warc
    copies: list[dict[str, Optional[str]]] = Field(default_factory=list)  # other url/outlet carrying the same text
    # a leading wire dateline ("KYIV (Meridian Wire) — "), found once in reading: later stages
    # read this span, since the city where a report was filed says nothing of where things happened
    dateline: Optional[tuple[int, int]] = None
    # every dateline or heading in capitals opening a paragraph up to its dash ("KURSK (Desk) — ",
    # also after a title line; "QUESTIONABLE CLAIMS — "), found in reading: extraction keeps
    # them out of claims and of sources' names
    openers: list[tuple[int, int]] = Field(default_factory=list)


class ExtractedDocument(Record):
    """What `claimgraph extract` prints per document."""

    document: Document
    claims: list[Claim] = Field(default_factory=list)


class Contradiction(Record):
    claims: list[str]
    kind: Literal["quantity", "denial", "outcome", "place", "time", "responsibility"]
    note: str


class StatusChange(Record):
    date: Optional[str]
    status: EventStatus
    claim: Optional[str] = None  # the claim that caused the change (extension)
    # extension: the state that claim reports ("encircled", "held", "retaken"; see
    # link/data/linking.yaml), so a place changing hands reads as one evolving record
    outcome: Optional[str] = None


class Event(Record):
    id: str
    event_type: str
    summary: str
    claims: list[str]
    documents: int
    origins: list[str]
    independent_sources: int
    sides: list[str]
    status: EventStatus
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    places: list[Place] = Field(default_factory=list)
    quantities: dict[str, dict[str, Any]] = Field(default_factory=dict)
    contradictions: list[Contradiction] = Field(default_factory=list)
    history: list[StatusChange] = Field(default_factory=list)
    assessment: Optional[dict[str, Any]] = None  # an analyst's note (extension)
    story_id: Optional[str] = None  # the story (topic thread) holding the event (extension)
    location: Optional[Place] = None  # its position (resolve/position.py); None when known only by country (extension)


class Story(Record):
    """A topic thread holding events (extension of the contract): the happenings reported about
    one thing over days or months, so a reader can keep the topic in view while events stay
    precise.  ``title`` is the summary of its best-backed event."""

    id: str
    title: str
    events: int
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    statuses: dict[str, int] = Field(default_factory=dict)  # event status -> events


class Source(Record):
    """A canonical origin in the ledger, with what it claimed."""

    canonical: str
    kind: Optional[str] = None
    side: Optional[str] = None
    names: list[str] = Field(default_factory=list)
    claims: int = 0


class ReadFailure(Record):
    """A file or record that could not be read; the rest of the input goes on."""

    origin: str  # path, with "#line N" / "#record N" where relevant
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"
