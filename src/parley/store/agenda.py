"""The agenda: planned events by the date the news expects them, and what became of each.

News announces meetings, votes and visits before they happen. Each planned event is listed
by its expected date, linked to its occurrence once a later article reports it (the
`planned-of` links that resolution writes), and overdue once its date has passed with no
report of it. "Passed" is judged against the news the store holds, not the wall clock: the
default reference day is the latest publication date in the store, so an archive from 2019
does not show every plan as overdue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

import duckdb

from parley.models import Event
from parley.store.filters import WINDOW, EventFilter, where_clause
from parley.store.sources import MEMBERSHIP, SOURCE_COUNT

AgendaState = Literal["occurred", "overdue", "upcoming"]

_AS_OF = "SELECT max(published) FROM documents"
# By expected date: the plans the text dates, then those only a story's window dates, then
# undated ones; ties by document, then in text order.
_ORDER = (
    f"e.date IS NULL, coalesce(e.date_precision = '{WINDOW}', false), e.date, e.enddate,"
    " e.doc_id, e.evidence_start, e.event_id"
)
# The events of the cluster each plan is linked to (its first event's id, and every member
# linked to it), and of them the first that occurred, per plan. Then the page of plans in
# date order, with its sources counted for those plans only (see `parley.store.sources`).
_AGENDA = f"""
WITH outcomes AS (
    SELECT l.event_id AS plan_id, l.cluster_id AS event_id
    FROM event_links l WHERE l.role = 'planned-of'
    UNION
    SELECT l.event_id, ml.event_id
    FROM event_links l JOIN event_links ml ON ml.cluster_id = l.cluster_id AND ml.role = 'member'
    WHERE l.role = 'planned-of'
),
occurrence AS (
    SELECT o.plan_id, arg_min(done.record, (done.date, done.event_id)) AS record
    FROM outcomes o JOIN events done ON done.event_id = o.event_id
    WHERE done.status = 'occurred'
    GROUP BY o.plan_id
)
SELECT e.record, {SOURCE_COUNT}, d.title, d.published, occ.record
FROM (SELECT e.* FROM events e{{where}} ORDER BY {_ORDER} LIMIT ?) e
{MEMBERSHIP}
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN occurrence occ ON occ.plan_id = e.event_id
ORDER BY {_ORDER}
"""


@dataclass(frozen=True)
class AgendaItem:
    """A planned event, the document that announced it, and its fate as of the agenda's
    reference day: `occurred` (with the first report of it), `overdue` (its last expected
    day has passed unreported) or `upcoming`. `stated` says whether the text gives the date
    (else the plan only lies in the year after its story)."""

    event: Event
    source_count: int
    title: str | None
    published: date | None
    state: AgendaState
    stated: bool
    occurrence: Event | None


@dataclass(frozen=True)
class Agenda:
    as_of: date | None
    items: list[AgendaItem]


def agenda(
    conn: duckdb.DuckDBPyConnection, filters: EventFilter, as_of: date | None, limit: int
) -> Agenda:
    """The planned events `filters` selects (whatever its status), by expected date: those
    the text dates first, then those only its story's window dates, then undated ones."""
    if as_of is None:
        row = conn.execute(_AS_OF).fetchone()
        as_of = row[0] if row else None
    where, params = where_clause(replace(filters, status=("planned",), limit=None, offset=0))
    rows = conn.execute(_AGENDA.format(where=where), [*params, limit]).fetchall()
    items = [_item(*row, as_of=as_of) for row in rows]
    return Agenda(as_of, items)


def _item(
    record: str,
    source_count: int,
    title: str | None,
    published: date | None,
    occurred: str | None,
    as_of: date | None,
) -> AgendaItem:
    event = Event.from_dict(json.loads(record))
    occurrence = Event.from_dict(json.loads(occurred)) if occurred else None
    state: AgendaState = "upcoming"
    if occurrence is not None:
        state = "occurred"
    elif as_of is not None and event.date is not None and event.date.end < as_of:
        state = "overdue"
    stated = event.date is not None and event.date.granularity != WINDOW
    return AgendaItem(event, source_count, title, published, state, stated, occurrence)
