"""`parley stats`: counts of stored events by month, dyad, category or quad class."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console
from parley.cli.output import Format
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
from parley.cli.tables import write_rows
from parley.store import StatsBy


def stats(
    db: Path = DbOption,
    by: StatsBy = typer.Option(
        StatsBy.category,
        "--by",
        help="month (of the start date), dyad (actor party → recipient party), category, quad "
        "(quad class) or precision (how precisely events are dated: day … window, undated).",
    ),
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
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or jsonl."),
) -> None:
    """Count the stored events matching the filters: `events` counts records, `clusters` the
    real-world events they report once linked across documents."""
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
        columns, rows = store.stats(by, filters)
    write_rows(columns, rows, fmt, console)
