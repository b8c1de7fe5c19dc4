"""`parley export`: the filtered events as a file for other tools (JSON Lines, CSV, Parquet)."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import err_console
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
)
from parley.store import ExportFormat


def export(
    output: Path = typer.Option(..., "--output", "-o", help="The file to write (replaced)."),
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl, csv or parquet."),
    dyadic: bool = typer.Option(
        False,
        "--dyadic",
        help="One row per actor × recipient pair with CAMEO code, quad class and Goldstein-style "
        "scale, as GDELT/ICEWS tools expect, instead of one record per event.",
    ),
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
) -> None:
    """Write the stored events matching the filters to a file. JSON Lines holds the full PLOVER
    records with their cluster id and source count; CSV and Parquet a flat table."""
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
    )
    with reading(db) as store:
        rows = store.export(filters, fmt, output, dyadic=dyadic)
    shape = "dyadic rows" if dyadic else "events"
    err_console.print(f"{rows} {shape} written to {output}", highlight=False)
