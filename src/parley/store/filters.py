"""Which events a query wants, and the parameterised WHERE clause that selects them.

Filter values come from analysts (CLI flags, URL parameters), so they only ever travel as
query parameters; the SQL text is assembled from the fixed fragments below and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

STATED_PRECISIONS: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "year",
    "decade",
    "range",
)
"""How precisely an event's text dates it (`DateSpan.granularity`), finest first; `range` is
an interval the text states ("June 10-12", "from 2019 to 2021")."""

WINDOW = "window"
"""The precision of an event the text does not date: it lies in the story's window (from
the last past time the story names before it to publication, or a year from publication
for a plan)."""

UNDATED = "undated"
"""Not a stored precision: how filters and counts name events without any date."""

PRECISIONS: tuple[str, ...] = (*STATED_PRECISIONS, WINDOW, UNDATED)
"""Every value a precision filter takes, besides the alias `stated` (all of
STATED_PRECISIONS); also the order in which counts by precision are listed."""

_STATED_ALIAS = "stated"

_PARTY = (
    "EXISTS (SELECT 1 FROM event_parties p WHERE p.event_id = e.event_id"
    " AND p.role = ? AND (p.country = ? OR p.org = ?))"
)
_TEXT = "e.text ILIKE ? ESCAPE '\\'"
_CLUSTER = "e.event_id IN (SELECT c.event_id FROM event_clusters c WHERE c.cluster_id = ?)"
_PRECISION = f"list_contains(?, coalesce(e.date_precision, '{UNDATED}'))"

EVENT_ORDER = "e.date ASC NULLS LAST, e.doc_id, e.evidence_start, e.event_id"
"""The one order of events everywhere (query, export): by date (undated last), document, then
evidence start; event_id last, so ties on the documented keys still page in a stable order."""


@dataclass(frozen=True)
class EventFilter:
    """A conjunction of conditions on stored events; a field left at None does not filter.

    `actor` and `recipient` take an ISO alpha-3 country or a canonical org id (exact, as
    stored: upper case) and match parties in that role only.

    `since`/`until` keep events whose whole date interval lies inside [since, until] (either
    bound may be open), so a filter for January 2020 does not return an event dated "in
    2020" or "2019-2021"; with `overlap` they keep every event whose interval overlaps the
    window instead. An undated event lies in no window, so it is left out whenever either
    bound is given. `precision` keeps events dated that precisely (values of `PRECISIONS`;
    see `parse_precisions`).

    `q` keeps events whose evidence text contains it, in any case (`%` and `_` are plain
    characters); `cluster` keeps the events of one cross-document cluster (see
    `event_clusters`).
    """

    event: str | None = None
    actor: str | None = None
    recipient: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    overlap: bool = False
    precision: tuple[str, ...] | None = None
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
        if self.since and self.until and self.since > self.until:
            raise ValueError(
                f"since ({self.since}) is after until ({self.until}): no event lies in that window"
            )
        unknown = sorted(set(self.precision or ()) - set(PRECISIONS))
        if unknown:
            raise ValueError(f"unknown date precision {unknown[0]!r}; {_PRECISION_HELP}")


_PRECISION_HELP = f"use {', '.join(PRECISIONS)} or {_STATED_ALIAS}"


def parse_precisions(values: Iterable[str]) -> tuple[str, ...] | None:
    """The precisions named by `values` (each one name or a comma-separated list, any case;
    `stated` stands for every precision the text states), in the order of `PRECISIONS`;
    None when nothing is named. Raises ValueError naming an unknown value."""
    named: set[str] = set()
    for value in values:
        for name in (part.strip().lower() for part in value.split(",")):
            if name == _STATED_ALIAS:
                named.update(STATED_PRECISIONS)
            elif name in PRECISIONS:
                named.add(name)
            elif name:
                raise ValueError(f"unknown date precision {name!r}; {_PRECISION_HELP}")
    return tuple(p for p in PRECISIONS if p in named) or None


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
    # Inside: the interval starts on or after `since` and ends on or before `until`.
    # Overlap: it ends on or after `since` and starts on or before `until`.
    since = "e.enddate >= ?" if filters.overlap else "e.date >= ?"
    until = "e.date <= ?" if filters.overlap else "e.enddate <= ?"
    candidates: list[tuple[object, str, list[object]]] = [
        (filters.event, "e.event = ?", [filters.event]),
        (filters.status, "e.status = ?", [filters.status]),
        (filters.doc_id, "e.doc_id = ?", [filters.doc_id]),
        (filters.since, since, [filters.since]),
        (filters.until, until, [filters.until]),
        (filters.precision, _PRECISION, [list(filters.precision or ())]),
        (filters.actor, _PARTY, ["actor", filters.actor, filters.actor]),
        (filters.recipient, _PARTY, ["recipient", filters.recipient, filters.recipient]),
        (filters.q, _TEXT, [f"%{escape_like(filters.q or '')}%"]),
        (filters.cluster, _CLUSTER, [filters.cluster]),
    ]
    return [(sql, values) for value, sql, values in candidates if value is not None]


def escape_like(text: str) -> str:
    """`text` as a literal inside a LIKE pattern whose ESCAPE character is a backslash."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
