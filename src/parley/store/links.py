"""Links between stored things: near-duplicate documents, their MinHash signatures, and the
cross-document clusters and planned→occurred links of events.

The signatures are kept so that a rerun rebuilds its near-duplicate index by reading bytes
instead of re-shingling every stored document; the event links are rewritten whole by each
resolution, so they never drift from the events they join.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import duckdb

_FETCH = 1000
"""Rows per round trip when streaming: enough to amortise a call, small enough to not matter."""

INSERT_DOCUMENT_LINK = (
    "INSERT INTO document_links (doc_id, duplicate_of, similarity) VALUES (?, ?, ?)"
)
INSERT_SIGNATURE = (
    "INSERT OR REPLACE INTO doc_minhash (doc_id, scheme, hashvalues) VALUES (?, ?, ?)"
)
DELETE_DOCUMENT_LINK = "DELETE FROM document_links WHERE doc_id = ?"
DELETE_SIGNATURE = "DELETE FROM doc_minhash WHERE doc_id = ?"
DELETE_EVENT_LINKS = (
    "DELETE FROM event_links WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = ?)"
)

_ORIGINAL_SIGNATURES = """
SELECT m.doc_id, m.hashvalues FROM doc_minhash m
WHERE m.scheme = ? AND m.doc_id NOT IN (SELECT doc_id FROM document_links)
ORDER BY m.doc_id
"""
_SIGNATURES_OF = (
    "SELECT doc_id, hashvalues FROM doc_minhash WHERE scheme = ? AND doc_id IN "
    "(SELECT unnest(?::TEXT[]))"
)
_UNSIGNED = """
SELECT d.doc_id, d.text FROM documents d
WHERE d.doc_id NOT IN (SELECT doc_id FROM doc_minhash WHERE scheme = ?)
ORDER BY d.doc_id LIMIT ?
"""
_DUPLICATE_OF = "SELECT duplicate_of, similarity FROM document_links WHERE doc_id = ?"

_CLEAR_EVENT_LINKS = "DELETE FROM event_links"
_INSERT_EVENT_LINKS = """
INSERT INTO event_links (event_id, cluster_id, role)
SELECT unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[])
"""
_CATEGORIES = "SELECT DISTINCT event FROM events WHERE event IS NOT NULL ORDER BY event"
_EVENT_FACTS = """
SELECT e.event_id, e.doc_id, e.status, e.date, e.enddate, e.place_country, d.published,
    list(DISTINCT coalesce(p.country, p.org))
        FILTER (WHERE p.role = 'actor' AND coalesce(p.country, p.org) IS NOT NULL),
    list(DISTINCT coalesce(p.country, p.org))
        FILTER (WHERE p.role = 'recipient' AND coalesce(p.country, p.org) IS NOT NULL)
FROM events e
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN event_parties p ON p.event_id = e.event_id
WHERE e.event = ?
GROUP BY e.event_id, e.doc_id, e.status, e.date, e.enddate, e.place_country, d.published
ORDER BY e.event_id
"""
_LINK_COUNTS = """
SELECT
    (SELECT count(*) FROM (
        SELECT cluster_id FROM event_clusters GROUP BY cluster_id HAVING max(source_count) > 1)),
    (SELECT count(*) FROM event_links WHERE role = 'planned-of'),
    (SELECT count(*) FROM document_links)
"""


class Signature(NamedTuple):
    """A document's MinHash as stored: the scheme that made it and its hash values as bytes."""

    scheme: str
    hashvalues: bytes


@dataclass(frozen=True)
class EventFacts:
    """What cross-document resolution compares of one stored event.

    `actors` and `recipients` are party codes (ISO alpha-3 or org id); `published` is the
    publication day of the event's document.
    """

    event_id: str
    doc_id: str
    category: str
    status: str
    start: date | None
    end: date | None
    place_country: str | None
    published: date | None
    actors: frozenset[str]
    recipients: frozenset[str]


@dataclass(frozen=True)
class LinkCounts:
    """How much the store links: clusters reported by more than one document, planned events
    linked to what happened, and documents stored as near-duplicates of another."""

    multi_source_clusters: int
    planned_links: int
    near_duplicates: int


def original_signatures(
    conn: duckdb.DuckDBPyConnection, scheme: str
) -> Iterator[tuple[str, bytes]]:
    """(doc_id, hash values) of every stored document of `scheme` that is not itself a copy,
    streamed on a cursor of its own."""
    cursor = conn.cursor()
    try:
        cursor.execute(_ORIGINAL_SIGNATURES, [scheme])
        while rows := cursor.fetchmany(_FETCH):
            yield from rows
    finally:
        cursor.close()


def signatures_of(
    conn: duckdb.DuckDBPyConnection, scheme: str, doc_ids: list[str]
) -> dict[str, bytes]:
    """The stored hash values of those of `doc_ids` that have a signature of `scheme`."""
    return dict(conn.execute(_SIGNATURES_OF, [scheme, doc_ids]).fetchall())


def unsigned_documents(
    conn: duckdb.DuckDBPyConnection, scheme: str, limit: int
) -> list[tuple[str, str]]:
    """Up to `limit` (doc_id, text) of documents without a signature of `scheme`."""
    return conn.execute(_UNSIGNED, [scheme, limit]).fetchall()


def duplicate_of(conn: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[str, float] | None:
    """The document `doc_id` was stored as a near-duplicate of, with the similarity."""
    row = conn.execute(_DUPLICATE_OF, [doc_id]).fetchone()
    return (row[0], row[1]) if row else None


def event_categories(conn: duckdb.DuckDBPyConnection) -> list[str]:
    return [category for (category,) in conn.execute(_CATEGORIES).fetchall()]


def event_facts(conn: duckdb.DuckDBPyConnection, category: str) -> list[EventFacts]:
    """The facts of every stored event of one category (resolution never crosses categories,
    so a caller holds one category in memory at a time)."""
    rows = conn.execute(_EVENT_FACTS, [category]).fetchall()
    return [
        EventFacts(
            event_id=row[0],
            doc_id=row[1],
            category=category,
            status=row[2],
            start=row[3],
            end=row[4],
            place_country=row[5],
            published=row[6],
            actors=frozenset(row[7] or ()),
            recipients=frozenset(row[8] or ()),
        )
        for row in rows
    ]


def replace_event_links(conn: duckdb.DuckDBPyConnection, links: list[tuple[str, str, str]]) -> None:
    """Make `links` ((event_id, cluster_id, role) rows) the whole of `event_links`; run inside
    the caller's transaction."""
    conn.execute(_CLEAR_EVENT_LINKS)
    if links:
        columns = [list(column) for column in zip(*links, strict=True)]
        conn.execute(_INSERT_EVENT_LINKS, columns)


def link_counts(conn: duckdb.DuckDBPyConnection) -> LinkCounts:
    row = conn.execute(_LINK_COUNTS).fetchone()
    clusters, planned, duplicates = row if row else (0, 0, 0)
    return LinkCounts(clusters, planned, duplicates)
