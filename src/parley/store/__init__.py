"""The only package that holds SQL: schema migrations, the document writer and event queries."""

from parley.store.export import ExportFormat
from parley.store.filters import EventFilter
from parley.store.links import EventFacts, LinkCounts, Signature
from parley.store.registry import Person
from parley.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate
from parley.store.stats import StatsBy
from parley.store.store import DocumentStatus, SaveOutcome, Store

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "DocumentStatus",
    "EventFacts",
    "EventFilter",
    "ExportFormat",
    "LinkCounts",
    "Person",
    "SaveOutcome",
    "Signature",
    "StatsBy",
    "Store",
    "migrate",
]
