"""The people registry: every named person seen as a party to a stored event, with provenance.

`people` is a summary of `event_parties`, recounted for the people a saved document touches
(those in its new events and those in the version it replaced). Recounting rather than adding
keeps the registry exact when a changed document drops or repeats a person, and makes saving the
same document twice a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from parley.store.filters import escape_like

_KEY = "p.name || '|' || coalesce(p.country, '') || '|' || coalesce(p.org, '')"
_IS_PERSON = "p.name IS NOT NULL AND (p.country IS NOT NULL OR p.org IS NOT NULL)"
_LATEST = "{p: coalesce(d.published, DATE '0001-01-01'), d: d.doc_id}"
_EARLIEST = "{p: coalesce(d.published, DATE '9999-12-31'), d: d.doc_id}"

_DOCUMENT_PEOPLE = f"""
SELECT DISTINCT {_KEY} FROM event_parties p JOIN events e ON e.event_id = p.event_id
WHERE e.doc_id = ? AND {_IS_PERSON}
"""
_FORGET = "DELETE FROM people WHERE person_id IN (SELECT unnest(?::TEXT[]))"
_RECOUNT = f"""
INSERT INTO people
SELECT {_KEY}, any_value(p.name), any_value(p.country), any_value(p.org),
    arg_max(p.sector, {_LATEST}), arg_max(p.title, {_LATEST}),
    arg_min(d.doc_id, {_EARLIEST}), min(d.published),
    arg_max(d.doc_id, {_LATEST}), max(d.published),
    count(DISTINCT d.doc_id), count(*)
FROM event_parties p
JOIN events e ON e.event_id = p.event_id
JOIN documents d ON d.doc_id = e.doc_id
WHERE {_IS_PERSON} AND p.name IN (SELECT unnest(?::TEXT[]))
    AND {_KEY} IN (SELECT unnest(?::TEXT[]))
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


def document_people(conn: duckdb.DuckDBPyConnection, doc_id: str) -> set[str]:
    """Registry keys of the people in the stored events of `doc_id`."""
    return {key for (key,) in conn.execute(_DOCUMENT_PEOPLE, [doc_id]).fetchall()}


def recount_people(conn: duckdb.DuckDBPyConnection, keys: set[str]) -> None:
    """Rewrite the registry rows of `keys` from the stored events; a key no event names any
    more loses its row. Run inside the caller's transaction."""
    if not keys:
        return
    ordered = sorted(keys)
    names = sorted({key.rsplit("|", 2)[0] for key in keys})  # codes never hold "|"; names may
    conn.execute(_FORGET, [ordered])
    conn.execute(_RECOUNT, [names, ordered])


def search_people(
    conn: duckdb.DuckDBPyConnection, search: str | None, limit: int | None
) -> list[Person]:
    """People whose name or title contains `search` (any case) or whose country or org is it;
    everyone when `search` is None. Most mentioned first."""
    pattern = None if search is None else f"%{escape_like(search)}%"
    rows = conn.execute(_SEARCH, [search, pattern, pattern, search, search, limit]).fetchall()
    return [Person(*row) for row in rows]
