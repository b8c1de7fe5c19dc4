"""`serve`: check the store, build the app and run it with uvicorn until interrupted."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import uvicorn

from parley.errors import StoreError
from parley.store import Store
from parley.web.app import create_app
from parley.web.settings import TOKEN_ENV, Settings, resolve_token

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(
    db: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    dictionaries: Path | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the dashboard and API for the store `db` on http://HOST:PORT/ (blocks).

    The store is opened once here first, so a missing, locked or too-new file is reported
    as a `StoreError` before the server starts rather than from inside uvicorn.
    """
    db = Path(db)
    if not db.is_file():
        raise StoreError(f"{db} does not exist; create it with `parley ingest` or `parley demo`")
    Store.open(db).close()
    token, origin = resolve_token(token)
    app = create_app(db, Settings(token=token, dictionaries=dictionaries))

    def ready() -> None:
        announce(f"Parley dashboard: http://{_display(host)}:{port}/  (API reference at /docs)")
        if origin == "generated":
            announce(f"Token for POST /api/documents: {token}  (set {TOKEN_ENV} to choose one)")
        announce("Press Ctrl+C to stop.")

    _Server(uvicorn.Config(app, host=host, port=port, log_level="warning"), ready).run()


class _Server(uvicorn.Server):
    """uvicorn's server, saying where it listens once it does: a port already in use ends
    `startup` with uvicorn's own error, and no address is printed that nobody answers on."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self._on_ready()


def _display(host: str) -> str:
    """IPv6 literals need brackets in a URL."""
    return f"[{host}]" if ":" in host else host
