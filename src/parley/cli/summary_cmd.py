"""`parley summary`: what happened in a period, in one read."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console
from parley.cli.output import Format, date_text, dyad_codes
from parley.cli.selection import (
    ActorOption,
    CountryOption,
    DbOption,
    EventOption,
    OverlapOption,
    PartyOption,
    RecipientOption,
    SinceOption,
    StatusOption,
    UntilOption,
    checked,
    filter_of,
)
from parley.cli.tables import write_rows
from parley.store import PeriodSummary


def summary(
    db: Path = DbOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    overlap: bool = OverlapOption,
    event: list[str] | None = EventOption,
    actor: list[str] | None = ActorOption,
    recipient: list[str] | None = RecipientOption,
    party: list[str] | None = PartyOption,
    status: list[str] | None = StatusOption,
    country: list[str] | None = CountryOption,
    top: int = typer.Option(10, "--top", min=1, help="Rows of the dyads and events lists."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
) -> None:
    """Summarise what happened between --since and --until.

    How many events (and of what status), by category and quad class, the busiest dyads,
    the parties seen for the first time, and the events the most documents report."""
    filters = filter_of(locals())
    with reading(db) as store:
        found = store.period_summary(checked(store, filters), top=top)
    if as_json:
        print(json.dumps(_jsonable(found), ensure_ascii=False, default=str))
        return
    _print(found)


def _jsonable(found: PeriodSummary) -> dict[str, object]:
    data = asdict(found)
    data["most_sourced"] = [
        {**s.event.to_dict(), "cluster_id": s.cluster_id, "source_count": s.source_count}
        for s in found.most_sourced
    ]
    return data


def _print(found: PeriodSummary) -> None:
    period = f"{found.since or 'the first event'} to {found.until or 'the last'}"
    others = ", ".join(f"{n} {status}" for status, n in found.statuses.items())
    console.print(
        f"[b]{period}[/b]: {found.events} events ({found.clusters} once linked across "
        f"documents) from {found.documents} documents. By status, whatever the filter: "
        f"{others or 'none'}.",
        highlight=False,
    )
    table = Format.table
    write_rows(("category", "events", "clusters"), found.categories, table, console, "Categories")
    write_rows(
        ("quad class", "label", "events", "clusters"), found.quads, table, console, "Quad classes"
    )
    write_rows(
        ("actor", "recipient", "events", "clusters"), found.dyads, table, console, "Top dyads"
    )
    if found.since is None:
        console.print("New parties: give --since to compare with what came before.")
    else:
        rows = [(p.party, p.events, p.first_date) for p in found.new_parties]
        title = f"Parties first seen since {found.since}"
        write_rows(("party", "events", "first event"), rows, table, console, title)
    rows = [
        (s.event.id[:8], s.source_count, date_text(s.event), s.event.event, dyad_codes(s.event))
        for s in found.most_sourced
    ]
    title = "Most reported events (`parley show ID`)"
    write_rows(("id", "documents", "date", "event", "parties"), rows, table, console, title)
