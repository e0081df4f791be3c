"""The HTTP API and the web page: one FastAPI app over one `Store`.

    app = create_app(store, settings, ingest=graph.ingest_documents)

Everything under ``/api`` is JSON described by ``/api/openapi.json``; ``/`` is the web page
(static files in ``web/static``), which reads the same JSON.  The API is read-only unless
``settings.api_token`` is set; then the write endpoints take ``Authorization: Bearer <token>``.
Every response carries a strict Content-Security-Policy: the page runs no inline script.
"""

from __future__ import annotations

import asyncio
import gc
import hmac
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import partial, wraps
from pathlib import Path
from typing import Any, Generic, Literal, Optional, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError

from claimgraph.interfaces.assessment import document_of
from claimgraph.interfaces.kept_json import claims_in_context_json, claims_json, events_json
from claimgraph.interfaces.report import REPORT_STYLE_HASH, render_report
from claimgraph.model import EVENT_STATUSES, Claim, Document, Event, ReadFailure, Source, Story
from claimgraph.read import read_bytes
from claimgraph.resolve.gazetteer import Gazetteer
from claimgraph.settings import Settings
from claimgraph.store import ClaimFilter, EventFilter, Store
from claimgraph.store.filters import parse_bbox
from claimgraph.store.store import MAX_ROWS

MAX_LIMIT = 500
MAX_OFFSET = MAX_ROWS - MAX_LIMIT  # any larger offset answers 422, not a database overflow
MAX_TOWNS = 1000
STATIC_DIR = Path(__file__).parent / "web" / "static"
GC_YOUNG_THRESHOLD = 20_000  # objects allocated before a young collection (CPython default: 700)
Ingest = Callable[[list[Document]], Any]

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    f"style-src 'self' '{REPORT_STYLE_HASH}'",  # the report's own stylesheet, nothing else inline
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list, with the total the filters match."""

    total: Optional[int]
    limit: int
    offset: int
    items: list[T]


# Built once: pydantic keeps parametrised models in a weak cache, and rebuilding one costs a
# millisecond per request.
AnyPage = Page[Any]


class DocumentRef(BaseModel):
    id: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None


class ClaimContext(BaseModel):
    """The sentence a claim sits in (claim spans minus `sentence_start` index into it)."""

    sentence: str
    sentence_start: int
    document: DocumentRef


class ClaimView(Claim):
    context: Optional[ClaimContext] = None


class DocumentUpload(BaseModel):
    text: str = Field(min_length=1)
    url: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None


class Town(BaseModel):
    """A town of the gazetteer, for the map's labels."""

    name: str
    lat: float
    lon: float
    country: str
    population: int


class Assessment(BaseModel):
    status: Literal[EVENT_STATUSES]  # type: ignore[valid-type]
    note: str = ""


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ResponseCache:
    """ASGI middleware: successful GET /api/ replies are answered from memory for `seconds`.

    The ledger changes in batches (ingest) or through this app's write endpoints: a write
    through the app empties the cache; a write by another process shows within `seconds`.
    Identical requests arriving while one is being answered wait for it instead of repeating it.
    """

    MAX_ENTRIES = 256
    MAX_BODY = 256 * 1024  # bytes; bigger replies are not kept

    def __init__(self, app: Any, seconds: float):
        self.app = app
        self.seconds = seconds
        self.entries: OrderedDict[str, tuple[float, list[dict]]] = OrderedDict()
        self.pending: dict[str, asyncio.Event] = {}

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        if scope["method"] != "GET":
            await self.app(scope, receive, send)
            return self.entries.clear()
        key = f"{scope['path']}?{scope['query_string'].decode('latin-1')}"
        while (pending := self.pending.get(key)) is not None:  # the same request is being answered
            await pending.wait()
        if await self._replay(key, send):
            return None
        done = self.pending[key] = asyncio.Event()
        try:
            await self.app(scope, receive, self._recorder(key, send))
        finally:
            del self.pending[key]
            done.set()

    async def _replay(self, key: str, send: Callable) -> bool:
        expires, messages = self.entries.get(key, (0.0, []))
        if expires <= time.monotonic():
            return False
        for message in messages:
            await send(message)
        return True

    def _recorder(self, key: str, send: Callable) -> Callable:
        messages: list[dict] = []

        async def record(message: dict) -> None:
            messages.append(message)
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self._keep(key, messages)

        return record

    def _keep(self, key: str, messages: list[dict]) -> None:
        size = sum(len(m.get("body", b"")) for m in messages)
        if messages[0].get("status") != 200 or size > self.MAX_BODY:
            return
        self.entries[key] = (time.monotonic() + self.seconds, messages)
        self.entries.move_to_end(key)
        while len(self.entries) > self.MAX_ENTRIES:
            self.entries.popitem(last=False)


