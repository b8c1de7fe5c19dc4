"""Coded documents as Parquet partitions: written by `parley ingest --out DIR`, brought into a
store by `parley load DIR --db FILE`, and queried where they lie by DuckDB.

The partitions have the store's own schema, one folder per table (the columns are those of
`parley.store.schema`, documented in the README):

    DIR/documents/part-RUN-00000.parquet      one row per document, with its text
    DIR/events/part-RUN-00000.parquet         one row per event, `record` the full JSON
    DIR/event_parties/part-RUN-00000.parquet  one row per actor or recipient of an event
    DIR/doc_minhash/part-RUN-00000.parquet    each document's MinHash signature
    DIR/document_links/part-RUN-00000.parquet near-duplicates and their originals
    DIR/runs/part-RUN.parquet                 the run: Parley version, model, dictionaries

A `PartitionStore` is a store in memory that the one writer fills as it would fill a file;
every `FLUSH_DOCUMENTS` documents its tables are written out as the next part and emptied,
so memory stays flat however large the input. A document and its events are always in the
same part. Parts of several runs can share a folder (each file name carries its run).

Loading keeps the store's promises: a document the store has with the same content is left
as it is, a changed one is replaced with all its events, and when a folder holds the same
document twice the last part wins. Near-duplicates are found within an `--out` run, not
against a store it never saw; cross-document links are made after the load, over the whole
store.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from parley.models import Document, Event
from parley.store.links import Signature
from parley.store.parquet import DOCUMENT_TABLES, empty_derived, write_part
from parley.store.schema import migrate
from parley.store.store import SaveOutcome, Store

FLUSH_DOCUMENTS = 1_000
"""Documents per part: a few megabytes of text and events in memory at most."""


class PartitionStore(Store):
    """A store in memory whose documents go to Parquet parts under `folder`; `close` writes
    the last part and the run."""

    def __init__(self, folder: Path, every: int = FLUSH_DOCUMENTS) -> None:
        conn = duckdb.connect(":memory:")
        migrate(conn)
        super().__init__(conn, folder)
        self._every = every
        self._unwritten = 0
        self._parts = 0
        self._run_id: str | None = None
        self._closed = False
        for table in (*DOCUMENT_TABLES, "runs"):
            (folder / table).mkdir(parents=True, exist_ok=True)

    def start_run(self, parley_version: str, model: str, dictionary_hash: str) -> str:
        self._run_id = super().start_run(parley_version, model, dictionary_hash)
        return self._run_id

    def save_document(
        self, doc: Document, events: list[Event], run_id: str, signature: Signature | None = None
    ) -> SaveOutcome:
        outcome = super().save_document(doc, events, run_id, signature)
        self._saved()
        return outcome

    def save_duplicate(
        self, doc: Document, duplicate_of: str, similarity: float, run_id: str, signature: Signature
    ) -> SaveOutcome:
        outcome = super().save_duplicate(doc, duplicate_of, similarity, run_id, signature)
        self._saved()
        return outcome

    def close(self) -> None:
        """Write what is left, and the run, then let the memory go; closing twice is
        harmless."""
        if self._closed:
            return
        self._closed = True
        try:
            with self._errors(f"write Parquet partitions to {self.path}"):
                self._flush()
                if self._run_id is not None:
                    run = self.path / "runs" / f"part-{self._run_id}.parquet"
                    write_part(self._conn, "runs", run, empty=False)
        finally:
            super().close()

    def _saved(self) -> None:
        self._unwritten += 1
        if self._unwritten >= self._every:
            with self._errors(f"write Parquet partitions to {self.path}"):
                self._flush()

    def _flush(self) -> None:
        if not self._unwritten:
            return
        name = f"part-{self._run_id}-{self._parts:05d}.parquet"
        for table in DOCUMENT_TABLES:
            write_part(self._conn, table, self.path / table / name, empty=True)
        empty_derived(self._conn)
        self._parts += 1
        self._unwritten = 0
