"""Who holds a store: the advertisement beside it, a stale one left by a dead owner, the lock
DuckDB takes and the message that names its holder, and readers that share a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parley.errors import StoreLocked
from parley.store import Store
from parley.store.owner import (
    Owner,
    advert_path,
    advertise,
    describe,
    find_owner,
    lock_holder,
    withdraw,
)

HOLD = """
import sys, time
from parley.store import Store
store = Store.open(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Another process that holds the store `tmp_path/held.duckdb` open for writing."""
    db = tmp_path / "held.duckdb"
    Store.open(db).close()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "holding"
    yield db, process
    process.kill()
    process.wait()


def test_an_owner_is_found_by_its_advertisement_and_only_its_own_is_withdrawn(
    tmp_path: Path,
) -> None:
    db = tmp_path / "news.duckdb"
    assert find_owner(db) is None
    me = Owner.new("http://127.0.0.1:9", "serve", None)
    advertise(db, me)
    assert advert_path(db).stat().st_mode & 0o777 == 0o600
    assert find_owner(db) == me and me.pid == os.getpid()
    other = Owner.new("http://127.0.0.1:10", "watch", tmp_path)
    advertise(db, other)
    withdraw(db, me)  # not mine any more: left alone
    assert find_owner(db) == other and other.dictionaries == str(tmp_path.resolve())
    withdraw(db, other)
    assert not advert_path(db).exists()


def test_an_advertisement_of_a_dead_process_is_stale_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = Owner("http://127.0.0.1:9", int(gone.stdout), "k", "serve")
    advertise(db, dead)
    assert find_owner(db) is None
    assert not advert_path(db).exists()
    advert_path(db).write_text("not json")
    assert find_owner(db) is None and not advert_path(db).exists()


def test_a_held_store_names_its_holder(holder) -> None:  # type: ignore[no-untyped-def]
    db, process = holder
    with pytest.raises(StoreLocked) as caught:
        Store.open(db)
    assert caught.value.pid == process.pid
    assert f"is in use by PID {process.pid} (" in caught.value.message
    assert "start `parley serve --db" in caught.value.message


def test_readers_share_a_store_that_nobody_writes(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    Store.open(db).close()
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLD.replace("Store.open(sys.argv[1])", "Store.open(sys.argv[1], read_only=True)"),
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "holding"
        with Store.open(db, read_only=True) as store:
            assert store.counts()["documents"] == 0
    finally:
        reader.kill()
        reader.wait()


def test_lock_messages_and_processes_are_read() -> None:
    message = (
        'IO Error: Could not set lock on file "x": Conflicting lock is held in '
        "/usr/bin/python3 (PID 4242) by user me."
    )
    assert lock_holder(message) == 4242
    assert lock_holder("IO Error: something else") is None
    assert describe(os.getpid()).startswith(f"PID {os.getpid()} (")


def test_the_command_line_says_who_holds_the_store(holder) -> None:  # type: ignore[no-untyped-def]
    db, process = holder
    result = subprocess.run(
        [sys.executable, "-m", "parley", "query", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"is in use by PID {process.pid}" in " ".join(result.stderr.split())


def test_an_ingest_waits_for_the_process_that_holds_the_store(  # type: ignore[no-untyped-def]
    holder, tmp_path: Path
) -> None:
    db, process = holder
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"id": "a", "text": "Japan and Australia held talks on Friday."}\n')
    ingest = subprocess.Popen(
        [sys.executable, "-m", "parley", "ingest", str(corpus), "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert ingest.stderr is not None
    waiting = ingest.stderr.readline()
    assert f"waiting for PID {process.pid} (" in waiting and "to finish with" in waiting
    process.kill()  # the holder goes: the ingest goes on
    rest = ingest.stderr.read()
    assert ingest.wait(120) == 0, rest
    assert "1 documents (1 new, 0 updated, 0 unchanged), 0 failed" in rest
