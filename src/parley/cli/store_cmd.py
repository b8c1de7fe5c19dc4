"""`parley ingest` and `parley query`: the DuckDB store from the command line."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.batch import DocumentOutcome, IngestSummary
from parley.batch import ingest as ingest_paths
from parley.cli.common import (
    DictionariesOption,
    console,
    err_console,
    load_pipeline,
    progress_bar,
)
from parley.cli.output import Format, write_events
from parley.cli.selection import (
    ActorOption,
    ClusterOption,
    DbOption,
    EventOption,
    OverlapOption,
    PrecisionOption,
    RecipientOption,
    SinceOption,
    StatusOption,
    TextOption,
    UntilOption,
    event_filter,
    existing_store,
)
from parley.store import Store


def ingest(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders of articles (.txt, .html, .jsonl)."
    ),
    db: Path = DbOption,
    dictionaries: Path | None = DictionariesOption,
) -> None:
    """Code documents and store them with their events. Re-running on the same input
    changes nothing; a changed document replaces its old events."""
    summary = run_ingest(paths, db, dictionaries)
    print_summary(summary, db)
    if summary.failed:
        raise typer.Exit(1)


def run_ingest(paths: list[Path], db: Path, dictionaries: Path | None) -> IngestSummary:
    """Ingest with a progress bar; shared by `ingest` and `demo`."""
    pipeline = load_pipeline(dictionaries)
    with Store.open(db) as store, progress_bar() as progress:
        task = progress.add_task("coding", total=None)

        def advance(outcome: DocumentOutcome) -> None:
            if outcome.problem is not None:
                progress.console.print(f"skipped {outcome.problem}", highlight=False)
            progress.advance(task)

        return ingest_paths(paths, store, pipeline, on_outcome=advance)


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


def query(
    db: Path = DbOption,
    event: str | None = EventOption,
    actor: str | None = ActorOption,
    recipient: str | None = RecipientOption,
    status: str | None = StatusOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    overlap: bool = OverlapOption,
    precision: list[str] | None = PrecisionOption,
    q: str | None = TextOption,
    cluster: str | None = ClusterOption,
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many events."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Read events back from the store, filtered."""
    filters = event_filter(
        event=event,
        actor=actor,
        recipient=recipient,
        status=status,
        since=since,
        until=until,
        overlap=overlap,
        precision=precision,
        q=q,
        cluster=cluster,
        limit=limit,
    )
    with Store.open(existing_store(db)) as store:
        write_events(store.query_events(filters), fmt, console)
