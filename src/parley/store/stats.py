"""Counts of the filtered events, by month, dyad, category, quad class or date precision.

Each count comes twice: `events` (records, one per reporting document) and `clusters`
(distinct real-world events after cross-document linking), because a story told by ten
papers is ten records but one event.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import duckdb

from parley.store.filters import PRECISIONS, UNDATED, EventFilter, where_clause


class StatsBy(StrEnum):
    month = "month"
    dyad = "dyad"
    category = "category"
    quad = "quad"
    precision = "precision"


_SELECTED = """
WITH selected AS (
    SELECT e.*, c.cluster_id FROM events e JOIN event_clusters c ON c.event_id = e.event_id
    {where}
)"""

_PARTIES = """,
actors AS (
    SELECT DISTINCT event_id, coalesce(country, org) AS party FROM event_parties
    WHERE role = 'actor' AND coalesce(country, org) IS NOT NULL
),
recipients AS (
    SELECT DISTINCT event_id, coalesce(country, org) AS party FROM event_parties
    WHERE role = 'recipient' AND coalesce(country, org) IS NOT NULL
)"""

_COUNTS = "count(DISTINCT s.event_id) AS events, count(DISTINCT s.cluster_id) AS clusters"

_QUERIES = {
    StatsBy.month: f"""{_SELECTED}
SELECT coalesce(strftime(s.date, '%Y-%m'), 'undated') AS month, {_COUNTS}
FROM selected s GROUP BY 1 ORDER BY 1
""",
    StatsBy.category: f"""{_SELECTED}
SELECT s.event AS category, {_COUNTS}
FROM selected s GROUP BY 1 ORDER BY events DESC, category
""",
    StatsBy.quad: f"""{_SELECTED}
SELECT s.quad_code AS quad_class,
    CASE s.quad_code WHEN 1 THEN 'verbal cooperation' WHEN 2 THEN 'material cooperation'
        WHEN 3 THEN 'verbal conflict' WHEN 4 THEN 'material conflict' END AS label,
    {_COUNTS}
FROM selected s GROUP BY 1, 2 ORDER BY 1 NULLS LAST
""",
    StatsBy.dyad: f"""{_SELECTED}{_PARTIES}
SELECT coalesce(a.party, '') AS actor, coalesce(r.party, '') AS recipient, {_COUNTS}
FROM selected s
LEFT JOIN actors a ON a.event_id = s.event_id
LEFT JOIN recipients r ON r.event_id = s.event_id
GROUP BY 1, 2 ORDER BY events DESC, actor, recipient
""",
    StatsBy.precision: f"""{_SELECTED}
SELECT coalesce(s.date_precision, '{UNDATED}') AS precision, {_COUNTS}
FROM selected s GROUP BY 1 ORDER BY list_position({list(PRECISIONS)!r}, precision), precision
""",
}


def event_stats(
    conn: duckdb.DuckDBPyConnection, by: StatsBy, filters: EventFilter
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of the counts of `filters`' events grouped `by` (limit and offset
    do not apply: a count is over everything the filters select)."""
    where, params = where_clause(filters)
    cursor = conn.execute(_QUERIES[by].format(where=where), params)
    columns = [column[0] for column in cursor.description or ()]
    return columns, cursor.fetchall()
