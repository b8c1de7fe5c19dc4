"""Coding a stream of documents into the store: the library side of `parley ingest`.

Documents flow one at a time from the readers through the near-duplicate check and the
pipeline into the store, each saved in its own transaction, so memory does not grow with the
input and a crash loses at most the document in hand. A document the pipeline cannot code is
reported and skipped like a bad line of input; the rest of the run goes on. Cross-document
resolution and the people registry are rebuilt once at the end, over the whole store.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from parley import __version__
from parley.duplicates import NearDuplicates, signature, to_stored
from parley.errors import StoreError
from parley.ingest import ReadProblem, read_documents
from parley.models import Document, Event
from parley.pipeline import Pipeline
from parley.resolve import resolve_store
from parley.store import LinkCounts, Signature, Store

OnDocument = Callable[[Document | ReadProblem], None]


@dataclass
class IngestSummary:
    """What one ingest run did, for the closing lines and for scripts.

    `duplicates` are documents stored this run as near-duplicates of another (linked, not
    coded); a rerun counts them as `unchanged`. `links` is the state of the whole store after
    the run's resolution; `link_seconds` is what resolution and the people registry took.
    """

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    undated: int = 0
    seconds: float = 0.0
    link_seconds: float = 0.0
    links: LinkCounts = field(default_factory=lambda: LinkCounts(0, 0, 0))
    problems: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.unchanged + self.duplicates


def ingest(
    paths: Iterable[Path],
    store: Store,
    pipeline: Pipeline,
    on_document: OnDocument = lambda _: None,
) -> IngestSummary:
    """Read, code and store every document under `paths`, then link events across documents.

    Unchanged documents are skipped before parsing, so re-running a folder costs only the
    reading; near-duplicates of a stored or earlier document are stored with a link and not
    coded.
    """
    started = time.perf_counter()
    run_id = store.start_run(__version__, pipeline.model, pipeline.dictionary_hash)
    run = _Run(store, NearDuplicates.from_store(store), run_id, on_document)
    for person in store.people():  # a bare 'Blinken' resolves through earlier documents
        pipeline.remember(person.name, person.country, person.org, person.sector, person.title)
    for document, events, stored in run.coded(pipeline, _Guarded(run.to_code(paths))):
        run.save(document, events, stored)
        pipeline.remember_events(events)
    summary = run.summary
    linking = time.perf_counter()
    resolve_store(store)
    store.refresh_people()
    summary.links = store.link_counts()
    summary.link_seconds = time.perf_counter() - linking
    store.finish_run(run_id, summary.documents, summary.events)
    summary.seconds = time.perf_counter() - started
    return summary


class _Run:
    """The state of one ingest run, shared by its reading, coding and saving steps."""

    def __init__(
        self, store: Store, originals: NearDuplicates, run_id: str, on_document: OnDocument
    ) -> None:
        self.store = store
        self.originals = originals
        self.run_id = run_id
        self.on_document = on_document
        self.summary = IngestSummary()
        # The documents inside the pipeline with their signatures, in the order it yields.
        self.pending: deque[tuple[Document, Signature]] = deque()

    def to_code(self, paths: Iterable[Path]) -> Iterator[Document]:
        """The documents that need coding: unchanged ones are counted and skipped,
        near-duplicates stored with their link here; the rest are indexed as originals."""
        for item in read_documents(paths):
            if isinstance(item, ReadProblem):
                self.fail(item)
            elif self.store.document_status(item) == "unchanged":
                self.summary.unchanged += 1
                self.on_document(item)
            else:
                minhash = signature(item.text)
                original = self.originals.original_of(item.id, minhash)
                if original is None:
                    self.originals.add(item.id, minhash)
                    self.pending.append((item, to_stored(minhash)))
                    if item.published is None:
                        self.summary.undated += 1
                    yield item
                else:
                    self.save_duplicate(item, original, to_stored(minhash))

    def coded(
        self, pipeline: Pipeline, documents: Iterator[Document]
    ) -> Iterator[tuple[Document, list[Event], Signature]]:
        """Each document with its events and signature. When the pipeline fails on a document,
        that one is reported and the pipeline restarts on the documents it had already taken
        in after it, then on the rest of `documents`."""
        while True:
            try:
                for document, events in pipeline.extract_many(documents):
                    yield document, events, self.pending.popleft()[1]
                return
            except _InputError as error:
                raise error.__cause__ or error from None
            except Exception as error:
                if not self.pending:
                    raise
                failed, _ = self.pending.popleft()
                self.originals.discard(failed.id)
                reason = f"not coded: {type(error).__name__}: {error}"
                self.fail(ReadProblem(failed.id, None, reason))
                documents = chain([document for document, _ in self.pending], documents)

    def save(self, document: Document, events: list[Event], stored: Signature) -> None:
        try:
            outcome = self.store.save_document(document, events, self.run_id, stored)
        except StoreError as error:
            self.originals.discard(document.id)
            self.fail(ReadProblem(document.id, None, f"not stored: {error}"))
            return
        if outcome == "unchanged":  # the same document given twice in one run
            self.summary.unchanged += 1
        else:
            self.summary.events += len(events)
            if outcome == "new":
                self.summary.new += 1
            else:
                self.summary.updated += 1
        self.on_document(document)

    def save_duplicate(
        self, document: Document, original: tuple[str, float], stored: Signature
    ) -> None:
        duplicate_of, similarity = original
        try:
            self.store.save_duplicate(document, duplicate_of, similarity, self.run_id, stored)
        except StoreError as error:
            self.fail(ReadProblem(document.id, None, f"not stored: {error}"))
            return
        self.summary.duplicates += 1
        self.on_document(document)

    def fail(self, problem: ReadProblem) -> None:
        self.summary.failed += 1
        self.summary.problems.append(str(problem))
        self.on_document(problem)


class _InputError(Exception):
    """An error raised while reading input or storing copies, not while coding a document:
    it ends the run, since blaming a document for it could hide the rest of the input."""


class _Guarded(Iterator[Document]):
    """`documents` with its own errors wrapped in `_InputError`, so that `_Run.coded` can tell
    them from the pipeline's."""

    def __init__(self, documents: Iterator[Document]) -> None:
        self._documents = documents

    def __next__(self) -> Document:
        try:
            return next(self._documents)
        except StopIteration:
            raise
        except Exception as error:
            raise _InputError(str(error)) from error
