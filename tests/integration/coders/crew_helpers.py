"""What the crews' tests share (importable by a worker process, unlike a conftest).

- A real pipeline whose worker process dies on marked documents, as one killed by the
  kernel would, for the retry tests.
- Documents: the demo corpus, the first MUC reports, and a person introduced in one
  document and named by surname alone in another, far enough apart that a learning lag of
  32 (two tasks in flight) lets the second learn from the first.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from importlib import resources
from itertools import islice
from pathlib import Path

from parley.ingest import ReadProblem, read_documents
from parley.models import Document, Event
from parley.pipeline import Pipeline, Prepare
from parley.store import EventFilter, Store

ONCE = "dies-once"
ALWAYS = "dies-always"
MUC = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "muc34" / "muc34_docs.jsonl"
LAG = 32

INTRODUCED = Document(
    "introduced",
    "Norwegian envoy Ingrid Halvorsrud met Colombian officials in Bogota on Monday.",
    date(2023, 3, 13),
)
NAMED = Document(
    "named", "Halvorsrud met Venezuelan officials in Caracas on Friday.", date(2023, 3, 17)
)


def documents() -> list[Document]:
    """46 documents: the introduction first, the bare surname 36 documents later."""
    demo = Path(str(resources.files("parley.data").joinpath("demo", "demo.jsonl")))
    fillers = _read(demo, 14) + _read(MUC, 30)
    return [INTRODUCED, *fillers[:35], NAMED, *fillers[35:]]


def stored_events(store: Store) -> list[str]:
    """Every event of `store`, in the store's order, as sorted JSON: equal lists mean equal
    events, field for field."""
    everything = EventFilter(limit=1_000_000)
    return [json.dumps(e.to_dict(), sort_keys=True) for e in store.query_events(everything)]


def _read(path: Path, count: int) -> list[Document]:
    items = (item for item in read_documents([path]) if not isinstance(item, ReadProblem))
    return list(islice(items, count))


class Dying(Pipeline):
    """The real pipeline, except that coding `ONCE` ends the process the first time (the
    marker file says it happened) and coding `ALWAYS` ends it every time."""

    def __init__(self, real: Pipeline, marker: Path) -> None:
        self._real = real
        self._marker = marker

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    def extract_many(
        self, documents: Iterable[Document], prepare: Prepare | None = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        for document, events in self._real.extract_many(documents, prepare):
            self._check(document)
            yield document, events

    def extract(self, document: Document) -> list[Event]:
        self._check(document)
        return self._real.extract(document)

    def _check(self, document: Document) -> None:
        if document.id == ALWAYS or (document.id == ONCE and not self._marker.exists()):
            self._marker.touch()
            os._exit(3)


def dying_pipeline(dictionaries: Path | None, marker: Path) -> Pipeline:
    """A worker's pipeline factory: `functools.partial(dying_pipeline, marker=...)`."""
    return Dying(Pipeline(dictionaries), marker)
