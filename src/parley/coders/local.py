"""The crew of one: a pipeline in this process, coding each task as it is waited for.

What `--workers 1` and the server's writer use. The pipeline outlives the run, so it learns
the rest of the run's lessons at its end (`settle`): the next run in a server knows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.coders.crew import Done, Failed, Task, code_task
from parley.coding import StopCheck, one_line
from parley.lessons import Lesson

if TYPE_CHECKING:
    from parley.pipeline import Pipeline


class InProcess:
    """A crew of one learner: `pipeline`, here."""

    size = 1

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._task: Task | None = None

    def identity(self) -> tuple[str, str]:
        return self.pipeline.model, self.pipeline.dictionary_hash

    def submit(self, learner: int, task: Task) -> None:
        self._task = task

    def wait(self, should_stop: StopCheck) -> tuple[int, Done | Failed]:
        """Code the task now; a bug that escapes `code_documents` fails the task, not the
        run (it is tried once more)."""
        task, self._task = self._task, None
        assert task is not None, "wait() without a task"
        try:
            return 0, code_task(self.pipeline, task, should_stop)
        except Exception as error:  # code_documents keeps document failures; this is a bug
            return 0, Failed(task.number, one_line(error))

    def replace(self, learner: int) -> None:
        """Nothing to replace: the pipeline is as it was (re-learning is harmless)."""

    def settle(self, learner: int, lessons: list[Lesson]) -> None:
        self.pipeline.learn(lessons)
