"""Read-only queries for the dashboard, its API and the CLI: pages, timelines, parties, places.

They live in the store package because only the store holds SQL, and are reached through
`Store` methods, which own the connection and its error messages (like `stats` and
`export`). Every function takes the same `EventFilter`, so the table, the timeline, the
network and the map of the dashboard always show one selection. Filter values travel as
query parameters only; the SQL text is built from fixed fragments.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

import duckdb

from parley.models import STATUSES, Event
from parley.store.axis import Axis, Interval, bulk_axis, interval_for
from parley.store.filters import WINDOW, EventFilter, and_where, order_by, where_clause
from parley.store.parties import parties_cte
from parley.store.sources import CLUSTER, MEMBERSHIP, SOURCE_COUNT

TimelineKey = Literal["category", "quad"]
Dating = Literal["stated", "window"]

_BUCKETS: dict[str, str] = {
    "day": "e.date",
    "week": "CAST(date_trunc('week', e.date) AS DATE)",
    "month": "CAST(date_trunc('month', e.date) AS DATE)",
    "year": "CAST(date_trunc('year', e.date) AS DATE)",
}

_KEYS: dict[str, str] = {
    "category": "coalesce(e.event, 'unknown')",
    "quad": "coalesce(CAST(e.quad_code AS VARCHAR), 'unknown')",
}

# The page first, then the clusters of its events only (see `parley.store.sources`).
_SOURCED = f"""
SELECT e.record, {CLUSTER}, {SOURCE_COUNT}
FROM (SELECT e.* FROM events e{{where}} ORDER BY {{order}} LIMIT ? OFFSET ?) e
{MEMBERSHIP}
ORDER BY {{order}}
"""
_COUNT = "SELECT count(*) FROM events e{where}"
# A page and the total from one pass over the filters: the matching events' keys and sort
# columns are found once, counted, and sorted; only the page's rows are then read whole (a
# record is most of an event's bytes). One row with a NULL record when the page is empty.
_PAGE = f"""
WITH matching AS MATERIALIZED (
    SELECT e.event_key, e.date, e.doc_id, e.evidence_start, e.event_id FROM events e{{where}}
),
page AS (SELECT e.event_key FROM matching e ORDER BY {{order}} LIMIT ? OFFSET ?)
SELECT t.total, e.record, {CLUSTER}, {SOURCE_COUNT}
FROM (SELECT count(*) AS total FROM matching) t
LEFT JOIN (SELECT e.* FROM events e SEMI JOIN page USING (event_key)) e ON true
{MEMBERSHIP}
ORDER BY {{order}}
"""

# `counts` keeps the `?` most involved parties.
_COUNTS = """,
counts AS (
    SELECT party, bool_or(is_country) AS is_country, count(*) AS events,
        count_if(is_actor) AS as_actor, count_if(is_recipient) AS as_recipient
    FROM parties GROUP BY party ORDER BY events DESC, party LIMIT ?
)
"""
_ACTORS = "SELECT party, is_country, events, as_actor, as_recipient FROM counts"
# Directed events link each actor to each recipient, a party to itself when it is both (a
# domestic event: the state arrests its own citizens); an event without recipients (a
# meeting) links its actors pairwise, once per pair, as PLOVER codes symmetric events
# (`directed`: the event has a recipient party, kept with its rows by the writers).
# Nodes and edges come back from one statement, tagged, so the parties are grouped once.
_NETWORK = """,
kept AS (SELECT * FROM parties SEMI JOIN counts USING (party)),
pairs AS (
    SELECT a.party AS source, b.party AS target, true AS directed, a.quad_code
    FROM kept a JOIN kept b ON a.event_key = b.event_key
    WHERE a.is_actor AND b.is_recipient
    UNION ALL
    SELECT a.party, b.party, false, a.quad_code
    FROM kept a JOIN kept b ON a.event_key = b.event_key
    WHERE NOT a.directed AND a.is_actor AND b.is_actor AND a.party < b.party
)
SELECT 'node', party, NULL, is_country, events, as_actor, as_recipient FROM counts
UNION ALL
SELECT 'edge', source, target, directed, count(*), count_if(quad_code >= 3), NULL
FROM pairs GROUP BY source, target, directed
"""
_PLACES = """
SELECT e.place_name, e.place_country, e.place_lat, e.place_lon, count(*),
    count(*) FILTER (WHERE e.quad_code >= 3), mode(e.quad_code)
