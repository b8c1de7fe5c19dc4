"""`parley query`: read events back from the store, filtered."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console
from parley.cli.output import Format, FormatOption, for_people, write_events
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


def query(
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
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many events."),
    fmt: Format | None = FormatOption,
) -> None:
    """Read events back from the store, filtered.

    By default what happened (--status all for plans, denials and the rest), oldest first
    (--sort -date for the latest). Each event shows its id: `parley show ID` prints it with
    its evidence and source."""
    filters = filter_of(locals())
    with reading(db) as store:
        events = store.sourced_events(checked(store, filters))
    write_events(events, for_people(fmt, console), console)
