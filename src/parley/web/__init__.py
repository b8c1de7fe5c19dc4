"""The web layer: a FastAPI app over one store (`create_app`) and the server (`serve`).

The only package that imports a web framework; it calls the same library functions as the
command line, so the dashboard and `parley query` agree. The app and the server load on
first use (PEP 562): the command line reads `parley.web.settings` for its options without
paying for FastAPI and the coder.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.web.app import create_app
    from parley.web.server import serve
    from parley.web.settings import Settings

_HOMES = {"Settings": "settings", "create_app": "app", "serve": "server"}

__all__ = ["Settings", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'parley.web' has no attribute {name!r}")
    return getattr(import_module(f"parley.web.{home}"), name)
