"""A text search (`q`) finds what a case-insensitive LIKE on the evidence text finds, in any
script, and every writer keeps `events.search_text` (migration 6) the lower-cased text it
searches: a save, a replacement, a Parquet load, and the migration itself.

The oracle is the search as it was before the column: `text ILIKE '%q%' ESCAPE '\\'`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from old_stores import write_store

from parley.models import Document, Event, Evidence
from parley.store import EventFilter, Store
from parley.store.filters import escape_like
from parley.store.partitions import PartitionStore

TEXTS = [
    "Erdoğan met İstanbul's mayor on Tuesday.",
    "ÉMEUTES À PARIS : la police a chargé.",
    "Die Straße in MÜNCHEN wurde gesperrt.",
    "Η ΟΔΟΣ ΑΘΗΝΩΝ έκλεισε για τις διαδηλώσεις.",
    "Москва ОСУДИЛА удар по Киеву.",
    "The ØRESUND bridge was closed; Ærø was not.",
    "A 50% cut_in tariffs, said the MISSILE maker.",
    "Protesters wrote back\\slash on the Missile Test site.",
]
QUERIES = [
    "istanbul", "İSTANBUL", "erdoğan", "ERDOĞAN", "émeutes", "à paris", "À PARIS", "straße",
    "STRASSE", "münchen", "MÜNCHEN", "οδος", "ΟΔΟΣ", "αθηνων", "Москва", "осудила",
    "øresund", "ærø", "ÆRØ", "50%", "%", "cut_in", "_", "\\", "back\\slash", "missile",
    "Missile Test", "nothing like it",
]  # fmt: skip
_ORACLE = "SELECT event_id FROM events WHERE text ILIKE ? ESCAPE '\\' ORDER BY 1"
_STALE = "SELECT count(*) FROM events WHERE search_text IS DISTINCT FROM lower(text)"


def _corpus() -> list[tuple[Document, list[Event]]]:
    """One document and one event per text."""
    return [
        (
            Document(id=f"doc-{n}", text=text, published=date(2024, 3, 1)),
            [_event(f"doc-{n}", text)],
        )
        for n, text in enumerate(TEXTS)
    ]


def _event(doc_id: str, text: str) -> Event:
    return Event(
        doc_id=doc_id,
        event="PROTEST",
        status="occurred",
        text=text,
        evidence=Evidence(0, len(text)),
    )


def _saved(path: Path) -> Path:
    with Store.open(path) as store:
        for document, events in _corpus():
            store.save_document(document, events, "run-1")
    return path


def _stale(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as conn:
        row = conn.execute(_STALE).fetchone()
    return row[0] if row else -1


@pytest.mark.parametrize("q", QUERIES)
def test_a_search_finds_what_a_case_insensitive_like_finds(tmp_path: Path, q: str) -> None:
    path = _saved(tmp_path / "store.duckdb")
    with duckdb.connect(str(path), read_only=True) as conn:
        expected = [row[0] for row in conn.execute(_ORACLE, [f"%{escape_like(q)}%"]).fetchall()]
    with Store.open(path, read_only=True) as store:
        found = sorted(event.id for event in store.query_events(EventFilter(q=q)))
        page = store.events_page(EventFilter(q=q, limit=3))
    assert found == expected
    assert page.total == len(expected)


def test_the_usual_letters_match_in_either_case(tmp_path: Path) -> None:
    """Not only the same as before: the searches an analyst expects to work do."""
    path = _saved(tmp_path / "store.duckdb")
    with Store.open(path, read_only=True) as store:
        for q in ("İSTANBUL", "émeutes", "münchen", "αθηνων", "москва", "ÆRØ", "50%", "cut_in"):
            assert store.count_events(EventFilter(q=q)) == 1, q


def test_a_saved_or_replaced_document_keeps_its_search_text(tmp_path: Path) -> None:
    path = _saved(tmp_path / "store.duckdb")
    assert _stale(path) == 0
    document = Document(id="doc-0", text="SANCTIONS on Ankara", published=date(2024, 3, 2))
    with Store.open(path) as store:
        outcome = store.save_document(document, [_event("doc-0", document.text)], "run-2")
        assert outcome == "updated"
        assert store.count_events(EventFilter(q="sanctions")) == 1
        assert store.count_events(EventFilter(q="istanbul")) == 0
    assert _stale(path) == 0


def test_loaded_partitions_bring_their_search_text(tmp_path: Path) -> None:
    writer = PartitionStore(tmp_path / "parts")
    run = writer.start_run("test", "model", "hash")
    for document, events in _corpus():
        writer.save_document(document, events, run)
    writer.close()
    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        store.load_partitions(tmp_path / "parts")
        assert store.count_events(EventFilter(q="MÜNCHEN")) == 1
    assert _stale(path) == 0


def test_a_store_written_before_migration_6_gets_its_search_text(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    write_store(path, 4, _corpus())

    with Store.open(path) as store:
        assert store.count_events(EventFilter(q="ΟΔΟΣ")) == 1
    assert _stale(path) == 0
