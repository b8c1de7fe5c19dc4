"""The owner of a store: the server process holds the file, and every write goes through it.

DuckDB lets one process write a store file (and none other open it meanwhile), so while the
server runs it is that process, and it serves everyone: the dashboard's reads, POSTed
documents, a watched folder, and the command line's `parley ingest`, `query`, `show`,
`stats`, `export` and the others (see `parley.store.owner` for how they find it). Inside
the process:

- one **writer**: an `Ingester` on its own connection, run by one worker thread that takes
  jobs from a bounded queue, so coding never runs on the event loop, a full queue is a
  clear "busy" rather than a pile-up, and writes never race;
- many **readers**: each request borrows a connection of its own (DuckDB's MVCC: a reader
  sees the store as of its query, never half a document), so an ingest never fails a read.

Cross-document links are rebuilt when the queue runs dry, after a burst of jobs rather
than after each; a job counts as done once its documents are linked. Stopping asks the
worker to stop at the next document (or part of a long one) and waits a few seconds; what
was saved stays saved, and the document in hand is coded again by the next run.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from parley.batch import DocumentOutcome, Ingester, IngestSummary
from parley.coding import Stopped, one_line
from parley.errors import ParleyError
from parley.ingest import read_documents
from parley.ingest.watch import FileState, FolderWatch
from parley.pipeline import Pipeline
from parley.store import Store
from parley.web.jobs import Job
from parley.web.settings import Settings
from parley.web.stores import StorePool

Log = Callable[[str], None]

_IDLE_SECONDS = 0.2


class Busy(ParleyError):
    """The writer's queue is full: the caller should try again later."""

    code = "busy"


