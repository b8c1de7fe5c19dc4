"""`parley stats`: counts of stored events by month, dyad, category, quad class, status or
date precision; by month, several parties side by side."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console
from parley.cli.output import Format, FormatOption, for_people
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
    StatusOption,
    TextOption,
    UntilOption,
    checked,
    filter_of,
)
from parley.cli.tables import write_rows
from parley.store import Comparison, EventFilter, StatsBy


def stats(
    db: Path = DbOption,
    by: StatsBy = typer.Option(
        StatsBy.category,
        "--by",
        help="month (of the start date; every month from the first to the last, empty ones "
        "too), dyad (actor party → recipient party), category, quad (quad class), status, or "
        "precision (how precisely events are dated: day … window, undated).",
    ),
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
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="At most this many rows (the largest, by dyad or category)."
    ),
    fmt: Format | None = FormatOption,
) -> None:
    """Count the stored events matching the filters.

    `events` counts records, `clusters` the real-world events they report once linked
    across documents. By default only what happened is counted (--status all, or --by
    status, for the rest). With --by month and several --actor, --recipient or --party
    values, each party gets a column of its own: `--by month --actor USA --actor IRN`
    compares the two month by month."""
    filters = filter_of(locals(), limit=None)
    with reading(db) as store:
        columns, rows = store.stats(
            by, checked(store, filters), _comparison(by, filters), limit=limit
        )
    write_rows(columns, rows, for_people(fmt, console), console)


def _comparison(by: StatsBy, filters: EventFilter) -> Comparison | None:
    """Several parties in one role (or either) to put side by side, by month."""
    if by is not StatsBy.month:
        return None
    for role, parties in (("actor", filters.actor), ("recipient", filters.recipient)):
        if parties and len(parties) > 1:
            return Comparison(parties, role)
    if filters.party and len(filters.party) > 1:
        return Comparison(filters.party, None)
    return None
