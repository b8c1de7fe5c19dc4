"""Which files of a watched folder are ready to read: new, or changed since they were last
read to their end, and no longer being written.

A newsroom's drop folder or a crawler's output folder fills while it is watched, so a file
is taken only when two looks in a row (a poll interval apart) find it the same size and
modification time; files named as downloads in progress (".part", ".tmp", ...) wait for
their final name. What was read to its end is remembered by the store (`done`), so a
restart reads only what is new, and a file it was in the middle of is read again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from parley.ingest.problems import ReadProblem
from parley.ingest.readers import list_files

FileState = tuple[int, int]
"""A file's size and modification time (ns): what tells that it changed."""

PARTIAL_SUFFIXES = frozenset(
    {".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".filepart", ".swp"}
)


class FolderWatch:
    """The files under `folder` to read now; `done(path)` is the state a file had when it
    was last read to its end (None: never)."""

    def __init__(self, folder: Path, done: Callable[[str], FileState | None]) -> None:
        self.folder = folder
        self._done = done
        self._previous: dict[str, FileState] = {}
        self._taken: set[str] = set()
        self._reported: set[str] = set()

    def ready(self) -> tuple[list[tuple[Path, FileState]], list[ReadProblem]]:
        """The files that are ready, with the state they are read at, and the problems of
        the folder not reported before (a broken link is told once, not every look)."""
        seen: dict[str, FileState] = {}
        ready: list[tuple[Path, FileState]] = []
        problems: list[ReadProblem] = []
        for item in list_files([self.folder]):
            if isinstance(item, ReadProblem):
                if str(item) not in self._reported:
                    self._reported.add(str(item))
                    problems.append(item)
                continue
            if item.suffix.lower() in PARTIAL_SUFFIXES:
                continue
            try:
                status = os.stat(item)
            except OSError:
                continue  # gone since the folder was listed
            state = (status.st_size, status.st_mtime_ns)
            key = str(item)
            seen[key] = state
            steady = self._previous.get(key) == state
            if steady and key not in self._taken and self._done(key) != state:
                self._taken.add(key)
                ready.append((item, state))
        self._previous = seen
        return ready, problems

    def finished(self, path: Path) -> None:
        """`path` was read (to its end or not): look at it again from now on."""
        self._taken.discard(str(path))
