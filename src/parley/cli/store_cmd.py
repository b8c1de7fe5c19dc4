"""`parley ingest`: code documents into the DuckDB store from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parley.cli.common import DictionariesOption, err_console, load_pipeline, progress_bar
from parley.cli.selection import DbOption
from parley.store import Store

if TYPE_CHECKING:
    from parley.batch import IngestSummary


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
    # Imported here: the coder and the readers take seconds to load, `parley --help` not.
    from parley.batch import ingest as ingest_paths
    from parley.ingest import ReadProblem

    pipeline = load_pipeline(dictionaries)
    with Store.open(db) as store, progress_bar() as progress:
        task = progress.add_task("coding", total=None)

        def advance(item: object) -> None:
            if isinstance(item, ReadProblem):
                progress.console.print(f"skipped {item}", highlight=False)
            progress.advance(task)

        return ingest_paths(paths, store, pipeline, on_document=advance)


def print_summary(summary: IngestSummary, db: Path) -> None:
    copies = f", {summary.duplicates} near-duplicate" if summary.duplicates else ""
    err_console.print(
        f"{summary.documents} documents ({summary.new} new, {summary.updated} updated, "
        f"{summary.unchanged} unchanged{copies}), {summary.failed} failed; {summary.events} "
        f"events stored in {db} in {summary.seconds:.1f} s",
        highlight=False,
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
