"""Store files as an earlier Parley left them, for tests of the migrations that follow."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from parley.models import Document, Event
from parley.store import MIGRATIONS
from parley.store.rows import (
    INSERT_DOCUMENT,
    INSERT_EVENT,
    INSERT_PARTY,
    document_row,
    event_row,
    party_rows,
)


def write_store(path: Path, version: int, corpus: Iterable[tuple[Document, list[Event]]]) -> None:
    """A store file at schema `version` holding `corpus`, written as that release wrote it
    (its migrations only, its insert statements)."""
    with duckdb.connect(str(path)) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
        for number, script in enumerate(MIGRATIONS[:version], start=1):
            conn.execute(script)
            conn.execute("INSERT INTO schema_version VALUES (?, ?)", [number, datetime.now(UTC)])
        for document, events in corpus:
            conn.execute(INSERT_DOCUMENT, document_row(document, "run-1", datetime.now()))
            for event in events:
                conn.execute(INSERT_EVENT, event_row(event))
                if event.actor or event.recipient:
                    conn.executemany(INSERT_PARTY, party_rows(event))
