"""Parley: political event data from news — who did what to whom, when, where, and whether."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parley.models import Document, Entity, Event

if TYPE_CHECKING:
    from parley.pipeline import Pipeline, extract

__version__ = "0.1.0"

__all__ = ["Document", "Entity", "Event", "Pipeline", "__version__", "extract"]


def __getattr__(name: str) -> Any:
    """`Pipeline` and `extract` load spaCy (a second or more): only when asked for, so the
    commands that only read a store start at once."""
    if name in ("Pipeline", "extract"):
        from parley import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'parley' has no attribute {name!r}")
