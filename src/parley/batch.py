"""Coding a stream of documents into the store: the library side of `parley ingest`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parley import __version__
from parley.errors import StoreError
from parley.ingest import ReadProblem, read_documents
from parley.models import Document
from parley.pipeline import Pipeline
from parley.store import Store


@dataclass
class IngestSummary:
    """What one ingest run did, for the closing line and for scripts."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    undated: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.unchanged


def ingest(
    paths: Iterable[Path],
    store: Store,
    pipeline: Pipeline,
    on_document: Callable[[Document | ReadProblem], None] = lambda _: None,
) -> IngestSummary:
    """Read, code and store every document under `paths`; unchanged documents are skipped
    before parsing, so re-running a folder costs only the reading."""
    summary = IngestSummary()
    started = time.perf_counter()
    run_id = store.start_run(__version__, pipeline.model, pipeline.dictionary_hash)
    for document, events in pipeline.extract_many(_to_code(paths, store, summary, on_document)):
        try:
            outcome = store.save_document(document, events, run_id)
        except StoreError as error:
            problem = ReadProblem(document.id, None, f"not stored: {error.message}")
            summary.failed += 1
            summary.problems.append(str(problem))
            on_document(problem)
            continue
        if outcome == "new":
            summary.new += 1
        else:
            summary.updated += 1
        summary.events += len(events)
        on_document(document)
    store.finish_run(run_id, summary.documents, summary.events)
    summary.seconds = time.perf_counter() - started
    return summary


def _to_code(
    paths: Iterable[Path],
    store: Store,
    summary: IngestSummary,
    on_document: Callable[[Document | ReadProblem], None],
) -> Iterator[Document]:
    for item in read_documents(paths):
        if isinstance(item, ReadProblem):
            summary.failed += 1
            summary.problems.append(str(item))
            on_document(item)
        elif store.document_status(item) == "unchanged":
            summary.unchanged += 1
            on_document(item)
        else:
            if item.published is None:
                summary.undated += 1
            yield item
