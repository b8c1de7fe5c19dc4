"""Syndicated copies are stored and linked to their original, never coded twice.

Articles written here, coded with the real pipeline into a DuckDB file per test.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from parley.batch import IngestSummary, ingest
from parley.duplicates import THRESHOLD
from parley.pipeline import Pipeline
from parley.store import EventFilter, Store

ORIGINAL = """GENEVA (Wire) -- Iran and the European Union agreed on Tuesday to resume talks on \
Tehran's nuclear programme next month, after a day of meetings in Geneva that both sides \
described as constructive.

The EU foreign policy chief said the negotiators had settled the agenda and the format of the \
talks, which will take place in Vienna and include the three European powers that signed the \
2015 agreement. Iran's deputy foreign minister told reporters that his government wanted the \
sanctions imposed by the United States lifted before it would accept new limits on enrichment.

Diplomats said the most difficult questions, including the inspection of undeclared sites by \
the International Atomic Energy Agency, had been left for later rounds. Israel criticised the \
decision to resume the talks and warned that it would not be bound by any agreement.

Oil prices fell slightly after the announcement, as traders weighed the chance that Iranian \
crude could return to world markets within a year. Analysts cautioned that earlier rounds had \
collapsed over the same issues and that a deal was far from certain.
"""

# The same story as a client paper printed it: its own dateline style, one phrase changed, a
# copyright line added.
COPY = (
    ORIGINAL.replace("GENEVA (Wire) -- ", "GENEVA -- ").replace("fell slightly", "edged lower")
    + "\nCopyright 2022 The Daily Courier.\n"
)

# Same subject, same parties, a different article.
DIFFERENT = """VIENNA (Wire) -- The International Atomic Energy Agency said on Wednesday that \
Iran had expanded its stockpile of enriched uranium, a week before negotiators from Iran and \
the European Union were due to meet in Vienna.

In a confidential report seen by reporters, the agency said its inspectors had been denied \
access to two sites. Iran's atomic energy organisation rejected the report as politically \
motivated and accused the agency of bowing to pressure from Israel.

The United States urged Tehran to cooperate fully with the inspectors, and the three European \
powers said the findings were deeply concerning.
"""


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _corpus(folder: Path, name: str, **texts: str) -> Path:
    """A JSONL file of documents `id=text`, all published on one day."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": doc_id, "published": "2022-06-07", "text": text})
        for doc_id, text in texts.items()
    ]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ingest(store_path: Path, corpus: Path, pipeline: Pipeline) -> IngestSummary:
    with Store.open(store_path) as store:
        return ingest([corpus], store, pipeline)


def _doc_ids(store: Store) -> list[str]:
    return sorted({event.doc_id for event in store.query_events(EventFilter())})


def test_copy_in_the_same_run_is_linked_not_coded(pipeline: Pipeline, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "a.jsonl", wire=ORIGINAL, courier=COPY, vienna=DIFFERENT)
    summary = _ingest(tmp_path / "s.duckdb", corpus, pipeline)
    assert (summary.new, summary.duplicates, summary.failed) == (2, 1, 0)
    assert summary.documents == 3
    assert summary.links.near_duplicates == 1

    with Store.open(tmp_path / "s.duckdb") as store:
        link = store.duplicate_of("courier")
        assert link is not None and link[0] == "wire" and THRESHOLD <= link[1] < 1.0
        assert store.duplicate_of("vienna") is None
        assert store.duplicate_of("wire") is None
        assert store.get_document("courier") is not None, "the copy itself is kept"
        assert _doc_ids(store) == ["vienna", "wire"]
        assert store.counts()["events"] == summary.events


def test_rerun_changes_nothing(pipeline: Pipeline, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "a.jsonl", wire=ORIGINAL, courier=COPY, vienna=DIFFERENT)
    first = _ingest(tmp_path / "s.duckdb", corpus, pipeline)
    with Store.open(tmp_path / "s.duckdb") as store:
        before = (store.counts(), store.link_counts(), _doc_ids(store))

    again = _ingest(tmp_path / "s.duckdb", corpus, pipeline)
    assert (again.new, again.updated, again.unchanged, again.duplicates) == (0, 0, 3, 0)
    assert again.documents == first.documents
    with Store.open(tmp_path / "s.duckdb") as store:
        runs = before[0]["runs"] + 1
        assert (store.counts(), store.link_counts(), _doc_ids(store)) == (
            {**before[0], "runs": runs},
            before[1],
            before[2],
        )


def test_copy_in_a_later_run_is_found_through_the_store(pipeline: Pipeline, tmp_path: Path) -> None:
    store_path = tmp_path / "s.duckdb"
    _ingest(store_path, _corpus(tmp_path, "first.jsonl", wire=ORIGINAL), pipeline)
    later = _ingest(store_path, _corpus(tmp_path, "later.jsonl", courier=COPY), pipeline)
    assert (later.new, later.duplicates, later.events) == (0, 1, 0)
    with Store.open(store_path) as store:
        assert store.duplicate_of("courier") is not None


def test_store_without_signatures_gets_them(pipeline: Pipeline, tmp_path: Path) -> None:
    """A store written before signatures were kept: the originals are signed on the next run."""
    store_path = tmp_path / "s.duckdb"
    _ingest(store_path, _corpus(tmp_path, "first.jsonl", wire=ORIGINAL), pipeline)
    conn = duckdb.connect(str(store_path))
    try:
        conn.execute("DELETE FROM doc_minhash")
    finally:
        conn.close()
    later = _ingest(store_path, _corpus(tmp_path, "later.jsonl", courier=COPY), pipeline)
    assert later.duplicates == 1


def test_copy_rewritten_into_its_own_story_is_coded(pipeline: Pipeline, tmp_path: Path) -> None:
    store_path = tmp_path / "s.duckdb"
    _ingest(store_path, _corpus(tmp_path, "a.jsonl", wire=ORIGINAL, courier=COPY), pipeline)
    rewritten = _ingest(store_path, _corpus(tmp_path, "b.jsonl", courier=DIFFERENT), pipeline)
    assert (rewritten.updated, rewritten.duplicates) == (1, 0)
    assert rewritten.events > 0
    with Store.open(store_path) as store:
        assert store.duplicate_of("courier") is None
        assert _doc_ids(store) == ["courier", "wire"]
        assert store.link_counts().near_duplicates == 0
