"""What `create_app` needs besides the store: the ingest token, the body cap, dictionaries,
the hosts it answers to, the writer's limits and the folder it watches.

A frozen dataclass rather than environment reads scattered through handlers, so a test can
build two apps with different settings in one process.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from parley.coding import CodingLimits
from parley.ingest.limits import ReadLimits

TOKEN_ENV = "PARLEY_TOKEN"
MAX_BODY_BYTES = 1_000_000
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
"""The names a browser on this machine uses for it: the default `Host` allow-list."""
QUEUE_SIZE = 8
WATCH_INTERVAL = 2.0

TokenOrigin = Literal["option", "environment", "generated"]


def new_token() -> str:
    """A fresh random token: without one given, nobody can write until told the token."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Settings:
    """`token` guards every write (POST /api/documents); reads need none, the server being
    bound to 127.0.0.1 by default. `max_body_bytes` caps any request body (413 beyond it);
    `dictionaries` is the analyst's override folder, as for `parley ingest`.

    `allowed_hosts` are the names the server answers to in the `Host` header (a web page
    elsewhere whose name is pointed at 127.0.0.1, DNS rebinding, is refused); "*" allows
    any. `owner_key` opens the owner API the command line uses (None: closed); `dashboard`
    serves the pages and the public API (`parley watch` serves only the owner API).

    The writer takes up to `queue_size` jobs, codes within `coding`, reads within
    `reading`, and, given `watch`, reads the files arriving in that folder, looking every
    `watch_interval` seconds."""

    token: str = field(default_factory=new_token)
    max_body_bytes: int = MAX_BODY_BYTES
    dictionaries: Path | None = None
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    owner_key: str | None = None
    dashboard: bool = True
    queue_size: int = QUEUE_SIZE
    coding: CodingLimits = field(default_factory=CodingLimits)
    reading: ReadLimits = field(default_factory=ReadLimits)
    watch: Path | None = None
    watch_interval: float = WATCH_INTERVAL


def resolve_token(given: str | None) -> tuple[str, TokenOrigin]:
    """The token to use and where it came from: the option, then `PARLEY_TOKEN`, then a new
    random one (which the caller must print, or nobody could use it)."""
    if given:
        return given, "option"
    from_env = os.environ.get(TOKEN_ENV)
    if from_env:
        return from_env, "environment"
    return new_token(), "generated"
