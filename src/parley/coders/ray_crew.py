"""Ray actors as coders: `parley ingest --ray` on a local Ray or an existing cluster.

Each actor is a learner with a pipeline of its own (built once, on whichever node Ray puts
it, one CPU each); the schedule sends it tasks and the driver, this process, stays the one
writer. A task that fails (its actor's process or node lost) is given once more to a fresh
actor. Ray is an optional extra (`pip install 'parley[ray]'`, some 240 MB): it is imported
only here, only when asked for.

On a cluster every node needs this same Parley installed (and a `--dictionaries` folder at
the same path): the actors check that they agree on the model and dictionaries.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from parley.coders.crew import (
    Done,
    Failed,
    PipelineFactory,
    Task,
    build_pipeline,
    code_task,
)
from parley.coders.schedule import TASK_SIZE
from parley.coding import StopCheck, Stopped, one_line
from parley.errors import ParleyError
from parley.lessons import LEARNING_LAG, Lesson

_POLL_SECONDS = 0.5


class RayUnavailable(ParleyError):
    """Ray is not installed, or no cluster answers at the address given."""

    code = "ray"


class _Learner:
    """One Ray actor: a pipeline, built once, coding the tasks it is sent."""

    def __init__(self, factory: PipelineFactory, dictionaries: Path | None) -> None:
        self.pipeline = factory(dictionaries)

    def identity(self) -> tuple[str, str]:
        return self.pipeline.model, self.pipeline.dictionary_hash

    def code(self, task: Task) -> Done:
        return code_task(self.pipeline, task)


class RayCrew:
    """`size` actors on the Ray at `address` (None: `RAY_ADDRESS`, else a local Ray started
    here, and stopped with the crew); `size` defaults to one actor per CPU of the cluster,
    as many as the learning lag can keep busy. Use as a context manager."""

    def __init__(
        self,
        address: str | None = None,
        size: int | None = None,
        dictionaries: Path | None = None,
        factory: PipelineFactory = build_pipeline,
        lag: int = LEARNING_LAG,
    ) -> None:
        self._ray = _import_ray()
        self._started = False
        if not self._ray.is_initialized():
            self._connect(address)
        cpus = int(self._ray.cluster_resources().get("CPU", 1))
        self.size = size or max(1, min(cpus, lag // TASK_SIZE))
        self.cpus = cpus
        self._remote = self._ray.remote(num_cpus=1)(_Learner)
        self._factory = factory
        self._dictionaries = dictionaries
        self._actors = [self._start() for _ in range(self.size)]
        self._running: dict[Any, tuple[int, int]] = {}  # object ref -> (learner, task number)

    def _connect(self, address: str | None) -> None:
        try:
            if address is None:  # RAY_ADDRESS names a cluster, else Ray starts one here
                self._ray.init(
                    include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING
                )
            else:
                self._ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        except Exception as error:  # Ray raises ConnectionError, RuntimeError, ValueError...
            raise RayUnavailable(f"cannot start or reach Ray: {one_line(error)}") from error
        self._started = True

    def _start(self) -> Any:
        return self._remote.remote(self._factory, self._dictionaries)

    def __enter__(self) -> RayCrew:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def identity(self) -> tuple[str, str]:
        """Wait for every actor's pipeline; they must agree on model and dictionaries."""
        try:
            identities = set(self._ray.get([a.identity.remote() for a in self._actors]))
        except self._ray.exceptions.RayError as error:
            raise RayUnavailable(f"a Ray worker could not start: {one_line(error)}") from error
        if len(identities) != 1:
            raise RayUnavailable(
                "the Ray workers code with different models or dictionaries: install the "
                "same Parley (and --dictionaries folder) on every node"
            )
        return identities.pop()

    def submit(self, learner: int, task: Task) -> None:
        reference = self._actors[learner].code.remote(task)
        self._running[reference] = (learner, task.number)

    def wait(self, should_stop: StopCheck) -> tuple[int, Done | Failed]:
        while True:
            if should_stop():
                raise Stopped
            ready, _ = self._ray.wait(list(self._running), num_returns=1, timeout=_POLL_SECONDS)
            if ready:
                break
        learner, number = self._running.pop(ready[0])
        try:
            return learner, self._ray.get(ready[0])
        except self._ray.exceptions.RayError as error:
            return learner, Failed(number, f"Ray worker {learner} failed: {_reason(error)}")

    def replace(self, learner: int) -> None:
        self._ray.kill(self._actors[learner])
        self._actors[learner] = self._start()

    def settle(self, learner: int, lessons: list[Lesson]) -> None:
        """Actors end with the run: nothing to keep."""

    def close(self) -> None:
        """End the actors, and the local Ray if this crew started it."""
        for actor in self._actors:
            self._ray.kill(actor)
        if self._started:
            self._ray.shutdown()


def _reason(error: Exception) -> str:
    """Ray's errors run to pages; the first line that says something."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0][:200] if lines else type(error).__name__


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RayUnavailable(
            "Ray is not installed: pip install 'parley[ray]' (on every node of a cluster)"
        ) from None
    return ray
