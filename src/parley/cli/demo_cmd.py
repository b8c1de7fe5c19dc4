"""`parley demo`: code the bundled demo corpus into a store and show what it found."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console, err_console
from parley.cli.ingest_cmd import Coding, print_summary, run_ingest
from parley.cli.output import events_table
from parley.store import EventFilter
from parley.store.owner import find_owner


def demo_corpus() -> Path:
    """The demo articles shipped inside the package (written for Parley)."""
    return Path(str(resources.files("parley.data").joinpath("demo", "demo.jsonl")))


def demo(
    db: Path = typer.Option(Path("parley-demo.duckdb"), "--db", help="Where to store the demo."),
    serve: bool = typer.Option(
        True, "--serve/--no-serve", help="Then open the dashboard on it (--no-serve in scripts)."
    ),
    port: int = typer.Option(8000, "--port", help="Port of the dashboard (on 127.0.0.1)."),
) -> None:
    """Code the bundled demo corpus into DB, print its events as a table, and serve the
    dashboard on it until Ctrl+C."""
    summary = run_ingest([demo_corpus()], db, Coding())
    print_summary(summary, db)
    with reading(db) as store:
        console.print(events_table(store.query_events(EventFilter())))
    console.print(
        f"Query it: parley query --db {db} --event CONSULT   ·   all of it: "
        f"parley query --db {db} --format jsonl",
        highlight=False,
    )
    owner = find_owner(db)
    if serve and owner is not None and owner.kind == "serve":
        console.print(f"The dashboard on it is already served at {owner.url}/", highlight=False)
    elif serve:
        # the web stack loads only when used
        from parley.web import Settings
        from parley.web import serve as serve_dashboard
        from parley.web.settings import resolve_token

        token, origin = resolve_token(None)
        serve_dashboard(
            db,
            Settings(token=token),
            port=port,
            announce=lambda line: err_console.print(line, highlight=False),
            token_origin=origin,
        )
