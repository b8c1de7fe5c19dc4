"""The embedded DuckDB store: documents, their events, and the runs that produced them.

A document is the unit of writing: its row, events, parties, signature and near-duplicate
link change together in one transaction, keyed by the document's content hash, so re-running
a corpus is cheap (unchanged documents cost one lookup) and never duplicates anything. What
summarises many documents (event links, the people registry) is rewritten whole after a run.
The SQL of each concern lives in its own module; this class owns the connection, the
transactions and the error messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal
from uuid import uuid4

import duckdb

from parley.errors import StoreError, StoreLocked
from parley.models import Document, Event
from parley.store import analytics, files, links, parquet, registry
from parley.store.agenda import Agenda, agenda
from parley.store.axis import Interval
from parley.store.detail import EventDetail, event_detail, matching_ids
from parley.store.digest import PeriodSummary, period_summary
from parley.store.export import ExportFormat, export_events
from parley.store.filters import EventFilter, order_by, where_clause
from parley.store.links import EventFacts, LinkCounts, Signature
from parley.store.owner import describe, lock_holder
from parley.store.parquet import LoadCounts
from parley.store.parties import party_codes, stored_parties
from parley.store.registry import Person
from parley.store.rows import (
    INSERT_DOCUMENT,
    INSERT_EVENT,
    INSERT_PARTY,
    INSERT_ROLE,
    SELECT_DOCUMENT,
    SELECT_EVENT_KEYS,
    document_from_row,
    document_row,
    event_from_record,
    event_row,
    fill_search_text,
    insert_rows,
    party_rows,
    role_rows,
)
from parley.store.schema import SCHEMA_VERSION, migrate, schema_version
from parley.store.stats import Comparison, StatsBy, event_stats

DocumentStatus = Literal["new", "unchanged", "changed"]
SaveOutcome = Literal["new", "unchanged", "updated"]

_CONTENT_HASH = "SELECT content_hash FROM documents WHERE doc_id = ?"
_OF_DOCUMENT = " WHERE e.doc_id = ?"
_DELETE_PARTIES = (
    "DELETE FROM event_parties WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = ?)"
)
_DELETE_ROLES = (
    "DELETE FROM party_roles WHERE event_key IN (SELECT event_key FROM events WHERE doc_id = ?)"
)
_DELETE_EVENTS = "DELETE FROM events WHERE doc_id = ?"
_DELETE_DOCUMENT = "DELETE FROM documents WHERE doc_id = ?"
_INSERT_RUN = """
INSERT INTO runs (run_id, started_at, parley_version, model, dictionary_hash)
VALUES (?, ?, ?, ?, ?)
"""
_FINISH_RUN = "UPDATE runs SET documents = ?, events = ? WHERE run_id = ? RETURNING run_id"
_SELECT_EVENTS = "SELECT e.record FROM events e"
_ORDER_PAGE = " ORDER BY {order} LIMIT ? OFFSET ?"
_COUNTS = """
SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),
    (SELECT count(*) FROM event_parties), (SELECT count(*) FROM runs)
