"""What a crew of coders is: learners that each hold a pipeline and code tasks sent to them.

A task is a short run of documents, each with what it may know of the documents before it
(`parley.lessons`); a learner codes it with `code_documents`, the one way to code, and sends
back the outcomes. Where the learners are (this process, worker processes, Ray actors on a
cluster) is the crew's business; `parley.coders.schedule` decides what goes where, keeps the
lag, and gives the outcomes back in input order, so every crew codes a run identically.
"""

from __future__ import annotations

import resource
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from parley.coding import CodingLimits, Outcome, StopCheck, code_documents
from parley.lessons import Lesson
from parley.models import Document

if TYPE_CHECKING:
    from parley.pipeline import Pipeline

PipelineFactory = Callable[[Path | None], "Pipeline"]
"""How a learner builds its pipeline from the dictionaries folder: `build_pipeline`, except
in tests that inject a fault into a worker."""


def build_pipeline(dictionaries: Path | None) -> Pipeline:
    """A pipeline with `dictionaries`; spaCy loads here, in the worker, not in whoever
    imports the crews."""
    from parley.pipeline import Pipeline

    return Pipeline(dictionaries)


@dataclass(frozen=True)
class Task:
    """Documents to code together, in order; `lessons[i]` is what the learner learns just
    before coding `documents[i]`."""

    number: int
    documents: list[Document]
    lessons: list[list[Lesson]]
    limits: CodingLimits


@dataclass(frozen=True)
class Done:
    """A task's outcomes, one per document in order, and the learner's peak memory."""

    number: int
    outcomes: list[Outcome]
    peak_rss: int


@dataclass(frozen=True)
class Failed:
    """A task its learner could not finish (the learner died, or coding raised where it
    never should), and why, in one line."""

    number: int
    reason: str


@runtime_checkable
class Crew(Protocol):
    """Learners numbered `0 .. size - 1`, each with a pipeline of its own."""

    size: int

    def identity(self) -> tuple[str, str]:
        """The model and dictionary hash every learner codes with (they must agree)."""
        ...

    def submit(self, learner: int, task: Task) -> None:
        """Give `task` to `learner`, which is idle."""
        ...

    def wait(self, should_stop: StopCheck) -> tuple[int, Done | Failed]:
        """The next task to end, with its learner; raises `Stopped` when `should_stop`."""
        ...

    def replace(self, learner: int) -> None:
        """Put a fresh learner (one that has learned nothing) in the place of one that
        failed."""
        ...

    def settle(self, learner: int, lessons: list[Lesson]) -> None:
        """The run is over: a learner that outlives it learns the rest of its lessons."""
        ...


def code_task(pipeline: Pipeline, task: Task, should_stop: StopCheck = lambda: False) -> Done:
    """Code `task` with `pipeline`, learning each document's lessons just before it."""
    due = {
        id(document): lessons
        for document, lessons in zip(task.documents, task.lessons, strict=True)
    }

    def prepare(document: Document) -> None:
        pipeline.learn(due.pop(id(document), ()))

    outcomes = list(code_documents(pipeline, task.documents, task.limits, should_stop, prepare))
    return Done(task.number, outcomes, peak_rss())


def peak_rss() -> int:
    """This process's peak resident memory, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
