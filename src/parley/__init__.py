"""Parley: political event data from news — who did what to whom, when, where, and whether."""

from parley.models import Document, Entity, Event
from parley.pipeline import Pipeline, extract

__version__ = "0.1.0"

__all__ = ["Document", "Entity", "Event", "Pipeline", "__version__", "extract"]
