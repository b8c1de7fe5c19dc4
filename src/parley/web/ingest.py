"""Coding documents posted to the API: the pipeline loads on the first POST, not at start.

Loading spaCy and the dictionaries takes seconds and most servers only ever read, so the
pipeline is built lazily, once per app. A `Pipeline` is not thread-safe, and two requests
saving one document at once would race, so ingests run one at a time under a lock.
"""

from __future__ import annotations

import threading
from pathlib import Path

from parley import __version__
from parley.errors import StoreError
from parley.ingest import publication
from parley.models import Document
from parley.pipeline import Pipeline
from parley.store import Store
from parley.web.schemas import DocumentIn, IngestedPublic, IngestPublic


class Ingestor:
    """Codes and stores posted documents with the pipeline of `dictionaries`."""

    def __init__(self, dictionaries: Path | None = None) -> None:
        self._dictionaries = dictionaries
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def ingest(self, store: Store, posted: list[DocumentIn]) -> IngestPublic:
        """Store each document with its events as one run, as `parley ingest` would; unchanged
        documents are not coded again, and one that cannot be stored fails alone."""
        documents = [_document(item) for item in posted]
        with self._lock:
            pipeline = self._loaded()
            run_id = store.start_run(__version__, pipeline.model, pipeline.dictionary_hash)
            results: dict[str, IngestedPublic] = {}
            fresh = []
            for doc in documents:
                if store.document_status(doc) == "unchanged":
                    results[doc.id] = IngestedPublic(id=doc.id, outcome="unchanged", events=None)
                else:
                    fresh.append(doc)
            for doc, events in pipeline.extract_many(fresh):
                try:
                    outcome = store.save_document(doc, events, run_id)
                except StoreError as error:
                    results[doc.id] = IngestedPublic(
                        id=doc.id, outcome="failed", events=None, problem=error.message
                    )
                    continue
                results[doc.id] = IngestedPublic(
                    id=doc.id, outcome="new" if outcome == "new" else "updated", events=len(events)
                )
            stored = sum(r.events or 0 for r in results.values())
            saved = sum(r.outcome != "failed" for r in results.values())
            store.finish_run(run_id, saved, stored)
        return IngestPublic(documents=[results[doc.id] for doc in documents], events=stored)

    def _loaded(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self._dictionaries)
        return self._pipeline


def _document(item: DocumentIn) -> Document:
    """A `Document` whose publication date is the given one, else the text's date line."""
    published, source = publication(item.text, given=item.published)
    return Document(
        id=item.id,
        text=item.text,
        published=published,
        published_source=source,
        title=item.title,
        url=item.url,
        source=item.source,
    )
