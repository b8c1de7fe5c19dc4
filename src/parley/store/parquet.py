"""The SQL of Parquet partitions: writing a table out as a part, and loading a folder of
parts into a store (see `parley.store.partitions` for the layout and the promises)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from parley.store.parties import derive_roles
from parley.store.rows import fill_search_text

DOCUMENT_TABLES = ("documents", "events", "event_parties", "doc_minhash", "document_links")
"""The tables written per part, all keyed by a document of the part."""

DERIVED_TABLE = "party_roles"
"""Keyed by documents too, but never written: a load derives it from the parts' parties."""

_WRITTEN = {"events": "SELECT * EXCLUDE (event_key, search_text) FROM events"}
"""What a part holds of a table with columns a loading store makes itself: `events.event_key`
only means something in the file that numbered it, and `events.search_text` is derived from
the text (so parts stay as they were before it, and load into any version)."""


def write_part(conn: duckdb.DuckDBPyConnection, table: str, path: Path, empty: bool) -> None:
    """Write `table` to the Parquet file `path`; then delete its rows when `empty`."""
    source = f"({_WRITTEN[table]})" if table in _WRITTEN else table
    conn.execute(f"COPY {source} TO '{_quoted(path)}' (FORMAT parquet)")
    if empty:
        conn.execute(f"DELETE FROM {table}")


def empty_derived(conn: duckdb.DuckDBPyConnection) -> None:
    """Delete the rows of `DERIVED_TABLE`, along with the written tables' (see `write_part`)."""
    conn.execute(f"DELETE FROM {DERIVED_TABLE}")


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


@dataclass(frozen=True)
class LoadCounts:
    """What a load did: documents new, replaced and already stored; events brought in."""

    new: int
    updated: int
    unchanged: int
    events: int


_INCOMING = """
CREATE TEMP TABLE incoming AS
SELECT * EXCLUDE (filename), parse_filename(filename) AS part
FROM read_parquet('{glob}', filename = true)
QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY parse_filename(filename) DESC) = 1
"""
_CLASSIFY = """
SELECT
    count(*) FILTER (WHERE d.doc_id IS NULL),
    count(*) FILTER (WHERE d.doc_id IS NOT NULL AND d.content_hash <> i.content_hash),
    count(*) FILTER (WHERE d.content_hash = i.content_hash)
FROM incoming i LEFT JOIN documents d USING (doc_id)
"""
_DROP_UNCHANGED = """
DELETE FROM incoming WHERE doc_id IN (
    SELECT i.doc_id FROM incoming i JOIN documents d USING (doc_id)
    WHERE d.content_hash = i.content_hash
)
"""
_REPLACED = """
DELETE FROM event_links WHERE event_id IN (
    SELECT e.event_id FROM events e JOIN incoming USING (doc_id));
DELETE FROM event_parties WHERE event_id IN (
    SELECT e.event_id FROM events e JOIN incoming USING (doc_id));
DELETE FROM party_roles WHERE event_key IN (
    SELECT e.event_key FROM events e JOIN incoming USING (doc_id));
DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM incoming);
DELETE FROM document_links WHERE doc_id IN (SELECT doc_id FROM incoming);
DELETE FROM doc_minhash WHERE doc_id IN (SELECT doc_id FROM incoming);
DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM incoming);
"""
_INSERT_DOCUMENTS = "INSERT INTO documents BY NAME SELECT * EXCLUDE (part) FROM incoming"
_INSERT_KEYED = """
INSERT INTO {table} BY NAME
SELECT t.* EXCLUDE (filename) FROM read_parquet('{glob}', filename = true) t
JOIN incoming i ON i.doc_id = t.doc_id AND i.part = parse_filename(t.filename)
"""
_INSERT_PARTIES = """
INSERT INTO event_parties BY NAME
SELECT p.* EXCLUDE (filename) FROM read_parquet('{glob}', filename = true) p
JOIN (
    SELECT e.event_id, e.doc_id, parse_filename(e.filename) AS part
    FROM read_parquet('{events}', filename = true) e
) e ON e.event_id = p.event_id AND e.part = parse_filename(p.filename)
JOIN incoming i ON i.doc_id = e.doc_id AND i.part = e.part
"""
_INSERT_RUNS = """
INSERT INTO runs BY NAME SELECT * FROM read_parquet('{glob}')
WHERE run_id NOT IN (SELECT run_id FROM runs)
"""
_COUNT_INCOMING_EVENTS = "SELECT count(*) FROM events WHERE doc_id IN (SELECT doc_id FROM incoming)"
_INCOMING_EVENTS = " WHERE e.doc_id IN (SELECT doc_id FROM incoming)"


def load_partitions(conn: duckdb.DuckDBPyConnection, folder: Path) -> LoadCounts:
    """Bring the partitions under `folder` into the store on `conn`, in one transaction."""
    globs = {table: _glob(folder, table) for table in (*DOCUMENT_TABLES, "runs")}
    if globs["documents"] is None:
        return LoadCounts(0, 0, 0, 0)
    conn.begin()
    try:
        conn.execute(_INCOMING.format(glob=globs["documents"]))
        row = conn.execute(_CLASSIFY).fetchone()
        new, updated, unchanged = row if row else (0, 0, 0)
        conn.execute(_DROP_UNCHANGED)
        conn.execute(_REPLACED)
        conn.execute(_INSERT_DOCUMENTS)
        for table in ("events", "doc_minhash", "document_links"):
            if globs[table] is not None:
                conn.execute(_INSERT_KEYED.format(table=table, glob=globs[table]))
        fill_search_text(conn, _INCOMING_EVENTS, [])
        if globs["event_parties"] is not None and globs["events"] is not None:
            conn.execute(
                _INSERT_PARTIES.format(glob=globs["event_parties"], events=globs["events"])
            )
            derive_roles(conn, _INCOMING_EVENTS)
        if globs["runs"] is not None:
            conn.execute(_INSERT_RUNS.format(glob=globs["runs"]))
        counted = conn.execute(_COUNT_INCOMING_EVENTS).fetchone()
        conn.execute("DROP TABLE incoming")
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    return LoadCounts(new, updated, unchanged, counted[0] if counted else 0)


def _glob(folder: Path, table: str) -> str | None:
    """The files of `table` under `folder` as a DuckDB glob, or None when there are none."""
    if not any((folder / table).glob("*.parquet")):
        return None
    return _quoted(folder / table / "*.parquet")
