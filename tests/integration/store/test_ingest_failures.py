"""A document the pipeline cannot code fails alone: the documents after it are still stored.

The failure is injected by a wrapper around the real pipeline, after the real pipeline has
already taken in the documents that follow (it parses in batches), so the test holds the
restart that hands those documents back to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from parley.batch import ingest
from parley.models import Document, Event
from parley.pipeline import Pipeline
from parley.store import Store


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


class _Exploding:
    """The real pipeline, except that coding document `bad` raises as a bug would."""

    def __init__(self, real: Pipeline, bad: str) -> None:
        self.model = real.model
        self.dictionary_hash = real.dictionary_hash
        self._real = real
        self._bad = bad

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)  # everything else is the real pipeline's

    def extract_many(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        for document, events in self._real.extract_many(documents):
            if document.id == self._bad:
                raise RecursionError("maximum recursion depth exceeded")
            yield document, events


def test_pipeline_failure_skips_one_document(pipeline: Pipeline, tmp_path: Path) -> None:
    texts = [
        f"Japan and Australia will hold talks in Canberra on day {n}. Police arrested "
        f"{n} protesters in Hong Kong on Thursday."
        for n in range(40)
    ]
    lines = [
        json.dumps({"id": f"doc-{n:02d}", "published": "2023-03-14", "text": text})
        for n, text in enumerate(texts)
    ]
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[str] = []

    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest(
            [corpus],
            store,
            _Exploding(pipeline, bad="doc-03"),  # type: ignore[arg-type]
            on_document=lambda item: seen.append(getattr(item, "id", str(item))),
        )
        assert (summary.new, summary.failed) == (39, 1)
        assert len(summary.problems) == 1
        assert "doc-03" in summary.problems[0] and "RecursionError" in summary.problems[0]
        assert store.get_document("doc-03") is None
        assert all(store.get_document(f"doc-{n:02d}") for n in range(40) if n != 3)

    assert len(seen) == 40


def test_errors_of_the_input_end_the_run(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error outside coding is not blamed on a document: it ends the run, loudly."""

    def broken(paths: Iterable[Path]) -> Iterator[Document]:
        yield Document(id="first", text="Japan and Australia held talks on Friday.")
        raise OSError("disk gone")

    monkeypatch.setattr("parley.batch.read_documents", broken)
    with Store.open(tmp_path / "s.duckdb") as store, pytest.raises(OSError, match="disk gone"):
        ingest([tmp_path], store, pipeline)