FROM events e{where}
GROUP BY ALL ORDER BY 5 DESC, 1 LIMIT ?
"""
_LOCATED = """
SELECT count(*), count(*) FILTER (WHERE e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL)
FROM events e{where}
"""
# Matching events per start day (NULL: undated) and whether the story's window dates them:
# few rows (at most two a day), from which the axis and the totals are found; then one more
# query counts the bars on the axis. Summing bars in Python from per-day rows by key instead
# would save a scan but cost more than it (tens of thousands of rows on a large store).
_DAYS = f"""
SELECT e.date, coalesce(e.date_precision = '{WINDOW}', false), count(*)
FROM events e{{where}}
GROUP BY 1, 2
"""
_BARS = """
SELECT {bucket}, e.date_precision, {key}, count(*)
FROM events e{where}
GROUP BY ALL ORDER BY 1, 2, 3
"""
_SUMMARY = """
SELECT (SELECT count(*) FROM documents), count(*), min(e.date), max(e.enddate)
FROM events e{where}
"""
_STATUSES = (
    "SELECT e.status, count(*) FROM events e{where} GROUP BY 1"
    f" ORDER BY list_position({list(STATUSES)!r}, e.status), 1"
)


@dataclass(frozen=True)
class SourcedEvent:
    """A stored event with its cross-document cluster and how many documents report it."""

    event: Event
    cluster_id: str
    source_count: int


@dataclass(frozen=True)
class EventsPage:
    """One page of matching events and how many match in all."""

    events: list[SourcedEvent]
    total: int


@dataclass(frozen=True)
class TimelineCount:
    """How many events of one key (a category, or a quad class as "1".."4"), dated with one
    precision, start in a bucket; `dating` says whether the text dates them (`stated`) or
    the story's window does."""

    bucket: date
    dating: Dating
    precision: str
    key: str
    count: int


@dataclass(frozen=True)
class Timeline:
    """The counts of the buckets on `axis` (None without dated events) at `interval`, and
    how many matching events the text dates (`stated`), the story's window dates (`window`)
    and nothing dates (`undated`), on the axis or off it."""

    interval: Interval
    axis: Axis | None
    counts: list[TimelineCount]
    stated: int
    window: int
    undated: int


@dataclass(frozen=True)
class ActorCount:
    """A party (ISO3 country or org id) and the selected events it takes part in, in either
    role (`events`) and in each (`as_actor`, `as_recipient`)."""

    id: str
    kind: Literal["country", "org"]
    events: int
    as_actor: int
    as_recipient: int


@dataclass(frozen=True)
class Dyad:
    """Events linking two parties: `directed` from actor to recipient, else jointly acting.
    `source` equal to `target` is a party acting on itself (a domestic event)."""

    source: str
    target: str
    directed: bool
    weight: int
    conflict: int  # of them, events of quad class 3 or 4 (verbal or material conflict)


@dataclass(frozen=True)
class Network:
    nodes: list[ActorCount]
    dyads: list[Dyad]


@dataclass(frozen=True)
class PlaceCount:
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    conflict: int
    quad_code: int | None  # the most common quad class there


@dataclass(frozen=True)
class Places:
    """The places of the selected events, and how many of those events a map can place:
    `located` of `total` have coordinates."""

    places: list[PlaceCount]
    located: int
    total: int


@dataclass(frozen=True)
class Summary:
    """The selection at a glance; `statuses` counts it by status (in the order of
    `STATUSES`) whatever the status filter, so a view of what happened can say how much
    else there is."""

    documents: int
    events: int
    first_date: date | None
    last_date: date | None
    statuses: dict[str, int]


def sourced_events(conn: duckdb.DuckDBPyConnection, filters: EventFilter) -> list[SourcedEvent]:
    """Events matching `filters`, in its sort order, from its offset up to its limit, each
    with its cluster and source count."""
    where, params = where_clause(filters)
    sql = _SOURCED.format(where=where, order=order_by(filters))
    rows = conn.execute(sql, [*params, filters.limit, filters.offset]).fetchall()
    return [_sourced(*row) for row in rows]


def events_page(conn: duckdb.DuckDBPyConnection, filters: EventFilter) -> EventsPage:
    """`sourced_events` and `count_events` of `filters` at once, for a pager: the filters
    (a text search, a party's events) are the cost of both, so they are applied once."""
    where, params = where_clause(filters)
    sql = _PAGE.format(where=where, order=order_by(filters))
    rows = conn.execute(sql, [*params, filters.limit, filters.offset]).fetchall()
    events = [_sourced(*row[1:]) for row in rows if row[1] is not None]
    return EventsPage(events, int(rows[0][0]))


def _sourced(record: str, cluster_id: str, source_count: int) -> SourcedEvent:
    return SourcedEvent(Event.from_dict(json.loads(record)), cluster_id, source_count)


def count_events(conn: duckdb.DuckDBPyConnection, filters: EventFilter) -> int:
    """How many events match `filters`, ignoring its limit and offset."""
    where, params = where_clause(filters)
    row = conn.execute(_COUNT.format(where=where), params).fetchone()
    return int(row[0]) if row else 0


