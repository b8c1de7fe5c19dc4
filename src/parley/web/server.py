"""`serve`: take ownership of the store, build the app and run it with uvicorn until stopped.

The server is the store's owner while it runs (see `web.owner` and `parley.store.owner`): it
listens first, opens the store, then advertises its address beside the store, so the
command line finds it as soon as it can answer; it withdraws the advertisement as it begins
to stop. SIGTERM or Ctrl+C stops it within seconds: requests in flight get two, the writer
stops at its next document (or part of a long one) and gets three more.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import uvicorn

from parley.errors import ParleyError, StoreError, StoreLocked
from parley.store import Store
from parley.store.owner import Owner, OwnerKind, advertise, describe, find_owner, withdraw
from parley.web.app import create_app
from parley.web.security import ANY_HOST
from parley.web.settings import TOKEN_ENV, Settings, TokenOrigin

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
GRACE_SECONDS = 2
_ANY_ADDRESS = ("0.0.0.0", "::", "")


def serve(
    db: Path,
    settings: Settings,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    announce: Callable[[str], None] = print,
    token_origin: TokenOrigin = "option",
    kind: OwnerKind = "serve",
) -> None:
    """Serve the store `db` on http://HOST:PORT/ (port 0: any free one) until stopped.

    `serve` shows the dashboard and API; `watch` (settings without the dashboard) serves only
    the owner API the command line uses. A missing store is an error unless the settings
    watch a folder (then it is created); a store another process holds is waited for.
    """
    db = Path(db)
    if settings.watch is None and not db.is_file():
        raise StoreError(f"{db} does not exist; create it with `parley ingest` or `parley demo`")
    current = find_owner(db)
    if current is not None:
        raise StoreError(
            f"{db} is already held by `parley {current.kind}` (PID {current.pid}, "
            f"{current.url}); stop it first, or use it: ingest and queries go through it"
        )
    _wait_for(db, announce)
    listener = _listen(host, port)
    url = f"http://{_display(_reachable(host))}:{listener.getsockname()[1]}"
    owner = Owner.new(url, kind, settings.dictionaries)
    hosts = settings.allowed_hosts + ((host,) if host not in _ANY_ADDRESS else ())
    settings = replace(settings, owner_key=owner.key, allowed_hosts=hosts)
    app = create_app(db, settings, log=announce, create=settings.watch is not None)

    def ready() -> None:
        advertise(db, owner)
        if settings.dashboard:
            announce(f"Parley dashboard: {url}/  (API reference at /docs)")
            if token_origin == "generated":
                announce(
                    f"Token for POST /api/documents: {settings.token}  (set {TOKEN_ENV} to "
                    "choose one)"
                )
        announce(
            f"This process now holds {db}: every other `parley` command on it (ingest, query, "
            "show, stats, export...) goes through it."
        )
        if host in _ANY_ADDRESS and ANY_HOST not in settings.allowed_hosts:
            announce(
                "Listening on every interface: other machines must use a name given with "
                "--allow-host (the Host header is checked)."
            )
        announce("Press Ctrl+C to stop.")

    def stopping() -> None:
        withdraw(db, owner)
        app.state.owner.halt()

    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=GRACE_SECONDS)
    server = _Server(config, on_ready=ready, on_stop=stopping)
    try:
        server.run(sockets=[listener])
    finally:
        withdraw(db, owner)
        listener.close()


class _Server(uvicorn.Server):
    """uvicorn's server, telling when it is ready (and not before: no address is announced
    that nobody answers on) and when it begins to stop."""

    def __init__(
        self, config: uvicorn.Config, on_ready: Callable[[], None], on_stop: Callable[[], None]
    ) -> None:
        super().__init__(config)
        self._on_ready = on_ready
        self._on_stop = on_stop

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if not self.should_exit:
            self._on_ready()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self._on_stop()
        await super().shutdown(sockets)


def _wait_for(db: Path, announce: Callable[[str], None]) -> None:
    """Return once no other process holds `db` (checked by opening it), saying once whom it
    waits for; a store that cannot be opened at all is an error at once."""
    waiting = False
    while True:
        try:
            Store.open(db).close()
            return
        except StoreLocked as locked:
            if not waiting:
                holder = describe(locked.pid) if locked.pid else "another process"
                announce(f"waiting for {holder} to finish with {db} (Ctrl+C to give up)…")
                waiting = True
            time.sleep(1.0)


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to HOST:PORT, or a `ParleyError` saying why not (a port in use)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(128)
    except OSError as error:
        listener.close()
        raise ParleyError(f"cannot listen on {_display(host)}:{port}: {error.strerror}") from None
    return listener


def _reachable(host: str) -> str:
    """The address this machine reaches a server bound to `host` at."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    return "::1" if host == "::" else host


def _display(host: str) -> str:
    """IPv6 literals need brackets in a URL."""
    return f"[{host}]" if ":" in host else host
