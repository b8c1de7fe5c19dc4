"""One event in full: its record, the document it came from, the other events of that
document, the other reports of it (its cluster), and the plans and outcomes it is linked to.

This is what an analyst checks before citing an event: the sentence in its article, who
published it and when, and whether anyone else reported it. Events are named by their id or
by a prefix of it long enough to be unique, as `parley query` prints them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import duckdb

from parley.models import Document, Event
from parley.store.analytics import SourcedEvent
from parley.store.rows import SELECT_DOCUMENT, document_from_row

_MIN_PREFIX = 4

_MATCHING = "SELECT event_id FROM events WHERE starts_with(event_id, ?) ORDER BY event_id LIMIT ?"
_EVENT = """
SELECT e.record, c.cluster_id, c.source_count
FROM events e JOIN event_clusters c ON c.event_id = e.event_id WHERE e.event_id = ?
"""
_REPORT = "SELECT e.record, d.doc_id, d.title, d.url, d.published FROM events e"
_DOCUMENT_ORDER = " ORDER BY e.evidence_start, e.evidence_end, e.event_id"
_SAME_DOCUMENT = f"{_REPORT} JOIN documents d ON d.doc_id = e.doc_id WHERE e.doc_id = ?"
_SAME_CLUSTER = f"""{_REPORT}
JOIN event_clusters c ON c.event_id = e.event_id JOIN documents d ON d.doc_id = e.doc_id
WHERE c.cluster_id = ? AND e.event_id <> ?
ORDER BY d.published NULLS LAST, e.doc_id, e.evidence_start
"""
# A plan's outcome: the events of the cluster it is linked to; an outcome's plans: the
# planned events linked to its cluster.
_OUTCOMES = f"""{_REPORT}
JOIN event_clusters c ON c.event_id = e.event_id JOIN documents d ON d.doc_id = e.doc_id
JOIN event_links l ON l.cluster_id = c.cluster_id AND l.role = 'planned-of'
WHERE l.event_id = ?
ORDER BY d.published NULLS LAST, e.doc_id, e.evidence_start
"""
_PLANS = f"""{_REPORT}
JOIN documents d ON d.doc_id = e.doc_id
JOIN event_links l ON l.event_id = e.event_id AND l.role = 'planned-of'
WHERE l.cluster_id = ?
ORDER BY d.published NULLS LAST, e.doc_id, e.evidence_start
"""


@dataclass(frozen=True)
class Report:
    """An event as one document reports it, with the document's title, URL and date."""

    event: Event
    doc_id: str
    title: str | None
    url: str | None
    published: date | None


@dataclass(frozen=True)
class EventDetail:
    """`event` with its `document`, the document's other events in text order (`siblings`),
    the other reports of the same event (`reports`), and its planned→occurred links:
    `outcomes` when it is a plan, `plans` when it is what a plan announced."""

    event: Event
    cluster_id: str
    source_count: int
    document: Document
    siblings: list[Event]
    reports: list[Report]
    outcomes: list[Report]
    plans: list[Report]

    @property
    def sourced(self) -> SourcedEvent:
        return SourcedEvent(self.event, self.cluster_id, self.source_count)


def matching_ids(conn: duckdb.DuckDBPyConnection, prefix: str, limit: int) -> list[str]:
    """Ids of stored events starting with `prefix` (at least `_MIN_PREFIX` characters, any
    case), at most `limit`."""
    prefix = prefix.strip().lower()
    if len(prefix) < _MIN_PREFIX:
        return []
    return [row[0] for row in conn.execute(_MATCHING, [prefix, limit]).fetchall()]


def event_detail(conn: duckdb.DuckDBPyConnection, event_id: str) -> EventDetail | None:
    """Everything about the stored event `event_id` (see `EventDetail`), or None."""
    row = conn.execute(_EVENT, [event_id]).fetchone()
    if row is None:
        return None
    event = Event.from_dict(json.loads(row[0]))
    document_row = conn.execute(SELECT_DOCUMENT, [event.doc_id]).fetchone()
    if document_row is None:
        return None
    cluster_id, source_count = row[1], int(row[2])
    siblings = [r.event for r in _reports(conn, _SAME_DOCUMENT + _DOCUMENT_ORDER, [event.doc_id])]
    return EventDetail(
        event=event,
        cluster_id=cluster_id,
        source_count=source_count,
        document=document_from_row(document_row),
        siblings=[e for e in siblings if e.id != event.id],
        reports=_reports(conn, _SAME_CLUSTER, [cluster_id, event.id]),
        outcomes=_reports(conn, _OUTCOMES, [event.id]),
        plans=_reports(conn, _PLANS, [cluster_id]),
    )


def _reports(conn: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> list[Report]:
    return [
        Report(Event.from_dict(json.loads(record)), doc_id, title, url, published)
        for record, doc_id, title, url, published in conn.execute(sql, params).fetchall()
    ]
