"""`parley`: the command line. Each command parses its arguments and makes library calls;
errors from the library become one line on stderr here, at the edge, never a traceback."""

from __future__ import annotations

import sys

import typer

from parley.cli import (
    actors_cmd,
    agenda_cmd,
    demo_cmd,
    eval_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    load_cmd,
    query_cmd,
    serve_cmd,
    show_cmd,
    stats_cmd,
    summary_cmd,
)
from parley.cli.common import err_console
from parley.errors import ParleyError

app = typer.Typer(
    name="parley",
    help=(
        "Political event data from news: who did what to whom, when, where, and whether it "
        "happened.\n\nStart with `parley demo`; code your own articles with `parley extract "
        "FILE --published YYYY-MM-DD` or store a folder with `parley ingest DIR --db FILE`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_cmd.extract)
app.command("ingest")(ingest_cmd.ingest)
app.command("load")(load_cmd.load)
app.command("query")(query_cmd.query)
app.command("show")(show_cmd.show)
app.command("stats")(stats_cmd.stats)
app.command("summary")(summary_cmd.summary)
app.command("agenda")(agenda_cmd.agenda)
app.command("export")(export_cmd.export)
app.command("actors")(actors_cmd.actors)
app.command("eval")(eval_cmd.evaluate)
app.command("demo")(demo_cmd.demo)
app.command("serve")(serve_cmd.serve)
app.command("watch")(serve_cmd.watch)


def main() -> None:
    """Entry point of the `parley` script and of `python -m parley`."""
    try:
        app()
    except ParleyError as error:
        err_console.print(f"[red]error[/red] ({error.code}): {error.message}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
