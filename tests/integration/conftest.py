"""What the integration tests share: one real pipeline, and the same pipeline with a fault.

A fault is injected only where no real input is known to make the pipeline raise (the
`RecursionError` of three newspaper articles is fixed, and a long text is now coded in
parts): `faulty(pipeline, "doc-3")` raises in coding document "doc-3", alone or in a
batch, as a bug would, and codes every other document with the real pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from parley.events.trace import Trace
from parley.models import Document, Event
from parley.pipeline import Pipeline, Prepare


@pytest.fixture(scope="session")
def real_pipeline() -> Pipeline:
    return Pipeline()


class Faulty(Pipeline):
    """The real pipeline, except that coding any of `bad` raises as a bug would (a
    `Pipeline` to whoever asks, without building one of its own)."""

    def __init__(self, real: Pipeline, bad: set[str]) -> None:
        self._real = real
        self._bad = bad

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)  # everything else is the real pipeline's

    def extract_many(
        self, documents: Iterable[Document], prepare: Prepare | None = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        for document, events in self._real.extract_many(documents, prepare):
            self._check(document)
            yield document, events

    def extract(self, document: Document) -> list[Event]:
        self._check(document)
        return self._real.extract(document)

    def explain(self, document: Document) -> tuple[list[Event], Trace]:
        self._check(document)
        return self._real.explain(document)

    def _check(self, document: Document) -> None:
        if document.id in self._bad:
            raise RecursionError("maximum recursion depth exceeded")


@pytest.fixture(scope="session")
def faulty() -> Callable[..., Pipeline]:
    def make(real: Pipeline, *bad: str) -> Pipeline:
        return Faulty(real, set(bad))

    return make