"""


class Store:
    """One open store file. Build it with `Store.open`; use it as a context manager.

    A Store wraps one DuckDB connection and is not thread-safe: give each thread its own
    `Store.open(path)` (opens of one path in one process share the database). Another process
    cannot open the file while this one has it open for writing (`StoreLocked`); processes
    that only read can share it (`read_only`). See `parley.store.owner` for how a store is
    shared while one process owns it.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> Store:
        """Open (creating the file and its folder if needed) and migrate the store at `path`.

        `read_only` opens an existing store so that other readers may open it at once; one
        that needs migrating is opened for writing, once, to migrate it.
        """
        path = Path(path)
        if read_only and schema_version(path) == SCHEMA_VERSION:
            return cls(_connect(path, read_only=True), path)
        conn = _connect(path, read_only=False)
        try:
            migrate(conn)
        except (duckdb.Error, StoreError) as exc:
            conn.close()
            raise StoreError(f"cannot open store {path}: {_reason(exc)}") from exc
        return cls(conn, path)

    def another(self) -> Store:
        """A second connection to this open database, for another thread (DuckDB's
        connections of one database see each other's commits, each its own snapshot)."""
        with self._errors("open another connection"):
            return Store(self._conn.cursor(), self.path)

    def close(self) -> None:
        """Release the file (and its lock); closing twice is harmless."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def document_status(self, doc: Document) -> DocumentStatus:
        """Whether `doc` is absent, stored with the same content hash, or stored differently."""
        with self._errors(f"look up document {doc.id!r}"):
            return self._status(doc)

    def save_document(
        self,
        doc: Document,
        events: list[Event],
        run_id: str,
        signature: Signature | None = None,
    ) -> SaveOutcome:
        """Store `doc` with exactly `events` (and its MinHash `signature`), in one transaction.

        Unchanged content (same content hash) writes nothing and keeps the events already
        stored; changed content replaces the document row and all of its events, parties and
        links.
        """
        _check_events(doc, events)
        with self._errors(f"save document {doc.id!r}"), self._transaction():
            return self._put_document(doc, events, run_id, signature)

    def save_duplicate(
        self,
        doc: Document,
        duplicate_of: str,
        similarity: float,
        run_id: str,
        signature: Signature,
    ) -> SaveOutcome:
        """Store `doc` as a near-duplicate of `duplicate_of`: its row, signature and link, and
        no events of its own (the original's events stand for both). Same outcomes and the
        same single transaction as `save_document`."""
        with self._errors(f"save document {doc.id!r}"), self._transaction():
            outcome = self._put_document(doc, [], run_id, signature)
            if outcome != "unchanged":
                self._conn.execute(links.INSERT_DOCUMENT_LINK, [doc.id, duplicate_of, similarity])
            return outcome

    def _put_document(
        self, doc: Document, events: list[Event], run_id: str, signature: Signature
    ) -> SaveOutcome:
        """Insert `doc` with `events`, replacing a changed earlier version; inside the
        caller's transaction."""
        status = self._status(doc)
        if status == "unchanged":
            return "unchanged"
        if status == "changed":
            self._delete_document(doc.id)
        self._insert_document(doc, events, run_id, signature)
        return "new" if status == "new" else "updated"

    def duplicate_of(self, doc_id: str) -> tuple[str, float] | None:
        """The document `doc_id` was stored as a near-duplicate of, and how similar they are."""
        with self._errors(f"read the links of document {doc_id!r}"):
            return links.duplicate_of(self._conn, doc_id)

    def original_signatures(self, scheme: str) -> Iterator[tuple[str, bytes]]:
        """(doc_id, hash values) of every stored document that is not a near-duplicate, for
        rebuilding the near-duplicate index; streamed, not loaded at once."""
        with self._errors("read document signatures"):
            yield from links.original_signatures(self._conn, scheme)

    def signatures_of(self, scheme: str, doc_ids: list[str]) -> dict[str, bytes]:
        """The stored hash values of those of `doc_ids` that have them."""
        with self._errors("read document signatures"):
            return links.signatures_of(self._conn, scheme, doc_ids)

    def unsigned_documents(self, scheme: str, limit: int) -> list[tuple[str, str]]:
        """Up to `limit` (doc_id, text) of stored documents without a signature of `scheme`:
        those of a store made before signatures were kept, or under another scheme."""
        with self._errors("read unsigned documents"):
            return links.unsigned_documents(self._conn, scheme, limit)

    def save_signatures(self, signatures: list[tuple[str, Signature]]) -> None:
        """Store (doc_id, signature) pairs for documents already stored, in one transaction."""
        rows = [[doc_id, sig.scheme, sig.hashvalues] for doc_id, sig in signatures]
        with self._errors("save document signatures"), self._transaction():
            self._conn.executemany(links.INSERT_SIGNATURE, rows)

    def event_categories(self) -> list[str]:
        """The categories that stored events have."""
        with self._errors("list event categories"):
            return links.event_categories(self._conn)

    def event_facts(self, category: str) -> list[EventFacts]:
        """What cross-document resolution needs of each stored event of `category`."""
        with self._errors(f"read {category} events"):
            return links.event_facts(self._conn, category)

    def replace_event_links(self, rows: list[tuple[str, str, str]]) -> None:
        """Make (event_id, cluster_id, role) `rows` the store's event links, in one transaction
        (readers see the old links or the new ones, never a mix)."""
        with self._errors("save event links"), self._transaction():
            links.replace_event_links(self._conn, rows)

    def link_counts(self) -> LinkCounts:
        """Multi-document clusters, planned→occurred links and near-duplicate documents."""
        with self._errors("count links"):
            return links.link_counts(self._conn)

    def refresh_people(self) -> None:
        """Rebuild the people registry from the stored events, in one transaction; ingest
        does this once at the end of a run."""
        with self._errors("rebuild the people registry"), self._transaction():
            registry.rebuild_people(self._conn)

    def people(self, search: str | None = None, limit: int | None = None) -> list[Person]:
        """The people registry, most mentioned first; `search` matches a name or title (part,
        any case) or a country or org code."""
        with self._errors("read the people registry"):
            return registry.search_people(self._conn, search, limit)

    def stats(
        self,
        by: StatsBy,
        filters: EventFilter,
        compare: Comparison | None = None,
        limit: int | None = None,
    ) -> tuple[list[str], list[tuple[object, ...]]]:
        """Counts of events and clusters matching `filters`, grouped `by`: (columns, rows);
        see `parley.store.stats` for months side by side (`compare`) and `limit`."""
        with self._errors("count events"):
            return event_stats(self._conn, by, filters, compare, limit)

    def export(
        self, filters: EventFilter, fmt: ExportFormat, output: Path, dyadic: bool = False
    ) -> int:
        """Write the events matching `filters` to the file `output`; returns the rows written.
        See `parley.store.export` for the formats and the dyadic table."""
        with self._errors(f"export to {output}"):
            return export_events(self._conn, filters, fmt, output, dyadic)

    def load_partitions(self, folder: Path) -> LoadCounts:
        """Bring the Parquet partitions under `folder` (`parley ingest --out`) into this
        store, in one transaction; see `parley.store.partitions`."""
        with self._errors(f"load the partitions of {folder}"):
            return parquet.load_partitions(self._conn, folder)

    def file_state(self, path: str) -> tuple[int, int] | None:
        """(size, mtime_ns) of the watched file `path` when it was last read to its end."""
        with self._errors(f"look up watched file {path!r}"):
            return files.file_state(self._conn, path)

    def mark_file(self, path: str, state: tuple[int, int], documents: int, failed: int) -> None:
        """Record that the watched file `path`, as it was at `state`, was read to its end."""
        with self._errors(f"record watched file {path!r}"):
            files.mark_file(self._conn, path, state, documents, failed)

    def start_run(self, parley_version: str, model: str, dictionary_hash: str) -> str:
        """Record the start of a run and return its id, which sorts by start time."""
        started = datetime.now(UTC).replace(tzinfo=None)
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid4().hex[:12]}"
        with self._errors("start a run"):
            self._conn.execute(
                _INSERT_RUN, [run_id, started, parley_version, model, dictionary_hash]
            )
        return run_id

    def finish_run(self, run_id: str, documents: int, events: int) -> None:
        """Record how many documents and events run `run_id` saved."""
        with self._errors(f"finish run {run_id!r}"):
            updated = self._conn.execute(_FINISH_RUN, [documents, events, run_id]).fetchall()
        if not updated:
            raise StoreError(f"no run {run_id!r} in store {self.path}")

    def query_events(self, filters: EventFilter) -> list[Event]:
        """Events matching `filters`, by date (oldest or newest first, by its sort; undated
        last), document, then evidence start."""
        where, params = where_clause(filters)
        sql = _SELECT_EVENTS + where + _ORDER_PAGE.format(order=order_by(filters))
        with self._errors("query events"):
            rows = self._conn.execute(sql, [*params, filters.limit, filters.offset]).fetchall()
        return [event_from_record(record) for (record,) in rows]

    def sourced_events(self, filters: EventFilter) -> list[analytics.SourcedEvent]:
        """As `query_events`, each event with its cluster and how many documents report it."""
        with self._errors("query events"):
            return analytics.sourced_events(self._conn, filters)

    def count_events(self, filters: EventFilter) -> int:
        """How many events match `filters`, ignoring its limit and offset (a total for paging)."""
        with self._errors("count events"):
            return analytics.count_events(self._conn, filters)

    def events_page(self, filters: EventFilter) -> analytics.EventsPage:
        """One page of `sourced_events` and the total a pager needs."""
        with self._errors("query events"):
            return analytics.events_page(self._conn, filters)

    def event_detail(self, event_id: str) -> EventDetail | None:
        """The event `event_id` with its document, siblings, other reports and plan links."""
        with self._errors(f"read event {event_id!r}"):
            return event_detail(self._conn, event_id)

    def matching_event_ids(self, prefix: str, limit: int = 5) -> list[str]:
        """Ids of stored events that start with `prefix` (4 characters or more)."""
        with self._errors(f"look up event {prefix!r}"):
            return matching_ids(self._conn, prefix, limit)

    def document_with_events(self, doc_id: str) -> tuple[Document, list[Event]] | None:
        """A stored document and all its events in text order, or None without the document."""
        document = self.get_document(doc_id)
        if document is None:
            return None
        events = self.query_events(EventFilter(doc_id=doc_id))
        return document, sorted(events, key=lambda e: (e.evidence.start, e.evidence.end, e.id))

    def timeline(
        self,
        filters: EventFilter,
        interval: Interval | None = None,
        by: analytics.TimelineKey = "quad",
        bulk: bool = True,
    ) -> analytics.Timeline:
        """Counts of matching events over time; see `parley.store.analytics.timeline`."""
        with self._errors("count events over time"):
            return analytics.timeline(self._conn, filters, interval, by, bulk)

    def actors(self, filters: EventFilter, limit: int = 200) -> list[analytics.ActorCount]:
        """Parties of matching events, most involved first, with their counts by role."""
        with self._errors("count actors"):
            return analytics.actors(self._conn, filters, limit)

    def network(self, filters: EventFilter, limit: int = 40) -> analytics.Network:
        """The `limit` most involved parties of matching events and the dyads among them."""
        with self._errors("build the actor network"):
            return analytics.network(self._conn, filters, limit)

    def places(self, filters: EventFilter, limit: int = 1000) -> analytics.Places:
        """Places of matching events with coordinates, and how many events have one."""
        with self._errors("count places"):
            return analytics.places(self._conn, filters, limit)

    def summary(self, filters: EventFilter) -> analytics.Summary:
        """Counts, date range and statuses of the selection, for headers and defaults."""
        with self._errors("summarise the store"):
            return analytics.summary(self._conn, filters)

    def period_summary(self, filters: EventFilter, top: int = 10) -> PeriodSummary:
        """What happened in the period `filters` selects; see `parley.store.digest`."""
        with self._errors("summarise the period"):
            return period_summary(self._conn, filters, top)

    def agenda(self, filters: EventFilter, as_of: date | None = None, limit: int = 500) -> Agenda:
        """Planned events by expected date and their fate; see `parley.store.agenda`."""
        with self._errors("read the agenda"):
            return agenda(self._conn, filters, as_of, limit)

    def stored_parties(self, codes: list[str]) -> set[str]:
        """Those of `codes` (countries or organisations) some stored event has as a party."""
        with self._errors("look up parties"):
            return stored_parties(self._conn, codes)

    def party_codes(self) -> list[str]:
        """Every party of the stored events, most involved first."""
        with self._errors("list parties"):
            return party_codes(self._conn)

    def get_document(self, doc_id: str) -> Document | None:
        """The stored document `doc_id`, or None when the store does not have it."""
        with self._errors(f"read document {doc_id!r}"):
            row = self._conn.execute(SELECT_DOCUMENT, [doc_id]).fetchone()
        return document_from_row(row) if row else None

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for status lines and tests."""
        with self._errors("count rows"):
            row = self._conn.execute(_COUNTS).fetchone()
        documents, events, parties, runs = row if row else (0, 0, 0, 0)
        return {"documents": documents, "events": events, "parties": parties, "runs": runs}

    def _status(self, doc: Document) -> DocumentStatus:
        row = self._conn.execute(_CONTENT_HASH, [doc.id]).fetchone()
        if row is None:
            return "new"
        return "unchanged" if row[0] == doc.content_hash else "changed"

    def _delete_document(self, doc_id: str) -> None:
        """Delete `doc_id` and everything hanging off it."""
        for statement in (
            links.DELETE_EVENT_LINKS,
            _DELETE_PARTIES,
            _DELETE_ROLES,
            _DELETE_EVENTS,
            links.DELETE_DOCUMENT_LINK,
            links.DELETE_SIGNATURE,
            _DELETE_DOCUMENT,
        ):
            self._conn.execute(statement, [doc_id])

    def _insert_document(
        self, doc: Document, events: list[Event], run_id: str, signature: Signature | None
    ) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        self._conn.execute(INSERT_DOCUMENT, document_row(doc, run_id, now))
        if signature is not None:
            self._conn.execute(
                links.INSERT_SIGNATURE, [doc.id, signature.scheme, signature.hashvalues]
            )
        if not events:
            return
        insert_rows(self._conn, INSERT_EVENT, [event_row(event) for event in events])
        fill_search_text(self._conn, _OF_DOCUMENT, [doc.id])
        parties = [row for event in events for row in party_rows(event)]
        if parties:
            insert_rows(self._conn, INSERT_PARTY, parties)
            keys = dict(self._conn.execute(SELECT_EVENT_KEYS, [doc.id]).fetchall())
            roles = [row for event in events for row in role_rows(keys[event.id], event)]
            insert_rows(self._conn, INSERT_ROLE, roles)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Commit what the block wrote, or roll all of it back if the block raises."""
        self._conn.begin()
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        self._conn.commit()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn DuckDB's errors into one-line StoreErrors naming the file and the action."""
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"cannot {action} in store {self.path}: {_reason(exc)}") from exc


