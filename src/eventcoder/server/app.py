"""The FastAPI app behind ``eventcoder serve --db events.duckdb`` (docs/server.md).

A thin layer over the library: ``POST /api/code`` runs the same pipeline as ``eventcoder code``
and returns the same records; ``GET /api/events`` and ``GET /api/events/{id}`` read the store
the CLI writes, through :mod:`eventcoder.queries`, whose filters reach SQL only as bound
parameters. The store is opened read-only for each request and closed after it, so a run can go
on coding into it (docs/store.md).

Limits keep one client from taking the server: a request body over ``max_body`` bytes is
refused with 413 before it is read whole; coding that takes longer than ``timeout`` seconds is
answered with 503 (the pipeline cannot be interrupted, so the work finishes in the background and
is dropped); when ``max_pending`` requests already wait for the pipeline, another gets 503 at
once. Binding to anything but loopback needs a token (``EVENTCODER_TOKEN``), which every
``/api`` request must then bring as ``Authorization: Bearer <token>``.
"""

import asyncio
import csv
import datetime
import hmac
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, BaseModel, Field, WithJsonSchema, create_model
from rich.console import Console, RenderableType
from spacy.language import Language
from starlette.concurrency import run_in_threadpool

from eventcoder import __version__, analysis
from eventcoder.analysis import reading
from eventcoder.errors import Errors, InputError
from eventcoder.explain import explain, render
from eventcoder.io.cells import neutralise_row
from eventcoder.io.readers import Article, check_date, content_hash
from eventcoder.io.writers import FLAT_COLUMNS, row_schema
from eventcoder.pipeline import pipe
from eventcoder.plot import land
from eventcoder.queries import (
    SORTABLE,
    EventFilter,
    event_by_id,
    evidence,
    find_events,
    quote_of,
    summary,
)

LOOPBACK = ("127.0.0.1", "::1", "localhost")
STATIC = Path(__file__).parent / "static"
TOKEN_ENV = "EVENTCODER_TOKEN"


@dataclass(frozen=True)
class Limits:
    """What one request may ask of the server.

    max_body: bytes of a request body. timeout: seconds of coding for one article.
    max_pending: requests waiting for the pipeline before more are turned away. max_page: events
    one page of ``/api/events`` may hold. per_client: ``/api`` requests one client (address)
    may have in flight at once; one more gets 429.
    """

    max_body: int = 16_000_000  # a 1,000,000-character text, even escaped at 12 bytes a char
    timeout: float = 30.0
    max_pending: int = 4
    max_page: int = 1000
    per_client: int = 8


# --- the records the API returns, described for the OpenAPI schema ---------------------------

_PY_TYPES = {"string": str, "int8": int, "int32": int, "int64": int, "double": float, "bool": bool}
EventRow: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "EventRow",
    __doc__="One stored event: the flat columns of docs/records.md.",
    **{f.name: (_PY_TYPES[str(f.type)] | None, None) for f in row_schema()},
)


# A day as YYYY-MM-DD and nothing else (not a timestamp, not a date-time), and a real one.
Day = Annotated[
    str, AfterValidator(check_date), WithJsonSchema({"type": "string", "format": "date"})
]


class CodeRequest(BaseModel):
    """An article to code."""

    text: str = Field(
        description="The article's text, up to 1,000,000 characters (spaCy's limit).",
        max_length=1_000_000,
    )
    date: Day | None = Field(
        None,
        description="Its publication date, YYYY-MM-DD: resolves 'yesterday' and the like.",
    )
    id: str | None = Field(None, description="An id copied into the records.")


class CodeResponse(BaseModel):
    """What ``eventcoder code`` finds in one article (docs/records.md, quotes.md, dates.md,
    places.md)."""

    id: str
    events: list[dict[str, Any]] = Field(description="Events, as in `code -o events.jsonl`.")
    quotes: list[dict[str, Any]] = Field(description="Quotes with their speakers.")
    dates: list[dict[str, Any]] = Field(description="Date mentions and what they resolve to.")
    places: list[dict[str, Any]] = Field(description="Places named, with coordinates.")


