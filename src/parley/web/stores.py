"""Store connections for concurrent requests, all on one open database.

FastAPI runs plain `def` handlers and their dependencies on a thread pool, not necessarily
the same thread for both, and a `Store` (one DuckDB connection) refuses a second call while
one is running. So each request borrows a `Store` that no other request holds, and gives it
back when done; the pool grows to the number of requests served at once. The connections
are made by `connect` on the owner's open database (with MVCC: a write does not block
reads). `close` releases them all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from parley.store import Store


class StorePool:
    """Reusable `Store`s made by `connect`, each used by one request at a time."""

    def __init__(self, connect: Callable[[], Store]) -> None:
        self._connect = connect
        self._idle: list[Store] = []
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    @contextmanager
    def borrowed(self) -> Iterator[Store]:
        """A store for this caller alone until the block ends; opened when none is idle."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = self._connect()
            with self._lock:
                self._opened.append(store)
        try:
            yield store
        finally:
            with self._lock:
                if store in self._opened:  # not closed meanwhile by `close`
                    self._idle.append(store)

    def close(self) -> None:
        """Close every store; a later `borrowed` opens afresh (an app can be restarted)."""
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            self._idle.clear()
