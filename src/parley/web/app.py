"""`create_app`: the FastAPI application over one store file, built on demand.

Nothing is created at import: tests build apps over temporary stores, and `parley serve`
builds one from its options. Store connections open on first use and close at shutdown.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from parley import __version__
from parley.errors import ParleyError
from parley.vocabulary import party_names
from parley.web import api, pages
from parley.web.ingest import Ingestor
from parley.web.limits import BodyLimit
from parley.web.settings import Settings
from parley.web.stores import StorePool

DESCRIPTION = (
    "Political event records (PLOVER, ../shared/spec/EVENTS.md) from a Parley store. Reads "
    "are open; POST /api/documents needs `Authorization: Bearer <token>`."
)


def create_app(store_path: Path, settings: Settings | None = None) -> FastAPI:
    """The dashboard, the JSON API and the offline API reference over the store at
    `store_path`, which must already exist (`parley ingest` or `parley demo` make one)."""
    settings = settings or Settings()
    stores = StorePool(Path(store_path))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            stores.close()

    app = FastAPI(
        title="Parley",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.ingestor = Ingestor(settings.dictionaries)
    app.state.names = lambda: party_names(settings.dictionaries)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.static_dir()), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_exception_handler(ParleyError, _parley_error)
    return app


async def _parley_error(_: Request, error: Exception) -> JSONResponse:
    """A store or input error is the server's problem, told in one line, never a traceback."""
    message = error.message if isinstance(error, ParleyError) else str(error)
    return JSONResponse({"detail": message}, status_code=500)
