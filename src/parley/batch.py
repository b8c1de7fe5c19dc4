"""Coding a stream of documents into the store: the library side of `parley ingest`, of the
server's POST /api/documents and of its watch loop.

An `Ingester` is the one writer of a store. Documents flow one at a time from the readers
through the unchanged check and the near-duplicate check to a crew of coders (this process,
worker processes or Ray: `parley.coders`, each coding with `code_documents`), and their
outcomes come back in input order into the store, each saved in its own transaction, so
memory does not grow with the input and a crash loses at most the documents in flight. A
document that cannot be read, coded or stored is reported once, by name, with a one-line
reason, and is the only one lost. Cross-document resolution and the people registry are
rebuilt by `link`, over the whole store, once a run (or, in a server, a queue of runs) is
done.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from parley import __version__
from parley.coders.crew import Crew
from parley.coders.local import InProcess
from parley.coders.schedule import Schedule
from parley.coding import CodingLimits, NotCoded, StopCheck
from parley.duplicates import NearDuplicates, signature, to_stored
from parley.errors import StoreError
from parley.ingest import ReadLimits, ReadProblem, read_documents
from parley.lessons import LEARNING_LAG, Lesson, Syllabus
from parley.models import Document, Event
from parley.resolve import resolve_store
from parley.store import LinkCounts, Signature, Store

if TYPE_CHECKING:
    from parley.pipeline import Pipeline

OutcomeKind = Literal["new", "updated", "unchanged", "duplicate", "failed"]


@dataclass(frozen=True)
class DocumentOutcome:
    """What became of one input item: a document stored `new` or `updated` with `events`,
    left `unchanged`, stored as a near-`duplicate` of another, or `failed` with its problem."""

    id: str
    outcome: OutcomeKind
    events: int | None = None
    problem: ReadProblem | None = None


OnOutcome = Callable[[DocumentOutcome], None]


@dataclass
class IngestSummary:
    """What one ingest run did, for the closing lines and for scripts.

    `duplicates` are documents stored this run as near-duplicates of another (linked, not
    coded); a rerun counts them as `unchanged`. `links` is the state of the whole store after
    the run's resolution; `link_seconds` is what resolution and the people registry took.
    `peaks` is each coder's peak resident memory in bytes (a worker's, or this process's
    when it coded).
    """

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    undated: int = 0
    seconds: float = 0.0
    link_seconds: float = 0.0
    links: LinkCounts = field(default_factory=lambda: LinkCounts(0, 0, 0))
    problems: list[str] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.unchanged + self.duplicates

    def counts(self) -> str:
        """'20 documents (18 new, 0 updated, 2 unchanged), 1 failed; 57 events'."""
        copies = f", {self.duplicates} near-duplicate" if self.duplicates else ""
        return (
            f"{self.documents} documents ({self.new} new, {self.updated} updated, "
            f"{self.unchanged} unchanged{copies}), {self.failed} failed; {self.events} events"
        )

    def count(self, outcome: DocumentOutcome) -> None:
        """Add one document's outcome to the totals."""
        if outcome.outcome == "failed":
            self.failed += 1
            self.problems.append(str(outcome.problem))
        elif outcome.outcome == "duplicate":
            self.duplicates += 1
        elif outcome.outcome == "unchanged":
            self.unchanged += 1
        else:
            self.events += outcome.events or 0
            self.new += outcome.outcome == "new"
            self.updated += outcome.outcome == "updated"


def ingest(
    paths: Iterable[Path],
    store: Store,
    coder: Pipeline | Crew,
    on_outcome: OnOutcome = lambda _: None,
    limits: CodingLimits | None = None,
    read_limits: ReadLimits | None = None,
    link: bool = True,
    published: date | None = None,
) -> IngestSummary:
    """Read, code and store every document under `paths`, then link events across documents
    (unless not `link`: a store of Parquet partitions is linked when it is loaded).
    `published` dates what the input does not (see `read_documents`).

    Unchanged documents are skipped before parsing, so re-running a folder costs only the
    reading; near-duplicates of a stored or earlier document are stored with a link and not
    coded.
    """
    started = time.perf_counter()
    ingester = Ingester(store)
    items = read_documents(paths, published=published, limits=read_limits)
    summary = ingester.run(items, coder, on_outcome, limits=limits)
    if link:
        summary.links, summary.link_seconds = ingester.link()
    summary.seconds = time.perf_counter() - started
    return summary


