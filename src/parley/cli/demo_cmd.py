"""`parley demo`: code the bundled demo corpus into a store and show what it found."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer

from parley.cli.common import console
from parley.cli.output import events_table
from parley.cli.store_cmd import print_summary, run_ingest
from parley.store import EventFilter, Store


def demo_corpus() -> Path:
    """The demo articles shipped inside the package (written for Parley)."""
    return Path(str(resources.files("parley.data").joinpath("demo", "demo.jsonl")))


def demo(
    db: Path = typer.Option(Path("parley-demo.duckdb"), "--db", help="Where to store the demo."),
) -> None:
    """Code the bundled demo corpus into DB and print its events as a table."""
    summary = run_ingest([demo_corpus()], db, None)
    print_summary(summary, db)
    with Store.open(db) as store:
        console.print(events_table(store.query_events(EventFilter())))
    console.print(
        f"Query it: parley query --db {db} --event CONSULT   ·   all of it: "
        f"parley query --db {db} --format jsonl",
        highlight=False,
    )