class EventPage(BaseModel):
    """One page of stored events."""

    total: int = Field(description="Events matching the filters, on all pages.")
    limit: int
    offset: int
    events: list[EventRow]  # type: ignore[valid-type]


class Span(BaseModel):
    """Where a role's words stand in the sentence."""

    role: Literal["actor", "trigger", "recipient"]
    start: int
    end: int


class Evidence(BaseModel):
    """The event's sentence and the spans of its actor, trigger and recipient in it."""

    sentence: str
    spans: list[Span]


class EventDetail(BaseModel):
    """One stored event with its article's fields and how the coder came to it."""

    event: EventRow  # type: ignore[valid-type]
    document: dict[str, Any] | None = Field(description="The article's row in the store.")
    evidence: Evidence
    quote: dict[str, Any] | None = Field(
        description="The quote the event was stated in, with its speaker (docs/quotes.md)."
    )
    explanation: dict[str, Any] = Field(
        description="The `eventcoder explain --json` trace of the event's sentence, coded alone."
    )
    explanation_text: str = Field(description="The same trace as `eventcoder explain` prints it.")


Freq = Literal["day", "week", "month", "year"]
DatedBy = Literal["event", "publication"]


WHO = f"^({analysis.TERM_PATTERN})$"  # an actor term (eventcoder.analysis.match)


class Table(BaseModel):
    """Rows of an analysis (docs/analysis.md gives the columns)."""

    rows: list[dict[str, Any]]


class Network(BaseModel):
    """The actor network."""

    nodes: list[dict[str, Any]] = Field(description="Actors: id, n_events.")
    edges: list[dict[str, Any]] = Field(
        description="Directed dyads: source, target, n_events, goldstein_mean."
    )


class World(BaseModel):
    """The land outline."""

    rings: list[list[list[float]]] = Field(description="Rings of [lon, lat] points.")


class Info(BaseModel):
    """What the server serves."""

    version: str
    store: str | None = Field(description="The store's file name, or null without --db.")
    events: int
    documents: int


class Problem(BaseModel):
    """An error: what was wrong and how to fix it (for a malformed parameter, FastAPI's list of
    what failed where)."""

    detail: str | list[dict[str, Any]]


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": what}
    for code, what in (
        (401, "Missing or wrong token (servers bound beyond loopback)."),
        (413, "The request body is larger than the server accepts."),
        (422, "A parameter or the body is malformed."),
        (429, "This client has too many requests in flight; try again."),
        (503, "The coder is busy or took too long; try again."),
    )
}


# --- the app ---------------------------------------------------------------------------------


