"""One store connection per worker thread, all on one open database.

FastAPI runs plain `def` handlers on a thread pool, and a `Store` is not thread-safe. DuckDB
lets connections of one process share a database (with MVCC, so a write in one thread does
not block reads in another), so each thread opens its own `Store` on first use and keeps it;
`close` releases them all, and with them the file's lock.
"""

from __future__ import annotations

import threading
from pathlib import Path

from parley.store import Store


class StorePool:
    """Thread-local `Store`s over the file at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        """This thread's store, opened on first use."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.path)
            with self._lock:
                self._opened.append(store)
            self._local.store = store
        return store

    def close(self) -> None:
        """Close every thread's store; a later `get` opens afresh (an app can be restarted)."""
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            self._local = threading.local()
