"""`parley ingest`: code documents into the DuckDB store from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parley.cli.access import writable
from parley.cli.common import (
    DictionariesOption,
    RecordCapOption,
    TimeLimitOption,
    err_console,
    load_pipeline,
    progress_bar,
    read_limits,
)
from parley.cli.selection import DbOption
from parley.coding import CodingLimits
from parley.ingest.limits import ReadLimits
from parley.remote import RemoteStore
from parley.store.owner import Owner

if TYPE_CHECKING:
    from parley.batch import DocumentOutcome, IngestSummary


def ingest(
    paths: list[Path] = typer.Argument(
        ...,
        help="Files or folders of articles (.txt .html .jsonl .csv .rss/.atom .warc[.gz]).",
    ),
    db: Path = DbOption,
    dictionaries: Path | None = DictionariesOption,
    max_record_mb: int = RecordCapOption,
    time_limit: float = TimeLimitOption,
) -> None:
    """Code documents and store them with their events. Re-running on the same input
    changes nothing; a changed document replaces its old events. While `parley serve` or
    `parley watch` holds the store, the documents go to it, and its dashboard shows them as
    soon as they are stored."""
    summary = run_ingest(paths, db, dictionaries, read_limits(max_record_mb), time_limit)
    print_summary(summary, db)
    if summary.failed:
        raise typer.Exit(1)


def run_ingest(
    paths: list[Path],
    db: Path,
    dictionaries: Path | None,
    limits: ReadLimits | None = None,
    time_limit: float | None = None,
) -> IngestSummary:
    """Ingest with a progress bar, here or through the store's owner; shared by `ingest`
    and `demo`."""
    # Imported here: the coder and the readers take seconds to load, `parley --help` not.
    from parley.batch import ingest as ingest_paths

    limits = limits or ReadLimits()
    coding = CodingLimits(seconds=time_limit) if time_limit else None
    target = writable(db, lambda line: err_console.print(line, highlight=False))
    if isinstance(target, Owner):
        return _through_owner(target, paths, db, dictionaries, limits, time_limit)
    pipeline = load_pipeline(dictionaries)
    with target as store, progress_bar() as progress:
        task = progress.add_task("coding", total=None)

        def advance(outcome: DocumentOutcome) -> None:
            if outcome.problem is not None:
                progress.console.print(f"skipped {outcome.problem}", highlight=False)
            progress.advance(task)

        return ingest_paths(paths, store, pipeline, advance, coding, limits)


def _through_owner(
    owner: Owner,
    paths: list[Path],
    db: Path,
    dictionaries: Path | None,
    limits: ReadLimits,
    time_limit: float | None,
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
        return remote.ingest(paths, limits.max_record_bytes, time_limit, advance)


def print_summary(summary: IngestSummary, db: Path) -> None:
    err_console.print(
        f"{summary.counts()} stored in {db} in {summary.seconds:.1f} s", highlight=False
    )
    links = summary.links
    err_console.print(
        f"store: {links.multi_source_clusters} clusters reported by more than one document, "
        f"{links.planned_links} planned→occurred links, {links.near_duplicates} near-duplicate "
        f"documents (linked in {summary.link_seconds:.1f} s)",
        highlight=False,
    )
    if summary.undated:
        err_console.print(
            f"warning: {summary.undated} document(s) had no publication date; their relative "
            "dates are unresolved",
            highlight=False,
        )
