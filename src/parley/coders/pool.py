"""Worker processes on this machine: `parley ingest --workers N`.

Each worker is a process of its own (started fresh, not forked, so it shares no thread,
lock or open store with the parent) that builds its pipeline once (a few seconds, some
500 MB) and then codes the tasks it is sent. The parent reads, schedules and writes; it
loads no model. A worker that dies is replaced by a fresh one, and the schedule tries its
task once more. Workers ignore Ctrl+C: the parent ends them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from parley.coders.crew import (
    Done,
    Failed,
    PipelineFactory,
    Task,
    build_pipeline,
    code_task,
    peak_rss,
)
from parley.coding import StopCheck, Stopped, one_line
from parley.errors import ParleyError
from parley.lessons import Lesson

_POLL_SECONDS = 0.5
_STOP_SECONDS = 5.0


def local_cores() -> int:
    """The cores this process may run on (a container's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class WorkerError(ParleyError):
    """A worker could not start (it could not build its pipeline)."""

    code = "worker"


@dataclass(frozen=True)
class _Ready:
    model: str
    dictionary_hash: str
    peak_rss: int


@dataclass(frozen=True)
class _Broken:
    reason: str


@dataclass
class _Worker:
    process: BaseProcess
    inbox: Any  # a multiprocessing queue of Task | None
    generation: int


def _work(
    learner: int,
    generation: int,
    inbox: Any,
    outbox: Any,
    factory: PipelineFactory,
    dictionaries: Path | None,
) -> None:
    """A worker's life: build the pipeline, say so, code tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pipeline = factory(dictionaries)
    except Exception as error:
        outbox.put((learner, generation, _Broken(one_line(error))))
        return
    outbox.put((learner, generation, _Ready(pipeline.model, pipeline.dictionary_hash, peak_rss())))
    while (task := inbox.get()) is not None:
        try:
            result: Done | Failed = code_task(pipeline, task)
        except Exception as error:  # code_documents keeps document failures; this is a bug
            result = Failed(task.number, one_line(error))
        outbox.put((learner, generation, result))


class ProcessPool:
    """`size` worker processes; use as a context manager (leaving it ends them)."""

    def __init__(
        self, size: int, dictionaries: Path | None = None, factory: PipelineFactory = build_pipeline
    ) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.size = size
        self._context = multiprocessing.get_context("spawn")
        self._outbox = self._context.Queue()
        self._dictionaries = dictionaries
        self._factory = factory
        self._identity: tuple[str, str] | None = None
        self._busy: dict[int, int] = {}  # learner -> task number
        self._workers = [self._start(learner, 0) for learner in range(size)]

    def _start(self, learner: int, generation: int) -> _Worker:
        inbox = self._context.Queue()
        process = self._context.Process(
            target=_work,
            args=(learner, generation, inbox, self._outbox, self._factory, self._dictionaries),
            name=f"parley-worker-{learner}",
            daemon=True,
        )
        process.start()
        return _Worker(process, inbox, generation)

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def identity(self) -> tuple[str, str]:
        """Wait until every worker has built its pipeline; they must agree."""
        if self._identity is not None:
            return self._identity
        ready: dict[int, _Ready] = {}
        while len(ready) < self.size:
            waiting = [learner for learner in range(self.size) if learner not in ready]
            learner, message = self._receive(lambda: False, waiting)
            if isinstance(message, _Broken | Failed):
                reason = message.reason if isinstance(message, _Broken) else "it died"
                raise WorkerError(f"worker {learner} could not start: {reason}")
            if isinstance(message, _Ready):
                ready[learner] = message
        identities = {(r.model, r.dictionary_hash) for r in ready.values()}
        if len(identities) != 1:
            raise WorkerError("the workers code with different models or dictionaries")
        self._identity = identities.pop()
        return self._identity

    def submit(self, learner: int, task: Task) -> None:
        self._busy[learner] = task.number
        self._workers[learner].inbox.put(task)

    def wait(self, should_stop: StopCheck) -> tuple[int, Done | Failed]:
        while True:
            if should_stop():
                raise Stopped
            learner, message = self._receive(should_stop, list(self._busy))
            if learner not in self._busy:
                continue  # a replacement saying it is ready
            if isinstance(message, Done | Failed):
                del self._busy[learner]
                return learner, message
            if isinstance(message, _Broken):  # a replacement that could not start
                number = self._busy.pop(learner)
                return learner, Failed(number, f"a new worker could not start: {message.reason}")

    def replace(self, learner: int) -> None:
        old = self._workers[learner]
        if old.process.is_alive():
            old.process.terminate()
        old.process.join(_STOP_SECONDS)
        self._workers[learner] = self._start(learner, old.generation + 1)

    def settle(self, learner: int, lessons: list[Lesson]) -> None:
        """Workers end with the run: nothing to keep."""

    def close(self) -> None:
        """Ask every worker to stop, and end those that do not within a few seconds."""
        for worker in self._workers:
            if worker.process.is_alive():
                with contextlib.suppress(OSError, ValueError):
                    worker.inbox.put(None)
        for worker in self._workers:
            worker.process.join(_STOP_SECONDS)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join()

    def _receive(self, should_stop: StopCheck, watched: list[int]) -> tuple[int, object]:
        """The next message of a current worker; one of the `watched` found dead is a
        failure of its task."""
        while True:
            try:
                learner, generation, message = self._outbox.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                for learner in watched:
                    process = self._workers[learner].process
                    if not process.is_alive():
                        number = self._busy.get(learner, -1)
                        reason = f"worker {learner} died (exit code {process.exitcode})"
                        return learner, Failed(number, reason)
                if should_stop():
                    raise Stopped from None
                continue
            if generation == self._workers[learner].generation:
                return learner, message
