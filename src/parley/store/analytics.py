"""Read-only aggregate queries for the dashboard and its API: pages, timelines, dyads, places.

They live in the store package because only the store holds SQL. Every function takes the
same `EventFilter` (plus `q`, a case-insensitive substring of the evidence text), so the
table, the timeline, the network and the map of the dashboard always show one selection.
Filter values travel as query parameters only; the SQL text is built from fixed fragments.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import duckdb

from parley.errors import StoreError
from parley.models import Document, Event
from parley.store.axis import Axis, Interval, bulk_axis, interval_for
from parley.store.filters import WINDOW, EventFilter, where_clause
from parley.store.store import Store

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
_ORDER = " ORDER BY e.date ASC NULLS LAST, e.doc_id, e.evidence_start, e.event_id"

# One row per selected event and party (a country or an organisation), with the roles it
# plays there: a party named twice in one event (two US officials) counts once. `{source}`
# is `event_parties p`, semi-joined to the filtered events only when something filters them:
# that join is most of the cost of these queries. `counts` keeps the `?` most involved.
_PARTIES = """
WITH parties AS (
    SELECT p.event_id, coalesce(p.country, p.org) AS party,
        bool_or(p.role = 'actor') AS is_actor, bool_or(p.role = 'recipient') AS is_recipient,
        bool_or(p.country IS NOT NULL) AS is_country
    FROM {source}
    WHERE coalesce(p.country, p.org) IS NOT NULL
    GROUP BY p.event_id, coalesce(p.country, p.org)
),
counts AS (
    SELECT party, bool_or(is_country) AS is_country, count(*) AS events,
        count_if(is_actor) AS as_actor, count_if(is_recipient) AS as_recipient
    FROM parties GROUP BY party ORDER BY events DESC, party LIMIT ?
)
"""
_FILTERED_PARTIES = (
    "event_parties p SEMI JOIN (SELECT e.event_id FROM events e{where}) chosen"
    " ON chosen.event_id = p.event_id"
)
_ACTORS = _PARTIES + "SELECT party, is_country, events, as_actor, as_recipient FROM counts"
# Directed events link each actor to each recipient; an event without recipients (a meeting)
# links its actors pairwise, once per pair, as PLOVER codes symmetric events. Nodes and edges
# come back from one statement, tagged, so the parties are grouped once, not twice.
_NETWORK = (
    _PARTIES
    + """,
kept AS (SELECT * FROM parties SEMI JOIN counts USING (party)),
directed AS (SELECT DISTINCT event_id FROM parties WHERE is_recipient),
pairs AS (
    SELECT a.event_id, a.party AS source, b.party AS target, true AS directed
    FROM kept a JOIN kept b ON a.event_id = b.event_id
    WHERE a.is_actor AND b.is_recipient AND a.party <> b.party
    UNION ALL
    SELECT a.event_id, a.party, b.party, false
    FROM kept a JOIN kept b ON a.event_id = b.event_id
        ANTI JOIN directed d ON d.event_id = a.event_id
    WHERE a.is_actor AND b.is_actor AND a.party < b.party
)
SELECT 'node', party, NULL, is_country, events, as_actor, as_recipient FROM counts
UNION ALL
SELECT 'edge', source, target, directed, count(*), count_if(e.quad_code >= 3), NULL
FROM pairs JOIN events e ON e.event_id = pairs.event_id
GROUP BY source, target, directed
"""
)
_PLACES = """
SELECT e.place_name, e.place_country, e.place_lat, e.place_lon, count(*),
    count(*) FILTER (WHERE e.quad_code >= 3), mode(e.quad_code)
FROM events e{where}
GROUP BY ALL ORDER BY 5 DESC, 1 LIMIT ?
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


@dataclass(frozen=True)
class EventsPage:
    """One page of matching events and how many match in all."""

    events: list[Event]
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
    """A party (ISO3 country or org id) and the selected events it takes part in."""

    party: str
    is_country: bool
    events: int
    as_actor: int
    as_recipient: int


@dataclass(frozen=True)
class Dyad:
    """Events linking two parties: `directed` from actor to recipient, else jointly acting."""

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
class Summary:
    documents: int
    events: int
    first_date: date | None
    last_date: date | None


def events_page(
    store: Store, filters: EventFilter, q: str | None = None, limit: int = 50
) -> EventsPage:
    """Events matching `filters` and `q`, in the order of `Store.query_events`, from
    `filters.offset`, with the total a pager needs."""
    where, params = _where(filters, q)
    with _errors(store, "page events") as conn:
        rows = conn.execute(
            "SELECT e.record FROM events e" + where + _ORDER + " LIMIT ? OFFSET ?",
            [*params, limit, filters.offset],
        ).fetchall()
        total = conn.execute("SELECT count(*) FROM events e" + where, params).fetchone()
    return EventsPage([Event.from_dict(json.loads(r)) for (r,) in rows], _int(total))


