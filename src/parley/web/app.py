"""`create_app`: the FastAPI application over one store file, built on demand.

Nothing is created at import: tests build apps over temporary stores, and `parley serve`
builds one from its options. The app owns its store while it runs (see `web.owner`): the
file opens at startup and closes at shutdown.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from parley import __version__
from parley.errors import ParleyError
from parley.vocabulary import party_names
from parley.web import api, pages
from parley.web.api import owner as owner_api
from parley.web.limits import BodyLimit
from parley.web.owner import Busy, Log, StoreOwner
from parley.web.security import Guard
from parley.web.settings import Settings

DESCRIPTION = (
    "Political event records (PLOVER, ../shared/spec/EVENTS.md) from a Parley store. Reads "
    "are open; POST /api/documents needs `Authorization: Bearer <token>`."
)

_logger = logging.getLogger("parley.web")
T = TypeVar("T")


def create_app(
    store_path: Path,
    settings: Settings | None = None,
    log: Log = _logger.warning,
    create: bool = False,
) -> FastAPI:
    """The dashboard, the JSON API and the offline API reference over the store at
    `store_path`, which must already exist (`parley ingest` or `parley demo` make one)
    unless `create`. `log` hears what the store's writer does (jobs, skipped documents)."""
    settings = settings or Settings()
    owner = StoreOwner(Path(store_path), settings, log, create=create)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        owner.start()
        try:
            yield
        finally:
            owner.stop()

    app = FastAPI(
        title="Parley",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.dashboard else None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.owner = owner
    app.state.names = _once(lambda: party_names(settings.dictionaries))
    if settings.dashboard:
        app.include_router(api.router)
        app.include_router(pages.router)
        app.mount("/static", StaticFiles(directory=pages.static_dir()), name="static")
    else:
        app.include_router(api.health_router)
    app.include_router(owner_api.router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(Guard, allowed_hosts=settings.allowed_hosts)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Busy, _busy)
    app.add_exception_handler(ParleyError, _parley_error)
    app.add_exception_handler(Exception, _unexpected)
    return app


def _once(make: Callable[[], T]) -> Callable[[], T]:
    """`make()`, made by the first caller only: twenty requests arriving together at a cold
    server wait for one computation instead of running twenty (the party names take half
    a second)."""
    lock = threading.Lock()
    made: list[T] = []

    def get() -> T:
        with lock:
            if not made:
                made.append(make())
        return made[0]

    return get


async def _invalid(_: Request, error: Exception) -> Response:
    """FastAPI's 422, written as ASCII JSON: the errors quote the input, and input can hold
    what UTF-8 cannot (a lone surrogate, escaped in JSON as \\ud800)."""
    errors = error.errors() if isinstance(error, RequestValidationError) else str(error)
    body = json.dumps({"detail": jsonable_encoder(errors)}, ensure_ascii=True)
    return Response(body, status_code=422, media_type="application/json")


async def _busy(_: Request, error: Exception) -> JSONResponse:
    """The writer's queue is full: try again later, as HTTP says it."""
    message = error.message if isinstance(error, ParleyError) else str(error)
    return JSONResponse({"detail": message}, status_code=503, headers={"Retry-After": "30"})


async def _parley_error(request: Request, error: Exception) -> JSONResponse:
    """A store or input error is the server's problem, told in one line, never a traceback,
    and without the store's place on disk (the file's name is enough)."""
    message = error.message if isinstance(error, ParleyError) else str(error)
    path = request.app.state.owner.path
    message = message.replace(str(path.resolve()), path.name).replace(str(path), path.name)
    return JSONResponse({"detail": message}, status_code=500)


async def _unexpected(_: Request, error: Exception) -> JSONResponse:
    """A bug: a JSON 500 the dashboard can show, not a plain-text page (the traceback goes
    to the server's log all the same)."""
    return JSONResponse({"detail": "internal error (see the server's log)"}, status_code=500)
