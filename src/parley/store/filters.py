"""Which events a query wants, and the parameterised WHERE clause that selects them.

Filter values come from analysts (CLI flags, URL parameters), so they only ever travel as
query parameters; the SQL text is assembled from the fixed fragments below and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_PARTY = (
    "EXISTS (SELECT 1 FROM event_parties p WHERE p.event_id = e.event_id"
    " AND p.role = ? AND (p.country = ? OR p.org = ?))"
)
_TEXT = "e.text ILIKE ? ESCAPE '\\'"
_CLUSTER = "e.event_id IN (SELECT c.event_id FROM event_clusters c WHERE c.cluster_id = ?)"

EVENT_ORDER = "e.date ASC NULLS LAST, e.doc_id, e.evidence_start, e.event_id"
"""The one order of events everywhere (query, export): by date (undated last), document, then
evidence start; event_id last, so ties on the documented keys still page in a stable order."""


@dataclass(frozen=True)
class EventFilter:
    """A conjunction of conditions on stored events; a field left at None does not filter.

    `actor` and `recipient` take an ISO alpha-3 country or a canonical org id (exact, as
    stored: upper case) and match parties in that role only. `since`/`until` keep events
    whose date interval overlaps [since, until]; an event without a date cannot overlap
    anything, so it is left out whenever either bound is given. `q` keeps events whose evidence
    text contains it, in any case (`%` and `_` are plain characters); `cluster` keeps the events
    of one cross-document cluster (see `event_clusters`).
    """

    event: str | None = None
    actor: str | None = None
    recipient: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    doc_id: str | None = None
    q: str | None = None
    cluster: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must be 0 or more, not {self.offset}")


def where_clause(filters: EventFilter) -> tuple[str, list[object]]:
    """The `WHERE ...` text (empty when nothing filters) over `events e`, and its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    for sql, values in _conditions(filters):
        clauses.append(sql)
        params.extend(values)
    if not clauses:
        return "", params
    return " WHERE " + " AND ".join(clauses), params


def _conditions(filters: EventFilter) -> list[tuple[str, list[object]]]:
    candidates: list[tuple[object, str, list[object]]] = [
        (filters.event, "e.event = ?", [filters.event]),
        (filters.status, "e.status = ?", [filters.status]),
        (filters.doc_id, "e.doc_id = ?", [filters.doc_id]),
        (filters.since, "e.enddate >= ?", [filters.since]),
        (filters.until, "e.date <= ?", [filters.until]),
        (filters.actor, _PARTY, ["actor", filters.actor, filters.actor]),
        (filters.recipient, _PARTY, ["recipient", filters.recipient, filters.recipient]),
        (filters.q, _TEXT, [f"%{escape_like(filters.q or '')}%"]),
        (filters.cluster, _CLUSTER, [filters.cluster]),
    ]
    return [(sql, values) for value, sql, values in candidates if value is not None]


def escape_like(text: str) -> str:
    """`text` as a literal inside a LIKE pattern whose ESCAPE character is a backslash."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