def get_event(store: Store, event_id: str) -> Event | None:
    """The stored event `event_id`, or None."""
    with _errors(store, f"read event {event_id!r}") as conn:
        row = conn.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    return Event.from_dict(json.loads(row[0])) if row else None


def document_with_events(store: Store, doc_id: str) -> tuple[Document, list[Event]] | None:
    """A stored document and its events in text order, or None when there is no such document."""
    document = store.get_document(doc_id)
    if document is None:
        return None
    events = store.query_events(EventFilter(doc_id=doc_id))
    return document, sorted(events, key=lambda e: (e.evidence.start, e.evidence.end, e.id))


def timeline(
    store: Store,
    filters: EventFilter,
    q: str | None = None,
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
    where, params = _where(filters, q)
    with _errors(store, "count events over time") as conn:
        days, stated, window, undated = _per_day(conn.execute(_DAYS.format(where=where), params))
        axis = bulk_axis(days) if bulk else _full_axis(days)
        chosen = interval or (interval_for(axis.first, axis.last) if axis else "month")
        rows = []
        if axis is not None:
            on_axis = where + (" AND " if where else " WHERE ") + "e.date BETWEEN ? AND ?"
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


def actors(
    store: Store, filters: EventFilter, q: str | None = None, limit: int = 200
) -> list[ActorCount]:
    """Parties of matching events, most involved first, with their counts by role."""
    sql, params = _over_parties(_ACTORS, filters, q)
    with _errors(store, "count actors") as conn:
        rows = conn.execute(sql, [*params, limit]).fetchall()
    return [ActorCount(*row) for row in rows]


def network(store: Store, filters: EventFilter, q: str | None = None, limit: int = 40) -> Network:
    """The `limit` most involved parties of matching events and the dyads among them, both
    heaviest first."""
    sql, params = _over_parties(_NETWORK, filters, q)
    with _errors(store, "build the actor network") as conn:
        rows = conn.execute(sql, [*params, limit]).fetchall()
    nodes = [
        ActorCount(party, is_country, *counts)
        for kind, party, _, is_country, *counts in rows
        if kind == "node"
    ]
    dyads = [Dyad(*row[1:6]) for row in rows if row[0] == "edge"]
    nodes.sort(key=lambda n: (-n.events, n.party))
    dyads.sort(key=lambda d: (-d.weight, d.source, d.target, not d.directed))
    return Network(nodes, dyads)


def places(
    store: Store, filters: EventFilter, q: str | None = None, limit: int = 1000
) -> list[PlaceCount]:
    """Places of matching events that have coordinates, busiest first."""
    where, params = _where(filters, q)
    located = where + (" AND " if where else " WHERE ") + "e.place_lat IS NOT NULL"
    located += " AND e.place_lon IS NOT NULL"
    with _errors(store, "count places") as conn:
        rows = conn.execute(_PLACES.format(where=located), [*params, limit]).fetchall()
    return [PlaceCount(*row) for row in rows]


def summary(store: Store, filters: EventFilter, q: str | None = None) -> Summary:
    """Document count, matching event count and their date range, for headers and defaults."""
    where, params = _where(filters, q)
    with _errors(store, "summarise the store") as conn:
        row = conn.execute(_SUMMARY.format(where=where), params).fetchone()
    documents, events, first, last = row if row else (0, 0, None, None)
    return Summary(int(documents), int(events), first, last)


def _over_parties(template: str, filters: EventFilter, q: str | None) -> tuple[str, list[Any]]:
    """`template` (built on `_PARTIES`) over the parties of the matching events."""
    where, params = _where(filters, q)
    source = _FILTERED_PARTIES.format(where=where) if where else "event_parties p"
    return template.format(source=source), params


def _where(filters: EventFilter, q: str | None) -> tuple[str, list[Any]]:
    """The store's filter clause plus `q`; `contains` rather than LIKE, so `%` and `_` in what
    an analyst types are plain characters."""
    where, params = where_clause(filters)
    if not q:
        return where, params
    clause = "contains(lower(e.text), ?)"
    return where + (" AND " if where else " WHERE ") + clause, [*params, q.lower()]


def _int(row: tuple[Any, ...] | None) -> int:
    return int(row[0]) if row else 0


@contextmanager
def _errors(store: Store, action: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store's connection, with DuckDB's errors turned into one-line StoreErrors."""
    try:
        # Sibling module of the same package: the connection is package-private, not public.
        yield store._conn
    except duckdb.Error as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise StoreError(f"cannot {action} in store {store.path}: {reason}") from exc