class StoreOwner:
    """The open store at `path`, its readers' pool and its one writer; `start` opens it
    (creating it when `create`), `stop` closes it."""

    def __init__(self, path: Path, settings: Settings, log: Log, create: bool = False) -> None:
        self.path = path
        self.settings = settings
        self.log = log
        self._create = create
        self._queue: queue.Queue[Job] = queue.Queue(maxsize=settings.queue_size)
        self._stopping = threading.Event()
        self._store: Store | None = None
        self._pool: StorePool | None = None
        self._pipeline: Pipeline | None = None
        self._jobs: dict[str, Job] = {}
        self._unlinked: list[Job] = []
        self._running: Job | None = None
        self._threads: list[threading.Thread] = []

    @property
    def pool(self) -> StorePool:
        if self._pool is None:
            raise RuntimeError("the store owner has not started")
        return self._pool

    def start(self) -> None:
        """Open the store and start the worker (and the folder watch, when asked)."""
        if not self._create and not self.path.is_file():
            raise FileNotFoundError(self.path)
        self._store = Store.open(self.path)
        self._pool = StorePool(self._store.another)
        self._spawn("parley-writer", self._work)
        if self.settings.watch is not None:
            self._spawn("parley-watch", self._watch)

    def halt(self) -> None:
        """Stop taking jobs, end the ones queued and ask the running one to stop at its next
        document: what the server does first when told to stop, so that requests waiting
        for jobs are answered while it still answers."""
        self._stopping.set()
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            job.finish("stopped", None, "the server stopped before this job started")
        running = self._running
        if running is not None:
            running.finish("stopped", None, "the server stopped; what was saved stays saved")

    def stop(self, wait: float = 3.0) -> None:
        """`halt`, then close the store once the worker has stopped (it is left to the
        process's end after `wait` seconds)."""
        self.halt()
        deadline = time.monotonic() + wait
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if self._pool is not None:
            self._pool.close()
        if self._store is not None and not any(t.is_alive() for t in self._threads):
            self._store.close()

    def submit(self, job: Job, track: bool = False) -> Job:
        """Queue `job` for the writer, or raise `Busy` when the queue is full; a `track`ed
        job can be found by its id (`job`) until it is `forget`-ten."""
        if self._stopping.is_set():
            raise Busy("the server is stopping")
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            raise Busy(
                f"the server is busy coding ({self._queue.maxsize} jobs queued); "
                "try again in a minute"
            ) from None
        if track:
            self._jobs[job.id] = job
        return job

    def job(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def forget(self, job: Job) -> None:
        """Drop a finished job that its submitter has seen the end of."""
        self._jobs.pop(job.id, None)

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        # A daemon: a worker in the middle of a long part must not keep a stopped server up.
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _work(self) -> None:
        """The writer: run jobs one at a time; link when the queue runs dry."""
        assert self._store is not None
        ingester = Ingester(self._store)
        while not self._stopping.is_set():
            try:
                job = self._queue.get(timeout=_IDLE_SECONDS)
            except queue.Empty:
                continue
            self._running = job
            self._run(ingester, job)
            self._running = None
            if self._queue.empty() and self._unlinked and not self._stopping.is_set():
                self._link(ingester)
        for job in self._unlinked:  # stored, to be linked by the store's next ingest
            job.finish("done", job.summary, None)

    def _run(self, ingester: Ingester, job: Job) -> None:
        job.started()

        def handled(outcome: DocumentOutcome) -> None:
            job.record(outcome)
            if outcome.problem is not None:
                self.log(f"{job.name}: skipped {outcome.problem}")

        try:
            pipeline = self._loaded()
            summary = ingester.run(
                job.items(),
                pipeline,
                on_outcome=handled,
                should_stop=lambda: self._stopping.is_set() or job.cancelled,
                limits=job.limits or self.settings.coding,
            )
        except Stopped:
            job.finish("stopped", None, "stopped before its end; what was saved stays saved")
            self.log(f"{job.name}: stopped after {job.handled} items")
            return
        except Exception as error:  # a broken store or input: this job fails, the server lives
            job.finish("failed", None, one_line(error))
            self.log(f"{job.name}: failed: {one_line(error)}")
            return
        job.summary = summary
        self._unlinked.append(job)
        self.log(f"{job.name}: {summary.counts()} in {summary.seconds:.1f} s")

    def _link(self, ingester: Ingester) -> None:
        """Link the store, then finish the jobs that waited for it."""
        jobs, self._unlinked = self._unlinked, []
        try:
            links, seconds = ingester.link()
        except Exception as error:
            for job in jobs:
                job.finish("failed", job.summary, f"stored, but not linked: {one_line(error)}")
            self.log(f"linking failed: {one_line(error)}")
            return
        for job in jobs:
            assert job.summary is not None
            job.summary.links, job.summary.link_seconds = links, seconds
            try:
                if job.after is not None:
                    job.after(job.summary)
            except Exception as error:  # its documents are stored all the same
                self.log(f"{job.name}: {one_line(error)}")
            job.finish("done", job.summary, None)

    def _loaded(self) -> Pipeline:
        """The pipeline, loaded on the first job (seconds): a server that only reads never
        pays for it."""
        if self._pipeline is None:
            self.log("loading the language model and dictionaries…")
            self._pipeline = Pipeline(self.settings.dictionaries)
        return self._pipeline

    def _watch(self) -> None:
        """Look into the watched folder every interval; queue each file that is ready."""
        folder = self.settings.watch
        assert folder is not None and self._store is not None
        watch = FolderWatch(folder, self._file_state)
        self.log(f"watching {folder} (every {self.settings.watch_interval:g} s)")
        while not self._stopping.wait(self.settings.watch_interval):
            try:
                self._look(watch)
            except Exception as error:  # a folder gone, a store error: say so, look again
                self.log(f"watch: {one_line(error)}")

    def _look(self, watch: FolderWatch) -> None:
        """Queue the files of the watched folder that are ready, while the queue has room."""
        ready, problems = watch.ready()
        for problem in problems:
            self.log(f"watch: skipped {problem}")
        for path, state in ready:
            job = self._watch_job(path, state)
            try:
                self.submit(job)
            except Busy:
                watch.finished(path)  # taken again at the next look
                return
            job.when_finished(lambda path=path: watch.finished(path))

    def _watch_job(self, path: Path, state: FileState) -> Job:
        """The job that reads `path`, as it was at `state`, and then records it as read."""
        reading = self.settings.reading

        def read_to_end(summary: IngestSummary) -> None:
            assert self._store is not None
            self._store.mark_file(str(path), state, summary.documents, summary.failed)

        return Job(
            f"watch: {path}", lambda: read_documents([path], limits=reading), after=read_to_end
        )

    def _file_state(self, path: str) -> FileState | None:
        with self.pool.borrowed() as store:
            return store.file_state(path)
