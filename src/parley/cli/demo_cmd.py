"""`parley demo`: code the bundled demo corpus into a store and show what it found."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console, err_console
from parley.cli.ingest_cmd import Coding, print_summary, run_ingest
from parley.cli.output import for_people, write_events
from parley.store import EventFilter
from parley.store.filters import DEFAULT_STATUS
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
    """Code the bundled demo corpus, print what happened in it, serve the dashboard.

    The store is DB; the events print as a table on a terminal, as TSV in a pipe; the
    dashboard runs until Ctrl+C (--no-serve in scripts)."""
    summary = run_ingest([demo_corpus()], db, Coding())
    print_summary(summary, db)
    with reading(db) as store:
        events = store.sourced_events(EventFilter(status=DEFAULT_STATUS))
        everything = store.count_events(EventFilter())
    write_events(events, for_people(None, console), console)
    err_console.print(
        f"{len(events)} events that happened, {everything - len(events)} planned, failed, "
        f"denied or hypothetical (parley query --db {db} --status all). Read one: parley show "
        f"ID --db {db}; filter: parley query --db {db} --event CONSULT; all of it: "
        f"parley export --db {db} --status all --format jsonl -o events.jsonl",
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
