"""`parley load DIR --db FILE`: bring the Parquet partitions of `parley ingest --out DIR` into
a store, then link its events across documents."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.access import writable
from parley.cli.common import err_console
from parley.cli.ingest_cmd import print_links
from parley.cli.selection import DbOption
from parley.store.owner import Owner


def load(
    folder: Path = typer.Argument(
        ...,
        help="A folder of Parquet partitions written by parley ingest --out.",
        exists=True,
        file_okay=False,
    ),
    db: Path = DbOption,
) -> None:
    """Load coded documents from Parquet partitions into the store: new documents are added,
    changed ones replace their old events, unchanged ones are left; then events are linked
    across the whole store. Stop a server that holds the store first."""
    target = writable(db, lambda line: err_console.print(line, highlight=False))
    if isinstance(target, Owner):
        raise typer.BadParameter(
            f"`parley {target.kind}` (PID {target.pid}) holds {db}: stop it, load, then "
            "start it again",
            param_hint="--db",
        )
    from parley.batch import Ingester  # the linker's near-duplicate index loads when used

    with target as store:
        with err_console.status(f"Loading {folder}…"):
            counts = store.load_partitions(folder)
        with err_console.status("Linking events across documents…"):
            links, seconds = Ingester(store).link()
    err_console.print(
        f"{counts.new} documents new, {counts.updated} updated, {counts.unchanged} unchanged; "
        f"{counts.events} events loaded into {db}",
        highlight=False,
    )
    print_links(links, seconds)