def create_app(store: Store, settings: Settings, ingest: Ingest | None = None,
               cache_seconds: Optional[float] = None) -> FastAPI:
    """The API and the page over `store`; `ingest` stores uploaded documents (None: uploads off);
    GET /api/ replies are cached for `cache_seconds` (default: the api_cache_seconds setting;
    0: no cache)."""
    cache_seconds = settings.api_cache_seconds if cache_seconds is None else cache_seconds
    app = FastAPI(title="claimgraph", version="1", summary="A ledger of claims from war and crisis reporting.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.include_router(_read_router(store, settings))
    app.include_router(_towns_router(Gazetteer(settings.gazetteer)))
    app.include_router(_write_router(store, settings, ingest))
    app.add_exception_handler(DataError, _value_refused)
    app.add_api_route("/", _static_page("index.html"), include_in_schema=False)
    app.add_api_route("/docs", _static_page("docs.html"), include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if cache_seconds > 0:
        app.add_middleware(ResponseCache, seconds=cache_seconds)
    app.add_middleware(SecurityHeaders)
    return app


async def _value_refused(request: Request, error: DataError) -> JSONResponse:
    """A value the database cannot hold (a NUL in a PostgreSQL string) is a bad parameter."""
    detail = " ".join(str(error.orig).split()) or "a value the database cannot hold"
    return JSONResponse(status_code=422, content={"detail": f"a parameter holds a value the database refuses: {detail}"})


def serving_app(settings: Settings) -> FastAPI:
    """The app a server process serves (`claimgraph serve`): a ClaimGraph over the settings'
    ledger, uploads going through its ingest."""
    from claimgraph.app import ClaimGraph

    graph = ClaimGraph(settings)
    app = create_app(graph.store, graph.settings, ingest=graph.ingest_documents)
    _calm_garbage_collector()
    return app


def app_from_environment() -> FastAPI:
    """The app of each process of `claimgraph serve --web-workers N`: uvicorn imports this by
    name, so settings come from the CLAIMGRAPH_* environment variables `serve` sets."""
    return serving_app(Settings.load())


def _calm_garbage_collector() -> None:
    """Keep a serving process's tail latency low: objects made at start-up (the app, models,
    SQLAlchemy metadata) are moved out of the collector's sight, and young-generation collections
    run less often, so a full collection rarely lands in the middle of a request."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def _static_page(name: str) -> Callable[[], FileResponse]:
    def page() -> FileResponse:
        return FileResponse(STATIC_DIR / name)

    return page


# -- query parameters ----------------------------------------------------------------


async def pagination(limit: int = Query(50, ge=1, le=MAX_LIMIT),
                     offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, int]:
    return {"limit": limit, "offset": offset}


async def filter_values(
    status: Optional[str] = Query(None, description="Claim status, or event status for /api/events"),
    event_type: Optional[str] = Query(None, description="One of the contract's event types"),
    source: Optional[str] = Query(None, description="The origin (first link of the source chain), by name"),
    side: Optional[str] = Query(None, description="The origin's side: Ukraine, Russia, Israel, Palestinian, US, UK, neutral, other"),
    date_from: Optional[str] = Query(None, description="ISO date, inclusive"),
    date_to: Optional[str] = Query(None, description="ISO date, inclusive"),
    bbox: Optional[str] = Query(None, description="minlon,minlat,maxlon,maxlat"),
    q: Optional[str] = Query(None, description="Full text: all words must occur"),
    document_id: Optional[str] = Query(None, description="Claims of this document"),
    event_id: Optional[str] = Query(None, description="Claims of this event"),
) -> dict[str, Any]:
    """The filter parameters shared by /api/claims and /api/events (checked by the filter)."""
    return {name: value for name, value in locals().items() if value is not None}


def _unprocessable(function: Callable, *args: Any, **kwargs: Any) -> Any:
    """Call `function`; its ValueError (a bad parameter) becomes HTTP 422 with the message."""
    try:
        return function(*args, **kwargs)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error


def _json(item: BaseModel) -> Response:
    """The model as JSON, serialised once by pydantic (the route's response_model documents it)."""
    return Response(item.model_dump_json(), media_type="application/json")


def _listing(total: Optional[int], items: list[BaseModel], page: dict[str, int]) -> Response:
    return _json(AnyPage(total=total, items=items, **page))


def _listing_of_json(total: Optional[int], items: list[str], page: dict[str, int]) -> Response:
    """The page of `_listing` from its items' JSON (kept_json.py): pydantic writes the page around
    an empty list of items, and the items go in that list."""
    around = AnyPage(total=total, items=[], **page).model_dump_json().removesuffix("[]}")
    return Response(f"{around}[{','.join(items)}]}}", media_type="application/json")


def _json_text(item: str) -> Response:
    return Response(item, media_type="application/json")


def _row(row: Any) -> Any:
    """A store row as it is (a converter for Store.claims: kept_json.py makes the JSON)."""
    return row


def _row_and_members(row: Any, members: list[str]) -> tuple[Any, list[str]]:
    """An event's row and member claims as they are (a converter for Store.events)."""
    return row, members


def _found(item: T | None, what: str, key: str) -> T:
    if item is None:
        raise HTTPException(status_code=404, detail=f"no {what} {key!r}")
    return item


# -- read endpoints ------------------------------------------------------------------


def _read_router(store: Store, settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/api")
    in_context = partial(with_context, store)

    def get(path: str, inline: bool = store.dialect == "sqlite", **options: Any) -> Callable[[Callable], Callable]:
        """router.get, the endpoint reading the store through one connection (Store.reading).

        On SQLite the reads are quick and in this process, so the endpoint runs on the event
        loop (`inline`: an async endpoint) instead of in FastAPI's thread pool: handing each
        request to a thread and back cost more CPU than most reads.  PostgreSQL's reads wait on
        the network and its server, so there other requests go on meanwhile in threads."""
        def register(endpoint: Callable) -> Callable:
            def in_one_read(*args: Any, **kwargs: Any) -> Any:
                with store.reading():
                    return endpoint(*args, **kwargs)

            async def inline_read(*args: Any, **kwargs: Any) -> Any:
                return in_one_read(*args, **kwargs)

            # wraps: FastAPI reads the parameters from the endpoint's signature
            return router.get(path, **options)(wraps(endpoint)(inline_read if inline else in_one_read))
        return register

    @get("/documents", response_model=Page[Document], tags=["documents"],
                description="Documents in the ledger, newest last; q filters by full text.")
    def documents(q: Optional[str] = Query(None, description="Full text"), page: dict = Depends(pagination)):
        q = q or None  # an empty q searches nothing, as in the other lists
        items = _unprocessable(store.documents, q=q, **page)
        return _listing(store.count_documents(q), items, page)

    @get("/documents/{doc_id}", response_model=Document, tags=["documents"])
    def document(doc_id: str):
        """One document with its full text."""
        return _json(_found(store.get_document(doc_id), "document", doc_id))

    @get("/claims", response_model=Page[ClaimView], tags=["claims"])
    def claims(values: dict = Depends(filter_values), page: dict = Depends(pagination),
               context: bool = Query(False, description="Add each claim's sentence and document")):
        """Claims matching the filters (status is a claim status)."""
        filters = _unprocessable(ClaimFilter, **values)
        found = store.claims(filters, **page, convert=_row)
        items = claims_in_context_json(store, found, in_context) if context else claims_json(store, found)
        return _listing_of_json(store.count_claims(filters), items, page)

    @get("/claims/{claim_id}", response_model=ClaimView, tags=["claims"])
    def claim(claim_id: str, context: bool = False):
        """One claim; with context=true, its sentence and document too."""
        if not context:  # one claim: parsing it costs less than reading the ledger's version to find it kept
            return _json(_found(store.get_claim(claim_id), "claim", claim_id))
        found = _found(store.get_claim(claim_id, convert=_row), "claim", claim_id)
        return _json_text(claims_in_context_json(store, [found], in_context)[0])

    @get("/events", response_model=Page[Event], tags=["events"])
    def events(values: dict = Depends(filter_values), page: dict = Depends(pagination),
               order: Literal["oldest", "newest"] = Query("oldest", description=(
                   "oldest: by first report, earliest first; newest: by latest report, latest first")),
               story_id: Optional[str] = Query(None, description="Events of this story")):
        """Events matching the filters (status is an event status; source, side, q match member claims)."""
        filters = _unprocessable(EventFilter, **values, story_id=story_id)
        found = store.events(filters, **page, newest_first=order == "newest", convert=_row_and_members)
        return _listing_of_json(store.count_events(filters), events_json(store, found), page)

    @get("/events/{event_id}", response_model=Event, tags=["events"])
    def event(event_id: str):
        """One event: its claims' ids, origins, status, history and contradictions."""
        found = _found(store.get_event(event_id, convert=_row_and_members), "event", event_id)
        return _json_text(events_json(store, [found])[0])

    @get("/stories", response_model=Page[Story], tags=["stories"])
    def stories(page: dict = Depends(pagination)):
        """Stories (topic threads holding events), the most recently reported first; a story's
        events: /api/events?story_id=..."""
        return _listing(store.count_stories(), _unprocessable(store.stories, **page), page)

    @get("/stories/{story_id}", response_model=Story, tags=["stories"])
    def story(story_id: str):
        """One story: its title, events by status and the span of its reports."""
        return _json(_found(store.get_story(story_id), "story", story_id))

    @get("/sources", response_model=Page[Source], tags=["sources"])
    def sources(page: dict = Depends(pagination)):
        """Canonical origins, with how many claims each made."""
        return _listing(store.count_sources(), store.sources(**page), page)

    @get("/sources/{canonical:path}", response_model=Source, tags=["sources"])
    def source(canonical: str):
        """One origin by canonical name (its claims: /api/claims?source=...)."""
        return _json(_found(store.get_source(canonical), "source", canonical))

    @get("/stats", tags=["ledger"])
    def stats() -> dict[str, Any]:
        """Counts of documents, duplicates, claims and events by status, sources, failures."""
        return store.stats()

    @get("/report", inline=False, tags=["ledger"], response_class=PlainTextResponse)  # seconds on a big ledger
    def report(since: Optional[str] = None, until: Optional[str] = None, place: Optional[str] = None,
               fmt: Literal["md", "html"] = "html"):
        """The situation report: events by status, every line citing its documents."""
        text = _unprocessable(render_report, store, settings, since=since, until=until, place=place, fmt=fmt)
        if fmt == "html":
            return HTMLResponse(text)
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")

    return router


def _towns_router(gazetteer: Gazetteer) -> APIRouter:
    router = APIRouter(prefix="/api")
    # one request at a time: the first one may build the index, which two threads must not do at once
    one_at_a_time = threading.Lock()

    @router.get("/towns", response_model=list[Town], tags=["map"])
    def towns(bbox: str = Query(..., description="minlon,minlat,maxlon,maxlat"),
              limit: int = Query(200, ge=1, le=MAX_TOWNS)):
        """The most populous towns of the gazetteer inside bbox, most populous first (map labels)."""
        box = _unprocessable(parse_bbox, bbox)
        with one_at_a_time:
            found = gazetteer.towns(box, limit)
        return [Town(name=t.name, lat=t.lat, lon=t.lon, country=t.country, population=t.population) for t in found]

    return router


def with_context(store: Store, claims: list[Claim]) -> list[ClaimView]:
    """Each claim with its sentence and a reference to its document."""
    cited = list({document_of(c) for c in claims})
    documents = dict(store.documents_by_id(cited, convert=_cited_document))
    # claim.__dict__: the field values (dict(claim) builds the same, twice as slowly), valid
    # already: model_construct takes them as they are (validating them again cost 1 ms a page)
    return [ClaimView.model_construct(**claim.__dict__, context=claim_context(claim, documents.get(document_of(claim))))
            for claim in claims]


def _cited_document(row: Any) -> tuple[str, tuple[DocumentRef, str]]:
    """A document row as a claim's context cites it: id -> (its reference, its text).  The
    reference is read from the stored JSON alone (pydantic skips the other fields), not from a
    whole Document, whose places took longer to build than the rest."""
    return row.id, (DocumentRef.model_validate_json(row.data), row.text)


def claim_context(claim: Claim, document: Optional[tuple[DocumentRef, str]]) -> Optional[ClaimContext]:
    if document is None:
        return None
    ref, text = document
    start, end = claim.sentence_span
    return ClaimContext(sentence=text[start:end], sentence_start=start, document=ref)


# -- write endpoints -----------------------------------------------------------------


def _write_router(store: Store, settings: Settings, ingest: Ingest | None) -> APIRouter:
    router = APIRouter(prefix="/api", dependencies=[Depends(_token_check(settings))])

    @router.post("/documents", tags=["documents"], status_code=201)
    def upload(upload: DocumentUpload) -> dict[str, Any]:
        """Add a document (text, url, published…): it goes through the ingest pipeline."""
        if ingest is None:
            raise HTTPException(status_code=501, detail="this server has no ingest pipeline")
        document = uploaded_document(upload, settings)
        return {"document_id": document.id, "report": jsonable_encoder(ingest([document]))}

    @router.post("/events/{event_id}/assessment", response_model=Event, tags=["events"])
    def assess(event_id: str, assessment: Assessment):
        """Record an analyst's assessment (status and note) on an event."""
        try:
            return store.set_assessment(event_id, assessment.model_dump())
        except KeyError:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}") from None

    return router


def uploaded_document(upload: DocumentUpload, settings: Settings) -> Document:
    """The upload read like a file (format sniffed, header line parsed, language marked);
    the fields the client gave win over what the reader found."""
    read = list(read_bytes(upload.text.encode("utf-8"), f"upload {upload.url or ''}".strip(), settings))
    failures = [item.message for item in read if isinstance(item, ReadFailure)]
    if failures or len(read) != 1:
        raise HTTPException(status_code=422, detail=failures[0] if failures else "the text holds several documents")
    given = {field: value for field, value in upload.model_dump(exclude={"text"}).items() if value is not None}
    return read[0].model_copy(update=given)


def _token_check(settings: Settings) -> Callable:
    async def check(authorization: Optional[str] = Header(None)) -> None:
        if not settings.api_token:
            raise HTTPException(status_code=403, detail="write endpoints are off: no api_token is set")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings.api_token.encode()):
            raise HTTPException(status_code=401, detail="a valid 'Authorization: Bearer <token>' is required",
                                headers={"WWW-Authenticate": "Bearer"})

    return check
