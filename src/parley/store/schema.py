"""The store's tables, as an ordered list of migrations.

A store file outlives the Parley that created it, so the schema only moves forward: append a
script to `MIGRATIONS`, never edit a released one (a file that already ran it would never see
the change). `migrate` brings any file up to date, so opening an old store just works.

Events keep their full `Event.to_dict()` record in `events.record`, so export is lossless; the
other event columns and `event_parties` exist for filtering and for analysts' own SQL. There
are no foreign keys: DuckDB's make deleting a document's events awkward, so the store code
keeps `events.doc_id` and `event_parties.event_id` consistent itself.
"""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from parley.errors import StoreError

_V1 = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title TEXT,
    url TEXT,
    source TEXT,
    language TEXT,
    published DATE,
    published_source TEXT,
    text TEXT NOT NULL,
    ingested_at TIMESTAMP,
    run_id TEXT
);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    event TEXT,
    status TEXT,
    mode TEXT[],
    context TEXT[],
    date DATE,
    enddate DATE,
    date_text TEXT,
    place_name TEXT,
    place_country TEXT,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_gazetteer_id TEXT,
    quad_code INTEGER,
    event_scale DOUBLE,
    cameo TEXT,
    confidence DOUBLE,
    text TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    record JSON NOT NULL
);
CREATE TABLE event_parties (
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT,
    name TEXT,
    country TEXT,
    org TEXT,
    sector TEXT,
    title TEXT,
    code TEXT,
    PRIMARY KEY (event_id, role, position)
);
CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    parley_version TEXT,
    model TEXT,
    dictionary_hash TEXT,
    documents INTEGER,
    events INTEGER
);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX events_event ON events (event);
CREATE INDEX events_date ON events (date);
CREATE INDEX event_parties_country ON event_parties (country);
CREATE INDEX event_parties_org ON event_parties (org);
"""

MIGRATIONS: tuple[str, ...] = (_V1,)
"""Migration N (1-based) is `MIGRATIONS[N - 1]`; append only."""

SCHEMA_VERSION = len(MIGRATIONS)

_CREATE_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL
)
"""
_CURRENT_VERSION = "SELECT coalesce(max(version), 0) FROM schema_version"
_RECORD_VERSION = "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations `conn` has not seen, all or none, and return the schema version.

    One transaction, so a crash half-way leaves the file as it was rather than half-built.
    A file from a newer Parley is refused: this code cannot know what its tables mean.
    """
    conn.begin()
    try:
        conn.execute(_CREATE_VERSION_TABLE)
        current = _current_version(conn)
        for version in range(current + 1, SCHEMA_VERSION + 1):
            conn.execute(MIGRATIONS[version - 1])
            conn.execute(_RECORD_VERSION, [version, datetime.now(UTC).replace(tzinfo=None)])
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    return SCHEMA_VERSION


def _current_version(conn: duckdb.DuckDBPyConnection) -> int:
    row = conn.execute(_CURRENT_VERSION).fetchone()
    current = int(row[0]) if row else 0
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"schema version {current} is newer than this Parley knows ({SCHEMA_VERSION});"
            " upgrade Parley to use this store"
        )
    return current