def create_app(
    db: Path | None = None,
    nlp: Language | Callable[[], Language] | None = None,
    token: str | None = None,
    limits: Limits = Limits(),
) -> FastAPI:
    """The API over the store ``db`` (None: only ``/api/code``) coding with ``nlp``.

    nlp: a pipeline from :func:`eventcoder.load`, or a function making one on first use (so a
    server that only reads the store never loads spaCy). token: when set, every ``/api``
    request must carry it as a bearer token.
    """
    db = Path(db) if db is not None else None
    app = FastAPI(
        title="eventcoder",
        version=__version__,
        summary="Political events from news text: code articles, query a store.",
    )
    coder = _Coder(nlp, limits)
    app.add_middleware(_PerClient, limit=limits.per_client)
    # Larger bodies get 413 before they are read whole; ours, not FastAPI's max_body_size,
    # whose 413 for a too-large Content-Length is plain text.
    app.add_middleware(_BodyLimit, limit=limits.max_body)

    def authorised(request: Request) -> None:
        if token is None:
            return
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(401, Errors.E121, headers={"WWW-Authenticate": "Bearer"})

    def store() -> Path:
        if db is None:
            raise HTTPException(404, Errors.E122)
        return db

    guarded = [Depends(authorised)]

    @app.post("/api/code", response_model=CodeResponse, responses=_ERRORS, dependencies=guarded)
    async def code(body: CodeRequest) -> dict[str, Any]:
        """Code one article: its events, quotes, dates and places."""
        return await coder.code(body)

    @app.get(
        "/api/events",
        response_model=EventPage,
        responses={**_ERRORS, 200: {"content": {"text/csv": {}}, "description": "A page."}},
        dependencies=guarded,
    )
    def events(
        filters: Annotated[EventFilter, Depends(_event_filter)],
        limit: Annotated[int, Query(ge=1, le=limits.max_page, description="Page size.")] = 100,
        offset: Annotated[int, Query(ge=0, le=10**9, description="Events to skip.")] = 0,
        sort: Annotated[
            Literal[SORTABLE], Query(description="Column to sort by.")  # type: ignore[valid-type]
        ] = "date",
        order: Annotated[Literal["asc", "desc"], Query(description="Sort order.")] = "asc",
        format: Annotated[
            Literal["json", "csv"], Query(description="json (a page) or csv (its rows).")
        ] = "json",
        path: Path = Depends(store),  # noqa: B008
    ) -> Response:
        """Stored events matching every filter given, one page of them."""
        with reading(path) as con:
            total, rows = find_events(con, filters, sort, order, limit, offset)
        if format == "csv":
            return Response(_csv(rows), media_type="text/csv; charset=utf-8")
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "events": rows})

    @app.get(
        "/api/events/{event_id}",
        response_model=EventDetail,
        responses={**_ERRORS, 404: {"model": Problem, "description": "No such event."}},
        dependencies=guarded,
    )
    async def event(event_id: str, path: Path = Depends(store)) -> dict[str, Any]:  # noqa: B008
        """One stored event, its article's row and the explanation of its sentence."""
        with reading(path) as con:
            found = event_by_id(con, event_id)
            quote = quote_of(con, found[0]) if found else None
        if found is None:
            raise HTTPException(404, Errors.E123.format(event_id=event_id))
        row, document = found
        date = document.get("date") if document else None
        trace = await coder.explain(row["sentence"], None if date is None else str(date))
        return {
            "event": row,
            "document": document,
            "evidence": evidence(row),
            "quote": quote,
            "explanation": trace,
            "explanation_text": _plain(render(trace)),
        }

    @app.get("/api/info", response_model=Info, dependencies=guarded)
    def info() -> dict[str, Any]:
        """The version, and the store's name and size."""
        if db is None:
            return {"version": __version__, "store": None, "events": 0, "documents": 0}
        with reading(db) as con:
            counts = summary(con)
        return {"version": __version__, "store": db.name, **counts}

    @app.get("/api/series", response_model=Table, responses=_ERRORS, dependencies=guarded)
    def series(
        a: Annotated[
            str | None,
            Query(pattern=WHO, description="Actor A: PAK, PAKGOV, sector:MIL; none: all."),
        ] = None,
        b: Annotated[
            str | None,
            Query(pattern=WHO, description="Actor B, the recipient (with A only); none: A alone."),
        ] = None,
        freq: Annotated[Freq, Query(description="The period.")] = "week",
        directed: Annotated[bool, Query(description="false: B→A counts too.")] = True,
        merged: Annotated[bool, Query(description="Count merged events, not mentions.")] = False,
        date_by: Annotated[
            DatedBy, Query(description="Count events on their own date or their article's.")
        ] = "event",
        path: Path = Depends(store),  # noqa: B008
    ) -> dict[str, Any]:
        """Counts per period for a dyad, an actor or all events: events per QuadClass,
        Goldstein sum and mean (eventcoder.analysis.series, docs/analysis.md); ``end`` is the
        period's last day."""
        with reading(path) as con:
            # An empty term (``b=``) is none, as an empty filter is in /api/events.
            frame = analysis.series(
                con, a or None, (b or None) if a else None, freq,
                directed=directed, merged=merged, date_by=date_by,
            )  # fmt: skip
        rows = _rows(frame)
        for row in rows:
            row["end"] = _period_end(row["period"], freq)
        return {"rows": rows}

    @app.get("/api/dyads/top", response_model=Table, responses=_ERRORS, dependencies=guarded)
    def dyads_top(
        limit: Annotated[int, Query(ge=1, le=1000, description="How many dyads.")] = 25,
        directed: Annotated[bool, Query(description="false: A→B and B→A together.")] = True,
        path: Path = Depends(store),  # noqa: B008
    ) -> dict[str, Any]:
        """The busiest dyads by country, with their QuadClass counts and Goldstein mean."""
        with reading(path) as con:
            return {"rows": _rows(analysis.top_dyads(con, limit, directed=directed))}

    @app.get("/api/actors/top", response_model=Table, responses=_ERRORS, dependencies=guarded)
    def actors_top(
        limit: Annotated[int, Query(ge=1, le=1000, description="How many actors.")] = 25,
        path: Path = Depends(store),  # noqa: B008
    ) -> dict[str, Any]:
        """The actors in most events, either side, by country."""
        with reading(path) as con:
            return {"rows": _rows(analysis.top_actors(con, limit))}

    @app.get("/api/network", response_model=Network, responses=_ERRORS, dependencies=guarded)
    def network(
        limit: Annotated[int, Query(ge=1, le=1000, description="How many edges, busiest.")] = 40,
        min_events: Annotated[int, Query(ge=1, description="Leave out rarer dyads.")] = 1,
        path: Path = Depends(store),  # noqa: B008
    ) -> dict[str, Any]:
        """The actor network: directed dyads as edges (events, Goldstein mean), their actors as
        nodes (events either side)."""
        with reading(path) as con:
            edges = _rows(analysis.network(con, min_events, limit=limit))
        weight: dict[str, int] = {}
        for edge in edges:
            for side in (edge["actor"], edge["recipient"]):
                weight[side] = weight.get(side, 0) + int(edge["n_events"])
        nodes = [{"id": k, "n_events": v} for k, v in sorted(weight.items())]
        links = [
            {"source": e["actor"], "target": e["recipient"], "n_events": e["n_events"],
             "goldstein_mean": e["goldstein_mean"]}
            for e in edges
        ]  # fmt: skip
        return {"nodes": nodes, "edges": links}

    @app.get("/api/world", response_model=World, dependencies=guarded)
    def world() -> dict[str, Any]:
        """The land outline the maps draw (Natural Earth 1:110m, public domain): rings of
        [lon, lat] points."""
        return {
            "rings": [[[x, y] for x, y in zip(lons, lats, strict=True)] for lons, lats in land()]
        }

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    return app


