"""A store file written by schema version 1 opens under the current version with its data
intact.

The version-1 file is built here with migration 1 alone and the rows the version-1 writer
wrote (its columns, and records without the fields added since), so the test holds whatever
later migrations do to a real old file.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from parley.models import DateSpan, Document, Entity, Event, Evidence
from parley.resolve import resolve_store
from parley.store import MIGRATIONS, SCHEMA_VERSION, EventFilter, Store
from parley.store.rows import (
    INSERT_DOCUMENT,
    INSERT_PARTY,
    document_row,
    event_row,
    party_rows,
)

_V1_COLUMNS = (
    "event_id, doc_id, event, status, mode, context, date, enddate, date_text, place_name, "
    "place_country, place_lat, place_lon, place_gazetteer_id, quad_code, event_scale, cameo, "
    "confidence, text, evidence_start, evidence_end, record"
)
_V1_INSERT_EVENT = f"INSERT INTO events ({_V1_COLUMNS}) VALUES ({', '.join(['?'] * 22)})"
_ADDED_SINCE = ("date_precision",)  # record fields version 1 did not write


def _v1_event_row(event: Event) -> list[Any]:
    row = event_row(event)[:22]
    record = {k: v for k, v in json.loads(row[-1]).items() if k not in _ADDED_SINCE}
    return [*row[:-1], json.dumps(record)]


TEXT = "Japan's Foreign Minister Yoshimasa Hayashi met Chinese Foreign Minister Wang Yi on Friday."


def _document(doc_id: str, published: date) -> Document:
    return Document(id=doc_id, text=TEXT, published=published, published_source="given")


def _meeting(doc_id: str) -> Event:
    return Event(
        doc_id=doc_id,
        event="CONSULT",
        status="occurred",
        text=TEXT,
        evidence=Evidence(0, len(TEXT)),
        actor=[
            Entity("Yoshimasa Hayashi", country="JPN", sector="GOV", name="Yoshimasa Hayashi"),
            Entity("Wang Yi", country="CHN", sector="GOV", name="Wang Yi", title="minister"),
        ],
        date=DateSpan(date(2022, 6, 3), date(2022, 6, 3), "Friday"),
        cameo="040",
        quad_code=1,
        event_scale=1.0,
    )


def _write_version_1(path: Path) -> list[Event]:
    """A store file as Parley wrote it before migration 2: two reports of one meeting."""
    events = [_meeting("wire-1"), _meeting("paper-2")]
    conn = duckdb.connect(str(path))
    try:
        conn.execute(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
        )
        conn.execute(MIGRATIONS[0])
        conn.execute("INSERT INTO schema_version VALUES (1, ?)", [datetime.now(UTC)])
        for event, published in zip(events, (date(2022, 6, 3), date(2022, 6, 4)), strict=True):
            document = _document(event.doc_id, published)
            conn.execute(INSERT_DOCUMENT, document_row(document, "run-1", datetime.now()))
            conn.execute(_V1_INSERT_EVENT, _v1_event_row(event))
            conn.executemany(INSERT_PARTY, party_rows(event))
    finally:
        conn.close()
    return events


def _versions(path: Path) -> list[int]:
    conn = duckdb.connect(str(path))
    try:
        rows = conn.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
        return [version for (version,) in rows]
    finally:
        conn.close()


def test_version_1_file_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    events = _write_version_1(path)
    assert _versions(path) == [1]

    with Store.open(path) as store:
        assert store.counts() == {"documents": 2, "events": 2, "parties": 4, "runs": 0}
        stored = store.query_events(EventFilter())
        assert {e.id: e.to_dict() for e in stored} == {e.id: e.to_dict() for e in events}
        assert store.get_document("wire-1") == _document("wire-1", date(2022, 6, 3))
        assert all(e.date.granularity == "day" for e in stored)
        # Every event has a cluster of its own until resolution links them.
        for event in events:
            assert [e.id for e in store.query_events(EventFilter(cluster=event.id))] == [event.id]
        people = {person.name: person for person in store.people()}

    assert _versions(path) == list(range(1, SCHEMA_VERSION + 1))
    assert set(people) == {"Yoshimasa Hayashi", "Wang Yi"}
    wang = people["Wang Yi"]
    assert (wang.country, wang.sector, wang.title) == ("CHN", "GOV", "minister")
    assert (wang.first_doc_id, wang.first_published) == ("wire-1", date(2022, 6, 3))
    assert (wang.last_doc_id, wang.last_published) == ("paper-2", date(2022, 6, 4))
    assert (wang.documents, wang.mentions) == (2, 2)


def test_upgraded_events_resolve_across_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    events = _write_version_1(path)
    with Store.open(path) as store:
        resolve_store(store)
        cluster_id = min(event.id for event in events)
        found = store.query_events(EventFilter(cluster=cluster_id))
        assert sorted(e.doc_id for e in found) == ["paper-2", "wire-1"]
        assert store.link_counts().multi_source_clusters == 1