class Ingester:
    """The writer of one store: runs of input in, documents, events and links out.

    Build one per store and keep it: it holds the near-duplicate index of the stored
    originals, read once, and knows which crew has already learned the store's people.
    Not thread-safe: one thread writes (a server gives it its own worker thread).
    """

    def __init__(self, store: Store, lag: int = LEARNING_LAG) -> None:
        self.store = store
        self.lag = lag
        self._originals: NearDuplicates | None = None
        self._taught: Crew | None = None
        self._crews: dict[int, InProcess] = {}

    def run(
        self,
        items: Iterable[Document | ReadProblem],
        coder: Pipeline | Crew,
        on_outcome: OnOutcome = lambda _: None,
        should_stop: StopCheck = lambda: False,
        limits: CodingLimits | None = None,
    ) -> IngestSummary:
        """Store every document of `items` with its events, as one run, coded by `coder`
        (a pipeline codes here) within `limits`; `on_outcome` hears of each item as it is
        done. Raises `parley.coding.Stopped` when `should_stop` says so, leaving the run
        unfinished as a crash would (what was saved stays saved)."""
        started = time.perf_counter()
        crew = coder if isinstance(coder, Crew) else self._in_process(coder)
        model, dictionary_hash = crew.identity()
        syllabus = Syllabus(self._lessons_for(crew), self.lag)
        run_id = self.store.start_run(__version__, model, dictionary_hash)
        run = _Run(self, run_id, on_outcome)
        schedule = Schedule(crew, syllabus, limits or CodingLimits(), should_stop)
        for outcome in schedule.outcomes(run.to_code(items)):
            stored = run.pending.popleft()
            if isinstance(outcome, NotCoded):
                run.fail(stored.document, outcome.reason)
            else:
                run.save(outcome.document, outcome.events, stored.signature)
        summary = run.summary
        self.store.finish_run(run_id, summary.documents, summary.events)
        summary.peaks = [schedule.peaks[learner] for learner in sorted(schedule.peaks)]
        summary.seconds = time.perf_counter() - started
        return summary

    def link(self) -> tuple[LinkCounts, float]:
        """Link events across the whole store and rebuild the people registry; returns the
        store's link counts and the seconds it took."""
        started = time.perf_counter()
        resolve_store(self.store)
        self.store.refresh_people()
        return self.store.link_counts(), time.perf_counter() - started

    @property
    def originals(self) -> NearDuplicates:
        if self._originals is None:
            self._originals = NearDuplicates.from_store(self.store)
        return self._originals

    def _in_process(self, pipeline: Pipeline) -> InProcess:
        """The crew of `pipeline` alone, the same one each run, so what it learned and was
        taught stays with it."""
        if id(pipeline) not in self._crews or self._crews[id(pipeline)].pipeline is not pipeline:
            self._crews[id(pipeline)] = InProcess(pipeline)
        return self._crews[id(pipeline)]

    def _lessons_for(self, crew: Crew) -> list[Lesson]:
        """The people of the stored documents, for `crew` to learn first, so a bare
        'Blinken' resolves through earlier ones; none for a crew taught before, which has
        learned since from what it coded. The registry is rebuilt first: a run cut short
        never rebuilt it."""
        if crew is self._taught:
            return []
        self._taught = crew
        self.store.refresh_people()
        return [
            Lesson(person.name, person.country, person.org, person.sector, person.title)
            for person in self.store.people()
            if person.country or person.org
        ]


@dataclass(frozen=True)
class _Pending:
    """A document handed to the coder, with its signature, waiting for its events."""

    document: Document
    signature: Signature


class _Run:
    """The state of one ingest run, shared by its reading, coding and saving steps."""

    def __init__(self, ingester: Ingester, run_id: str, on_outcome: OnOutcome) -> None:
        self.store = ingester.store
        self.originals = ingester.originals
        self.run_id = run_id
        self.on_outcome = on_outcome
        self.summary = IngestSummary()
        # The documents handed to the coder, in the order it gives their outcomes back.
        self.pending: deque[_Pending] = deque()

    def to_code(self, items: Iterable[Document | ReadProblem]) -> Iterator[Document]:
        """The documents that need coding: unchanged ones are counted and skipped,
        near-duplicates stored with their link here; the rest are indexed as originals."""
        for item in items:
            if isinstance(item, ReadProblem):
                self.report(DocumentOutcome(item.path, "failed", problem=item))
                continue
            try:
                status = self.store.document_status(item)
            except StoreError as error:
                self.fail(item, f"not stored: {error}")
                continue
            if status == "unchanged":
                self.report(DocumentOutcome(item.id, "unchanged"))
                continue
            minhash = signature(item.text)
            original = self.originals.original_of(item.id, minhash)
            if original is None:
                self.originals.add(item.id, minhash)
                self.pending.append(_Pending(item, to_stored(minhash)))
                if item.published is None:
                    self.summary.undated += 1
                yield item
            else:
                self.save_duplicate(item, original, to_stored(minhash))

    def save(self, document: Document, events: list[Event], stored: Signature) -> None:
        try:
            outcome = self.store.save_document(document, events, self.run_id, stored)
        except StoreError as error:
            self.fail(document, f"not stored: {error}")
            return
        if outcome == "unchanged":  # the same document given twice in one run
            self.report(DocumentOutcome(document.id, "unchanged"))
        else:
            self.report(DocumentOutcome(document.id, outcome, events=len(events)))

    def save_duplicate(
        self, document: Document, original: tuple[str, float], stored: Signature
    ) -> None:
        duplicate_of, similarity = original
        try:
            self.store.save_duplicate(document, duplicate_of, similarity, self.run_id, stored)
        except StoreError as error:
            self.fail(document, f"not stored: {error}")
            return
        self.report(DocumentOutcome(document.id, "duplicate", events=0))

    def fail(self, document: Document, reason: str) -> None:
        """`document` is lost, for `reason`: out of the near-duplicate index too, so that a
        later copy of it is coded rather than linked to nothing."""
        self.originals.discard(document.id)
        problem = ReadProblem(document.id, None, reason)
        self.report(DocumentOutcome(document.id, "failed", problem=problem))

    def report(self, outcome: DocumentOutcome) -> None:
        self.summary.count(outcome)
        self.on_outcome(outcome)
