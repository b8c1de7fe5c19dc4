"""`parley serve`: the dashboard and REST API over a store, on this machine."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.common import DictionariesOption, err_console


def serve(
    db: Path = typer.Option(Path("parley.duckdb"), "--db", help="The DuckDB store file."),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind; 0.0.0.0 exposes it to your network."
    ),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        help="Bearer token for POST /api/documents (default: $PARLEY_TOKEN, else a new one "
        "printed at start).",
    ),
    dictionaries: Path | None = DictionariesOption,
) -> None:
    """Serve the analyst's dashboard at http://HOST:PORT/ and the JSON API under /api."""
    # Imported here so that other commands do not pay for loading the web framework.
    from parley.web import serve as run_server

    run_server(
        db,
        host=host,
        port=port,
        token=token,
        dictionaries=dictionaries,
        announce=lambda line: err_console.print(line, highlight=False),
    )
