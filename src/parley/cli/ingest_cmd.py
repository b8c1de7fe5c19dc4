"""`parley ingest`: code documents into a store, with every core of this machine, or on Ray.

Whoever codes (this process, `--workers N` worker processes, or Ray with `--ray`), one
writer stores: this process, or the server that holds the store. `--out DIR` writes Parquet
partitions instead of a store, for `parley load` (see `parley.store.partitions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parley.cli.access import writable
from parley.cli.common import (
    DictionariesOption,
    PublishedOption,
    RecordCapOption,
    TimeLimitOption,
    err_console,
    load_pipeline,
    parse_day,
    progress_bar,
    read_limits,
)
from parley.cli.selection import DbOption
from parley.coding import CodingLimits
from parley.ingest.limits import ReadLimits
from parley.remote import RemoteStore
from parley.store import LinkCounts, Store
from parley.store.owner import Owner

if TYPE_CHECKING:  # the coders load spaCy, the readers their parsers: imported when used
    from parley.batch import DocumentOutcome, IngestSummary
    from parley.coders.crew import Crew
    from parley.pipeline import Pipeline

_MIB = 1024 * 1024

WorkersOption = typer.Option(
    None,
    "--workers",
    "-w",
    min=1,
    help="Worker processes that code (each loads the model once, some 500 MB); default: "
    "this machine's cores. 1 codes in this process. With --ray: Ray workers, default one "
    "per CPU of the cluster. Any number gives the same events.",
)
RayOption = typer.Option(
    False,
    "--ray",
    help="Code on Ray: the cluster at --address (or RAY_ADDRESS), else a local Ray started "
    "for this run. Needs pip install 'parley[ray]'.",
)
AddressOption = typer.Option(
    None,
    "--address",
    help="With --ray: the cluster to code on, e.g. auto (this node's), ray://HEAD:10001.",
)
OutOption = typer.Option(
    None,
    "--out",
    help="Write the coded documents as Parquet partitions into this folder instead of a "
    "store (--db is not used); bring them into a store with parley load.",
    file_okay=False,
)


def ingest(
    paths: list[Path] = typer.Argument(
        ...,
        help="Files or folders of articles (.txt .html .jsonl .csv .rss/.atom .warc[.gz]).",
    ),
    db: Path = DbOption,
    published: str | None = PublishedOption,
    dictionaries: Path | None = DictionariesOption,
    max_record_mb: int = RecordCapOption,
    time_limit: float = TimeLimitOption,
    workers: int | None = WorkersOption,
    ray: bool = RayOption,
    address: str | None = AddressOption,
    out: Path | None = OutOption,
) -> None:
    """Code documents and store them with their events. Re-running on the same input
    changes nothing; a changed document replaces its old events. While `parley serve` or
    `parley watch` holds the store, the documents go to it, and its dashboard shows them as
    soon as they are stored."""
    if address is not None and not ray:
        raise typer.BadParameter("--address is the Ray cluster's: give --ray too")
    coding = Coding(workers, dictionaries, ray, address)
    limits = read_limits(max_record_mb)
    day = parse_day(published, "--published")
    if out is not None:
        summary = run_ingest_out(paths, out, coding, limits, time_limit, day)
        err_console.print(
            f"{summary.counts()} written to {out} as Parquet partitions in "
            f"{summary.seconds:.1f} s; bring them into a store with: parley load {out} --db FILE",
            highlight=False,
        )
        print_peaks(summary)
    else:
        summary = run_ingest(paths, db, coding, limits, time_limit, day)
        print_summary(summary, db)
    if summary.failed:
        raise typer.Exit(1)


class Coding:
    """Who codes an ingest: `workers` processes here (None: one per core; 1: this process),
    or Ray workers (`ray`, at `address`), with `dictionaries`."""

    def __init__(
        self,
        workers: int | None = 1,
        dictionaries: Path | None = None,
        ray: bool = False,
        address: str | None = None,
    ) -> None:
        self.workers = workers
        self.dictionaries = dictionaries
        self.ray = ray
        self.address = address

    @contextmanager
    def crew(self) -> Iterator[Pipeline | Crew]:
        """The coders, started (their models loaded) and ended around the run."""
        if self.ray:
            with self._ray() as crew:
                yield crew
            return
        from parley.coders.pool import ProcessPool, local_cores

        workers = self.workers or local_cores()
        if workers == 1:
            yield load_pipeline(self.dictionaries)
            return
        with ProcessPool(workers, self.dictionaries) as pool:
            with err_console.status(f"Loading the language model in {workers} workers…"):
                pool.identity()
            yield pool

    @contextmanager
    def _ray(self) -> Iterator[Crew]:
        from parley.coders.ray_crew import RayCrew  # Ray is an optional extra

        with err_console.status("Starting Ray…"):
            crew = RayCrew(self.address, self.workers, self.dictionaries)
        with crew:
            err_console.print(
                f"coding on Ray: {crew.size} workers, {crew.cpus} CPUs in the cluster",
                highlight=False,
            )
            with err_console.status(f"Loading the language model in {crew.size} Ray workers…"):
                crew.identity()
            yield crew


def run_ingest(
    paths: list[Path],
    db: Path,
    coding: Coding,
    limits: ReadLimits | None = None,
    time_limit: float | None = None,
    published: date | None = None,
) -> IngestSummary:
    """Ingest with a progress bar, here or through the store's owner; shared by `ingest`
    and `demo`. `published` dates what carries no date of its own."""
    limits = limits or ReadLimits()
    coding_limits = CodingLimits(seconds=time_limit) if time_limit else None
    target = writable(db, lambda line: err_console.print(line, highlight=False))
    if isinstance(target, Owner):
        remote = (limits, time_limit, published)
        return _through_owner(target, paths, db, coding.dictionaries, *remote)
    with target as store:
        return _code_into(store, paths, coding, limits, coding_limits, published)


def run_ingest_out(
    paths: list[Path],
    out: Path,
    coding: Coding,
    limits: ReadLimits,
    time_limit: float | None = None,
    published: date | None = None,
) -> IngestSummary:
    """Ingest into Parquet partitions under `out` (linked when loaded, not here)."""
    from parley.store.partitions import PartitionStore

    coding_limits = CodingLimits(seconds=time_limit) if time_limit else None
    with PartitionStore(out) as store:
        return _code_into(store, paths, coding, limits, coding_limits, published, link=False)


def _code_into(
    store: Store,
    paths: list[Path],
    coding: Coding,
    limits: ReadLimits,
    coding_limits: CodingLimits | None,
    published: date | None,
    link: bool = True,
) -> IngestSummary:
    from parley.batch import ingest as ingest_paths

    with coding.crew() as crew, progress_bar() as progress:
        task = progress.add_task("coding", total=None)

        def advance(outcome: DocumentOutcome) -> None:
            if outcome.problem is not None:
                progress.console.print(f"skipped {outcome.problem}", highlight=False)
            progress.advance(task)

        return ingest_paths(paths, store, crew, advance, coding_limits, limits, link, published)


def _through_owner(
    owner: Owner,
    paths: list[Path],
    db: Path,
    dictionaries: Path | None,
    limits: ReadLimits,
    time_limit: float | None,
    published: date | None,
) -> IngestSummary:
    """Have the process that holds `db` ingest `paths`, with a progress bar here."""
    given = str(dictionaries.resolve()) if dictionaries else None
    if given != owner.dictionaries:
        raise typer.BadParameter(
            f"`parley {owner.kind}` (PID {owner.pid}) holds {db} and codes with "
            f"{owner.dictionaries or 'the shipped dictionaries'}; ingest with the same "
            "--dictionaries, or stop it first",
            param_hint="--dictionaries",
        )
    err_console.print(
        f"{db} is held by `parley {owner.kind}` (PID {owner.pid}, {owner.url}): "
        "it codes and stores these documents",
        highlight=False,
    )
    with progress_bar() as progress:
        task = progress.add_task("coding", total=None)

        def advance(handled: int, problems: list[str]) -> None:
            for problem in problems:
                progress.console.print(f"skipped {problem}", highlight=False)
            progress.update(task, completed=handled)

        remote = RemoteStore(owner)
        return remote.ingest(paths, limits.max_record_bytes, time_limit, advance, published)


def print_summary(summary: IngestSummary, db: Path) -> None:
    err_console.print(
        f"{summary.counts()} stored in {db} in {summary.seconds:.1f} s", highlight=False
    )
    print_peaks(summary)
    print_links(summary.links, summary.link_seconds)
    if summary.undated:
        err_console.print(
            f"warning: {summary.undated} document(s) had no publication date; their relative "
            "dates are unresolved",
            highlight=False,
        )


def print_peaks(summary: IngestSummary) -> None:
    """The peak memory of each worker, when workers coded."""
    if len(summary.peaks) > 1:
        peaks = ", ".join(f"{peak / _MIB:.0f}" for peak in summary.peaks)
        err_console.print(
            f"coded by {len(summary.peaks)} workers; peak memory of each: {peaks} MiB",
            highlight=False,
        )


def print_links(links: LinkCounts, seconds: float) -> None:
    err_console.print(
        f"store: {links.multi_source_clusters} clusters reported by more than one document, "
        f"{links.planned_links} planned→occurred links, {links.near_duplicates} near-duplicate "
        f"documents (linked in {seconds:.1f} s)",
        highlight=False,
    )
