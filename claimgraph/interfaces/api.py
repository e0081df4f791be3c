"""The HTTP API and the web page: one FastAPI app over one `Store`.

    app = create_app(store, settings, ingest=graph.ingest_documents)

Everything under ``/api`` is JSON described by ``/api/openapi.json``; ``/`` is the web page
(static files in ``web/static``), which reads the same JSON.  The API is read-only unless
``settings.api_token`` is set; then the write endpoints take ``Authorization: Bearer <token>``.
Every response carries a strict Content-Security-Policy: the page runs no inline script.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any, Generic, Literal, Optional, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query
from fastapi.encoders import jsonable_encoder
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from claimgraph.interfaces.report import REPORT_STYLE_HASH, render_report
from claimgraph.model import EVENT_STATUSES, Claim, Document, Event, Source
from claimgraph.settings import Settings
from claimgraph.store.filters import ClaimFilter, EventFilter

MAX_LIMIT = 500
STATIC_DIR = Path(__file__).parent / "web" / "static"
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

    total: int
    limit: int
    offset: int
    items: list[T]


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
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store: Any, settings: Settings, ingest: Ingest | None = None) -> FastAPI:
    """The API and the page over `store`; `ingest` stores uploaded documents (None: uploads off)."""
    app = FastAPI(title="claimgraph", version="1", summary="A ledger of claims from war and crisis reporting.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.include_router(_read_router(store))
    app.include_router(_write_router(store, settings, ingest))
    app.add_api_route("/", _index, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(SecurityHeaders)
    return app


def _index() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html")


# -- query parameters ----------------------------------------------------------------


def pagination(limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)) -> dict[str, int]:
    return {"limit": limit, "offset": offset}


def filter_values(
    status: Optional[str] = Query(None, description="Claim status, or event status for /api/events"),
    event_type: Optional[str] = None,
    source: Optional[str] = Query(None, description="Canonical name of a source in the claim's chain"),
    side: Optional[str] = None,
    date_from: Optional[str] = Query(None, description="ISO date, inclusive"),
    date_to: Optional[str] = Query(None, description="ISO date, inclusive"),
    bbox: Optional[str] = Query(None, description="minlon,minlat,maxlon,maxlat"),
    q: Optional[str] = Query(None, description="Full-text query"),
    document_id: Optional[str] = None,
    event_id: Optional[str] = None,
) -> dict[str, Any]:
    values = dict(locals())
    values["bbox"] = _unprocessable(parse_bbox, bbox)
    return {name: value for name, value in values.items() if value not in (None, "")}


def parse_bbox(text: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    """'minlon,minlat,maxlon,maxlat' -> four floats; ValueError on anything else."""
    if not text:
        return None
    parts = [float(part) for part in text.split(",")]
    if len(parts) != 4:
        raise ValueError(f"bbox needs 4 numbers (minlon,minlat,maxlon,maxlat), got {len(parts)}")
    return parts[0], parts[1], parts[2], parts[3]


def _build_filter(kind: type, values: dict[str, Any]) -> Any:
    known = {f.name for f in fields(kind)}
    return _unprocessable(kind, **{k: v for k, v in values.items() if k in known})


def _unprocessable(function: Callable, *args: Any, **kwargs: Any) -> Any:
    """Call `function`; its ValueError (a bad parameter) becomes HTTP 422 with the message."""
    try:
        return function(*args, **kwargs)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error


def _found(item: T | None, what: str, key: str) -> T:
    if item is None:
        raise HTTPException(status_code=404, detail=f"no {what} {key!r}")
    return item


# -- read endpoints ------------------------------------------------------------------


def _read_router(store: Any) -> APIRouter:
    router = APIRouter(prefix="/api")

    @router.get("/documents", response_model=Page[Document], tags=["documents"])
    def documents(q: Optional[str] = None, page: dict = Depends(pagination)):
        items = store.documents(q=q or None, **page)
        return Page(total=store.count_documents(q=q or None), items=items, **page)

    @router.get("/documents/{doc_id}", response_model=Document, tags=["documents"])
    def document(doc_id: str):
        return _found(store.get_document(doc_id), "document", doc_id)

    @router.get("/claims", response_model=Page[ClaimView], tags=["claims"])
    def claims(values: dict = Depends(filter_values), page: dict = Depends(pagination),
               context: bool = Query(False, description="Add each claim's sentence and document")):
        filters = _build_filter(ClaimFilter, values)
        items = store.claims(filters, **page)
        if context:
            items = with_context(store, items)
        return Page(total=store.count_claims(filters), items=items, **page)

    @router.get("/claims/{claim_id}", response_model=ClaimView, tags=["claims"])
    def claim(claim_id: str, context: bool = False):
        item = _found(store.get_claim(claim_id), "claim", claim_id)
        return with_context(store, [item])[0] if context else item

    @router.get("/events", response_model=Page[Event], tags=["events"])
    def events(values: dict = Depends(filter_values), page: dict = Depends(pagination)):
        filters = _build_filter(EventFilter, values)
        return Page(total=store.count_events(filters), items=store.events(filters, **page), **page)

    @router.get("/events/{event_id}", response_model=Event, tags=["events"])
    def event(event_id: str):
        return _found(store.get_event(event_id), "event", event_id)

    @router.get("/sources", response_model=Page[Source], tags=["sources"])
    def sources(page: dict = Depends(pagination)):
        return Page(total=store.stats().get("sources", 0), items=store.sources(**page), **page)

    @router.get("/sources/{canonical:path}", response_model=Source, tags=["sources"])
    def source(canonical: str):
        return _found(store.get_source(canonical), "source", canonical)

    @router.get("/stats", tags=["ledger"])
    def stats() -> dict[str, Any]:
        return store.stats()

    @router.get("/report", tags=["ledger"], response_class=PlainTextResponse)
    def report(since: Optional[str] = None, until: Optional[str] = None, place: Optional[str] = None,
               fmt: Literal["md", "html"] = "html"):
        text = _unprocessable(render_report, store, since=since, until=until, place=place, fmt=fmt)
        if fmt == "html":
            return HTMLResponse(text)
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")

    return router


def with_context(store: Any, claims: list[Claim]) -> list[ClaimView]:
    """Each claim with its sentence and a reference to its document (one read per document)."""
    documents: dict[str, Optional[Document]] = {}
    views = []
    for claim in claims:
        doc_id = claim.document_id or claim.id.rsplit(":", 1)[0]
        if doc_id not in documents:
            documents[doc_id] = store.get_document(doc_id)
        views.append(ClaimView(**dict(claim), context=claim_context(claim, documents[doc_id])))
    return views


def claim_context(claim: Claim, document: Optional[Document]) -> Optional[ClaimContext]:
    if document is None:
        return None
    start, end = claim.sentence_span
    ref = DocumentRef(**{name: getattr(document, name) for name in DocumentRef.model_fields})
    return ClaimContext(sentence=document.text[start:end], sentence_start=start, document=ref)


# -- write endpoints -----------------------------------------------------------------


def _write_router(store: Any, settings: Settings, ingest: Ingest | None) -> APIRouter:
    router = APIRouter(prefix="/api", dependencies=[Depends(_token_check(settings))])

    @router.post("/documents", tags=["documents"], status_code=201)
    def upload(upload: DocumentUpload) -> dict[str, Any]:
        if ingest is None:
            raise HTTPException(status_code=501, detail="this server has no ingest pipeline")
        document = Document(id=document_id(upload.text), **upload.model_dump())
        return {"document_id": document.id, "report": jsonable_encoder(ingest([document]))}

    @router.post("/events/{event_id}/assessment", response_model=Event, tags=["events"])
    def assess(event_id: str, assessment: Assessment):
        _found(store.get_event(event_id), "event", event_id)
        return store.set_assessment(event_id, assessment.model_dump())

    return router


def _token_check(settings: Settings) -> Callable[..., None]:
    def check(authorization: Optional[str] = Header(None)) -> None:
        if not settings.api_token:
            raise HTTPException(status_code=403, detail="write endpoints are off: no api_token is set")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings.api_token.encode()):
            raise HTTPException(status_code=401, detail="a valid 'Authorization: Bearer <token>' is required",
                                headers={"WWW-Authenticate": "Bearer"})

    return check


def document_id(text: str) -> str:
    from claimgraph.read.normalise import document_id as read_document_id

    return read_document_id(text)
