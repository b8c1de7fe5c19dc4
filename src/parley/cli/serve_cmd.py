"""`parley serve` and `parley watch`: the process that holds a store, with the dashboard or
without it, coding the files that arrive in a folder."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.common import (
    DictionariesOption,
    RecordCapOption,
    TimeLimitOption,
    err_console,
    read_limits,
)
from parley.coding import CodingLimits
from parley.web.settings import LOCAL_HOSTS, WATCH_INTERVAL

IntervalOption = typer.Option(
    WATCH_INTERVAL,
    "--interval",
    min=0.1,
    help="Seconds between looks into the watched folder; a file is read once two looks in a "
    "row find it unchanged (so not while it is still being written).",
)


def serve(
    db: Path = typer.Option(Path("parley.duckdb"), "--db", help="The DuckDB store file."),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind; 0.0.0.0 exposes it to your network."
    ),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        help="Bearer token for POST /api/documents (default: $PARLEY_TOKEN, else a new one "
        "printed at start).",
    ),
    allow_host: list[str] | None = typer.Option(
        None,
        "--allow-host",
        help=f"A name the server answers to besides {', '.join(LOCAL_HOSTS)} (the Host "
        "header of other names is refused, against DNS rebinding); repeat for more, '*' for "
        "any.",
    ),
    watch: Path | None = typer.Option(
        None,
        "--watch",
        help="Also code the files that arrive in this folder (JSON Lines, CSV, feeds, WARC, "
        "text, HTML), each once, as they are finished; progress goes to the log.",
        file_okay=False,
        exists=True,
    ),
    interval: float = IntervalOption,
    dictionaries: Path | None = DictionariesOption,
    max_record_mb: int = RecordCapOption,
    time_limit: float = TimeLimitOption,
) -> None:
    """Serve the analyst's dashboard at http://HOST:PORT/ and the JSON API under /api. While
    it runs it holds the store: every other `parley` command on the same --db (ingest,
    query, show, stats, export...) goes through it, and the dashboard shows what they add
    at once."""
    _run(
        db,
        host=host,
        port=port,
        token=token,
        allow_host=allow_host or [],
        watch=watch,
        interval=interval,
        dictionaries=dictionaries,
        max_record_mb=max_record_mb,
        time_limit=time_limit,
        dashboard=True,
    )


def watch(
    folder: Path = typer.Argument(
        ..., help="The folder to watch (a drop folder, a crawler's output).", file_okay=False
    ),
    db: Path = typer.Option(Path("parley.duckdb"), "--db", help="The store (created if new)."),
    interval: float = IntervalOption,
    dictionaries: Path | None = DictionariesOption,
    max_record_mb: int = RecordCapOption,
    time_limit: float = TimeLimitOption,
) -> None:
    """Code the files that arrive in FOLDER into the store, each once, as they are finished,
    until Ctrl+C: the dashboard-less `parley serve --watch`. Files already read are not read
    again after a restart; one it was in the middle of is read again (what it stored of it is
    then unchanged). It holds the store meanwhile, and every other `parley` command on it
    (ingest, query, show, stats, export...) goes through it."""
    if not folder.is_dir():
        raise typer.BadParameter(f"{folder} is not a folder", param_hint="FOLDER")
    _run(
        db,
        host="127.0.0.1",
        port=0,
        token=None,
        allow_host=[],
        watch=folder,
        interval=interval,
        dictionaries=dictionaries,
        max_record_mb=max_record_mb,
        time_limit=time_limit,
        dashboard=False,
    )


def _run(
    db: Path,
    *,
    host: str,
    port: int,
    token: str | None,
    allow_host: list[str],
    watch: Path | None,
    interval: float,
    dictionaries: Path | None,
    max_record_mb: int,
    time_limit: float,
    dashboard: bool,
) -> None:
    # Imported here so that other commands do not pay for loading the web framework.
    from parley.web import Settings
    from parley.web import serve as run_server
    from parley.web.settings import resolve_token

    token_value, origin = resolve_token(token)
    settings = Settings(
        token=token_value,
        dictionaries=dictionaries,
        allowed_hosts=(*LOCAL_HOSTS, *allow_host),
        dashboard=dashboard,
        coding=CodingLimits(seconds=time_limit),
        reading=read_limits(max_record_mb),
        watch=watch.resolve() if watch else None,
        watch_interval=interval,
    )
    run_server(
        db,
        settings,
        host=host,
        port=port,
        announce=lambda line: err_console.print(line, highlight=False),
        token_origin=origin,
        kind="serve" if dashboard else "watch",
    )
