"""The only package that holds SQL: schema migrations, the document writer and event queries."""

from parley.store.filters import EventFilter
from parley.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate
from parley.store.store import DocumentStatus, SaveOutcome, Store

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "DocumentStatus",
    "EventFilter",
    "SaveOutcome",
    "Store",
    "migrate",
]
