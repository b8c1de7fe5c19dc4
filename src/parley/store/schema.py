"""The store's tables, as an ordered list of migrations.

A store file outlives the Parley that created it, so the schema only moves forward: append a
script to `MIGRATIONS`, never edit a released one (a file that already ran it would never see
the change). `migrate` brings any file up to date, so opening an old store just works.

Events keep their full `Event.to_dict()` record in `events.record`, so export is lossless; the
other event columns, `event_parties` and `party_roles` exist for filtering and for analysts'
own SQL. There are no foreign keys: DuckDB's make deleting a document's events awkward, so
the store code keeps `events.doc_id`, `event_parties.event_id` and `party_roles.event_key`
consistent itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

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

_V2 = """
CREATE TABLE document_links (
    doc_id TEXT PRIMARY KEY,
    duplicate_of TEXT NOT NULL,
    similarity DOUBLE NOT NULL
);
CREATE TABLE doc_minhash (
    doc_id TEXT PRIMARY KEY,
    scheme TEXT NOT NULL,
    hashvalues BLOB NOT NULL
);
CREATE TABLE event_links (
    event_id TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (event_id, cluster_id, role)
);
CREATE TABLE people (
    person_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    org TEXT,
    sector TEXT,
    title TEXT,
    first_doc_id TEXT,
    first_published DATE,
    last_doc_id TEXT,
    last_published DATE,
    documents INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX document_links_duplicate_of ON document_links (duplicate_of);
CREATE INDEX event_links_cluster ON event_links (cluster_id);
CREATE VIEW event_clusters AS
WITH membership AS (
    SELECT e.event_id, e.doc_id, coalesce(l.cluster_id, e.event_id) AS cluster_id
    FROM events e LEFT JOIN event_links l ON l.event_id = e.event_id AND l.role = 'member'
)
SELECT event_id, cluster_id, count(DISTINCT doc_id) OVER (PARTITION BY cluster_id) AS source_count
FROM membership;
INSERT INTO people
SELECT p.name || '|' || coalesce(p.country, '') || '|' || coalesce(p.org, ''),
    any_value(p.name), any_value(p.country), any_value(p.org),
    arg_max(p.sector, {p: coalesce(d.published, DATE '0001-01-01'), d: d.doc_id}),
    arg_max(p.title, {p: coalesce(d.published, DATE '0001-01-01'), d: d.doc_id}),
    arg_min(d.doc_id, {p: coalesce(d.published, DATE '9999-12-31'), d: d.doc_id}),
    min(d.published),
    arg_max(d.doc_id, {p: coalesce(d.published, DATE '0001-01-01'), d: d.doc_id}),
    max(d.published),
    count(DISTINCT d.doc_id),
    count(*)
FROM event_parties p
JOIN events e ON e.event_id = p.event_id
JOIN documents d ON d.doc_id = e.doc_id
WHERE p.name IS NOT NULL AND (p.country IS NOT NULL OR p.org IS NOT NULL)
GROUP BY 1;
"""
"""Near-duplicate links and MinHash signatures, cross-document event links, the people registry.

Every event has a cluster: `event_clusters` gives its `cluster_id` (its own id unless
`event_links` makes it a member of a larger one) and `source_count`, the number of documents
reporting the cluster; a view rather than columns, so rewriting the links is the only upkeep.
`people` is filled from the events already stored, so an upgraded store has a registry at once;
this copy of the registry's aggregate is frozen here with the migration.
"""

_V3 = """
ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN place_precision TEXT;
UPDATE events SET
    date_precision = CASE WHEN date IS NULL THEN NULL
        ELSE coalesce(record->>'date_precision', 'day') END,
    place_precision = record->'event_loc'->>'precision';
"""
"""How precisely each event is dated (day ... window) and placed (city, province, country):
columns for filters and exports, filled for events stored before them from their records
(an old record without a date precision was coded as a day or a stated interval)."""

_V4 = """
CREATE TABLE watched_files (
    path TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    mtime_ns BIGINT NOT NULL,
    documents INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    finished_at TIMESTAMP NOT NULL
);
"""
"""The files a watch loop has read to their end (by absolute path, size and modification
time), so that a restart reads only what is new or changed, and a file it was in the middle
of is read again (its stored documents are then unchanged and cost nothing)."""

_V5 = """
CREATE SEQUENCE event_keys;
ALTER TABLE events ADD COLUMN event_key BIGINT DEFAULT nextval('event_keys');
CREATE TABLE party_roles (
    event_key BIGINT NOT NULL,
    code TEXT NOT NULL,
    in_actors BOOLEAN NOT NULL,
    in_recipients BOOLEAN NOT NULL,
    actor_party BOOLEAN NOT NULL,
    recipient_party BOOLEAN NOT NULL,
    is_country BOOLEAN NOT NULL
);
INSERT INTO party_roles
WITH codes AS (
    SELECT event_id, role, country AS code, true AS is_party, true AS is_country
    FROM event_parties WHERE country IS NOT NULL
    UNION ALL
    SELECT event_id, role, org, country IS NULL, false
    FROM event_parties WHERE org IS NOT NULL
)
SELECT e.event_key, c.code,
    bool_or(c.role = 'actor'), bool_or(c.role = 'recipient'),
    bool_or(c.role = 'actor' AND c.is_party), bool_or(c.role = 'recipient' AND c.is_party),
    bool_or(c.is_country)
FROM codes c JOIN events e ON e.event_id = c.event_id
GROUP BY e.event_key, c.code
ORDER BY e.event_key, c.code;
"""
"""Each event's parties as the filters and counts read them, keyed by a small integer.

Grouping `event_parties` by event and party and joining it to `events` on the text
`event_id` was most of the time of every count over parties on a large store (issue 15), so
both are done once, when an event is written: `events.event_key` numbers the events of this
file (a sequence, so a key is never reused; it is local to the file and no partition carries
it), and `party_roles` has one row per event and code, a code being the country or the
organisation of one of its parties. `in_actors`/`in_recipients`: some actor/recipient is of
that country or organisation (what the party filters match); `actor_party`/`recipient_party`:
the code is some actor's/recipient's party, its country or else its organisation (what the
counts count); `is_country`: some party has it as its country. Events stored before it get
their keys in table order and their rows from their parties; this copy of the derivation is
frozen here with the migration (`parley.store.parties` keeps the current one)."""

_V6 = """
ALTER TABLE events ADD COLUMN search_text TEXT USING COMPRESSION uncompressed;
UPDATE events SET search_text = lower(text);
ALTER TABLE party_roles ADD COLUMN directed BOOLEAN;
UPDATE party_roles SET directed = d.directed
FROM (SELECT event_key, bool_or(recipient_party) AS directed FROM party_roles GROUP BY 1) d
WHERE d.event_key = party_roles.event_key;
"""
"""What the text search and the network would otherwise work out on every request (issue 15).

`events.search_text` is the evidence text lower-cased by DuckDB's `lower`, the case folding
its ILIKE applies: a search for `q` is then a plain substring test of `lower(q)`, which
matches what `text ILIKE '%q%'` matched at a fraction of its cost. It is kept uncompressed:
unpacking compressed strings was most of the scan (some 70 ms of 1M events' 95 ms on one
core, against 27 ms uncompressed), for some 80 bytes an event on disk. `party_roles.directed`
says whether the row's event has a recipient party (some row of the event with
`recipient_party`): the network links such an event's actors to its recipients, and the
actors of any other event with each other. Both are filled here for events stored before
them; the writers fill them from then on (`parley.store.rows`, `parley.store.parties`)."""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
"""Migration N (1-based) is `MIGRATIONS[N - 1]`; append only."""

SCHEMA_VERSION = len(MIGRATIONS)

_CREATE_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL
)
"""
_CURRENT_VERSION = "SELECT coalesce(max(version), 0) FROM schema_version"
_STORED_VERSION = "SELECT max(version) FROM schema_version"
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


def schema_version(path: Path) -> int | None:
    """The schema version of the store file at `path`, read without writing or locking it
    for long; None when it cannot be read (absent, locked, not a store)."""
    try:
        with duckdb.connect(str(path), read_only=True) as conn:
            row = conn.execute(_STORED_VERSION).fetchone()
    except duckdb.Error:
        return None
    return int(row[0]) if row and row[0] is not None else None


def _current_version(conn: duckdb.DuckDBPyConnection) -> int:
    row = conn.execute(_CURRENT_VERSION).fetchone()
    current = int(row[0]) if row else 0
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"schema version {current} is newer than this Parley knows ({SCHEMA_VERSION});"
            " upgrade Parley to use this store"
        )
    return current
