"""`party_roles.directed` (migration 6) says whether an event has a recipient party, whoever
wrote the event; the network reads it to link a meeting's actors pairwise and a directed
event's actors to its recipients."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
from old_stores import write_store

from parley.models import Document, Entity, Event, Evidence
from parley.store import EventFilter, Store
from parley.store.analytics import Dyad
from parley.store.partitions import PartitionStore

TEXT = "Turkey warned Greece. Iran and Iraq met. Syria told protesters to leave."
_DIRECTED = """
SELECT e.event, bool_and(r.directed), bool_or(r.directed)
FROM party_roles r JOIN events e ON e.event_key = r.event_key
GROUP BY 1 ORDER BY 1
"""
EXPECTED = [("COERCE", False, False), ("CONSULT", False, False), ("THREATEN", True, True)]
"""Turkey warned Greece: directed. Iran and Iraq met: no recipients. Syria told protesters
to leave: a recipient, but no party (no country, no organisation)."""


def _document() -> Document:
    return Document(id="wire-1", text=TEXT, published=date(2023, 5, 1))


def _events() -> list[Event]:
    def event(kind: str, quad: int, actor: list[Entity], recipient: list[Entity]) -> Event:
        start = TEXT.index(actor[0].text)
        return Event(
            doc_id="wire-1",
            event=kind,
            status="occurred",
            text=TEXT,
            evidence=Evidence(start, start + 10),
            actor=actor,
            recipient=recipient,
            quad_code=quad,
        )

    return [
        event("THREATEN", 3, [Entity("Turkey", country="TUR")], [Entity("Greece", country="GRC")]),
        event("CONSULT", 1, [Entity("Iran", country="IRN"), Entity("Iraq", country="IRQ")], []),
        event("COERCE", 4, [Entity("Syria", country="SYR")], [Entity("protesters", sector="CVL")]),
    ]


def _directed(path: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as conn:
        return conn.execute(_DIRECTED).fetchall()


def test_a_saved_event_says_whether_it_has_a_recipient_party(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        store.save_document(_document(), _events(), "run-1")
        dyads = store.network(EventFilter(), limit=10).dyads
    assert _directed(path) == EXPECTED
    assert sorted(dyads, key=lambda d: d.source) == [
        Dyad("IRN", "IRQ", False, 1, 0),
        Dyad("TUR", "GRC", True, 1, 1),
    ]


def test_loaded_partitions_say_it_too(tmp_path: Path) -> None:
    writer = PartitionStore(tmp_path / "parts")
    writer.save_document(_document(), _events(), writer.start_run("test", "model", "hash"))
    writer.close()
    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        store.load_partitions(tmp_path / "parts")
    assert _directed(path) == EXPECTED


def test_a_store_written_before_migration_6_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    write_store(path, 4, [(_document(), _events())])
    Store.open(path).close()
    assert _directed(path) == EXPECTED
