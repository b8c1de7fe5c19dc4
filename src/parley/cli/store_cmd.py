"""`parley ingest` and `parley query`: the DuckDB store from the command line."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parley.batch import IngestSummary
from parley.batch import ingest as ingest_paths
from parley.cli.common import DictionariesOption, console, err_console, load_pipeline, parse_day
from parley.cli.output import Format, write_events
from parley.ingest import ReadProblem
from parley.store import EventFilter, Store

DbOption = typer.Option(Path("parley.duckdb"), "--db", help="The DuckDB store file.")


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
    with Store.open(db) as store, _progress() as progress:
        task = progress.add_task("coding", total=None)

        def advance(item: object) -> None:
            if isinstance(item, ReadProblem):
                progress.console.print(f"skipped {item}", highlight=False)
            progress.advance(task)

        return ingest_paths(paths, store, pipeline, on_document=advance)


def print_summary(summary: IngestSummary, db: Path) -> None:
    err_console.print(
        f"{summary.documents} documents ({summary.new} new, {summary.updated} updated, "
        f"{summary.unchanged} unchanged), {summary.failed} failed; {summary.events} events "
        f"stored in {db} in {summary.seconds:.1f} s",
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
    event: str | None = typer.Option(None, "--event", help="PLOVER category, e.g. CONSULT."),
    actor: str | None = typer.Option(None, "--actor", help="Actor's ISO3 country or org id."),
    recipient: str | None = typer.Option(None, "--recipient", help="Recipient's ISO3 or org id."),
    status: str | None = typer.Option(None, "--status", help="occurred, planned, failed, …"),
    since: str | None = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many events."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Read events back from the store, filtered."""
    if not db.exists():
        raise typer.BadParameter(
            f"{db} does not exist; create it with `parley ingest`", param_hint="--db"
        )
    filters = EventFilter(
        event=event.upper() if event else None,
        actor=actor.upper() if actor else None,
        recipient=recipient.upper() if recipient else None,
        status=status,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        limit=limit,
    )
    with Store.open(db) as store:
        write_events(store.query_events(filters), fmt, console)


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
