"""The files a watch loop has read to their end: path, size and modification time."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

_SELECT = "SELECT size, mtime_ns FROM watched_files WHERE path = ?"
_UPSERT = """
INSERT OR REPLACE INTO watched_files (path, size, mtime_ns, documents, failed, finished_at)
VALUES (?, ?, ?, ?, ?, ?)
"""


def file_state(conn: duckdb.DuckDBPyConnection, path: str) -> tuple[int, int] | None:
    """(size, mtime_ns) of `path` when it was last read to its end, or None."""
    row = conn.execute(_SELECT, [path]).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def mark_file(
    conn: duckdb.DuckDBPyConnection,
    path: str,
    state: tuple[int, int],
    documents: int,
    failed: int,
) -> None:
    """Record that `path`, as it was at `state`, was read to its end."""
    now = datetime.now(UTC).replace(tzinfo=None)
    conn.execute(_UPSERT, [path, state[0], state[1], documents, failed, now])
