"""Models to table rows and back, next to the statements whose column order they follow.

Each INSERT names its columns and its row builder returns them in that order; keeping the two
in one module means a new column is one edit here, not a hunt across the store.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from typing import Any

import duckdb

from parley.models import Document, Entity, Event

INSERT_DOCUMENT = """
INSERT INTO documents (doc_id, content_hash, title, url, source, language, published,
    published_source, text, ingested_at, run_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

SELECT_DOCUMENT = """
SELECT doc_id, text, published, published_source, title, url, source, language
FROM documents WHERE doc_id = ?
"""

INSERT_EVENT = """
INSERT INTO events (event_id, doc_id, event, status, mode, context, date, enddate, date_text,
    place_name, place_country, place_lat, place_lon, place_gazetteer_id, quad_code,
    event_scale, cameo, confidence, text, evidence_start, evidence_end, record,
    date_precision, place_precision)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

INSERT_PARTY = """
INSERT INTO event_parties (event_id, role, position, text, name, country, org, sector, title,
    code)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

INSERT_ROLE = """
INSERT INTO party_roles (event_key, code, in_actors, in_recipients, actor_party,
    recipient_party, is_country, directed)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""

SELECT_EVENT_KEYS = "SELECT event_id, event_key FROM events WHERE doc_id = ?"

_FILL_SEARCH_TEXT = "UPDATE events AS e SET search_text = lower(e.text){where}"


def fill_search_text(conn: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> None:
    """Set `events.search_text` (see migration 6 in `parley.store.schema`) of the events
    `where` (a fixed `WHERE ...` over `events e` and its `params`; empty: every event) selects.

    Every writer calls this after inserting events rather than sending the lower-cased text
    itself: DuckDB's `lower` is the folding its ILIKE applies (Python's differs, e.g. on a
    final sigma), so the search matches what a case-insensitive LIKE on the text matches."""
    conn.execute(_FILL_SEARCH_TEXT.format(where=where), params)


ROWS_PER_STATEMENT = 200


def insert_rows(conn: duckdb.DuckDBPyConnection, statement: str, rows: list[list[Any]]) -> None:
    """Run `statement` (an INSERT of one row of `?`) for every row of `rows`, up to
    `ROWS_PER_STATEMENT` rows a statement: DuckDB runs one statement of many rows some ten
    times faster than `executemany` runs them one by one, and the writer is the one place
    every document passes."""
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        conn.execute(_for_rows(statement, len(chunk)), [value for row in chunk for value in row])


@lru_cache(maxsize=64)
def _for_rows(statement: str, count: int) -> str:
    head, values = statement.rsplit("VALUES", 1)
    return f"{head}VALUES {', '.join([values.strip()] * count)}"


def document_row(doc: Document, run_id: str, ingested_at: datetime) -> list[Any]:
    """Parameters for `INSERT_DOCUMENT`."""
    return [
        doc.id,
        doc.content_hash,
        doc.title,
        doc.url,
        doc.source,
        doc.language,
        doc.published,
        doc.published_source,
        doc.text,
        ingested_at,
        run_id,
    ]


def document_from_row(row: tuple[Any, ...]) -> Document:
    """A `Document` from a `SELECT_DOCUMENT` row."""
    doc_id, text, published, published_source, title, url, source, language = row
    return Document(
        id=doc_id,
        text=text,
        published=published,
        published_source=published_source,
        title=title,
        url=url,
        source=source,
        language=language,
    )


def event_row(event: Event) -> list[Any]:
    """Parameters for `INSERT_EVENT`; the columns are copied from the record it stores.

    Taking id and confidence from `to_dict()` keeps the columns equal to the stored record
    (the record rounds confidence), so SQL over the columns and an export agree.
    """
    record = event.to_dict()
    span, place = event.date, event.event_loc
    return [
        record["id"],
        event.doc_id,
        event.event,
        event.status,
        list(event.mode),
        list(event.context),
        span.start if span else None,
        span.end if span else None,
        span.text if span else None,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.gazetteer_id if place else None,
        event.quad_code,
        event.event_scale,
        event.cameo,
        record["confidence"],
        event.text,
        event.evidence.start,
        event.evidence.end,
        json.dumps(record, ensure_ascii=False),
        span.granularity if span else None,
        place.precision if place else None,
    ]


def party_rows(event: Event) -> list[list[Any]]:
    """Parameters for `INSERT_PARTY`, one per actor and recipient, in list order."""
    roles = (("actor", event.actor), ("recipient", event.recipient))
    return [
        _party_row(event.id, role, position, entity)
        for role, entities in roles
        for position, entity in enumerate(entities)
    ]


def _party_row(event_id: str, role: str, position: int, entity: Entity) -> list[Any]:
    return [
        event_id,
        role,
        position,
        entity.text,
        entity.name,
        entity.country,
        entity.org,
        entity.sector,
        entity.title,
        entity.code,
    ]


def role_rows(event_key: int, event: Event) -> list[list[Any]]:
    """Parameters for `INSERT_ROLE`: one per country or organisation of the event's parties,
    with the roles it plays and whether the event has a recipient party at all, as
    `parley.store.parties.derive_roles` derives them from the `party_rows` of the event
    (codes compared as stored: an empty string is a code)."""
    roles: dict[str, list[bool]] = {}
    for column, entities in ((0, event.actor), (1, event.recipient)):
        for entity in entities:
            party = entity.org if entity.country is None else entity.country
            for code in (entity.country, entity.org):
                if code is None:
                    continue
                flags = roles.setdefault(code, [False] * 5)
                flags[column] = True  # in_actors, in_recipients
                flags[column + 2] = flags[column + 2] or code == party  # *_party
                flags[4] = flags[4] or code == entity.country  # is_country
    directed = any(flags[3] for flags in roles.values())
    return [[event_key, code, *flags, directed] for code, flags in roles.items()]


def event_from_record(record: str) -> Event:
    """An `Event` from the JSON text of `events.record`."""
    return Event.from_dict(json.loads(record))
