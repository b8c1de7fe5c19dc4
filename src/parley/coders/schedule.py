"""Hand a run's documents to a crew task by task, and give their outcomes back in order.

The schedule keeps three promises for any crew:

- **The lag.** A task is sent only when every document it may learn from has come back
  (`Syllabus.ready`), and each of its documents travels with exactly the lessons it may know.
  At most `lag` documents are in flight, which is also the back-pressure: the input is read
  only as fast as the crew codes it.
- **Input order.** Outcomes are yielded in the order the documents came, whatever order the
  tasks end in, so the one writer stores them as a single process would.
- **One retry.** A task whose learner fails (a worker process killed, a Ray node lost) is given
  once more to a fresh learner; if that fails too, its documents are reported as not coded,
  with the reason, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from parley.coders.crew import Crew, Done, Failed, Task
from parley.coding import Coded, CodingLimits, NotCoded, Outcome, StopCheck, Stopped
from parley.lessons import Syllabus, lessons_of
from parley.models import Document

TASK_SIZE = 16
"""Documents per task: the parser's batch, so every crew parses the same batches."""


@dataclass
class _Pending:
    """A task's documents, from `start` in the run, and how often it was sent."""

    start: int
    documents: list[Document]
    attempts: int = 0


@dataclass
class Schedule:
    """One run's schedule over `crew`; `peaks` is each learner's peak memory in bytes."""

    crew: Crew
    syllabus: Syllabus
    limits: CodingLimits
    should_stop: StopCheck = lambda: False
    peaks: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.syllabus.lag < TASK_SIZE:
            raise ValueError(f"the learning lag must be at least {TASK_SIZE} documents")
        self._cursors = [0] * self.crew.size
        self._tasks: dict[int, _Pending] = {}
        self._running: dict[int, int] = {}  # learner -> task number
        self._finished: dict[int, list[Outcome]] = {}

    def outcomes(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """One outcome per document of `documents`, in order; reads them as tasks go out."""
        source = iter(documents)
        upcoming: _Pending | None = None
        sent = given = position = 0
        exhausted = False
        while True:
            if self.should_stop():
                raise Stopped
            while len(self._running) < self.crew.size:
                if upcoming is None and not exhausted:
                    batch = list(islice(source, TASK_SIZE))
                    exhausted = not batch
                    if batch:
                        upcoming = _Pending(position, batch)
                        position += len(batch)
                last = upcoming.start + len(upcoming.documents) - 1 if upcoming else -1
                if upcoming is None or not self.syllabus.ready(last):
                    break
                self._tasks[sent] = upcoming
                self._send(self._idle(), sent)
                sent, upcoming = sent + 1, None
            if not self._running:
                break  # nothing running: nothing left to read either (see `ready`)
            learner, result = self.crew.wait(self.should_stop)
            self._end(learner, result)
            while given in self._finished:
                yield from self._finished.pop(given)
                given += 1
        for learner, cursor in enumerate(self._cursors):
            self.crew.settle(learner, self.syllabus.rest(cursor))

    def _idle(self) -> int:
        return next(i for i in range(self.crew.size) if i not in self._running)

    def _send(self, learner: int, number: int) -> None:
        """Send task `number` to `learner`, each document with the lessons it may know."""
        pending = self._tasks[number]
        lessons = []
        for offset in range(len(pending.documents)):
            due, self._cursors[learner] = self.syllabus.due(
                self._cursors[learner], pending.start + offset
            )
            lessons.append(due)
        pending.attempts += 1
        self._running[learner] = number
        self.crew.submit(learner, Task(number, pending.documents, lessons, self.limits))

    def _end(self, learner: int, result: Done | Failed) -> None:
        number = self._running.pop(learner)
        if isinstance(result, Failed):
            self.crew.replace(learner)
            self._cursors[learner] = 0
            if self._tasks[number].attempts < 2:
                self._send(learner, number)
                return
            reason = f"not coded: {result.reason} (twice)"
            outcomes: list[Outcome] = [NotCoded(d, reason) for d in self._tasks[number].documents]
        else:
            outcomes = result.outcomes
            self.peaks[learner] = max(self.peaks.get(learner, 0), result.peak_rss)
        pending = self._tasks.pop(number)
        for offset, outcome in enumerate(outcomes):
            lessons = lessons_of(outcome.events) if isinstance(outcome, Coded) else []
            self.syllabus.record(pending.start + offset, lessons)
        self._finished[number] = outcomes
