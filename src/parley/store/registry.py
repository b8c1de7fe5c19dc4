"""The people registry: every named person seen as a party to a stored event, with provenance.

`people` summarises `event_parties`: who (name and state or body), their latest sector and
title, the documents they were first and last seen in, and how often. It is rebuilt whole, in
one statement, at the end of each ingest run: that costs tens of milliseconds for tens of
thousands of events, where recounting the people of each saved document cost more than storing
the document itself and grew with the store. A rebuild is also exact by construction when a
changed document drops or repeats a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from parley.store.filters import escape_like

_LATEST = "{p: coalesce(d.published, DATE '0001-01-01'), d: d.doc_id}"
_EARLIEST = "{p: coalesce(d.published, DATE '9999-12-31'), d: d.doc_id}"

_CLEAR = "DELETE FROM people"
_REBUILD = f"""
INSERT INTO people
SELECT p.name || '|' || coalesce(p.country, '') || '|' || coalesce(p.org, ''),
    any_value(p.name), any_value(p.country), any_value(p.org),
    arg_max(p.sector, {_LATEST}), arg_max(p.title, {_LATEST}),
    arg_min(d.doc_id, {_EARLIEST}), min(d.published),
    arg_max(d.doc_id, {_LATEST}), max(d.published),
    count(DISTINCT d.doc_id), count(*)
FROM event_parties p
JOIN events e ON e.event_id = p.event_id
JOIN documents d ON d.doc_id = e.doc_id
WHERE p.name IS NOT NULL AND (p.country IS NOT NULL OR p.org IS NOT NULL)
GROUP BY 1
"""
_SEARCH = """
SELECT name, country, org, sector, title, first_doc_id, first_published, last_doc_id,
    last_published, documents, mentions
FROM people
WHERE ? IS NULL OR name ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\'
    OR country = upper(?) OR org = upper(?)
ORDER BY mentions DESC, name, person_id
LIMIT ?
"""


@dataclass(frozen=True)
class Person:
    """One registry row: who, of which state or body, and where they were first and last seen.

    `sector` and `title` are the latest the sources gave; `mentions` counts event parties,
    `documents` the documents they came from.
    """

    name: str
    country: str | None
    org: str | None
    sector: str | None
    title: str | None
    first_doc_id: str
    first_published: date | None
    last_doc_id: str
    last_published: date | None
    documents: int
    mentions: int


def rebuild_people(conn: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the registry from the stored events; run inside the caller's transaction."""
    conn.execute(_CLEAR)
    conn.execute(_REBUILD)


def search_people(
    conn: duckdb.DuckDBPyConnection, search: str | None, limit: int | None
) -> list[Person]:
    """People whose name or title contains `search` (any case) or whose country or org is it;
    everyone when `search` is None. Most mentioned first."""
    pattern = None if search is None else f"%{escape_like(search)}%"
    rows = conn.execute(_SEARCH, [search, pattern, pattern, search, search, limit]).fetchall()
    return [Person(*row) for row in rows]
