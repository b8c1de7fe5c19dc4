"""How a command reaches its store: through the process that holds it, when one does (a
running `parley serve` or `parley watch`), else by opening the file itself.

Reading commands open the file read-only, so several can read at once; `parley ingest`
opens it to write, and waits while another process (another ingest) holds it, saying whom
it waits for.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from parley.cli.selection import existing_store
from parley.errors import StoreLocked
from parley.remote import RemoteStore
from parley.store import Store
from parley.store.owner import Owner, describe, find_owner

Readable = Store | RemoteStore
"""What a reading command gets: the file itself, or its owner answering the same calls."""

_SETTLE_SECONDS = 0.5
_WAIT_SECONDS = 1.0


@contextmanager
def reading(db: Path) -> Iterator[Readable]:
    """The store `db` for reading (which must exist): its owner, or the file."""
    path = existing_store(db)
    owner = find_owner(path)
    if owner is None:
        try:
            store = Store.open(path, read_only=True)
        except StoreLocked:
            # An owner that has just opened the file advertises itself a moment later.
            time.sleep(_SETTLE_SECONDS)
            owner = find_owner(path)
            if owner is None:
                raise
        else:
            with store:
                yield store
            return
    yield RemoteStore(owner)


def writable(db: Path, announce: Callable[[str], None]) -> Store | Owner:
    """The store `db` opened for writing, or its owner to write through; while another
    process holds the file without owning it, wait (saying once for whom)."""
    waiting = False
    while True:
        owner = find_owner(db)
        if owner is not None:
            return owner
        try:
            return Store.open(db)
        except StoreLocked as locked:
            time.sleep(_SETTLE_SECONDS)
            if find_owner(db) is None and not waiting:
                holder = describe(locked.pid) if locked.pid else "another process"
                announce(f"waiting for {holder} to finish with {db} (Ctrl+C to give up)…")
                waiting = True
                time.sleep(_WAIT_SECONDS)
