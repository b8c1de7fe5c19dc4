"""What happened in a period, in one read: how much, of which kinds, between whom, who is new,
and which events the most documents report.

Built from the same filter and the same counts as `parley stats` (one definition of each
count), plus two questions stats cannot answer: which parties appear for the first time, and
which events are the most widely reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from parley.models import Event
from parley.store.analytics import SourcedEvent, summary
from parley.store.filters import EventFilter, where_clause
from parley.store.parties import parties_cte
from parley.store.stats import StatsBy, event_stats

_TOTALS = """
SELECT count(*), count(DISTINCT c.cluster_id), count(DISTINCT e.doc_id)
FROM events e JOIN event_clusters c ON c.event_id = e.event_id{where}
"""
# Parties of the selection whose first dated event in the whole store is on or after the
# period's first day.
_NEW_PARTIES = """
WITH {parties},
first_seen AS (
    SELECT q.code AS party, min(e.date) AS first_date
    FROM party_roles q JOIN events e ON e.event_key = q.event_key
    WHERE e.date IS NOT NULL AND (q.actor_party OR q.recipient_party)
    GROUP BY 1
)
SELECT p.party, count(*) AS events, any_value(f.first_date)
FROM parties p JOIN first_seen f ON f.party = p.party
WHERE f.first_date >= ?
GROUP BY p.party ORDER BY events DESC, p.party LIMIT ?
"""
_MOST_SOURCED = """
SELECT arg_min(e.record, e.event_id), c.cluster_id, max(c.source_count) AS sources
FROM events e JOIN event_clusters c ON c.event_id = e.event_id{where}
GROUP BY c.cluster_id ORDER BY sources DESC, min(e.date), c.cluster_id LIMIT ?
"""


@dataclass(frozen=True)
class NewParty:
    """A party first seen (by event date) in the period, and its events there."""

    party: str
    events: int
    first_date: date


@dataclass(frozen=True)
class PeriodSummary:
    """The selection's totals (records, real-world events, documents), its counts by status
    whatever the status filter, the `stats` tables by category, quad class and dyad (the
    `top` heaviest), the parties new in the period (only with a first day to compare with),
    and the `top` most-reported events, one per cluster."""

    since: date | None
    until: date | None
    events: int
    clusters: int
    documents: int
    statuses: dict[str, int]
    categories: list[tuple[Any, ...]]
    quads: list[tuple[Any, ...]]
    dyads: list[tuple[Any, ...]]
    new_parties: list[NewParty]
    most_sourced: list[SourcedEvent]


def period_summary(
    conn: duckdb.DuckDBPyConnection, filters: EventFilter, top: int
) -> PeriodSummary:
    where, params = where_clause(filters)
    row = conn.execute(_TOTALS.format(where=where), params).fetchone()
    events, clusters, documents = row if row else (0, 0, 0)
    new_parties: list[NewParty] = []
    if filters.since is not None:
        cte, cte_params = parties_cte(filters)
        found = conn.execute(_NEW_PARTIES.format(parties=cte), [*cte_params, filters.since, top])
        new_parties = [NewParty(*r) for r in found.fetchall()]
    sourced = conn.execute(_MOST_SOURCED.format(where=where), [*params, top]).fetchall()
    return PeriodSummary(
        since=filters.since,
        until=filters.until,
        events=int(events),
        clusters=int(clusters),
        documents=int(documents),
        statuses=summary(conn, filters).statuses,
        categories=event_stats(conn, StatsBy.category, filters)[1],
        quads=event_stats(conn, StatsBy.quad, filters)[1],
        dyads=event_stats(conn, StatsBy.dyad, filters, limit=top)[1],
        new_parties=new_parties,
        most_sourced=[SourcedEvent(Event.from_dict(json.loads(r)), c, n) for r, c, n in sourced],
    )
