"""`parley export`: the filtered events as a file for other tools (JSON Lines, CSV, Parquet)."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import err_console
from parley.cli.selection import (
    ActorOption,
    BetweenOption,
    ClusterOption,
    CountryOption,
    DbOption,
    EventOption,
    OverlapOption,
    PartyOption,
    PrecisionOption,
    RecipientOption,
    SinceOption,
    SortOption,
    StatusOption,
    TextOption,
    UntilOption,
    checked,
    filter_of,
)
from parley.store import ExportFormat


def export(
    output: Path = typer.Option(..., "--output", "-o", help="The file to write (replaced)."),
    fmt: ExportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="jsonl, csv or parquet; by default the output's extension (events.csv is CSV).",
    ),
    dyadic: bool = typer.Option(
        False,
        "--dyadic",
        help="One row per actor × recipient pair with CAMEO code, quad class and Goldstein-style "
        "scale (none for negated, hypothetical and failed events), as GDELT/ICEWS tools "
        "expect, instead of one record per event.",
    ),
    db: Path = DbOption,
    event: list[str] | None = EventOption,
    actor: list[str] | None = ActorOption,
    recipient: list[str] | None = RecipientOption,
    party: list[str] | None = PartyOption,
    between: tuple[str, str] | None = BetweenOption,
    status: list[str] | None = StatusOption,
    country: list[str] | None = CountryOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    overlap: bool = OverlapOption,
    precision: list[str] | None = PrecisionOption,
    q: str | None = TextOption,
    cluster: str | None = ClusterOption,
    sort: str = SortOption,
) -> None:
    """Write the stored events matching the filters to a file.

    By default what happened. JSON Lines holds the full PLOVER records with their cluster
    id, source count and document; CSV and Parquet a flat table. Every row names its
    source: the document's URL, title, source and publication date, and how many documents
    report the event."""
    filters = filter_of(locals())
    chosen = fmt or _format_of(output)
    with reading(db) as store:
        rows = store.export(checked(store, filters), chosen, output, dyadic=dyadic)
    shape = "dyadic rows" if dyadic else "events"
    err_console.print(f"{rows} {shape} written to {output}", highlight=False)


def _format_of(output: Path) -> ExportFormat:
    """The format an output's extension names ('.csv', '.parquet', '.jsonl')."""
    suffix = output.suffix.lower().lstrip(".")
    if suffix in ExportFormat.__members__:
        return ExportFormat(suffix)
    raise typer.BadParameter(
        f"cannot tell the format from '{output.name}': name it .jsonl, .csv or .parquet, "
        "or give --format",
        param_hint="'--format'",
    )