def _check_events(doc: Document, events: list[Event]) -> None:
    """Refuse events that would break what foreign and primary keys would have guaranteed."""
    seen: set[str] = set()
    for event in events:
        if event.doc_id != doc.id:
            raise StoreError(
                f"event {event.id} belongs to document {event.doc_id!r}, not {doc.id!r}"
            )
        if event.id in seen:
            raise StoreError(
                f"document {doc.id!r} has two {event.event} events with evidence"
                f" {event.evidence.start}-{event.evidence.end}; merge them before saving"
            )
        seen.add(event.id)


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to the file at `path`, or the `StoreError` that says why not: a
    `StoreLocked` naming the process that holds it, when one does."""
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path), read_only=read_only)
    except (OSError, duckdb.Error) as exc:
        pid = lock_holder(str(exc))
        if pid is None:
            raise StoreError(f"cannot open store {path}: {_reason(exc)}") from exc
        raise StoreLocked(
            f"{path} is in use by {describe(pid)}, and DuckDB lets one process at a time "
            f"write a store; wait until it ends, or start `parley serve --db {path}` first "
            "and run ingest and queries while it runs: they go through it",
            pid,
        ) from exc


def _reason(exc: BaseException) -> str:
    """The first line of an error's message: DuckDB's can run to several."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
