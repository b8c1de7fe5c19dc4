"""Counts of the filtered events, by month, dyad, category, quad class, status or precision.

Each count comes twice: `events` (records, one per reporting document) and `clusters`
(distinct real-world events after cross-document linking), because a story told by ten
papers is ten records but one event.

Months are listed without gaps, from the first to the last with events: a month with none
is a finding (nothing happened, or nothing was reported), not a row to leave out. Given
several parties to compare, the months come side by side, one column per party.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import duckdb

from parley.models import STATUSES
from parley.store.filters import PRECISIONS, UNDATED, EventFilter, where_clause
from parley.store.parties import parties_cte


class StatsBy(StrEnum):
    month = "month"
    dyad = "dyad"
    category = "category"
    quad = "quad"
    status = "status"
    precision = "precision"


@dataclass(frozen=True)
class Comparison:
    """Parties to count side by side, in one role (`actor`, `recipient`) or either (None)."""

    parties: tuple[str, ...]
    role: str | None


_SELECTED = """
WITH selected AS (
    SELECT e.*, c.cluster_id FROM events e JOIN event_clusters c ON c.event_id = e.event_id
    {where}
)"""

_COUNTS = "count(DISTINCT s.event_id) AS events, count(DISTINCT s.cluster_id) AS clusters"
_MONTH = "coalesce(strftime(s.date, '%Y-%m'), 'undated')"

_QUERIES = {
    StatsBy.month: f"""{_SELECTED}
SELECT {_MONTH} AS month, {_COUNTS}
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
    StatsBy.dyad: f"""{_SELECTED}, {{parties}}
SELECT coalesce(a.party, '') AS actor, coalesce(r.party, '') AS recipient, {_COUNTS}
FROM selected s
LEFT JOIN parties a ON a.event_key = s.event_key AND a.is_actor
LEFT JOIN parties r ON r.event_key = s.event_key AND r.is_recipient
GROUP BY 1, 2 ORDER BY events DESC, actor, recipient
""",
    StatsBy.status: f"""{_SELECTED}
SELECT s.status AS status, {_COUNTS}
FROM selected s GROUP BY 1 ORDER BY list_position({list(STATUSES)!r}, status), status
""",
    StatsBy.precision: f"""{_SELECTED}
SELECT coalesce(s.date_precision, '{UNDATED}') AS precision, {_COUNTS}
FROM selected s GROUP BY 1 ORDER BY list_position({list(PRECISIONS)!r}, precision), precision
""",
}

# Events per month and compared party: a party matches by country or organisation, in the
# compared role when there is one.
_MONTH_BY_PARTY = f"""{_SELECTED}
SELECT {_MONTH} AS month, r.code, count(*)
FROM selected s
JOIN party_roles r ON r.event_key = s.event_key
WHERE list_contains(?::TEXT[], r.code)
    AND CASE ?::TEXT WHEN 'actor' THEN r.in_actors WHEN 'recipient' THEN r.in_recipients
        ELSE true END
GROUP BY 1, 2
"""


def event_stats(
    conn: duckdb.DuckDBPyConnection,
    by: StatsBy,
    filters: EventFilter,
    compare: Comparison | None = None,
    limit: int | None = None,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of the counts of `filters`' events grouped `by` (the filter's
    own limit and offset do not apply: a count is over everything it selects); at most
    `limit` rows. By month, `compare` puts one column of events per party instead."""
    where, params = where_clause(filters)
    if by is StatsBy.month and compare is not None:
        columns, rows = _months_side_by_side(conn, where, params, compare)
    else:
        cte, cte_params = parties_cte(filters) if by is StatsBy.dyad else ("", [])
        cursor = conn.execute(_QUERIES[by].format(where=where, parties=cte), [*params, *cte_params])
        columns = [column[0] for column in cursor.description or ()]
        rows = cursor.fetchall()
        if by is StatsBy.month:
            rows = _fill_months(rows, (0,) * (len(columns) - 1))
    return columns, rows[:limit] if limit is not None else rows


def _months_side_by_side(
    conn: duckdb.DuckDBPyConnection, where: str, params: list[object], compare: Comparison
) -> tuple[list[str], list[tuple[Any, ...]]]:
    sql = _MONTH_BY_PARTY.format(where=where)
    found = conn.execute(sql, [*params, list(compare.parties), compare.role])
    counts: dict[str, dict[str, int]] = {}
    for month, party, n in found.fetchall():
        counts.setdefault(month, {})[party] = int(n)
    rows = [
        (month, *(by_party.get(p, 0) for p in compare.parties))
        for month, by_party in sorted(counts.items())
    ]
    return ["month", *compare.parties], _fill_months(rows, (0,) * len(compare.parties))


def _fill_months(rows: list[tuple[Any, ...]], empty: tuple[int, ...]) -> list[tuple[Any, ...]]:
    """`rows` keyed by 'YYYY-MM' (sorted, 'undated' last) with a row of `empty` counts for
    every month between the first and the last that has none."""
    by_month = {row[0]: row for row in rows}
    months = sorted(m for m in by_month if m != UNDATED)
    filled = [by_month.get(m, (m, *empty)) for m in _month_range(months)]
    return filled + ([by_month[UNDATED]] if UNDATED in by_month else [])


def _month_range(months: list[str]) -> list[str]:
    """Every 'YYYY-MM' from the first of `months` to the last."""
    if not months:
        return []
    first = date.fromisoformat(months[0] + "-01")
    last = date.fromisoformat(months[-1] + "-01")
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