def _event_filter(
    actor: Annotated[
        str | None, Query(pattern=WHO, description="Actor: PAK (a country), PAKGOV, sector:MIL.")
    ] = None,
    recipient: Annotated[
        str | None, Query(pattern=WHO, description="Recipient: IND, INDGOV, sector:GOV.")
    ] = None,
    country: Annotated[str | None, Query(description="Either side's country (alpha-3).")] = None,
    sector: Annotated[str | None, Query(description="Either side's sector (GOV, MIL).")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (ACCUSE).")] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code or prefix (11, 112).")
    ] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="QuadClass, 1-4.")] = None,
    date_from: Annotated[Day | None, Query(description="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[Day | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    source: Annotated[str | None, Query(description="The article's outlet, as stored.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in the sentence (case-insensitive).")
    ] = None,
    located: Annotated[
        bool | None, Query(description="true: events with coordinates only; false: without.")
    ] = None,
) -> EventFilter:
    return EventFilter(
        actor, recipient, country, sector, type, cameo, quad_class, date_from, date_to, source, q,
        located,
    )  # fmt: skip


def _rows(frame: Any) -> list[dict[str, Any]]:
    """A DataFrame's rows as JSON-ready dicts: days as YYYY-MM-DD, NaN as null."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row in rows:
        for key, value in row.items():
            if hasattr(value, "isoformat"):
                row[key] = value.isoformat()[:10]
    return list(rows)


def _period_end(first: str, freq: str) -> str:
    """The last day of the period that begins on ``first``."""
    day = datetime.date.fromisoformat(first)
    if freq == "day":
        return first
    if freq == "week":
        return (day + datetime.timedelta(days=6)).isoformat()
    if freq == "month":
        following = day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1)
    else:
        following = day.replace(year=day.year + 1)
    return (following - datetime.timedelta(days=1)).isoformat()


def _plain(renderable: RenderableType) -> str:
    console = Console(record=True, width=100, file=io.StringIO(), color_system=None)
    console.print(renderable, highlight=False)
    return console.export_text()


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(neutralise_row(row) for row in rows)  # safe to open in a spreadsheet
    return buffer.getvalue()


class _Coder:
    """The pipeline behind ``/api/code``: one article at a time, a bounded queue, a deadline."""

    def __init__(self, nlp: Language | Callable[[], Language] | None, limits: Limits) -> None:
        self._nlp = nlp
        self._limits = limits
        self._lock = threading.Lock()  # a spaCy pipeline is not safe to call from two threads
        self._pending = 0

    def pipeline(self) -> Language:
        if self._nlp is None:
            from eventcoder.pipeline import load

            self._nlp = load()
        elif not isinstance(self._nlp, Language):
            self._nlp = self._nlp()
        return self._nlp

    async def code(self, body: CodeRequest) -> dict[str, Any]:
        doc_id = body.id or content_hash(body.text)
        article = Article(id=doc_id, text=body.text, date=body.date)
        return await self._run(lambda: _records(next(pipe(self.pipeline(), [article]))))

    async def explain(self, sentence: str, date: str | None) -> dict[str, Any]:
        return await self._run(lambda: explain(self.pipeline(), sentence, date))

    async def _run(self, work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if self._pending >= self._limits.max_pending:
            raise HTTPException(503, Errors.E124, headers={"Retry-After": "1"})
        self._pending += 1
        try:
            # Loading spaCy (the first request only) is not the article's fault: no deadline.
            if not isinstance(self._nlp, Language):
                await run_in_threadpool(self._locked, self.pipeline)
            job = run_in_threadpool(self._locked, work)
            return await asyncio.wait_for(job, self._limits.timeout)
        except TimeoutError:
            raise HTTPException(
                503, Errors.E125.format(seconds=self._limits.timeout), headers={"Retry-After": "5"}
            ) from None
        finally:
            self._pending -= 1

    def _locked(self, work: Callable[[], Any]) -> Any:
        with self._lock:
            return work()


def _records(doc: Any) -> dict[str, Any]:
    return {
        "id": doc._.meta["id"],
        "events": [e.to_dict() for e in doc._.events],
        "quotes": [q.to_dict() for q in doc._.quotes or ()],
        "dates": [d.to_dict() for d in doc._.dates or ()],
        "places": [p.to_dict() for p in doc._.places or ()],
    }


class _BodyLimit:
    """Requests with a body over ``limit`` bytes are answered 413 with a JSON error (E186),
    the shape of the server's other errors: at once when their Content-Length says so, else as
    soon as the bytes read pass the limit, so a large body is never read whole."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            await JSONResponse({"detail": self.message()}, 413)(scope, receive, send)
            return
        read = 0

        async def counted() -> Any:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            if read > self.limit:  # FastAPI answers an HTTPException raised here as JSON
                raise HTTPException(413, self.message())
            return message

        await self.app(scope, counted, send)

    def message(self) -> str:
        return Errors.E186.format(limit=self.limit)


class _PerClient:
    """At most ``limit`` ``/api`` requests in flight per client address; one more is answered
    429 at once (with Retry-After), so one client cannot take every worker thread."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.busy: dict[str, int] = {}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        if self.busy.get(client, 0) >= self.limit:
            detail = Errors.E128.format(limit=self.limit)
            answer = JSONResponse({"detail": detail}, 429, headers={"Retry-After": "1"})
            await answer(scope, receive, send)
            return
        self.busy[client] = self.busy.get(client, 0) + 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.busy[client] -= 1
            if not self.busy[client]:
                del self.busy[client]


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond loopback without a token (raises :class:`InputError`)."""
    if host not in LOOPBACK and not token:
        raise InputError(Errors.E127.format(host=host, env=TOKEN_ENV))
