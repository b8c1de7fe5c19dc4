"""A document the pipeline cannot code fails alone: the documents around it are still stored.

A failure is injected (`faulty`) after the real pipeline has already taken in the documents
that follow (it parses in batches), and again when that one document is coded alone, so the
test holds the retry that codes the batch's other documents one by one. A document over the
parser's own limit is a real failure: the parser refuses it, and the whole batch with it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from parley.batch import ingest
from parley.models import Document
from parley.pipeline import Pipeline
from parley.store import EventFilter, Store


@pytest.fixture(scope="module")
def pipeline(real_pipeline: Pipeline) -> Pipeline:
    return real_pipeline


def test_pipeline_failure_skips_one_document(
    pipeline: Pipeline, faulty: Callable[..., Pipeline], tmp_path: Path
) -> None:
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
            faulty(pipeline, "doc-03"),
            on_outcome=lambda outcome: seen.append(outcome.id),
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

    def broken(paths: Iterable[Path], **options: object) -> Iterator[Document]:
        yield Document(id="first", text="Japan and Australia held talks on Friday.")
        raise OSError("disk gone")

    monkeypatch.setattr("parley.batch.read_documents", broken)
    with Store.open(tmp_path / "s.duckdb") as store, pytest.raises(OSError, match="disk gone"):
        ingest([tmp_path], store, pipeline)


def test_a_document_over_the_parsers_limit_is_coded_in_parts(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20 good documents and one over the parser's limit (here lowered to 5,000 characters,
    as 1,000,000 is by default): all 21 are stored, the long one coded in parts."""
    monkeypatch.setattr(pipeline.nlp, "max_length", 5_000)
    story = "Japan and Australia will hold talks in Canberra on Friday, officials said.\n\n"
    records = [
        {"id": f"good-{n:02d}", "text": story.replace("Friday", f"day {n}")} for n in range(20)
    ]
    long_text = "".join(
        f"Police arrested {n} protesters in Hong Kong on Thursday, officials said.\n\n"
        for n in range(90)
    )
    assert len(long_text) > 6_000
    records.insert(7, {"id": "long", "text": long_text})
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps({**r, "published": "2023-03-14"}) + "\n" for r in records))

    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest([corpus], store, pipeline)
        assert (summary.new, summary.failed) == (21, 0), summary.problems
        long_events = store.query_events(EventFilter(doc_id="long"))
        # parts are under half the parser's limit: events from the second part on start later
        assert max(e.evidence.start for e in long_events) > 2_500
        for event in long_events:
            assert long_text[event.evidence.start : event.evidence.end].strip()
