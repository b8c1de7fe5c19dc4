"""A job for the store's one writer: input to ingest as one run, and what became of it.

Request handlers, the folder watch and the command line's `parley ingest` all hand their
input to the owner as jobs; the owner's worker thread runs them one at a time. A job is
shared between the thread that submitted it (which may wait for it, or poll its progress)
and the worker (which fills it in), so every change happens under its lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal
from uuid import uuid4

from parley.batch import DocumentOutcome, IngestSummary
from parley.coding import CodingLimits
from parley.ingest import ReadProblem
from parley.models import Document

JobState = Literal["queued", "running", "done", "failed", "stopped"]
Items = Callable[[], Iterable[Document | ReadProblem]]


@dataclass(frozen=True)
class Progress:
    """A job as its submitter sees it: its state, how many items it has handled, the
    problems from `since` on, and, once done, its summary (or why it failed)."""

    state: JobState
    handled: int
    problems: list[str]
    summary: IngestSummary | None
    error: str | None


@dataclass(eq=False)
class Job:
    """`items` (read lazily, in the worker) to ingest as one run under `name`, coded within
    `limits`; `keep` keeps each item's outcome (for a POST's answer); `after` runs in the
    worker once the job is done and linked (a watched file is recorded as read)."""

    name: str
    items: Items
    limits: CodingLimits | None = None
    keep: bool = False
    after: Callable[[IngestSummary], None] | None = None
    id: str = field(default_factory=lambda: uuid4().hex)
    state: JobState = "queued"
    handled: int = 0
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    summary: IngestSummary | None = None
    error: str | None = None
    cancelled: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _finished: threading.Event = field(default_factory=threading.Event)
    _listeners: list[Callable[[], None]] = field(default_factory=list)

    def started(self) -> None:
        with self._lock:
            self.state = "running"

    def record(self, outcome: DocumentOutcome) -> None:
        """One item handled (called by the worker for each)."""
        with self._lock:
            self.handled += 1
            if self.keep:
                self.outcomes.append(outcome)
            if outcome.problem is not None:
                self.problems.append(str(outcome.problem))

    def finish(self, state: JobState, summary: IngestSummary | None, error: str | None) -> None:
        """The job's end: `done` with its summary, `failed` with why, or `stopped`; the
        first end told is the one that counts."""
        with self._lock:
            if self._finished.is_set():
                return
            self.state, self.summary, self.error = state, summary, error
            listeners, self._listeners = self._listeners, []
            self._finished.set()
        for listener in listeners:
            listener()

    def cancel(self) -> None:
        """Ask the worker to stop this job at the next document (its submitter went away)."""
        self.cancelled = True

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def progress(self, since: int = 0) -> Progress:
        with self._lock:
            return Progress(
                self.state, self.handled, self.problems[since:], self.summary, self.error
            )

    def when_finished(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the job is finished (now, if it is), in the thread that
        finishes it."""
        with self._lock:
            if not self._finished.is_set():
                self._listeners.append(callback)
                return
        callback()

    async def wait(self) -> None:
        """Until the job is finished, without holding a thread: for async request handlers."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()

        def wake() -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed (the server stopped)
                loop.call_soon_threadsafe(_resolve, future)

        self.when_finished(wake)
        await future


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
