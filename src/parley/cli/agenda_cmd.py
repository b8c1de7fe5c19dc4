"""`parley agenda`: planned events by expected date, and what became of each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console, parse_day
from parley.cli.output import Format, FormatOption, date_text, dyad_codes, for_people
from parley.cli.selection import (
    ActorOption,
    BetweenOption,
    CountryOption,
    DbOption,
    EventOption,
    PartyOption,
    RecipientOption,
    SinceOption,
    UntilOption,
    checked,
    filter_of,
)
from parley.cli.tables import write_rows

_COLUMNS = ("expected", "dated", "state", "event", "parties", "id", "doc", "became", "evidence")


def agenda(
    db: Path = DbOption,
    event: list[str] | None = EventOption,
    actor: list[str] | None = ActorOption,
    recipient: list[str] | None = RecipientOption,
    party: list[str] | None = PartyOption,
    between: tuple[str, str] | None = BetweenOption,
    country: list[str] | None = CountryOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        help="The day to judge plans overdue against (YYYY-MM-DD); default: the latest "
        "publication date in the store, the news it holds rather than today.",
    ),
    fmt: Format | None = FormatOption,
) -> None:
    """List planned events by expected date, and what became of each.

    The meetings, votes and visits the news says are coming: each `occurred` once a later
    article reports it (with that event's id), `overdue` once its date has passed
    unreported, else `upcoming`. Plans the text does not date come last."""
    filters = filter_of(locals(), status=["all"])
    day: date | None = parse_day(as_of, "--as-of")
    with reading(db) as store:
        found = store.agenda(checked(store, filters), day)
    rows = [
        (
            date_text(item.event),
            item.event.date.granularity if item.event.date else "undated",
            item.state,
            item.event.event,
            dyad_codes(item.event),
            item.event.id[:8],
            item.event.doc_id,
            item.occurrence.id[:8] if item.occurrence else "",
            " ".join(item.event.text.split()),
        )
        for item in found.items
    ]
    title = f"Agenda as of {found.as_of}" if found.as_of else "Agenda"
    write_rows(_COLUMNS, rows, for_people(fmt, console), console, title)
