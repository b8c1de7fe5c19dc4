"""What `create_app` needs besides the store: the ingest token, the body cap, dictionaries.

A frozen dataclass rather than environment reads scattered through handlers, so a test can
build two apps with different settings in one process.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

TOKEN_ENV = "PARLEY_TOKEN"
MAX_BODY_BYTES = 1_000_000

TokenOrigin = Literal["option", "environment", "generated"]


def new_token() -> str:
    """A fresh random token: without one given, nobody can write until told the token."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Settings:
    """`token` guards every write (POST /api/documents); reads need none, the server being
    bound to 127.0.0.1 by default. `max_body_bytes` caps any request body (413 beyond it);
    `dictionaries` is the analyst's override folder, as for `parley ingest`."""

    token: str = field(default_factory=new_token)
    max_body_bytes: int = MAX_BODY_BYTES
    dictionaries: Path | None = None


def resolve_token(given: str | None) -> tuple[str, TokenOrigin]:
    """The token to use and where it came from: the option, then `PARLEY_TOKEN`, then a new
    random one (which the caller must print, or nobody could use it)."""
    if given:
        return given, "option"
    from_env = os.environ.get(TOKEN_ENV)
    if from_env:
        return from_env, "environment"
    return new_token(), "generated"
