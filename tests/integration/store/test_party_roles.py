"""`party_roles` stays what the stored parties derive, whoever writes the events: a save, a
replacement, a Parquet load, or migration 5 on a store written before it.

The oracle is `derive_roles` itself: the rows a store holds are compared with the rows the
same store's `event_parties` derive afresh, keyed by event id (a key is local to its file).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
from old_stores import write_store

from parley.models import Document, Entity, Event, Evidence
from parley.store import EventFilter, Store
from parley.store.parties import derive_roles
from parley.store.partitions import PartitionStore

TEXT = "NATO's Jens Stoltenberg and two US officials told NATO and protesters the UN would act."

_ROLES = """
SELECT e.event_id, r.code, r.in_actors, r.in_recipients, r.actor_party, r.recipient_party,
    r.is_country
FROM party_roles r JOIN events e ON e.event_key = r.event_key
ORDER BY ALL
"""

Roles = list[tuple[object, ...]]


def _document(text: str = TEXT) -> Document:
    return Document(id="wire-1", text=text, published=date(2022, 6, 3), published_source="given")


def _events(text: str = TEXT) -> list[Event]:
    """A party of an organisation with a country, a party named twice, one with no code, an
    organisation on both sides."""
    told = Event(
        doc_id="wire-1",
        event="CONSULT",
        status="occurred",
        text=text,
        evidence=Evidence(0, 40),
        actor=[
            Entity("Jens Stoltenberg", country="NOR", org="NATO", name="Jens Stoltenberg"),
            Entity("US official", country="USA", sector="GOV"),
            Entity("US official", country="USA", sector="GOV"),
        ],
        recipient=[Entity("NATO", org="NATO"), Entity("protesters", sector="CVL")],
    )
    acted = Event(
        doc_id="wire-1",
        event="AID",
        status="planned",
        text=text,
        evidence=Evidence(41, len(text)),
        actor=[Entity("the UN", org="UN")],
        recipient=[Entity("UN envoy", country="USA", org="UN")],
    )
    return [told, acted]


def _roles(path: Path) -> tuple[Roles, Roles]:
    """The store's roles, and the roles its parties derive (found in a transaction that is
    rolled back, so the store keeps its own)."""
    with duckdb.connect(str(path)) as conn:
        kept = conn.execute(_ROLES).fetchall()
        conn.begin()
        conn.execute("DELETE FROM party_roles")
        derive_roles(conn)
        derived = conn.execute(_ROLES).fetchall()
        conn.rollback()
        return kept, derived


def _fresh(path: Path, events: list[Event]) -> Roles:
    """The roles a new store keeps for `events`."""
    with Store.open(path) as store:
        store.save_document(_document(), events, "run-1")
    kept, _ = _roles(path)
    return kept


def test_a_saved_document_keeps_the_roles_its_parties_derive(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    _fresh(path, _events())
    kept, derived = _roles(path)
    told, acted = (event.id for event in _events())
    assert kept == derived
    assert sorted(row for row in kept if row[0] == told) == sorted(
        [
            # NATO is an actor's organisation (the filters match it) but no actor's party.
            (told, "NATO", True, True, False, True, False),
            (told, "NOR", True, False, True, False, True),
            (told, "USA", True, False, True, False, True),
        ]
    )
    assert (acted, "UN", True, True, True, False, False) in kept


def test_filters_match_an_organisation_the_counts_do_not_count(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        store.save_document(_document(), _events(), "run-1")
        everything = EventFilter()
        assert len(store.query_events(EventFilter(actor="NATO"))) == 1
        assert len(store.query_events(EventFilter(between=("NOR", "NATO")))) == 1
        nato = {a.id: a for a in store.actors(everything)}["NATO"]
        assert (nato.events, nato.as_actor, nato.as_recipient) == (1, 0, 1)
        assert store.stored_parties(["NATO", "UN", "FRA"]) == {"NATO", "UN"}


def test_a_replaced_document_leaves_no_roles_behind(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    _fresh(path, _events())
    with duckdb.connect(str(path)) as conn:
        first_keys = {key for (key,) in conn.execute("SELECT event_key FROM events").fetchall()}
    changed = TEXT.replace("two", "three")
    with Store.open(path) as store:
        outcome = store.save_document(_document(changed), _events(changed)[1:], "run-2")
    assert outcome == "updated"

    kept, derived = _roles(path)
    assert kept == derived
    assert {row[0] for row in kept} == {_events(changed)[1].id}
    with duckdb.connect(str(path)) as conn:
        keys = conn.execute("SELECT event_key FROM events").fetchall()
        orphans = conn.execute(
            "SELECT count(*) FROM party_roles WHERE event_key NOT IN (SELECT event_key FROM events)"
        ).fetchone()
    assert orphans == (0,)
    assert not first_keys & {key for (key,) in keys}  # a key is never reused


def test_loaded_partitions_bring_their_roles(tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    writer = PartitionStore(parts)
    run = writer.start_run("test", "model", "hash")
    writer.save_document(_document(), _events(), run)
    writer.close()
    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        store.load_partitions(parts)

    kept, derived = _roles(path)
    assert kept == derived
    assert kept == _fresh(tmp_path / "fresh.duckdb", _events())


def test_a_store_written_before_migration_5_gets_keys_and_roles(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    write_store(path, 4, [(_document(), _events())])

    with Store.open(path) as store:
        counted = store.actors(EventFilter())
        store.save_document(
            Document(id="wire-2", text=TEXT, published=date(2022, 6, 4)),
            [_event_of("wire-2")],
            "run-2",
        )
    with duckdb.connect(str(path)) as conn:
        keys = conn.execute("SELECT count(*), count(DISTINCT event_key) FROM events").fetchone()
    assert keys == (3, 3)
    kept, derived = _roles(path)
    assert kept == derived
    fresh = tmp_path / "fresh.duckdb"
    assert [row for row in kept if row[0] != _event_of("wire-2").id] == _fresh(fresh, _events())
    with Store.open(fresh) as store:
        assert counted == store.actors(EventFilter())


def _event_of(doc_id: str) -> Event:
    return Event(
        doc_id=doc_id,
        event="CONSULT",
        status="occurred",
        text=TEXT,
        evidence=Evidence(0, 40),
        actor=[Entity("Jens Stoltenberg", country="NOR", org="NATO")],
    )
