"""The only package that holds SQL: schema migrations, the document writer and event queries."""

from parley.store.agenda import Agenda, AgendaItem
from parley.store.analytics import EventsPage, SourcedEvent
from parley.store.detail import EventDetail, Report
from parley.store.digest import PeriodSummary
from parley.store.export import ExportFormat
from parley.store.filters import EventFilter, FilterError
from parley.store.links import EventFacts, LinkCounts, Signature
from parley.store.registry import Person
from parley.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate
from parley.store.stats import Comparison, StatsBy
from parley.store.store import DocumentStatus, SaveOutcome, Store

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Agenda",
    "AgendaItem",
    "Comparison",
    "DocumentStatus",
    "EventDetail",
    "EventFacts",
    "EventFilter",
    "EventsPage",
    "ExportFormat",
    "FilterError",
    "LinkCounts",
    "PeriodSummary",
    "Person",
    "Report",
    "SaveOutcome",
    "Signature",
    "SourcedEvent",
    "StatsBy",
    "Store",
    "migrate",
]
