"""Writing filtered events to files that other tools read: JSON Lines, CSV and Parquet.

Flat and dyadic tables are written by DuckDB itself (`COPY ... TO`), so no row passes through
Python and Parquet needs no extra library. JSON Lines of full records is streamed from
`events.record`, with the event's cluster added, because the record is the lossless form.

The dyadic table is what GDELT/ICEWS users load: one row per actor × recipient pair of an
event. An event without recipients (a meeting of several parties) gives one row per actor with
an empty target, one without actors one row per recipient with an empty source, and one with
neither a single row with both empty; so every event appears at least once and
`rows = sum(max(|actors|, 1) × max(|recipients|, 1))`.

Every row carries its provenance, as GDELT's SOURCEURL and DATEADDED do: the document's URL,
title, source and publication date, and how many documents report the event
(`source_count`). Events that did not take place (negated, hypothetical, failed) carry no
Goldstein-style value: a denied concession is not +5 of cooperation.
"""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TextIO

import duckdb

from parley.store.filters import UNSCALED_STATUSES, EventFilter, order_by, where_clause

_FETCH = 1000


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


_COPY_OPTIONS = {
    ExportFormat.jsonl: "(FORMAT JSON)",
    ExportFormat.csv: "(FORMAT CSV, HEADER)",
    ExportFormat.parquet: "(FORMAT PARQUET)",
}

# The page of events the filters select, numbered in the filter's order.
_PAGE = """
page AS (
    SELECT e.event_id, row_number() OVER (ORDER BY {order}) AS n
    FROM events e {where}
    ORDER BY n LIMIT ? OFFSET ?
)"""

_SCALE = (
    f"CASE WHEN list_contains({list(UNSCALED_STATUSES)!r}, e.status) THEN NULL"
    " ELSE e.event_scale END"
)
_PROVENANCE = "d.url AS source_url, d.title AS source_title, d.source, d.published AS published"

_PARTY_TEXT = (
    "CASE WHEN p.name IS NOT NULL THEN p.name || ' (' || coalesce(p.code, '?') || ')'"
    " ELSE coalesce(p.code, '?') END"
)

_FLAT = f"""
WITH {{page}},
parties AS (
    SELECT p.event_id,
        string_agg({_PARTY_TEXT}, '; ' ORDER BY p.position) FILTER (WHERE p.role = 'actor')
            AS actor,
        string_agg({_PARTY_TEXT}, '; ' ORDER BY p.position) FILTER (WHERE p.role = 'recipient')
            AS recipient
    FROM event_parties p GROUP BY p.event_id
)
SELECT e.event_id AS id, e.doc_id, e.event, e.status, e.date, e.enddate, e.date_text,
    e.date_precision, pa.actor, pa.recipient, array_to_string(e.mode, ';') AS mode,
    array_to_string(e.context, ';') AS context, e.place_name AS place, e.place_country,
    e.place_precision, e.place_lat AS lat, e.place_lon AS lon, e.cameo, e.quad_code,
    {_SCALE} AS event_scale, e.confidence, c.cluster_id, c.source_count, {_PROVENANCE}, e.text
FROM page
JOIN events e ON e.event_id = page.event_id
JOIN event_clusters c ON c.event_id = e.event_id
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN parties pa ON pa.event_id = e.event_id
ORDER BY page.n
"""

_DYADIC = f"""
WITH {{page}},
actors AS (SELECT * FROM event_parties WHERE role = 'actor'),
recipients AS (SELECT * FROM event_parties WHERE role = 'recipient')
SELECT e.event_id, e.date, e.enddate, e.date_precision,
    a.code AS source, a.name AS source_name, a.country AS source_country,
    a.sector AS source_sector,
    r.code AS target, r.name AS target_name, r.country AS target_country,
    r.sector AS target_sector,
    e.cameo, e.event, e.quad_code AS quad_class, {_SCALE} AS goldstein, e.status,
    c.cluster_id, c.source_count, e.place_name, e.place_country, e.place_precision,
    e.place_lat AS lat, e.place_lon AS lon, e.doc_id, {_PROVENANCE}, e.text
FROM page
JOIN events e ON e.event_id = page.event_id
JOIN event_clusters c ON c.event_id = e.event_id
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN actors a ON a.event_id = e.event_id
LEFT JOIN recipients r ON r.event_id = e.event_id
ORDER BY page.n, a.position NULLS FIRST, r.position NULLS FIRST
"""

_RECORDS = """
WITH {page}
SELECT e.record, c.cluster_id, c.source_count, d.url, d.title, d.source, d.published
FROM page
JOIN events e ON e.event_id = page.event_id
JOIN event_clusters c ON c.event_id = e.event_id
JOIN documents d ON d.doc_id = e.doc_id
ORDER BY page.n
"""


_DOCUMENT_FIELDS = ("url", "title", "source", "published")


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def export_events(
    conn: duckdb.DuckDBPyConnection,
    filters: EventFilter,
    fmt: ExportFormat,
    output: Path,
    dyadic: bool = False,
) -> int:
    """Write the events `filters` selects to `output` in `fmt`; returns the rows written."""
    where, params = where_clause(filters)
    params = [*params, filters.limit, filters.offset]
    page = _PAGE.format(where=where, order=order_by(filters))
    if fmt is ExportFormat.jsonl and not dyadic:
        with output.open("w", encoding="utf-8", newline="\n") as handle:
            return _write_records(conn, _RECORDS.replace("{page}", page), params, handle)
    select = (_DYADIC if dyadic else _FLAT).replace("{page}", page)
    copy = f"COPY ({select}) TO ? {_COPY_OPTIONS[fmt]}"
    row = conn.execute(copy, [*params, str(output)]).fetchone()
    return int(row[0]) if row else 0


def _write_records(
    conn: duckdb.DuckDBPyConnection, select: str, params: list[object], handle: TextIO
) -> int:
    """Stream each record with its cluster to `handle`, one JSON object a line."""
    count = 0
    cursor = conn.cursor()
    try:
        cursor.execute(select, params)
        while rows := cursor.fetchmany(_FETCH):
            for record, cluster_id, source_count, *document in rows:
                data = json.loads(record)
                if data["status"] in UNSCALED_STATUSES:
                    data["event_scale"] = None
                data["cluster_id"] = cluster_id
                data["source_count"] = source_count
                data["document"] = dict(zip(_DOCUMENT_FIELDS, map(_plain, document), strict=True))
                handle.write(json.dumps(data, ensure_ascii=False) + "\n")
            count += len(rows)
    finally:
        cursor.close()
    return count
