"""Parley: political event data from news — who did what to whom, when, where, and whether.

`Pipeline` and `extract` load on first use (PEP 562): importing them pulls in spaCy, which
takes seconds, and `import parley` (every `parley` command, `--help` included) must not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parley.models import Document, Entity, Event

if TYPE_CHECKING:
    from parley.pipeline import Pipeline, extract

__version__ = "0.1.0"

__all__ = ["Document", "Entity", "Event", "Pipeline", "__version__", "extract"]

_LAZY = {"Pipeline", "extract"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from parley import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'parley' has no attribute {name!r}")