def timeline(
    conn: duckdb.DuckDBPyConnection,
    filters: EventFilter,
    interval: Interval | None = None,
    by: TimelineKey = "quad",
    bulk: bool = True,
) -> Timeline:
    """Counts of matching events per `interval` (by start date; None: chosen from the axis'
    span by `interval_for`), per category or quad class and per date precision.

    With `bulk`, the axis covers the bulk of the dated events (`bulk_axis`) and the few far
    outside it are only counted, in `Axis.before` and `Axis.after`; otherwise it runs from
    the first to the last. Undated events cannot sit on a time axis; they are counted apart
    so a chart can say so.
    """
    where, params = where_clause(filters)
    days, stated, window, undated = _per_day(conn.execute(_DAYS.format(where=where), params))
    axis = bulk_axis(days) if bulk else _full_axis(days)
    chosen = interval or (interval_for(axis.first, axis.last) if axis else "month")
    rows = []
    if axis is not None:
        on_axis = and_where(where, "e.date BETWEEN ? AND ?")
        sql = _BARS.format(bucket=_BUCKETS[chosen], key=_KEYS[by], where=on_axis)
        rows = conn.execute(sql, [*params, axis.first, axis.last]).fetchall()
    counts = [
        TimelineCount(start, "window" if p == WINDOW else "stated", p, str(key), int(n))
        for start, p, key, n in rows
    ]
    return Timeline(chosen, axis, counts, stated, window, undated)


def _per_day(
    rows: duckdb.DuckDBPyConnection,
) -> tuple[list[tuple[date, int]], int, int, int]:
    """From `_DAYS` rows: the dated events per day, in day order, and how many events the
    text dates, the story's window dates and nothing dates."""
    per_day: Counter[date] = Counter()
    by_window = {False: 0, True: 0}
    undated = 0
    for day, in_window, n in rows.fetchall():
        if day is None:
            undated += n
        else:
            per_day[day] += n
            by_window[in_window] += n
    return sorted(per_day.items()), by_window[False], by_window[True], undated


def _full_axis(days: list[tuple[date, int]]) -> Axis | None:
    """The axis from the first to the last of `days`, nothing left off."""
    return Axis(days[0][0], days[-1][0], 0, 0) if days else None


def actors(conn: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int) -> list[ActorCount]:
    """Parties of matching events, most involved first, with their counts by role."""
    cte, params = parties_cte(filters)
    rows = conn.execute(f"WITH {cte}{_COUNTS}{_ACTORS}", [*params, limit]).fetchall()
    return [_actor(*row) for row in rows]


def network(conn: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int) -> Network:
    """The `limit` most involved parties of matching events and the dyads among them, both
    heaviest first."""
    cte, params = parties_cte(filters)
    rows = conn.execute(f"WITH {cte}{_COUNTS}{_NETWORK}", [*params, limit]).fetchall()
    nodes = [_actor(party, *counts) for kind, party, _, *counts in rows if kind == "node"]
    dyads = [Dyad(*row[1:6]) for row in rows if row[0] == "edge"]
    nodes.sort(key=lambda n: (-n.events, n.id))
    dyads.sort(key=lambda d: (-d.weight, d.source, d.target, not d.directed))
    return Network(nodes, dyads)


def _actor(
    party: str, is_country: bool, events: int, as_actor: int, as_recipient: int
) -> ActorCount:
    return ActorCount(party, "country" if is_country else "org", events, as_actor, as_recipient)


def places(conn: duckdb.DuckDBPyConnection, filters: EventFilter, limit: int) -> Places:
    """Places of matching events that have coordinates, busiest first, and how many of the
    matching events have them."""
    where, params = where_clause(filters)
    located = and_where(where, "e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL")
    rows = conn.execute(_PLACES.format(where=located), [*params, limit]).fetchall()
    counts = conn.execute(_LOCATED.format(where=where), params).fetchone()
    total, placed = counts if counts else (0, 0)
    return Places([PlaceCount(*row) for row in rows], int(placed), int(total))


def summary(conn: duckdb.DuckDBPyConnection, filters: EventFilter) -> Summary:
    """Document count, matching event count and their date range, and the selection counted
    by status (ignoring the status filter)."""
    where, params = where_clause(filters)
    row = conn.execute(_SUMMARY.format(where=where), params).fetchone()
    documents, events, first, last = row if row else (0, 0, None, None)
    where, params = where_clause(replace(filters, status=None))
    statuses = dict(conn.execute(_STATUSES.format(where=where), params).fetchall())
    return Summary(int(documents), int(events), first, last, statuses)
