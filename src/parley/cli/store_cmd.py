"""`parley query`: the DuckDB store from the command line."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console
from parley.cli.output import Format, write_events
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


def query(
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
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many events."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Read events back from the store, filtered."""
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
        limit=limit,
    )
    with reading(db) as store:
        write_events(store.query_events(filters), fmt, console)
